"""Indicators: recognising one indicator under the names and units different documents give it.

The catalogue below holds the main socio-economic indicators that Vietnamese provincial plans
report (the national system of indicators), each with the folded-name patterns that identify it,
its canonical unit, measure kind, direction and group. Names are the ones the monthly monitoring
plan uses. An indicator outside the catalogue is still imported: it is matched to one already
seen in the same import by its words, or becomes a new indicator keyed by its name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.domain.entities import Direction, Indicator, IndicatorGroup, MeasureKind
from kehoach.domain.text import fold
from kehoach.domain.units import compatible

E, S, M = IndicatorGroup.ECONOMY, IndicatorGroup.SOCIETY, IndicatorGroup.ENVIRONMENT
FLOW, GROWTH, INDEX, LEVEL = MeasureKind.FLOW, MeasureKind.GROWTH, MeasureKind.INDEX, MeasureKind.LEVEL


@dataclass(frozen=True)
class Known:
    key: str
    name: str
    unit: str
    kind: MeasureKind
    group: IndicatorGroup
    patterns: tuple[str, ...]
    parent: str | None = None
    direction: Direction = Direction.HIGHER


# Order matters: specific indicators come before the general ones whose words they contain
# ("Tỷ trọng ... trong GRDP" before GRDP). Sub-indicators match only under their parent.
CATALOGUE: tuple[Known, ...] = (
    Known("grdp_per_capita", "GRDP bình quân đầu người", "USD/người", LEVEL, E, (r"binh quan dau nguoi",)),
    Known("tfp_share", "Tỷ trọng đóng góp của năng suất các yếu tố tổng hợp (TFP) vào GRDP", "%", LEVEL, E,
          (r"\btfp\b", r"nang suat cac yeu to tong hop")),
    Known("manufacturing_share", "Tỷ trọng công nghiệp chế biến, chế tạo trong GRDP", "%", LEVEL, E,
          (r"ty trong cong nghiep che bien",), parent="iip"),
    Known("hightech_share", "Tỷ trọng giá trị sản phẩm công nghiệp công nghệ cao trong công nghiệp chế biến, chế tạo",
          "%", LEVEL, E, (r"cong nghe cao",), parent="iip"),
    Known("grdp", "Tổng sản phẩm trên địa bàn (GRDP)", "%", GROWTH, E,
          (r"tong san pham tren dia ban", r"^(toc do )?(tang truong )?(kinh te )?\(?grdp\)?", r"tang truong kinh te")),
    Known("grdp_industry", "Công nghiệp và xây dựng", "%", GROWTH, E, (r"cong nghiep.*xay dung",), parent="grdp"),
    Known("grdp_services", "Dịch vụ", "%", GROWTH, E, (r"^(nhom |khu vuc )?dich vu",), parent="grdp"),
    Known("grdp_agriculture", "Nông, lâm nghiệp, thủy sản", "%", GROWTH, E,
          (r"nong,? lam", r"nong nghiep"), parent="grdp"),
    Known("grdp_taxes", "Thuế sản phẩm trừ trợ cấp sản phẩm", "%", GROWTH, E, (r"thue san pham",), parent="grdp"),
    Known("iip", "Chỉ số sản xuất công nghiệp (IIP)", "%", INDEX, E, (r"\biip\b", r"chi so san xuat cong nghiep")),
    Known("budget_revenue", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", FLOW, E,
          (r"thu ngan sach", r"tong thu ngan sach")),
    Known("budget_domestic", "Thu nội địa", "tỷ đồng", FLOW, E, (r"thu noi dia",), parent="budget_revenue"),
    Known("budget_trade", "Thu từ hoạt động xuất nhập khẩu", "tỷ đồng", FLOW, E,
          (r"xuat,? nhap khau",), parent="budget_revenue"),
    Known("investment", "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", FLOW, E,
          (r"von dau tu (phat trien )?toan xa hoi", r"tong von dau tu xa hoi")),
    Known("exports", "Kim ngạch xuất khẩu", "tỷ USD", FLOW, E, (r"kim ngach xuat khau", r"gia tri xuat khau")),
    Known("port_cargo", "Sản lượng hàng hoá thông qua các cảng", "triệu tấn", FLOW, E,
          (r"hang hoa thong qua", r"qua cang")),
    Known("tourists", "Khách du lịch", "1.000 lượt", FLOW, E, (r"khach du lich", r"luot khach")),
    Known("retail_sales", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "tỷ đồng", FLOW, E,
          (r"tong muc ban le",)),
    Known("fdi", "Thu hút vốn đầu tư nước ngoài", "triệu USD", FLOW, E,
          (r"dau tu (truc tiep )?nuoc ngoai", r"\bfdi\b")),
    Known("new_rural", "Xây dựng nông thôn mới", "xã", LEVEL, E, (r"^xay dung nong thon moi",)),
    Known("new_rural_model", "Số xã hoàn thành các tiêu chí xã nông thôn mới kiểu mẫu", "xã", LEVEL, E,
          (r"hoan thanh.*kieu mau",), parent="new_rural"),
    Known("new_rural_continuing", "Số xã mới tiếp tục xây dựng nông thôn mới kiểu mẫu", "xã", LEVEL, E,
          (r"tiep tuc xay dung",), parent="new_rural"),
    Known("unemployment", "Tỷ lệ thất nghiệp khu vực thành thị", "%", LEVEL, S, (r"that nghiep",),
          direction=Direction.LOWER),
    Known("jobs", "Giải quyết việc làm", "lượt lao động/năm", FLOW, S, (r"giai quyet viec lam", r"tao viec lam")),
    Known("trained_labour", "Tỷ lệ lao động qua đào tạo", "%", LEVEL, S, (r"lao dong qua dao tao",)),
    Known("trained_labour_certified", "Tỷ lệ lao động qua đào tạo từ 3 tháng trở lên có văn bằng chứng chỉ", "%",
          LEVEL, S, (r"van bang", r"chung chi", r"0?3 thang tro len"), parent="trained_labour"),
    Known("health_insurance", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", LEVEL, S, (r"bao hiem y te",)),
    Known("poverty", "Tỷ lệ hộ nghèo theo chuẩn nghèo quốc gia", "Điểm %", LEVEL, S, (r"ho ngheo",),
          direction=Direction.LOWER),
    Known("clean_water", "Tỷ lệ hộ dân sử dụng nước sạch theo tiêu chuẩn", "%", LEVEL, M, (r"nuoc sach",)),
    Known("solid_waste", "Tỷ lệ chất thải rắn được thu gom và xử lý hợp vệ sinh", "%", LEVEL, M,
          (r"chat thai ran",)),
    Known("solid_waste_urban", "Đô thị", "%", LEVEL, M, (r"^do thi$",), parent="solid_waste"),
    Known("solid_waste_rural", "Nông thôn", "%", LEVEL, M, (r"^nong thon$",), parent="solid_waste"),
    Known("solid_waste_rural_collected", "Thu gom, xử lý", "%", LEVEL, M, (r"^thu gom",),
          parent="solid_waste_rural"),
    Known("solid_waste_rural_hygienic", "Xử lý hợp vệ sinh", "%", LEVEL, M, (r"hop ve sinh",),
          parent="solid_waste_rural"),
    Known("wastewater", "Tỷ lệ nước thải đô thị được xử lý đạt quy chuẩn kỹ thuật", "%", LEVEL, M, (r"nuoc thai",)),
)

_KNOWN = {k.key: k for k in CATALOGUE}
_COMPILED = [(k, tuple(re.compile(p) for p in k.patterns)) for k in CATALOGUE]
_LABEL_PREFIX = re.compile(r"^\s*[-+•]?\s*(trong do\s*:?\s*)?", re.IGNORECASE)
_STOP = {"ty", "le", "so", "cac", "cua", "va", "tren", "dia", "ban", "thanh", "pho", "nam", "dat", "muc",
         "toc", "do", "tang", "trong", "the", "nhung", "duoc"}


def clean_indicator_name(name: str) -> str:
    """Drop a sub-row's bullet and "Trong đó:" and a trailing colon."""
    text = re.sub(r"^\s*[-+•–]\s*", "", name)
    text = re.sub(r"^\s*trong đó\s*:?\s*", "", text, flags=re.IGNORECASE)
    return text.strip().rstrip(":").strip()


