"""Eligibility questions in chat: the checker run on the facts the question states, led by its verdict and cited
rules, or, when a deciding fact is missing, a conditional answer and one short clarifying question."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.answer import compose
from assistant.answer.compose import Composition
from assistant.answer.question import Intent, joined_entities
from assistant.documents.units import split_units, strip_mark
from assistant.domain import eligibility, priorities, recognition, typical_products
from assistant.domain.eligibility import CitationMissing
from assistant.text import fold

CLARIFY_PLACE = "Cơ sở của bạn sản xuất ở xã, thị trấn hay ở phường?"
CLARIFY_TRADE = "Cơ sở của bạn sản xuất ngành nghề gì?"
CLARIFY_CITY = "Phường đó thuộc thành phố loại mấy, và chuyển từ xã lên phường được mấy năm?"
# The craft village facts a question left out (the criteria's points), and how to ask for them.
ASK_VILLAGE_FACTS = {frozenset({"a)", "b)"}): "Làng có bao nhiêu hộ, bao nhiêu hộ làm nghề, và đã sản xuất ổn định "
                                             "mấy năm?",
                     frozenset({"a)"}): "Làng có bao nhiêu hộ, và bao nhiêu hộ làm nghề?",
                     frozenset({"b)"}): "Làng đã sản xuất ổn định mấy năm?"}
CLARIFYING = (CLARIFY_PLACE, CLARIFY_TRADE, CLARIFY_CITY, *ASK_VILLAGE_FACTS.values())
_YES_NO = re.compile(r"(khong|chua|duoc khong|phai khong)\s*[?.!]*\s*$|\b(co phai|eligible|qualify|can i|is a|are)\b|"
                     r"^\W*(?:can|could|may|does|do) (?:a|an|my|our|the)\b|"
                     r"\b(khong|chua),? hay\b")  # '… không, hay chỉ …?'
_ASKER = re.compile(r"\b(toi|chung toi|minh|em|nha toi|cua toi|xuong|co so cua)\b")
# … or names the establishment or scheme the state paid ('Đề án đã được …', 'Một cơ sở … đã được …', 'Dây chuyền …')
_PAID_FOR = re.compile(r"^\W*(?:mot |cac )?(de an|co so|hop tac xa|doanh nghiep|day chuyen|ho kinh doanh)\b")
# Nghị định 52/2018 on rural trades, whose own rule refuses support twice over; folded.
_RURAL_TRADES = re.compile(r"\b52/2018\b|\bnganh nghe nong thon\b")
_SINGLED_OUT = re.compile(r"\b(gach|lo nung|khai thac|khoang san)\b")
# Recognitions and schemes with rules of their own (craft villages, traditional trades, typical products, rural trades
# under Nghị định 52/2018), not khuyến công support.
_OTHER_SCHEME = re.compile(r"\b(cong nhan|lang nghe|nghe truyen thong|binh chon|san pham tieu bieu|"
                           r"nganh nghe nong thon|52/2018)\b")
# 'Sàn giao dịch thương mại điện tử cho cơ sở … có được hỗ trợ không?' asks whether an activity is supported: the
# establishment is who it is for, not who asks.
_FOR_WHOM = re.compile(r"^(?!\W*(co so|ho kinh doanh|doanh nghiep|hop tac xa|to hop tac|cong ty|xuong)\b).{3,}?"
                       r"\bcho (cac )?(co so|ho kinh doanh|doanh nghiep|hop tac xa)\b.*\bco duoc\b")
# The asker says the state already paid ('đã được một chương trình khác của nhà nước hỗ trợ tiền mua máy', 'đã nhận
# tiền từ một chương trình ngân sách khác') and asks for more for that same thing ('xin thêm … cho chính khoản đó').
_PAID = re.compile(r"\bda (duoc|nhan)\b(?: \S+){0,10}? (ho tro|cap|chi|tien|kinh phi)\b")
_PAYER = re.compile(r"\b(chuong trinh|ngan sach|nguon (kinh phi|von))\b(?: \S+){0,3}? (khac|nha nuoc)\b|"
                    r"\bngan sach nha nuoc\b|\bnha nuoc\b|"
                    r"\bchuong trinh (muc tieu quoc gia|nong thon moi|khuyen nong|giam ngheo|ocop)\b")
_AGAIN = re.compile(r"\b(xin them|them kinh phi|cho chinh|(khoan|hang muc|noi dung|may) (do|ay)|cung (mot )?"
                    r"(khoan|hang muc|noi dung))\b")
# 'Công ty có trụ sở ở phường … nhưng xưởng đặt ở xã': where it is registered is not where it produces.
_HEAD_OFFICE = re.compile(r"\btru so\b.{0,40}\b(phuong|noi thanh|thanh pho loai 1)\b")
_ANY_ENTITY = "cơ sở công nghiệp nông thôn (doanh nghiệp nhỏ và vừa, hợp tác xã, tổ hợp tác, hộ kinh doanh)"


@dataclass
class ChatVerdict:
    """The lead of an eligibility answer and the rules it cites (each a chunk of the generation)."""

    lead_parts: list[tuple[str, object | None]] = field(default_factory=list)
    clarify: str | None = None
    verdict: str = "needs_review"


# 'Trung tâm khuyến công tỉnh có được tư vấn về khoáng sản không?' asks what a promotion body may do, its remit;
# folded, at the question's start.
_PROMOTER = re.compile(r"^\W*(?:trung tam khuyen cong|to chuc dich vu khuyen cong|so cong thuong|"
                       r"cuc cong nghiep dia phuong)\b")


def asks_verdict(question: str, intent: Intent) -> bool:
    """An eligibility question in yes/no form about an establishment ('… có được hỗ trợ không?'): one that names an
    entity, a place, the asker ('tôi', 'chúng tôi') or a trade the rules single out."""
    folded = fold(question).strip()
    s = intent.slots
    about = (s.get("entity_type") or s.get("place") or s.get("cleaner_production") or _ASKER.search(folded)
             or _SINGLED_OUT.search(folded))
    # 'lò gạch nung bằng lò vòng … xin kinh phí … được không?' is decided by the rule singling the trade out
    kind = intent.type == "eligibility" or (intent.type in ("yes_no", "fact") and bool(_SINGLED_OUT.search(folded)))
    return (kind and bool(_YES_NO.search(folded)) and bool(about) and not _PROMOTER.match(folded)
            and not _OTHER_SCHEME.search(folded) and not _FOR_WHOM.search(folded))


def _applicant(intent: Intent, question: str) -> eligibility.Applicant:
    s = intent.slots
    location = eligibility.Location(s.get("place") or "xa", s.get("city_class"), s.get("years_since_conversion"))
    return eligibility.Applicant(entity_type=s.get("entity_type") or "ho_kinh_doanh", location=location,
                                 sector=question, cleaner_production=bool(s.get("cleaner_production")))


def decide(question: str, intent: Intent, generation) -> ChatVerdict:
    """The checker's verdict on what the question states, as lead sentences with the chunk each one cites: the
    checker's own reasons, which name the deciding rule ('Hộ kinh doanh là cơ sở công nghiệp nông thôn …')."""
    s = intent.slots
    result = eligibility.evaluate(_applicant(intent, question), generation)
    answer = ChatVerdict(verdict=result.verdict)
    cited = [(r.text, _chunk(r, generation)) for r in result.reasons]
    refused = [item for item, reason in zip(cited, result.reasons, strict=True) if _is_no(reason, s)]
    if refused:
        answer.verdict = "not_eligible"
        answer.lead_parts = [("Không.", None), *refused[:2]]
        return answer
    if s.get("cleaner_production"):  # the rule's own words: 'không giới hạn về quy mô … và địa bàn đầu tư sản xuất'
        answer.verdict = "eligible"
        text, chunk = cited[0]
        units = split_units(chunk.text) if chunk is not None else ()
        answer.lead_parts = [("Có.", None), (strip_mark(units[0]) if len(units) == 1 else text, chunk)]
        return answer
    entity = cited[0] if s.get("entity_type") else (f"Đối tượng là {_ANY_ENTITY}", cited[0][1])
    entity = _with_joined(entity, question, result.reasons[0], s.get("entity_type"))
    place = cited[1]
    trade = [item for item in cited[2:] if item[0].startswith("Ngành nghề")]
    review = [item for item in cited[2:] if "xem xét" in item[0] or "cần " in item[0].lower()]
    if not s.get("place"):
        answer.clarify = CLARIFY_PLACE
        # a trade the question names is placed in its group; none named is asked for after the place
        answer.lead_parts = [("Có thể được hỗ trợ.", None), entity,
                             (f"Địa bàn áp dụng là {eligibility.APPLIED_PLACES}", place[1]),
                             *(trade[:1] if s.get("trade_group") else [])]
        return answer
    if s.get("place") != "phuong" and _HEAD_OFFICE.search(fold(question)):  # an office in a ward, works elsewhere
        place = _head_office(generation) or place  # registered in a ward, producing in a commune
    if place[0].startswith(("Cần", "Phường thuộc thành phố loại 1 chỉ")):
        answer.clarify = CLARIFY_CITY
        answer.lead_parts = [("Cần thêm thông tin.", None), entity, place]
        return answer
    if not s.get("trade_group"):
        answer.clarify = CLARIFY_TRADE
        answer.lead_parts = [("Có, nếu ngành nghề thuộc các nhóm của Điều 5.", None), entity, place]
        return answer
    if result.verdict == "needs_review" and review:
        answer.lead_parts = [("Cần cơ quan quản lý xem xét thêm.", None), *review[:1], entity]
        return answer
    answer.verdict = "eligible"
    answer.lead_parts = [("Có.", None), entity, place, *trade[:1]]
    return answer


