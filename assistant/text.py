"""Vietnamese text normalization: NFC, accent folding and the tokens the lexical index uses."""

from __future__ import annotations

import re
import unicodedata

from pyvi import ViTokenizer

_WORD = re.compile(r"\w+", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Stop words carry no signal for BM25 and would otherwise dominate short questions.
STOPWORDS = frozenset(
    (
        "và của cho các là có được trong với thì mà này đó những một về theo tại để từ khi đã sẽ "
        "bao nhiêu gì nào không ai sao thế như vậy hay hoặc bị do ra vào nếu"
    ).split()
)


# The particles a question closes on ('… thì sao ạ?', '… cỡ bn vậy', '… nữa'), folded: one regex alternation. Folded,
# some are words too ('chưa vay' has taken no loan, 'một nửa' is half): read with its accents, a question's
# particles are only those it writes.
CLOSING_PARTICLES = r"(?:vay|a|z|v|nhi|nhe|the|ha|nua)"
_CLOSING = re.compile(rf"(?:\s+{CLOSING_PARTICLES})+$", re.IGNORECASE)
_CLOSING_ACCENTED = re.compile(r"(?:\s+(?:vậy|ạ|à|z|v|nhỉ|nhé|thế|hả|nữa))+$", re.IGNORECASE)


def without_particles(text: str) -> str:
    """A question without the particles it closes on: '… thì sao vậy ạ' -> '… thì sao' ('… thi sao vay a' the same
    way when it is written without diacritics)."""
    return (_CLOSING if is_unaccented(text) else _CLOSING_ACCENTED).sub("", text)


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC with control characters removed."""
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


def blank(match: re.Match) -> str:
    """A match's span as spaces: a pattern is removed while every other word keeps its place (re.sub callback)."""
    return " " * len(match.group(0))


def fold(text: str) -> str:
    """Lowercase and strip Vietnamese tone and vowel marks (đ -> d): 'Hộ kinh doanh' -> 'ho kinh doanh'."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def is_unaccented(text: str) -> bool:
    """True when `text` has letters but no Vietnamese diacritic at all."""
    lowered = nfc(text).lower()
    return any(c.isalpha() for c in lowered) and fold(lowered) == lowered


def words(text: str) -> list[str]:
    """Lowercase syllables of `text` (NFC), punctuation dropped."""
    return _WORD.findall(nfc(text).lower())


def word_pairs(text: str) -> set[tuple[str, str]]:
    """Adjacent folded words, stop words included ('không nung' is not 'đất sét nung'; 'tạm ứng' is no 'ứng dụng')."""
    said = [fold(w) for w in words(text)]
    return set(zip(said, said[1:], strict=False))


def segmented_words(text: str) -> list[str]:
    """Multi-syllable words found by pyvi's segmenter ('hỗ_trợ'), lowercase."""
    return [w for w in ViTokenizer.tokenize(nfc(text).lower()).split() if "_" in w]


def lexical_tokens(text: str) -> list[str]:
    """Tokens for BM25: syllables, their accent-folded forms (prefixed) and segmented compounds."""
    syllables = [w for w in words(text) if w not in STOPWORDS]
    folded = ["~" + fold(w) for w in syllables]
    compounds = segmented_words(text)
    return syllables + folded + compounds + ["~" + fold(c) for c in compounds]


def query_tokens(text: str) -> list[str]:
    """Tokens for a question: unaccented questions use only the folded forms, which always match."""
    tokens = lexical_tokens(text)
    if is_unaccented(text):
        return [t for t in tokens if t.startswith("~")]
    return tokens


# 'cơ sở tôi đã được công nhận' folds like 'tối đa' (at most); the asker's past is told apart while accents show it.
_ASKER_PAST = re.compile(r"\b(tôi|tui|mình|em) đã\b", re.IGNORECASE)


def unfolded_asker(question: str) -> str:
    """The question with 'tôi đã' said as 'tôi từng', so that folding it does not read 'tối đa'."""
    return _ASKER_PAST.sub(lambda m: f"{m.group(1)} từng", question)
