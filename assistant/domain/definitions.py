"""The terms the rules define ('2. Kế hoạch khuyến công là tập hợp các đề án …'), read off the published index, and
the definition a question's term asks for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.documents.units import split_units, strip_mark
from assistant.text import fold

# '<Term> (sau đây gọi tắt là …) là …' at the start of a numbered unit: a term of at most eight words.
_DEFINES = re.compile(r"^(?P<term>[^\s,.;:()]+(?: [^\s,.;:()]+){0,7})\s+(?:\([^)]*\)\s+)?(?:là|được hiểu là)\s")


@dataclass
class Definition:
    """A term, the unit defining it and the passage holding that unit."""

    term: str
    text: str
    chunk_id: str
    doc_id: str


# '… bao gồm: Doanh nghiệp nhỏ và vừa, … (sau đây gọi chung là cơ sở công nghiệp nông thôn).': the unit names a term
_NAMES = re.compile(r"\(sau đây gọi (?:chung|tắt) là ([^()\d]{3,60}?)\)\s*[.;:]?\s*$")


def extract(chunks: list) -> list[Definition]:
    """Every unit opening with '<Term> là …', and every unit ending by naming what it describes."""
    found = []
    for chunk in chunks:
        for unit in split_units(chunk.text):
            if named := _NAMES.search(unit):
                found.append(Definition(named.group(1).strip(), unit, chunk.id, chunk.doc_id))
                continue
            match = _DEFINES.match(strip_mark(unit))
            term = match.group("term") if match else ""
            numbered = bool(re.match(r"^\d+\.\s", unit))
            # a term is capitalised; an unnumbered paragraph ('Chứng từ chi là …') defines a term of two words or more
            if term[:1].isupper() and not term.endswith(("không", "không phải")) and (numbered or " " in term):
                found.append(Definition(term, unit, chunk.id, chunk.doc_id))
    return found


def table(generation) -> list[Definition]:
    """The definitions of a generation, read once per generation."""
    return generation.view("definitions", lambda g: extract(g.chunks))


def lookup(generation, term: str, doc_ids: list[str] | None = None) -> Definition | None:
    """The definition of a term as a question writes it ('bộ sản phẩm trong bình chọn …' finds 'Bộ sản phẩm'): the
    longest defined term it is or opens with, from the documents it names when it names any."""
    asked = fold(term)
    matches = [d for d in table(generation)
               if asked == fold(d.term) or (asked.startswith(fold(d.term) + " ") and len(d.term.split()) >= 2)
               or fold(d.term) == f"hoat dong {asked}"]  # 'khuyến công' is named as 'hoạt động khuyến công'
    exact = [d for d in matches if fold(d.term) == asked]
    # 'đề án điểm' for 'Đề án khuyến công quốc gia điểm': its last word tells it from the shorter term it opens with
    shortened = [d for d in table(generation) if _shortens(asked, fold(d.term))]
    matches = exact or shortened or matches
    if doc_ids:
        matches = [d for d in matches if d.doc_id in doc_ids] or matches
    return max(matches, key=lambda d: len(d.term), default=None)


def _shortens(asked: str, term: str) -> bool:
    """Whether a question's term is a defined one with middle words left out: same first and last word, the rest in
    order ('de an diem' of 'de an khuyen cong quoc gia diem')."""
    said, defined = asked.split(), term.split()
    if len(said) < 2 or len(defined) <= len(said) or said[0] != defined[0] or said[-1] != defined[-1]:
        return False
    rest = iter(defined[1:-1])
    return all(word in rest for word in said[1:-1])


def lookup_glossed(generation, glosses: list[str], doc_ids: list[str] | None = None) -> Definition | None:
    """For an English question, the definition of the longest Vietnamese term its words gloss ('cleaner production'
    -> 'sản xuất sạch hơn' finds 'Sản xuất sạch hơn trong công nghiệp'): a defined term that is the gloss (two
    syllables at least) or opens with it (three at least: 'cơ sở' opens too many terms)."""
    for gloss in sorted(glosses, key=len, reverse=True):
        if len(gloss.split()) < 2:
            continue
        found = lookup(generation, gloss, doc_ids)
        opening = [d for d in table(generation) if fold(d.term).startswith(fold(gloss) + " ")] \
            if len(gloss.split()) >= 3 else []
        opening = [d for d in opening if d.doc_id in (doc_ids or [])] or opening
        if found := found or min(opening, key=lambda d: len(d.term), default=None):
            return found
    return None
