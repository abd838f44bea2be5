"""Chat shorthand, colloquial words and common misspellings ('bn', 'đc', 'hạn chót', 'sử lý') written out as the
corpus writes them."""

from __future__ import annotations

import re

from assistant.text import fold, is_unaccented

# Whole words only; each written as the corpus writes it (folded again for a question typed without diacritics).
SHORTHAND = {
    "bn": "bao nhiêu", "bnhiu": "bao nhiêu", "bao nhiu": "bao nhiêu", "bao nhiểu": "bao nhiêu",
    "đc": "được", "dc": "được", "đươc": "được",
    "ko": "không", "k": "không", "kh": "không", "hk": "không", "hok": "không", "hông": "không", "hem": "không",
    "j": "gì", "ntn": "như thế nào", "nhà nc": "nhà nước", "vs": "với", "mún": "muốn",
    "dn": "doanh nghiệp", "dnnvv": "doanh nghiệp nhỏ và vừa", "htx": "hợp tác xã",
    "cnnt": "công nghiệp nông thôn", "sxsh": "sản xuất sạch hơn",
    "cụm cn": "cụm công nghiệp", "cum cn": "cụm công nghiệp",
    "sct": "Sở Công Thương", "ubnd": "Ủy ban nhân dân", "hs": "hồ sơ", "tg": "thời gian", "hn": "Hà Nội",
    "zậy": "vậy", "dzậy": "vậy", "bít": "biết", "hok bít": "không biết", "đk": "điều kiện",
    # 'đk' in the papers of a registration is 'đăng ký' ('đủ đk tham gia' is 'điều kiện')
    "đki": "đăng ký", "đkí": "đăng ký", "dki": "đăng ký",
    "hồ sơ đk": "hồ sơ đăng ký", "hs đk": "hồ sơ đăng ký", "đk kinh doanh": "đăng ký kinh doanh",
    "giấy đk": "giấy đăng ký",
    "hạn chót": "thời hạn", "hạn cuối": "thời hạn", "chu kỳ": "định kỳ", "chu ky": "dinh ky",
    "qg": "quốc gia", "sp": "sản phẩm", "sx": "sản xuất", "cty": "công ty", "r": "rồi", "z": "vậy", "v": "vậy",
    "mik": "mình", "mn": "mọi người", "cs": "cơ sở", "kc": "khuyến công",
    "hđ": "hội đồng", "hđbc": "hội đồng bình chọn", "bgk": "ban giám khảo",
    "bc": "báo cáo", "giấy cn": "giấy chứng nhận", "gcn": "giấy chứng nhận",
    "lđ": "lao động", "nđ": "Nghị định", "e": "em",
    # 'gđ' alone is as often 'giai đoạn' or 'gia đình'; 'TT 46/2012' alone is a Thông tư
    "phó gđ": "Phó Giám đốc", "pgđ": "Phó Giám đốc", "gđ trung tâm": "Giám đốc Trung tâm",
    "tt khuyến công": "Trung tâm Khuyến công", "ttkc": "Trung tâm Khuyến công",
    "xin công nhận": "đề nghị công nhận", "xin cong nhan": "đề nghị công nhận",  # the rules never write 'xin'
    "hồi nào": "khi nào",  # 'ký hồi nào vậy?'; unaccented 'hoi nao' may be 'hội nào'

    "bhxh": "bảo hiểm xã hội", "bhyt": "bảo hiểm y tế", "bhtn": "bảo hiểm thất nghiệp", "tndn": "thu nhập doanh nghiệp",
    "gtgt": "giá trị gia tăng", "nhcsxh": "Ngân hàng Chính sách xã hội",
    "trang web": "trang thông tin điện tử",  # as the rules name a website
    # 'web' alone is also English ('web portal'); after a Vietnamese verb it is the site being made
    "làm web": "làm trang thông tin điện tử", "lập web": "lập trang thông tin điện tử",
    "lam web": "làm trang thông tin điện tử", "lap web": "lập trang thông tin điện tử",
    "đky": "đăng ký", "dky": "đăng ký", "trc": "trước",
    "sở ct": "Sở Công Thương", "so ct": "Sở Công Thương", "bộ ct": "Bộ Công Thương", "bo ct": "Bộ Công Thương",
    "ứng nốt": "tạm ứng kinh phí còn lại", "ứng nốt tiền": "tạm ứng kinh phí còn lại",
    "tạm ứng phần còn lại": "tạm ứng kinh phí còn lại",  # as Thông tư 36/2013 Điều 14 names it
    "tạm ứng nốt": "tạm ứng kinh phí còn lại", "tạm ứng nốt phần còn lại": "tạm ứng kinh phí còn lại",
    "tạm ứng nốt phần kinh phí còn lại": "tạm ứng kinh phí còn lại",
    # 'mấy năm làm 1 lần' asks how often: the rules say 'định kỳ 02 (hai) năm một lần'
    "mấy năm làm 1 lần": "định kỳ mấy năm một lần", "mấy năm 1 lần": "định kỳ mấy năm một lần",
    "bao lâu làm 1 lần": "định kỳ bao lâu một lần", "bao lâu 1 lần": "định kỳ bao lâu một lần",
    # 'được công nhận mấy năm rồi' tells how long ago, it asks nothing
    "mấy năm r": "vài năm rồi", "mấy năm rồi": "vài năm rồi", "mấy năm nay": "vài năm nay",
    "tiền nong": "tài chính",  # colloquial: the centre's 'cơ chế tài chính'
    # a product too big to bring to the selection: the rules say 'kích thước, trọng lượng quá lớn … vận chuyển'
    "to lắm": "có kích thước quá lớn", "cồng kềnh": "có kích thước, trọng lượng quá lớn",
    "nặng lắm": "có trọng lượng quá lớn", "chở": "vận chuyển",
    "sử lý": "xử lý", "xử lí": "xử lý", "hổ trợ": "hỗ trợ", "hỗ chợ": "hỗ trợ", "xản xuất": "sản xuất",
}
# 'k' means 'không' only where a question ends ('được k?'); elsewhere it may be a unit or a name.
_FINAL_ONLY = {"k", "kh", "hk", "v"}
# Not inside a document number ('QĐ-BCT', 'TT/…'): a word joined by '-' or '/' is a code, not chat shorthand.
_PATTERN = re.compile(r"(?<![\w/&.-])(" + "|".join(sorted(map(re.escape, SHORTHAND), key=len, reverse=True)) +
                      r")(?![\w/&-]|\.\w)", re.IGNORECASE)
