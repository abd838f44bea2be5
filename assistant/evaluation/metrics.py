"""Metric functions: ranked retrieval against gold ids, key facts, grounded numbers, citation precision."""

from __future__ import annotations

import math
import re

from assistant.text import nfc

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_MARKER = re.compile(r"\[\d+\]")


_RANGE = re.compile(r"(?<=\d)\s*[-–]\s*(?=\d)")


def normalize(text: str) -> str:
    """NFC, lower case, one space between words, a range's dash unspaced ('650 - 800' is '650-800'): how answers
    and facts are compared."""
    return _RANGE.sub("-", re.sub(r"\s+", " ", nfc(text).lower())).strip()


def recall_at(relevant: list[set[str]], gold: set[str], k: int) -> float:
    """Share of gold passages found in the top k, capped at k (each result may cover several gold ids)."""
    if not gold:
        return 0.0
    found = set().union(*relevant[:k]) & gold if relevant[:k] else set()
    return len(found) / min(len(gold), k)


def mrr_at(relevant: list[set[str]], gold: set[str], k: int = 10) -> float:
    """1 / rank of the first result covering a gold passage (0 when none in the top k)."""
    return next((1.0 / rank for rank, ids in enumerate(relevant[:k], 1) if ids & gold), 0.0)


def ndcg_at(relevant: list[set[str]], gold: set[str], k: int = 10) -> float:
    """Binary nDCG: a result gains when it covers a gold passage not covered higher up."""
    if not gold:
        return 0.0
    seen: set[str] = set()
    dcg = 0.0
    for rank, ids in enumerate(relevant[:k], 1):
        new = (ids & gold) - seen
        if new:
            dcg += 1.0 / math.log2(rank + 1)
            seen |= new
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(len(gold), k) + 1))
    return dcg / ideal


def has_fact(text: str, variants: list[str]) -> bool:
    """Whether any accepted variant of a key fact occurs in the text."""
    haystack = normalize(text)
    return any(normalize(v) in haystack for v in variants)


def facts_found(text: str, must_contain: list[list[str]]) -> bool:
    """Every key fact (one variant of each) occurs in the text."""
    return all(has_fact(text, group) for group in must_contain)


def first_line(answer: str) -> str:
    """What a reader sees first: the answer up to its first line break."""
    return answer.strip().split("\n", 1)[0]


def lead_has_facts(answer: str, must_contain: list[list[str]]) -> bool:
    """Every key fact in the answer's first line (the lead)."""
    return facts_found(first_line(answer), must_contain)


def answer_numbers(answer: str) -> list[str]:
    """Numbers the answer body states ([n] markers and the trailing warnings left out)."""
    body = _MARKER.sub("", "\n".join(line for line in answer.split("\n") if not line.startswith("⚠")))
    return _NUMBER.findall(body)


def grounded_numbers(answer: str, cited: list[str]) -> tuple[int, int]:
    """(numbers found in the cited passages, numbers stated) for one answer."""
    numbers = answer_numbers(answer)
    source = " ".join(cited)
    return sum(n in source for n in numbers), len(numbers)


def cited_with_fact(cited: list[str], must_contain: list[list[str]]) -> int:
    """How many cited passages hold at least one key fact."""
    return sum(any(has_fact(text, group) for group in must_contain) for text in cited)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]
