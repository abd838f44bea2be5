"""Recognition of a traditional trade, a craft village or a traditional craft village (Nghị định 52/2018 Điều 5): the
criteria checked against the facts a question states (households in the trade, years of stable production, the
trade's age)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.domain.eligibility import Address
from assistant.text import fold

ND_52 = "nd-52-2018"
TRADE_CRITERIA = Address(ND_52, 5, 2)  # nghề truyền thống: a) over 50 years, b) cultural identity, c) named artisans
VILLAGE_CRITERIA = Address(ND_52, 5, 3)  # làng nghề: a) ≥ 20% of households, b) ≥ 2 years stable, c) environment
TRADITIONAL_VILLAGE_CRITERIA = Address(ND_52, 5, 4)  # làng nghề truyền thống: a craft village with a traditional trade

MIN_SHARE = 20.0  # % of the households of the place (khoản 3 điểm a)
MIN_STABLE_YEARS = 2  # years of stable production (khoản 3 điểm b)
MIN_TRADE_YEARS = 50  # a trade present for more than 50 years (khoản 2 điểm a)

_ASKED = re.compile(r"\bcong nhan (la )?(lang nghe truyen thong|nghe truyen thong|lang nghe)\b|"
                    r"\b(lang nghe truyen thong|nghe truyen thong|lang nghe)\b.{0,40}\bcong nhan\b")
_HOUSEHOLDS = re.compile(r"\b(\d+(?:[.,]\d+)?)\s*ho\b")
_SHARE = re.compile(r"\b(\d+(?:[.,]\d+)?)\s*(?:%|phan tram)\s*(?:(?:tong )?so )?ho\b")
_STABLE = re.compile(r"\b(?:on dinh|deu dan|lien tuc|san xuat|hoat dong|lam)\b[^.?;]{0,30}?\b(\d+)\s*nam\b|"
                     r"\b(\d+)\s*nam\s*(?:nay|lien tuc|qua)?\s*(?:on dinh|deu dan|lien tuc)\b")
_TRADE_AGE = re.compile(r"\bnghe\b[^.?;]{0,50}?\b(?:co|xuat hien|ton tai|hinh thanh|lam)\b[^.?;]{0,30}?"
                        r"(?:tu |khoang |hon |tren |gan |duoc )*(\d+)\s*nam\b")
_RECOGNIZED_VILLAGE = re.compile(r"\bda (duoc )?cong nhan (la )?lang nghe\b(?! truyen thong)")


@dataclass
class StatedFacts:
    """What a question says of its village or trade; None where it says nothing."""

    asked: str  # 'lang nghe', 'nghe truyen thong' or 'lang nghe truyen thong'
    share: float | None = None  # % of households in the trade
    counted: str = ""  # '80/300 hộ' when the share is worked out from two counts
    stable_years: int | None = None
    trade_years: int | None = None
    recognized_village: bool = False


@dataclass
class Check:
    """One criterion: the rule's point ('a)') at an address, and whether the stated facts meet it."""

    address: Address
    point: str
    outcome: str  # 'ok', 'no' or 'unknown'
    stated: str = ""  # what the question said that decides it ('80/300 hộ = 26,7%')


def asked_recognition(question: str) -> str | None:
    """Which recognition a question asks about, folded ('lang nghe truyen thong'), or None: the last one named, since
    one named before it ('đã được công nhận làng nghề') is stated."""
    found = list(_ASKED.finditer(fold(question).lower()))
    return (found[-1].group(2) or found[-1].group(3)) if found else None


def stated_facts(question: str) -> StatedFacts | None:
    """The facts a recognition question states; None when it asks no recognition or states no number."""
    asked = asked_recognition(question)
    if asked is None:
        return None
    folded = fold(question).lower()
    facts = StatedFacts(asked=asked, recognized_village=bool(_RECOGNIZED_VILLAGE.search(folded)))
    if share := _SHARE.search(folded):
        facts.share = float(share.group(1).replace(",", "."))
    else:
        counts = [int(float(n.replace(",", "."))) for n in _HOUSEHOLDS.findall(folded)]
        if len(counts) >= 2 and max(counts):
            facts.share = 100.0 * min(counts) / max(counts)
            facts.counted = f"{min(counts)}/{max(counts)} hộ"
    if stable := _STABLE.search(folded):
        facts.stable_years = int(stable.group(1) or stable.group(2))
    if age := _TRADE_AGE.search(folded):
        facts.trade_years = int(age.group(1))
    stated = (facts.share, facts.stable_years, facts.trade_years)
    return facts if any(value is not None for value in stated) else None


def _meets(value: float | None, minimum: float, strictly: bool = False) -> str:
    if value is None:
        return "unknown"
    return "ok" if (value > minimum if strictly else value >= minimum) else "no"


def check(facts: StatedFacts) -> list[Check]:
    """The criteria of what is asked, each with the outcome the stated facts give it."""
    checks: list[Check] = []
    if facts.asked in ("lang nghe", "lang nghe truyen thong") and not facts.recognized_village:
        share = f"{facts.counted} = {facts.share:.1f}%".replace(".", ",") if facts.counted else \
            (f"{facts.share:g}%".replace(".", ",") if facts.share is not None else "")
        checks += [Check(VILLAGE_CRITERIA, "a)", _meets(facts.share, MIN_SHARE), share.lstrip(" =")),
                   Check(VILLAGE_CRITERIA, "b)", _meets(facts.stable_years, MIN_STABLE_YEARS),
                         f"{facts.stable_years} năm" if facts.stable_years is not None else ""),
                   Check(VILLAGE_CRITERIA, "c)", "unknown")]
    if facts.asked in ("nghe truyen thong", "lang nghe truyen thong"):
        checks += [Check(TRADE_CRITERIA, "a)", _meets(facts.trade_years, MIN_TRADE_YEARS, strictly=True),
                         f"{facts.trade_years} năm" if facts.trade_years is not None else ""),
                   Check(TRADE_CRITERIA, "b)", "unknown"), Check(TRADE_CRITERIA, "c)", "unknown")]
    return checks


def verdict(checks: list[Check]) -> str:
    """'no' when a stated fact fails a criterion, 'ok' when every criterion is met, else 'unknown'."""
    outcomes = {c.outcome for c in checks}
    return "no" if "no" in outcomes else ("ok" if outcomes == {"ok"} else "unknown")
