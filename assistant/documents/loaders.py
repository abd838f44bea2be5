"""Readers that turn a file (.txt, .md, .pdf, .docx, .doc, .rtf, .html, images) into NFC text, or fail clearly."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from assistant.documents import ocr
from assistant.text import nfc

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
# The one list of accepted file types: the loaders, the admin upload and the Quản trị tab all use it.
SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".docx", ".doc", ".rtf", ".html", ".htm", *IMAGE_SUFFIXES)
CONVERTER_TIMEOUT_S = 120


@dataclass
class LoadedText:
    """A file's text and how it was obtained."""

    text: str
    notes: list[str] = field(default_factory=list)
    ocr_pages: int = 0


class LoadError(Exception):
    """A file could not be read as a document; the message says why, in one line."""


def read_text_file(path: Path) -> str:
    """Read a UTF-8 text or Markdown file (a BOM is tolerated)."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(f"không phải văn bản UTF-8 (byte lỗi ở vị trí {exc.start})") from exc


def read_pdf(path: Path, cache: ocr.OcrCache | None = None) -> LoadedText:
    """The text layer of a PDF (pypdf); pages without one are read by OCR. Encrypted PDFs are refused."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise LoadError("PDF được mã hoá (có mật khẩu)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise LoadError(f"PDF hỏng hoặc không đọc được ({type(exc).__name__})") from exc
    if not pages:
        raise LoadError("PDF không có trang nào")
    try:
        result = ocr.pdf_text(path, pages, cache or ocr.OcrCache(None))
    except ocr.OcrUnavailable as exc:
        raise LoadError(f"PDF có trang scan không có lớp chữ nhưng không OCR được: {exc}") from exc
    if result.ocr_pages and not result.text.strip():
        raise LoadError("PDF không có lớp chữ và OCR không nhận ra chữ nào (trang trắng hoặc ảnh quá mờ)")
    return _with_ocr_note(result)


def read_image(path: Path, cache: ocr.OcrCache | None = None) -> LoadedText:
    """A scanned page (png, jpg, tiff) read by OCR."""
    try:
        result = ocr.image_text(path, cache or ocr.OcrCache(None))
    except ocr.OcrUnavailable as exc:
        raise LoadError(str(exc)) from exc
    except ValueError as exc:
        raise LoadError(str(exc)) from exc
    return _with_ocr_note(result)


def _with_ocr_note(result: ocr.OcrText) -> LoadedText:
    if not result.ocr_pages:
        return LoadedText(result.text)
    note = (f"OCR (Tesseract, tiếng Việt): {len(result.ocr_pages)}/{result.pages} trang không có lớp chữ "
            "đã được nhận dạng; có thể có lỗi chính tả so với bản gốc")
    return LoadedText(result.text, [note], len(result.ocr_pages))


def _run_converter(command: list[str], what: str) -> str:
    """stdout of a converter as UTF-8; a missing tool, a timeout or an error exit is a LoadError."""
    if shutil.which(command[0]) is None:
        raise LoadError(f"chưa cài {command[0]} để đọc tệp {what}")
    try:
        done = subprocess.run(command, capture_output=True, timeout=CONVERTER_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as exc:
        raise LoadError(f"đọc tệp {what} quá {CONVERTER_TIMEOUT_S} giây") from exc
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise LoadError(f"tệp {what} hỏng hoặc không đọc được ({detail[-1][:120] if detail else done.returncode})")
    return done.stdout.decode("utf-8", "replace")


def read_doc(path: Path) -> str:
    """A legacy Word 97-2003 .doc through antiword (UTF-8), or LibreOffice headless when antiword is absent."""
    if shutil.which("antiword") is not None or shutil.which("soffice") is None:
        # -w 0: one paragraph per line, as the legal chunker expects.
        return _run_converter(["antiword", "-m", "UTF-8.txt", "-w", "0", str(path)], ".doc")
    with tempfile.TemporaryDirectory() as out:
        _run_converter(["soffice", "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", out,
                        str(path)], ".doc")
        converted = Path(out) / f"{path.stem}.txt"
        if not converted.is_file():
            raise LoadError("LibreOffice không chuyển được tệp .doc")
        return converted.read_text(encoding="utf-8-sig", errors="replace")


def read_rtf(path: Path) -> str:
    """Plain text of an RTF file (striprtf); RTF is 7-bit text with escapes, so decode it leniently."""
    from striprtf.striprtf import rtf_to_text

    raw = path.read_bytes().decode("latin-1")
    if not raw.lstrip().startswith("{\\rtf"):
        raise LoadError("không phải tệp RTF (thiếu '{\\rtf')")
    try:
        return rtf_to_text(raw, errors="replace")
    except (ValueError, IndexError) as exc:
        raise LoadError(f"tệp RTF hỏng ({type(exc).__name__})") from exc


def read_docx(path: Path) -> str:
    """Paragraph text of a .docx file, tables included row by row."""
    import zipfile

    import docx

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise LoadError(f"tệp DOCX hỏng ({type(exc).__name__})") from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines.extend(" | ".join(cell.text for cell in row.cells) for row in table.rows)
    return "\n".join(lines)


def read_html(path: Path) -> str:
    """Visible text of an HTML page, one block per line; scripts and styles dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(read_text_file(path), "html.parser")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    return soup.get_text("\n")


_TEXT_READERS = {
    ".txt": read_text_file,
    ".md": read_text_file,
    ".docx": read_docx,
    ".doc": read_doc,
    ".rtf": read_rtf,
    ".html": read_html,
    ".htm": read_html,
}


def _read(path: Path, cache: ocr.OcrCache) -> LoadedText:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return read_pdf(path, cache)
    if suffix in IMAGE_SUFFIXES:
        return read_image(path, cache)
    return LoadedText(_TEXT_READERS[suffix](path))


def load(path: Path, ocr_cache: Path | None = None) -> LoadedText:
    """Read `path` into NFC text with notes on how; LoadError for unsupported, empty or unreadable files.

    Whatever goes wrong inside a reader becomes a LoadError naming it, so one bad file never stops an ingest.
    """
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise LoadError(f"định dạng không hỗ trợ '{path.suffix or '(không đuôi)'}'")
    if path.stat().st_size == 0:
        raise LoadError("tệp rỗng")
    try:
        loaded = _read(path, ocr.OcrCache(ocr_cache))
    except LoadError:
        raise
    except Exception as exc:  # a reader library's own bug must not stop the other files
        raise LoadError(f"không đọc được tệp ({type(exc).__name__}: {str(exc)[:160]})") from exc
    loaded.text = nfc(loaded.text)
    if not loaded.text.strip():
        raise LoadError("tệp không có nội dung chữ" + (" (kể cả sau OCR)" if loaded.ocr_pages else ""))
    return loaded


def load_file(path: Path) -> str:
    """Return the NFC text of `path` (see `load`)."""
    return load(path).text