# One-letter shorthand ('lâu r', 'sao z') is written in lower case and is never a numbered part ('Chương V', 'điểm
# r, s và v', 'Phụ lục V').
_LETTERS = {"r", "z", "v", "e"}
_NUMBERED_BEFORE = re.compile(r"(?:\b(?:điểm|diem|chương|chuong|mục|muc|lục|luc|phần|phan|khoản|khoan)|"
                              r"(?<!\w)\w(?:\s*,|\s+(?:và|va|hoặc|hoac)))\s*$", re.IGNORECASE)


# 'Sở' and 'Cục' alone, before what they do ('Sở gửi hồ sơ lên Cục'), are the two agencies khuyến công deals with;
# 'Sở hữu', 'Cục trưởng' and a named agency ('Sở Tài chính') are other words. Case matters: 'cơ sở gửi' is a facility.
_AGENCY = re.compile(r"(?<!\w)(?<!các )(?<!những )(?-i:(Sở|Cục))(?=(?P<next> \w| ?[,.?;:]| ?$))"
                     r"(?! (hữu|dĩ|thích|trưởng|phó|bộ|nào|ngành|ban|tại|diện|công|cong|nông|tài|nội|kế|xây|giao|lao|"
                     r"y|văn|khoa|tư|thuế)(?!\w))", re.IGNORECASE)
_AGENCY_NAME = {"Sở": "Sở Công Thương", "Cục": "Cục Công nghiệp địa phương"}


# A number spelt out before what it counts ('chỉ có hai cấp', 'ba lần/năm') is written as the rules' numbers are, so a
# claim of it is checked like '2 cấp' (the rules write '4 (bốn) cấp'). Not 'một' ('mỗi năm một lần' is a frequency),
# 'năm' (a year) or, unaccented, words that are others ('sau', 'tam', 'bay'); folded spellings only where the whole
# question is unaccented.
_SPELT = {"hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_SPELT_UNACCENTED = {"hai": 2, "ba": 3, "bon": 4, "chin": 9, "muoi": 10}
_COUNTED_NOUNS = ("cấp", "lần", "bộ", "thành viên", "bước", "loại", "nhóm", "khu vực", "tiêu chí", "phó giám đốc",
                  "hội chợ", "đợt", "chuyến")


def _counted(numbers: dict[str, int], nouns: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<!\w)(" + "|".join(sorted(numbers, key=len, reverse=True)) + r") (?=(?:" + "|".join(nouns)
                      + r")(?!\w))", re.IGNORECASE)


_COUNTED = _counted(_SPELT, _COUNTED_NOUNS)
_COUNTED_UNACCENTED = _counted(_SPELT_UNACCENTED, tuple(fold(noun) for noun in _COUNTED_NOUNS))


def _digits(question: str, plain: bool) -> str:
    """'chỉ có hai cấp' -> 'chỉ có 2 cấp'."""
    numbers, pattern = (_SPELT_UNACCENTED, _COUNTED_UNACCENTED) if plain else (_SPELT, _COUNTED)
    return pattern.sub(lambda match: f"{numbers[match.group(1).lower()]} ", question)


def expand_shorthand(question: str) -> str:
    """The question with chat shorthand written out; a question typed without diacritics stays without them."""
    plain = is_unaccented(question)
    question = _AGENCY.sub(lambda match: match.group(0) if match.group("next").strip().isupper()
                           else _AGENCY_NAME[match.group(1)], question)

    def written(match: re.Match) -> str:
        word = match.group(0)
        if word.lower() in _FINAL_ONLY and question[match.end():].strip(" ?.!ạa"):
            return word
        if word.lower() in _LETTERS and (word.isupper() or _NUMBERED_BEFORE.search(question[: match.start()])):
            return word
        full = SHORTHAND[word.lower()]
        full = full[:1].upper() + full[1:] if word[:1].isupper() else full  # 'Tạm ứng …' opens a sentence
        return fold(full) if plain else full
    return _digits(_PATTERN.sub(written, question), plain)
