"""One account per role for ``kehoach demo`` (and the tests): who they are and what they may do.

Agency officers are members of Sở Công Thương (IIP, exports; 23 tasks) and of Sở Văn hóa, Thể
thao và Du lịch (tourists); the leader is Phó Chủ tịch Hoàng Minh Cường. Agencies or leaders that
the stored plan does not have are skipped.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from kehoach.apps.accounts.roles import FINANCE_GROUP, LEADERS_GROUP, ensure_groups
from kehoach.apps.organisations.models import Agency, Leader, Membership

AGENCY_A = "Sở Công Thương"
AGENCY_B = "Sở Văn hóa, Thể thao và Du lịch"
LEADER = "Hoàng Minh Cường"


@dataclass(frozen=True)
class DemoAccount:
    role: str
    username: str
    password: str
    who: str


def _new_password() -> str:
    return secrets.token_urlsafe(9)


def ensure_demo_accounts(password: Callable[[str], str] = lambda _username: _new_password()) -> list[DemoAccount]:
    """(Re)create the demo accounts with new passwords; return them to be printed once."""
    ensure_groups()
    User = get_user_model()
    accounts: list[DemoAccount] = []

    def account(username: str, role: str, who: str, **flags):
        user, _created = User.objects.get_or_create(username=username)
        for name, value in flags.items():
            setattr(user, name, value)
        secret = password(username)
        user.set_password(secret)
        user.is_active = True
        user.save()
        accounts.append(DemoAccount(role, username, secret, who))
        return user

    with transaction.atomic():
        account("demo", "admin", "Quản trị hệ thống", is_staff=True, is_superuser=True)
        finance = account("stc", "finance", "Sở Tài chính", is_staff=True, first_name="Cán bộ", last_name="Sở Tài chính")
        finance.groups.add(Group.objects.get(name=FINANCE_GROUP))
        # one role per account (maker-checker): Sở Tài chính's approver reports for no agency
        Membership.objects.filter(user=finance).delete()
        leader = Leader.objects.filter(name=LEADER).first()
        if leader:
            user = account("lanhdao", "leader", f"{leader.title} {leader.name}".strip(), first_name=leader.name)
            user.groups.add(Group.objects.get(name=LEADERS_GROUP))
            Leader.objects.filter(user=user).exclude(pk=leader.pk).update(user=None)
            leader.user = user
            leader.save()
        for username, name in (("congthuong", AGENCY_A), ("vanhoa", AGENCY_B)):
            agency = Agency.objects.filter(name=name).first()
            if agency:
                user = account(username, "officer", f"Cán bộ {name}", first_name="Cán bộ", last_name=name)
                Membership.objects.get_or_create(user=user, agency=agency)
    return accounts
