"""Questions that ask several things: the parts of 'Hồ sơ cần gì và bao nhiêu điểm thì đạt?' and the two sides of a
comparison, each made a standalone question that keeps the statements setting the scene."""

from __future__ import annotations

import re

from assistant.answer.evidence import DOC_NUMBER, MEASURE_RULE
from assistant.answer.followup import standalone_question
from assistant.answer.question import WHO_FOLDED, ends_yes_no
from assistant.search.glossary import ENGLISH_AUXILIARY, is_english
from assistant.search.shorthand import expand_shorthand
from assistant.text import CLOSING_PARTICLES, fold, is_unaccented, nfc, without_particles

# Words that ask: a stretch of a question holding one asks something of its own. 'mấy' (how many) folds into 'máy'
# (machine), so it is only recognized with its diacritics; 'chưa ai' / 'không ai' (nobody) states.
_CUE_ACCENTED = re.compile(r"(?<!\w)((?<!chưa )(?<!không )ai|gì|nào|bao nhiêu|mấy|bao lâu|khi nào|bao giờ|thế nào|"
                           r"ra sao|thì sao|ở đâu|về đâu|đến đâu|(không|chưa|phải không|đúng không|khong|chua)\s*$|"
                           r"hay\s+\w+(?:\s+\w+)?\s*$)(?!\w)")  # '… là công chức hay viên chức'
# 'may' without diacritics is 'mấy' (how many) only before what is counted; 'mua may' buys a machine. A closing
# 'không' / 'chưa' asks only as written ('muốn sửa chữa, nâng cấp …' folds to a closing 'chua'), so the accented
# pattern reads it, spelt with or without diacritics.
_CUE_FOLDED = re.compile(rf"\b({WHO_FOLDED}|gi|nao|bao nhieu|bao lau|khi nao|bao gio|the nao|ra sao|thi sao|o dau|"
                         r"(?:tu|ve|den) dau(?! (?:nam|thang|quy|ky|tuan|ngay|moi|tien)\b)|"
                         r"may (bo|ban|lan|nguoi|thanh vien|ngay|thang|nam|tinh|lop|buoc|pho giam doc|anh|khu vuc|"
                         r"cap|nhom|loai|tam|cai|chiec)|so may\s*$)\b|"
                         r"^(how|what|who|which|when|where)\b|(?<!\bof )\b(how|what|who|which|when|where)\b")
# 'với' joins two questions only before what the second must do ('… bao nhiêu % hộ với phải sản xuất … bao lâu').
_JOINT = re.compile(r"\s*[?;]\s*|,\s+(?:và\s+|va\s+|and\s+)?|\s+(?:và|va|and)\s+(?=\S+\s+\S)|"
                    r"\s+với\s+(?=(?:phải|cần)\s)")
_SENTENCE = re.compile(r"(?<=[.?!])(?<![Nn]o\.)\s+")  # 'Official Letter No. 400/…' goes on
# 'and' between two capitalised words joins a name ('Ministry of Industry and Trade'), not two questions
_ASKING_WORDS = {"Who", "What", "How", "When", "Which", "Where", "Why", "Is", "Are", "Does", "Do", "Can"}


def _joins_name(sentence: str, joint: re.Match) -> bool:
    """Whether a bare 'and' stands between two capitalised words of one name, not before a question of its own."""
    before, after = sentence[: joint.start()].split()[-1:], sentence[joint.end():].split()[:1]
    return joint.group(0).strip() == "and" and bool(before and after) and before[0][:1].isupper() \
        and after[0][:1].isupper() and after[0] not in _ASKING_WORDS
# Asking words removed from the part that carries the subject before it is lent to the other parts.
_CUE_PHRASE = re.compile(r"(?<!\w)(những gì|gì|nào|bao nhiêu|mấy \w+|bao lâu|khi nào|thế nào|ra sao|ở đâu|ai|"
                         r"có phải|phải không|đúng không|không|chưa|cần|"
                         r"nhung gi|gi|nao|bao nhieu|bao lau|khi nao|the nao|o dau|phai khong|dung khong|khong)(?!\w)",
                         re.IGNORECASE)


# An English piece opening with its auxiliary asks ('…, must the panel have an odd number of members, and how …').
_ENGLISH_ASKS = re.compile(rf"(?:^|,\s){ENGLISH_AUXILIARY}\s")


# 'chưa cơ sở nào làm', 'không ai …' states that none does: it asks nothing.
# ('… không thuộc trung tâm khuyến công nào, thì …'; never across 'thì': '… không đạt thì theo điều nào' asks)
_NONE = re.compile(r"(?<!\w)(?:chưa|không|chẳng|chua|khong)\s+(?:có\s+|co\s+)?(?:(?!thì\b|thi\b)\w+\s+){0,5}?"
                   r"(?:nào|nao)(?!\w)")


def asks_something(text: str) -> bool:
    """Whether a stretch of a question asks something, shorthand written out ('… lại đc ko' asks)."""
    lowered = _NONE.sub(" ", nfc(expand_shorthand(text)).lower()).strip(" ?.!")
    lowered = without_particles(lowered)  # '… được không nhỉ' asks as '… được không' does
    return bool(_CUE_ACCENTED.search(lowered) or _CUE_FOLDED.search(fold(lowered))
                or (is_english(text) and _ENGLISH_ASKS.search(lowered)))


_SIDES = re.compile(r"^(?:hãy\s+)?so sánh\s+(?P<a>.+?)\s+(?:với|và|so với)\s+(?P<b>.+?)[\s?.!]*$", re.IGNORECASE)
_HEAD = re.compile(r"^(mức hỗ trợ|mức chi|thời hạn|thời gian|điều kiện|hồ sơ|đối tượng)\b", re.IGNORECASE)


# 'A và B <được phê duyệt ở cấp nào>, khác nhau thế nào?': both sides share what is asked of them.
_SHARED = re.compile(r"^(?P<a>.+?)\s+(?:và|với)\s+(?P<b>.+?)\s+(?P<ask>(?:được|có|là|do|ở|gồm|thuộc)\b[^,?]*?)"
                     r"\s*(?:,\s*)?(?:(?:có\s+)?khác nhau (?:thế nào|ra sao|gì|như thế nào|ở (?:điểm|chỗ) (?:gì|nào))|"
                     r"khác gì|có khác (?:nhau\s+)?(?:không|ko|hay không))[\s?.!]*$",
                     re.IGNORECASE)


# 'A và B khác nhau thế nào (về X)?' with nothing asked of both between B and the difference.
_DIFFER_ON = re.compile(r"^(?P<a>[^?]+?)\s+(?:và|với|so với)\s+(?P<b>[^?]+?)\s+(?:có\s+)?(?:khác nhau|khác)"
                        r"(?:\s+(?:thế nào|ra sao|như thế nào|gì|những gì|ở điểm nào|ở chỗ nào|điểm gì))?"
                        # '… khác nhau ở cơ quan quản lý và nguồn kinh phí ra sao?': the aspect before the asking
                        r"(?:\s+(?:ở|về)\s+(?P<at>[^?]+?)\s+(?:thế nào|ra sao|như thế nào)|\s+về\s+(?P<on>[^?]+?))?"
                        r"[\s?.!]*$", re.IGNORECASE)


