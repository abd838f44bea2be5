"""English questions: the Vietnamese terms of the corpus for common English phrases, added to the query."""

from __future__ import annotations

import json
import re
from pathlib import Path

from assistant.text import fold, is_unaccented, nfc, words

# English phrase -> the corpus's own wording (matched longest first), read from a data file of about 1,150 terms:
# the domain's vocabulary, written from the passages rather than from any question.
TERMS: dict[str, str] = json.loads(Path(__file__).with_name("glossary_terms.json").read_text(encoding="utf-8"))
_FUNCTION_WORDS = set(
    "what which who whom how is are was does do did the a an of for to in on at by can could much many get when "
    "where why i we my our it its this that with from be been receive apply need want level rate percent valid "
    "long building build renting rent still there any and or must should shall will would under if has have than "
    "more same two one out into about after before their they them these those each every within up until over "
    "carry".split()
)
_ENGLISH = _FUNCTION_WORDS | {w for phrase in TERMS for w in phrase.split()}
_PHRASES = sorted(TERMS, key=len, reverse=True)
# The auxiliary an English yes/no question opens with ('Is …', 'Must …'), lowercased: one regex group.
ENGLISH_AUXILIARY = r"(?:is|are|was|were|does|do|did|should|must|will|would|can|could|has|have)"


def is_english(question: str) -> bool:
    """A question whose words are mostly English ones (a Vietnamese term such as 'khuyến công' may stand among them)."""
    tokens = words(question)
    plain = [t for t in tokens if t.isascii() and not t.isdigit()]
    if not plain or len(plain) < 0.7 * len([t for t in tokens if not t.isdigit()]):
        return False
    return sum(t in _ENGLISH for t in plain) >= 0.5 * len(plain) and any(t in _FUNCTION_WORDS for t in plain)


def asked_in_english(question: str) -> bool:
    """Whether a question, with or without the Vietnamese terms expand_english adds to it, is an English one."""
    head, opened, terms = question.rpartition(" (")
    return is_english(head if opened and terms.endswith(")") else question)


def expand_english(question: str) -> str:
    """An English question followed by the Vietnamese terms it names; other questions unchanged."""
    found = english_terms(question)
    return f"{question} ({'; '.join(found)})" if found else question


_GLOSS = re.compile(r"\s*\(([^()]{1,60})\)\s*")


def _unless_english(gloss: re.Match) -> str:
    """A bracketed aside dropped when it glosses in Vietnamese ('(khuyến công)'), kept when it is English."""
    return gloss.group(0) if gloss.group(1).isascii() else " "


def english_terms(question: str) -> list[str]:
    """The Vietnamese terms an English question's phrases stand for, longest phrase first (none for a question in
    Vietnamese)."""
    if not is_english(question):
        return []
    # 'an industrial promotion (khuyến công) project' says 'industrial promotion project' around its gloss
    lowered = " " + " ".join(words(_GLOSS.sub(_unless_english, question))) + " "
    found = []
    for phrase in _PHRASES:
        if re.search(rf" {re.escape(phrase)} ", lowered):
            found.append(TERMS[phrase])
            lowered = lowered.replace(f" {phrase} ", " ")
    return list(dict.fromkeys(found))