def _with_joined(entity: tuple[str, object], question: str, reason, named: str | None) -> tuple[str, object]:
    """'Hợp tác xã và tổ hợp tác …': the entity line names every kind the question joins that the same rule
    admits."""
    joined = joined_entities(question)
    if not named or named not in joined or entity[0] != eligibility.admitted_sentence([named]):
        return entity
    same = [k for k in joined if eligibility.ENTITY_ADDRESSES.get(k) == reason.address]
    return (eligibility.admitted_sentence(same), entity[1]) if len(same) > 1 else entity


def _cited_units(address, generation) -> tuple[list[str], object] | None:
    """The units of the indexed text at a legal address and the chunk to cite; None when the index lacks it."""
    try:
        cited = eligibility.cite(address, generation)
    except CitationMissing:
        return None
    chunk = generation.chunk(cited["chunk_ids"][0])
    return (split_units(cited["text"]), chunk) if chunk is not None else None


def _provision(address, generation, marks: tuple[str, ...]) -> tuple[dict[str, str], object] | None:
    """The units of the indexed text at a legal address that open with one of `marks` ('d)', '4.'), by mark, and the
    chunk to cite; None when the index lacks the address or every such unit."""
    found = _cited_units(address, generation)
    units = {mark: unit for unit in found[0] for mark in marks if unit.startswith(mark)} if found else {}
    return (units, found[1]) if units else None


