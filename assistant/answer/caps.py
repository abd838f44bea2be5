"""Caps on how often one establishment is supported ('… không quá 2 lần/năm') against the time a question asks
support for ('đã được hỗ trợ đi 2 hội chợ …, đi thêm một hội chợ nữa có được không?')."""

from __future__ import annotations

import re

from assistant.answer import compose
from assistant.answer.compose import Composition
from assistant.documents.units import split_units, strip_mark
from assistant.text import fold, word_pairs

# Folded, numbers as digits (the shorthand writes 'hai hội chợ' as '2 hội chợ'): the times a question says were
# used ('đã …', not 'tối đa …'), that it asks one more of them ('thêm … hội chợ', '… lần nữa'), or which time it asks
# for ('hội chợ thứ ba'); a question telling of another year ('năm ngoái') counts none of this year's.
_TIMES = r"(?:lan|hoi cho|dot|chuyen|khoa)"
_USED = re.compile(rf"(?<!toi )\bda (?:duoc )?(?:\w+ ){{0,8}}?(\d{{1,2}}) {_TIMES}\b")
_ONE_MORE = re.compile(rf"\bthem (?:\w+ ){{0,4}}?{_TIMES}\b|\b{_TIMES} (?:\w+ ){{0,3}}?nua\b")
_ORDINALS = {"hai": 2, "ba": 3, "tu": 4, "nam": 5}
_NTH = re.compile(rf"\b{_TIMES} thu (\d{{1,2}}|{'|'.join(_ORDINALS)})\b")
_OTHER_YEAR = re.compile(r"\bnam (?:ngoai|truoc|roi|qua)\b")
# A yearly cap on the times one establishment is supported; in the rules' own words.
_CAP = re.compile(r"không quá (\d{1,2}) lần(?:/năm|\s+(?:trong\s+|một\s+|mỗi\s+)?năm)", re.IGNORECASE)
# The longest rule the lead quotes whole (the words before its cap name the activity capped).
RULE_CHARS = 320
# Word pairs every rule on support holds, and the words of a count: they tell no activity apart.
_COMMON = {tuple(pair.split()) for pair in ("ho tro", "co so", "cong nghiep", "nghiep nong", "nong thon",
                                              "khuyen cong", "duoc ho", "moi co", "cac co", "so cong")}
_COUNTING = {"lan", "nam", "khong", "qua"}
# The activity a cap is on is named by two word pairs at least ('hội chợ', 'nước ngoài'): 'hội chợ trong nước' is
# not the fairs abroad that 'không quá 2 lần/năm' caps
SHARED_PAIRS = 2


def asked_time(question: str) -> int | None:
    """Which time of an activity a question asks support for: 3 for '… đã được hỗ trợ đi 2 hội chợ, đi thêm một
    hội chợ nữa có được không?' or '… hội chợ thứ ba …'; None when it counts no times."""
    folded = fold(question)
    if _OTHER_YEAR.search(folded):
        return None
    if nth := _NTH.search(folded):
        return int(nth.group(1)) if nth.group(1).isdigit() else _ORDINALS[nth.group(1)]
    used = _USED.search(folded)
    return int(used.group(1)) + 1 if used and _ONE_MORE.search(folded, used.end()) else None


def _pairs(text: str) -> set[tuple[str, str]]:
    """A text's adjacent folded word pairs, those every rule on support holds and those of the count ('2 lần/năm')
    aside: they name no activity."""
    return {pair for pair in word_pairs(text) - _COMMON if not _COUNTING.intersection(pair)
            and not any(word.isdigit() for word in pair)}


def _capped_units(generation) -> list[tuple[str, object, int]]:
    """Every unit of the rules setting a yearly cap on times, with its chunk and the cap; read once per generation."""
    def read(g) -> list[tuple[str, object, int]]:
        return [(unit, chunk, int(cap.group(1))) for chunk in g.chunks if "lần" in chunk.text
                for unit in split_units(chunk.text) if (cap := _CAP.search(unit))]
    return generation.view("yearly_caps", read)


def beyond_cap(question: str, generation) -> Composition | None:
    """'Không. Hỗ trợ … hội chợ triển lãm tại nước ngoài … không quá 2 lần/năm [1]. Lần thứ 3 trong năm vượt mức 2
    lần nên không được hỗ trợ.' when the time a question asks support for is past the cap of the rule naming its
    activity (SHARED_PAIRS word pairs shared at least); None otherwise."""
    time = asked_time(question)
    if time is None:
        return None
    asked = _pairs(question)
    shared, unit, chunk, cap = max(((len(asked & _pairs(unit)), unit, chunk, cap)
                                    for unit, chunk, cap in _capped_units(generation)),
                                   key=lambda found: found[0], default=(0, "", None, 0))
    if shared < SHARED_PAIRS or cap >= time:
        return None
    composition = Composition(lead="", cited=[])
    n = composition.number(chunk)
    rule = strip_mark(unit) if len(unit) <= RULE_CHARS else compose.clause_for(strip_mark(unit), "count", question)
    composition.lead = (f"Không. {compose.sentence(rule)} [{n}]. Lần thứ {time} trong năm vượt mức {cap} lần nên "
                        f"không được hỗ trợ.")
    composition.units.append(unit)
    return composition
