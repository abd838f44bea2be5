"""Evidence at the level of units (khoản, điểm, list item, sentence): which unit of the retrieved chunks answers.

A unit's score fuses four signals: the similarity of its own passage vector to the question vector, the coverage of
the question's focus terms (accent-folded, IDF-weighted), whether it holds a value of the asked type (an amount, a
date, a body …) and the retrieval score of its chunk. The weights are settings, chosen on the dev split. Smaller
signals name what some questions ask for: the office asked about, the doer of an asked act, whose duties are asked,
the thing a count counts, the year asked of.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from assistant.documents.chunking import references_within_article
from assistant.documents.units import heading_of, split_units
from assistant.search.glossary import ENGLISH_AUXILIARY, TERMS, asked_in_english, english_terms, expand_english
from assistant.search.shorthand import expand_shorthand
from assistant.text import CLOSING_PARTICLES, STOPWORDS, blank, fold, is_unaccented, nfc, words

# Question words say what is asked, not what the answer is about. Written with their diacritics they are told apart
# from the words they fold into ('hỏi' asks, 'hội' in 'Hội đồng' is the topic); unaccented text can only drop both.
_QUESTION_WORDS_ACCENTED = set(STOPWORDS) | set(
    "bao nhiêu mấy gì nào ai đâu không sao thế như là được có cần phải hay cho biết hỏi tôi mình em "
    "what which who how much many does do is are the of for to in".split()
)
# Unaccented 'may' is a machine ('mua may') far more often than it asks ('may nguoi').
_QUESTION_WORDS = {fold(w) for w in _QUESTION_WORDS_ACCENTED} - {"may"}
# 'sao' asks only after these words ('tại sao', 'vì sao', 'ra sao'); elsewhere it copies ('bản sao', 'sao chép').
_ASKING_SAO = {"tại", "vì", "làm", "ra", "thế", "tai", "vi", "lam"}
# A document number ('2646/QĐ-BCT', '45/2012') names the document, not the answer inside it.
DOC_NUMBER = re.compile(r"(?:(?:nghị định|thông tư liên tịch|thông tư|quyết định|nghị quyết|công văn)\s+(?:số\s+)?)?"
                        r"\b(?:\d+/(?:\d{4}/)?|\d+[a-z]/\d{4}/)[\wĐđ-]+", re.IGNORECASE)  # '30a/2008/NQ-CP'
# A document's number with the date it was signed ('Thông tư số 46/2012/TT-BCT ngày 28 tháng 12 năm 2012'): neither
# is a value the document states.
_DATED_DOCUMENT = re.compile(DOC_NUMBER.pattern + r"(?:,?\s+ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|"
                             r"/\d{1,2}/\d{4}))?", re.IGNORECASE)
# ... and the body that issued it ('Thông tư số 46/2012/TT-BCT … của Bộ Công Thương'): no doer of what the unit says
# (the capitalised words of a name are read case-sensitively: 'Bộ Công Thương quy định …' ends at 'quy')
_ISSUER = (r"\s+của\s+(?:Thủ tướng Chính phủ|Chính phủ|(?:Bộ trưởng )?Bộ(?-i:(?: [A-ZĐ]\w*)+)|"
           r"(?:Ủy|Uỷ) ban nhân dân(?: (?:cấp )?tỉnh| thành phố)?(?-i:(?: [A-ZĐ]\w*)*))")
_ISSUED_DOCUMENT = re.compile(rf"(?:{_DATED_DOCUMENT.pattern})(?:{_ISSUER})?|"
                              # the Government's rules cited ('các huyện nghèo theo quy định của Chính phủ'); a
                              # province's are its own ('theo quy định của Ủy ban nhân dân cấp tỉnh' sets a level)
                              r"\btheo quy định của (?:Thủ tướng )?Chính phủ\b", re.IGNORECASE)
_NUM = r"\d+(?:[.,]\d+)*"
# Values a unit may hold, by kind; the answer type of the question says which kinds answer it.
VALUES = {
    "percent": re.compile(rf"{_NUM}\s*%|{_NUM} phần trăm"),
    "money": re.compile(rf"{_NUM}\s*(?:triệu|tỷ|nghìn|ngàn)?\s*(?:đồng|USD)(?:/[^\s,;.]+(?: [^\s,;.]+){{0,3}})?|"
                        rf"{_NUM}\s*(?:triệu|tỷ)\b"),
    # a level set as a multiple of another ('không quá 1,5 lần mức hỗ trợ')
    "multiple": re.compile(rf"{_NUM}\s*lần\s+(?:mức|định mức)\b"),
    # a level left to a body ('Ủy ban nhân dân cấp tỉnh quy định mức hỗ trợ …', '… định mức hỗ trợ cụ thể do Ủy ban
    # nhân dân cấp tỉnh quyết định'): the answer where no number is set; not a document's title ('Nghị quyết quy
    # định mức chi …')
    "delegated": re.compile(r"(?<!Nghị quyết )(?<!Thông tư )(?<!Nghị định )(?<!Quyết định )(?<!này )"
                            r"\b(?:quy định|quyết định)(?: cụ thể)? (?:mức|định mức)\b|"
                            r"\b(?:định )?mức(?: hỗ trợ| chi)?(?: cụ thể)? do (?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|"
                            r"Hội đồng nhân dân|HĐND|Chủ tịch|Bộ trưởng|Thủ tướng)[^.;,]{0,40}? "
                            r"(?:quyết định|quy định)\b"),
    "date": re.compile(r"\bngày \d{1,2}(?:/\d{1,2}(?:/\d{4})?| tháng \d{1,2}(?: năm \d{4})?)|\b\d{1,2}/\d{1,2}/\d{4}\b|"
                       r"\btháng \d{1,2}(?: năm \d{4})?|\b(?:hằng|hàng) (?:năm|quý|tháng)\b|\bquý [IV1-4]+\b|"
                       r"\bnăm (?:lẻ|chẵn)\b"),
    # not a date ('ngày 31 tháng 12' lasts no 31 months)
    "duration": re.compile(rf"(?<![Nn]gày )(?<![\d.,]){_NUM}\s*(?:\([^)]{{1,20}}\)\s*)?"
                           r"(?:năm(?!\s+\d{4}\b)|tháng(?!\s+\d+\b(?!\s*(?:\([^)]{1,20}\)\s*)?(?:lần|đợt|ngày)))|"
                           r"ngày(?: làm việc)?|quý|tuần)\b|"
                           r"\b(?:hằng|hàng) (?:năm|quý|tháng)\b"),
    # not a numbered form, article or annex ('Mẫu số 2 Phụ lục 1', 'Điều 5 Nghị định …'), nor a year ('năm 2024 là')
    "count": re.compile(rf"(?<!số )(?<!Điều )(?<!điều )(?<!khoản )(?<!Khoản )(?<!lục )(?<!Mẫu )(?<!năm )(?<!Năm )"
                        rf"(?<!nam )\b(?!(?:19|20)\d\d\b)"  # nor a year alone ('2020 có 200 đơn vị')
                        rf"{_NUM}(?:\s*(?:-|–|đến|hoặc)\s*{_NUM})?\s*(?:\([^)]{{1,30}}\)\s*)?"
                        r"[a-zà-ỹđ]+(?: [a-zà-ỹđ]+)?|"
                        # a share of what is counted ('tối thiểu 20% tổng số hộ' answers 'bao nhiêu hộ?', 'trên 50%
                        # khối lượng công việc' 'phải làm được bao nhiêu khối lượng?')
                        rf"\b{_NUM}\s*%\s*(?:(?:tổng\s+)?số\s+[a-zà-ỹđ]+|khối lượng)", re.IGNORECASE),
    "body": re.compile(r"\b(?:Bộ trưởng|Bộ|Sở|Ủy ban nhân dân|Uỷ ban nhân dân|UBND|HĐND|Chủ tịch|Thủ tướng|Chính phủ|"
                       r"Cục trưởng|Cục|Vụ|Trung tâm|Hội đồng|Giám đốc|Ban|Phòng|Ngân hàng|Kho bạc)\b"
                       r"(?: [A-ZĐÀ-Ỹa-zđà-ỹ]+){0,8}"),
}
# A bracketed editorial note alone ('[... phần còn lại không truy xuất được ...]', '[Tệp mẫu biểu đính kèm …]')
# says nothing of the rules: it is never the answer.
_EDITORIAL = re.compile(r"\s*\[[^\]]*\]\s*")


_WORDED = re.compile(r"[^\W\d_]+\W+[^\W\d_]")


def says_something(unit: str) -> bool:
    """Two words at least: a rule line under a heading ('-------') or a byline ('PV') answers nothing."""
    return bool(_WORDED.search(unit))


TYPE_VALUES = {"amount": ("percent", "money", "multiple", "delegated"), "percent": ("percent", "delegated"),
               "count": ("count",), "date": ("date",), "duration": ("duration", "date"), "body": ("body",),
               "frequency": ("duration",)}


@dataclass
class Evidence:
    """One quotable unit of a retrieved chunk and how well it answers the question."""

    chunk_index: int
    text: str
    score: float
    heading: str = ""  # the khoản heading a điểm's values may sit in ('Tạm ứng 70% kinh phí …')

    def values(self, answer_type: str) -> list[re.Match]:
        """The unit's values of the asked type, else its khoản heading's."""
        return values_of(self.text, answer_type) or values_of(self.heading, answer_type)


# Abbreviations the texts write in capitals ('hàng TCMN', 'cơ sở CNNT'), read as the words they stand for, so that
# a unit writing them covers a question writing the words out (and the other way round).
ABBREVIATIONS = {"CNNT": "cong nghiep nong thon", "TCMN": "thu cong my nghe", "KCQG": "khuyen cong quoc gia",
                 "UBND": "uy ban nhan dan", "HĐND": "hoi dong nhan dan", "TTCN": "tieu thu cong nghiep"}


@functools.lru_cache(maxsize=32768)
def content_terms(text: str) -> tuple[str, ...]:
    """Folded syllables that carry meaning, question words dropped, capitalised abbreviations spelt out. Cached: the
    same units are scored often."""
    terms = []
    previous = ""
    for word in words(text):
        if word.upper() in ABBREVIATIONS:
            terms.extend(ABBREVIATIONS[word.upper()].split())
            continue
        if word.isdecimal():  # '05 năm' is '5 năm'
            word = word.lstrip("0") or "0"
        folded, before, previous = fold(word), previous, word
        if folded == "sao" and before not in _ASKING_SAO:
            terms.append(folded)
            continue
        if word in _QUESTION_WORDS_ACCENTED or (folded == word and folded in _QUESTION_WORDS) or len(folded) < 2:
            continue
        terms.append(folded)
    return tuple(terms)


def values_of(unit: str, answer_type: str) -> list[re.Match]:
    """Spans of the unit holding a value of the asked type (amounts for 'amount', dates for 'date' …)."""
    if answer_type == "document":  # 'theo văn bản nào?': the documents a unit refers to are its values
        return list(DOC_NUMBER.finditer(unit))
    found = []
    blanked = _ISSUED_DOCUMENT.sub(blank, unit)
    for kind in TYPE_VALUES.get(answer_type, ()):
        found.extend(m for m in VALUES[kind].finditer(blanked))
    return sorted(found, key=lambda m: m.start())


def typed_near(unit: str, answer_type: str, anchors: list[str], reach: int = 80, asked: str = "") -> float:
    """1 when the unit holds a value of the asked type within `reach` characters of one of the question's rarest
    terms ('do Chủ tịch Ủy ban nhân dân cấp tỉnh phê duyệt'), 0.5 when it holds one elsewhere, else 0. A body the
    question itself names ('ai lập Hội đồng …': 'Hội đồng') is what is asked about, not the answer."""
    spans = values_of(unit, answer_type)
    if answer_type == "body" and asked:
        spans = [m for span in spans for m in _unasked_bodies(unit, span, asked)]
    if not spans:
        return 0.0
    folded = fold(unit)
    places = [m.start() for term in anchors for m in re.finditer(rf"\b{re.escape(term)}\b", folded)]
    near = any(s.start() - reach <= p <= s.end() + reach for s in spans for p in places)
    return 1.0 if near else 0.5


def _unasked_bodies(unit: str, span: re.Match, asked: str) -> list[re.Match]:
    """The body a span names unless the question names it too; then the bodies named inside it ('Chủ tịch Hội đồng
    là đại diện Lãnh đạo Bộ Công Thương' answers 'ai làm chủ tịch?' with 'Bộ Công Thương')."""
    while span is not None and _head(span.group(0)) in asked:
        span = VALUES["body"].search(unit, span.start() + len(" ".join(span.group(0).split()[:2])))
    return [span] if span is not None else []


_COUNT_NUMBER = re.compile(rf"^{_NUM}(?:\s*(?:-|–|đến|hoặc)\s*{_NUM})?\s*(?:\([^)]*\)\s*)?")


@functools.lru_cache(maxsize=32768)
def _counted_words(text: str) -> tuple[tuple[bool, tuple[str, ...]], ...]:
    """The words after each count of a text, and whether the count is a share ('625 lớp truyền nghề' -> (False,
    ('lớp', 'truyền', 'nghề')); '20% tổng số hộ' -> (True, ('hộ',)))."""
    found = []
    for match in values_of(text, "count"):
        share = "%" in match.group(0)
        said = re.sub(r"^.*%\s*(?:tổng\s+)?(?:số\s+)?", "", match.group(0)) if share \
            else _COUNT_NUMBER.sub("", match.group(0))
        found.append((share, tuple(said.split())))
    return tuple(found)


@functools.lru_cache(maxsize=32768)
def counted_nouns(text: str, answer_type: str) -> frozenset[str]:
    """What a text's counts count, folded ('5 lần một năm' -> {'lan'}, '03 bộ hồ sơ' -> {'bo'}); empty for other
    answer types. Cached: a question's units are read for it twice (is the noun counted anywhere, then by each)."""
    if answer_type != "count":
        return frozenset()
    return frozenset(fold(said[0]) for _, said in _counted_words(text) if said)


# The levels a rule is set for ('Hội đồng bình chọn cấp tỉnh có 07 hoặc 09 thành viên'); folded.
_LEVEL = re.compile(r"\bcap (huyen|tinh|khu vuc|quoc gia|xa|trung uong)\b|\b(district|provincial|regional|national)"
                    r"[- ]level\b")
_ENGLISH_LEVEL = {"district": "huyen", "provincial": "tinh", "regional": "khu vuc", "national": "quoc gia"}


# 'như cấp tỉnh', 'giống cấp huyện': the level a claim is set against, not the one it is about; folded
_LIKE_LEVEL = re.compile(r"\b(?:nhu|giong(?: nhu)?|bang)\s+(?:o\s+)?cap\s+(?:huyen|tinh|khu vuc|quoc gia|xa)\b")


def levels_named(text: str) -> set[str]:
    """The administrative levels a text names ('cấp tỉnh', 'provincial-level' -> {'tinh'})."""
    return {m.group(1) or _ENGLISH_LEVEL[m.group(2)] for m in _LEVEL.finditer(fold(text).lower())}


_ROLES = r"(pho chu tich(?: thuong truc)?|chu tich|truong ban|pho truong ban|thu ky|truong doan)"
# 'Chủ tịch Hội đồng … cấp khu vực là ai' names its council at length, but never across 'và' or a comma.
_ROLE_ASKED = re.compile(rf"\bai (?:lam|la|giu|duoc cu lam) {_ROLES}\b|"
                         rf"\b{_ROLES}(?: (?:(?!va\b)[a-z])+){{0,16}}? la ai\b|"
                         r"\bwho (?:chairs|is (?:the )?(?:chair|chairman|chairperson))\b")
_UNIT_MARKER = re.compile(r"^\s*(?:[a-zđ]\)|\d+\.|[-+•])\s*")


def asked_role(question: str) -> str:
    """The office a question asks who holds ('ai làm chủ tịch?', 'Who chairs …?' -> 'chu tich'); '' if none."""
    match = _ROLE_ASKED.search(fold(question).lower())
    if not match:
        return ""
    return match.group(1) or match.group(2) or "chu tich"


def fills_role(unit: str, role: str) -> bool:
    """Whether the unit says who holds the office ('a) Chủ tịch Hội đồng là đại diện Lãnh đạo …')."""
    opening = fold(_UNIT_MARKER.sub("", unit, count=1)).lower()
    return bool(re.match(rf"{role}\b[^.;:]{{0,40}}\bla\b", opening))


# The verbs a 'who does it' question asks the doer of, folded; a unit saying '… do <body> <verb>' names the doer.
# ('cơ cấu tổ chức' is a structure, 'chương trình' or 'quy trình' a programme or process, 'Quyết định 2646' a
# document: not acts)
_ACTS = re.compile(r"\b(phe duyet|tham dinh|ban hanh|quyet dinh(?!\s+(?:so\b|nay\b|\d))|(?<!co cau )to chuc|thanh lap|"
                   r"cong nhan|chu tri|quan ly|huong dan|kiem tra|giao|lap|"
                   r"(?<!chuong )(?<!quy )(?<!cong )(?<!lo )trinh|xet|nghiem thu|bao cao|tong hop|bo nhiem|"
                   r"approves?|appraises?|issues?|decides?|organi[sz]es?)\b")
# The body and its act are not parted by another act: '… do Sở Công Thương đăng ký hoặc Phiếu thẩm định …' names who
# registers, not who appraises.
_DOER = (r"\bdo (?:bo truong|bo|so|uy ban nhan dan|ubnd|chu tich|thu tuong|chinh phu|cuc truong|cuc|giam doc|"
         r"hoi dong|trung tam|ban|phong)\b(?:(?!\b(?:hoac|dang ky)\b)[^.;:]){0,70}?\b")
# How much naming the doer of the asked act, or heading the asked body's duties, counts (dev 968: 0.3 gave lead
# 0.803, 0.5 0.804, 0.8 0.800; the duties, dev 1148: 0.5 and 1.0 both 0.828).
AGENT_WEIGHT = 0.5


# How much saying who holds the asked office ('a) Chủ tịch Hội đồng là đại diện Lãnh đạo …' for 'ai làm chủ tịch?')
# counts (dev 1328: 1.0, the focus weight it had, gave lead 0.849, 1.5 and 2.5 both 0.851).
ROLE_WEIGHT = 1.5


# How much counting what the question counts ('bao nhiêu điểm?': '70 điểm') adds to a unit (dev 1148: 0 gave lead
# 0.822, 0.4 0.823, 0.8 0.827, 1.2 0.823, 2.0 0.822).
NOUN_WEIGHT = 0.8
# Counting the very kind asked ('625 lớp truyền nghề' for 'bao nhiêu lớp truyền nghề?') against the noun alone ('137
# lớp tập huấn'), as shares of NOUN_WEIGHT.
KIND_SIGNAL = 2.0
KIND_OTHER = 0.25


# A unit opening with its doer: 'Trưởng ban Giám khảo lập biên bản tổng hợp kết quả …'; folded.
# ('Bộ Nội vụ chủ trì, phối hợp với Bộ Công Thương hướng dẫn …' leads the act it shares)
_DOER_FIRST = (r"^(?:truong ban|pho truong ban|chu tich|giam doc|cuc truong|bo truong|so|bo|cuc|uy ban nhan dan|"
               r"ubnd|hoi dong|ban|trung tam|phong)\b[^,.;:]{0,50}?\b(?:chu tri, phoi hop voi\b[^,.;:]{0,50}?\b)?")


def names_doer(unit: str, acts: list[str], objects: list[str] = ()) -> bool:
    """'Kế hoạch khuyến công quốc gia do Bộ trưởng Bộ Công Thương phê duyệt': the unit says who does an asked act;
    'Trưởng ban Giám khảo lập biên bản …': it opens with a body doing an asked act to the asked object. 'lập' is
    not 'thành lập' or 'thiết lập'."""
    folded = fold(unit)
    opening = fold(_UNIT_MARKER.sub("", unit, count=1))
    return any(re.search(_DOER + r"(?<!thanh )(?<!thiet )" + re.escape(act) + r"\b", folded) for act in acts) or \
        any(re.match(_DOER_FIRST + re.escape(done) + r"\b", opening) for done in objects)


# '… phải báo cáo cho ai?', '… gửi hồ sơ lên cơ quan nào?': whom an act is done to; folded.
_RECIPIENT_ASKED = re.compile(r"\b(bao cao|gui|nop|trinh)\b[^?]{0,40}?\b(?:cho|len|ve|toi|den)\s+"
                              r"(?:ai|co quan nao|dau)\b")
_BODY = r"(?:bo|so|cuc|uy ban nhan dan|ubnd|chu tich|thu tuong|hoi dong|trung tam)\b"


def asked_recipient(question: str) -> str:
    """The act whose recipient a question asks ('… phải báo cáo cho ai?' -> 'bao cao'); '' when it asks none."""
    found = _RECIPIENT_ASKED.search(fold(question).lower())
    return found.group(1) if found else ""


def names_recipient(unit: str, act: str) -> bool:
    """'Định kỳ hàng năm, báo cáo Sở Công Thương, …': the unit names the body the asked act is done to."""
    return bool(re.search(rf"\b{act}\s+(?:\w+\s+){{0,3}}?(?:cho\s+|len\s+|ve\s+)?{_BODY}", fold(unit).lower()))


# English acts, as the corpus says them (folded)
_ENGLISH_ACTS = {"approve": "phe duyet", "appraise": "tham dinh", "issue": "ban hanh", "decide": "quyet dinh",
                 "organise": "to chuc", "organize": "to chuc"}


def asked_acts(question: str) -> list[str]:
    """The acts a 'who' question asks the doer of ('ai phê duyệt …?', 'Who approves …?' -> ['phe duyet'])."""
    acts = (m.group(1) for m in _ACTS.finditer(fold(question)))
    return [_ENGLISH_ACTS.get(act.removesuffix("s"), act) for act in acts]


def asked_objects(question: str) -> list[str]:
    """Each asked act with the word after it ('ai lập biên bản …?' -> ['lap bien'])."""
    folded = fold(question)
    return [f"{m.group(1)} {after.group(1)}" for m in _ACTS.finditer(folded)
            if (after := re.match(r"\s+(\w+)", folded[m.end():]))]


_DUTY = r"(?:trach nhiem|nhiem vu|quyen han|quyen loi|nghia vu)"
# 'UBND cấp huyện có những trách nhiệm gì …?', 'Nhiệm vụ của Hội đồng bình chọn là gì?': whose duties; folded.
_HOLDER_ASKED = (re.compile(rf"^\W*(?:(?:theo|trong) [^,]+,\s*)?(?P<holder>.+?)\s+"
                            rf"(?:co|gom|phai thuc hien|duoc giao)\s+(?:nhung\s+|cac\s+)?{_DUTY}\b"),
                 re.compile(rf"\b{_DUTY}\s+(?:va \w+ \w+\s+)?cua\s+(?P<holder>.+?)(?:\s+(?:trong|ve|doi voi|khi|la|gom|"
                            rf"duoc)\b|\W*$)"),
                 # '…, UBND cấp huyện phải báo cáo kết quả cho cơ quan nào?': to whom one of its duties is done
                 re.compile(r"(?:^\W*|,\s*)(?P<holder>[^,]+?)\s+(?:phai|co trach nhiem)\s+(?:gui\s+)?"
                            r"(?:bao cao|trinh)\b[^?]*\b(?:co quan nao|cho ai|len ai|ai)\W*$"),
                 # '… được cấp giấy chứng nhận rồi, vậy em có phải báo cáo gì không?': the asker's own duties
                 re.compile(r"\b(?P<holder>em|toi|minh|chung toi)\s+(?:co\s+)?(?:phai|can)\s+(?:bao cao|nop|gui)\b"))
# The asker's own duties are those of the establishment the rules name
_ASKER = {"em", "toi", "minh", "chung toi"}
ESTABLISHMENT = "co so cong nghiep nong thon"
# What a duty question compares a heading with: the holder's first words
HOLDER_WORDS = 6


def asked_holder(question: str) -> str:
    """Whose duties a question asks ('UBND cấp huyện có những trách nhiệm gì?' -> 'uy ban nhan dan cap huyen'),
    folded, at most HOLDER_WORDS words; '' when it asks no duties."""
    folded = fold(expand_shorthand(question)).lower()
    match = next((m for pattern in _HOLDER_ASKED if (m := pattern.search(folded))), None)
    if not match or re.search(r"\b(ai|nao|gi|who|which)\b", match.group("holder")):
        return ""  # 'ai có trách nhiệm báo cáo?' asks who, not whose duties
    holder = match.group("holder")
    return ESTABLISHMENT if holder in _ASKER else " ".join(holder.split()[:HOLDER_WORDS]).rstrip(" ,;:")


def holds_duty(unit: str, heading: str, holder: str, title: str = "") -> bool:
    """Whether a unit is, or sits under, the heading of the holder's duties ('Trách nhiệm của Ủy ban nhân dân cấp
    huyện'), or under an article titled with the holder's name alone (Nghị định 52/2018 Điều 16 'Bộ Tài nguyên và
    Môi trường')."""
    named = fold(expand_shorthand(title)).lower().strip(" .")
    if holder and (named == holder or named.startswith(f"{holder} ") and len(named.split()) <= len(holder.split()) + 2):
        return True
    said = fold(expand_shorthand(f"{heading} {_UNIT_MARKER.sub('', unit, count=1)[:120]}")).lower()
    # 'Trách nhiệm của <holder>', or '<holder> có sản phẩm được cấp Giấy chứng nhận có trách nhiệm:'
    return bool(re.search(rf"\b{_DUTY}(?: va \w+ \w+)? cua {re.escape(holder)}\b|"
                          rf"\b{re.escape(holder)}\b[^:;.]{{0,80}}\bco {_DUTY}\b", said)) or addresses(unit, holder)


def addresses(unit: str, holder: str) -> bool:
    """Whether a unit gives the holder its duties in a line of its own, as a plan does ('Đối với UBND các huyện, thị
    xã: Căn cứ Kế hoạch …, xây dựng …')."""
    said = fold(expand_shorthand(_UNIT_MARKER.sub("", unit, count=1))).lower().lstrip()
    return bool(re.match(rf"doi voi {re.escape(holder)}(?:,[^:;.]{{0,30}})?:", said))


_HOW_MANY = re.compile(r"\b(?:bao nhieu|how many)\s+(\w+)")


# 'phải đạt điểm bình quân tối thiểu bao nhiêu?' counts points ('điểm a' is a point of a khoản); folded.
POINTS_ASKED = re.compile(r"\bdiem (?:binh quan|trung binh|toi thieu|san|chuan)\b[^?]{0,40}\bbao nhieu\b|"
                          r"\b(?:what|which) (?:minimum |average |passing |total )+score\b|\bhow many points\b")


# 'chỉ tiêu số mẫu thiết kế mới', 'mục tiêu số lượt doanh nghiệp': a target is a count of what follows 'số', or of
# what follows 'về' when the question asks how many ('mục tiêu về mẫu thiết kế mới … là bao nhiêu'); folded.
TARGET_COUNT = re.compile(r"\b(?:chi tieu|muc tieu) (?:ve )?"
                          r"(?:so (?:luong )?(?!hoa\b)|(?<=ve )(?=\w+ [^?]*\bbao nhieu\b))(\w+)")


def asked_nouns(question: str) -> set[str]:
    """The first word of what a 'bao nhiêu …' / 'mấy …' / 'how many …' question counts, folded, an English one put
    into Vietnamese ('how many regions' -> {'khu'}); empty when none is named."""
    few = re.search(r"(?<!\w)mấy\s+(\w+)", nfc(question).lower())  # unaccented 'may' is as often a machine
    found = _HOW_MANY.search(fold(question).lower())
    if POINTS_ASKED.search(fold(question).lower()):
        return {"diem"}  # 'điểm bình quân tối thiểu bao nhiêu?': a number of points
    if not found and (target := TARGET_COUNT.search(fold(question).lower())):
        return {target.group(1)}
    if not found:
        return {fold(few.group(1))} if few else set()
    if not found.group(0).startswith("how"):
        return {found.group(1)}
    gloss = re.search(r"\(([^)]*)\)\s*$", expand_english(f"how many {found.group(1)}"))
    return {fold(term).split()[0] for term in gloss.group(1).split("; ")} if gloss else set()


# 'bao nhiêu lớp truyền nghề': the counted noun and the word that says which kind ('lớp truyền', not 'lớp tập'); folded.
_HOW_MANY_KIND = re.compile(r"\b(?:bao nhieu|may)\s+(\w+ \w+)")


def asked_kind(question: str) -> str:
    """The counted noun and its next word of a 'bao nhiêu …' question, folded ('lop truyen'); '' if none."""
    found = _HOW_MANY_KIND.search(fold(question).lower())
    return found.group(1) if found else ""


def counted_kinds(text: str) -> frozenset[str]:
    """A text's counted nouns with their next word, folded ('625 lớp truyền nghề' -> {'lop truyen'})."""
    return frozenset(fold(" ".join(said[:2])) for share, said in _counted_words(text) if not share and len(said) >= 2)


def _head(body: str) -> str:
    """A body's first two words, folded ('Hội đồng bình chọn …' -> 'hoi dong')."""
    return " ".join(fold(body).split()[:2])


# Each adjacent pair of question terms a unit also has side by side adds this much to its coverage (dev 1058: 0.0
# gave lead 0.806, 0.03 0.815, 0.05 0.816, 0.1 0.803)
PAIR_BONUS = 0.05


# A bound is said either way ('tối đa 70%', 'không quá 70%'): a unit saying 'không quá' holds 'tối đa' when that is
# asked ('qua' alone, 'không' being an asking word, would be any 'thông qua')
_MOST = ("toi", "da")
_NO_MORE = re.compile(r"\bkhong qua\b")


class TermScorer:
    """Scores units by the inverse-document-frequency mass of question terms they contain (and term pairs)."""

    def __init__(self, chunk_texts: list[str]):
        frequency = Counter()
        for text in chunk_texts:
            frequency.update(set(content_terms(text)))
        self.size = max(len(chunk_texts), 1)
        self.idf = {term: math.log(1 + self.size / count) for term, count in frequency.items()}

    def weight(self, term: str) -> float:
        """IDF of a folded term (unknown terms weigh most)."""
        return self.idf.get(term, math.log(1 + self.size))

    def known(self, term: str) -> bool:
        """Whether the corpus uses the folded term at all."""
        return term in self.idf

    def coverage(self, question_terms: tuple[str, ...], unit: str, heading: frozenset[str] = frozenset(),
                 known_only: bool = False, power: float = 1.0, local: dict[str, float] | None = None,
                 topic: tuple[str, ...] = ()) -> float:
        """Share of the question's term weight (IDF to `power`) found in the unit (half for terms only in its
        heading), plus a bonus for each adjacent pair of question terms the unit also has side by side. `topic`: the
        terms of the unit's document title, which the unit holds as if it said them. `known_only`:
        words the corpus never uses (an English question's own words, a misspelling) are left out, since no unit can
        hold them; the scope judge keeps them, since they are what makes a question foreign."""
        if not question_terms:
            return 0.0
        terms = content_terms(unit)
        pairs = set(zip(question_terms, question_terms[1:], strict=False))
        present = set(terms) | set(topic)
        if _MOST in pairs and _NO_MORE.search(fold(unit)):
            present |= set(_MOST)
        wanted = {t for t in question_terms if self.known(t)} if known_only else set(question_terms)
        local = local or {}

        def weigh(term: str) -> float:
            return self.weight(term) ** power * local.get(term, 1.0)
        total = math.fsum(weigh(t) for t in wanted)
        matched = math.fsum(weigh(t) for t in wanted & present)
        matched += 0.5 * math.fsum(weigh(t) for t in (wanted & heading) - present)
        held = set(zip(terms, terms[1:], strict=False)) | set(zip(topic, topic[1:], strict=False))
        bonus = PAIR_BONUS * len(pairs & held)
        return matched / total + bonus if total else 0.0

    def pair_coverage(self, question: str, chunks: list[str]) -> float:
        """Best share of the question's adjacent term pairs ('nhà ở', 'lãi suất') found together in one unit:
        common words spread over a passage cover a question's terms, only its topic covers its phrases."""
        terms = content_terms(DOC_NUMBER.sub(" ", question))
        pairs = set(zip(terms, terms[1:], strict=False))
        if not pairs:
            return 0.0
        best = 0.0
        for text in chunks:
            for unit in split_units(text):
                unit_terms = content_terms(unit)
                best = max(best, len(pairs & set(zip(unit_terms, unit_terms[1:], strict=False))) / len(pairs))
        return best


# How much naming the asked year, or only another, moves a unit ('… năm 2024?': the 2024 plan's targets, not the
# 2020 plan's; dev 1148: 0 gave lead 0.828, 0.3 0.829, 0.6 0.830, 1.0 0.829).
YEAR_WEIGHT = 0.6


# A document's number with the year or date it was signed ('Quyết định 2646/QĐ-BCT năm 2025', 'Thông tư
# 46/2012/TT-BCT ngày 28 tháng 12 năm 2012'): that year is the document's, not one asked of.
_SIGNED = re.compile(_DATED_DOCUMENT.pattern + r"(?:\s+(?:năm|nam)\s+(?:19|20)\d{2}\b)?", re.IGNORECASE)
# 'được tạm ứng mấy phần trăm?' asks a share: 'phần trăm' is how it is asked, no word the answer's unit must hold
_ASKED_SHARE = re.compile(r"\b(?:bao nhiêu|bao nhieu|mấy|may|bn)\s+(?:phần trăm|phan tram)\b", re.IGNORECASE)


# What the asker says they are not ('công ty tư nhân, không phải trung tâm khuyến công nhà nước, …'): words no unit
# answering them need hold, though a unit about that other thing holds them all
# (an entity, not a verb: 'không phải hoàn trả' is no need to repay; nor a condition: 'không thuộc đối tượng')
_DENIED = re.compile(r"\b(?:chứ |chu )?(?:không|khong|ko) (?:phải|phai|thuộc|thuoc)(?: là| la)?\s+"
                     r"(?:(?:hệ thống|he thong) )?(?:trung tâm|trung tam|doanh nghiệp|doanh nghiep|hợp tác xã|"
                     r"hop tac xa|htx|hộ kinh doanh|ho kinh doanh|tổ chức|to chuc|công ty|cong ty|đơn vị|don vi)\b"
                     r"[^,?;.]{0,60}?(?=\s*(?:,|\bthì\b|\bthi\b|\bvậy\b|\bvay\b|\bnhưng\b|\bnhung\b|[?;.()]|$))",
                     re.IGNORECASE)


# Words that open a denied phrase without naming it ('không thuộc hệ thống trung tâm …')
_DENIED_FILLER = {"he", "thong", "mot", "cac", "nhung", "loai", "dang", "la"}
DENIED_WEIGHT = 1.0
# How much a rule on those outside a category counts for an asker outside one ('tổ chức, cá nhân không thuộc Điều 7,
# Điều 8 …' for '… không thuộc trung tâm khuyến công nào …')
OUTSIDER_WEIGHT = 0.5
_OUTSIDE = re.compile(r"\bkhong thuoc (?:dieu|cac dieu|khoan)\b")  # a category the rules name by article


def denied_subject(question: str) -> str:
    """The first two words of what the asker says they are not ('trung tam' of '… không thuộc hệ thống trung tâm
    khuyến công …'), folded; '' when they deny nothing."""
    found = _DENIED.search(question)
    if not found:
        return ""
    terms = [t for t in content_terms(re.sub(r"^.*?(?:phải|phai|thuộc|thuoc)(?: là| la)?\s+", "", found.group(0)))
             if t not in _DENIED_FILLER]
    return " ".join(terms[:2]) if len(terms) >= 2 else ""


def opens_with(unit: str, subject: str) -> bool:
    """Whether a unit is about the subject, naming it first ('1. Trung tâm Khuyến công … là …')."""
    return bool(subject) and " ".join(content_terms(_UNIT_MARKER.sub("", unit, count=1))[:3]).startswith(subject)


# A unit opening with these goes on from the one before it
GOES_ON = re.compile(r"(?:Đồng thời|Ngoài ra|Bên cạnh đó)\b,?\s*", re.IGNORECASE)


def years_named(text: str) -> set[str]:
    """The years a text names ('năm 2024', '(kết quả 2020, định hướng 2021)'), not those of a document number or
    of the date it was signed."""
    return set(re.findall(r"(?<![/\d-])((?:19|20)\d{2})(?![/\d-])", _SIGNED.sub(" ", text)))


def _year_match(years: set[str], text: str) -> float:
    """1 when a text (a unit and its passage's context) names a year the question asks of, -1 when it names only
    others ('Kế hoạch … năm 2020' for '… năm 2024?'), 0 when it names none or the question none."""
    if not years:
        return 0.0
    named = years_named(text)
    return 1.0 if named & years else (-1.0 if named else 0.0)


def term_scorer(generation) -> TermScorer:
    """The term-weight scorer of a generation's chunks, built once per generation."""
    return generation.view("terms", lambda g: TermScorer([c.text for c in g.chunks]))


@dataclass
class Weights:
    """How the four signals of a unit's score are mixed (settings KC_EVIDENCE_*)."""

    dense: float
    focus: float
    type_match: float
    prior: float
    context: float = 0.0
    level: float = 0.0


# A unit is scored on the squared IDF of the question terms it holds: the rare words that name a topic ('sao chép',
# 'độc bản') outweigh the many common ones a whole passage shares (dev: lead 0.754 -> 0.759, answer 0.785 -> 0.792).
RARITY_POWER = 2.0
# A question term counts by how few of the candidate units hold it: one every unit holds keeps this share of its
# weight (dev 888: 1.0 -> lead 0.797, 0.5 -> 0.798, 0.25 -> 0.802, 0.1 -> 0.804, 0.0 -> 0.803).
LOCAL_FLOOR = 0.1


_GLOSSED = re.compile(r"\([^()]*\)")  # 'a civil servant (công chức)': the asker's own gloss
_ARTICLES = {"a", "an", "the"}
_ENGLISH_YES_NO = re.compile(rf"^\W*{ENGLISH_AUXILIARY}\b")
# 'là công chức hay viên chức?', 'năm chẵn hay năm lẻ?': two short alternatives, the second closing its clause;
# 'năm chẵn hay lẻ thế?': the particle closes the clause, no alternative. Not every closing particle: in a choice
# 'nửa' and 'V' are words ('toàn bộ hay một nửa?', 'loại IV hay loại V?')
_PARTICLE = r"(?:the|vay|a|nhi|nhe|ha)"
_CHOICE = re.compile(rf"(?P<before>(?:\w+ ){{1,3}})(?:hay|hoac|or) (?:la |theo |vao )?"
                     rf"(?P<after>\w+(?: (?!{_PARTICLE}\b)\w+)?)(?: {_PARTICLE})?\s*(?:[?,;.]|$)")
_NOT_CHOICE = {"khong", "ko", "chua", "k"}
# 'thuộc biên chế gì?', 'hình thức nào?': the noun just before the asking word names what the answer is
_WHAT_NOUN = re.compile(r"\b((?:\w+ )?\w+) (?:gi|nao)\b")
_NOT_NOUN = {"nhung", "cac", "la", "thuoc", "duoc", "theo", "ai", "nhu", "vao", "tu", "cho", "o", "thi", "ve", "va",
             "lam", "can", "phai", "gom", "truoc", "sau"}
# what asks for a kind of answer rather than naming it: 'cơ quan nào' is answered by 'Sở Công Thương'
_ANSWER_KINDS = {"co quan", "don vi", "ngay", "ho so", "giay to", "thu tuc", "van ban", "dieu kien", "tieu chi",
                 "noi dung", "cap", "hoat dong", "muc", "nghi dinh", "thong tu", "quyet dinh", "nghi quyet", "dieu",
                 "khoan", "nam", "truong hop"}
# The word before 'nào / gì' that belongs to the asking words ('thế nào', 'khi nào', 'lúc nào') or is the verb asked
# about ('hỗ trợ gì', 'nộp gì'): no noun is named
_ASKING_PART = {"the", "khi", "luc", "sao", "bao", "dau", "tro", "nop", "lam"}
WHAT_WEIGHT = 0.2  # a unit naming it (dev 2048: 0.1 +5 -4 before the answer kinds were left out; 0.2 +5 -0; 0.3 +6 -1)


# A bound the value is over, not the value itself ('trên 70%', 'tối thiểu 20%', 'từ 50 lao động trở lên').
FLOOR = re.compile(r"\b(trên|từ|tối thiểu|ít nhất|không dưới)\s*$")
# '… phải làm được bao nhiêu % rồi mới được ứng?', 'cần đạt khối lượng bao nhiêu?', '… tối thiểu là bao nhiêu?': the
# question asks the bound a case must pass, not the value granted once it does; folded ('mấy' only before a unit: not
# 'máy')
_HOW_MUCH_FOLDED = r"(?:bao nhieu|muc nao|may (?:nam|thang|ngay|lan|nguoi|ho|lao dong|thanh vien|bo|phan tram))"
_ASKS_FLOOR = re.compile(rf"\b(?:can|phai) (?:dat|lam duoc|thuc hien duoc|hoan thanh)\b.*\b{_HOW_MUCH_FOLDED}\b|"
                         rf"\b{_HOW_MUCH_FOLDED}\b.*\b(?:moi duoc|thi moi|roi moi|moi du)\b|"
                         rf"\b(?:toi thieu|it nhat) (?:la )?{_HOW_MUCH_FOLDED}\b|"
                         # 'for how long must production be stable', 'what share of households must …'
                         r"\b(?:how long|how many|what share|what percentage)\b[^?,]{0,30}\bmust\b|"
                         r"\b(?:minimum|at least)\b|"
                         # 'khi nào mới được tạm ứng?', '… được tạm ứng cần điều kiện gì?': what must be reached first
                         # (a plain 'khi nào thì được nghiệm thu?' asks when)
                         r"\b(?:khi nao|bao gio)(?: thi)? moi duoc\b|\b(?:khi nao|bao gio) thi duoc (?:tam )?ung\b|"
                         r"\b(?:duoc (?:tam )?ung|tam ung duoc)\b[^?]{0,60}?\b(?:can|phai co|voi) "
                         r"(?:nhung )?dieu kien\b")
FLOOR_WEIGHT = 0.6  # a unit stating a bound (dev 2138: 0.3 +0, 0.6 +1 -0, 1.0 +1 -0)


def asks_floor(question: str) -> bool:
    """Whether a question asks the bound a case must pass ('cần đạt khối lượng bao nhiêu thì được tạm ứng?')."""
    return bool(_ASKS_FLOOR.search(fold(question).lower()))


def floors(unit: str, answer_type: str) -> list[tuple[re.Match, str]]:
    """The values of the asked type a unit states as bounds, each with its bounding word; 'từ' bounds only with
    'trở lên' after the value ('từ 30% đến 50%' is a range)."""
    found = []
    # a question asking the condition itself ('cần điều kiện gì?') is met by a share or a number to pass
    for match in values_of(unit, answer_type if answer_type in TYPE_VALUES else "amount"):
        floor = FLOOR.search(unit[: match.start()][-25:])
        after = unit[match.end(): match.end() + 15]
        if floor and (floor.group(1) != "từ" or after.lstrip().startswith("trở lên")):
            found.append((match, floor.group(1)))
    return found


# '… tự mở lớp truyền nghề thì có được thu học phí không?': after the case it states, what a yes/no question asks
# may be done ('thu học phí'); folded
_PREDICATE_ASKED = re.compile(r"\bthi\s+(?:co\s+)?(?:duoc|phai|bi|can)\s+(?P<asked>(?:\w+\s+){1,6}?)"
                              r"(?:(?:cua|cho|voi)\s+(?:\w+\s+){0,3})?(?:khong|ko|k|chua)(?:\s+hay\s[^?]{1,40})?"
                              rf"(?:\s+{CLOSING_PARTICLES})*\W*$")  # '… ko hay phải dạy free ạ?'
PREDICATE_WEIGHT = 0.6  # a unit saying it (dev 2138: 0.6 +1 -0, 1.0 +1 -0)


# '… không còn đủ tiêu chí nữa thì có sao không?', 'làm sai thì bị gì?': what befalls a case, which a unit saying it
# is withdrawn or punished answers (the rules write the case, not the asking); folded
# ('xử lý thế nào' alone may ask how a thing is handled: 'sản phẩm chấm xong xử lý thế nào?'; 'còn cấp huyện thì sao?'
# asks what was asked before, of another case; 'có sao y bản chính' copies)
_CONSEQUENCE_ASKED = re.compile(r"\bco sao (?:khong|ko|k)\b|\bbi (?:gi|sao|xu ly)\b|\bwhat happens\b|"
                                r"\b(?:khong|ko) (?:con )?(?:dat|du|dap ung)\b[^?]{0,80}\bthi sao\b")
_CONSEQUENCE = re.compile(r"\b(?:thu hoi|bi xu ly|bi xu phat|truy cuu trach nhiem|hoan tra|boi thuong)\b")
CONSEQUENCE_WEIGHT = 0.6


def asks_consequence(question: str) -> bool:
    """Whether the question asks what befalls the case it states ('… thì có sao không?')."""
    return bool(_CONSEQUENCE_ASKED.search(fold(expand_shorthand(question)).lower()))


def says_consequence(unit: str) -> bool:
    """Whether the unit says what befalls a case: withdrawal, punishment, repayment."""
    return bool(_CONSEQUENCE.search(fold(unit).lower()))


# 'số lượng thành viên có yêu cầu gì?' asks what the rule on a number says ('là số lẻ'), not a list of criteria; read
# in lower case with its accents, since 'sở' (an agency, 'cơ sở') folds to 'so' as well
MEASURE_RULE = re.compile(r"(?<!cơ )(?<!co )\b(?:số|so) (?:lượng |luong )?(?P<noun>thành viên|thanh vien|người|nguoi|"
                          r"lớp|lop|lao động|lao dong|hộ|ho|cơ sở|co so|mẫu|mau|ảnh|anh)\b(?! (?:của|cua)\b)"
                          r"[^?]{0,30}?\b(?:yêu cầu|yeu cau|quy định|quy dinh)\b")
MEASURE_WEIGHT = 0.6  # a unit stating the number of the asked noun
# '… được tạm ứng bao nhiêu?', '… tạm ứng được mấy phần trăm?': an advance's share, which a support level is not
_PAYMENT_ASKED = re.compile(r"\b(tam ung|ung truoc)\b(?: \w+){0,3}? (?:bao nhieu|may phan tram|muc nao)\b")
# 'What is the maximum advance payment …?', 'how much can be advanced': the advance ('tạm ứng') in English
# ('advanced machinery' is a machine's kind, not an advance)
_ENGLISH_PAYMENT_ASKED = re.compile(r"\b(?:maximum|how much|what share|what percent(?:age)?)\b[^?]{0,40}"
                                    r"\badvance(?:s|d)?\b(?!\s+(?:technolog|machin|equipment|production))")
PAYMENT_WEIGHT = 0.3  # a unit (or its heading) naming the payment whose amount is asked


# An advance is paid in instalments ('Tạm ứng kinh phí lần một', 'Tạm ứng kinh phí còn lại'): a question saying
# which ('tạm ứng lần đầu', 'tạm ứng nốt', 'phần còn lại', 'đợt 2') asks that one
_ADVANCE = re.compile(r"\b(?:tam ung|ung truoc|advance)\b")
_FIRST_ASKED = re.compile(r"\b(?:(?:lan|dot) (?:dau|mot|1|thu nhat)|first)\b")
_REST_ASKED = re.compile(r"\b(?:con lai|(?:lan|dot) (?:thu )?(?:hai|2|sau|cuoi)|tiep|remaining)\b")
_FIRST, _REST = "lan mot", "con lai"
INSTALMENT_WEIGHT = 0.3  # dev 3128: 0.3 +2 -0, 1.0 +2 -1


def asked_instalment(question: str) -> str:
    """Which instalment of an advance the question asks ('lan mot' or 'con lai', as the rules' titles say), folded;
    '' when it asks of no advance."""
    folded = fold(question)
    if not _ADVANCE.search(folded):
        return ""
    # 'nốt' (the rest) only with its accent: unaccented or English 'not' says nothing of instalments
    if _REST_ASKED.search(folded) or re.search(r"\bnốt\b", nfc(question).lower()):
        return _REST
    return _FIRST if _FIRST_ASKED.search(folded) else ""


def says_instalment(title: str, instalment: str) -> float:
    """-1 when an article's title names an instalment of an advance other than the asked one, else 0 (naming the
    asked one says no more than a rule on advances naming none: 'Riêng mức tạm ứng … không quá 70%')."""
    folded = fold(title)
    named = {name for name in (_FIRST, _REST) if f"tam ung kinh phi {name}" in folded}
    return -1.0 if named and instalment and instalment not in named else 0.0


def asked_payment(question: str) -> str:
    """The payment whose amount the question asks ('tam ung', 'ung truoc'), folded; '' when none."""
    folded = fold(question)
    if found := _PAYMENT_ASKED.search(folded):
        return found.group(1)
    return "tam ung" if _ENGLISH_PAYMENT_ASKED.search(folded) else ""


def asked_measure(question: str) -> str:
    """The noun whose number the question asks the rule on ('thanh vien' of 'số thành viên có quy định gì?'), folded;
    '' when none."""
    found = MEASURE_RULE.search(nfc(question).lower())
    return fold(found.group("noun")) if found else ""


def states_measure(unit: str, noun: str) -> bool:
    """Whether the unit speaks of the number of `noun` ('Số lượng thành viên của Ban Giám khảo là số lẻ')."""
    said = spaced(unit)
    return f" so {noun} " in said or f" so luong {noun} " in said


def asked_predicate(question: str) -> tuple[str, ...]:
    """The terms of what a yes/no question asks may be done in the case it states ('thu hoc phi'); () if none."""
    question = expand_shorthand(question)
    if not is_unaccented(question) and not re.search(r"(?<!\w)thì(?!\w)", question.lower()):
        return ()  # 'Hội thi …' folds to 'thi' too: the accented 'thì' states the case
    found = _PREDICATE_ASKED.search(fold(question))
    return content_terms(found.group("asked")) if found else ()


def says_predicate(unit: str, asked: tuple[str, ...]) -> float:
    """The share of the asked predicate's adjacent pairs the unit says in order, a word apart at most ('thu tiền học
    phí' says 'thu học phí'); its term alone for a predicate of one."""
    terms = content_terms(unit)
    if len(asked) == 1:
        return float(asked[0] in terms)
    pairs = set(zip(asked, asked[1:], strict=False))
    said = set(zip(terms, terms[1:], strict=False)) | set(zip(terms, terms[2:], strict=False))
    return len(pairs & said) / len(pairs) if pairs else 0.0


# '… khác nhau thế nào về chu kỳ tổ chức?': the aspect a question ends by naming, in lower case (not 'về Bộ Công
# Thương', a direction), its first two words
_ASPECT = re.compile(r"\b(?:về|ve) (\w+(?: \w+)?)(?: \w+){0,2}\s*[?.]?\s*$", re.IGNORECASE)


def asked_noun(question: str) -> str:
    """The noun a 'X gì / X nào' question asks for, or else the aspect it ends by naming ('… về chu kỳ tổ chức?'),
    folded ('bien che' of 'thuộc biên chế gì?'); '' when none."""
    return _what_noun(question) or _aspect(question) or _english_noun(question)


# 'Which product groups can …', 'What documents must …': the English noun asked for, before its verb
_ENGLISH_WHAT = re.compile(r"^\W*(?:which|what)\s+((?:[a-z]+\s+){0,2}?[a-z]+)\s+(?:can|are|is|do|does|must|should|"
                           r"may|will|fall|belong|count)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def _english_noun(question: str) -> str:
    """The corpus's word for the noun an English 'which X …' question asks for ('nhom san pham' of 'Which product
    groups …'), folded; '' when the glossary has none. Cached: the glossary lookup is slow and a question of
    several parts is ranked once per part."""
    found = _ENGLISH_WHAT.match(question) if asked_in_english(question) else None
    terms = english_terms(f"which {found.group(1)}") if found else []
    return fold(terms[0]) if terms else ""


def _aspect(question: str) -> str:
    found = _ASPECT.search(nfc(question))
    noun = fold(found.group(1)) if found and found.group(1)[0].islower() else ""
    if not noun or noun in _ANSWER_KINDS or any(w in _NOT_NOUN | _ASKING_PART | _ANSWER_KINDS for w in noun.split()):
        return ""  # 'về hồ sơ', 'về nhà được không'
    return noun


def _what_noun(question: str) -> str:
    found = _WHAT_NOUN.search(fold(question))
    if not found:
        return ""
    words_before = found.group(1).split()
    if words_before[-1] in _NOT_NOUN or words_before[-1] in _ASKING_PART:  # 'những gì', 'là gì', 'thế nào'
        return ""
    while words_before and words_before[0] in _NOT_NOUN:
        words_before = words_before[1:]
    noun = " ".join(words_before)
    return "" if noun in _ANSWER_KINDS or noun.split()[-1] in _ANSWER_KINDS else noun


CHOICE_WEIGHT = 1.0  # a unit deciding between them (dev 1958 with the parts changes: 0.5 +2 -1, 1.0 +4 -1)


def _english_choice(question: str) -> tuple[str, str] | None:
    """'Is … a civil servant or a public employee?': the corpus's words for the phrase just before 'or' and for the
    whole clause after it (articles aside), folded; None when the question opens with no auxiliary or either side is
    no glossary phrase ('Can enterprises or cooperatives receive support?' asks no choice)."""
    before, joint, after = _GLOSSED.sub(" ", nfc(question).lower()).rpartition(" or ")
    if not joint or not _ENGLISH_YES_NO.match(before):
        return None  # 'Where do projects get priority for land allocation or land lease?' asks no choice
    said = words(before)[-4:]
    first = next((TERMS[phrase] for n in range(len(said)) if (phrase := " ".join(said[n:])) in TERMS), None)
    second = TERMS.get(" ".join(w for w in words(re.split(r"[?,;.]", after)[0]) if w not in _ARTICLES))
    return (fold(first), fold(second)) if first and second and first != second else None


def asked_choice(question: str) -> tuple[str, str] | None:
    """The two alternatives of 'A hay B?' (or of an English 'A or B?'), folded, as many words each; None when none
    ('… không hay …')."""
    if asked_in_english(question):
        return _english_choice(question)
    found = _CHOICE.search(fold(question).lower())
    if not found:
        return None
    after = found.group("after").split()
    before = found.group("before").split()[-len(after):]
    if before[-1] in _NOT_CHOICE or len(before) < len(after):
        return None
    while len(after) > 1 and before[0] == after[0]:  # 'theo địa bàn hay theo ngành nghề' differ after 'theo'
        before, after = before[1:], after[1:]
    return " ".join(before), " ".join(after)


def _naming(noun: str, units: list[str]) -> list[bool]:
    """Which units name the asked noun; none when every one does, since then it tells none apart."""
    named = [bool(noun) and f" {noun} " in spaced(unit) for unit in units]
    return named if not all(named) else [False] * len(named)


def spaced(text: str) -> str:
    """A text's words, folded, between spaces: a phrase is found whole with f' {phrase} ' in it."""
    return " " + " ".join(fold(w) for w in words(text)) + " "


def picks_one(unit: str, choice: tuple[str, str] | None) -> float:
    """1 when the unit names exactly one of the question's alternatives (it decides between them)."""
    if not choice:
        return 0.0
    said = spaced(unit)
    return float(sum(f" {alternative} " in said for alternative in choice) == 1)


def referenced_text(unit: str, chunk_id: str, lookup) -> str:
    """What the điểm of its own article a unit points to says ('b) Hội thi sản phẩm thủ công Việt Nam.' for '… đối
    với nội dung quy định tại điểm b khoản 2 Điều này'); '' when it points to none. `lookup`: chunk id -> chunk or
    None."""
    # a whole khoản pointed to says too much: 'phải đạt tiêu chí … tại khoản 3 Điều này' is no list of those criteria
    pointed = next((ref for ref in references_within_article(unit, chunk_id) if ref.point), None)
    clause = lookup(pointed.clause_id) if pointed else None
    if clause is None:
        return ""
    cut = lookup(pointed.point_id)
    return cut.text if cut is not None else next(
        (u for u in split_units(clause.text) if u.startswith(f"{pointed.point})")), "")


class EvidenceRanker:
    """Ranks every unit of the retrieved chunks for one question of a known answer type."""

    def __init__(self, generation, weights: Weights):
        self.lookup = generation.chunk
        self.terms = term_scorer(generation)
        self.vectors = generation.unit_vectors()
        self.weights = weights

    def rank(self, question: str, answer_type: str, question_vector: np.ndarray | None, chunks: list,
             priors: list[float], context: str = "") -> list[Evidence]:
        """Every unit of `chunks` (records with id, text, article_title), best first. `context`: the other parts of
        a question of several, whose terms count a little ('… khiếu nại và hội đồng giải quyết trong bao lâu?')."""
        w = self.weights
        mix = {"dense": w.dense, "coverage": w.focus, "typed": w.type_match, "prior": w.prior, "role": ROLE_WEIGHT,
               "agent": AGENT_WEIGHT, "other_level": -w.level, "context": w.context, "noun": NOUN_WEIGHT,
               "year": YEAR_WEIGHT, "holder": AGENT_WEIGHT, "recipient": AGENT_WEIGHT,
               "choice": CHOICE_WEIGHT, "what": WHAT_WEIGHT, "floor": FLOOR_WEIGHT,
               "predicate": PREDICATE_WEIGHT, "measure": MEASURE_WEIGHT, "payment": PAYMENT_WEIGHT,
               "instalment": INSTALMENT_WEIGHT, "denied": -DENIED_WEIGHT, "outsider": OUTSIDER_WEIGHT,
               "consequence": CONSEQUENCE_WEIGHT}
        found = [Evidence(i, unit, math.fsum(mix[k] * v for k, v in signal.items()), heading)
                 for i, unit, heading, signal in self.signals(question, answer_type, question_vector, chunks, priors,
                                                              context)]
        return sorted(found, key=lambda e: -e.score)

    def signals(self, question: str, answer_type: str, question_vector: np.ndarray | None, chunks: list,
                priors: list[float], context: str = "") -> list[tuple[int, str, str, dict[str, float]]]:
        """Each unit's chunk index, text, khoản heading and the signals its score mixes."""
        question_terms = content_terms(_DENIED.sub(" ", _ASKED_SHARE.sub(" ", _SIGNED.sub(" ", question))))
        context_terms = tuple(t for t in content_terms(_SIGNED.sub(" ", context)) if t not in question_terms)
        every = [(i, unit) for i, chunk in enumerate(chunks) for unit in split_units(chunk.text)]
        # 'Đồng thời, tổ chức 625 lớp …' goes on from the unit before it ('Thống kê kết quả 10 năm …'), whose terms
        # it holds as a heading's
        went_on = {(i, unit): before for (i, before), (j, unit) in zip(every, every[1:], strict=False)
                   if i == j and GOES_ON.match(unit)}
        candidates = [(i, unit) for i, unit in every if not _EDITORIAL.fullmatch(unit) and says_something(unit)] \
            or every
        similarity = self._similarity(question_vector, chunks, candidates)
        # A unit borrows (at half weight) the terms of its Điều title, or of its document and section for prose, and a
        # điểm those of its khoản heading ('Hội đồng bình chọn cấp quốc gia có …, bao gồm:' for 'a) Chủ tịch …').
        headings = [frozenset(content_terms(c.article_title or c.context or "")) for c in chunks]
        clause_headings = [getattr(c, "clause_heading", "") for c in chunks]
        anchors = sorted(set(question_terms), key=lambda term: (-self.terms.weight(term), term))[:3]
        asked = fold(question)
        # what 'bao nhiêu …' counts, before what the question itself counts ('Sau 10 năm …, bao nhiêu lớp …?')
        counted = self._asked_nouns(question, answer_type, candidates) or counted_nouns(question, answer_type)
        # 'bao nhiêu lớp truyền nghề': '625 lớp truyền nghề', not '137 lớp tập huấn', when a unit counts that kind
        kind = asked_kind(question) if counted else ""
        kind = kind if kind and any(kind in counted_kinds(unit) for _, unit in candidates) else ""
        levels = levels_named(_LIKE_LEVEL.sub(" ", fold(question)))  # '… cấp quốc gia cũng … như cấp tỉnh': national
        role = asked_role(question)
        years = years_named(question)
        holder = asked_holder(question)
        bounded = asks_floor(question)
        predicate = asked_predicate(question)
        consequence = asks_consequence(question)
        measure = asked_measure(question)
        instalment = asked_instalment(question)
        denied = denied_subject(question)
        outside = bool(denied) and bool(re.search(r"\b(?:khong|ko) thuoc\b", fold(question)))
        payment = asked_payment(question) if answer_type in ("amount", "percent") else ""
        acts = asked_acts(question) if answer_type == "body" else []
        recipient = asked_recipient(question)
        choice = asked_choice(question)
        what = asked_noun(question)
        objects = asked_objects(question) if acts else []
        # a term every candidate holds tells none of them apart ('bình chọn sản phẩm … cấp khu vực' in a whole Điều)
        said = [set(content_terms(unit)) for _, unit in candidates]
        names_what = _naming(what, [unit for _, unit in candidates])
        local = {t: LOCAL_FLOOR + (1 - LOCAL_FLOOR) * (1 - sum(t in s for s in said) / len(said))
                 for t in set(question_terms)} if said else {}
        found = []
        # a unit says its document's topic without repeating it: 'Cấp tỉnh được tổ chức định kỳ …, thường vào năm lẻ'
        # is about 'bình chọn sản phẩm công nghiệp nông thôn tiêu biểu' as much as the unit that names it; an English
        # question's few Vietnamese terms name what it asks, and a title holds them all (dev: +3 -1)
        by_topic = not asked_in_english(question)
        titles = [content_terms(getattr(c, "title", "") or "") if by_topic else () for c in chunks]
        for (i, unit), dense, says_what in zip(candidates, similarity, names_what, strict=True):
            heading = went_on.get((i, unit)) or heading_of(unit, chunks[i].text, clause_headings[i])
            # a rule on what another part of its article names holds that part's words as a heading's
            pointed = frozenset(content_terms(referenced_text(unit, chunks[i].id, self.lookup)))
            typed = typed_near(unit, answer_type, anchors, asked=asked) or 0.5 * bool(values_of(heading, answer_type))
            counts_asked = bool(counted & counted_nouns(unit, answer_type))
            if counted and not counts_asked:
                typed *= 0.5  # '5 lần một năm' is checked against a number of times, not of importers
            signal = {
                "dense": dense,
                "coverage": self.terms.coverage(question_terms, unit,
                                                headings[i] | frozenset(content_terms(heading)) | pointed,
                                                known_only=True, power=RARITY_POWER, local=local,
                                                topic=titles[i]),
                "typed": typed,
                "prior": priors[i],
                # "ai làm chủ tịch?" is answered where the office is given to someone
                "role": float(bool(role) and fills_role(unit, role)),
                "agent": float(bool(acts) and names_doer(unit, acts, objects)),
                "recipient": float(bool(recipient) and names_recipient(unit, recipient)),
                "choice": picks_one(unit, choice),
                "what": float(says_what),
                "noun": (KIND_SIGNAL if kind in counted_kinds(unit) else KIND_OTHER * counts_asked) if kind
                else float(counts_asked),
                "year": _year_match(years, f"{unit} {chunks[i].context or ''}"),
                "holder": float(bool(holder) and holds_duty(unit, heading, holder, chunks[i].article_title or "")),
                "floor": float(bounded and bool(floors(unit, answer_type))),
                "predicate": says_predicate(unit, predicate) if predicate else 0.0,
                "consequence": float(consequence and says_consequence(unit)),
                "measure": float(bool(measure) and states_measure(unit, measure)),
                "payment": float(bool(payment) and payment in fold(f"{heading} {unit}")),
                "instalment": says_instalment(chunks[i].article_title or "", instalment),
                "denied": float(opens_with(unit, denied)),
                "outsider": float(outside and bool(_OUTSIDE.search(fold(unit)))),
                # 'cấp tỉnh có mấy thành viên?' is not answered by the national council's size
                "other_level": float(bool(levels and (named := levels_named(f"{heading} {unit}"))
                                          and not named & levels)),
                "context": self.terms.coverage(context_terms, unit, known_only=True, power=RARITY_POWER)
                if context_terms else 0.0,
            }
            found.append((i, unit, heading, signal))
        return found

    @staticmethod
    def _asked_nouns(question: str, answer_type: str, candidates: list[tuple[int, str]]) -> set[str]:
        """What 'mấy bộ' / 'how many regions' counts, folded ({'bo'}, {'khu'}), when some unit counts it: a word no
        unit counts with ('mấy người' of '07 thành viên') says nothing of which unit answers."""
        nouns = asked_nouns(question) if answer_type == "count" else set()
        if nouns and any(nouns & counted_nouns(unit, "count") for _, unit in candidates):
            return nouns
        return set()

    def _similarity(self, question_vector, chunks: list, candidates: list[tuple[int, str]]) -> list[float]:
        """Cosine of each unit's passage vector with the question's, min-max scaled over the candidates (0 for a
        unit without a vector, e.g. in a generation built before unit vectors existed)."""
        if question_vector is None:
            return [0.0] * len(candidates)
        raw = []
        for i, unit in candidates:
            vector = self.vectors.get((chunks[i].id, unit))
            raw.append(float(np.dot(vector, question_vector)) if vector is not None else None)
        known = [r for r in raw if r is not None]
        if not known:
            return [0.0] * len(candidates)
        low, high = min(known), max(known)
        return [0.0 if r is None else ((r - low) / (high - low) if high > low else 1.0) for r in raw]
