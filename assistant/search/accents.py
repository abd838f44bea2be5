"""Diacritic restoration for unaccented questions, learned from the corpus's own words."""

from __future__ import annotations

from collections import Counter, defaultdict

from assistant.text import fold, words

# Question words are rare in legal text but common in questions; they outweigh corpus counts.
QUESTION_PHRASES = (
    "bao nhiêu bao lâu là gì những gì như thế nào thế nào ra sao khi nào ở đâu có được không "
    "được không có phải ai chịu trách nhiệm cần những điều kiện gì mức hỗ trợ tối đa hiện nay còn hiệu lực"
)
# 'may lan' asks how many times, each pair on its own: 'may' alone is more often 'máy' (a machine), and no pair may
# span two of them ('bộ mấy' is 'bộ máy').
QUESTION_PAIRS = ("mấy lần", "mấy năm", "mấy người", "mấy bộ", "mấy ngày", "mấy tháng", "mấy cấp", "mấy lớp")
QUESTION_WEIGHT = 1000


class AccentRestorer:
    """Maps folded syllables and syllable pairs to their most frequent accented spelling in the corpus."""

    def __init__(self, texts: list[str]):
        unigrams: dict[str, Counter] = defaultdict(Counter)
        bigrams: dict[tuple[str, str], Counter] = defaultdict(Counter)
        for text, weight in [(t, 1) for t in texts] + [(QUESTION_PHRASES, QUESTION_WEIGHT)]:
            tokens = words(text)
            for token in tokens:
                unigrams[fold(token)][token] += weight
            for pair in zip(tokens, tokens[1:], strict=False):
                bigrams[(fold(pair[0]), fold(pair[1]))][pair] += weight
        for pair in QUESTION_PAIRS:
            first, second = words(pair)
            bigrams[(fold(first), fold(second))][(first, second)] += QUESTION_WEIGHT
        self.unigrams = {k: c.most_common(1)[0][0] for k, c in unigrams.items()}
        self.bigrams = {k: (c.most_common(1)[0][0], c.most_common(1)[0][1]) for k, c in bigrams.items()}

    def restore(self, text: str) -> str:
        """'ho kinh doanh duoc ho tro' -> 'hộ kinh doanh được hỗ trợ'; unknown words are left as typed."""
        tokens = words(text)
        restored: list[str | None] = [None] * len(tokens)
        # Pairs first, most frequent pairs win: context picks 'hộ kinh' over 'hỗ kinh'.
        pairs = []
        for i in range(len(tokens) - 1):
            found = self.bigrams.get((fold(tokens[i]), fold(tokens[i + 1])))
            if found:
                pairs.append((found[1], i, found[0]))
        for _, i, (left, right) in sorted(pairs, reverse=True):
            if restored[i] is None:
                restored[i] = left
            if restored[i + 1] is None and restored[i] == left:
                restored[i + 1] = right
        return " ".join(r or self.unigrams.get(fold(t), t) for t, r in zip(tokens, restored, strict=True))


def accent_restorer(generation) -> AccentRestorer:
    """The diacritics restorer learnt from a generation's chunks, built once per generation."""
    return generation.view("accents", lambda g: AccentRestorer([c.text for c in g.chunks]))
