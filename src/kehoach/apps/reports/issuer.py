"""Who issues the report: the bodies named in its header block and its signature (another city changes these)."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Issuer:
    superior: str = "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"
    body: str = "SỞ TÀI CHÍNH"
    symbol: str = "BC-STC"  # "Số: …/BC-STC"
    place: str = "Hải Phòng"
    authority: str = "KT. GIÁM ĐỐC"
    signer_title: str = "PHÓ GIÁM ĐỐC"
    signer_name: str = ""  # left blank for the signer to fill in
    recipients: tuple[str, ...] = (
        "Thường trực Thành ủy;",
        "Thường trực HĐND thành phố;",
        "Chủ tịch, các Phó Chủ tịch UBND thành phố;",
        "Các sở, ban, ngành thành phố;",
        "Lưu: VT.",
    )


DEFAULT_ISSUER = Issuer()


def issuer_for_plan(base: Issuer = DEFAULT_ISSUER) -> Issuer:
    """The default issuer, with the place of the stored plan documents (Document.place) when one is known."""
    from kehoach.apps.documents.models import Document

    place = (Document.objects.exclude(place="").order_by("kind", "-date").values_list("place", flat=True).first())
    return replace(base, place=place) if place else base
