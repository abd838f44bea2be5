"""Recognition of a traditional trade, a craft village or a traditional craft village (Nghị định 52/2018 Điều 5): the
criteria checked against the facts a question states (households in the trade, years of stable production, the
trade's age)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.domain.eligibility import Address
from assistant.text import fold, is_unaccented, nfc

ND_52 = "nd-52-2018"
TRADE_CRITERIA = Address(ND_52, 5, 2)  # nghề truyền thống: a) over 50 years, b) cultural identity, c) named artisans
VILLAGE_CRITERIA = Address(ND_52, 5, 3)  # làng nghề: a) ≥ 20% of households, b) ≥ 2 years stable, c) environment
TRADITIONAL_VILLAGE_CRITERIA = Address(ND_52, 5, 4)  # làng nghề truyền thống: a craft village with a traditional trade

MIN_SHARE = 20.0  # % of the households of the place (khoản 3 điểm a)
MIN_STABLE_YEARS = 2  # years of stable production (khoản 3 điểm b)
MIN_TRADE_YEARS = 50  # a trade present for more than 50 years (khoản 2 điểm a)

# Asked in the order 'công nhận (là) làng nghề'; 'làng nghề đã được công nhận' states a recognition already held.
_ASKED = re.compile(r"\bcong nhan (la )?(lang nghe truyen thong|nghe truyen thong|lang nghe)\b")
_HOUSEHOLDS_ACCENTED = re.compile(r"\b(\d+)\s*hộ\b")  # 'hồ' (a lake) folds to 'ho' too
_HOUSEHOLDS_FOLDED = re.compile(r"\b(\d+)\s*ho\b")
_IN_TRADE = re.compile(r"^\s*(\(\S+\)\s*)?(lam|tham gia|san xuat|theo nghe|hanh nghe)\b")
_SHARE = re.compile(r"\b(gan |hon |tren )?(\d+(?:[.,]\d+)?)\s*(?:%|phan tram)\s*(?:(?:tong )?so )?ho\b")
# Years of stable production: a run of words within one clause, not a stop ('2 năm bị ngừng sản xuất').
_STABLE = re.compile(r"\b(?:on dinh|deu dan|lien tuc|san xuat|hoat dong|lam)\b(?:(?! ngung| nghi| dung)[^.?;,]){0,30}?"
                     r"\b(gan |hon |tren )?(\d+)\s*nam\b(?! (bi )?(ngung|nghi|dung))")
_TRADE_AGE = re.compile(r"\bnghe\b[^.?;,]{0,50}?\b(?:co|xuat hien|ton tai|hinh thanh|lam)\b[^.?;,]{0,30}?"
                        r"(?:tu |khoang |duoc )*(gan |hon |tren )?(\d+)\s*nam\b")
_RECOGNIZED_VILLAGE = re.compile(r"\bda (duoc )?cong nhan (la )?lang nghe\b(?! truyen thong)|"
                                 r"\blang nghe (da )?(duoc )?cong nhan\b")
_THOUSANDS = re.compile(r"(?<=\d)\.(?=\d{3}\b)")


_QUALIFIERS = {"hon ": "hơn ", "tren ": "trên ", "gan ": "gần "}


def _said(qualifier: str | None, number: str, unit: str) -> str:
    """A stated figure as the question put it, with diacritics ('hơn 100 năm', 'gần 20%')."""
    return f"{_QUALIFIERS.get(qualifier or '', '')}{number}{unit}"


def _amount(qualifier: str | None, number: str) -> float:
    """'hơn 50' is more than 50, 'gần 20' less than 20: a stated figure against a threshold."""
    value = float(number.replace(",", "."))
    return value + 0.5 if qualifier in ("hon ", "tren ") else value - 0.5 if qualifier == "gan " else value


@dataclass
class StatedFacts:
    """What a question says of its village or trade; None where it says nothing."""

    asked: str  # 'lang nghe', 'nghe truyen thong' or 'lang nghe truyen thong'
    share: float | None = None  # % of households in the trade
    share_said: str = ""  # '25%', '80/300 hộ = 26,7%'
    stable_years: float | None = None
    stable_said: str = ""
    trade_years: float | None = None
    trade_said: str = ""  # 'hơn 100 năm', as stated
    recognized_village: bool = False


@dataclass
class Check:
    """One criterion: the rule's point ('a)') at an address, and whether the stated facts meet it."""

    address: Address
    point: str
    outcome: str  # 'ok', 'no' or 'unknown'
    stated: str = ""  # what the question said that decides it ('80/300 hộ = 26,7%')