# What enterprises say (accent-folded patterns) -> the corpus's name of the supported activity, the most specific
# first (a 'dây chuyền' in a demonstration model is a demonstration model). The name is added to
# the query and picks the activity's row of the support-level table ('máy CNC' means ứng dụng máy móc thiết bị). A
# pattern named None says the words name no activity of the table, whatever a later pattern would make of them.
ACTIVITIES = (
    (r"mo hinh trinh dien|trinh dien ky thuat|demonstration", "xây dựng mô hình trình diễn kỹ thuật"),
    (r"hoi cho|trien lam|gian hang|trade fair|exhibition|booth", "tham gia hội chợ triển lãm, thuê gian hàng"),
    (r"thuong hieu|nhan hieu|brand|trademark", "xây dựng và đăng ký thương hiệu"),
    # not the centre's name ('Trung tâm Khuyến công và Tư vấn phát triển công nghiệp', '… Consulting Centre', the gloss
    # '(Tư vấn phát triển công nghiệp; …)' an English question's query adds for it)
    (r"(?<!khuyen cong va )(?<!\()(?<!; )tu van|marketing|thiet ke bao bi|consult(?!ing cent(?:re|er)\b)",
     "thuê tư vấn, trợ giúp các cơ sở công nghiệp nông thôn"),
    (r"dao tao nghe|day nghe|truyen nghe|hoc nghe|vocational", "đào tạo nghề, truyền nghề"),
    (r"hoi nghi|hoi thao|tap huan|dien dan|seminar|workshop", "tổ chức hội nghị, hội thảo, tập huấn và diễn đàn"),
    (r"cuoc thi|cuoc van dong|contest", "tổ chức các cuộc thi, cuộc vận động"),
    (r"cong nghe thong tin|phan mem|website|\bit\b", "ứng dụng công nghệ thông tin"),
    (r"bien soan|giao trinh|tai lieu dao tao", "biên soạn chương trình, giáo trình, tài liệu đào tạo"),
    (r"thanh lap doanh nghiep|khoi su|mo cong ty|start a business",
     "hỗ trợ thành lập doanh nghiệp, khởi sự doanh nghiệp"),
    (r"hiep hoi|thanh lap hoi\b", "thành lập hội, hiệp hội ngành nghề"),
    (r"cum lien ket", "hình thành cụm liên kết doanh nghiệp công nghiệp"),
    (r"xu ly o nhiem|xu ly nuoc thai|xu ly chat thai|he thong xu ly", "sửa chữa, nâng cấp hệ thống xử lý ô nhiễm môi "
                                                                       "trường"),
    # moving out of a residential area to a planned site is the province's own support (Nghị định 52/2018 Điều 7),
    # no row of the support-level table, whichever is said first ('… trong khu dân cư …, có hỗ trợ tiền di dời không')
    (r"di doi(?=[^?]{0,60}(?:dia diem quy hoach|khoi khu dan cu))"
     r"|(?:diem quy hoach|khu dan cu)(?![^?]{0,100}cum cong nghiep)(?=[^?]{0,100}di doi)", None),
    (r"di doi|chuyen vao cum|lai suat|lai vay|vay von|interest",
     "hỗ trợ lãi suất vốn vay di dời vào cụm công nghiệp"),
    (r"quy hoach chi tiet", "lập quy hoạch chi tiết cụm công nghiệp"),
    (r"ha tang cum|ket cau ha tang", "đầu tư xây dựng kết cấu hạ tầng cụm công nghiệp"),
    (r"binh chon|san pham tieu bieu|typical product", "bình chọn sản phẩm công nghiệp nông thôn tiêu biểu"),
    (r"ve may bay|khao sat|hoc tap kinh nghiem", "khảo sát, học tập kinh nghiệm"),
    (r"san xuat sach hon|cleaner production", "áp dụng sản xuất sạch hơn"),
    # 'sửa chữa máy nông nghiệp', 'lắp ráp thiết bị điện' name a trade, not machines the asker buys
    # ('máy của tôi' folds like 'máy cưa', a saw)
    (r"(?<!sua chua )(?<!sua )(?<!lap rap )(?<!che tao )(?<!gia cong )"
     r"(?:may moc|thiet bi|may (cnc|det|cua(?! (?:toi|minh|em|chung|nha|ho|anh|chi|ban|co so|xuong|cong ty))|"
     r"bao|ep|nghien|say|tien|phay|khoan|han|dong goi|in|cat|xay)|\bcnc\b|"
     r"day chuyen|mua (them )?may|dau tu may|machinery|machine|equipment)",
     "ứng dụng máy móc thiết bị, chuyển giao công nghệ tiên tiến vào sản xuất"),
)


# every word folding to 'may' but 'máy'
_NOT_MACHINE = re.compile(r"\b(?!máy\b)(?:m[aáàảãạăâấầẩẫậ]y)\b", re.IGNORECASE)


def activity_of(question: str) -> str | None:
    """The corpus's name of the supported activity a question describes in its own words, or None. In a question
    written with diacritics only 'máy' is a machine: 'may' sews ('doanh nghiệp may của tôi'), 'mấy' counts ('mấy hạng
    mục đó'), 'mây' is rattan."""
    question = nfc(question)
    folded = fold(question if is_unaccented(question) else _NOT_MACHINE.sub(r"_\g<0>", question))
    return next((name for pattern, name in ACTIVITIES if re.search(rf"\b(?:{pattern})", folded)), None)


# Activities that enterprises name in words the corpus does not use ('máy CNC', 'thuê chuyên gia', 'mở công ty'):
# only these are added to the query; the others are asked in the corpus's own words ('bình chọn', 'thương hiệu'),
# and adding their long names would pull retrieval away from what the question asks about them.
EXPANDED = {ACTIVITIES[-1][1], "thuê tư vấn, trợ giúp các cơ sở công nghiệp nông thôn",
            "hỗ trợ thành lập doanh nghiệp, khởi sự doanh nghiệp", "tham gia hội chợ triển lãm, thuê gian hàng",
            "hỗ trợ lãi suất vốn vay di dời vào cụm công nghiệp"}


