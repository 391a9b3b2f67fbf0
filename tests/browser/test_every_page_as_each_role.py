"""Every role opens every page reachable from its menu, on a phone (390×844) and a desktop
(1366×768), with a browser that asks for English (``Accept-Language: en-US``, common on office
PCs). Each page must:

* fit the screen: no horizontal scrolling of the page itself (wide tables scroll in their box);
* say nothing a person should not read: no period code (``2025-Q3``, ``2025-YTD-07``), no ISO
  date, no indicator key, no English text of the interface (every translated message of the
  catalogues is looked for);
* link only to pages the user can open (no 4xx);
* pass axe-core (``vendor/axe.min.js``, shipped with the tests) without a serious or critical
  violation of WCAG 2.1 A/AA (every page on the desktop; the menu's pages on the phone too).

Bounded so it stays fast: each distinct URL pattern (numbers replaced) is opened once per role and
size, and at most ``LINKS_PER_PATTERN`` distinct links of each pattern are checked for their status.
Screenshots of the menu's pages at both sizes go to the artefacts (``crawl/``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from babel.messages.pofile import read_po

import kehoach
from kehoach.apps.indicators.models import Indicator
from tests.browser.conftest import ARTIFACTS, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AS_OF = "2025-08-06"
AXE = Path(__file__).with_name("vendor") / "axe.min.js"
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 768}}
ROLES = ["admin", "finance", "leader", "officer_a", "public"]
USERNAMES = {"admin": "demo", "finance": "stc", "leader": "lanhdao", "officer_a": "congthuong"}
LINKS_PER_PATTERN = 3
PAGES_PER_SIZE = 40

PERIOD_CODE = re.compile(r"\b20\d\d-(?:Q\d|H\d|9M|YTD-\d\d|\d\d)(?!\d)")
# Not opened in the browser (their status is still checked): the administration site and the API
# (Django's and django-ninja's own pages), files to download, the language and sign-out forms.
NOT_CRAWLED = re.compile(r"^/(admin|api|static|media)/|[?&](export|format|download)=|/template/download|"
                         r"/accounts/(logout|language)/|\.(xlsx|docx|pdf|csv|png|svg)$")
NOT_FETCHED = re.compile(r"^/(accounts/logout|accounts/language)/")


def english_messages() -> list[str]:
    """Every English text of the interface that has a Vietnamese translation: two words or more,
    without placeholders (so it would appear on a page as it is)."""
    package = Path(kehoach.__file__).resolve().parent
    found = set()
    for path in package.rglob("locale/vi/LC_MESSAGES/django.po"):
        with path.open("rb") as handle:
            for message in read_po(handle):
                text = message.id if isinstance(message.id, str) else None
                if (text and message.string and message.string != text and len(text.split()) >= 2
                        and len(text) >= 10 and not re.search(r"[%{}<>]", text)):
                    found.add(text)
    return sorted(found, key=len, reverse=True)


KEYS: set[str] = set()  # the indicator keys, which stand in URLs as numbers do (/indicators/grdp/)


def pattern(path: str) -> str:
    return "/".join("K" if part in KEYS else re.sub(r"\d+", "N", part) for part in path.split("/"))


def crawl(tab, role: str, size: str, checks: dict, problems: list[str], seen_shots: set) -> int:
    """Open the menu's pages, then the pages they link to, one of each pattern; returns pages opened."""
    tab.goto(f"/?as_of={AS_OF}")
    menu = [urlsplit(a).path for a in tab.eval_on_selector_all("header nav a[href]", "els => els.map(e => e.href)")]
    queue = list(dict.fromkeys(["/", *menu]))
    opened: set[str] = set()
    count = 0
    while queue and count < PAGES_PER_SIZE:
        path = queue.pop(0)
        if pattern(path) in opened or NOT_CRAWLED.search(path):
            continue
        opened.add(pattern(path))
        response = tab.goto(path)
        count += 1
        where = f"{role} {size} {path}"
        if response is None or response.status >= 400:
            problems.append(f"{where}: status {response.status if response else 'none'}")
            continue
        # axe once per pattern and role (on the desktop), and on the phone for the menu's pages
        check_page(tab, where, checks, problems, axe=size == "desktop" or path in menu or path == "/")
        if path in menu or path == "/":
            landed = urlsplit(tab.url).path  # "/" of a visitor lands on /public/
            slug = (pattern(landed).strip("/").replace("/", "-").lower() or "tong-quan")
            if (slug, size) not in seen_shots:
                seen_shots.add((slug, size))
                (ARTIFACTS / "crawl").mkdir(parents=True, exist_ok=True)
                tab.screenshot(path=str(ARTIFACTS / "crawl" / f"{slug}-{size}.png"), full_page=True)
        for href in tab.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            parts = urlsplit(href)
            if parts.netloc != urlsplit(tab.url).netloc or not parts.path:
                continue
            link = parts.path + (f"?{parts.query}" if parts.query else "")
            checks["links"][pattern(parts.path)].setdefault(link, where)
            if path in menu or path == "/":
                queue.append(parts.path)
    return count


