"""Word templates for the tests, made as an official would: the shipped template opened and edited
(python-docx), or broken in one way each."""

from __future__ import annotations

import zipfile
from io import BytesIO

from docx import Document

from kehoach.apps.reports.word_template import default_bytes

SIGNER = "Nguyễn Văn Thành"
RECIPIENTS = ("Bộ Tài chính;", "Thường trực Thành ủy;", "Lưu: VT, TH.")


def edited(replace: dict[str, str] | None = None, signer: str | None = None,
           recipients: tuple[str, ...] | None = None) -> bytes:
    """The shipped template with paragraphs' text replaced (whole paragraph text → new text), another
    signer name and other recipients."""
    doc = Document(BytesIO(default_bytes()))
    paragraphs = list(doc.paragraphs) + [p for t in doc.tables for c in t._cells for p in c.paragraphs]
    for paragraph in paragraphs:
        if replace and paragraph.text in replace:
            new = replace[paragraph.text]
            paragraph.runs[0].text = new
            for run in paragraph.runs[1:]:
                run.text = ""
    closing = doc.tables[1].rows[0].cells
    if signer is not None:
        closing[1].paragraphs[-1].runs[-1].text = signer
    if recipients is not None:
        lines = closing[0].paragraphs[1:]
        for paragraph in lines[len(recipients):]:
            paragraph._p.getparent().remove(paragraph._p)
        for paragraph, line in zip(lines, recipients, strict=False):
            paragraph.runs[0].text = f"- {line}"
        for line in recipients[len(lines):]:
            closing[0].add_paragraph(f"- {line}")
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def not_a_zip() -> bytes:
    return b"This is not a Word document at all.\n"


def zip_not_docx() -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("notes.txt", "hello")
    return out.getvalue()


BROKEN = {
    # kind: (template bytes, what the Vietnamese message must contain)
    "not a zip": (not_a_zip, "không phải văn bản Word (.docx)"),
    "a zip but not Word": (zip_not_docx, "không phải văn bản Word (.docx)"),
    "Jinja syntax error": (lambda: edited({"{{ trich_yeu }}": "{{ trich_yeu | }}"}),
                           "lỗi cú pháp Jinja ở thân văn bản, tại dòng “{{ trich_yeu | }}”"),
    "unknown variable": (lambda: edited(signer="{{ nguoi_ky }}"),
                         "không có biến “nguoi_ky” tại dòng “{{ nguoi_ky }}”"),
    "missing body marker": (lambda: edited({"{{p noi_dung }}": "Nội dung báo cáo"}),
                            "thiếu dấu {{p noi_dung }}"),
    "body marker inside a line": (lambda: edited({"{{p noi_dung }}": "Nội dung: {{ noi_dung }}"}),
                                  "thiếu dấu {{p noi_dung }}"),
    "missing appendix marker": (lambda: edited({"{{p phu_luc }}": ""}), "thiếu dấu {{p phu_luc }}"),
    "missing title": (lambda: edited({"{{ trich_yeu }}": "Tình hình kinh tế - xã hội"}),
                      "thiếu tiêu đề {{ tieu_de }} (hoặc trích yếu {{ trich_yeu }})"),
    "failing expression": (lambda: edited({"{{ trich_yeu }}": "{{ trich_yeu }} {{ nam / 2 }}"}),
                           "Không điền được mẫu báo cáo"),
}
