"""Báo cáo 619-BC/TU as the importer must read it: the 19 main indicators with their
sub-indicators and 2025 targets, the comparison table with the country, and 24 key projects."""

from datetime import date
from decimal import Decimal

from kehoach.domain.entities import Comparator, IndicatorGroup, TargetBasis
from kehoach.domain.territories import NATIONAL

CITY = "Hải Phòng (trước 01/07/2025)"


def test_document_header_from_its_appendix(report619):
    (doc,) = report619.documents
    assert doc.number == "619-BC/TU"
    assert doc.kind == "Báo cáo"
    assert doc.date == date(2024, 12, 3)
    assert doc.issuer == "Thành uỷ Hải Phòng"
    assert doc.signer == "Nguyễn Văn Tùng"
    assert doc.signer_title == "Phó Bí thư"
    assert doc.title.startswith("Báo cáo kết quả thực hiện nhiệm vụ kinh tế - xã hội")
    assert doc.scope == CITY


def _targets(result, year, scope=CITY):
    return {t.indicator: t for t in result.targets if t.year == year and t.scope == scope}


MAIN_2025 = {
    "grdp": ("12,5", Decimal("12.5")),
    "grdp_per_capita": ("9.486", Decimal("9486")),
    "iip": ("17", Decimal("117")),  # written as growth, kept as the index
    "budget_revenue": ("118.079,279", Decimal("118079.279")),
    "investment": ("240.000", Decimal("240000")),
    "port_cargo": ("212", Decimal("212")),
    "exports": ("37", Decimal("37")),
    "tourists": (">10", Decimal("10000")),  # Triệu lượt -> 1.000 lượt
    "tfp_share": ("47", Decimal("47")),
    "fdi": ("4,5", Decimal("4500")),  # Tỷ USD -> triệu USD
    "unemployment": ("<3,5", None),
    "jobs": ("58.500", Decimal("58500")),
    "trained_labour": ("88", Decimal("88")),
    "health_insurance": ("95,2", Decimal("95.2")),
    "clean_water": ("100", Decimal("100")),
    "wastewater": ("40,77", Decimal("40.77")),
}


def test_the_19_main_indicators(report619):
    main = [i for i in report619.indicators if i.parent is None]
    assert len(main) == 19
    groups = [i.group for i in main]
    assert groups.count(IndicatorGroup.ECONOMY) == 11
    assert groups.count(IndicatorGroup.SOCIETY) == 5
    assert groups.count(IndicatorGroup.ENVIRONMENT) == 3


def test_2025_targets_in_the_indicators_units(report619):
    targets = _targets(report619, 2025)
    for key, (text, low) in MAIN_2025.items():
        assert targets[key].value.text == text, key
        assert targets[key].value.low == low, key
    assert targets["unemployment"].value.comparator == Comparator.LT
    assert targets["unemployment"].value.high == Decimal("3.5")
    assert targets["tourists"].value.comparator == Comparator.GT
    assert targets["tourists"].source_unit == "Triệu lượt"
    assert targets["budget_revenue"].basis == TargetBasis.COUNCIL


def test_qualitative_targets_are_kept_as_text(report619):
    targets = _targets(report619, 2025)
    assert targets["new_rural_model"].value.comparator == Comparator.TEXT
    assert targets["new_rural_model"].value.text == "Hoàn thành 100% số xã"
    poverty = targets["poverty"].value
    assert poverty.comparator == Comparator.TEXT
    assert poverty.text.startswith("Tiếp tục duy trì trên địa bàn thành phố không còn hộ nghèo")
    assert poverty.text.endswith("nghèo quốc gia giai đoạn 2022 - 2025")  # joined across the page break


def test_sub_indicators(report619):
    parent = {i.key: i.parent for i in report619.indicators}
    assert parent["grdp_industry"] == parent["grdp_services"] == parent["grdp_agriculture"] == "grdp"
    assert parent["grdp_taxes"] == "grdp"
    assert parent["budget_domestic"] == parent["budget_trade"] == "budget_revenue"
    assert parent["trained_labour_certified"] == "trained_labour"
    assert parent["solid_waste_urban"] == parent["solid_waste_rural"] == "solid_waste"
    assert parent["solid_waste_rural_collected"] == parent["solid_waste_rural_hygienic"] == "solid_waste_rural"
    targets = _targets(report619, 2025)
    assert targets["grdp_industry"].value.low == Decimal("15.67")
    assert targets["grdp_services"].value.low == Decimal("9.2")
    assert targets["budget_domestic"].value.low == Decimal("51000")
    assert targets["solid_waste_rural_hygienic"].value.low == Decimal("91.9")


