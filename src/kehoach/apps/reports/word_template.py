"""The Word template of the report (docxtpl: Jinja2 tags typed in Word) and what can go wrong with it.

The template holds everything a city chooses: the issuing bodies, number and symbol, place, the
national motto, the recipients ("Nơi nhận"), the signature block and the page setup. kehoach
fills in the variables of ``VARIABLES`` and puts the generated content at the two markers, each
alone on its own line: ``{{p noi_dung }}`` (the sections, charts and narrative) and
``{{p phu_luc }}`` (the appendix tables; in the shipped template on a landscape page).
docs/report-template.md describes every variable.

A template that cannot give a whole report raises ``TemplateBroken`` with a message naming the
template, what is wrong and where; nothing is written then. Templates are rendered in Jinja's
sandbox with undefined variables as errors, and the values are XML-escaped.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from importlib import resources
from io import BytesIO

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, meta
from jinja2.sandbox import SandboxedEnvironment

from kehoach.apps.reports.models import ReportTemplate
from kehoach.domain import safezip

DEFAULT_NAME = "mau-bao-cao.docx"
BODY, APPENDIX = "noi_dung", "phu_luc"
MARKERS = (BODY, APPENDIX)

# Every variable a template may use (docs/report-template.md says the same, with examples).
VARIABLES = {
    "tieu_de": gettext_lazy("the report's title, e.g. “Báo cáo tình hình thực hiện kế hoạch phát triển kinh tế - xã "
                            "hội tháng 7 năm 2025”"),
    "trich_yeu": gettext_lazy("the subject under “BÁO CÁO” (Nghị định 30/2020), e.g. “Tình hình thực hiện kế hoạch "
                              "phát triển kinh tế - xã hội tháng 7 năm 2025”"),
    "ky": gettext_lazy("the period the report covers, e.g. “tháng 7 năm 2025”, “quý II năm 2025”, “năm 2024”"),
    "ngay": gettext_lazy("day of the as-of date, two digits (“06”)"),
    "thang": gettext_lazy("month of the as-of date, a leading zero for January and February only (“8”, “02”)"),
    "nam": gettext_lazy("year of the as-of date (“2025”)"),
    "dia_danh": gettext_lazy("the place of the stored plan documents (“Hải Phòng”), empty when none is stored"),
    "ban_nhap": gettext_lazy("true when submitted figures are not yet approved (the report is a draft)"),
    BODY: gettext_lazy("marker, alone on its line as {{p noi_dung }}: the sections, charts and narrative"),
    APPENDIX: gettext_lazy("marker, alone on its line as {{p phu_luc }}: the appendix tables"),
}
TITLES = ("tieu_de", "trich_yeu")  # a template uses at least one: the title, or "BÁO CÁO" and the subject
REQUIRED = MARKERS

_MARKER = {name: re.compile(r"^\s*\{\{p\s+" + name + r"\s*\}\}\s*$") for name in MARKERS}
_INLINE = {name: re.compile(r"\{\{-?\s*" + name + r"\b") for name in MARKERS}  # {{ noi_dung }} inside a line
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class TemplateBroken(ValueError):
    """The template cannot give a whole report; ``str(exc)`` says which template, what and where."""


@dataclass(frozen=True)
class WordTemplate:
    name: str
    data: bytes


def default_bytes() -> bytes:
    """The template shipped with the package (built by ``kehoach.apps.reports.default_template``)."""
    return resources.files("kehoach.apps.reports").joinpath("word", DEFAULT_NAME).read_bytes()


def default() -> WordTemplate:
    return WordTemplate(DEFAULT_NAME, default_bytes())


def environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)


def _paragraph_text(p) -> str:
    return "".join(t.text or "" for t in p.iter(f"{_W}t"))


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def open_template(template: WordTemplate):
    """The ``DocxTemplate`` of a template, checked: a Word file, both markers alone on their lines, Jinja
    syntax, known variables only, the title used. Raises ``TemplateBroken``."""
    try:
        safezip.check(template.data, name=template.name)
    except safezip.ZipBombError as exc:
        raise TemplateBroken(_("Report template “%(name)s” is not a Word document (.docx): %(detail)s")
                             % {"name": template.name, "detail": str(exc)}) from exc
    # python-docx, docxtpl and lxml load only when a template is opened: start-up time of every command
    # and server process that never renders a report.
    from docx.opc.exceptions import PackageNotFoundError
    from docxtpl import DocxTemplate
    from lxml.etree import XMLSyntaxError

    tpl = DocxTemplate(BytesIO(template.data))
    try:
        tpl.init_docx()
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError, XMLSyntaxError) as exc:
        raise TemplateBroken(_("Report template “%(name)s” is not a Word document (.docx): %(detail)s")
                             % {"name": template.name, "detail": str(exc) or type(exc).__name__}) from exc
    used: set[str] = set()
    for part, xml in _parts(tpl):
        used |= _variables(tpl, template.name, part, xml)
    unknown = sorted(used - VARIABLES.keys())
    if unknown:
        where = _find(tpl, unknown[0])
        raise TemplateBroken(
            _("Report template “%(name)s”: unknown variable “%(variable)s”%(where)s. The template can use: "
              "%(known)s.") % {"name": template.name, "variable": unknown[0], "where": where,
                               "known": ", ".join(VARIABLES)})
    texts = [_paragraph_text(p) for p in tpl.docx.element.body.iter(f"{_W}p")]
    for marker in MARKERS:
        if not any(_MARKER[marker].match(t) for t in texts) or any(_INLINE[marker].search(t) for t in texts):
            raise TemplateBroken(
                _("Report template “%(name)s”: the marker {{p %(marker)s }} is missing or not alone on its own "
                  "line in the body; it must stand where the %(what)s go.")
                % {"name": template.name, "marker": marker,
                   "what": _("sections, charts and narrative") if marker == BODY else _("appendix tables")})
    if not used & set(TITLES):
        raise TemplateBroken(_("Report template “%(name)s”: the title {{ tieu_de }} (or the subject "
                               "{{ trich_yeu }}) is missing.") % {"name": template.name})
    return tpl


def _parts(tpl):
    """(part name, XML as docxtpl renders it) of the body, the page headers and the footers."""
    yield _("the body"), tpl.get_xml()
    for uri, name in ((tpl.HEADER_URI, _("a page header")), (tpl.FOOTER_URI, _("a page footer"))):
        for _key, part in tpl.get_headers_footers(uri):
            yield name, tpl.get_part_xml(part)


def _variables(tpl, template_name: str, part: str, xml: str) -> set[str]:
    source = re.sub(r"<w:p([ >])", r"\n<w:p\1", tpl.patch_xml(xml))  # one paragraph a line, as docxtpl renders
    source = re.sub(r"(</w:p>|[}%]\})(\{[{%])", r"\1\n\2", source)  # and a {{p …}} paragraph on its own line
    try:
        return meta.find_undeclared_variables(environment().parse(source))
    except TemplateSyntaxError as exc:
        lines = source.splitlines()
        line = re.sub(r"<[^>]+>", "", lines[exc.lineno - 1]) if exc.lineno and exc.lineno <= len(lines) else ""
        raise TemplateBroken(
            _("Report template “%(name)s”: Jinja syntax error in %(part)s, in the line “%(line)s”: %(message)s")
            % {"name": template_name, "part": part, "line": _short(line), "message": exc.message}) from exc


def _find(tpl, variable: str) -> str:
    """ “ in the line “…”” for the first paragraph that mentions the variable, or ""."""
    for p in tpl.docx.element.body.iter(f"{_W}p"):
        text = _paragraph_text(p)
        if re.search(r"[{%][^}%]*\b" + re.escape(variable) + r"\b", text):
            return _(" in the line “%(line)s”") % {"line": _short(text)}
    return ""


def fill(tpl, template: WordTemplate, context: dict) -> None:
    """Render ``tpl`` (from ``open_template``) with ``context``; raises ``TemplateBroken``."""
    try:
        tpl.render(context, environment(), autoescape=True)
    except TemplateError as exc:
        raise TemplateBroken(_("Report template “%(name)s” could not be filled in: %(message)s")
                             % {"name": template.name, "message": exc.message or type(exc).__name__}) from exc
    except (ArithmeticError, LookupError, TypeError, ValueError) as exc:  # an expression of the template failed
        raise TemplateBroken(_("Report template “%(name)s” could not be filled in: %(message)s")
                             % {"name": template.name, "message": f"{type(exc).__name__}: {exc}"}) from exc


def save(tpl, template: WordTemplate) -> bytes:
    out = BytesIO()
    try:
        tpl.save(out)
    except (ValueError, KeyError) as exc:
        raise TemplateBroken(_("Report template “%(name)s” gave no document: %(detail)s")
                             % {"name": template.name, "detail": exc}) from exc
    return out.getvalue()


def active_template() -> WordTemplate:
    """The template in force: the one an administrator uploaded (``ReportTemplate``), else the shipped default."""
    row = ReportTemplate.objects.values_list("file_name", "content").first()
    return WordTemplate(row[0], bytes(row[1])) if row else default()
