"""Evidence selection: the sentences, clauses and list items of retrieved chunks that answer a question."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass

from assistant.search.query import asks_for_number
from assistant.text import STOPWORDS, fold, words

_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ0-9(-])")
_HAS_NUMBER = re.compile(r"\d")
_LIST_ITEM = re.compile(r"^([a-zđ]\)|\d+\.|-|\+)\s")
# Question words say what is asked, not what the answer is about.
_QUESTION_WORDS = {fold(w) for w in STOPWORDS} | set(
    "bao nhieu gi nao ai dau khong sao the nhu la duoc co can phai hay cho biet hoi toi minh em "
    "what which who how much many does do is are the of for to in".split()
)
_DATE_ASK = re.compile(
    r"\b(ngay nao|khi nao|bao gio|tu ngay|thoi diem|han gui|han nop|han chot|when|what date|deadline)\b"
)
_DATE = re.compile(r"\bngày \d{1,2} tháng \d{1,2}( năm \d{4})?|\b\d{1,2}/\d{1,2}/\d{4}\b")
# A document number ('2646/QĐ-BCT', '45/2012') names the document, not the answer inside it.
_DOC_NUMBER = re.compile(r"(?:(?:nghị định|thông tư liên tịch|thông tư|quyết định|nghị quyết|công văn)\s+(?:số\s+)?)?"
                         r"\b\d+/(?:\d{4}/)?[\wĐđ-]+", re.IGNORECASE)
SHORT_SENTENCE = 80
LONG_LINE = 320
LONG_ITEM = 700
_CONDITION = re.compile(r"^(trong )?trường hợp\b|^nếu\b", re.IGNORECASE)
_LIST_ASK = re.compile(
    r"\b(nhung .*nao|gom nhung|bao gom|cac .*nao|liet ke|gom nhung gi|nhung (\w+ ){0,3}gi|list)\b"
    r"|\b(dieu kien|tieu chi|ho so|thanh phan|nhiem vu|quyen han|trach nhiem)\b.*\b(la gi|gom|nao|ra sao)\b"
)


@dataclass
class Evidence:
    """One quotable unit of a chunk and how well it answers the question."""

    chunk_index: int
    text: str
    score: float


def _sentences(line: str) -> list[str]:
    """A long line cut at sentence ends. A short sentence stays with the one before ('… Mức hỗ trợ … 100 triệu');
    a condition ('Trường hợp …') stays with the sentence that completes it."""
    sentences: list[str] = []
    open_condition = False
    for sentence in _SENTENCE_END.split(line):
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
        units.extend(_sentences(line) if len(line) > limit else [line])
    return tuple(u for u in units if len(u) > 2)


@functools.lru_cache(maxsize=32768)
def content_terms(text: str) -> tuple[str, ...]:
    """Folded syllables that carry meaning, question words dropped. Cached: the same units are scored often."""
    return tuple(w for w in (fold(t) for t in words(text)) if w not in _QUESTION_WORDS and len(w) > 1)


def asks_for_date(question: str) -> bool:
    """'ngày nào', 'khi nào', 'từ ngày', 'when' …"""
    return bool(_DATE_ASK.search(fold(question)))


def asks_for_list(question: str) -> bool:
    """'những … nào', 'gồm những gì', 'bao gồm' …"""
    return bool(_LIST_ASK.search(fold(question)))


class EvidenceScorer:
    """Scores units by the inverse-document-frequency mass of question terms they contain (and term pairs)."""

    def __init__(self, chunk_texts: list[str]):
        frequency = Counter()
        for text in chunk_texts:
            frequency.update(set(content_terms(text)))
        self.size = max(len(chunk_texts), 1)
        self.idf = {term: math.log(1 + self.size / count) for term, count in frequency.items()}

    def weight(self, term: str) -> float:
        return self.idf.get(term, math.log(1 + self.size))

    def score(self, question_terms: list[str], unit: str, numeric: bool, heading: set[str] = frozenset(),
              date: bool = False, number_bonus: float = 0.15) -> float:
        """Share of the question's term weight found in the unit (half for terms only in its heading), plus
        bonuses for matching term pairs and, when the question asks for one, a number or a date."""
        if not question_terms:
            return 0.0
        terms = content_terms(unit)
        present = set(terms)
        wanted = set(question_terms)
        total = sum(self.weight(t) for t in wanted)
        matched = sum(self.weight(t) for t in wanted & present)
        matched += 0.5 * sum(self.weight(t) for t in (wanted & heading) - present)
        pairs = set(zip(question_terms, question_terms[1:], strict=False))
        unit_pairs = set(zip(terms, terms[1:], strict=False))
        bonus = 0.05 * len(pairs & unit_pairs)
        if numeric and _HAS_NUMBER.search(unit):
            bonus += number_bonus
        if date and _DATE.search(unit):
            bonus += 0.3
        return matched / total + bonus if total else 0.0

    @staticmethod
    def pair_coverage(question: str, chunks: list[str]) -> float:
        """Best share of the question's adjacent term pairs ('nhà ở', 'lãi suất') found together in one unit:
        common words spread over a passage cover a question's terms, only its topic covers its phrases."""
        terms = content_terms(_DOC_NUMBER.sub(" ", question))
        pairs = set(zip(terms, terms[1:], strict=False))
        if not pairs:
            return 0.0
        best = 0.0
        for text in chunks:
            for unit in split_units(text):
                unit_terms = content_terms(unit)
                best = max(best, len(pairs & set(zip(unit_terms, unit_terms[1:], strict=False))) / len(pairs))
        return best

    def rank(self, question: str, chunks: list[str], priors: list[float],
             headings: list[str] | None = None, prior_weight: float = 0.1,
             number_bonus: float = 0.15) -> list[Evidence]:
        """Every unit of the given chunks, best first; a chunk's retrieval prior breaks near-ties.

        `headings` (the article title a chunk belongs to) lend their terms to the chunk's short units."""
        question_terms = content_terms(_DOC_NUMBER.sub(" ", question))
        numeric = asks_for_number(question)
        date = asks_for_date(question)
        heading_terms = [set(content_terms(h)) for h in (headings or [""] * len(chunks))]
        found = [
            Evidence(i, unit, self.score(question_terms, unit, numeric, heading_terms[i], date, number_bonus)
                     + prior_weight * prior)
            for i, (text, prior) in enumerate(zip(chunks, priors, strict=True))
            for unit in split_units(text)
        ]
        return sorted(found, key=lambda e: -e.score)


def is_list_item(unit: str) -> bool:
    """'a) …', '2. …', '- …' lines."""
    return bool(_LIST_ITEM.match(unit))


def evidence_scorer(generation) -> EvidenceScorer:
    """The term-weight scorer of a generation's chunks, built once per generation."""
    return generation.view("evidence", lambda g: EvidenceScorer([c.text for c in g.chunks]))