def _head_office(generation) -> tuple[str, object] | None:
    """'Các cơ sở … có trụ sở đăng ký kinh doanh tại các phường thuộc thành phố loại 1 khi trực tiếp … sản xuất … tại
    … xã … thuộc đối tượng được hưởng chính sách khuyến công', cited; None when the index lacks it."""
    found = _provision(eligibility.TT46_HEAD_OFFICE, generation, ("d)",))
    return (strip_mark(found[0]["d)"]), found[1]) if found else None


def _is_no(reason, slots: dict) -> bool:
    """A reason that refuses on a fact the user stated (not on a stand-in for a missing one)."""
    text = reason.text
    if text.startswith("Doanh nghiệp lớn"):
        return slots.get("entity_type") == "doanh_nghiep_lon"
    if text.startswith("Phường thuộc thành phố loại 1 đã chuyển đổi"):
        return slots.get("place") == "phuong"
    return reason.outcome == "no"


def _chunk(reason, generation):
    """The indexed chunk a reason's citation points at (None when the index lacks it)."""
    chunk_ids = reason.citation.get("chunk_ids") or []
    return generation.chunk(chunk_ids[0]) if chunk_ids else None


# A reply that asks how much, or what, is a question of its own, not the place or trade we asked for.
_NEW_ASK = re.compile(r"\b(bao nhieu|toi da|muc ho tro|muc chi|how much|ho so|thu tuc|giay to)\b")