_PREPOSITIONS = {"của", "tại", "ở", "cho", "với", "lên", "từ", "đối", "theo", "trong"}
# What a side is asked when the comparison names only the aspect ('về người phê duyệt', 'thì mức trần').
_ASPECT_ASKS = ((re.compile(r"^(?:người|cơ quan|đơn vị|ai|cấp|bên|thẩm quyền)\b", re.IGNORECASE), "là ai"),
                (re.compile(r"^(?:mức|số|kinh phí|trần|hạn mức|tỷ lệ|chỉ tiêu)\b", re.IGNORECASE), "là bao nhiêu"),
                (re.compile(r"^(?:thời hạn|thời điểm|hạn|thời gian)\b", re.IGNORECASE), "là khi nào"))


_ABOUT = re.compile(r"^(.+?)\s+về\s+([^?]+?)\s*\?$", re.IGNORECASE)


def _asking(side: str, aspect: str) -> str:
    """'Kế hoạch khuyến công quốc gia, người phê duyệt là ai?': a side and what is asked of it ('số thành viên':
    '… có bao nhiêu thành viên?')."""
    aspect = re.sub(r"\s+(?:như thế nào|thế nào|ra sao|gì)$", "", aspect.strip(), flags=re.IGNORECASE)
    if not aspect:
        return f"{side}?"
    if counted := re.match(r"^số (?:lượng )?(\w+(?: \w+)?)$", aspect, re.IGNORECASE):
        return f"{side} có bao nhiêu {counted.group(1)}?"
    cue = next((cue for pattern, cue in _ASPECT_ASKS if pattern.match(aspect)), "")
    return f"{side}, {aspect} {cue}?" if cue else f"{side} về {aspect}?"


def _each_aspect(subjects: list[str], aspect: str) -> list[str]:
    """Each aspect of each side, one question apiece, aspect by aspect: 'về số thành viên và người làm Chủ tịch' of
    two councils asks four things ('… cấp huyện có bao nhiêu thành viên?', '… cấp quốc gia có bao nhiêu thành
    viên?', '… cấp huyện, người làm Chủ tịch là ai?', …)."""
    aspects = [a for a in re.split(r"\s+và\s+", aspect.strip()) if a]
    if not aspects or len(aspects) > 3 or any(len(a.split()) < 2 for a in aspects):
        aspects = [aspect]  # 'thời gian và địa điểm' and the like are asked as one
    return [_asking(subject, a) for a in aspects for subject in subjects]


def _borrow(first: str, second: str) -> tuple[str, str]:
    """'số thành viên … cấp tỉnh' and 'cấp khu vực': a short second side takes what the first says before the word
    they both start their difference with (a longer one when that word is a preposition: 'tại cụm công nghiệp')."""
    lead_word = second.split()[0].lower() if second.split() else ""
    longest = 6 if lead_word in _PREPOSITIONS else 3  # '… tại cơ sở CNNT với tại cụm công nghiệp'
    if len(second.split()) <= longest and (cut := first.lower().rfind(f" {lead_word} ")) > 0:
        second = f"{first[:cut]} {second}"
    return first, second


_LEVEL_WORD = r"cấp (?:huyện|tỉnh|khu vực|quốc gia|xã|trung ương)"
_LEVELS_JOINED = re.compile(rf"(?<!\w)(?P<first>{_LEVEL_WORD})(?:\s*,\s*|\s+(?:và|với|hoặc)\s+)(?:(?:ở|tại)\s+)?"
                            rf"(?P<second>{_LEVEL_WORD})(?!\w)", re.IGNORECASE)
_LEVEL_NAME = r"(?:cấp\s+)?(?:huyện|tỉnh|khu vực|quốc gia|xã|trung ương)"
# 'cấp huyện, tỉnh và cấp khu vực, quốc gia': two pairs of levels, each pair one side
_LEVEL_PAIRS_JOINED = re.compile(rf"(?<!\w)(?P<first>{_LEVEL_WORD}\s*,\s*{_LEVEL_NAME})\s+(?:và|với)\s+"
                                 rf"(?P<second>{_LEVEL_WORD}\s*,\s*{_LEVEL_NAME})(?!\w)", re.IGNORECASE)
# '…, có khác nhau không?': what the two sides are asked, set against each other
_DIFFER_AT_ALL = re.compile(r"\s*có\s+khác\s+(?:nhau\s+)?(?:không|gì)?(?=\s*\??\s*$)", re.IGNORECASE)
# What a comparison says on top of what each side is asked ('So sánh …', '…, khác nhau thế nào?').
_DIFFER = re.compile(r"^(?:hãy\s+)?so sánh\s+|,?\s*(?:(?:có\s+)?khác nhau|khác gì|mỗi bên|mỗi cấp)"
                     r"(?:\s+(?:thế nào|ra sao|như thế nào|gì|ở (?:điểm|chỗ) (?:gì|nào))(?!\w))?", re.IGNORECASE)


def level_sides(question: str) -> list[str]:
    """'Hội đồng … cấp tỉnh và cấp quốc gia khác nhau về số thành viên thế nào?' as one question per level
    ('Hội đồng … cấp tỉnh về số thành viên?'); [] unless the question names exactly two levels, side by side."""
    if re.search(r"\b(giữa|sự khác)\b", question, re.IGNORECASE):
        return []  # 'Có sự khác nhau gì giữa cấp tỉnh và cấp quốc gia?' is asked of both at once
    asked = _DIFFER.sub("", nfc(question).strip()).strip(" ?.!") + "?"
    if paired := _LEVEL_PAIRS_JOINED.search(asked):
        asked = _DIFFER.sub("", _DIFFER_AT_ALL.sub("", nfc(question).strip())).strip(" ?.!,") + "?"
        paired = _LEVEL_PAIRS_JOINED.search(asked)
        return [f"{asked[: paired.start()]}{paired.group(name)}{asked[paired.end():]}" for name in ("first", "second")]
    joined = _LEVELS_JOINED.search(asked)
    if not joined or len(re.findall(_LEVEL_WORD, asked, re.IGNORECASE)) != 2:
        return []
    levels = [f"{asked[: joined.start()]}{joined.group(name)}{asked[joined.end():]}" for name in ("first", "second")]
    # '… cấp khu vực về số thành viên?' asks a count: '… cấp khu vực có bao nhiêu thành viên?'
    abouts = [_ABOUT.match(level) for level in levels]
    if not all(abouts):
        return levels
    return _each_aspect([on.group(1) for on in abouts], abouts[0].group(2))


# 'A khác gì (so với) B (về X)?', 'A so với B thay đổi thế nào?': B follows the word that sets it against A; not a
# question opening with 'So sánh', which _SIDES reads.
_AGAINST = re.compile(r"^(?!(?:hãy\s+)?so sánh\b)(?P<a>[^?]+?)\s+(?:khác gì|khác với|khác so với|so với)\s+"
                      r"(?:so với\s+|với\s+)?(?P<b>[^?]+?)"
                      r"(?:\s+(?:có\s+)?(?:khác nhau|khác|thay đổi|tăng|giảm)"
                      r"(?:\s+(?:thế nào|ra sao|như thế nào|gì))?)?"
                      r"(?:\s+về\s+(?P<on>[^?]+?))?[\s?.!]*$", re.IGNORECASE)
