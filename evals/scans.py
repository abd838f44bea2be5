"""Scanned pages made in the tests: real corpus articles rendered at 300 dpi with a little noise, image-only PDFs."""

from __future__ import annotations

import random
import re
from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DPI = 300
PAGE_PX = (2480, 3508)  # A4 at 300 dpi
MARGIN_PX = 200
FONT_PX = 46  # about 11 pt at 300 dpi
LINE_PX = 66


def article_texts(path: Path, numbers: list[int]) -> list[str]:
    """The lines of the given articles of a corpus file, from each 'Điều N.' heading to the next."""
    from assistant.documents.corpus import split_header

    _, body = split_header(path.read_text(encoding="utf-8"))
    chunks = re.split(r"(?m)^(?=Điều \d+\.)", body)
    wanted = []
    for chunk in chunks:
        match = re.match(r"Điều (\d+)\.", chunk)
        if match and int(match.group(1)) in numbers:
            # Compilation markers are not printed on a real page.
            lines = [line for line in chunk.splitlines() if line.strip() and not line.startswith(("[", "("))]
            wanted.append("\n".join(lines))
    return wanted


def _wrap(text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines():
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if font.getlength(candidate) <= width:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def render_pages(text: str, seed: int = 7, noise: float = 0.004):
    """Grayscale page images of `text` (DejaVu Sans, 300 dpi) with salt-and-pepper noise and a slight tilt."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), FONT_PX)
    lines = _wrap(text, font, PAGE_PX[0] - 2 * MARGIN_PX)
    per_page = (PAGE_PX[1] - 2 * MARGIN_PX) // LINE_PX
    rng = random.Random(seed)
    pages = []
    for start in range(0, len(lines), per_page):
        page = Image.new("L", PAGE_PX, 255)
        draw = ImageDraw.Draw(page)
        for row, line in enumerate(lines[start : start + per_page]):
            draw.text((MARGIN_PX, MARGIN_PX + row * LINE_PX), line, font=font, fill=rng.randint(0, 60))
        pixels = page.load()
        for _ in range(int(PAGE_PX[0] * PAGE_PX[1] * noise)):
            x, y = rng.randrange(PAGE_PX[0]), rng.randrange(PAGE_PX[1])
            pixels[x, y] = rng.choice((0, 90, 255))
        pages.append(page.rotate(rng.uniform(-0.4, 0.4), fillcolor=255, resample=Image.BICUBIC))
    return pages


def image_pdf(pages, path: Path) -> Path:
    """Save page images as a PDF with no text layer, like a scanner does."""
    first, *rest = pages
    first.save(path, "PDF", resolution=DPI, save_all=True, append_images=rest)
    return path


def normalized(text: str) -> str:
    """NFC text with runs of whitespace made one space: what CER compares."""
    from assistant.text import nfc

    return " ".join(nfc(text).split())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions), two rows at a time."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate of `hypothesis` against `reference`, whitespace-normalized."""
    ref, hyp = normalized(reference), normalized(hypothesis)
    return edit_distance(ref, hyp) / max(len(ref), 1)
