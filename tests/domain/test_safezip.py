"""``kehoach.domain.safezip``: an archive is refused, naming the member, before anything is inflated."""

from __future__ import annotations

import io
import zipfile

import pytest

from kehoach.domain import safezip
from kehoach.domain.safezip import MB, Limits, ZipBombError


def archive(**members: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name.replace("__", "/"), data)
    return out.getvalue()


def test_an_ordinary_workbook_passes():
    safezip.check(archive(xl__workbook=b"<workbook/>", xl__worksheets__sheet1=b"<row>1</row>" * 1000))


def test_a_file_that_is_not_a_zip_passes_to_its_reader():
    safezip.check(b"indicator,period,value\n")


def test_a_member_compressed_beyond_the_ratio_is_a_bomb():
    with pytest.raises(ZipBombError, match=r"xl/worksheets/sheet1.xml is compressed \d+ to 1"):
        safezip.check(archive(**{"xl__worksheets__sheet1.xml": b"0" * (20 * MB)}))


def test_a_member_too_large_is_refused_by_its_declared_size():
    with pytest.raises(ZipBombError, match="would expand to 3.0 MB, at most 2.0 MB per member"):
        safezip.check(archive(big=bytes(range(256)) * (3 * MB // 256)), Limits(max_member=2 * MB, max_ratio=10**6))


def test_the_total_and_the_number_of_members_are_bounded():
    with pytest.raises(ZipBombError, match="more than 1.0 MB together"):
        safezip.check(archive(a=b"x" * (MB // 2 + 1), b=b"y" * (MB // 2 + 1)), Limits(max_total=MB))
    with pytest.raises(ZipBombError, match="3 members in the archive, at most 2"):
        safezip.check(archive(a=b"", b=b"", c=b""), Limits(max_members=2))


def test_the_limits_come_from_the_environment():
    assert safezip.limits({"KEHOACH_ZIP_MAX_RATIO": "50", "KEHOACH_ZIP_MAX_TOTAL_MB": "10"}) == Limits(
        max_member=100 * MB, max_total=10 * MB, max_ratio=50, max_members=2000)
    assert safezip.limits({}, kind="backup").max_total == 20000 * MB


def test_value_bounds_by_kind():
    from decimal import Decimal

    from kehoach.domain.bounds import value_problem

    assert value_problem("flow", Decimal("-5"), Decimal("-5")) is not None
    assert value_problem("flow", Decimal("-5"), Decimal("-5"), may_be_negative=True) is None
    assert value_problem("growth", Decimal("-100"), None) is None
    assert value_problem("growth", Decimal("-100.1"), None) is not None
    assert value_problem("index", Decimal("105"), None) is None
    assert value_problem("level", Decimal("-3"), None) is None
