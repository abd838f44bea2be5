"""Quotable units of a chunk: its khoản, điểm and list items, long lines cut at sentence ends."""

from __future__ import annotations

import functools
import re

_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ0-9(-])")
_LIST_ITEM = re.compile(r"^([a-zđ]\)|\d+\.|-|\+)\s")
_CONDITION = re.compile(r"^(trong )?trường hợp\b|^nếu\b", re.IGNORECASE)
_MARK_ONLY = re.compile(r"^(?:\d+(?:\.\d+)*\.|[a-zđ]\))$")
SHORT_SENTENCE = 80
LONG_LINE = 320
LONG_ITEM = 700


def _sentences(line: str) -> list[str]:
    """A long line cut at sentence ends. A short sentence stays with the one before ('… Mức hỗ trợ … 100 triệu');
    a condition ('Trường hợp …') stays with the sentence that completes it."""
    sentences: list[str] = []
    open_condition = False
    pieces = _SENTENCE_END.split(line)
    if len(pieces) > 1 and _MARK_ONLY.match(pieces[0]):  # '11. Đề án …' ends no sentence at its number
        pieces[:2] = [f"{pieces[0]} {pieces[1]}"]
    for sentence in pieces:
        condition = bool(_CONDITION.match(sentence))
        if sentences and (open_condition or (len(sentence) < SHORT_SENTENCE and not condition)):
            sentences[-1] = f"{sentences[-1]} {sentence}"
            open_condition = False
        else:
            sentences.append(sentence)
            open_condition = condition
    return sentences


@functools.lru_cache(maxsize=8192)
def split_units(text: str) -> tuple[str, ...]:
    """Lines of a chunk (khoản, điểm, list items); long lines cut at sentence ends, a điểm or khoản kept whole
    up to LONG_ITEM characters (its second sentence is often the support level). Cached: chunks recur."""
    units = []
    for line in (ln.strip() for ln in text.splitlines()):
        if not line:
            continue
        limit = LONG_ITEM if _LIST_ITEM.match(line) else LONG_LINE
        # '… Riêng mức tạm ứng … không quá 70% …': an exception the line ends with is a rule of its own
        for piece in _EXCEPTION.split(line):
            units.extend(_sentences(piece) if len(piece) > limit else [piece])
    return tuple(u for u in units if len(u) > 2)


_EXCEPTION = re.compile(r"(?<=\.)\s+(?=Riêng\s)")


_ITEM_MARK = re.compile(r"^(?:[a-zđ]\)|\d+(?:\.\d+)*\.|-|\+)\s*")


def strip_mark(text: str) -> str:
    """A unit without its numbering ('b) …', '2. …', '- …')."""
    return _ITEM_MARK.sub("", text.strip())


def is_list_item(unit: str) -> bool:
    """'a) …', '2. …', '- …' lines."""
    return bool(_LIST_ITEM.match(unit))


def unit_passages(chunk) -> list[tuple[str, str]]:
    """(unit, the text its passage vector is computed from) for each unit of a chunk: the unit behind its Điều's
    title, so a lone điểm ('a) Doanh nghiệp nhỏ và vừa;') still says what it belongs to."""
    prefix = f"{chunk.heading}: " if chunk.heading else ""
    return [(unit, f"{prefix}{unit}") for unit in split_units(chunk.text)]


_CLAUSE_HEADING = re.compile(r"^\d+\.\s.{0,200}$")
_POINT = re.compile(r"^([a-zđ]\)|-)\s")


def is_point(unit: str) -> bool:
    """'a) …', '- …' lines: the điểm and dashes under a khoản."""
    return bool(_POINT.match(unit))


def _clause_line(unit: str, chunk_text: str) -> str:
    """The last khoản line ('2. Địa điểm, thời gian tổ chức cấp khu vực …:') before the unit in its chunk, else the
    chunk's first line: a chunk of several khoản puts each điểm under its own."""
    before = chunk_text[: max(chunk_text.find(unit), 0)].splitlines()
    heads = [line.strip() for line in before if _CLAUSE_HEADING.match(line.strip())]
    return heads[-1] if heads else chunk_text.split("\n", 1)[0].strip()


def heading_of(unit: str, chunk_text: str, clause_heading: str = "") -> str:
    """The khoản heading a unit sits under ('2. Tạm ứng 70% kinh phí hỗ trợ của đề án'), without its number: the
    khoản line before a điểm in its chunk, the `clause_heading` its context keeps for a điểm chunk; '' when the unit
    is itself the heading or has none."""
    first = _clause_line(unit, chunk_text)
    if unit != first and _CLAUSE_HEADING.match(first) and is_point(unit):
        return re.sub(r"^\d+\.\s*", "", first).rstrip(" :")
    if clause_heading and clause_heading not in unit:
        return clause_heading
    return ""
