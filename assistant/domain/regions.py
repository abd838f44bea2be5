"""The regions of the regional round of the typical-product selection (Thông tư 26/2014/TT-BCT Điều 3): which region
a province the question names belongs to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text import fold

# '- Khu vực miền Trung và Tây Nguyên, gồm 15 tỉnh, thành phố: Quảng Bình, …, Lâm Đồng;'
_REGION_LINE = re.compile(r"^\s*-\s*(Khu vực [^,:]+), gồm (\d+) tỉnh, thành phố:\s*(.+?)[;.]?\s*$")
_ASKS_REGION = re.compile(r"\b(khu vuc nao|mien nao|vung nao|which region|what region)\b")


@dataclass(frozen=True)
class Region:
    """A region of the selection, the provinces it holds and the passage listing them."""

    name: str
    size: str
    provinces: tuple[str, ...]
    line: str
    chunk_id: str


def table(generation) -> list[Region]:
    """Every region line of a generation's passages, read once per generation."""
    return generation.view("regions", lambda g: _read(g.chunks))


def _read(chunks: list) -> list[Region]:
    found = []
    for chunk in chunks:
        for line in chunk.text.splitlines():
            if match := _REGION_LINE.match(line):
                provinces = tuple(p.strip() for p in match.group(3).split(",") if p.strip())
                found.append(Region(match.group(1), match.group(2), provinces, line.strip(), chunk.id))
    return found


def region_of(question: str, generation) -> tuple[Region, str] | None:
    """The region of the province a 'thuộc khu vực nào?' question names, and that province as the text writes it;
    None when the question asks no region or names no listed province."""
    folded = fold(question).lower()
    if not _ASKS_REGION.search(folded):
        return None
    for region in table(generation):
        for province in region.provinces:
            if re.search(rf"\b{re.escape(fold(province).lower())}\b", folded):
                return region, province
    return None
