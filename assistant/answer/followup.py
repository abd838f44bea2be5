"""Follow-up questions rewritten into standalone ones from the conversation history (offline heuristics)."""

from __future__ import annotations

import re

from assistant.answer.evidence import content_terms
from assistant.search.references import parse_references
from assistant.text import fold, is_unaccented, nfc, segmented_words, without_particles, words

_CONTINUATION = re.compile(r"^(con|vay con|the con|the(?! nao\b)|and|what about|how about)\b\s*(.*?)\s*"
                           r"(thi sao|the nao|\?)*$")
# 'Thế cấp tỉnh thì sao?' opens a continuation as 'Còn …' does, read with its accent.
_THE = re.compile(r"^thế\s", re.IGNORECASE)
_DEICTIC = re.compile(
    r"\b(van ban|thong tu|nghi dinh|quyet dinh|nghi quyet|muc|dieu|khoan|quy dinh|truong hop|noi dung)\s+"
    r"(do|nay|tren|ay|vua neu)\b"
)
# 'Ngoài in logo ra thì còn được hưởng gì nữa không?': more of what was just asked about.
_BESIDES = re.compile(r"^\W*(ngoai\b.{1,60}\bra\b|con (gi|nhung gi|gi khac) nua\b|besides\b|apart from\b|other than\b)")
# 'khoản hỗ trợ đó', 'đề án tư vấn này': something the conversation already named.
_POINTING = re.compile(r"\s(đó|này|ấy|vừa nêu|nói trên|trên)(?=[\s?.,!]|$)")
_ASKING = re.compile(r"(?<!\w)(bao nhiêu|mấy|gì|nào|ai|khi nào|thế nào|ra sao|không|chưa|có phải|phải không|"
                     r"đúng không|bao lâu|ở đâu|bao nhieu|gi|nao|khong|bao lau|o dau)(?!\w)", re.IGNORECASE)
# Asking how things stand ('thì sao', 'thế nào') asks nothing of a continuation's own.
_VAGUE = re.compile(r"(?<!\w)(thì sao|thế nào|như thế nào|ra sao|thi sao|the nao|nhu the nao)(?!\w)", re.IGNORECASE)
_DOCUMENT_DEICTIC = re.compile(r"\b(van ban|thong tu|nghi dinh|quyet dinh|nghi quyet)\s+(do|nay|tren|ay)\b")
_DOC_MENTION = re.compile(
    r"((?:Nghị định|Thông tư liên tịch|Thông tư|Quyết định|Nghị quyết|Công văn)\s+(?:số\s+)?\d+/(?:\d{4}/)?[\wĐđ-]+)"
)


_PREDICATE = re.compile(r"\s(duoc|co|la|phai|can|thi|gom|bao nhieu|nhu the nao|the nao|toi da|toi thieu|bao lau|"
                        r"khi nao|o dau)\b|\?|$")
# What a question asks about a subject: 'Mức hỗ trợ <subject> là bao nhiêu?', 'Hồ sơ <subject> gồm những gì?'.
_INTENT = re.compile(r"^(muc ho tro|muc chi|muc thuong|muc|dieu kien|ho so|thu tuc|thoi han|thoi gian|tieu chi|"
                     r"doi tuong|trach nhiem|kinh phi)\s")


_THE_REST = re.compile(r"\b((?:các|những) \w+(?: \w+)?) khác\b", re.IGNORECASE)
# A subject named against what was asked before ('các đề án khác', 'những trường hợp còn lại').
_OTHERS = re.compile(r"(?<!\w)(khác|còn lại|other|others|the rest)(?!\w)", re.IGNORECASE)
_OTHERS_FOLDED = re.compile(r"\b(khac|con lai|other|others|the rest)\b")  # 'khắc' folds to 'khac' too


_CONDITION = re.compile(r"^(?:nếu|neu)(?:\s+(?:mà|ma))?(?:\s+(?:chỉ|chi))?\s+", re.IGNORECASE)