# 'A khác B ở chỗ nào?': 'khác' alone sets B against A when the question ends asking where they differ.
_AGAINST_AT = re.compile(r"^(?!(?:hãy\s+)?so sánh\b)(?P<a>[^?]+?)\s+khác\s+(?!(?:được|đã|sẽ|có|phải|cần|thì)\b)"
                         r"(?P<b>[^?]+?)\s+(?:ở|tại)\s+(?:những\s+)?"
                         r"(?:chỗ|điểm)\s+(?:nào|gì)(?P<on>)[\s?.!]*$", re.IGNORECASE)
# 'X khác nhau thế nào giữa A và B?': what differs comes first, the two sides after 'giữa'.
_BETWEEN = re.compile(r"^(?P<x>[^?]+?)\s+(?:có\s+)?(?:khác nhau|khác)(?:\s+(?:thế nào|ra sao|như thế nào|gì))?\s+"
                      r"giữa\s+(?P<a>[^?]+?)\s+(?:và|với)\s+(?P<b>[^?]+?)[\s?.!]*$", re.IGNORECASE)
_COMPARE_BETWEEN = re.compile(r"^(?:hãy\s+)?so sánh\s+(?P<x>[^?]+?)\s+giữa\s+(?P<a>[^?]+?)\s+(?:và|với)\s+"
                              r"(?P<b>[^?]+?)[\s?.!]*$", re.IGNORECASE)
_YEAR = re.compile(r"(?<![/\d])(?:19|20)\d{2}(?![/\d])")
LENT_WORDS = 16  # a second side this short is said of what the first says before it
_OWNER = re.compile(r"\s(?:của|cho|đối với)\s", re.IGNORECASE)  # 'Tỷ lệ … của cơ quan quản lý kinh phí'


def _lent(first: str, second: str) -> str:
    """The second side as a question of its own: 'cấp khu vực, cấp quốc gia' after 'Bình chọn … cấp huyện, cấp
    tỉnh' is 'Bình chọn … cấp khu vực, cấp quốc gia'; 'định hướng năm 2021' against '… Hà Nội năm 2024' is '… Hà Nội
    năm 2021'."""
    said = second.split()
    if not said or len(said) > LENT_WORDS:
        return second
    years, own = _YEAR.findall(first), _YEAR.findall(second)
    if len(years) == 1 and len(own) == 1 and years != own:
        return first.replace(years[0], own[0])
    if said[0].lower() == first.split()[0].lower() and len(said) >= len(first.split()) - 1:
        return second  # as long as the first and opening as it does ('đơn vị không lập …', 'đơn vị có lập …'): whole
    if (cut := first.lower().find(f" {said[0].lower()} ")) > 0:
        return f"{first[:cut]} {second}"
    # 'Tỷ lệ … của cơ quan quản lý kinh phí' against 'đơn vị triển khai đề án': the same of the other party
    if said[0].lower() not in _PREPOSITIONS and (owners := list(_OWNER.finditer(first))):
        return f"{first[:owners[-1].end()]}{second}"
    return second


# 'Đề án hỗ trợ A và đề án hỗ trợ B được tạm ứng theo tỷ lệ nào?', 'Hỗ trợ A và hỗ trợ B: mức trần mỗi loại là bao
# nhiêu?': two subjects opening with the same word, one thing asked of each.
_PARALLEL = re.compile(r"^(?P<a>(?P<head>\w+)\s.{8,}?)\s+và\s+(?P<b>(?P=head)\s.{8,}?)"
                       r"(?P<cut>\s*:\s*|\s+)(?P<ask>(?:được|có|là|do|gồm|thuộc|phải|mức|thì)\b[^?]*?)[\s?.!]*$",
                       re.IGNORECASE)
_EACH = re.compile(r"\s+(?:mỗi|từng)\s+(?:loại|bên|trường hợp|đề án)\b", re.IGNORECASE)


# 'Để được công nhận làng nghề thì tỷ lệ hộ … và thời gian sản xuất ổn định tối thiểu là bao nhiêu?': two measures
# after the case, one bound asked of each
_MEASURE = r"(?:tỷ lệ|số|số lượng|thời gian|thời hạn|mức|kinh phí|diện tích|quy mô)\s"
_MEASURES = re.compile(rf"^(?P<scene>.*?\bthì\s+|.*?,\s*)?(?P<a>{_MEASURE}[^?,]{{3,80}}?)\s+và\s+"
                       rf"(?P<b>{_MEASURE}[^?,]{{3,80}}?)\s+(?P<ask>(?:tối thiểu|tối đa|ít nhất|cần|phải)\b[^?]*?"
                       r"\b(?:bao nhiêu|mấy|bao lâu))[\s?.!]*$", re.IGNORECASE)


# '… thì cần đạt tiêu chí gì về tỷ lệ hộ tham gia và thời gian hoạt động?': the bound of each measure named
_COUNTED = r"(?:tỷ lệ|số|số lượng|thời gian)\s"  # what criteria set a minimum of
_CRITERIA_ON = re.compile(rf"^(?P<scene>.*?)\s*(?:(?:cần|phải)\s+)?(?:(?:đạt|đáp ứng|có)\s+)?(?:những\s+)?"
                          rf"(?:tiêu chí|điều kiện|yêu cầu)\s+(?:gì|nào)\s+về\s+(?P<a>{_COUNTED}[^?,]{{2,80}}?)\s+và\s+"
                          rf"(?P<b>{_COUNTED}[^?,]{{2,80}}?)(?:\s+(?:không|chưa))?[\s?.!]*$", re.IGNORECASE)
_LASTING = re.compile(r"^(?:thời gian|thời hạn)\b", re.IGNORECASE)


def measured_sides(question: str) -> list[str]:
    """The two measures of '… thì <measure A> và <measure B> tối thiểu là bao nhiêu?' (or '… tiêu chí gì về <measure
    A> và <measure B>?') each asked on its own; [] when not so phrased."""
    if criteria := _CRITERIA_ON.match(nfc(question).strip()):
        scene = f"{criteria.group('scene').strip()} ".lstrip()
        return [f"{scene}{criteria.group(side)} tối thiểu là "
                f"{'bao lâu' if _LASTING.match(criteria.group(side)) else 'bao nhiêu'}?" for side in ("a", "b")]
    found = _MEASURES.match(nfc(question).strip())
    if not found:
        return []
    scene = found.group("scene") or ""
    return [f"{scene}{found.group(side)} {found.group('ask')}?" for side in ("a", "b")]


