"""Question analysis: what is asked (the answer type), the focus phrase, and the facts the user states (slots)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date

from assistant.answer.evidence import DOC_NUMBER, MEASURE_RULE, POINTS_ASKED, TARGET_COUNT
from assistant.domain.eligibility import LONG_AGO, match_sector, trade_named
from assistant.search.glossary import activity_of, is_english
from assistant.search.references import parse_references, quoted_phrases
from assistant.text import CLOSING_PARTICLES, blank, fold, nfc, unfolded_asker

# Answer types, in the order they are tried: the first whose pattern matches the accent-folded question wins.
TYPES = ("validity", "document", "comparison", "eligibility", "date", "duration", "count", "amount", "body", "list",
         "procedure", "criteria", "definition", "yes_no", "fact")

# 'ai' (who) asks, unless it is 'chưa ai' / 'không ai' (nobody); accent-folded.
WHO_FOLDED = r"(?<!chua )(?<!khong )ai"
# 'Khi xét các đề án …, thì đề án nào được ưu tiên?': a scene naming many, then a clause asking one ('thì' opening it,
# not the 'thị xã', 'thi đua' it folds like); 'Khi …, thì cần những giấy tờ nào?' lists. Accent-folded.
_SCENE_ASKS_ONE = re.compile(r"^(?:khi|neu|truong hop)\b.*\bthi\s+(?!xa|tran|truong|cong|dua|diem|hanh|sinh)"
                             r"(?:(?!\b(?:nhung|cac|gom)\b)[^?])*\bnao\b")
_PATTERNS = {
    "validity": r"\b(con hieu luc|het hieu luc|con ap dung|con dung duoc|in force|still valid|"
                r"(thay the|sua doi|bai bo) (nhung |cac )?(van ban|nghi dinh|thong tu|quyet dinh) nao|replaces?|"
                r"repeal)\b",
    "document": r"\b(quyet dinh|nghi dinh|thong tu|nghi quyet|cong van|van ban) (nao|so may|so bao nhieu)\b|"
                # 'Nghị quyết của HĐND tỉnh … quy định mức chi … là số mấy?': the document's số hiệu
                r"^\W*(quyet dinh|nghi dinh|thong tu|nghi quyet|cong van)\b[^?]*\bla so (may|bao nhieu|hieu)\b|"
                # ('Which Ministry of Finance circular …' asks a circular, not a ministry)
                r"\bwhich (?:(?:ministry|of|finance|industry|and|trade|government|prime|minister'?s?|provincial|"
                r"national|amending|implementing|guiding|joint|later|new|earlier)\s+){0,6}"
                r"(decision|decree|circular|resolution|document)s?\b|"
                # 'What is the number and date of the … resolution that …?'
                r"\b(?:what is|what's|give) the (?:number|reference)(?: and date)? of (?:the |a )?"
                r"(?:(?!\b(?:of|under|by|in|for)\b)[^?]){0,60}?"
                r"\b(decision|decree|circular|resolution|official letter)\b",
    "comparison": r"\b(so sanh|so voi|khac nhau|khac gi|compare|difference)\b|\bva\b.{3,60}\bmoi (ben|cap|loai)\b|"
                  # not 'chạm khắc … ở chỗ nào', nor 'các cơ sở khác được hỗ trợ ở những điểm nào'
                  r"(?<!cham )\bkhac\b(?! (?:duoc|da|se|co|phai|can|to chuc|thi)\b).{3,80}\b(?:o|tai) "
                  r"(?:nhung )?(?:cho|diem) (?:nao|gi)\b",
    "date": r"\b(ngay nao|ngay bao nhieu|(?<!so )(?<!ky )nam nao|thang nao|which year|what year|khi nao|bao gio|"
            r"luc nao|thoi diem nao|han (chot|gui|nop|cuoi)|truoc ngay|"
            r"(?:nhung|cac) moc(?: thoi gian| ngay)? nao|moc (?:thoi gian|ngay) nao|"  # not 'nghề mộc nào'
            r"cham nhat|ky ngay|ngay ky|ban hanh ngay|ngay ban hanh|co hieu luc (tu )?(khi nao|ngay)|by when|what date|"
            r"deadline|by what date)\b|^\W*when\b|[,;]\s*(?:and\s+)?when\b|"  # not 'when they enter …'
            # 'Hạn đơn vị gửi hồ sơ …'
            r"^\W*han (?!muc\b|che\b)(?:de )?(?:\w+ ){0,4}?(?:gui|nop|bao cao|dang ky|(?<!chuong )(?<!quy )trinh)\b"
            r"(?!.*\b(?:bao lau|may ngay|bao nhieu ngay)\b)",
    "duration": r"\b(bao lau|may (nam|thang|ngay)|trong bao lau|thoi han|thoi gian (la )?bao|"
                r"bao nhieu (nam|thang|ngay)|how long|dinh ky bao lau|bao lau mot lan|how often)\b",
    "count": r"\b(bao nhieu|may) (thanh vien|nguoi|lop|co so|tinh|cuoc|de an|diem|luot|mau|gian hang|nhom|linh vuc|"
             r"pho|phong|lan|doanh nghiep|hop tac xa|cum|san pham|ho|lao dong|nhiem vu|noi dung|hang muc|loai|bo|"
             r"ban|anh|tam|cai|chiec|chi nhanh|buoc|khu vuc|cap)\b"
             r"(?! (?:nay|do|ay|kia)\b)|"  # 'mấy người này' are these people
             # 'về số thành viên thế nào' ('cơ sở lần đầu …' folds to 'so lan' too)
             r"(?<!co )\bso (thanh vien|nguoi|lop|co so|de an|luot|lan)\b.*\b(the nao|ra sao|bao nhieu)\b|"
             r"\bhow many\b|" + POINTS_ASKED.pattern + "|" + TARGET_COUNT.pattern + "|"
             # 'bao nhiêu nhà nhập khẩu': any noun counted, but money, shares, time and the words around a question
             r"\bbao nhieu (?!(?:tien|phan|trieu|ty|dong|kinh|chi|muc|phi|nam|thang|ngay|tuan|quy|la|thi|vay|the|a|"
             r"nhi|ha|cho|moi|mot|de|khi|va|voi|tu|den|so|lan|ko|khong|duoc|%)\b)[a-z]+\b",
    "amount": r"\b(bao nhieu|toi da|toi thieu|muc ho tro|muc chi|muc thuong|ty le|phan tram|bao nhieu tien|"
              r"how much|what share|what percentage|percent|rate|maximum|minimum|support level|ceiling|upper limit|"
              r"(?:the|a) cap)\b|"
              r"\bmuc\b(?! (?:tieu|dich|luc)\b).*\b(la gi|nhu the nao|ra sao)\b",  # 'mục tiêu' is no 'mức'
    "body": rf"(^|\s)((?<!nhung ){WHO_FOLDED}|"
            # 'theo những cấp nào' lists levels; 'cấp nào phê duyệt' asks who
            r"co quan nao|don vi nao|(?<!nhung )(?<!cac )cap nao|ben nao|bo nao|so nao|nguoi nao|o dau|ve dau|"
            r"den dau|di dau|who|"
            r"where(?!.*\bcomes? from\b)|"  # 'Where does the funding come from?' asks its sources
            r"which (body|agency|ministry|authority|office))(\s|\?|$)",
    # ('những … như thế nào' asks what they are like)
    "list": r"\b((?:nhung|cac) .*(?<!the )nao|gom nhung|nhung ai|bao gom|liet ke|nhung (\w+,? ){0,4}gi|"
            r"(?<!thong )ke (?:giup|ra|het|cho)(?: (?:minh|toi|em))? (?:cac|nhung)|gom (nhung )?gi|list|"
            r"(?:which|what) (?:\w+ )?(activities|trades|sectors|industries|costs|expenses|items|contents|groups|tasks|"
            r"duties|components)|(?:which|what) (?:\w+ ){0,4}(?:schemes|projects)|comes? from|"
            r"(?:which|what) (?!happens\b)(?:\w+ ){0,3}(?:sources|channels|kinds|types|goals|objectives|aims))\b",
    "procedure": r"\b(ho so|thu tuc|trinh tu|giay to|quy trinh|(?<!theo )cach (nao|lam)|lam (sao|the nao) de|nop o dau|"
                 r"how (do|can) i|what documents|procedure|apply)\b",
    "criteria": r"\b(dieu kien|tieu chi|yeu cau|tieu chuan|criteria|conditions?|requirements?)\b",
    # 'What is the legal status of …?' asks a property of a thing, not what the thing is
    "definition": r"\b(la gi|duoc hieu (la|the nao)|nghia la|khai niem|meaning|"
                  # not a property of something named ('What are Hanoi's 2024 targets …?')
                  r"what (?:is|are)(?! the (?!meaning|definition)(?:\w+ ){1,3}of\b)"
                  r"(?!\s+(?:\w+\s+){0,2}?(?:\w+'s|(?:19|20)\d\d)\b))\b",
    # English asks yes or no with its auxiliary first ('Does …?'); 'What does …?' asks what
    "yes_no": r"\b(co phai|phai khong|dung khong|duoc khong|co duoc|co \w+( \w+){0,6} khong|is it true)\b|"
              r"\bduoc \w+( \w+){0,6} khong\W*$|"  # '… thì được hỗ trợ tiền thuê gian hàng không?'
              r"^\W*(is|are|does|do|can|could|will|should|has|have|must|may)\b(?!.*\bor\b)",  # '… A or B?' asks which
}
_ELIGIBILITY = re.compile(r"\b(co duoc (?:xet )?(huong|ho tro|khuyen cong|nha nuoc ho tro)|"
                          r"duoc (huong|ho tro) (khuyen cong|chinh sach)|du dieu kien|thuoc (doi tuong|dien)|co thuoc|"
                          r"duoc khuyen cong|eligible|"
                          r"(duoc coi|duoc xem|duoc tinh) la (co so cong nghiep nong thon|doi tuong)|"
                          r"qualify|co nam trong)\b|"
                          # 'Can a large company get khuyến công support?' (support for what is another question)
                          r"^\W*(?:can|could|may|is|are) .{0,60}\b(?:get|receive|obtain|eligible for)\b"
                          r".{0,40}\bsupport\W*$")
_SUPPORT_HOW = re.compile(r"\bho tro\b.*\b(bao nhieu|the nao|ra sao|nhung gi|nhung khoan|toi da|muc)\b|"
                          r"\bho tro (?:gi|cai gi)\b|\b(how much|what support)\b")
# 'Hồ sơ tạm ứng của đề án hỗ trợ … gồm những gì?' asks for papers, whatever the đề án supports.
_PAPERS = re.compile(r"^\W*(ho so|chung tu|giay to|thu tuc)\b|"
                     # '… hỗ trợ đào tạo … thì hồ sơ tạm ứng lần một gồm những gì?'
                     r"\b(?:ho so|chung tu|giay to)(?: \w+){0,5} (?:bao )?gom (?:nhung )?(?:gi|nao)\b|"
                     # '… thì lúc tạm ứng phải nộp những gì?': what is handed in, not what is supported
                     r"\b(?:nop|gui|xuat trinh|chuan bi) (?:nhung )?(?:(?:loai )?(?:giay to|ho so|chung tu) )?"
                     rf"(?:gi|nao)(?:\s+{CLOSING_PARTICLES})*\s*[?.!]*\s*$")
# 'Nội dung chi hỗ trợ … gồm những khoản nào?' asks what is covered, not how much
_CONTENTS = re.compile(r"^\W*(?:cac |nhung )?noi dung\b")
_YES_NO_END = re.compile(r"(khong|chua|phai khong)\s*[?.!]*\s*$")
_YES_NO_CLAUSE = re.compile(r"\bco\b[^,;?.]{3,80}\b(?:khong|ko)\s*[,;]")
# The cues that can only ask for a definition win over every other type ('… được hiểu là ai?' asks what the term
# means, not who); 'là gì' stays in _PATTERNS, where it yields to the types before it.
_DEFINES = re.compile(r"\b(duoc hieu (la|the nao|nhu the nao)|dinh nghia|khai niem|"
                      # 'Đề án điểm là loại đề án như thế nào?' asks what the term means
                      r"la (?:loai|kieu) (?:\w+ ){0,3}?(?:nhu the nao|the nao|gi)|"
                      r"(?:nhu )?the nao (?:thi |moi )?(?:duoc )?(?:goi|coi|xem|hieu) la|the nao la|hieu the nao|"
                      # not 'which resolution defines …' (a document) nor 'how much … is defined' (an amount)
                      r"definition|how (?:does|do|is|are)\b[^?]{0,60}\bdefined?|"
                      # 'Who counts as a rural industrial establishment?' asks what the term covers, not a body
                      r"who (?:counts|count|qualifies|is considered|are considered|is regarded|are regarded) as)\b")
# 'Thế nào thì được gọi là làng nghề?': the term follows the cue.
_NAMED_AFTER = re.compile(r"\bthe nao (?:thi |moi )?(?:duoc )?(?:(?:goi|coi|xem|hieu) )?la\s+")
_ASKED_AFTER = re.compile(r"\b(gi|ai|khi nao|o dau|bao gio|bao lau)\b(?!.*\b(khong|ko|chua)\W*$)")
# A condition stated as no longer met ('làng nghề … không còn đạt tiêu chí thì …').
_FAILED = re.compile(r"\b(?:khong|ko) (?:con )?(?:dat|dap ung|du)\b.{0,50}\bthi\b|"
                     r"\b(?:no longer|fails? to|does not|doesn't) (?:meets?|satisf(?:y|ies)|fulfils?)\b")
# '… không lập hồ sơ quyết toán đúng thời hạn thì xử lý thế nào?': the case holds the value words ('thời hạn'); what
# is asked is how it is dealt with
_HANDLING_ASKED = re.compile(r"\bthi (?:bi |se |duoc )?(?:xu ly|giai quyet) (?:the nao|ra sao|sao|nhu the nao)\W*$")
_CASE_VALUES = ("date", "duration", "count", "amount")
# '… hồ sơ pháp lý chưa đầy đủ thì có được chọn … không?' states what the papers lack and asks something else.
_PAPERS_STATED = re.compile(r"\b(?:ho so|giay to|thu tuc)\b[^?]{0,60}?\bthi\b(?P<ask>[^?]*)")
# A question naming a level asks an amount even when phrased 'có được … không'.
_ASKS_AMOUNT = re.compile(r"\b(bao nhieu|toi da|muc|how much|what (?:share|percentage|proportion))\b")

_ENTITIES = (
    ("ho_kinh_doanh", r"ho kinh doanh|ho gia dinh|household"),
    ("hop_tac_xa", r"hop tac xa|htx|cooperative"),
    ("to_hop_tac", r"to hop tac"),
    ("doanh_nghiep_lon", r"doanh nghiep (?:(?:co )?quy mo )?lon|(?:cong ty|nha may|xi nghiep) (?:(?:co )?quy mo )?lon|"
                         r"tap doan|large (?:enterprises?|compan(?:y|ies)|firms?|business(?:es)?)|"
                         r"big compan(?:y|ies)"),
    ("doanh_nghiep_nho_va_vua", r"doanh nghiep nho va vua|doanh nghiep nho|doanh nghiep vua|dnnvv|sme|cong ty|"
                                r"doanh nghiep"),
)
_PLACES = (("phuong", r"(?<!dia )phuong|ward"), ("thi_tran", r"thi tran"), ("thi_xa", r"thi xa"),
           ("huyen", r"huyen|district"),
           ("xa", r"(?<!thi )(?<!hop tac )xa(?! hoi)|o que|nong thon|lang nghe|commune|village"))
_CITY_CLASS = re.compile(r"thanh pho loai (1|2|3|i{1,3})\b")
_YEARS_SINCE = re.compile(r"(\d{1,2}) nam")
# The date a ward was converted, said near it ('chuyển từ xã theo quyết định có hiệu lực ngày 1/7/2021'), not a
# company's founding date elsewhere in the question.
_CONVERTED_ON = re.compile(r"\b(?:chuyen|len phuong|hieu luc)\D{0,60}?\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
# 'phường này đã thành lập từ năm 1990', 'lên phường năm 2019': only the year of the conversion is said
_CONVERTED_IN = re.compile(r"\b(?:chuyen (?:doi )?tu xa|len phuong|phuong (?:nay|do) (?:da )?(?:duoc )?thanh lap)"
                           r"\D{0,45}?\bnam ((?:19|20)\d{2})\b")  # not a company's founding or a transfer's year
# 'kế hoạch khuyến công năm 2027', 'Năm 2025 Sở xây dựng kế hoạch khuyến công'
_PLAN_YEAR = re.compile(r"\bke hoach (?:khuyen cong )?(?:nam )?((?:19|20)\d{2})\b|"
                        r"\bnam ((?:19|20)\d{2})\b[^.?;]{0,30}\bke hoach\b")
_YEAR = re.compile(r"(?<![/\d])((?:19|20)\d{2})(?![/\d])")
# 'gồm' folds to 'gom' (gốm, pottery): the sector match must not see it.
_GOM = re.compile(r"\b(bao )?gồm\b", re.IGNORECASE)
# Without accents 'gom những gì' is 'gồm' all the same: pottery is 'gốm sứ', 'đồ gốm', 'làm gốm', not a list's 'gồm'.
_GOM_FOLDED = re.compile(r"\b(?:bao )?gom(?= (?:nhung|cac|co|nhieu|:)\b|\s*[:?]|$)")
_CLEANER = re.compile(r"san xuat sach hon|cleaner production")
# Words that ask rather than tell; stripped from the focus phrase.
_ASKING = re.compile(
    r"\b(xin hoi|cho (toi|minh|em) (hoi|biet)|toi muon biet|minh muon biet|vay|a|nhi|the|"
    rf"khong(?=\s*(?:[,;?.!]|$|{CLOSING_PARTICLES}\b))|co phai|phai khong|"
    r"la bao nhieu|(?:bao nhieu|may) phan tram|bao nhieu|la gi|the nao|nhu the nao|ra sao|khi nao|ngay nao|ai|"
    r"co quan nao|don vi nao|"
    r"nhung gi|gom nhung gi|gom nhung|nhung|nao|gi|co duoc|duoc|theo quy dinh|hien nay|hien tai)\b")


# The kinds of value a yes/no question may assert: an amount ('tới 90%'), a date ('từ ngày 21/5/2012'), a frequency or
# length ('hằng năm', '3 năm'), a count ('03 bộ'), a body ('do Bộ trưởng Bộ Công Thương phê duyệt', 'Bộ Công Thương là
# cơ quan …'); the one said last is checked.
_ASSERTED_BODY = (r"\b(?:do|(?<!chuong )(?<!to )trinh) (?:bo truong|thu tuong|chu tich|uy ban nhan dan|ubnd|giam doc|"
                  r"cuc truong|so(?! \d)|cuc|bo|chinh phu|hoi dong)\b|"
                  r"\b(?:bo|so|cuc|uy ban nhan dan|ubnd|chinh phu)\b[^,?]{0,40} la co quan\b|"
                  r"\btruc thuoc (?:bo|so|cuc|uy ban nhan dan|ubnd|chinh phu)\b")
_ASSERTED = (("amount", r"\d+(?:[.,]\d+)*\s*(?:%|(?:phan tram|trieu|ty)\b)"),
             # ('trước 30/6': a day and month; '1/3 khối lượng' is a share)
             ("date", r"\b\d{1,2}/\d{1,2}/\d{4}\b|\bngay \d{1,2} thang \d{1,2}\b|"
                      r"\b(?:truoc|sau|tu|den|ngay|han) \d{1,2}/(?:1[0-2]|0?[1-9])\b(?!/)"
                      r"(?! (?:kinh phi|so|tong|khoi luong|chi phi|gia tri)\b)"),
             ("frequency", r"\b(?:hang|moi) (?:nam|quy|thang)\b|\b\d+ (?:nam|thang|ngay)\b"),
             ("count", r"\b\d+ (?:bo|ban|lan|thanh vien|nguoi|tinh|diem|cap|khu vuc|nhom|pho|phong|chi nhanh|"
                       r"buoc|loai|lop|linh vuc|noi dung|tieu chi|nhiem vu)\b"),
             ("body", _ASSERTED_BODY))
_CHECK_TAG = re.compile(r"\b(dung khong|phai khong|co dung khong|dung chu|phai chu|co phai khong)\s*[?.!]*\s*$")
# 'Có phải UBND cấp huyện được tự quyết định … không?': a claim put up to be checked, the tag in front.
_CHECK_OPENING = re.compile(r"^\W*(?:(?:toi nghe noi|nghe noi)\W+)?co phai\b")


def checks_claim(question: str) -> bool:
    """Whether a question puts up a claim to be confirmed or denied ('… đúng không?', 'Có phải … không?')."""
    folded = fold(question)
    return bool(_CHECK_TAG.search(folded) or _CHECK_OPENING.search(folded))


def asserted_kinds(question: str) -> list[str]:
    """The kinds of value a yes/no question asserts, the one nearest its tag first ('… trước 30/6 hằng năm và chỉ cần
    nộp 1 bộ, đúng không?' -> count, frequency, date)."""
    folded, whole = fold(DOC_NUMBER.sub(" ", question)), fold(question)  # 'trước 30/6' reads as a number '30/6'
    found = sorted(((match.start() / max(len(text), 1), kind) for kind, pattern in _ASSERTED
                    for text in ((whole,) if kind == "date" else (folded,)) for match in re.finditer(pattern, text)),
                   reverse=True)
    return list(dict.fromkeys(kind for _, kind in found))


def asserted(question: str) -> str | None:
    """The kind of value a yes/no question asserts, to be checked against the text ('… phải không?'): the claim
    checked is the one nearest the tag ('… hằng năm do Giám đốc Sở phê duyệt phải không?' asserts who)."""
    return next(iter(asserted_kinds(question)), None)


@dataclass
class Intent:
    """What a question asks: its answer type, the phrase it is about, and the facts it states."""

    type: str
    focus: str
    slots: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The `intent` field of /api/ask."""
        return asdict(self)


# Who sets or decides something: '… do ai quyết định?', '… do cơ quan nào quy định?'; folded.
_WHO_SETS = re.compile(r"\b(?:do|boi) (?:ai|co quan nao|cap nao|don vi nao)\b|"
                       r"\b(?:ai|co quan nao|cap nao) (?:quyet dinh|quy dinh|ban hanh|phe duyet)\b")


# Where a question's last sentence starts, after the sentences telling the asker's case ('… của thôn. Nhà nước …').
_SENTENCE_START = re.compile(r"[.!?]\s+(?=\S)")


def _asked_sentence(folded: str) -> str:
    """The last sentence of a folded question: the one asking."""
    starts = [m.end() for m in _SENTENCE_START.finditer(folded.rstrip(" ?.!"))]
    return folded[starts[-1]:] if starts else folded


# 'máy cơ sở đang dùng' is the facility's machine: written with its accents it is no 'mấy cơ sở' (how many)
_MACHINE = re.compile(r"(?<!\w)máy(?!\w)", re.IGNORECASE)


def answer_type(question: str) -> str:
    """The answer type of a question (one of TYPES)."""
    folded = fold(_MACHINE.sub(r"_\g<0>", unfolded_asker(question)))
    if re.search(_PATTERNS["comparison"], folded):
        return "comparison"
    if activity_of(question) and _SUPPORT_HOW.search(folded) and not re.search(_PATTERNS["count"], folded) \
            and not years_in(question) and not _PAPERS.search(folded) and not _CONTENTS.match(folded):
        return "amount"  # 'muốn mua máy … được hỗ trợ thế nào' asks the level (a plan's year asks its targets)
    if defines := _DEFINES.search(folded):
        # '… được hiểu là cơ sở có bao nhiêu lao động?' asks the number the definition sets
        asked = next((kind for kind in ("count", "amount") if re.search(_PATTERNS[kind], folded[defines.end():])),
                     None)
        return asked or "definition"  # '"đơn vị thực hiện đề án" được hiểu là ai?' asks what the term means, not who
    eligible = _ELIGIBILITY.search(folded)
    # '… thuộc diện phải đấu thầu thì … phải gửi văn bản gì?' states the case and asks something else
    if eligible and not _ASKS_AMOUNT.search(folded) and not _ASKED_AFTER.search(folded, eligible.end()):
        # 'Những ngành nghề nào được hưởng …?' lists; '… có được hưởng … không?' asks a verdict.
        return "list" if re.search(_PATTERNS["list"], folded) and not _YES_NO_END.search(folded) else "eligibility"
    if _WHO_SETS.search(folded) and not re.search(r"\b(bao nhieu|toi da|how much)\b", folded):
        return "body"  # 'Mức hỗ trợ … do ai quyết định?' asks who sets the level, not the level
    for kind in TYPES[:-1]:
        if kind == "criteria" and (_FAILED.search(folded) or MEASURE_RULE.search(nfc(question).lower())
                                   or not re.search(_PATTERNS[kind], _asked_sentence(folded))):
            # '… không còn đạt tiêu chí thì có bị sao không?' asks what follows, not the criteria; '… xã yêu cầu
            # chuyển ra điểm quy hoạch. Có hỗ trợ tiền di dời không?' tells of a requirement and asks another thing
            continue
        if kind == "list" and _SCENE_ASKS_ONE.search(folded):
            continue
        if kind == "procedure" and (stated := _PAPERS_STATED.search(folded)) \
                and not re.search(_PATTERNS[kind], stated.group("ask")):
            continue
        if kind in _CASE_VALUES and _HANDLING_ASKED.search(folded):
            continue
        if kind != "eligibility" and re.search(_PATTERNS[kind], folded):
            return kind
    return "fact"


def defined_term(question: str) -> str:
    """The term a definition question asks about: the quoted one ('Nghị định 45 định nghĩa "kế hoạch khuyến công" là
    gì?'), else the words before 'là gì' / 'được hiểu là' ('Cơ sở công nghiệp nông thôn là gì?')."""
    if quoted := quoted_phrases(question):
        # 'What is a "key … scheme" (đề án khuyến công quốc gia điểm)?': the corpus defines the Vietnamese term
        glossed = re.search(rf"{re.escape(quoted[0])}\W*\(([^)]{{4,80}})\)", question)
        return glossed.group(1).strip() if glossed and not is_english(glossed.group(1)) else quoted[0]
    same_length = len(fold(question)) == len(question)
    if (after := _NAMED_AFTER.search(fold(question))) and same_length:  # 'Thế nào là làng nghề?'
        return question[after.end():].strip(" ?")
    asking = re.search(r"\s+(?:la gi|la ai|la nhu the nao|la (?:loai|kieu)|duoc hieu|nghia la)\b",
                       fold(question))  # accents or none
    head = question[: asking.start()] if asking and same_length else question
    head = re.sub(r"^(?:theo|trong)\s+[^,]+,\s*", "", head, flags=re.IGNORECASE)  # 'Trong Thông tư 36, …'
    head = DOC_NUMBER.sub(" ", head)  # 'Nghị định 45/2012 định nghĩa …' names where, not what
    return re.sub(r"^\s*(?:định nghĩa|khái niệm)\s+(?:về\s+)?", "", head.strip(), flags=re.IGNORECASE).strip(" ?")


# 'Những loại hình nào được gọi chung là cơ sở công nghiệp nông thôn theo …?', 'Ai được coi là …?': the term after
_CALLED = re.compile(r"\b(?:goi|coi|xem)(?: chung| tat)? la ((?:\w+ ){1,7}?\w+)(?= theo\b| trong\b| o\b|\W*$)")
# 'Cơ sở công nghiệp nông thôn gồm những loại hình nào?': the term before
_MEMBERS = re.compile(r"^((?:\w+ ){1,7}?\w+) (?:bao )?gom (?:nhung|cac) (?:loai hinh|doi tuong|ai|thanh phan|loai)\b")


def membership_term(question: str) -> str:
    """The term whose members a question asks for ('Những loại hình nào được gọi chung là cơ sở công nghiệp nông
    thôn?', 'Cơ sở công nghiệp nông thôn gồm những loại hình nào?'), as written; '' when it asks no such thing."""
    folded = fold(question).strip()
    if len(folded) != len(question.strip()):
        return ""
    found = _CALLED.search(folded) or _MEMBERS.search(folded)
    return question.strip()[found.start(1):found.end(1)] if found else ""


def years_in(question: str) -> list[str]:
    """The years a question names ('năm 2020'), not those inside a document number ('45/2012')."""
    return _YEAR.findall(re.sub(r"\d+\s*/\s*\d{4}", "", question))


def ends_yes_no(question: str) -> bool:
    """'… có hỗ trợ chi phí thành lập doanh nghiệp không?': asked to be answered yes or no."""
    return bool(_YES_NO_END.search(fold(question)))


def asks_whether(question: str) -> bool:
    """'Khuyến công có hỗ trợ chi phí thành lập doanh nghiệp không, bao nhiêu?': a yes/no question, at the end or
    before what else it asks."""
    return ends_yes_no(question) or bool(_YES_NO_CLAUSE.search(fold(question)))


def asks_list(question: str) -> bool:
    """'những … nào', 'gồm những gì', 'bao gồm' … (whatever else the question also asks), unless a scene naming many
    is followed by a clause asking one."""
    folded = fold(question)
    return bool(re.search(_PATTERNS["list"], folded)) and not _SCENE_ASKS_ONE.search(folded)


# 'không có doanh nghiệp', 'chưa lên doanh nghiệp', 'không phải doanh nghiệp hay HTX': what the asker is not; folded
_NOT_BEING = re.compile(r"\b(?:khong|chua|chang)(?: (?:co|phai|la|len|thanh lap|dang ky|lap|thuoc))+ $")


def stated_entity(folded: str) -> str | None:
    """The kind of establishment a (folded) question says the asker is, not one it says the asker is not ('Nhà tôi
    … không có doanh nghiệp' names none), the first kind of _ENTITIES said."""
    mentions = _mentions(folded)
    denied, denied_end = set(), -1
    for start, end, key in mentions:
        if _NOT_BEING.search(folded[max(0, start - 30): start]) or \
                (denied_end >= 0 and start >= denied_end and _JOINING.match(folded[denied_end:start])):
            denied.add((start, key))
            denied_end = max(denied_end, end)
    said = {key for start, _, key in mentions if (start, key) not in denied}
    return next((key for key, _ in _ENTITIES if key in said), None)


# 'Hợp tác xã và tổ hợp tác …': two kinds of establishment asked about together
_JOINING = re.compile(r"^\s*(?:,|va|hoac|voi|hay|hay la)\s*$")


def _mentions(folded: str) -> list[tuple[int, int, str]]:
    """Where a folded question names each kind of establishment: (start, end, kind), in order."""
    return sorted((m.start(), m.end(), key) for key, pattern in _ENTITIES
                  for m in re.finditer(rf"\b(?:{pattern})\b", folded))


def joined_entities(question: str) -> list[str]:
    """The entity types a question names side by side ('Hợp tác xã và tổ hợp tác'), in order; [] for one."""
    folded = fold(question).lower()
    found = _mentions(folded)
    run = found[:1]
    for start, end, key in found[1:]:
        if _JOINING.match(folded[run[-1][1]:start]) and key not in {k for _, _, k in run}:
            run.append((start, end, key))
        elif len(run) < 2:
            run = [(start, end, key)]
    return [key for _, _, key in run] if len(run) > 1 else []


def _production_place(folded: str) -> str | None:
    """Where the establishment produces: a registered office's place ('trụ sở ở phường …') yields to the
    workshop's when both are named."""
    named = [key for key, pattern in _PLACES if re.search(rf"\b({pattern})\b", folded)]
    if len(named) > 1 and re.search(r"\btru so\b", folded):
        # its clause ('… đăng ký kinh doanh ở một phường'), up to where the workshop is said ('nhưng xưởng …')
        office = re.search(r"\btru so\b(?:(?! (?:nhung|con|xuong)\b)[^,.;]){0,60}", folded).group(0)
        named = [key for key in named if not re.search(rf"\b({dict(_PLACES)[key]})\b", office)] or named
    return named[0] if named else None


# 'phường mới chuyển từ xã lên', 'xã lên phường': a ward converted from a commune, a place the rules count apart
_WARD_FROM_COMMUNE = re.compile(r"\bphuong\b.{0,40}\bchuyen (?:doi )?(?:tu|len)\b|\bchuyen (?:doi )?tu xa\b|"
                                r"\blen phuong\b")
# '(phường có từ lâu, không phải mới chuyển từ xã)': a ward converted long ago, however many years; folded
_LONG_A_WARD = re.compile(r"\b(?:khong phai (?:la )?(?:moi |vua )(?:duoc )?chuyen (?:doi )?(?:tu xa|len)|"
                          r"phuong (?:nay |do )?(?:da )?co tu lau)\b")


def _years_to_plan(folded: str) -> float | None:
    """Years from a ward's conversion ('quyết định có hiệu lực ngày 1/7/2021') to 31 December of the year before the
    plan year it names ('kế hoạch khuyến công năm 2027'), as Thông tư 46/2012 Điều 3 khoản 1 điểm đ counts them; from
    the year alone ('thành lập từ năm 1990') only when that is clearly more or less than five years, counted to this
    year or the plan year."""
    converted, plan = _CONVERTED_ON.search(folded), _PLAN_YEAR.search(folded)
    if not converted and (in_year := _CONVERTED_IN.search(folded)):
        years = (int(plan.group(1) or plan.group(2)) if plan else date.today().year) - int(in_year.group(1))
        return float(years) if years >= 0 and abs(years - 5) > 1 else None
    if not converted or not plan:
        return None
    day, month, year = (int(g) for g in converted.groups())
    try:
        days = (date(int(plan.group(1) or plan.group(2)) - 1, 12, 31) - date(year, month, day)).days
    except ValueError:  # '31/2/2021' is no date
        return None
    return round(days / 365.25, 3) if days >= 0 else None  # 30/12/2021 to 31/12/2026 is over 5 years: 5.003


def slots(question: str) -> dict:
    """The facts a question states: entity type, place, trade, activity, year, document and article."""
    folded = fold(question)
    found: dict = {}
    if entity := stated_entity(folded):
        found["entity_type"] = entity
    if place := _production_place(folded):
        found["place"] = place
        if place == "phuong" and (city := _CITY_CLASS.search(folded)):
            value = city.group(1)
            found["city_class"] = int(value) if value.isdigit() else len(value)
            if years := _YEARS_SINCE.search(folded[city.end():] + " " + folded[:city.start()]):
                found["years_since_conversion"] = int(years.group(1))
            elif (counted := _years_to_plan(folded)) is not None:
                found["years_since_conversion"] = counted
            elif _LONG_A_WARD.search(folded):
                found["years_since_conversion"] = LONG_AGO
    # the list's 'gồm' blanked to its own length, so the trade's words keep their place in the question
    told = _GOM_FOLDED.sub(blank, folded) if folded == question.lower() else _GOM.sub(blank, question)
    if group := match_sector(told):
        found["trade_group"] = group
        found["trade"] = trade_named(told)
    if activity := activity_of(question):
        found["activity"] = activity
    if _CLEANER.search(folded):
        found["cleaner_production"] = True
    if _WARD_FROM_COMMUNE.search(folded):
        found["ward_from_commune"] = True
    if years := years_in(question):
        found["year"] = years[0]
    refs = parse_references(question)
    if refs.documents:
        found["documents"] = [f"{r.number}" + (f"/{r.year}" if r.year else "") for r in refs.documents]
    if refs.articles:
        found["articles"] = sorted(refs.articles)
    return found


def focus(question: str) -> str:
    """The phrase the question is about, asking words removed ('Ai phê duyệt kế hoạch …?' -> 'phê duyệt kế hoạch …')."""
    question = nfc(question).strip().rstrip("?.! ")
    folded = fold(question)
    keep = [True] * len(question)
    for match in _ASKING.finditer(folded):
        for i in range(match.start(), match.end()):
            keep[i] = False
    text = "".join(c if k else " " for c, k in zip(question, keep, strict=True))
    return re.sub(r"\s+", " ", text).strip(" ,")


def analyze(question: str) -> Intent:
    """The intent of a (standalone) question."""
    kind = answer_type(question)
    found = slots(question)
    if is_english(question):
        found["language"] = "en"
    # '… phải nộp 03 bộ, có đúng không?' asks to check a value, whatever else its words look like
    checks = kind == "yes_no" or _CHECK_TAG.search(fold(question))
    # 'có được hỗ trợ đi hội chợ 3 lần trong một năm không?' asks whether the rules allow that many, not a verdict
    checks = checks or (kind == "eligibility" and ends_yes_no(question) and asserted(question) == "count")
    if checks and (value := asserted(question)):
        kind = "yes_no"
        found["asserts"] = value
    return Intent(type=kind, focus=focus(question), slots=found)