def _masked(text: str) -> str:
    """The text folded, 'cơ' (in 'cơ sở') masked: it folds into 'co' as the verb 'có' does, which is what
    _PREDICATE takes for a verb. One character per character, so spans found in it slice the text."""
    return fold(re.sub("cơ", "cx", text, flags=re.IGNORECASE))


def _swap_subject(previous: str, subject: str) -> tuple[str, str] | None:
    """'Hội đồng cấp tỉnh có bao nhiêu thành viên?' + 'cấp quốc gia' -> ('Hội đồng cấp quốc gia', ' có …'): the span
    of the previous question that starts with the new subject's first word, up to its verb, is replaced; failing
    that, the subject after what the question asks ('Mức hỗ trợ <subject> là bao nhiêu?') or before its verb. The
    question is cut after its new subject, so that a follow-up asking its own thing can keep the subject alone."""
    head = fold(subject).split()[0] if subject.split() else ""
    folded = _masked(previous)
    found = re.search(rf"\b{re.escape(head)}\b", folded) if head else None
    if not found and (narrowed := _narrowed(previous, folded, subject)):
        return narrowed  # 'Ai làm chủ tịch …?' + 'phó chủ tịch': the office it names, narrowed
    if not found:
        intent = _INTENT.match(folded)
        end = _PREDICATE.search(folded, intent.end() if intent else 0)
        if intent:
            return f"{previous[: intent.end()]}{subject}", previous[end.start() :]
        if not end.group(1) or len(folded[: end.start()].split()) > 6:
            return None
        # 'Hộ kinh doanh có được … không?' + 'hợp tác xã': the subject before the verb is replaced.
        return f"{subject[:1].upper()}{subject[1:]}", previous[end.start() :]
    end = _PREDICATE.search(folded, found.end())
    subject = _merged(previous[found.start() : end.start()], subject)
    if found.start() == 0:
        subject = subject[:1].upper() + subject[1:]
    return f"{previous[: found.start()]}{subject}", previous[end.start() :]


def _names_what_was_asked(previous: str, subject: str) -> bool:
    """Whether a new subject's first word first occurs in the previous question after its asking words ('Phó Giám
    đốc' of '… có bao nhiêu Phó Giám đốc?'), i.e. in what it asked rather than in what it was asked of."""
    head = fold(subject).split()[0] if subject.split() else ""
    folded = _masked(previous)
    found = re.search(rf"\b{re.escape(head)}\b", folded) if head else None
    # 'mấy' folds to 'may' ('máy' too): read in the accented question
    asking = min((m.start() for m in (_ASKING.search(folded), re.search(r"(?<!\w)mấy(?!\w)", previous.lower())) if m),
                 default=None)
    return bool(found and asking is not None and found.start() > asking)


def _narrowed(previous: str, folded: str, subject: str) -> tuple[str, str] | None:
    """The previous question with the subject in place of its own last words, when the previous question names
    them ('chủ tịch' of 'phó chủ tịch'); None otherwise. Two words at least: one is too common to point at anything."""
    said = fold(subject).split()
    for start in range(1, len(said) - 1):
        found = re.search(rf"\b{re.escape(' '.join(said[start:]))}\b", folded)
        if found:
            return f"{previous[: found.start()]}{subject}", previous[found.end():]
    return None


def _merged(span: str, subject: str) -> str:
    """'Hội đồng bình chọn … cấp tỉnh' + 'hội đồng cấp quốc gia' -> 'Hội đồng bình chọn … cấp quốc gia': a new
    subject opening as the replaced span does keeps the span's words up to where the two differ."""
    old, new = span.split(), subject.split()
    same = 0
    while same < min(len(old), len(new)) and fold(old[same]) == fold(new[same]):
        same += 1
    if not same or same == len(new):
        return subject
    differ = next((i for i in range(same, len(old)) if fold(old[i]) == fold(new[same])), None)
    return " ".join(old[:differ] + new[same:]) if differ is not None else subject