def parallel_sides(question: str) -> list[str]:
    """The two subjects of '<head> A và <head> B <asked of each>' each asked on its own; [] when not so phrased."""
    if measured := measured_sides(question):
        return measured
    found = _PARALLEL.match(nfc(question).strip())
    if not found or re.search(r"\b(?:giữa|khác nhau|khác gì|so với|so sánh)\b", question, re.IGNORECASE):
        return []  # a difference asked is the other rules' to split
    ask = _EACH.sub("", found.group("ask"))
    joint = ": " if ":" in found.group("cut") else " "
    return [f"{found.group(side)[:1].upper()}{found.group(side)[1:]}{joint}{ask}?" for side in ("a", "b")]


# 'Các phòng chuyên môn và chi nhánh của Trung tâm thì mỗi nơi có mấy cấp phó?': two subjects, what each one has
# The last 'và' joins the two: the first may be a name holding one ('Trung tâm Khuyến công và Tư vấn …').
_EACH_OF_TWO = re.compile(r"^(?:(?:còn|cho hỏi)\s+)?(?P<a>[^:?,;]{2,80})\s+(?:và|với)\s+(?P<b>[^:?,;]{2,80}?),?\s+"
                          r"(?:thì\s+)?(?:mỗi|từng)\s+(?:nơi|chỗ|bên|đơn vị|người|cơ quan)\s+(?P<ask>[^?]+?)[\s?.!]*$",
                          re.IGNORECASE)


def each_sides(question: str) -> list[str]:
    """The two subjects of '<A> và <B> (thì) mỗi nơi <asked of each>' each asked on its own, A borrowing B's 'của
    …' ('các phòng chuyên môn' of the same centre); [] when not so phrased."""
    found = _EACH_OF_TWO.match(nfc(question).strip())
    if not found:
        return []
    first, second = found.group("a"), found.group("b")
    owner = re.search(r"\s+của\s+.+$", second)
    named = any(word[:1].isupper() for word in first.split()[1:])  # 'Sở Công Thương' has an owner of its own
    if owner and " của " not in f" {first} " and not named:
        first = f"{first}{owner.group(0)}"
    return [f"{side[:1].upper()}{side[1:]} {found.group('ask')}?" for side in (first, second)]


# '… đề án khuyến công quốc gia và (đề án khuyến công) địa phương do ai quy định?': the national scheme and the local
# one are ruled apart, each asked on its own
_SCHEMES = re.compile(r"(?<!\w)(?P<head>(?:(?:đề án|kế hoạch|chương trình|kinh phí|hoạt động|nhiệm vụ)\s+)?"
                      r"khuyến công\s+)quốc gia\s+(?:và|với|and)\s+(?:(?P=head))?địa phương(?!\w)",
                      re.IGNORECASE)


def names_both_schemes(text: str) -> bool:
    """Whether a text speaks of the national scheme and of the local one ('… quốc gia và địa phương', 'kế hoạch
    khuyến công quốc gia do …; kế hoạch khuyến công địa phương do …')."""
    folded = fold(text)
    return bool(_SCHEMES.search(nfc(text))) or (
        "khuyen cong quoc gia" in folded and "khuyen cong dia phuong" in folded)


def scheme_sides(question: str) -> list[str]:
    """The question asked of the national scheme and of the local one when it joins them ('… đề án khuyến công
    quốc gia và địa phương …'); [] when it does not."""
    question = nfc(question)
    found = _SCHEMES.search(question)
    if not found or not asks_something(question):
        return []
    head = found.group("head")
    return [f"{question[:found.start()]}{head}{scope}{question[found.end():]}" for scope in ("quốc gia", "địa phương")]


# "… được xem là 'sử dụng nhiều lao động' hay 'sử dụng nguyên liệu tại chỗ' …?": each quoted term asked alone
_QUOTED_PAIR = re.compile(r"(?P<qa>['\"“‘])(?P<a>[^'\"”’]{3,80})['\"”’]\s+(?:hay|và|hoặc|or|and)\s+"
                          r"(?P<qb>['\"“‘])(?P<b>[^'\"”’]{3,80})['\"”’]", re.IGNORECASE)


def quoted_sides(question: str) -> list[str]:
    """The question asked of each of two quoted terms it joins ("… là 'A' hay 'B' …?"); [] when it joins none."""
    found = _QUOTED_PAIR.search(question)
    if not found:
        return []
    return [f"{question[:found.start()]}{found.group(q)}{found.group(side)}{found.group(q).translate(_CLOSING)}"
            f"{question[found.end():]}" for q, side in (("qa", "a"), ("qb", "b"))]


_CLOSING = str.maketrans("“‘", "”’")


# 'Chi quản lý …: cơ quan quản lý kinh phí và đơn vị triển khai mỗi bên được trích bao nhiêu?': after a topic, two
# parties, and what each is asked.
_EACH_PARTY = re.compile(r"^(?P<topic>[^:?]+:\s*)(?P<a>[^:?]+?)\s+(?:và|với)\s+(?P<b>[^:?]+?)\s+(?:mỗi|từng)\s+"
                         r"(?:bên|cấp|loại|đơn vị)\s+(?P<ask>[^?]+?)[\s?.!]*$", re.IGNORECASE)


# '…, ai quản lý mỗi loại?' after a comparison: what is asked of each side it compares
_ASKED_OF_EACH = re.compile(r",\s*(?P<ask>[^,?]+?)\s+(?:mỗi|từng)\s+(?:loại|bên)[\s?.!]*$", re.IGNORECASE)


# "What's the difference between a 'craft village' and a 'traditional craft village' under Decree 52/2018?": what
# each quoted term is, within the scope the question ends with
_ENGLISH_DIFFERENCE = re.compile(r"^\W*(?:what(?:'s| is| are) the (?:main )?differences? between|compare)\s+"
                                 r"(?P<a>(?:an? |the )?['\"“‘][^'\"”’?]{2,80}['\"”’])\s+(?:and|with)\s+"
                                 r"(?P<b>(?:an? |the )?['\"“‘][^'\"”’?]{2,80}['\"”’])"
                                 r"(?P<scope>\s+(?:under|in|according to)\s+[^?]{1,80}?)?[\s?.!]*$", re.IGNORECASE)


def sides(question: str) -> list[str]:
    """The two sides of 'So sánh A với B' or 'A và B <ask>, khác nhau thế nào?', each a question of its own (a
    short B borrows what A says before the words they differ in; 'mức hỗ trợ B' borrows A's 'mức hỗ trợ'); the
    question itself when not so phrased. '…, ai quản lý mỗi loại?' asks that of each side."""
    question = nfc(question).strip()
    if (each := _ASKED_OF_EACH.search(question)) and len(found := _sides(question[:each.start()] + "?")) == 2:
        return [f"{side.rstrip(' ?')}, {each.group('ask')}?" for side in found]
    return _sides(question)


