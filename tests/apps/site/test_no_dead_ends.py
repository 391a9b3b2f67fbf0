"""No dead ends: a page links only to pages its reader can open; the administrator's menu has the
administration site."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from kehoach.apps.organisations.models import Agency, Leader

pytestmark = pytest.mark.django_db


def workspace_links(html: str) -> set[str]:
    return set(re.findall(r'href="(/agencies/\d+/workspace/)"', html))


def test_an_officer_on_a_leader_s_page_is_linked_only_to_the_own_workspace(people, login):
    own = reverse("workspace:agency", args=[Agency.objects.get(name="Sở Công Thương").pk])
    for leader in Leader.objects.all():
        html = login(people["officer_a"]).get(reverse("organisations:leader", args=[leader.pk])).content.decode()
        assert workspace_links(html) <= {own}
        for link in workspace_links(html):
            assert login(people["officer_a"]).get(link).status_code == 200


def test_a_leader_is_linked_to_every_workspace_it_may_read(people, login):
    leader = Leader.objects.get(name="Hoàng Minh Cường")
    html = login(people["leader"]).get(reverse("organisations:leader", args=[leader.pk])).content.decode()
    links = workspace_links(html)
    assert links and all(login(people["leader"]).get(link).status_code == 200 for link in links)


def test_the_administration_site_is_in_the_menu_of_whoever_may_open_it(people, login):
    admin_menu = login(people["admin"]).get("/").content.decode().split("</nav>")[0]
    assert 'href="/admin/"' in admin_menu and "Quản trị hệ thống" in admin_menu
    for role in ("finance", "leader", "officer_a", "nobody"):
        client = login(people[role])
        linked = 'href="/admin/"' in client.get("/public/").content.decode()
        assert linked == (client.get("/admin/").status_code == 200), role
