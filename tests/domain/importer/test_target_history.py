"""Targets of the same indicator and year across documents: the later document's target is
compared with the earlier one's, and a document without a date counts as the earliest."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kehoach.domain.entities import Document, Target, TargetBasis, Value
from kehoach.domain.importer.checks import check_target_history


def document(number: str, day: date | None) -> Document:
    return Document(kind="Kế hoạch", number=number, issuer="UBND", date=day, title="Kế hoạch")


def target(document_key: str, text: str, basis=TargetBasis.STRETCH) -> Target:
    amount = Decimal(text.replace(",", "."))
    return Target(indicator="grdp", year=2025, value=Value(text, low=amount, high=amount), document=document_key,
                  basis=basis, scope="")


def test_a_later_target_with_the_same_basis_supersedes_the_earlier():
    found = check_target_history([target("86/KH-UBND", "12,5"), target("10/KH-UBND", "11")],
                                 [document("10/KH-UBND", date(2025, 1, 5)), document("86/KH-UBND", date(2025, 3, 31))])
    assert [f.message for f in found] == [
        "grdp 2025: 86/KH-UBND sets '12,5', 10/KH-UBND set '11'; the later target supersedes it (same basis)"]


def test_a_document_without_a_date_counts_as_the_earliest():
    """Found by fuzzing the importer with cut and shuffled copies of the real plan: a document whose
    date line was lost used to end the import with an AttributeError."""
    undated = Document(kind="Kế hoạch", number="", issuer="UBND", date=None, title="Kế hoạch", file="khong-ngay.txt")
    found = check_target_history([target("86/KH-UBND", "12,5"), target("khong-ngay.txt", "11")],
                                 [undated, document("86/KH-UBND", date(2025, 3, 31))])
    assert len(found) == 1
    assert found[0].message.startswith("grdp 2025: 86/KH-UBND sets '12,5', khong-ngay.txt set '11'")


def test_the_same_value_written_twice_is_no_change():
    found = check_target_history([target("10/KH-UBND", "12,5"), target("86/KH-UBND", "12,50")],
                                 [document("10/KH-UBND", date(2025, 1, 5)), document("86/KH-UBND", date(2025, 3, 31))])
    assert found == []