def follow_up(question: str, history: list[dict]) -> str | None:
    """A reply to one of our clarifying questions, merged with the question it clarifies ('ở xã' after 'Cơ sở của
    bạn sản xuất ở xã, thị trấn hay ở phường?'); None when the last answer asked nothing."""
    last_answer = next((m.get("content", "") for m in reversed(history) if m.get("role") == "assistant"), "")
    if not any(q in last_answer for q in CLARIFYING):
        return None
    users = [m.get("content", "") for m in history if m.get("role") == "user" and m.get("content")]
    if any(q in last_answer for q in ASK_VILLAGE_FACTS.values()):
        # the village's facts, every reply since the recognition question, then that question
        start = max((i for i, text in enumerate(users) if recognition.asked_recognition(text)), default=None)
        if start is None or not re.search(r"\d", question):
            return None
        return ". ".join(text.strip(" ?.") for text in [*users[start + 1:], question]) + f". {users[start]}"
    if _NEW_ASK.search(fold(question)):
        return None  # 'muốn mua máy thì được bao nhiêu?' asks a level of its own, whatever was asked before
    asked = ", ".join(text.strip(" ?.") for text in _clarified(history))
    return f"{asked}, {question.strip(' ?.')} thì có được hỗ trợ không?" if asked else None


def _clarified(history: list[dict]) -> list[str]:
    """The user turns of the exchange a reply continues: the question first asked and each reply to our clarifying
    questions since ('… làm đồ gỗ …?', 'ở phường'), so that no fact said before the last reply is lost."""
    pairs = [(m.get("content", ""), reply.get("content", "")) for m, reply in zip(history, history[1:], strict=False)
             if m.get("role") == "user" and reply.get("role") == "assistant" and m.get("content")]
    chain: list[str] = []
    for asked, answer in reversed(pairs):
        if not any(q in answer for q in CLARIFYING):
            break
        chain.insert(0, asked)
    return chain


def funded_already(question: str) -> bool:
    """Whether the asker says the state already paid for the very thing they ask support for again (a rule asked
    about, or another item, is not)."""
    folded = fold(question)
    if _RURAL_TRADES.search(folded):
        return False  # the question is about Nghị định 52/2018, whose own rule answers it
    return bool((_ASKER.search(folded) or _PAID_FOR.match(folded)) and _PAID.search(folded)
                and _PAYER.search(folded) and _AGAIN.search(folded))


def not_twice(generation) -> Composition | None:
    """'Không. … chưa được hỗ trợ từ bất kỳ nguồn kinh phí nào của nhà nước cho cùng một nội dung chi … [1].'
    for an asker the state already paid for the same thing (None when the index lacks the rule)."""
    clause = f"{eligibility.TTLT26_NOT_TWICE.clause}."
    found = _provision(eligibility.TTLT26_NOT_TWICE, generation, (clause,))
    if found is None:
        return None
    rule, chunk = found[0][clause], found[1]
    composition = Composition(lead="", cited=[])
    rule_text, n = compose.sentence(strip_mark(rule)), composition.number(chunk)
    composition.lead = f"Không. Điều kiện để được hỗ trợ kinh phí khuyến công: {rule_text} [{n}]."
    composition.units.append(rule)
    return composition


# 'Có được xếp vào ngành nghề ưu tiên không?' asks about Thông tư 46/2012 Điều 6 khoản 2; the facts it weighs.
# (A place asked about, 'xã đặc biệt khó khăn … có được ưu tiên không?', is a priority area: not weighed here.)
_ASKS_PRIORITY = re.compile(r"\b(nganh nghe (duoc )?uu tien|(xep vao|thuoc) (dien )?(nganh nghe )?(duoc )?uu tien)\b")
_WORKERS = re.compile(r"\b(\d{1,3}(?:[.,]\d{3})+|\d{1,6}) (?:lao dong|cong nhan|nhan cong|nguoi lao dong|tho)\b")
_MATERIAL = re.compile(r"\b(\d{1,3})\s*% (?:nguyen lieu|nguyen vat lieu|vat lieu)[^.;?]*|"
                       r"\b(?:nguyen lieu|vat lieu)\b[^.;?%]{0,40}?(\d{1,3})\s*%[^.;?]*|"
                       # '70% hạt điều thô mua trong tỉnh': a share of what it processes, bought somewhere
                       r"\b(\d{1,3})\s*% [^.;?%]{0,30}?\b(?:mua|thu mua|lay)\b[^.;?]*")
