"""Support-level leads: the row of the support-level table for the activity a question names, with what the
support requires and the higher ceiling of a priority place or trade the question names."""

from __future__ import annotations

import re

from assistant.answer import compose
from assistant.answer.compose import Composition, Quote
from assistant.answer.question import Intent, asks_list, asks_whether, ends_yes_no
from assistant.answer.verdict import asks_verdict
from assistant.documents.units import strip_mark
from assistant.domain import conditions, priorities, support_levels
from assistant.search.references import parse_references
from assistant.search.retrieval import SearchResult
from assistant.text import fold

# Advances, payments and settlements of a project are the procedure's business (Thông tư 36/2013), not a level's.
_PAYMENT = re.compile(r"\b(tam ung|ung truoc|ung not|ung tien|thanh toan|quyet toan|thanh ly|advance payment|"
                      r"advances?|settlement)\b")


def level_lead(question: str, intent: Intent, usable: list[SearchResult], generation) -> Composition | None:
    """A support-level question naming an activity leads with that row of the support-level table."""
    activity = intent.slots.get("activity")
    # 'bao nhiêu / tối đa …', an establishment asking whether it is supported, or an amount asserted to be checked
    asks_level = (support_levels.is_support_question(question) or bool(compose.premise_numbers(question))
                  or (intent.type in ("eligibility", "yes_no") and asks_verdict(question, intent)))
    asserted = intent.slots.get("asserts")
    if _PAYMENT.search(fold(question).lower()):
        return None  # 'được tạm ứng 30% đúng không?' asks how the support is paid out, not its level
    if intent.type not in ("amount", "yes_no", "eligibility") or not activity or intent.slots.get("year") \
            or not asks_level or asserted not in (None, "amount"):
        return None  # a plan's year asks its targets, '5 lần một năm, đúng không?' a count: not the levels
    retrieved = frozenset(r.chunk.doc_id for r in usable)
    row = support_levels.best_row(support_levels.table(generation), activity, question,
                                  [r.chunk.id for r in usable], retrieved)
    chunk = generation.chunk(row.chunk_id) if row else None
    elsewhere = row is not None and row.doc_id not in retrieved
    if chunk is None or (elsewhere and parse_references(question).documents):
        return None  # 'Theo Nghị quyết 23/2025 …, mức chi … là bao nhiêu?' is asked of that document only
    composition = Composition(lead="", cited=[])
    n = composition.number(chunk)
    # Every level the passage states for this activity (a new-technology model and an existing one, say).
    siblings = [r for r in support_levels.table(generation)
                if r.chunk_id == row.chunk_id and support_levels.activity_share(r, activity, question) >= 0.6] or [row]
    stated = {}  # each clause the passage states for the activity, with the first row stating it
    for sibling in siblings:
        stated.setdefault(compose.clause_for(sibling.conditions, "amount", intent.focus), sibling)
    clauses = list(stated)
    qualifiers = [_for_what(stated[c].conditions, c) for c in clauses]
    if len(clauses) > 1 and len(set(qualifiers)) == len(qualifiers):  # several levels: each says what it is for
        clauses = [f"{q}: {c[:1].lower()}{c[1:]}" if q else c for q, c in zip(qualifiers, clauses, strict=True)]
    clause = "; ".join(c.rstrip(" .;") for c in clauses[:3])
    if row.reference:  # 'Chi tổ chức đào tạo nghề, truyền nghề áp dụng theo Thông tư số 112/2010/…': up to the text
        clause = strip_mark(row.conditions[:row.conditions.index(row.reference) + len(row.reference)])
    # '… có hỗ trợ chi phí thành lập doanh nghiệp không, bao nhiêu?': yes, these costs, this much
    covered = compose.what_and_level(row.conditions, listed=True) if len(clauses) == 1 else None
    # '… gồm những hạng mục nào và mức tối đa bao nhiêu?': these items, this much
    covered = covered if covered and (asks_whether(question) or asks_list(question)) else None
    # a yes/no question asserting a level is checked; 'dây chuyền trị giá 300 triệu … được bao nhiêu?' states a cost
    yes_no = intent.type in ("yes_no", "eligibility") or ends_yes_no(question)
    # '… có hỗ trợ tiền thuê gian hàng không?' (no amount asserted) is answered yes, with the levels
    whether_supported = intent.type == "yes_no" and ends_yes_no(question) and not compose.premise_numbers(question)
    prefix = "Không. " if yes_no and compose.contradicts(question, row.conditions) else (
        "Có. " if intent.type == "eligibility" or whether_supported or (covered and asks_whether(question)) else "")
    clause = covered or clause
    if yes_no and (excluded := compose.exception_for(question, chunk.text, clause)):
        composition.lead = f"Không. {compose.sentence(excluded)} [{n}]."  # the rule excludes the stated case
        return composition
    superseded = generation.document(row.doc_id).get("status") == "superseded"
    tag = "; văn bản đã bị thay thế, xem lưu ý" if superseded else ""
    composition.lead = f"{prefix}{compose.sentence(clause)} [{n}] ({activity.split(',')[0]}{tag})."
    if (required := conditions.of_activity(generation, activity)) is not None:  # what the support buys must be
        condition = compose.clause_for(required.text.split(";")[0], "fact", required.text, compose.SECOND_CHARS)
        composition.lead += f" Điều kiện: {condition} [{composition.number(generation.chunk(required.chunk_id))}]."
    composition.lead += _priority(question, row, composition, generation)
    if "…" in clause:  # the lead shows part of the passage: the quote shows more of it
        composition.quotes.append(Quote(compose.quote_text(row.conditions, "amount", intent.focus), n,
                                        chunk.citation_label))
    return composition


