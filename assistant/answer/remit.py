"""What a document the question names rules on and whom it applies to, read off its opening articles ('Phạm vi điều
chỉnh', 'Đối tượng áp dụng'): 'Thông tư 36/2013 quy định về những gì, áp dụng với ai?'. Whether the corpus can answer
a question at all is scope.py's business."""

from __future__ import annotations

import re

from assistant.answer import compose, lists
from assistant.answer.compose import Composition
from assistant.answer.currency import doc_label, title_after_kind
from assistant.answer.question import ends_yes_no
from assistant.documents.units import split_units, strip_mark
from assistant.text import fold

# 'Phạm vi điều chỉnh của …', '… quy định về những gì?', '… hướng dẫn nội dung gì?', 'What does … regulate?'
_RULES_ON = re.compile(r"\bpham vi dieu chinh\b|"
                       r"\b(?:quy dinh|huong dan|dieu chinh)(?: ve)?(?: nhung| cac)? (?:gi|(?:noi dung|van de|linh vuc)"
                       r"(?: gi| nao))(?=\W*$|\W+(?:va|con|ap dung|doi tuong)\b)|"
                       r"\bwhat (?:does|do) (?:the |this )?(?:decree|circular|decision|resolution|document|it)\b"
                       r".{0,60}\b(?:regulate|govern|cover)\b|\bscope of\b|"
                       r"\bwhat is (?:the |this )?(?:decree|circular|decision|resolution|document)\b.{0,60}\babout\W*$")
# 'Đối tượng áp dụng của …', 'Nghị định 52 áp dụng đối với ai?', 'Who does it apply to?': the document applies, not a
# support level or a cost named in the question ('Mức hỗ trợ … áp dụng cho những đối tượng nào?')
_APPLIES = re.compile(r"\bdoi tuong ap dung\b|"
                      r"(?:\b(?:thong tu|nghi dinh|quyet dinh|nghi quyet|van ban)(?: \S+){0,3}|\bva) "
                      r"ap dung (?:cho|voi|doi voi) "
                      r"(?:ai|nhung ai|(?:nhung |cac )?(?:doi tuong|to chuc|co so) nao)\b|"
                      r"\b(?:it|decree|circular|decision|resolution|document) (?:appl(?:y|ies) to|is applicable to)\b|"
                      r"\bwho does (?:it|the \w+|this \w+) apply to\b")
# '… Điều 5 Nghị định 45 quy định gì?' asks what that part rules, not the document's remit
_PART_NAMED = re.compile(r"\b(?:chuong|muc|khoan|diem|dieu|article|chapter|clause)\s+\d")
_RULES_UNIT = re.compile(r"\bnày (?:quy định|hướng dẫn)\b")
_APPLIES_UNIT = re.compile(r"\bnày áp dụng\b")
_APPLIES_HEADING = re.compile(r"^(?:\d+\.\s*)?Đối tượng áp dụng\W*$")
OPENING_CHUNKS = 3  # the articles a document opens with: scope, subjects, terms
SUBJECT_ITEMS = 4
SUBJECT_CHARS = 200  # a subject is the answer: 'Doanh nghiệp nhỏ và vừa, hợp tác xã, …, hộ gia đình' is said whole
_ENDED = re.compile(r"[.;:)]\s*$")  # a unit whose stored text is cut short ('… mức chi cụ thể cho c') says nothing


def asks_remit(question: str) -> tuple[bool, bool]:
    """Whether the question asks what a document rules on, and whether whom it applies to."""
    folded = fold(question)
    if _PART_NAMED.search(folded):
        return False, False
    return bool(_RULES_ON.search(folded)), bool(_APPLIES.search(folded))


def _applies_said(units: list[str]) -> str | None:
    """'… này áp dụng đối với …', else the items under a 'Đối tượng áp dụng' heading inside the scope article, named
    by their headings (an article of its own on the subjects is a list, answered as lists are)."""
    said = next((u for u in units if _APPLIES_UNIT.search(u)), None)
    if said and _ENDED.search(said):
        return compose.clause_for(said, "fact", "", compose.LEAD_CHARS)
    heading = next((i for i, u in enumerate(units) if _APPLIES_HEADING.match(u.strip())), None)
    items = [u for u in units[heading + 1:] if re.match(r"^[a-zđ]\)\s", u)] if heading is not None else []
    if not items:
        return None
    named = "; ".join(lists.item_heading(item, SUBJECT_CHARS) for item in items[:SUBJECT_ITEMS])
    return f"Đối tượng áp dụng: {named}"


def _title_said(meta: dict) -> str | None:
    """'Nghị quyết 23/2025/NQ-HĐND quy định mức chi cụ thể …' from the title of a legal text (a news item's title
    is a headline, not what a text rules on)."""
    about = title_after_kind(meta)
    return f"{doc_label(meta)} {about}" if about else None


def remit_lead(question: str, named: list[str], generation) -> Composition | None:
    """'Thông tư này quy định về trình tự, thủ tục … [1]; Thông tư này áp dụng đối với … [1].' for the one document
    the question names; None when it asks neither or the document's opening articles do not say."""
    rules_on, applies = asks_remit(question)
    if not (rules_on or applies) or len(named) != 1 or ends_yes_no(question):
        return None  # '… có thuộc đối tượng áp dụng của Nghị định 52 không?' asks a verdict
    said: list[tuple[str, object]] = []
    for chunk in generation.document_chunks(named[0])[:OPENING_CHUNKS]:
        units = split_units(chunk.text)
        rules = next((u for u in units if _RULES_UNIT.search(u) and _ENDED.search(u)), None)
        if rules_on and rules and not any(text.startswith(strip_mark(rules)[:40]) for text, _ in said):
            said.append((compose.clause_for(rules, "fact", "", compose.LEAD_CHARS), chunk))
        if applies and (subjects := _applies_said(units)):
            said.append((subjects, chunk))
    if rules_on and not said and (titled := _title_said(generation.document(named[0]))):
        # the stored opening is cut short ('Nghị quyết này quy định một số mức chi cụ thể cho c…') or absent: the
        # title says what the text rules on, and the text's first passage bears it
        said.append((titled, generation.document_chunks(named[0])[0]))
    if not said:
        return None
    composition = Composition(lead="", cited=[])
    composition.lead = "; ".join(f"{compose.sentence(text)} [{composition.number(chunk)}]"
                                 for text, chunk in said) + "."
    composition.units.extend(text for text, _ in said)
    return composition
