"""`kehoach report --format pdf`: the month report converted by the real LibreOffice, read back with pdftotext."""

from __future__ import annotations

import re
import shutil
import subprocess
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kehoach.apps.reports import pdf

pytestmark = pytest.mark.django_db

TITLE = "BÁO CÁO Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội tháng 7 năm 2025"
MM = 72 / 25.4  # PDF points per millimetre


def pdf_text(path, *crop: float) -> str:
    """pdftotext -layout of the PDF (or of a crop x, y, width, height in mm of page 1), whitespace folded."""
    area = []
    if crop:
        area = ["-f", "1", "-l", "1"] + [a for flag, value in zip(("-x", "-y", "-W", "-H"), crop, strict=True)
                                         for a in (flag, str(round(value * MM)))]
    out = subprocess.run(["pdftotext", "-layout", *area, str(path), "-"], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    return re.sub(r"\s+", " ", out)


def pdf_lines(path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True,
                         timeout=60).stdout
    return [line.strip() for line in out.splitlines()]


@pytest.fixture
def month_pdf(demo_plan, tmp_path):
    missing = [tool for tool in ("soffice", "pdftotext") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {' and '.join(missing)} installed (apt-get install libreoffice-writer-nogui "
                    "poppler-utils): the PDF is not converted here")
    out = tmp_path / "bao-cao.pdf"
    stdout = StringIO()
    call_command("report", "--as-of", "2025-08-06", "--kind", "month", "--format", "pdf", "--out", str(out),
                 stdout=stdout)
    assert f"Wrote {out}" in stdout.getvalue()
    return out


def test_the_pdf_report_has_the_header_block_title_and_indicator_appendix(month_pdf):
    assert month_pdf.read_bytes().startswith(b"%PDF-")
    # the right-hand column of the header block (left margin 30 mm + issuing bodies 70 mm, 95 mm wide)
    motto = pdf_text(month_pdf, 100, 0, 95, 50)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc" in motto
    assert "Hải Phòng, ngày 06 tháng 8 năm 2025" in motto
    text = pdf_text(month_pdf)
    assert TITLE in text
    assert "I. TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU" in text
    assert "Biểu đồ kịch bản và thực hiện" in text
    assert "Phụ lục: Bảng các chỉ tiêu chủ yếu" in text
    appendix = pdf_lines(month_pdf)
    appendix = appendix[next(n for n, line in enumerate(appendix) if "Phụ lục: Bảng các chỉ tiêu" in line):]
    gdp = next(line for line in appendix if re.match(r"4\s+Tổng\s", line))  # row 4: GRDP, its first line
    # unit ("% (tăng so với cùng kỳ)", wrapped), year target, period, trajectory, actual, year to date, rating
    assert re.search(r"%\s+\(tăng so\s+12,5\s+6 tháng(?: đầu)?\s+12,13\s+ước\s+11,04\s+11,04\s+—\s+Chậm$", gdp), gdp
    assert any("(GRDP" in line for line in appendix)
    assert not list(month_pdf.parent.glob("*.part"))  # written through a temporary file, moved into place


def test_without_libreoffice_pdf_is_refused_with_exit_status_2_and_nothing_written(demo_plan, tmp_path,
                                                                                  monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    with pytest.raises(CommandError) as raised:
        call_command("report", "--as-of", "2025-08-06", "--format", "pdf", "--out", str(tmp_path / "x.pdf"))
    assert str(raised.value) == ("PDF needs LibreOffice (soffice) on this machine: "
                                 "apt-get install libreoffice-writer-nogui")
    assert raised.value.returncode == 2
    assert not list(tmp_path.iterdir())
