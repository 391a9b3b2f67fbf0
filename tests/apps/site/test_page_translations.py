"""Every text of every page is translated to Vietnamese: each `{% translate %}` of the templates and
each catalogue entry; none is left empty or fuzzy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from django.utils.translation import gettext, override

import kehoach

PACKAGE = Path(kehoach.__file__).resolve().parent
TRANSLATE = re.compile(r'{%\s*translate\s+"((?:[^"\\]|\\.)+)"(?:\s+context\s+"[^"]*")?\s*(?:as \w+\s*)?%}')
SAME_IN_BOTH = {"English", "Tiếng Việt", "kehoach", "dd/mm/yyyy", "Email", "TT"}


def template_messages() -> list[tuple[str, str]]:
    out = []
    for template in sorted(PACKAGE.rglob("templates/**/*.html")):
        for match in TRANSLATE.finditer(template.read_text(encoding="utf-8")):
            if "context" not in match.group(0):
                out.append((str(template.relative_to(PACKAGE)), match.group(1)))
    return out


def catalogues() -> list[Path]:
    return sorted(PACKAGE.rglob("locale/vi/LC_MESSAGES/django.po"))


def test_every_template_text_has_a_vietnamese_translation():
    missing = []
    for where, message in template_messages():
        with override("vi"):
            vietnamese = gettext(message)
        if vietnamese == message and message not in SAME_IN_BOTH:
            missing.append(f"{where}: {message}")
    assert missing == []


@pytest.mark.parametrize("path", catalogues(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_catalogue_entry_is_empty_or_fuzzy(path):
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    bad = [m.id for m in catalogue if m.id and (m.fuzzy or not (m.string if isinstance(m.string, str)
                                                               else all(m.string)))]
    assert bad == []


@pytest.mark.parametrize("path", catalogues(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_catalogue_is_compiled(path):
    """The shipped .mo says what the .po says (after editing: pybabel compile -d <locale> -D django -l vi)."""
    with path.open("rb") as handle:
        source = _entries(read_po(handle))
    with path.with_suffix(".mo").open("rb") as handle:
        compiled = _entries(read_mo(handle))
    assert compiled == source


def _entries(catalogue) -> dict:
    def plain(value):
        return tuple(value) if isinstance(value, list | tuple) else value

    return {(plain(m.id), m.context): plain(m.string) for m in catalogue if m.id}
