"""The month report's first page has the form of Nghị định 30/2020/NĐ-CP (Phụ lục I), read back from the PDF the
real LibreOffice makes: the issuing bodies broken between words, a short rule under the issuing body (1/3 to 1/2 of
its line) and a rule as long as "Độc lập - Tự do - Hạnh phúc" under the motto, "BÁO CÁO" in capitals on its own
line above the subject, a short rule under the subject, "Kính gửi", the signature block with the signer's title
and name; and in the Word file, "BÁO CÁO" and the subject in bold."""

from __future__ import annotations

import re
import shutil
import subprocess
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from docx import Document

from kehoach.apps.reports import default_template

pytestmark = pytest.mark.django_db

DPI = 100
MM = 25.4 / DPI  # mm per pixel
PT = 25.4 / 72  # mm per PDF point
SUBJECT = "Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội tháng 7 năm 2025"


@pytest.fixture
def month_pdf(demo_plan, tmp_path):
    missing = [tool for tool in ("soffice", "pdftotext", "pdftoppm") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {' and '.join(missing)} installed (apt-get install libreoffice-writer-nogui "
                    "poppler-utils): the PDF is not converted here")
    out = tmp_path / "bao-cao.pdf"
    call_command("report", "--as-of", "2025-08-06", "--kind", "month", "--format", "pdf", "--out", str(out),
                 stdout=StringIO())
    return out


def words(path) -> list[tuple[str, float, float, float, float]]:
    """(word, left, top, right, bottom) in mm of every word on page 1 (pdftotext -bbox)."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [(w, float(x0) * PT, float(y0) * PT, float(x1) * PT, float(y1) * PT)
            for x0, y0, x1, y1, w in re.findall(pattern, html)]


def lines(path) -> list[str]:
    """Page 1's lines as pdftotext -layout gives them, each column's text apart, blanks dropped."""
    text = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    return [part for line in text.splitlines() for part in re.split(r"\s{3,}", line.strip()) if part]


def rules(path, tmp_path, within_mm: float = 110) -> list[tuple[float, float, float]]:
    """(y, left, right) in mm of every horizontal line of page 1 above ``within_mm``: a dark run of at least
    5 mm in a pixel row (no letter has a stroke that long), rows of the same run merged."""
    stem = tmp_path / "page"
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-f", "1", "-l", "1", str(path), str(stem)], check=True,
                   timeout=60)
    data = next(tmp_path.glob("page*.pgm")).read_bytes()
    magic, width, height, _depth, pixels = data.split(maxsplit=4)
    assert magic == b"P5"
    width, height = int(width), int(height)
    found: list[tuple[float, float, float]] = []
    for y in range(min(height, int(within_mm / MM))):
        row = pixels[y * width:(y + 1) * width]
        for m in re.finditer(rb"[\x00-\x7f]{%d,}" % int(5 / MM), row):
            run = (y * MM, m.start() * MM, m.end() * MM)
            if found and abs(found[-1][0] - run[0]) <= 2 * MM and abs(found[-1][1] - run[1]) <= 1:
                continue  # the same line, a pixel row lower
            found.append(run)
    return found


def span(found, first: str, last: str, after_mm: float = 0) -> tuple[float, float, float]:
    """(left, right, bottom) in mm of the line of words from ``first`` to ``last`` (the first one below ``after_mm``)."""
    start = next(w for w in found if w[0] == first and w[2] >= after_mm)
    end = next(w for w in found if w[0] == last and abs(w[2] - start[2]) < 1 and w[1] >= start[1])
    return start[1], end[3], max(start[4], end[4])


def test_the_first_page_has_the_decree_30_header_title_and_rules(month_pdf, tmp_path):
    text = lines(month_pdf)
    # the issuing bodies as the official breaks them: between words, never inside a name
    assert text[0:2] == ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert text[2:4] == ["THÀNH PHỐ HẢI PHÒNG", "Độc lập - Tự do - Hạnh phúc"]
    assert text[4] == "SỞ TÀI CHÍNH"
    # "BÁO CÁO" alone on its line, the subject under it, then "Kính gửi"
    title = text.index("BÁO CÁO")
    assert text[title + 1] == SUBJECT
    assert text[title + 2] == "Kính gửi: Ủy ban nhân dân thành phố Hải Phòng."

    found = words(month_pdf)
    drawn = rules(month_pdf, tmp_path)
    assert len(drawn) == 3, drawn

    def rule_under(left: float, right: float, bottom: float) -> tuple[float, float]:
        """The rule just under a line of text (within 6 mm), centred on it: its left and right end."""
        y, x0, x1 = next(r for r in drawn if 0 < r[0] - bottom < 6)
        assert abs((x0 + x1) / 2 - (left + right) / 2) < 1.5, (x0, x1, left, right)
        return x0, x1

    left, right, bottom = span(found, "SỞ", "CHÍNH")
    x0, x1 = rule_under(left, right, bottom)
    assert (right - left) / 3 - 1 <= x1 - x0 <= (right - left) / 2 + 1  # 1/3 to 1/2 of the issuing body
    left, right, bottom = span(found, "Độc", "phúc")
    x0, x1 = rule_under(left, right, bottom)
    assert abs((x1 - x0) - (right - left)) < 2  # as long as the motto's second line
    left, right, bottom = span(found, "Tình", "2025", after_mm=span(found, "BÁO", "CÁO")[2])
    x0, x1 = rule_under(left, right, bottom)
    assert (right - left) / 3 - 1 <= x1 - x0 <= (right - left) / 2 + 1  # 1/3 to 1/2 of the subject


def test_the_signature_block_has_the_authority_title_and_name_line_and_the_title_is_bold(demo_plan, tmp_path):
    out = tmp_path / "bao-cao.docx"
    call_command("report", "--as-of", "2025-08-06", "--kind", "month", "--out", str(out), stdout=StringIO())
    doc = Document(str(out))
    kind, subject = doc.paragraphs[0], doc.paragraphs[1]
    assert (kind.text, subject.text) == ("BÁO CÁO", SUBJECT)
    assert all(run.bold for run in kind.runs + subject.runs)
    signature = doc.tables[1].rows[0].cells[1].text.splitlines()
    assert [line for line in signature if line] == [default_template.AUTHORITY, default_template.SIGNER_TITLE,
                                                     default_template.SIGNER_NAME]
    shipped = Document(BytesIO(default_template.build()))
    assert "{{ trich_yeu }}" in [p.text for p in shipped.paragraphs]