# 'So sánh mục tiêu A và B của Hà Nội năm 2021 với (Kế hoạch) năm 2024': the same question of each year, however
# many things it asks of them (only a plan's name between the two years: '… cấp tỉnh năm 2021 với cấp quốc gia năm
# 2024' compares more than years)
_YEARS_COMPARED = re.compile(r"^\W*(?:so sánh\s+|so sanh\s+)?(?P<x>.+?)\s+(?:năm\s+|nam\s+)?(?P<a>(?:19|20)\d{2})\s+"
                             r"(?:với|và|so với|voi|va|so voi)\s+(?:kế hoạch\s+|ke hoach\s+)?(?:năm\s+|nam\s+)?"
                             r"(?P<b>(?:19|20)\d{2})\b(?P<rest>[^?]*?)\s*(?:,?\s*(?:có\s+|co\s+)?"
                             r"(?:khác nhau|khac nhau|thay đổi|thay doi|gì khác|gi khac)\b[^?]*)?[?.]?\s*$",
                             re.IGNORECASE)


def _year_sides(question: str) -> list[str]:
    """'So sánh A của Hà Nội năm 2021 với năm 2024' -> ['A của Hà Nội năm 2021?', 'A của Hà Nội năm 2024?']; []
    when it compares no two years, or what it asks of them is nothing but 'năm'."""
    years = _YEARS_COMPARED.match(question)
    asked = re.sub(r"\s*\b(?:năm|nam)$", "", years["x"], flags=re.IGNORECASE).strip(" ,") if years else ""
    if not asked:
        return []
    return [f"{asked} năm {years[side]}{years['rest'].rstrip(' ,')}?" for side in ("a", "b")]


def _sides(question: str) -> list[str]:
    if by_year := _year_sides(question):
        return by_year
    if by_level := level_sides(question):
        return by_level
    # two quoted terms, each a thing of its own ('national and local … funds' share their noun)
    if english := _ENGLISH_DIFFERENCE.match(question):
        return [f"What is {english.group(side)}{english.group('scope') or ''}?" for side in ("a", "b")]
    if parallel := parallel_sides(question):
        return parallel
    if each := _EACH_PARTY.match(question):
        return [f"{each.group('topic')}{each.group(side)} {each.group('ask')}?" for side in ("a", "b")]
    if shared := _SHARED.match(question):
        first, second = _borrow(shared.group("a"), shared.group("b"))
        return [f"{first} {shared.group('ask')}?", f"{second} {shared.group('ask')}?"]
    if on := _DIFFER_ON.match(question):  # 'A và B khác nhau thế nào về X?': X of A, X of B
        first, second = on.group("a"), on.group("b")
        second, _, aspect = second.partition(" thì ")  # '… và tại cụm công nghiệp thì mức trần khác nhau ra sao?'
        aspect = (on.group("on") or on.group("at") or aspect).strip()
        lead_word = second.split()[0].lower()
        longest = 16 if lead_word in _PREPOSITIONS else 6  # '… của đơn vị lên Sở và của Sở lên Cục …'
        if len(second.split()) <= longest and (cut := first.lower().find(f" {lead_word} ")) > 0:
            second = f"{first[:cut]} {second}"  # '… cấp huyện, cấp tỉnh và cấp khu vực, cấp quốc gia'
        return _each_aspect([first, second], aspect)
    if against := _AGAINST.match(question) or _AGAINST_AT.match(question):  # 'A khác gì (so với) B (về X)?'
        first, second = against.group("a"), _lent(against.group("a"), against.group("b"))
        return _each_aspect([first, second], against.group("on") or "")
    # 'X khác nhau thế nào giữa A và B?': X of A, X of B ('Có sự khác nhau gì giữa A và B?' asks of both at once)
    if (between := _BETWEEN.match(question)) and not re.search(r"\bsự$", between.group("x"), re.IGNORECASE):
        first, second = between.group("a"), _lent(between.group("a"), between.group("b"))
        return [f"{between.group('x')} {first}?", f"{between.group('x')} {second}?"]
    if between := _COMPARE_BETWEEN.match(question):  # 'So sánh X giữa A và B': X of A, X of B
        return [f"{between.group('x')} của {between.group(side)}?" for side in ("a", "b")]
    match = _SIDES.match(question)
    if not match:
        return [question]
    first, second = match.group("a"), match.group("b")
    head = _HEAD.match(first)
    first, second = _borrow(first, second)
    if head and not _HEAD.match(second):
        second = f"{head.group(0)} {second}"
    return [f"{first} là bao nhiêu?" if head and head.group(0).lower().startswith("mức") else f"{first}?",
            f"{second} là bao nhiêu?" if head and head.group(0).lower().startswith("mức") else f"{second}?"]


# A subject lent to other parts loses the words that tie it into its own clause ('Còn hội đồng … thì có').
_LOOSE_ENDS = re.compile(r"^(?:(?:còn|vậy|thế|nhưng|rồi|con|vay)\s+)+|"
                         r"(?:,?\s+(?:thì|có|là|được|do|của|cho|còn|thi|co|la|duoc|con))+$", re.IGNORECASE)
# A part pointing back at the subject of the part before it ('ai phê duyệt kế hoạch đó?').
_POINTING = re.compile(r"(?<!\w)(đó|này|ấy|trên|that|this|it)(?!\w)", re.IGNORECASE)
# A document a question names ('theo Nghị định 52/2018', 'Under Decree 52/2018') scopes every part.
_NAMED = re.compile(r"(?:(?:nghị định|thông tư(?: liên tịch)?|quyết định|nghị quyết|decree|circular|decision)\s+"
                    r"(?:số\s+)?)?\b\d+/\d{4}(?:/[\w-]+)?", re.IGNORECASE)


# A part opening with what is done ('bắt đầu có hiệu lực khi nào?', 'được ký ngày nào?') has no subject of its own.
_PREDICATE_FIRST = re.compile(r"(bat dau|co hieu luc|duoc (ky|ban hanh|phe duyet)|ky (ngay|khi|nam))\b")


# A part opening with what it asks ('ai làm Chủ tịch …', 'phải làm được bao nhiêu …', 'định kỳ phải báo cáo cho ai')
# has no subject of its own.
_ASKING_FIRST = re.compile(r"(?:(?:dinh ky|hang nam|hang quy|hang thang|moi nam|sau do)\s+)*"
                           r"(ai|phai|can|do (?:ai|co quan nao|don vi nao|cap nao|ben nao))\b")


def _asks_first(piece: str) -> bool:
    """Whether a part opens with what it asks; English 'can the product …' opens with its verb, not 'cần'."""
    return bool(_ASKING_FIRST.match(fold(piece))) and not is_english(piece)

# nor has one opening with the bound it asks ('tối đa mấy lần 1 năm?')
# (with its accents: 'toi da' may be 'tôi đã')
_BOUND_FIRST = re.compile(r"(tối đa|tối thiểu|ít nhất|nhiều nhất)\b", re.IGNORECASE)
SUBJECT_MIN_CHARS = 12  # 'Muốn được …' has no subject before its verb
# 'ngoài ra còn từ nguồn nào?': a part asking what else there is of the part before's subject; folded
_WHAT_ELSE = re.compile(r"(?:ngoai ra|ben canh do)\b")
# A part opening with a quality its owner has ('năng lực được đánh giá theo tiêu chí gì?') is of what the part before
# has someone become ('… có được tham gia làm tổ chức dịch vụ khuyến công không'); folded
_QUALITY = re.compile(r"(?:nang luc|tieu chuan|quyen loi|nghia vu|trach nhiem|nhiem vu)\s+(?!cua\b)")
# ('làm hồ sơ', 'thanh toán' are no roles)
_BECOMES = re.compile(r"\b(?:lam|tro thanh)\s+(?P<owner>(?:to chuc|don vi|thanh vien|co quan|chu tich|giam doc)"
                      r"(?:\s+[^\W\d_]+){0,5}?)\s+(?:khong|ko|k|duoc khong|hay khong)\W*$")