def test_comparison_table_2024(report619):
    targets_2024 = _targets(report619, 2024)
    assert (targets_2024["grdp"].value.low, targets_2024["grdp"].value.high) == (Decimal("11.5"), Decimal("12"))
    assert targets_2024["fdi"].value.low == Decimal("2000")
    assert targets_2024["fdi"].value.high == Decimal("2500")
    estimates = {(f.indicator, f.scope): f for f in report619.figures if f.period == "2024"}
    assert estimates[("grdp", CITY)].value.low == Decimal("11.01")
    assert estimates[("grdp", CITY)].qualifier == "ước"
    assert estimates[("grdp_agriculture", CITY)].value.low == Decimal("-3.4")
    assert estimates[("budget_revenue", CITY)].value.low == Decimal("116387.596")
    assert estimates[("iip", CITY)].value.low == Decimal("115")
    assert (estimates[("grdp", NATIONAL)].value.low, estimates[("grdp", NATIONAL)].value.high) == (
        Decimal("6.8"), Decimal("7.0"))
    assert estimates[("unemployment", NATIONAL)].value.comparator == Comparator.LT


def test_national_2025_targets(report619):
    national = _targets(report619, 2025, NATIONAL)
    grdp = national["grdp"].value
    assert (grdp.low, grdp.high) == (Decimal("6.5"), Decimal("7.0"))
    assert grdp.note == "Phấn đấu 7,0-7,5"
    assert national["grdp_per_capita"].value.low == Decimal("4900")
    assert national["health_insurance"].value.low == Decimal("95.15")


def test_24_key_projects_in_3_groups_and_2_fundings(report619):
    projects = report619.projects
    assert [p.number for p in projects] == list(range(1, 25))
    by_group = {g: [p.number for p in projects if p.group == g] for g in ("khanh_thanh", "khoi_cong", "chuyen_tiep")}
    assert by_group == {
        "khanh_thanh": list(range(1, 11)),
        "khoi_cong": list(range(11, 19)),
        "chuyen_tiep": list(range(19, 25)),
    }
    budget = [p.number for p in projects if p.funding == "ngan_sach"]
    assert budget == [1, 2, 3, 4, 5, 11, 12, 13, 19, 20, 21]
    assert all(p.funding == "ngoai_ngan_sach" for p in projects if p.number not in budget)


def test_project_values_and_notes(report619):
    p = {x.number: x for x in report619.projects}
    assert p[1].value_million_vnd == Decimal("2513243")
    assert p[6].name == "Dự án nhà máy LG Innotek (dự án phần mở rộng tại Lô I-3)"
    assert p[6].value_million_vnd == Decimal("47122000")
    assert p[6].notes == ["2.051 triệu USD"]
    assert p[9].notes == ["500 triệu USD"]
    assert p[10].notes == ["TMĐT DA 55.870.000"]
    assert p[17].value_million_vnd == Decimal("7515326.675")
    assert p[19].value_million_vnd == Decimal("6235594")
    assert [c[1] for c in p[19].components] == [Decimal("4416240"), Decimal("1819354")]
    assert p[24].value_million_vnd == Decimal("3267000")
    assert p[1].approvals.startswith("Nghị quyết số 21/NQ-HĐND ngày 12/8/2021")


def test_thousand_separator_typos_are_flagged_not_fixed(report619):
    p = {x.number: x for x in report619.projects}
    assert p[11].value_million_vnd == Decimal("716.495")
    assert p[12].value_million_vnd == Decimal("234.539")
    typos = [w for w in report619.warnings if w.code == "value-typo"]
    assert sorted(w.message.split(":")[0] for w in typos) == ["project 11", "project 12"]
    assert all(w.location.line for w in typos)


def test_no_unknown_tables(report619):
    assert not [w for w in report619.warnings if w.code == "table-unknown"]
