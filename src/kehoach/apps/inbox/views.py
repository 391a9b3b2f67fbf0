"""Thông báo (/inbox/): the signed-in user's notices, unread first; opening one marks it read and
goes where it is acted on (the agency's workspace); "Mark all as read". Every signed-in user opens
it (a user who reports for no agency has none)."""

from __future__ import annotations

from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from kehoach.apps.inbox import notices
from kehoach.web.views.generic import StaffMixin


class SignedIn(StaffMixin):
    def allowed(self, request) -> bool:
        return True


class InboxView(SignedIn, TemplateView):
    template_name = "inbox/list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        found = notices.notices_for(self.request.user, self.as_of)
        context.update(active="inbox", title=_("Notifications"), notices=found,
                       unread=sum(1 for n in found if not n.read))
        return context


class OpenNoticeView(SignedIn, View):
    """POST ``key``: that notice is read; on to where it is acted on (back to the inbox when the
    notice is not the user's any more)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        key = request.POST.get("key", "")
        notice = next((n for n in notices.notices_for(request.user, self.as_of) if n.key == key), None)
        if notice is None:
            return HttpResponseRedirect(reverse("inbox:list"))
        notices.mark_read(request.user, [notice.key])
        return HttpResponseRedirect(notice.url)


class MarkAllReadView(SignedIn, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        notices.mark_read(request.user, [n.key for n in notices.notices_for(request.user, self.as_of)])
        return HttpResponseRedirect(reverse("inbox:list"))
