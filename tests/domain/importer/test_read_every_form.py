"""Reading a plan in every form it arrives in: Word, PDF (text layer or scan), .odt/.doc, a web
page's flattened text, a saved HTML page, text in UTF-8, UTF-16 or Windows-1258. The same plan
gives the same tasks whatever its form; a form that needs a missing program says how to install it."""

import io
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK

from kehoach.domain.importer import ImportFailure, inspect_files
from kehoach.domain.importer.document import Paragraph
from kehoach.domain.importer.readers import ocr as ocr_reader
from kehoach.domain.importer.readers import read_document
from kehoach.domain.text import clean

HEADER = ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
GROUPS = [
    ("I", "Hoàn thiện thể chế", [
        ("1", "Xây dựng quy chế quản lý dữ liệu", "Sở Tài chính", "Các sở, ngành", "Quý IV/2025"),
        ("2", "Rà soát văn bản quy phạm pháp luật", "Sở Tư pháp", "", "Tháng 6/2026"),
    ]),
    ("II", "Hạ tầng số", [
        ("1", "Xây dựng trung tâm dữ liệu", "Sở Khoa học và Công nghệ", "Sở Tài chính", "Năm 2026"),
    ]),
]
EXPECTED = [
    ("I", "1", "Xây dựng quy chế quản lý dữ liệu", ["Sở Tài chính"], "2025-12-31"),
    ("I", "2", "Rà soát văn bản quy phạm pháp luật", ["Sở Tư pháp"], "2026-06-30"),
    ("II", "1", "Xây dựng trung tâm dữ liệu", ["Sở Khoa học và Công nghệ"], "2026-12-31"),
]
PREAMBLE = ["Số: 45/KH-UBND", "Hà Nội, ngày 10 tháng 11 năm 2025", "KẾ HOẠCH", "Chuyển đổi số năm 2026"]


def tasks_of(result):
    return [(t.group.code, t.code, t.content, t.lead, t.deadline.due.isoformat() if t.deadline.due else None)
            for t in result.tasks]


def word_plan(page_break_inside=False) -> bytes:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Số: 99/KH-UBND (a page header, never read)"
    for line in PREAMBLE:
        document.add_paragraph(line)
    rows = [HEADER]
    for code, title, tasks in GROUPS:
        rows.append([code, title, "", "", ""])
        rows.extend(list(t) for t in tasks)
    table = document.add_table(rows=len(rows), cols=len(HEADER))
    table.style = "Table Grid"  # ruled, as official plans are
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
        if r and cells[0] in ("I", "II"):
            table.cell(r, 1).merge(table.cell(r, 4)).text = cells[1]
            run = table.cell(r, 1).paragraphs[0].runs[0]
            run.bold = True
    if page_break_inside:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def flattened_plan() -> str:
    """The plan as a web page's text: one cell per line run, | between cells, || between rows."""
    lines = [*PREAMBLE, ""]
    rows = [HEADER]
    for code, title, tasks in GROUPS:
        rows.append([f"**{code}**", f"**{title}**"])  # a group row: the title merged across the row
        rows.extend(list(t) for t in tasks)
    for cells in rows:
        lines.append("|")
        for k, text in enumerate(cells):
            if k:
                lines.append("|")
            if text:
                lines.extend(text.split(" ", 1)) if len(text) > 30 else lines.append(text)
        lines.append("|")
    lines += ["", "Nơi nhận:", "- Như trên."]
    return "\n".join(lines) + "\n"