# '… tổ chức định kỳ ra sao?' asks how often, which the passages say as '02 (hai) năm một lần'; folded
_PERIODIC = re.compile(r"\bdinh ky (?:nhu )?(?:the nao|ra sao)\b|\bdinh ky\W*$")
_PERIODIC_MANNER = re.compile(r"\b(định kỳ|dinh ky)\s+(?:như thế nào|nhu the nao|thế nào|the nao|ra sao)",
                              re.IGNORECASE)


# '… cấp tỉnh được tổ chức hằng năm phải không?', 'Năm 2026 có kỳ bình chọn cấp tỉnh không?', '… thường tổ chức năm
# nào?': when something is held is ruled by how often ('định kỳ 02 (hai) năm một lần, thường vào năm lẻ'); folded
_HELD_WHEN = re.compile(r"\b(?:(?:duoc|co|thuong) to chuc|co ky|ky binh chon)\b[^?]{0,80}?\b"
                        r"(?:hang nam|moi nam|nam nao|nam (?:19|20)\d\d)\b|"
                        r"\b(?:hang nam|moi nam|nam (?:19|20)\d\d)\b[^?]{0,30}?\bco (?:ky|to chuc)\b")


# 'Tôi hiểu là …', 'Em nghe nói …': how a claim put up to be checked opens; no passage says it (folded)
_CLAIM_OPENING = re.compile(r"^\W*(?:toi|em|minh)\s+(?:hieu|nghe noi|nghe|thay|doc thay|duoc biet)\s+(?:la|rang)\s+")


def without_claim_opening(question: str) -> str:
    """'Tôi hiểu là bình chọn … chỉ có 3 cấp …, đúng không?' -> 'bình chọn … chỉ có 3 cấp …, đúng không?'."""
    found = _CLAIM_OPENING.match(fold(question).lower())
    return question[found.end():] if found and len(fold(question)) == len(question) else question


# Events an asker names that stopped the work ('bão lũ khiến không hoàn thành hợp đồng'), which the rules call by their
# legal kind ('vì lý do bất khả kháng'), read only where the work was left unfinished; both accent-folded
_FORCE_MAJEURE = re.compile(r"\b(?:bao lu|mua lu|lu lut|lu quet|lu lon|thien tai|dich benh|covid|hoa hoan|chay no|"
                            r"sat lo|(?<!thong )bao (?:to\b(?! chuc)|so \d+)|(?<!lao )dong dat)\b")
_UNFINISHED = re.compile(r"\b(?:khong (?:the )?hoan thanh|chua hoan thanh|lam do|khong lam xong|quyet toan|thanh ly|"
                         r"gia han|cham tien do)\b")


def _force_majeure(question: str) -> bool:
    """Whether the question tells of an event that left the work unfinished, without naming it 'bất khả kháng'."""
    folded = fold(question)
    return bool(_FORCE_MAJEURE.search(folded) and _UNFINISHED.search(folded)) and "bat kha khang" not in folded


def expand_query(question: str) -> str:
    """The query retrieval sees: English terms in Vietnamese, the activity an enterprise describes in its own words
    named as the corpus names it, 'bất khả kháng' for a storm or a fire that left the work unfinished, and how often
    for what is done 'định kỳ' or a selection asked to be held in a year; a claim's opening ('Tôi hiểu là …') left
    out."""
    expanded = expand_english(without_claim_opening(question))
    if _force_majeure(question):
        expanded = f"{expanded} ({'bat kha khang' if is_unaccented(question) else 'bất khả kháng'})"
    activity = activity_of(question)
    if activity in EXPANDED and fold(activity) not in fold(expanded):
        expanded = f"{expanded} ({activity})"
    if _PERIODIC.search(fold(question).lower()):
        # 'như thế nào' is replaced, not kept beside it: kept, it pulls toward every passage saying 'thế nào'
        # typed without diacritics, the query stays so: only then are its accents restored for the dense search
        often = "bao lau mot lan" if is_unaccented(question) else "bao lâu một lần"
        asked = _PERIODIC_MANNER.sub(rf"\1 {often}", expanded)
        expanded = asked if asked != expanded else f"{expanded} ({often})"
    elif _HELD_WHEN.search(fold(question)) and "binh chon" in fold(question):
        expanded = f"{expanded} ({'dinh ky may nam mot lan' if is_unaccented(question) else 'định kỳ mấy năm một lần'})"
    return expanded
