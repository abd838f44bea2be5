"""Corpus loading: formats, manifest and header metadata, duplicates, and every kind of bad file."""

import docx
import pytest

from assistant.documents.corpus import discover
from tests.conftest import DECREE, SMALL_MANIFEST, write_corpus
from tests.pdfs import blank_pdf, encrypted_pdf, text_pdf, truncated_pdf


def test_manifest_metadata_and_header_fallback(small_corpus):
    docs, failures = discover([small_corpus])
    assert not failures
    by_id = {d.id: d for d in docs}
    assert set(by_id) == {"nd-99-2030", "tt-77-2031", "ke-hoach-2030"}
    decree = by_id["nd-99-2030"]
    assert decree.number == "99/2030/NĐ-CP" and decree.status == "amended"
    assert decree.amended_by == ["100/2031/NĐ-CP"]
    assert decree.header and "Dòng tiêu đề" not in decree.text
    assert by_id["ke-hoach-2030"].status == "unverified"


def test_same_document_in_two_folders_is_loaded_once(tmp_path, small_corpus):
    copy = write_corpus(tmp_path / "copy", {"nd-99.txt": DECREE}, SMALL_MANIFEST[:1])
    docs, failures = discover([small_corpus, copy])
    assert not failures
    assert [d.id for d in docs].count("nd-99-2030") == 1
    renamed = write_corpus(tmp_path / "renamed", {"khac-ten.txt": DECREE})
    docs, _ = discover([small_corpus, renamed])
    assert len(docs) == 3  # same text under another name and no manifest: still one document


def test_pdf_docx_html_and_markdown_are_read(tmp_path):
    root = tmp_path / "formats"
    root.mkdir()
    (root / "a.pdf").write_bytes(text_pdf(["Dieu 1. Pham vi dieu chinh", "Ho tro 50% chi phi."]))
    document = docx.Document()
    document.add_paragraph("Điều 1. Hỗ trợ đào tạo nghề cho lao động nông thôn.")
    document.save(root / "b.docx")
    (root / "c.html").write_text(
        "<html><head><script>alert('x')</script></head><body><h1>Kế hoạch</h1><p>Tổ chức 5 lớp.</p></body></html>",
        encoding="utf-8",
    )
    (root / "d.md").write_text("# Ghi chú\nNội dung ghi chú về khuyến công.", encoding="utf-8")
    docs, failures = discover([root])
    assert not failures
    texts = {d.path.rsplit("/", 1)[1]: d.text for d in docs}
    assert "Ho tro 50% chi phi." in texts["a.pdf"]
    assert "đào tạo nghề" in texts["b.docx"]
    assert "Tổ chức 5 lớp." in texts["c.html"] and "alert" not in texts["c.html"]
    assert texts["d.md"].startswith("Nội dung") and next(d for d in docs if d.path.endswith("d.md")).title == "Ghi chú"


BAD_FILES = {
    "corrupt.pdf": (b"%PDF-1.4\nkhong phai pdf that\n", "PDF hỏng"),
    "truncated.pdf": (None, "PDF hỏng"),
    "encrypted.pdf": (None, "mã hoá"),
    "scanned.pdf": (None, "không có lớp chữ"),
    "empty.txt": (b"", "tệp rỗng"),
    "latin1.txt": ("Điều 1. Văn bản".encode("cp1258", errors="replace") + b"\xff\xfe\xfa", "UTF-8"),
    "bang-tinh.xlsx": (b"PK\x03\x04", "không hỗ trợ"),
    "only-header.txt": (b"# chi co tieu de\n", "không có nội dung"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_gets_a_clear_reason_and_the_others_still_load(tmp_path, name):
    content, reason = BAD_FILES[name]
    if name == "truncated.pdf":
        content = truncated_pdf()
    elif name == "encrypted.pdf":
        content = encrypted_pdf()
    elif name == "scanned.pdf":
        content = blank_pdf()
    root = write_corpus(tmp_path / "c", {"good.txt": DECREE})
    (root / name).write_bytes(content)
    docs, failures = discover([root])
    assert [d.path.endswith("good.txt") for d in docs] == [True]
    assert len(failures) == 1
    assert failures[0].path.endswith(name) and reason in failures[0].reason
    assert "\n" not in str(failures[0])
