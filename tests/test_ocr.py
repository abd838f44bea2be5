"""OCR of scanned PDFs and images rendered from real corpus articles, and the legacy .doc / .rtf formats.

With CI=true a missing Tesseract, Vietnamese model or antiword fails these tests instead of skipping them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.documents.chunking import Chunker, parse_articles
from assistant.documents.corpus import discover
from assistant.documents.loaders import SUPPORTED_SUFFIXES, LoadError, load
from assistant.documents.ocr import OcrUnavailable, check_tesseract
from assistant.index.ingest import Ingestor
from evals.scans import article_texts, cer, image_pdf, render_pages
from tests.conftest import FIXTURES, SHARED_CORPUS
from tests.pdfs import text_pdf

LEGAL = SHARED_CORPUS / "legal"
MAX_CER = 0.03


def _require(ready: bool, what: str) -> None:
    if not ready:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{what} is required in CI")
        pytest.skip(f"needs {what}")


@pytest.fixture(scope="module")
def tesseract():
    try:
        check_tesseract()
        ready = True
    except OcrUnavailable:
        ready = False
    _require(ready, "tesseract-ocr with tesseract-ocr-vie")


@pytest.fixture(scope="module")
def decree_scan(tmp_path_factory, tesseract) -> tuple[str, Path]:
    """Articles 5 and 6 of Nghị định 45/2012 (real text, read at test time) as an image-only 300-dpi PDF."""
    _require(LEGAL.is_dir(), "../shared/corpus")
    text = "\n".join(article_texts(LEGAL / "nd-45-2012.txt", [5, 6]))
    folder = tmp_path_factory.mktemp("scan")
    return text, image_pdf(render_pages(text), folder / "nd-45-2012-scan.pdf")


def test_scanned_pdf_is_read_by_ocr_with_its_article_structure_and_a_low_error_rate(decree_scan):
    text, pdf = decree_scan
    from pypdf import PdfReader

    assert all(not (page.extract_text() or "").strip() for page in PdfReader(str(pdf)).pages)  # no text layer
    loaded = load(pdf)
    assert loaded.ocr_pages == len(PdfReader(str(pdf)).pages) and "OCR" in loaded.notes[0]
    error_rate = cer(text, loaded.text)
    assert error_rate < MAX_CER, error_rate
    _, articles = parse_articles(loaded.text)
    assert [a.number for a in articles] == [5, 6]
    assert [a.title for a in articles] == [a.title for a in parse_articles(text)[1]]


def test_only_pages_without_a_text_layer_are_read_by_ocr(tmp_path, tesseract):
    _require(LEGAL.is_dir(), "../shared/corpus")
    from pypdf import PdfReader, PdfWriter

    (scan_text,) = article_texts(LEGAL / "tt-46-2012-bct.txt", [4])
    scan = image_pdf(render_pages(scan_text)[:1], tmp_path / "scan.pdf")
    typed = tmp_path / "typed.pdf"
    typed.write_bytes(text_pdf(["Dieu 1. Pham vi dieu chinh cua van ban danh may, co lop chu that su."]))
    writer = PdfWriter()
    for source in (typed, scan):
        writer.append(PdfReader(str(source)))
    mixed = tmp_path / "mixed.pdf"
    with mixed.open("wb") as handle:
        writer.write(handle)
    loaded = load(mixed)
    assert loaded.ocr_pages == 1 and "1/2 trang" in loaded.notes[0]
    assert "Dieu 1. Pham vi dieu chinh cua van ban danh may" in loaded.text
    assert "Điều 4." in loaded.text


def test_scanned_image_and_pdf_are_indexed_with_a_note_and_cached(tmp_path, decree_scan, tesseract):
    text, pdf = decree_scan
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(pdf, corpus / "nd-45-scan.pdf")
    (page,) = render_pages(article_texts(LEGAL / "ttlt-26-2014-btc-bct.txt", [1])[0], seed=3)
    page.save(corpus / "ttlt-26-trang-1.png")
    settings = Settings(corpus_dirs=[corpus], index_dir=tmp_path / "index")
    report = Ingestor(settings, progress=False).run()
    assert report.failures == []
    assert sorted((Path(p).name, n) for p, n in report.ocr) == [("nd-45-scan.pdf", 1), ("ttlt-26-trang-1.png", 1)]
    documents, _ = discover([corpus], ocr_cache=settings.index_dir / "cache")
    assert all(d.notes and d.ocr_pages == 1 for d in documents)
    assert len(list((settings.index_dir / "cache" / "ocr").glob("*.json"))) == 2  # later ingests reuse it
    chunks = Chunker().chunk(next(d for d in documents if d.id == "nd-45-scan"))
    assert {c.article for c in chunks} == {5, 6} and any(c.id == "nd-45-scan#d6-k1" for c in chunks)


def test_legacy_word_and_rtf_files_are_read_and_chunked():
    _require(shutil.which("antiword") is not None, "antiword")
    for suffix in (".doc", ".rtf"):
        assert suffix in SUPPORTED_SUFFIXES
        loaded = load(FIXTURES / f"qd-88-2031-synthetic{suffix}")
        assert "45% chi phí mua khung đan" in loaded.text and "xã Đồi Thông" in loaded.text
        _, articles = parse_articles(loaded.text)
        assert [a.number for a in articles] == [1, 2, 3]


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("hong.doc", b"\xd0\xcf\x11\xe0 khong phai word", "tệp .doc hỏng"),
    ("hong.rtf", b"khong phai rtf", "không phải tệp RTF"),
    ("hong.png", b"\x89PNG\r\n\x1a\n hong", "ảnh hỏng"),
])
def test_broken_legacy_and_image_files_get_a_clear_reason(tmp_path, name, data, reason):
    if name.endswith(".png"):
        try:
            check_tesseract()
        except OcrUnavailable:
            _require(False, "tesseract-ocr with tesseract-ocr-vie")
    if name.endswith(".doc"):
        _require(shutil.which("antiword") is not None, "antiword")
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LoadError) as error:
        load(path)
    assert reason in str(error.value) and "\n" not in str(error.value)
