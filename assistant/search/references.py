"""Document and article references in a question: 'Điều 5 Thông tư 46', 'NĐ 52', '26/2014/TTLT-BTC-BCT'."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from assistant.text import fold

# Folded document-type words and abbreviations, longest first so 'ttlt' wins over 'tt'.
_KINDS = {
    "thong tu lien tich": "thong tu lien tich",
    "ttlt": "thong tu lien tich",
    "nghi dinh": "nghi dinh",
    "nd": "nghi dinh",
    "thong tu": "thong tu",
    "tt": "thong tu",
    "quyet dinh": "quyet dinh",
    "qd": "quyet dinh",
    "nghi quyet": "nghi quyet",
    "nq": "nghi quyet",
    "cong van": "cong van",
    "cv": "cong van",
    "joint circular": "thong tu lien tich",
    "decree": "nghi dinh",
    "circular": "thong tu",
    "decision": "quyet dinh",
    "resolution": "nghi quyet",
    "official letter": "cong van",
}
_KIND_WORDS = "|".join(sorted((re.escape(k) for k in _KINDS), key=len, reverse=True))
# 'Nghị quyết 30a' (the poor-districts programme) is no number 30: a number ends where its word does.
_TYPED = re.compile(rf"\b({_KIND_WORDS})\s*(?:-\s*cp\s*)?(?:so\s*|no\.?\s*|number\s+)?(\d{{1,4}})(?!\w)"
                    r"(?:\s*/\s*(\d{4}))?")  # 'Decision No. 2646/QĐ-BCT', 'Nghị định số 45/2012'
_FULL_NUMBER = re.compile(r"\b(\d{1,4})\s*/\s*(\d{4})\s*/\s*([a-z][a-z\-]*)")
_ARTICLE = re.compile(r"\bdieu\s+(\d{1,3})\b")
_NUMBER = re.compile(r"^(\d+)(?:/(\d{4}))?")


@dataclass
class DocRef:
    """A document named in a question: its kind (folded, or None), number and year when given."""

    kind: str | None
    number: int
    year: int | None = None


@dataclass
class References:
    """Everything a question names: documents and article numbers."""

    documents: list[DocRef] = field(default_factory=list)
    articles: list[int] = field(default_factory=list)


# Each kind of document (folded): its name and the code its số hiệu carries ('28/2018/TT-BTC' is a Thông tư).
DOC_KINDS = {"thong tu lien tich": ("Thông tư liên tịch", "TTLT"), "thong tu": ("Thông tư", "TT"),
             "nghi dinh": ("Nghị định", "NĐ"), "quyet dinh": ("Quyết định", "QĐ"), "nghi quyet": ("Nghị quyết", "NQ")}
_KIND_OF_CODE = {fold(code).lower(): kind for kind, (_, code) in DOC_KINDS.items()}


def _kind_of_suffix(suffix: str) -> str | None:
    return _KIND_OF_CODE.get(suffix.split("-")[0])


def parse_references(question: str) -> References:
    """Find document and article references in a question, with or without diacritics."""
    text = fold(question)
    refs = References()
    for match in _FULL_NUMBER.finditer(text):
        refs.documents.append(
            DocRef(_kind_of_suffix(match.group(3)), int(match.group(1)), int(match.group(2)))
        )
    for match in _TYPED.finditer(text):
        year = int(match.group(3)) if match.group(3) else None
        ref = DocRef(_KINDS[match.group(1)], int(match.group(2)), year)
        if not any(
            r.number == ref.number and (r.year == ref.year or ref.year is None) for r in refs.documents
        ):
            refs.documents.append(ref)
    refs.articles = [int(n) for n in _ARTICLE.findall(text)]
    return refs


def document_key(doc_type: str, number: str | None) -> DocRef | None:
    """The DocRef a document answers to, from its manifest type and số hiệu."""
    if not number:
        return None
    match = _NUMBER.match(number.strip())
    if not match:
        return None
    year = int(match.group(2)) if match.group(2) else None
    return DocRef(fold(doc_type) or None, int(match.group(1)), year)


def matches(ref: DocRef, key: DocRef, strict_kind: bool = True) -> bool:
    """Does a question's reference point at a document with this key?"""
    if ref.number != key.number or (ref.year is not None and key.year is not None and ref.year != key.year):
        return False
    return not strict_kind or ref.kind is None or ref.kind == key.kind


def resolve(refs: References, keys: dict[str, DocRef]) -> list[str]:
    """Document ids the question names; an unmatched kind is relaxed ('Công văn 400' is filed as news)."""
    found: list[str] = []
    for ref in refs.documents:
        hits = [doc_id for doc_id, key in keys.items() if matches(ref, key)]
        if not hits:
            hits = [doc_id for doc_id, key in keys.items() if matches(ref, key, strict_kind=False)]
        found.extend(h for h in hits if h not in found)
    return found


# A phrase in double or curly quotes, or in single quotes that open after a space ('What's' is no quote).
_QUOTED = re.compile(r"[\"“«]([^\"“”«»]{3,200})[\"”»]|(?<!\w)['‘]([^'‘’]{3,200})['’](?!\w)")


def quoted_phrases(text: str) -> list[str]:
    """The phrases a text quotes: a term ('"kế hoạch khuyến công" là gì?'), a title ('Bài "Khuyến công Hà Nội …"')."""
    return [(m.group(1) or m.group(2)).strip() for m in _QUOTED.finditer(text)]


def titled(question: str, documents: dict[str, dict]) -> list[str]:
    """Document ids whose title holds a phrase of a dozen characters or more the question quotes (accents and case
    aside): 'Bài tin "Khuyến công Hà Nội: Phát huy hiệu quả …" đăng ngày nào?'."""
    found: list[str] = []
    for phrase in (fold(p).strip(" .:") for p in quoted_phrases(question) if len(p) >= 12):
        found += [doc_id for doc_id, meta in documents.items()
                  if phrase in fold(meta.get("title") or "") and doc_id not in found]
    return found


_YEAR = re.compile(r"(?<![\d/])(?:19|20)\d{2}(?![\d/])")
# Words every dated title shares ('Kế hoạch khuyến công … năm 2024', '… hoạt động khuyến công năm 2024'): they tell
# no title apart.
_TITLE_COMMON = {"khuyen", "cong", "nam", "ho", "tro", "hoat", "dong", "cac", "va", "cua", "ve", "tin", "bai"}


def dated(question: str, documents: dict[str, dict]) -> list[str]:
    """Document ids whose title holds a year the question names and two more of its words, common ones aside
    ('kế hoạch khuyến công Hà Nội năm 2024 …' is the Hà Nội plan of 2024, not the 2024 orientation letter)."""
    years = set(_YEAR.findall(re.sub(r"\d+\s*/\s*\d{4}", " ", question)))
    if not years:
        return []
    asked = title_words(question)
    found = []
    for doc_id, meta in documents.items():
        title = title_words(meta.get("title") or "")
        if years & title and len((title - _TITLE_COMMON - years) & asked) >= 2:
            found.append(doc_id)
    return found


@functools.lru_cache(maxsize=4096)
def title_words(text: str) -> frozenset[str]:
    """A text's folded words; cached, since every search reads every title."""
    return frozenset(re.findall(r"\w+", fold(text).lower()))

