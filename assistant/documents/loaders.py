"""Readers that turn a file (.txt, .md, .pdf, .docx, .html) into NFC text, or fail with a clear reason."""

from __future__ import annotations

from pathlib import Path

from assistant.text import nfc

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".docx", ".html", ".htm")


class LoadError(Exception):
    """A file could not be read as a document; the message says why, in one line."""


def read_text_file(path: Path) -> str:
    """Read a UTF-8 text or Markdown file (a BOM is tolerated)."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(f"không phải văn bản UTF-8 (byte lỗi ở vị trí {exc.start})") from exc


def read_pdf(path: Path) -> str:
    """Extract the text layer of a PDF with pypdf; scanned or encrypted PDFs are refused."""
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
    text = "\n\n".join(pages)
    if not text.strip():
        raise LoadError("PDF không có lớp chữ (có thể là bản scan), cần OCR trước khi nạp")
    return text


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


_READERS = {
    ".txt": read_text_file,
    ".md": read_text_file,
    ".pdf": read_pdf,
    ".docx": read_docx,
    ".html": read_html,
    ".htm": read_html,
}


def load_file(path: Path) -> str:
    """Return the NFC text of `path`, raising LoadError for unsupported, empty or unreadable files."""
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise LoadError(f"định dạng không hỗ trợ '{path.suffix or '(không đuôi)'}'")
    if path.stat().st_size == 0:
        raise LoadError("tệp rỗng")
    text = nfc(reader(path))
    if not text.strip():
        raise LoadError("tệp không có nội dung chữ")
    return text
