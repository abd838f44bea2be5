"""OCR of scanned pages with Tesseract (Vietnamese): PDF pages without a text layer and image files."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

OCR_LANGUAGE = "vie"
OCR_DPI = 300
# A page whose text layer holds fewer letters than this is treated as a scan (stamps and page numbers
# leave a few characters on an image-only page).
MIN_TEXT_LAYER_LETTERS = 20
PAGE_TIMEOUT_S = 300
# Tesseract's OpenMP threads spin against each other on a busy 2-core machine: one thread per page measured
# 4.2 s against 17.6 s. pytesseract cannot pass an environment to its subprocess, so Tesseract is run directly.
_TESSERACT_ENV = {"OMP_THREAD_LIMIT": "1"}
_POINT = re.compile(r"^[a-zđ]\)\s")


class OcrUnavailable(Exception):
    """Tesseract or its Vietnamese model is not installed."""


@dataclass
class OcrText:
    """Text of a file with the pages that needed OCR (1-based)."""

    text: str
    ocr_pages: list[int]
    pages: int


def letters(text: str) -> int:
    """How many letters a page's text layer holds."""
    return sum(c.isalpha() for c in text)


def _tesseract(args: list[str], stdin: bytes | None = None) -> str:
    try:
        done = subprocess.run(["tesseract", *args], input=stdin, capture_output=True, timeout=PAGE_TIMEOUT_S,
                              env={**os.environ, **_TESSERACT_ENV}, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise OcrUnavailable(f"không chạy được Tesseract ({type(exc).__name__})") from exc
    if done.returncode != 0:
        raise OcrUnavailable(f"Tesseract báo lỗi: {done.stderr.decode('utf-8', 'replace').strip()[:160]}")
    return done.stdout.decode("utf-8", "replace")


def check_tesseract() -> None:
    """Raise OcrUnavailable with a Vietnamese reason unless `tesseract` with the 'vie' model can run."""
    if shutil.which("tesseract") is None:
        raise OcrUnavailable("chưa cài Tesseract (gói Debian tesseract-ocr) để nhận dạng chữ bản scan")
    if OCR_LANGUAGE not in _tesseract(["--list-langs"]).split():
        raise OcrUnavailable("Tesseract chưa có mô hình tiếng Việt (gói Debian tesseract-ocr-vie)")


def reflow(text: str) -> str:
    """Join the lines a page wrapped (a line starting in lower case continues the one before), drop blank lines."""
    lines: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if lines and line[0].islower() and not _POINT.match(line):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return "\n".join(lines)


def recognize(image) -> str:
    """Vietnamese text of one page image (a PIL image), read as one block of lines."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return reflow(_tesseract(["stdin", "stdout", "-l", OCR_LANGUAGE, "--psm", "6", "--dpi", str(OCR_DPI)],
                             buffer.getvalue()))


def render_pdf_page(path: Path, index: int, dpi: int = OCR_DPI):
    """Page `index` (0-based) of a PDF as a grayscale PIL image at `dpi`."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        page = document[index]
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        return bitmap.to_pil()
    finally:
        document.close()


class OcrCache:
    """OCR text kept by the file's sha256, so an unchanged scan is recognized once, not at every ingest."""

    def __init__(self, folder: Path | None):
        self.folder = Path(folder) / "ocr" if folder else None

    def _path(self, key: str) -> Path | None:
        return self.folder / f"{key}.json" if self.folder else None

    def get(self, key: str) -> OcrText | None:
        path = self._path(key)
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return OcrText(data["text"], data["ocr_pages"], data["pages"])
        except (json.JSONDecodeError, KeyError, TypeError):
            return None

    def put(self, key: str, result: OcrText) -> None:
        path = self._path(key)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        tmp.write_text(json.dumps(result.__dict__, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)


def file_key(path: Path) -> str:
    """sha256 of the file's bytes and the OCR settings."""
    digest = hashlib.sha256(f"{OCR_LANGUAGE}/{OCR_DPI}/{MIN_TEXT_LAYER_LETTERS}\n".encode())
    digest.update(Path(path).read_bytes())
    return digest.hexdigest()


def pdf_text(path: Path, layer_pages: list[str], cache: OcrCache) -> OcrText:
    """Join the PDF's text layer with OCR of the pages that have none (each page read once, then cached)."""
    scanned = [i for i, text in enumerate(layer_pages) if letters(text) < MIN_TEXT_LAYER_LETTERS]
    if not scanned:
        return OcrText("\n\n".join(layer_pages), [], len(layer_pages))
    key = file_key(path)
    if (cached := cache.get(key)) is not None:
        return cached
    check_tesseract()
    pages = list(layer_pages)
    for index in scanned:
        pages[index] = recognize(render_pdf_page(path, index))
    result = OcrText("\n\n".join(pages), [i + 1 for i in scanned], len(pages))
    cache.put(key, result)
    return result


def image_text(path: Path, cache: OcrCache) -> OcrText:
    """OCR of an image file, every frame of a multi-page TIFF in turn."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    key = file_key(path)
    if (cached := cache.get(key)) is not None:
        return cached
    check_tesseract()
    try:
        with Image.open(path) as image:
            pages = [recognize(frame.convert("L")) for frame in ImageSequence.Iterator(image)]
    except (UnidentifiedImageError, OSError) as exc:
        raise ValueError(f"ảnh hỏng hoặc không đọc được ({type(exc).__name__})") from exc
    result = OcrText("\n\n".join(pages), list(range(1, len(pages) + 1)), len(pages))
    cache.put(key, result)
    return result
