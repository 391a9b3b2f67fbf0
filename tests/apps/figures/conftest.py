"""Fixtures of the figures tests: the sample documents stored (their indicators), figure files."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.apps.conftest import SAMPLES

FIGURES_CSV = SAMPLES / "haiphong-2025-figures.csv"
HEADER = "indicator,period,value,qualifier,unit,comparison,scope,source,published"


@pytest.fixture
def figures_csv(tmp_path: Path) -> Path:
    """A copy of the shipped figures (tests may edit it)."""
    path = tmp_path / "haiphong-2025-figures.csv"
    shutil.copyfile(FIGURES_CSV, path)
    return path


def write_csv(path: Path, *rows: str) -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def import_actuals(*args: str) -> tuple[str, str]:
    """Run `kehoach actuals import ...` in-process; (stdout, stderr)."""
    out, err = StringIO(), StringIO()
    call_command("actuals", "import", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def iip(db):
    """The IIP indicator as the plan stores it: an index in % (same period last year = 100)."""
    from kehoach.apps.indicators.models import Indicator

    return Indicator.objects.create(key="iip", name="Chỉ số sản xuất công nghiệp (IIP)", unit="%", kind="index")


@pytest.fixture
def investment(db):
    from kehoach.apps.indicators.models import Indicator

    return Indicator.objects.create(key="investment", name="Tổng vốn đầu tư toàn xã hội", unit="tỷ đồng", kind="flow")


@pytest.fixture
def approver(db, django_user_model):
    """A staff member of Sở Tài chính: allowed to approve figures."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(username="stc", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="approve_actualfigure"))
    return django_user_model.objects.get(pk=user.pk)  # fresh: permissions are cached per instance


@pytest.fixture
def clerk(db, django_user_model):
    """Someone who enters and submits figures but may not approve them."""
    return django_user_model.objects.create_user(username="thongke", password="x", is_staff=True)