def _of_owner(piece: str, previous: str) -> str:
    """'năng lực được đánh giá …' after '… làm tổ chức dịch vụ khuyến công không' -> 'năng lực của tổ chức dịch vụ
    khuyến công được đánh giá …'; the piece itself otherwise."""
    quality = _QUALITY.match(fold(piece).lower())
    owner = _BECOMES.search(fold(previous).lower())
    if not quality or not owner:
        return piece
    named = previous[owner.start("owner"):owner.end("owner")]
    cut = len(quality.group(0).rstrip())
    return f"{piece[:cut]} {'cua' if is_unaccented(piece) else 'của'} {named}{piece[cut:]}"


_SIGNING = re.compile(r"\s(?:duoc\s+)?(?:ky|ban hanh)\s+(?:ngay|khi|nam|vao)\b", re.IGNORECASE)  # folded
# Where what a part asks of its subject starts; 'thì' with its accent ('thị trấn' folds to 'thi' too) unless the
# question is typed without diacritics.
_ASKED_OF = re.compile(r"\s(thì|thời hạn|do ai|trước ngày|chậm nhất)\s", re.IGNORECASE)
_ASKED_OF_FOLDED = re.compile(r"\s(thi|thoi han|do ai|truoc ngay|cham nhat)\s")


def _before_predicate(previous: str, piece: str = "") -> str:
    """'Quyết định 2646/QĐ-BCT được ký ngày nào' -> 'Quyết định 2646/QĐ-BCT': a part's subject without what it says of
    it, for a part that says something else of the same subject; the document a part opens with for one asking when
    it was signed or takes effect ('…, ký ngày nào và có hiệu lực khi nào?')."""
    if _PREDICATE_FIRST.match(fold(piece)) and (document := DOC_NUMBER.match(previous)):  # the document it opens with
        return document.group(0)
    # 'Quyết định phê duyệt … ký ngày nào, có hiệu lực khi nào?': the document before the signing asked of it
    signed = _SIGNING.search(fold(previous), SUBJECT_MIN_CHARS) if len(fold(previous)) == len(previous) else None
    if signed and not is_unaccented(previous) and not re.search(r"(?<!\w)(?:ký|ban hành)(?!\w)",
                                                                previous[signed.start():signed.end()]):
        signed = None  # 'định kỳ năm …' folds to 'ky nam' too
    if _PREDICATE_FIRST.match(fold(piece)) and signed:
        return previous[: signed.start()].strip(" ,")
    # 'Sở gửi hồ sơ lên Cục thì hạn là khi nào', '… nộp hồ sơ ở Sở thời hạn là ngày nào', 'Hội đồng … do ai lập':
    # what follows 'thì', the deadline or the agent asked about is what the part asks of its subject
    asked_of = _ASKED_OF_FOLDED.search(previous, SUBJECT_MIN_CHARS) if is_unaccented(previous) else \
        _ASKED_OF.search(previous, SUBJECT_MIN_CHARS)
    if (then := asked_of) is not None:
        return _LOOSE_ENDS.sub("", previous[: then.start()]).strip(" ,")
    # the last verb: 'Cơ sở được chứng nhận … có quyền lợi gì' is said of 'Cơ sở được chứng nhận …'
    verbs = [m for m in re.finditer(r"\s(duoc|co|bat dau|co hieu luc)\b", fold(previous))
             if m.start() > SUBJECT_MIN_CHARS]
    return _LOOSE_ENDS.sub("", previous[: verbs[-1].start()]).strip(" ,") if verbs else _subject(previous)


def _referent(previous: str) -> str:
    """What 'họ' / 'nó' of the next part stands for: the part before up to where it asks, without the verb the asking
    word needs ('Trung tâm khuyến công có mấy phó giám đốc' -> 'Trung tâm khuyến công'; a question closed by 'không'
    is a statement of its subject whole)."""
    cue = _CUE_PHRASE.search(previous)
    stated = previous[: cue.start()] if cue and cue.start() > SUBJECT_MIN_CHARS else previous
    stated = _VERB_ENDING.sub("", re.sub(r"\s+", " ", stated).strip(" ,"))
    return _LOOSE_ENDS.sub("", stated).strip(" ,")


def _subject(first: str) -> str:
    """A part with its asking words and loose ends dropped: what the part after it is about."""
    subject = re.sub(r"\s+", " ", _CUE_PHRASE.sub(" ", first)).strip(" ,")
    return _LOOSE_ENDS.sub("", subject).strip(" ,")


# 'Có được hỗ trợ không, mức bao nhiêu?' asks one thing: how much of the support asked about.
_HOW_MUCH = re.compile(r"^(?:(?:nếu có thì|nếu được thì|neu co thi)\s+)?"
                       r"(?:(?:mức|muc|được|duoc|hỗ trợ|ho tro|tối đa|toi da)\s+)*"
                       r"(?:bao nhiêu|bao nhieu|bao nhiu)(?:\s+(?:tiền|tien|%|phần trăm))?$", re.IGNORECASE)


def _how_much_of(piece: str, previous: str) -> bool:
    """Whether the piece only asks how much of what the yes/no piece before it asks about."""
    return bool(ends_yes_no(expand_shorthand(previous)) and _HOW_MUCH.match(piece.strip()))


# 'khi nào mới được tạm ứng?', 'cần điều kiện gì?': what must be reached first; folded
_BOUND_ASKED = re.compile(r"(?:(?:can|phai|voi|thi)\s+)+(?:co\s+|dap ung\s+)?dieu kien\b|"
                          r"(?:khi nao|bao gio)(?: thi)? moi duoc\b")


def _bound_of(piece: str, previous: str) -> bool:
    """Whether the piece asks the bound to pass for the advance the piece before it asks ('… được tạm ứng bao nhiêu
    %, cần điều kiện gì?'): one question, answered by the share and the bound beside it."""
    return bool(_BOUND_ASKED.match(fold(piece).lower()) and _HOW_MUCH_ADVANCED.search(fold(previous).lower()))


# 'được tạm ứng bao nhiêu %', 'được tạm ứng lần đầu bao nhiêu', 'tạm ứng được mấy phần trăm'; folded
_HOW_MUCH_ADVANCED = re.compile(r"\bduoc (?:tam )?ung\b(?: \w+){0,3} (?:bao nhieu|may phan tram)\b|"
                                r"\btam ung (?:duoc )?(?:bao nhieu|may phan tram)\b")


def _scene_and_ask(sentence: str) -> tuple[str, str]:
    """'Hỗ trợ … theo Nghị định 52/2018: mức hỗ trợ do ai quy định …' sets its topic before the colon."""
    head, colon, rest = sentence.partition(": ")
    return (f"{head}:", rest) if colon and rest and not asks_something(head) else ("", sentence)