# What a level is for, when its passage states several: its line's opening sentence, cut at a comma to fit
# ('Chi hỗ trợ xây dựng mô hình trình diễn kỹ thuật để phổ biến công nghệ mới'), 'Mức hỗ trợ' dropped.
QUALIFIER_CHARS = 110


def _for_what(conditions: str, clause: str) -> str:
    """What the level in `clause` is for, from the words of its line before it; '' when they say nothing."""
    before = strip_mark(conditions).split(clause.rstrip(" .;…")[:40])[0]
    qualifier = re.split(r"[;:.]|,\s*bao gồm", before, maxsplit=1)[0].strip(" ,")
    if len(qualifier) > QUALIFIER_CHARS:
        qualifier = qualifier[:QUALIFIER_CHARS].rsplit(",", 1)[0] if "," in qualifier[:QUALIFIER_CHARS] else ""
    qualifier = re.sub(r"^(?:Mức hỗ trợ|Mức chi)\s+", "", qualifier).strip(" ,")
    return "" if len(qualifier.split()) < 3 or clause.startswith(qualifier) else qualifier


def _priority(question: str, row, composition: Composition, generation) -> str:
    """' Địa bàn ưu tiên (huyện nghèo) [2]: đề án do Bộ Công Thương phê duyệt được hỗ trợ không quá 1,5 lần mức
    hỗ trợ [3].' when the question names a priority place or trade the level itself is not for, and the uplift is
    set by the document of the level ('' otherwise: a province's own levels have rules of their own)."""
    found = priorities.table(generation)
    uplift = found.uplift
    if uplift is None or generation.chunk(uplift[1]) is None or generation.chunk(uplift[1]).doc_id != row.doc_id:
        return ""
    own = found.matched(row.conditions)  # what the level itself is for ('tại các địa bàn … đặc biệt khó khăn')
    named = [p for p in found.matched(question) if p not in own]
    if not named:
        return ""
    listed = composition.number(generation.chunk(named[0].chunk_id))
    return (f" {named[0].kind.capitalize()} ưu tiên ({named[0].phrase}) [{listed}]: đề án do Bộ Công Thương phê "
            f"duyệt được hỗ trợ {uplift[0]} [{composition.number(generation.chunk(uplift[1]))}].")