def asked_recognition(question: str) -> str | None:
    """Which recognition the question's last sentence asks about, folded ('lang nghe truyen thong'), or None: the last
    one named, since one named before it ('đã được công nhận làng nghề') is stated."""
    last = re.split(r"(?<=[.?!])\s+", fold(question).lower().strip())[-1]
    found = [m for m in _ASKED.finditer(last) if not last[: m.start()].rstrip().endswith(("da", "da duoc"))]
    return found[-1].group(2) if found else None


def _share(question: str, folded: str) -> tuple[float | None, str]:
    """The share of households in the trade and how it was stated ('25%', '80/300 hộ = 26,7%' when worked out from
    two counts: the total is the largest count, the trade's the count followed by what it does)."""
    if share := _SHARE.search(folded):
        return _amount(share.group(1), share.group(2)), _said(share.group(1), share.group(2), "%")
    plain = _THOUSANDS.sub("", nfc(question).lower())
    pattern = _HOUSEHOLDS_FOLDED if is_unaccented(question) else _HOUSEHOLDS_ACCENTED
    counts = [(int(m.group(1)), fold(plain[m.end():])) for m in pattern.finditer(plain)]
    if len(counts) < 2:
        return None, ""
    total = max(n for n, _ in counts)
    in_trade = [n for n, after in counts if n != total and _IN_TRADE.search(after)]
    if not in_trade and len(counts) == 2:
        in_trade = [min(n for n, _ in counts)]
    if len(in_trade) != 1 or not total:
        return None, ""
    share = 100.0 * in_trade[0] / total
    return share, f"{in_trade[0]}/{total} hộ = {share:.1f}%".replace(".", ",")


def stated_facts(question: str) -> StatedFacts | None:
    """The facts a recognition question states; None when it asks no recognition or states no number."""
    asked = asked_recognition(question)
    if asked is None:
        return None
    folded = _THOUSANDS.sub("", fold(question).lower())
    facts = StatedFacts(asked=asked, recognized_village=bool(_RECOGNIZED_VILLAGE.search(folded)))
    facts.share, facts.share_said = _share(question, folded)
    if stable := _STABLE.search(folded):
        facts.stable_years = _amount(stable.group(1), stable.group(2))
        facts.stable_said = _said(stable.group(1), stable.group(2), " năm")
    if age := _TRADE_AGE.search(folded):
        facts.trade_years = _amount(age.group(1), age.group(2))
        facts.trade_said = _said(age.group(1), age.group(2), " năm")
    stated = (facts.share, facts.stable_years, facts.trade_years)
    return facts if any(value is not None for value in stated) else None


def _meets(value: float | None, minimum: float, strictly: bool = False) -> str:
    """'ok' when a stated value reaches the minimum (passes it, `strictly`), 'no' when not, 'unknown' unstated."""
    if value is None:
        return "unknown"
    return "ok" if (value > minimum if strictly else value >= minimum) else "no"


def check(facts: StatedFacts) -> list[Check]:
    """The criteria of what is asked, each with the outcome the stated facts give it."""
    checks: list[Check] = []
    if facts.asked in ("lang nghe", "lang nghe truyen thong") and not facts.recognized_village:
        checks += [Check(VILLAGE_CRITERIA, "a)", _meets(facts.share, MIN_SHARE), facts.share_said),
                   Check(VILLAGE_CRITERIA, "b)", _meets(facts.stable_years, MIN_STABLE_YEARS), facts.stable_said),
                   Check(VILLAGE_CRITERIA, "c)", "unknown")]
    if facts.asked in ("nghe truyen thong", "lang nghe truyen thong"):
        checks += [Check(TRADE_CRITERIA, "a)", _meets(facts.trade_years, MIN_TRADE_YEARS, strictly=True),
                         facts.trade_said),
                   Check(TRADE_CRITERIA, "b)", "unknown"), Check(TRADE_CRITERIA, "c)", "unknown")]
    return checks


def verdict(checks: list[Check]) -> str:
    """'no' when a stated fact fails a criterion, else 'unknown': environmental conditions, a trade's cultural
    identity and its artisans are never stated in numbers, so a question's facts alone never settle a 'yes'."""
    return "no" if any(c.outcome == "no" for c in checks) else "unknown"