def windows_1258(text: str) -> bytes:
    """Windows-1258 has the vowels with their hats and horns, the tones as combining marks."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(p for p in parts if p in TONES)
            base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in TONES))
            out.append((base + tones).encode("cp1258"))
    return b"".join(out)


TONES = "\u0300\u0301\u0303\u0309\u0323"


def tab_plan() -> str:
    rows = ["\t".join(HEADER)]
    for code, title, tasks in GROUPS:
        rows.append(f"<b>{code}</b>\t<b>{title}</b>\t\t\t")
        rows.extend("\t".join(t) for t in tasks)
    return "\n".join([*PREAMBLE, "", *rows]) + "\n"


def test_a_word_file_reads_with_merged_group_rows(tmp_path):
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(word_plan())
    result = inspect_files([path])
    assert tasks_of(result) == EXPECTED
    assert result.documents[0].number == "45/KH-UBND"  # the page header's number is not read
    model = read_document(path)
    assert model.form == "Word (.docx)"
    group_row = model.tables()[0].rows[1]
    assert [c.col_span for c in group_row] == [1, 4]
    assert (group_row[1].table, group_row[1].row, group_row[1].column) == (1, 2, 2)


def test_a_word_table_with_a_vertically_merged_cell_keeps_the_merge(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "STT", "Nội dung"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "1"
    table.cell(1, 1).text, table.cell(2, 1).text = "a", "b"
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "merged.docx"
    path.write_bytes(buffer.getvalue())
    rows = read_document(path).tables()[0].rows
    assert rows[1][0].row_span == 2 and rows[2][0].merged and rows[2][0].text == ""


def test_the_web_page_text_gives_the_same_tasks_as_the_word_file(tmp_path):
    path = tmp_path / "ke-hoach-web.txt"
    path.write_text(flattened_plan(), encoding="utf-8")
    assert tasks_of(inspect_files([path])) == EXPECTED
    assert "flattened" in read_document(path).form


def test_flattened_rows_merged_from_above_are_short_and_keep_their_place(tmp_path):
    # a row whose last two cells are merged from the row above is written with three cells only
    text = flattened_plan().replace("|\nSở Tư pháp\n|\n|\nTháng 6/2026\n|", "|\nSở Tư pháp\n|")
    path = tmp_path / "short.txt"
    path.write_text(text, encoding="utf-8")
    rows = read_document(path).tables()[0].rows
    assert [c.text for c in rows[3] if not c.merged] == ["2", "Rà soát văn bản quy phạm pháp luật", "Sở Tư pháp"]
    assert [c.merged for c in rows[3]] == [False, False, False, True, True]
    assert [c.text for c in rows[5]][0] == "1"
    second = inspect_files([path]).tasks[1]  # the merged cells give the row above's text
    assert (second.support, second.deadline.text) == (["Các sở, ngành"], "Quý IV/2025")


@pytest.mark.parametrize(("encoding", "said"), [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"),
                                                 ("cp1258", "Windows-1258"), ("utf-8-sig", "UTF-8")])
def test_text_in_every_vietnamese_encoding_reads_and_says_which(tmp_path, encoding, said):
    path = tmp_path / "plan.txt"
    path.write_bytes(windows_1258(tab_plan()) if encoding == "cp1258" else tab_plan().encode(encoding))
    assert tasks_of(inspect_files([path])) == EXPECTED
    assert said in read_document(path).form


def test_a_saved_web_page_reads_with_its_spans(tmp_path):
    rows = "<tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr>"
    for code, title, tasks in GROUPS:
        rows += f"<tr><td><b>{code}</b></td><td colspan='4'><b>{title}</b></td></tr>"
        rows += "".join("<tr>" + "".join(f"<td>{c}</td>" for c in t) + "</tr>" for t in tasks)
    page = ("<!DOCTYPE html><html><head><title>x</title><script>var a='|';</script></head><body>"
            + "".join(f"<p>{line}</p>" for line in PREAMBLE) + f"<table>{rows}</table></body></html>")
    path = tmp_path / "ke-hoach.html"
    path.write_text(page, encoding="utf-8")
    assert tasks_of(inspect_files([path])) == EXPECTED


needs_libreoffice = pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")


def convert(tmp_path, data: bytes, suffix: str, target: str):
    source = tmp_path / f"source{suffix}"
    source.write_bytes(data)
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", target, "--outdir", str(tmp_path / "out"), str(source)],
                   check=True, capture_output=True, timeout=180)
    return next((tmp_path / "out").iterdir())


@needs_libreoffice
def test_a_pdf_with_a_text_layer_reads_its_ruled_table(tmp_path):
    pdf = convert(tmp_path, word_plan(), ".docx", "pdf")
    result = inspect_files([pdf])
    assert [(g, c, lead, due) for g, c, _content, lead, due in tasks_of(result)] == [
        (g, c, lead, due) for g, c, _content, lead, due in EXPECTED]
    assert read_document(pdf).form == "PDF (text layer)"


@needs_libreoffice
def test_an_opendocument_file_reads_through_libreoffice(tmp_path):
    odt = convert(tmp_path, word_plan(), ".docx", "odt")
    assert tasks_of(inspect_files([odt])) == EXPECTED


def test_without_libreoffice_a_doc_file_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(ImportFailure) as failure:
        inspect_files([path])
    assert "LibreOffice" in failure.value.message and "apt-get install" in failure.value.expected


def scanned_pdf() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1240, 400), "white")
    ImageDraw.Draw(image).text((60, 60), "KE HOACH", fill="black")
    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=150)
    return buffer.getvalue()


def test_a_scan_without_tesseract_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr_reader.shutil, "which", lambda name: None)
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf())
    with pytest.raises(ImportFailure) as failure:
        inspect_files([path])
    assert "scan" in failure.value.message and "tesseract-ocr-vie" in failure.value.expected


SCANNED_LINES = ["Số: 12/KH-UBND", "Hải Phòng, ngày 31 tháng 3 năm 2025", "", "KẾ HOẠCH", "Chuyển đổi số năm 2025", "",
                 "Xây dựng cơ sở dữ liệu đất đai", "Sở Tài chính", "Quý IV/2025"]


def scanned_vietnamese_pdf() -> bytes:
    """A page as a picture of Vietnamese text (DejaVu Sans has every Vietnamese letter)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(DEJAVU, 34)
    image = Image.new("RGB", (1240, 700), "white")
    draw = ImageDraw.Draw(image)
    y = 60
    for line in SCANNED_LINES:
        if line:
            draw.text((100, y), line, fill="black", font=font)
        y += 56 if line else 40
    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=150)
    return buffer.getvalue()


DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _tesseract_reads_vietnamese() -> bool:
    if not shutil.which("tesseract"):
        return False
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False)
    return "vie" in listed.stdout.split()


@pytest.mark.skipif(not _tesseract_reads_vietnamese() or not Path(DEJAVU).exists(),
                    reason="Tesseract with its Vietnamese data (tesseract-ocr-vie) or the DejaVu font is not installed")
def test_a_scan_is_read_through_ocr_in_vietnamese(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_vietnamese_pdf())
    model = read_document(path)
    assert model.form == "scanned PDF (OCR, Tesseract vie)"
    recognised = [clean(b.text) for b in model.blocks if isinstance(b, Paragraph) and b.text.strip()]
    for text in ("Xây dựng cơ sở dữ liệu đất đai", "Sở Tài chính", "Quý IV/2025", "KẾ HOẠCH"):
        assert text in recognised  # the diacritics read, not only the letters
    result = inspect_files([path])
    document = result.documents[0]
    assert (document.number, document.date, document.title) == ("12/KH-UBND", date(2025, 3, 31),
                                                                 "Kế hoạch chuyển đổi số năm 2025")
    # a scan's table loses its rules: what was not read is said, with the OCR caveat
    assert {w.code for w in result.warnings} == {"read-as", "no-table"}


def test_libreoffice_text_export_one_cell_per_line_reads(tmp_path):
    lines = [*PREAMBLE, "", *HEADER]
    for code, title, tasks in GROUPS:
        lines += [code, title]  # the title merged across the row is written once
        for task in tasks:
            lines += list(task)  # an empty cell is an empty line
    path = tmp_path / "export.txt"
    path.write_text("\n".join(lines) + "\n\nNơi nhận:\n", encoding="utf-8")
    assert tasks_of(inspect_files([path])) == EXPECTED
    assert "one cell per line" in read_document(path).form


@needs_libreoffice
def test_libreoffice_text_export_of_the_word_file_reads(tmp_path):
    exported = convert(tmp_path, word_plan(), ".docx", "txt:Text (encoded):UTF8")
    assert tasks_of(inspect_files([exported])) == EXPECTED
