"""Territorial scope: which territory a target, trajectory or figure describes.

Provinces change: on 1/7/2025 (Nghị quyết 202/2025/QH15) 63 provinces and centrally-run cities
became 34, e.g. Hải Phòng merged with Hải Dương. A target set for the old city must never be
compared with a figure of the merged one, so every plan value carries the scope of the territory
as it was when its document was issued.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kehoach.domain.text import fold

NATIONAL = "Cả nước"

REORGANISATION_2025 = date(2025, 7, 1)

# The province or city that kept its name, and the ones merged into it on 1/7/2025.
MERGERS_2025: dict[str, tuple[str, ...]] = {
    "Tuyên Quang": ("Hà Giang",),
    "Lào Cai": ("Yên Bái",),
    "Thái Nguyên": ("Bắc Kạn",),
    "Phú Thọ": ("Vĩnh Phúc", "Hòa Bình"),
    "Bắc Ninh": ("Bắc Giang",),
    "Hưng Yên": ("Thái Bình",),
    "Hải Phòng": ("Hải Dương",),
    "Ninh Bình": ("Hà Nam", "Nam Định"),
    "Quảng Trị": ("Quảng Bình",),
    "Đà Nẵng": ("Quảng Nam",),
    "Quảng Ngãi": ("Kon Tum",),
    "Gia Lai": ("Bình Định",),
    "Khánh Hòa": ("Ninh Thuận",),
    "Lâm Đồng": ("Đắk Nông", "Bình Thuận"),
    "Đắk Lắk": ("Phú Yên",),
    "Hồ Chí Minh": ("Bình Dương", "Bà Rịa - Vũng Tàu"),
    "Đồng Nai": ("Bình Phước",),
    "Tây Ninh": ("Long An",),
    "Cần Thơ": ("Sóc Trăng", "Hậu Giang"),
    "Vĩnh Long": ("Bến Tre", "Trà Vinh"),
    "Đồng Tháp": ("Tiền Giang",),
    "Cà Mau": ("Bạc Liêu",),
    "An Giang": ("Kiên Giang",),
}

_BY_FOLDED = {fold(k): k for k in MERGERS_2025}


@dataclass(frozen=True)
class Territory:
    """A territory as plans and figures name it (its scope label), the days it existed and the territories
    it was formed from: the domain's view of an ``indicators.Territory`` row, which the application reads
    and hands to the assessment (an administrator edits them; this module only writes the seed)."""

    name: str
    members: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None

    def exists_during(self, start: date, end: date) -> bool:
        """Whether the territory existed on some day of [start, end]."""
        return (self.valid_from is None or end >= self.valid_from) and (self.valid_to is None or start <= self.valid_to)


def territories_2025() -> list[Territory]:
    """The seed: each merged territory of 01/07/2025 and the territories it was formed from, valid to
    30/06/2025 (Hải Phòng from 01/07/2025 = Hải Phòng and Hải Dương to 30/06/2025), as migration
    ``indicators.0004`` writes them."""
    before = f"(trước {REORGANISATION_2025:%d/%m/%Y})"
    last_day = date(2025, 6, 30)
    out = []
    for k, merged in MERGERS_2025.items():
        parts = tuple(Territory(f"{p} {before}", valid_to=last_day) for p in (k, *merged))
        out += [*parts, Territory(f"{k} (từ {REORGANISATION_2025:%d/%m/%Y})", tuple(p.name for p in parts),
                                  valid_from=REORGANISATION_2025)]
    return out


_ABSORBED = {fold(a): k for k, merged in MERGERS_2025.items() for a in merged}
_ABSORBED_NAMES = {fold(a): a for merged in MERGERS_2025.values() for a in merged}


def scope_for(place: str, on: date | None) -> str:
    """The scope label of a locality on a date: "Hải Phòng (trước 01/07/2025)" for the old city; a
    province merged into another is "Hải Dương (trước 01/07/2025)" before the merger (the label of
    its territory) and its successor's label from then on."""
    if not place:
        return ""
    key = fold(place)
    if key in ("ca nuoc", "toan quoc", "viet nam"):
        return NATIONAL
    if key in _ABSORBED:
        successor = _ABSORBED[key]
        if on is None:
            return _ABSORBED_NAMES[key]
        if on >= REORGANISATION_2025:
            return f"{successor} (từ {REORGANISATION_2025:%d/%m/%Y})"
        return f"{_ABSORBED_NAMES[key]} (trước {REORGANISATION_2025:%d/%m/%Y})"
    if key in _BY_FOLDED:
        name = _BY_FOLDED[key]
        if on is None:
            return name
        when = f"{REORGANISATION_2025:%d/%m/%Y}"
        return f"{name} (trước {when})" if on < REORGANISATION_2025 else f"{name} (từ {when})"
    return place
