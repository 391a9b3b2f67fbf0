"""Both documents in one import: the same indicator under different names and units is one
indicator, and its targets form a history across documents and bases."""

from decimal import Decimal

from kehoach.domain.entities import TargetBasis


def test_indicators_are_recognised_across_documents(both):
    keys = [i.key for i in both.indicators]
    assert len(keys) == len(set(keys))
    tourists = next(i for i in both.indicators if i.key == "tourists")
    assert tourists.unit == "1.000 lượt"
    assert {"Khách du lịch"} <= tourists.aliases
    grdp = next(i for i in both.indicators if i.key == "grdp")
    assert "Tốc độ tăng tổng sản phẩm trên địa bàn GRDP (giá so sánh 2010)" in grdp.aliases
    assert "Tổng sản phẩm trên địa bàn (GRDP)" in grdp.aliases


def test_budget_revenue_targets_stand_beside_each_other(both):
    budget = sorted(
        (t for t in both.targets if t.indicator == "budget_revenue" and t.year == 2025 and "Cả nước" not in t.scope),
        key=lambda t: t.document,
    )
    assert [(t.document, t.basis, t.value.low) for t in budget] == [
        ("619-BC/TU", TargetBasis.COUNCIL, Decimal("118079.279")),
        ("86/KH-UBND", TargetBasis.STRETCH, Decimal("129519.3")),
    ]
    changed = [w for w in both.warnings if w.code == "target-changed"]
    assert any(w.message.startswith("budget_revenue 2025") and "stands beside" in w.message for w in changed)


def test_the_same_target_written_differently_raises_no_warning(both):
    changed = [w.message.split(":")[0] for w in both.warnings if w.code == "target-changed"]
    for key in ("grdp 2025", "iip 2025", "tourists 2025", "fdi 2025", "unemployment 2025", "exports 2025"):
        assert key not in changed


def test_agencies_and_leaders_shared(both):
    assert len({a.name for a in both.agencies}) == len(both.agencies)
    assert len({leader.name for leader in both.leaders}) == len(both.leaders)
