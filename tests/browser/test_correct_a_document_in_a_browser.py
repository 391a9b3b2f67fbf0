"""A person in the loop, on a phone: Sở Tài chính uploads a plan, sees what each column and row was read
as, says a column is to be ignored, reads the document again and confirms. The preview fits a 390 px
screen (its tables scroll inside their own frame) and passes axe-core (``vendor/axe.min.js``) without a
serious or critical violation, before and after the correction."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.apps.documents.models import ImportCorrection, ReadingProfile
from kehoach.apps.tasks.models import Task
from tests.browser.conftest import shoot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).with_name("vendor") / "axe.min.js"
PLAN = Path(__file__).resolve().parents[1] / "domain" / "importer" / "fixtures" / "quang-ninh-style-plan.txt"


def problems(tab) -> list[str]:
    found = []
    width = tab.evaluate("document.documentElement.scrollWidth")
    if width > tab.viewport_size["width"] + 1:
        found.append(f"{width}px wide on a {tab.viewport_size['width']}px screen")
    tab.add_script_tag(path=str(AXE))
    found += tab.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                                           resultTypes: ['violations']});
        return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(' | ')}`);
    }""")
    return found


@pytest.fixture
def phone(browser, live_server):
    """A 390 px phone; the page's Content-Security-Policy bypassed only so that axe-core can be injected."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, base_url=live_server.url, bypass_csp=True)
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    yield tab
    context.close()


def test_finance_corrects_a_column_on_a_phone_and_confirms(phone, people):
    sign_in(phone, "stc")
    phone.goto("/documents/upload/")
    phone.set_input_files("input[type=file]", str(PLAN))
    phone.get_by_role("button", name="Đọc văn bản").click()
    phone.wait_for_load_state()

    assert phone.get_by_role("heading", name="Cách đọc các bảng").is_visible()
    meaning = phone.get_by_label("Ý nghĩa cột 4")
    assert meaning.input_value() == "support"
    assert problems(phone) == []
    shoot(phone, "xem-truoc-cach-doc-bang-390")

    meaning.select_option("ignored")
    phone.get_by_role("button", name="Đọc lại theo các sửa đổi").click()
    phone.wait_for_load_state()

    assert "Đã ghi nhận 1 sửa đổi" in phone.content()
    assert phone.get_by_label("Ý nghĩa cột 4").input_value() == "ignored"
    assert problems(phone) == []

    phone.get_by_role("button", name="Xác nhận nhập").click()
    phone.wait_for_load_state()

    tasks = Task.objects.filter(document__number="45/KH-UBND")
    assert tasks.count() == 4 and not any(t.support.exists() for t in tasks)
    assert ImportCorrection.objects.get().user.username == "stc"
    assert ReadingProfile.objects.get().corrections["columns"] == {"3": "ignored"}