def _own_ask(remainder: str) -> int | None:
    """Where a continuation's own question starts ('cấp quốc gia | thì có mấy người, ai lập'), or None when it asks
    nothing of its own ('cấp quốc gia thì sao')."""
    folded = fold(remainder)
    verb = _PREDICATE.search(folded)
    if not verb or verb.start() == 0 or not verb.group(1):
        return None
    asked = _VAGUE.sub("", remainder[verb.start() :])
    # 'là công chức hay viên chức?' asks which of two; 'thì quy định ra sao?' asks how its own verb stands (a closing
    # 'thế nào' the continuation's pattern has already taken off is not seen here)
    said = fold(without_particles(nfc(asked).lower().strip(" ?")))
    manner = _VAGUE.search(remainder[verb.start():]) and re.search(r"^\W*(?:thi\s+)?(?!(?:thi|la|co|con)\b)\w+\s+\w",
                                                                   said)
    return verb.start() if _ASKING.search(asked) or re.search(r"\bhay\s+\w", fold(asked)) or manner else None


def _last(history: list[dict], role: str) -> str | None:
    return next((m["content"] for m in reversed(history) if m.get("role") == role and m.get("content")), None)


# 'năm đó', 'năm ấy', 'that year': the year the previous question named.
_THAT_YEAR = re.compile(r"(?<!\w)(năm (?:đó|ấy|này)|nam (?:do|ay)|that year)(?!\w)", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b(?!/)")


def _year_named(question: str, previous: str) -> str:
    """'… năm đó thì làm bao nhiêu cuộc?' after a question on 2020 -> '… năm 2020 thì …'."""
    said = _YEAR.findall(re.sub(r"\d+/\d{4}", "", previous))
    if not said or _YEAR.search(question):
        return question
    return _THAT_YEAR.sub(lambda m: f"that year {said[0]}" if m.group(1).lower() == "that year"
                          else f"năm {said[0]}", question, count=1)


# 'giấy chứng nhận … tiêu biểu không?', '… lãi suất vốn vay mức (bao nhiêu)?': the asking words a named thing ends
# with in a question.
_ASKING_TAIL = re.compile(r"(\s+(không|chưa|khong|chua|gì|gi|nào|nao)|"
                          r"(?<!định)(?<!hạn)(?<!dinh)(?<!han)\s+(?:mức|muc))+$", re.IGNORECASE)  # not 'hạn mức'
_TIME_WORDS = {"nam", "luc", "khi", "gian", "ky", "dot", "ngay", "thang"}
# 'giấy chứng nhận đó': up to four words, then the word pointing back.
_POINTED = re.compile(r"((?:\w+\s+){0,3}\w+)\s+(?:đó|này|ấy|nói trên|vừa nêu)(?=[\s?.,!]|$)", re.IGNORECASE)


def _pointer_resolved(question: str, previous: str) -> str | None:
    """'Thế giấy chứng nhận đó dùng được đến bao giờ?' after a question on 'giấy chứng nhận sản phẩm công nghiệp
    nông thôn tiêu biểu' -> '… giấy chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu dùng được …': the thing
    pointed at, named as the previous question named it; None when that names no more of it."""
    pointed = _POINTED.search(question)
    if not pointed or _DOCUMENT_DEICTIC.search(fold(question)):
        return None  # a document pointed at is the one the conversation named by its number (_document_named)
    said = pointed.group(1).split()
    if fold(said[-1]) in _TIME_WORDS:
        return None  # 'năm đó', 'lúc đó': a time, not a thing the previous question named
    masked = _masked(previous)
    for start in range(len(said)):
        phrase = _masked(" ".join(said[start:]))
        found = re.search(rf"\b{re.escape(phrase)}\b", masked)
        if not found:
            continue
        end = _PREDICATE.search(masked, found.end())
        named = _ASKING_TAIL.sub("", previous[found.start() : end.start()]).strip(" ,")
        if len(named.split()) <= len(said) - start:
            return None
        if found.start() == 0 and (start or pointed.start(1)):  # a sentence's capital is no name's
            named = named[:1].lower() + named[1:]
        return f"{question[: pointed.start(1)]}{' '.join(said[:start] + [named])}{question[pointed.end():]}"
    return None


def standalone_question(question: str, history: list[dict] | None) -> str:
    """The question itself when it stands alone, else a version that carries what the history referred to."""
    history = history or []
    previous = _previous_standalone(history)
    if not previous:
        return question
    question = _year_named(nfc(question).strip(), previous)
    if resolved := _pointer_resolved(question, previous):
        return resolved
    # fold() keeps one character per NFC character, so spans found in the folded text slice the original.
    folded = fold(question)
    continuation = _CONTINUATION.match(folded)
    if continuation and continuation.group(1) == "the" and not _THE.match(question):
        continuation = None  # 'Thể lệ …', 'Thẻ …' and English 'The …' fold to 'the' too
    if continuation and continuation.group(2):
        # 'Còn hộ kinh doanh thì sao?' keeps the previous question's intent with the new subject.
        # 'các chức danh khác' are what the rules call 'các chức danh còn lại'
        subject = _THE_REST.sub(r"\1 còn lại", question[continuation.start(2) : continuation.end(2)])
        # 'Còn nếu chỉ muốn đổi đơn vị thụ hưởng thì sao?': the new case in place of the one asked before ('muốn …')
        subject = _CONDITION.sub("", subject) or subject
        own = _own_ask(subject)
        # 'Thế quyết định này có hiệu lực từ lúc nào?': the decision the conversation named
        if pointed := _document_named(f"{subject.rstrip(' ?')}?", history, previous):
            return pointed[:1].upper() + pointed[1:]
        if own is not None and _POINTING.search(subject[:own].lower()):
            # '… không nằm trong danh sách đó thì …?': the subject points back at what was asked, it replaces nothing
            return f"{subject.rstrip(' ?')} ({_topic(previous)})?"
        if own is not None and _names_what_was_asked(previous, subject[:own]):
            # 'Thế Giám đốc trung tâm là công chức hay viên chức?' after '… có bao nhiêu Phó Giám đốc?': a subject the
            # previous question asked about, not one it was said of, asks its own question on the same topic; one
            # going on to ask again of others ('…, các chức danh còn lại thì sao?') names them all and stands alone
            asked = f"{subject[own:]}{question[continuation.end(2):]}".rstrip(" ?")
            if _VAGUE.search(asked.split(",")[-1]) and "," in asked:
                return f"{subject[:own].rstrip()}{asked}?"
            return f"{subject.rstrip(' ?')} ({_topic(previous)})?"
        if own is not None:  # 'Còn hội đồng cấp quốc gia thì có mấy người, ai lập?': only the subject is swapped
            swapped = _swap_subject(previous, subject[:own])
            if swapped:
                return f"{swapped[0]}{subject[own:].rstrip(' ?')}?"
            others = _OTHERS_FOLDED.search(subject[:own]) if is_unaccented(subject) else _OTHERS.search(subject[:own])
            if others:  # 'Còn các đề án khác thì …?': the others of what was asked
                return f"{subject.rstrip(' ?')} ({_topic(previous)})?"
            return f"{subject.rstrip(' ?')}?"
        swapped = _swap_subject(previous, subject)
        return "".join(swapped) if swapped else f"{previous.rstrip(' ?')} — đối với {subject}?"
    if _DEICTIC.search(folded) or len(folded.split()) <= 4 or _POINTING.search(question.lower()) \
            or _BESIDES.match(folded):
        named = parse_references(question).documents
        if not named:
            if pointed := _document_named(question, history, previous):
                return pointed
            # One question that carries what the previous one was about (two would be answered as two).
            return f"{question.rstrip(' ?.')} ({_topic(previous)})?"
    return question


def _document_named(question: str, history: list[dict], previous: str) -> str | None:
    """'văn bản này', 'quyết định đó' replaced by the document the last answer (else the last question) named; None
    when the question points at no document or the conversation named none."""
    answer = _last(history, "assistant") or ""
    mention = _DOC_MENTION.search(answer) or _DOC_MENTION.search(previous)
    pointer = _DOCUMENT_DEICTIC.search(fold(question))
    if mention and pointer:
        return question[: pointer.start()] + mention.group(1) + question[pointer.end():]
    return None


def _previous_standalone(history: list[dict]) -> str | None:
    """The last question asked, as it was understood: 'Còn cấp tỉnh thì sao?' after a question on the national
    council is 'Hội đồng bình chọn cấp tỉnh có bao nhiêu thành viên?', which a third turn ('Ai làm chủ tịch?') is
    about."""
    asked = [i for i, m in enumerate(history) if m.get("role") == "user" and m.get("content")]
    if not asked:
        return None
    last = asked[-1]
    return standalone_question(history[last]["content"], history[:last])


def continues(question: str) -> bool:
    """'Thế còn sản phẩm đạt cấp quốc gia …?', 'What about …?': opened as a continuation of the previous question
    ('Thể lệ …', 'Thẻ …' and English 'The …' fold to 'the' too, and open none)."""
    found = _CONTINUATION.match(fold(question).strip())
    return bool(found) and not (found.group(1) == "the" and not _THE.match(question.strip()))


def asks_the_same_of(question: str) -> bool:
    """'Thế còn mua xe tải thì sao?': a continuation asking the previous question of something else, nothing more."""
    return continues(question) and bool(re.search(r"\b(thi sao|the nao|ra sao)\W*$", fold(question)))


def previous_topic(history: list[dict] | None) -> str | None:
    """What the previous question was about, its asking words left out; None without one."""
    previous = _last(history or [], "user")
    return _topic(previous) if previous else None


def _topic(question: str) -> str:
    """What a question is about, its asking words left out ('Trung tâm … có tối đa mấy Phó Giám đốc?' -> 'Trung
    tâm … có tối đa Phó Giám đốc')."""
    return re.sub(r"\s+", " ", _ASKING.sub(" ", question.strip().rstrip(" ?.!"))).strip(" ,")


def _syllable_pairs(generation) -> frozenset[tuple[str, str]]:
    """Every pair of adjacent syllables the corpus writes, accent-folded, once per generation."""
    def build(g) -> frozenset[tuple[str, str]]:
        pairs = set()
        for chunk in g.chunks:
            syllables = [fold(w) for w in words(chunk.text)]
            pairs.update(zip(syllables, syllables[1:], strict=False))
        return frozenset(pairs)
    return generation.view("syllable_pairs", build)


# Words that open a follow-up, which the segmenter may join to the next word ('Thế_cấp', 'làm_chủ_tịch').
_LOOSE = {"the", "con", "vay", "roi", "lam", "nhung", "la", "co", "thi", "ma", "nay", "do"}
# Verbs of conversation that the rules never write but that name no topic of their own ('… phải trả lời trong bao
# lâu?' of a complaint the previous question was about).
_TOPICLESS = {("tra", "loi"), ("phan", "hoi"), ("giai", "dap")}


def unheard_words(question: str, generation) -> list[str]:
    """The question's compound words the corpus never writes ('kết hôn', 'xe máy'), though it may use each syllable:
    what makes a question foreign to it."""
    pairs = _syllable_pairs(generation)
    unheard = []
    for compound in segmented_words(question):
        syllables = [fold(s) for s in compound.split("_")]
        if len(content_terms(compound.replace("_", " "))) < len(syllables):
            continue  # an asking word joined to another ('bao_lâu', 'bao_nhiêu') is no topic
        if tuple(syllables) in _TOPICLESS:
            continue
        if any(a not in _LOOSE and b not in _LOOSE and (a, b) not in pairs
               for a, b in zip(syllables, syllables[1:], strict=False)):
            unheard.append(compound.replace("_", " "))
    return unheard
