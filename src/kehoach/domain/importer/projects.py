"""Key-project lists ("Danh mục các dự án trọng điểm"): projects under their group (to be
inaugurated, started, or continuing in the year) and funding (state budget or not)."""

from __future__ import annotations

import re
from decimal import Decimal

from kehoach.domain.entities import Project
from kehoach.domain.importer.columns import Column, by_role
from kehoach.domain.importer.context import Context
from kehoach.domain.importer.errors import ImportFailure
from kehoach.domain.importer.reader import Row, Table, join_continuations
from kehoach.domain.numbers import parse_number, parse_value
from kehoach.domain.text import fold
from kehoach.domain.units import convert

GROUPS = (  # (pattern on the folded group title, group)
    (r"khanh thanh|hoan thanh|dua vao su dung", "khanh_thanh"),
    (r"khoi cong", "khoi_cong"),
    (r"chuyen tiep|dang trien khai", "chuyen_tiep"),
)
_GROUP_CODE = re.compile(r"^[IVX]+\.?$")
_FUNDING_CODE = re.compile(r"^[IVX]+\.\d+\.?$")
_NUMBER = re.compile(r"^\d+\.?$")
_COMPONENT = re.compile(r"([^:\d][^:]*?)\s*:\s*(\d{1,3}(?:\.\d{3})*(?:,\d+)?)")
_NUMBER_IN = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")


def parse_project_table(table: Table, columns: list[Column], ctx: Context) -> list[Project]:
    roles = by_role(columns)
    if "value" not in roles:
        raise ImportFailure("the project table has no value column", ctx.at(table.line),
                            expected="a column such as 'Giá trị phê duyệt (triệu đồng)' or 'Tổng mức đầu tư'")
    key = roles.get("key", 0)
    unit = _value_unit(columns[roles["value"]].text)
    rows = join_continuations(table.rows, key)
    projects: list[Project] = []
    group = group_title = funding = funding_title = ""
    for row in rows:
        code = row.cell(key).strip()
        name = row.cell(roles["project"])
        if _FUNDING_CODE.match(code):
            funding_title = name
            funding = "ngoai_ngan_sach" if "ngoai ngan sach" in fold(name) else "ngan_sach"
            ctx.took(row, "group")
            continue
        if _GROUP_CODE.match(code):
            group_title = name
            group = next((g for p, g in GROUPS if re.search(p, fold(name))), "")
            if not group:
                ctx.warn("project-group-unknown", f"project group {name!r} is not one of khánh thành / khởi công / "
                         "chuyển tiếp", row.line, roles["project"] + 1)
            funding = funding_title = ""
            ctx.took(row, "group")
            continue
        if not _NUMBER.match(code):
            ctx.warn("project-row-unknown", f"row {code!r} is neither a group nor a numbered project; skipped",
                     row.line, key + 1)
            continue
        projects.append(_project(row, int(code.rstrip(".")), roles, unit, ctx,
                                 group, group_title, funding, funding_title))
        ctx.took(row, "read")
    _check_magnitudes(projects, ctx, roles["value"])
    return projects


def _project(row: Row, number: int, roles: dict[str, int], unit: str, ctx: Context,
             group: str, group_title: str, funding: str, funding_title: str) -> Project:
    text = row.cell(roles["value"])
    components = [(label.strip(" -,."), _million(parse_number(n), unit)) for label, n in _COMPONENT.findall(text)]
    notes = [m.strip() for m in re.findall(r"\(([^)]*)\)", text)]
    value = None
    if len(components) > 1:
        value = sum((v for _, v in components), Decimal(0))
    else:
        components = []
        parsed = parse_value(re.sub(r"\([^)]*\)", "", text))
        if parsed is not None and parsed.low is not None:
            value = _million(parsed.low, unit)
        elif text:
            ctx.warn("project-value-unknown", f"project {number}: value {text!r} not understood",
                     row.line, roles["value"] + 1)
    if not funding:
        ctx.warn("project-funding-unknown", f"project {number}: no funding group above it", row.line)
    return Project(
        number=number, name=row.cell(roles["project"]), group=group, group_title=group_title,
        funding=funding, funding_title=funding_title, approvals=row.cell(roles.get("approvals")),
        value_million_vnd=value, value_text=text, notes=notes, components=components,
        document=ctx.document.key, location=ctx.at(row.line),
    )


def _value_unit(header: str) -> str:
    m = re.search(r"\(([^)]*(?:đồng|USD)[^)]*)\)", header, re.IGNORECASE)
    return m.group(1).strip() if m else "triệu đồng"


def _million(value: Decimal, unit: str) -> Decimal:
    return convert(value, unit, "triệu đồng")


def _check_magnitudes(projects: list[Project], ctx: Context, column: int) -> None:
    """A value a thousand times smaller than the others, written with three decimals, is most
    likely a thousands separator typed as a decimal comma ("716,495" for "716.495"): flag it."""
    values = sorted(p.value_million_vnd for p in projects if p.value_million_vnd)
    if len(values) < 5:
        return
    median = values[len(values) // 2]
    for project in projects:
        v = project.value_million_vnd
        first = _NUMBER_IN.search(project.value_text or "")
        if v is None or first is None or not re.fullmatch(r"\d{1,3},\d{3}", first.group(0)):
            continue
        if v * 100 < median:
            corrected = project.value_text.replace(",", ".")
            ctx.warn("value-typo", f"project {project.number}: value {project.value_text!r} is about a thousand "
                     f"times smaller than the others (median {median}); it looks like {corrected!r} with the "
                     "thousands separator typed as a decimal comma. Kept as written",
                     project.location.line if project.location else None, column + 1)