# A part asking nothing of its own: 'Nếu chỉ đổi đơn vị thụ hưởng thì sao?', 'còn các chức danh khác thì sao?'; folded.
_HOW_THEN = rf"\s+thi\s+(?:sao|the nao|ra sao)(?:\s+{CLOSING_PARTICLES})*\W*$"  # '… thì sao ạ?'
_VAGUE_PART = re.compile(rf"^(?:con\s+)?(?P<case>(?:neu|truong hop|khi|rieng)\b.+?){_HOW_THEN}|"
                         # 'còn các chức danh khác thì sao?', 'mấy vị trí còn lại thì sao ạ?', 'những chức danh khác …'
                         rf"^(?:con|(?:con\s+)?(?:may|cac|nhung)(?=\s.+\b(?:con lai|khac)\b))\s+.+?{_HOW_THEN}")
# Where the previous part's ask starts: after its last 'thì' ('… sang năm sau thì | cấp nào phê duyệt?'); folded.
_THEN = re.compile(r".*\bthi\s+")


def _as_previous(piece: str, previous: str) -> str:
    """A part that asks nothing of its own asks what the part before asked: 'Nếu chỉ đổi đơn vị thụ hưởng thì sao?'
    after '… gia hạn … thì cấp nào phê duyệt?' is '… đổi đơn vị thụ hưởng thì cấp nào phê duyệt'; 'còn các vị trí
    khác thì sao?' is the previous question of those positions, as a follow-up would be read."""
    folded = fold(piece).lower()
    vague = _VAGUE_PART.match(folded)
    if not vague:
        return piece
    then = _THEN.match(fold(previous).lower())
    if vague.group("case") and then:
        case = piece[vague.start("case"):vague.end("case")]
        return f"{case[:1].upper()}{case[1:]} thì {previous[then.end():].strip(' ?')}"
    # 'mấy vị trí còn lại thì sao?' is read as the continuation 'còn mấy vị trí còn lại thì sao?' would be
    piece = without_particles(re.sub(r"[\W_]+$", "", nfc(piece)))  # '… thì sao ạ?'
    continued = piece if folded.startswith("con ") else f"Còn {piece[:1].lower()}{piece[1:]}"
    return standalone_question(f"{continued}?", [{"role": "user", "content": f"{previous}?"}]).strip(" ?")


def _joined_pieces(sentence: str) -> list[tuple[str, str]]:
    """The stretches of a sentence between its joints, each with the joint before it as written when a word joins
    them (' và ', ', và '), else ', ': pieces that ask nothing rejoin as they were ('Trung tâm Khuyến công và Tư vấn
    phát triển công nghiệp …' stays one name)."""
    found, start, joint = [], 0, ""
    joints = [m for m in _JOINT.finditer(sentence) if not _joins_name(sentence, m)]
    for match in [*joints, None]:
        end = match.start() if match else len(sentence)
        piece = sentence[start:end].strip(" ,;?")
        if piece:
            found.append((joint if re.search(r"\w", joint) else ", ", piece))
        if match:
            start, joint = match.end(), match.group(0)
    return found


def _without_overlap(subject: str, piece: str) -> str:
    """A borrowed subject without the words the part opens with ('HTX phải báo cáo' + 'báo cáo cho ai' says 'báo
    cáo' once)."""
    said, opening = subject.split(), piece.split()
    for size in range(min(3, len(said) - 1, len(opening)), 0, -1):
        if [fold(w) for w in said[-size:]] == [fold(w) for w in opening[:size]]:
            return " ".join(said[:-size])
    return subject


# 'who approves it', 'which body directs it': a who-question whose object is the thing asked about before
_ASKS_OF_IT = re.compile(r"^(?:and\s+)?(?:who|which (?:body|bodies|agency|agencies|ministry|authority|office)) "
                         r"\w+ (?P<it>it|them)(?: [\w -]{1,40})?\W*$", re.IGNORECASE)  # '… gives it guidance?'
_WH_OPENING = re.compile(r"^(?:who|what|which|how many|how much|how long|when|where)\b", re.IGNORECASE)
_ENGLISH_OBJECT = re.compile(r"\b(?:the|a|an)\s+(?!same\b)")
_ENGLISH_OF_OBJECT = re.compile(r"\b(?:status|type|nature|role|position|functions?|mandate) of "
                                r"(?P<thing>(?:the|a|an)\s+(?!same\b))", re.IGNORECASE)
_ENGLISH_VERB_AFTER = re.compile(r"\s+(?:have|has|get|gets|receive|receives|last|lasts|take effect|come into force|"
                                 r"mean|means|cover|covers|do|does)$")


def _english_referent(piece: str, previous: str) -> str:
    """An English part with the thing the part before it names in place of its 'it' ('who approves it' after 'Who
    prepares the local programme …' asks who approves the local programme …); '' when either is not so phrased."""
    # 'What is the legal status of a provincial … Center': the thing 'of' names, not its status
    pronoun = _ASKS_OF_IT.match(piece)
    attributed = _ENGLISH_OF_OBJECT.search(previous)
    start = attributed.start("thing") if attributed else (found.start() if (found := _ENGLISH_OBJECT.search(previous))
                                                           else None)
    if not (is_english(previous) and pronoun and start is not None and _WH_OPENING.match(previous)):
        return ""
    named = _ENGLISH_VERB_AFTER.sub("", previous[start:].strip(" ?"))  # '… the council … have'
    return f"{piece[: pronoun.start('it')]}{named}{piece[pronoun.end('it'):]}"


# 'Official Letter No. 400/CTĐP-QLKC', 'Decree 45/2012/NĐ-CP': an English part's 'it' after a part naming one is it;
# 'they' after 'how many rural industrial facilities were …' are those facilities
# ('Under Decree 45/2012, who establishes the centre …, which agency does it belong to?': the centre, not the decree)
_ENGLISH_DOCUMENT = re.compile(r"(?<!under )(?<!to )(?<!in )(?<!by )(?<!of )(?<!official )"
                               r"\b(?:official letter|letter|decree|circular|decision|resolution|plan)"
                               r"(?: no\.?)? \d+/[\w/-]+", re.IGNORECASE)
_ENGLISH_COUNTED = re.compile(r"\bhow many (?!of\b)((?:\w+ ){0,5}?\w+s) "
                              r"(?:were|are|did|do|have|had|has|will|can|received?|got)\b", re.IGNORECASE)
_IT = re.compile(r"\b(it|its)\b")
_THEY = re.compile(r"\b(they|them|their)\b")