# Material counts as local when the question says so ('mua ngay trong tỉnh', 'tại chỗ'), never when it is imported.
_LOCAL = re.compile(r"\b(tai cho|trong tinh|tai dia phuong|o dia phuong|cua tinh|dia ban tinh)\b")
_NOT_LOCAL = re.compile(r"\b(nhap khau|ngoai tinh|tinh khac|nuoc ngoai)\b")
_EXPORTS = re.compile(r"\b(hop dong xuat khau|hang xuat khau|de xuat khau|phuc vu xuat khau)\b")
_NO_EXPORTS = re.compile(r"\b(chua|khong)\b(?: \S+){0,3} (hop dong xuat khau|xuat khau)\b")
_HOW_MUCH_MORE = re.compile(r"\b(cao hon|them|bao nhieu|muc)\b")


def asks_priority(question: str) -> bool:
    """Whether a question asks if the facts it states make a priority trade ('60 lao động, 70% nguyên liệu mua trong
    tỉnh: có được xếp vào ngành nghề ưu tiên không?')."""
    folded = fold(question)
    return bool(_ASKS_PRIORITY.search(folded)) and bool(stated_facts(folded))


def stated_facts(folded: str) -> dict:
    """The facts a (folded) question states that Điều 6 khoản 2 weighs: workers, local material share, exports."""
    facts = {}
    if workers := _WORKERS.search(folded):
        facts["workers"] = int(re.sub(r"\D", "", workers.group(1)))
    material = _MATERIAL.search(folded)
    if material and _LOCAL.search(material.group(0)) and not _NOT_LOCAL.search(material.group(0)):
        facts["local_material_share"] = int(next(share for share in material.groups() if share)) / 100
    if _EXPORTS.search(folded) and not _NO_EXPORTS.search(folded):
        facts["exports"] = True
    return facts


def priority_verdict(question: str, generation) -> Composition | None:
    """'Có. Sản xuất sản phẩm sử dụng nguyên liệu tại chỗ: … chiếm trên 50% … [1]. Chưa đạt (45 lao động): Cơ sở …
    sử dụng nhiều lao động là cơ sở sản xuất có sử dụng từ 50 lao động trở lên [1].' for the facts a question states,
    each weighed against its point of Thông tư 46/2012 Điều 6 khoản 2, with the higher level a priority may get when
    asked; None when the index lacks the provision."""
    folded = fold(question)
    facts = stated_facts(folded)
    found = _provision(eligibility.TT46_PRIORITY_PRODUCTS, generation, ("a)", "b)", "c)"))
    if found is None:
        return None
    points, chunk = {mark[0]: strip_mark(unit) for mark, unit in found[0].items()}, found[1]
    weighed = []  # (met, the point's text, what the question states)
    if facts.get("exports") and "a" in points:
        weighed.append((True, points["a"], ""))
    if (share := facts.get("local_material_share")) is not None and "b" in points:
        weighed.append((share > 0.5, points["b"], f"{share:.0%} nguyên liệu tại chỗ"))
    if (workers := facts.get("workers")) is not None and "c" in points:
        weighed.append((workers >= 50, points["c"], f"{workers} lao động"))
    if not weighed:
        return None
    composition = Composition(lead="", cited=[])
    n = composition.number(chunk)
    # 'Có.' when one point is met; none met is no 'Không.': the points not weighed (công nghiệp hỗ trợ, sản phẩm
    # tiêu biểu) and the priority trades of Nghị định 45/2012 may still apply
    said = ["Có."] if any(met for met, _, _ in weighed) else []
    for met, rule, stated in sorted(weighed, key=lambda item: not item[0]):
        opening = f"{'Đạt' if met else 'Chưa đạt'} ({stated}): " if stated else ""
        said.append(f"{opening}{compose.sentence(rule)} [{n}].")
    uplift = priorities.table(generation).uplift
    if any(met for met, _, _ in weighed) and uplift and _HOW_MUCH_MORE.search(folded) \
            and (source := generation.chunk(uplift[1])) is not None:
        said.append(f"Đề án ưu tiên do Bộ Công Thương phê duyệt được hỗ trợ {uplift[0]} "
                    f"[{composition.number(source)}].")
    composition.lead = " ".join(said)
    composition.units.extend(rule for _, rule, _ in weighed)
    return composition