def is_growth_form(name: str) -> bool:
    """ "Tốc độ tăng chỉ số sản xuất công nghiệp": the index written as growth in % (17 for 117)."""
    f = fold(name)
    return bool(re.search(r"^(toc do )?tang( truong)?\b|toc do tang", f))


def infer_kind(name: str, unit: str) -> MeasureKind:
    f, u = fold(name), fold(unit)
    if "%" in u or u.startswith("diem"):
        if re.search(r"toc do tang|tang truong", f):
            return GROWTH
        if f.startswith("chi so"):
            return INDEX
        return LEVEL
    if re.search(r"dong|usd|tan|luot|nguoi|lao dong|teu|m3|kwh", u) and not re.search(r"/nguoi|ty le|ty trong", f):
        return FLOW
    return LEVEL


def infer_direction(name: str) -> Direction:
    f = fold(name)
    if re.search(r"that nghiep|ho ngheo|tai nan|o nhiem|ty le sinh|tu vong|suy dinh duong|lam phat|chi so gia", f):
        return Direction.LOWER
    return Direction.HIGHER


def _tokens(name: str) -> set[str]:
    return {t for t in re.findall(r"[a-z0-9]+", fold(name)) if t not in _STOP}


@dataclass
class IndicatorRegistry:
    """All indicators of one import, each recognised once whatever its name in each document."""

    by_key: dict[str, Indicator] = field(default_factory=dict)

    def match(self, name: str, unit: str, parent: str | None = None) -> Indicator:
        """The indicator this row names, created on first sight."""
        cleaned = clean_indicator_name(name)
        folded = fold(_LABEL_PREFIX.sub("", cleaned))
        known = self._known(folded, parent)
        if known is not None and unit and not compatible(known.unit, unit):
            known = None  # a row in a unit the catalogue's indicator cannot be in names another indicator
            # ("Tỷ lệ hộ nghèo" in % beside "Mức giảm tỷ lệ hộ nghèo" in điểm %)
        if known is not None:
            indicator = self.by_key.get(known.key)
            if indicator is None:
                indicator = Indicator(
                    key=known.key, name=known.name, unit=known.unit, kind=known.kind,
                    direction=known.direction, group=known.group, parent=known.parent or parent,
                )
                self.by_key[known.key] = indicator
            indicator.aliases.add(cleaned)
            return indicator
        similar = self._similar(cleaned, unit, parent)
        if similar is not None:
            similar.aliases.add(cleaned)
            return similar
        key = self._new_key(cleaned, parent)
        indicator = Indicator(key=key, name=cleaned, unit=unit, kind=infer_kind(cleaned, unit),
                              direction=infer_direction(cleaned), parent=parent)
        indicator.aliases.add(cleaned)
        self.by_key[key] = indicator
        return indicator

    def _known(self, folded: str, parent: str | None) -> Known | None:
        for known, patterns in _COMPILED:
            if known.parent != parent:  # a sub-row is one of its parent's known parts, or new
                continue
            if any(p.search(folded) for p in patterns):
                return known
        return None

    def _similar(self, name: str, unit: str, parent: str | None) -> Indicator | None:
        words = _tokens(name)
        best, best_score = None, 0.0
        for indicator in self.by_key.values():
            if indicator.parent != parent or not compatible(indicator.unit, unit):
                continue
            for alias in indicator.aliases | {indicator.name}:
                other = _tokens(alias)
                if not words or not other:
                    continue
                score = len(words & other) / len(words | other)
                if score > best_score:
                    best, best_score = indicator, score
        return best if best_score >= 0.8 else None

    def _new_key(self, name: str, parent: str | None) -> str:
        slug = "-".join(re.findall(r"[a-z0-9]+", fold(name)))[:60].strip("-") or "chi-tieu"
        key = f"{parent}.{slug}" if parent else slug
        n, candidate = 2, key
        while candidate in self.by_key:
            candidate, n = f"{key}-{n}", n + 1
        return candidate

    def indicators(self) -> list[Indicator]:
        order = {k.key: i for i, k in enumerate(CATALOGUE)}
        return sorted(self.by_key.values(), key=lambda i: (order.get(i.key, len(order)), i.key))


def known(key: str) -> Known | None:
    return _KNOWN.get(key)