def check_page(tab, where: str, checks: dict, problems: list[str], axe: bool = True) -> None:
    width = tab.evaluate("document.documentElement.scrollWidth")
    viewport = tab.viewport_size["width"]
    if width > viewport + 1:
        wide = tab.evaluate("""(w) => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.table-wrap'))
            .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))""", viewport)
        problems.append(f"{where}: {width}px wide on a {viewport}px screen ({', '.join(wide)})")
    text = tab.evaluate("document.body.innerText")
    for match in sorted(set(PERIOD_CODE.findall(text)) | set(re.findall(r"\b20\d\d-\d\d-\d\d\b", text))):
        problems.append(f"{where}: a period code or ISO date is shown: {match!r}")
    for key in checks["keys"]:
        if re.search(rf"(?<![\w/.-]){re.escape(key)}(?![\w/-])", text):
            problems.append(f"{where}: an indicator key is shown: {key!r}")
    for message in checks["english"]:
        if message in text:
            problems.append(f"{where}: English text: {message!r}")
    if not axe:
        return
    tab.add_script_tag(path=str(AXE))
    violations = tab.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                                           resultTypes: ['violations']});
        return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(' | ')}`);
    }""")
    problems.extend(f"{where}: axe {v}" for v in violations)


@pytest.mark.parametrize("role", ROLES)
def test_every_page_reachable_from_the_menu_is_vietnamese_fits_and_is_accessible(browser, live_server, people, role):
    checks = {"keys": sorted(Indicator.objects.values_list("key", flat=True), key=len, reverse=True),
              "english": english_messages(), "links": defaultdict(dict)}
    KEYS.update(checks["keys"])
    problems: list[str] = []
    seen_shots: set = set()
    opened = 0
    for size, viewport in SIZES.items():
        context = browser.new_context(locale="en-US", viewport=viewport, base_url=live_server.url, bypass_csp=True,
                                      extra_http_headers={"Accept-Language": "en-US,en;q=0.9"},
                                      is_mobile=size == "phone", has_touch=size == "phone")
        tab = context.new_page()
        tab.set_default_timeout(20_000)
        if role != "public":
            sign_in(tab, USERNAMES[role])
        opened += crawl(tab, role, size, checks, problems, seen_shots)
        if size == "desktop":
            for links in checks["links"].values():
                for link, where in list(links.items())[:LINKS_PER_PATTERN]:
                    if NOT_FETCHED.search(link):
                        continue
                    status = context.request.get(link, max_redirects=0, fail_on_status_code=False).status
                    if 400 <= status < 500:
                        problems.append(f"{where}: links to {link}, which answers {status}")
        context.close()
    assert opened >= 2, f"{role}: only {opened} pages opened"
    assert problems == [], f"{len(problems)} problems:\n" + "\n".join(problems)