def _english_thing_referent(piece: str, previous: str) -> str:
    """An English part with what the part before it names in place of its pronoun: the document ('how many focus
    areas did it set' after 'Who signed Official Letter No. 400/CTĐP-QLKC …'), or what it counts ('how much capital
    did they invest' after 'how many rural industrial facilities were supported …'); '' when not so phrased."""
    if not is_english(previous):
        return ""
    for pronoun, antecedent in ((_IT, _ENGLISH_DOCUMENT), (_THEY, _ENGLISH_COUNTED)):
        said, named = pronoun.search(piece), antecedent.search(previous)
        if said and named:
            thing = named.group(0) if antecedent is _ENGLISH_DOCUMENT else f"the {named.group(1)}"
            if said.group(1) in ("its", "their"):
                thing += "'" if thing.endswith("s") else "'s"
            return f"{piece[: said.start()]}{thing}{piece[said.end():]}"
    return ""


_PRONOUN_OPENING = re.compile(r"^(?:họ|chúng nó|nó)\s+(?!(?:và\s+)?tên\b)(?=\w)", re.IGNORECASE)  # not 'Họ tên'
_VERB_ENDING = re.compile(r"\s+(?:có thể|có|được|là|phải|cần)$")
DETAIL_WORDS = 3  # 'mấy tấm', 'cỡ bao nhiêu': a part this short asks a detail of what the part before asks about


_MANNER = re.compile(r"\b(the nao|ra sao)\W*$")  # a part asking how something is done; folded


# 'ai làm Chủ tịch, Phó Chủ tịch thường trực?' asks who holds each office it names.
_ROLE_NAMES = r"(?:Phó Chủ tịch(?: thường trực)?|Chủ tịch|Trưởng ban|Phó Trưởng ban|Thư ký|Ủy viên|Uỷ viên)"
_ROLE_ASKED = re.compile(rf"(?<!\w)(ai (?:làm|là|giữ))\s+{_ROLE_NAMES}", re.IGNORECASE)
_ROLE_ONLY = re.compile(rf"{_ROLE_NAMES}(?:\s+hội đồng)?", re.IGNORECASE)


def _is_detail(piece: str) -> bool:
    """Whether a part only asks a detail ('mấy tấm', 'cỡ bn') of the thing the part before it asks about."""
    said = fold(without_particles(nfc(piece).lower().strip(" ?")))  # '… cỡ bn vậy ạ'
    return len(said.split()) <= DETAIL_WORDS and asks_something(piece)


def parts(question: str) -> list[str]:
    """The questions a question asks, each standalone: 'Hồ sơ cần gì và bao nhiêu điểm thì đạt?' gives 'Hồ sơ cần
    gì?' and 'Hồ sơ bao nhiêu điểm thì đạt?', each after the statements (and a topic before a colon) that set the
    scene. One part when the question asks one thing."""
    sentences = [s for s in _SENTENCE.split(nfc(question).strip()) if s.strip()]
    # 'Mấy anh em chúng tôi …' opens a statement: 'mấy' asks only inside a sentence
    scene = [s for s in sentences if not (s.rstrip().endswith("?") or asks_something(re.sub(r"^mấy\s", "", s.lower())))]
    asked = [s for s in sentences if s not in scene]
    pieces: list[str] = []
    for sentence in asked:
        topic, sentence = _scene_and_ask(sentence)
        scene += [topic] if topic else []
        # Each asked sentence opens a part; within one, a stretch that asks nothing joins the last part, unless that
        # part has asked already: then it opens the next one ('… bao lâu để lập hồ sơ quyết toán và hạn chót thanh
        # lý, quyết toán là khi nào?').
        opened, pending = False, []
        for joint, piece in _joined_pieces(sentence):
            if pieces and (role := _ROLE_ASKED.search(pieces[-1])) and _ROLE_ONLY.fullmatch(piece):
                piece = f"{role.group(1)} {piece}"  # 'ai làm Chủ tịch, Phó Chủ tịch thường trực?': who holds each
            if opened and not pending and not asks_something(piece) and asks_something(pieces[-1]):
                pending.append(piece)
            elif pending:
                pending.append(f"{joint}{piece}")
                if asks_something(piece):
                    pieces.append("".join(pending))
                    pending = []
            elif not opened or (asks_something(piece) and asks_something(pieces[-1])
                                and not _how_much_of(piece, pieces[-1]) and not _bound_of(piece, pieces[-1])):
                pieces.append(piece)
                opened = True
            else:
                pieces[-1] = f"{pieces[-1]}{joint}{piece}"
        if pending:
            pieces[-1] = ", ".join([pieces[-1], "".join(pending)])
    if len(pieces) < 2:
        return [question]
    setting = " ".join(scene)
    named = [m.group(0) for m in _NAMED.finditer(pieces[0])] if not _NAMED.search(setting) else []
    out = [f"{setting} {pieces[0]}?".strip()]
    subject = ""  # what the part before was said of, when it borrowed it ('ai phê duyệt?' of '… kế hoạch …')
    for previous, piece in zip(pieces, pieces[1:], strict=False):
        piece = _of_owner(_as_previous(piece, previous), previous)
        # A short part ('ai lập?'), one pointing back or one opening with what it asks ('ai làm Chủ tịch Hội đồng?')
        # is about the part before it ('nộp hồ sơ cho ai và trước ngày nào?': the date is the filing's); a longer
        # one names its own. 'bắt đầu có hiệu lực khi nào?' is said of the previous subject.
        folded = fold(piece)
        own = not (_PREDICATE_FIRST.match(folded) or _asks_first(piece) or len(piece.split()) < 6
                   or _POINTING.search(piece) or MEASURE_RULE.match(piece.lower()) or _BOUND_FIRST.match(piece)
                   or _WHAT_ELSE.match(folded))
        # a part that borrowed its subject lends the same one ('ai phê duyệt, và ai trình …?')
        # 'Ai thẩm định cấp cơ sở và ai thẩm định cấp Bộ?': two parts opening with what they ask share no subject
        parallel = not subject and _asks_first(previous) and _asks_first(piece) \
            and not _POINTING.search(piece)
        # so does one that opened with its predicate ('…, ký ngày nào và có hiệu lực khi nào?')
        lends = subject and (_asks_first(previous) or _PREDICATE_FIRST.match(fold(previous)))
        if _is_detail(piece) and (_MANNER.search(fold(previous)) or (subject and _is_detail(previous))):
            # 'nộp ảnh thế nào, mấy tấm, cỡ bao nhiêu': the count and the size are of the photos filed
            subject = subject if subject and _is_detail(previous) else _subject(previous)
        else:
            subject = "" if own or parallel else (subject if lends else _before_predicate(previous, piece))
        if (they := _PRONOUN_OPENING.match(piece)) and not _asks_first(previous):
            # 'Công ty tư nhân có được làm tổ chức dịch vụ khuyến công không? Họ được chọn theo tiêu chí gì?': they
            # are what the part before is about, said in full
            piece, subject = piece[they.end():], _referent(previous)
        # 'and who approves it?': who approves the programme the part before names; 'and how much capital did they
        # invest?': the facilities it counted
        named_it = (_english_referent(piece, previous) if subject else "") or _english_thing_referent(piece, previous)
        if named_it:
            piece, subject = named_it, ""
        borrowed = [_without_overlap(subject, piece)] if subject else []
        borrowed += [name for name in named if name not in piece and not any(name in b for b in borrowed)]
        out.append(" ".join(text for text in (setting, *borrowed, f"{piece}?") if text))
    return out