_MET = {"ok": "Đạt", "no": "Chưa đạt", "unknown": "Cần xác định"}
_RECOGNITION_OPENING = {"no": "Không.", "unknown": "Có thể, nếu đạt đủ các tiêu chí."}


def recognition_verdict(question: str, generation) -> Composition | None:
    """'Thôn … 300 hộ, 80 hộ làm mây tre đan, 5 năm nay. Có được công nhận làng nghề không?': each criterion of Nghị
    định 52/2018 Điều 5 in its own words, met or not by what the question states ('Đạt (80/300 hộ = 26,7%): Có tối
    thiểu 20% tổng số hộ …'); None unless a yes/no recognition question states a number."""
    facts = recognition.stated_facts(question) if _YES_NO.search(fold(question).strip()) else None
    checks = recognition.check(facts) if facts is not None else []
    if not checks:
        return None
    verdict = recognition.verdict(checks)
    if verdict == "no":  # what fails is the answer, then what the stated facts meet; the unstated is for another day
        checks = [c for c in checks if c.outcome == "no"] + [c for c in checks if c.outcome == "ok"]
    composition = Composition(lead="", cited=[])
    parts = []
    for item in checks:
        found = _provision(item.address, generation, (item.point,))
        if found is None:
            return None
        units, chunk = found
        stated = f" ({item.stated})" if item.stated else ""
        rule = strip_mark(units[item.point]).rstrip(" .;")
        parts.append(f"{_MET[item.outcome]}{stated}: {rule} [{composition.number(chunk)}]")
        composition.units.append(units[item.point])
    if facts.asked == "lang nghe truyen thong" and (both := _rule_line(recognition.TRADITIONAL_VILLAGE_CRITERIA,
                                                                        generation, "Làng nghề truyền thống phải")):
        parts.append(f"{both[0]} [{composition.number(both[1])}]")
    composition.lead = f"{_RECOGNITION_OPENING[verdict]} {'; '.join(parts)}."
    missing = {c.point for c in checks if c.address == recognition.VILLAGE_CRITERIA and c.outcome == "unknown"}
    if verdict != "no" and (ask := ASK_VILLAGE_FACTS.get(frozenset(missing & {"a)", "b)"}))):
        composition.lead += f" {ask}"
    return composition


def _rule_line(address, generation, opening: str) -> tuple[str, object] | None:
    """The unit of the indexed text at an address that opens with `opening`, and its chunk."""
    found = _cited_units(address, generation)
    line = next((u for u in found[0] if u.startswith(opening)), None) if found else None
    return (line.rstrip(" ."), found[1]) if line else None


def product_verdict(question: str, generation) -> Composition | None:
    """'Bức tượng gỗ độc nhất có được đăng ký bình chọn không?': 'Không.' and the condition of Thông tư 26/2014 Điều 4
    the product fails, in its own words; None unless a yes/no selection question describes such a product."""
    # an English yes/no opener read before folding: 'Đồ gốm …' and 'Do sản phẩm …' fold to 'do'
    yes_no = _YES_NO.search(fold(question).strip()) or re.match(r"(can|may|is|does|do)\b", question.strip().lower())
    address = typical_products.failed_condition(question) if yes_no else None
    found = _provision(address, generation, (f"{address.clause}.",)) if address is not None else None
    if found is None:
        return None
    units, chunk = found
    unit = units[f"{address.clause}."]
    composition = Composition(lead="", cited=[])
    composition.lead = f"Không. {compose.sentence(strip_mark(unit))} [{composition.number(chunk)}]."
    composition.units.append(unit)
    return composition
