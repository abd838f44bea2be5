"""What a query asks for, as far as ranking needs to know: an amount, a share, a count or a term."""

from __future__ import annotations

import re

from assistant.search.references import title_words
from assistant.text import fold

_NUMERIC_ASK = re.compile(r"\b(bao nhieu|muc(?! dich| tieu| luc)|toi da|toi thieu|ty le|phan tram|bao lau|"
                          r"may(?! moc)|han|thoi han|how much|how many|percent|rate)\b")
# Passages answering 'bao nhiêu / tối đa / mức' state an amount, a share, a count or a term.
AMOUNT = re.compile(r"\d[\d.,]*\s*(%|phần trăm|triệu|tỷ|đồng|lần|ngày|tháng|năm|lao động|thành viên|điểm)")


def asks_for_number(question: str) -> bool:
    """'bao nhiêu', 'mức', 'tối đa', 'how much' …"""
    return bool(_NUMERIC_ASK.search(fold(question)))


# 'mấy lần', 'bao nhiêu hộ', 'how many times': what a question counts. 'mấy' is read with its accent (unaccented
# 'may' is a machine as often), 'bao nhiêu' folded.
# 'được hỗ trợ cả 3 lần không?' asks whether that many is allowed: a count of 'lần' too
_HOW_MANY = re.compile(r"\bbao nhieu\s+(\w+)|\bca (?:\d+|hai|ba)\s+(lan)\b(?=[^?.,]*\b(?:khong|ko)\b)|"
                       r"\bhow many (times)\b")
_FEW = re.compile(r"(?<!\w)mấy\s+(\w+)")
# Words after 'bao nhiêu' that ask an amount or stand in for the question, not a thing counted.
_NOT_COUNTED = {"tien", "phan", "trieu", "ty", "dong", "la", "thi", "vay", "a", "nhi", "ha", "de", "khi", "va", "voi",
                "ko", "khong", "duoc", "kinh", "muc", "chi", "phi"}


def counted_noun(question: str) -> str:
    """What a 'mấy / bao nhiêu …' question counts, folded ('mấy lần' -> 'lan', 'how many times' -> 'lan'); ''."""
    found = _HOW_MANY.search(fold(question).lower()) or _FEW.search(question.lower())
    if not found:
        return ""
    if found.lastindex > 1:
        return "lan"
    noun = fold(found.group(1))
    return "" if noun in _NOT_COUNTED else noun


def counts(text: str, noun: str) -> bool:
    """Whether a passage states a number of the noun ('không quá 2 lần/năm' for 'lan'); folded."""
    return bool(re.search(rf"\d+\s*(?:\([^)]{{1,20}}\)\s*)?{re.escape(noun)}\b", fold(text)))


def names_title(asked: frozenset[str], title: str) -> bool:
    """Whether a question (its `title_words`) says every word of an article's title, four syllables at least ('…
    thẩm định … những nội dung gì?' names 'Nội dung thẩm định'; 'Bộ Công Thương' names a body, not a topic)."""
    said = title_words(title)
    return len(said) >= 4 and said <= asked
