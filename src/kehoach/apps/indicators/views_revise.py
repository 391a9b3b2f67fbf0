"""Sở Tài chính revises a target or scenario value on the indicator page (POST only).

The same rules as ``kehoach targets import`` (``revisions.revise_one``); the revision is a new row,
the value it revises is kept, superseded, and the history names the signed-in user.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views import View

from kehoach.apps.accounts import roles
from kehoach.apps.indicators.models import Indicator
from kehoach.apps.indicators.revisions import revise_one

FIELDS = ("period", "value", "unit", "scope", "basis", "document", "source", "issued", "set_by")


class ReviseTargetView(View):
    http_method_names = ["post"]

    def post(self, request, key: str):
        roles.require(request.user.is_authenticated and roles.may_revise_targets(request.user))
        indicator = get_object_or_404(Indicator, key=key)
        action, problems = revise_one(indicator, {f: request.POST.get(f, "") for f in FIELDS})
        if problems:
            for problem in problems:
                messages.error(request, problem)
        else:
            messages.success(request, {"created": "Đã lưu giá trị mới.",
                                       "revised": "Đã lưu điều chỉnh; giá trị trước vẫn được giữ trong lịch sử chỉ tiêu.",
                                       "unchanged": "Không có gì thay đổi."}[action])
        return redirect(f"{indicator.get_absolute_url()}#h-targets")
