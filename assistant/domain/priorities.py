"""Priority places and trades ('các huyện nghèo', 'sử dụng nguyên liệu tại chỗ') and the higher level they may get
('không quá 1,5 lần mức hỗ trợ'), read off the published index, and the ones a question's stated facts match."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.documents.units import split_units, strip_mark
from assistant.text import fold, words

# 'Địa bàn ưu tiên: …', 'Ngành nghề ưu tiên:' open the provisions listing them.
_LISTS = re.compile(r"^(?:\d+\.\s*)?(Địa bàn|Ngành nghề) ưu tiên:\s*(.*)$", re.DOTALL)
_UPLIFT = re.compile(r"không quá [\d,]+ lần mức hỗ trợ")
# Words every priority shares with ordinary questions: a phrase ending in them alone names nothing.
_GENERIC = set("cac cua theo quy dinh va co cho hoac cong nghiep san xuat pham ho tro chuong trinh de an phat trien "
               "uu tien thuoc nong thon dia ban nganh nghe tieu bieu quoc gia tung phuong".split())
_TRAILING = re.compile(r"\s+theo quy định.*$")
# 'Ưu tiên các chương trình, đề án hỗ trợ phát triển công nghiệp cơ khí' names 'công nghiệp cơ khí'.
_OPENING = re.compile(r"^(?:(?:ưu tiên|các|những|chương trình|đề án|hỗ trợ|phát triển|thực hiện tại|địa bàn)\s+)*",
                      re.IGNORECASE)


@dataclass
class Priority:
    """One priority place or trade as the text names it, and the passage naming it."""

    kind: str  # 'địa bàn' or 'ngành nghề'
    phrase: str
    chunk_id: str


@dataclass
class Priorities:
    """Every priority of a generation and the passage that lets them get more support."""

    items: list[Priority]
    uplift: tuple[str, str] | None  # ('không quá 1,5 lần mức hỗ trợ', chunk id)

    def matched(self, question: str) -> list[Priority]:
        """The priorities the question names: the last words of a priority's phrase ('huyện nghèo', 'dân tộc thiểu
        số', 'nguyên liệu tại chỗ'), said as the text says them."""
        asked = f" {' '.join(fold(w) for w in words(question))} "  # 'ở huyện vùng cao, …': words, not punctuation
        return [p for p in self.items if (tail := _tail(p.phrase)) and f" {tail} " in asked]


def _tail(phrase: str) -> str:
    """A phrase's last three words (two when it has two), '' when they say nothing distinctive."""
    folded = [fold(w) for w in words(phrase)]
    tail = folded[-3:] if len(folded) >= 3 else folded
    return " ".join(tail) if len(tail) >= 2 and set(tail) - _GENERIC else ""


def _phrases(listing: str) -> list[str]:
    """'… khó khăn và đặc biệt khó khăn theo quy định …; huyện vùng cao, hải đảo' -> its named places or trades."""
    found = []
    for unit in split_units(listing):
        body = strip_mark(unit).split(":", 1)[-1]
        for item in re.split(r";|,|\s+và\s+", body):
            item = _OPENING.sub("", _TRAILING.sub("", item).strip(" ."))
            if item:
                found.append(item)
    return found


def extract(chunks: list) -> Priorities:
    """The priorities listed after 'Địa bàn ưu tiên:' / 'Ngành nghề ưu tiên:' and the first uplift a passage sets."""
    items, uplift = [], None
    for chunk in chunks:
        if listed := _LISTS.match(chunk.text.strip()):
            kind = listed.group(1).lower()
            items += [Priority(kind, phrase, chunk.id) for phrase in _phrases(listed.group(2))]
        if uplift is None and (cap := _UPLIFT.search(chunk.text)):
            uplift = (cap.group(0), chunk.id)
    return Priorities(items, uplift)


def table(generation) -> Priorities:
    """The priorities of a generation, read once per generation."""
    return generation.view("priorities", lambda g: extract(g.chunks))
