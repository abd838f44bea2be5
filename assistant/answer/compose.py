"""Composition: a one-line lead that answers (value spans copied verbatim from the cited unit, connecting words from
templates), then at most two short supporting quotes, each trimmed to the clause that holds the fact."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.answer.evidence import (
    DOC_NUMBER,
    GOES_ON,
    VALUES,
    Evidence,
    content_terms,
    counted_nouns,
    floors,
    values_of,
)
from assistant.answer.lists import HEAD_CUT, inline_list
from assistant.documents.units import heading_of, strip_mark
from assistant.text import STOPWORDS, fold, word_pairs, words

# A lead's clause and a near tie's second clause: room for the fact, not the whole rule (dev 1328, 2026-12-05: 280
# gave lead 0.830, 320 0.834, 360 0.837, 420 0.839 with median answers 382/384/387/389 characters; the second clause
# 160 -> 220 added 0.002). The lead's median grew 275 -> 284 characters, its 3rd quartile 409 -> 444.
LEAD_CHARS = 420  # dev 2948: 360 -> 420 +4 (mean first line +5 chars), 480 ±0
SECOND_CHARS = 220
# How much of a support provision's subject a lead keeps before the list ('Chi hỗ trợ thành lập doanh nghiệp …').
COVERED_SUBJECT_CHARS = 80
# How close a unit holding an asked count, amount or share must score to a top unit holding none to lead instead
# (dev 888, counts only: 0.8 -> lead 0.804 but a follow-up count lost; 0.7 -> 0.804; amounts and shares too: dev 3758
# in the twenty-sixth session, with levels left to a body as values)
VALUE_RATIO = 0.7
VALUE_TYPES = ("amount", "percent", "count", "date", "duration", "body")
LIST_TYPES = ("list", "procedure", "criteria")
QUOTE_CHARS = 300
# A clause that holds the span is shown whole when it is at most this much longer than the room: a reader gets the
# whole rule rather than '… cấp…' (dev: lead 0.721 -> 0.730, median answer 436 -> 420 characters).
CLAUSE_STRETCH = 1.5
HEADING_CHARS = 80  # a colon this close to where its sentence opens ends a heading, not a clause
# A focus word pair a clause holds adds this share of its rarer word's weight (dev: 0.25 and 0.5 lead 0.737, 1.0
# 0.735).
PHRASE_WEIGHT = 0.5
_CLAUSE_BREAK = re.compile(r"(?<=[;.])\s+|(?<=,)\s+(?=(?:nhưng|trừ|trường hợp|đối với|riêng|không quá|tối đa)\b)")
_MARKER = re.compile(r"\[(\d+)\]")
_VERDICT = re.compile(r"^(Có|Không|Đúng)\. ")
_NOT_CONTENT = STOPWORDS | {"còn", "khoản", "đối", "với", "áp", "dụng", "hỗ", "trợ"}
_NEGATION = re.compile(r"\b(không (được|hỗ trợ|áp dụng|thuộc)|nghiêm cấm|cấm)\b")


@dataclass
class Quote:
    """A supporting quote: trimmed text of one unit and the number of the citation it comes from."""

    text: str
    n: int
    label: str

    def line(self) -> str:
        """'- «…» (Điều 6, khoản 2 Thông tư …) [1]'."""
        return f"- «{self.text}» ({self.label}) [{self.n}]"


@dataclass
class Composition:
    """The lead sentence, the supporting quotes, and the retrieved chunks they cite, in citation order."""

    lead: str
    quotes: list[Quote] = field(default_factory=list)
    cited: list = field(default_factory=list)
    usable: list = field(default_factory=list)  # the retrieved passages it drew on (an LLM's sources)
    units: list[str] = field(default_factory=list)  # the units its lead states
    score: float = 0.0  # the evidence score of the unit its lead states (0 when its lead is a list or no unit)

    def number(self, chunk) -> int:
        """The citation number of a chunk, allotting the next one on first use."""
        ids = [c.id for c in self.cited]
        if chunk.id not in ids:
            self.cited.append(chunk)
            return len(self.cited)
        return ids.index(chunk.id) + 1


def joined(parts: list[Composition], max_quotes: int = 2) -> Composition:
    """One composition answering a question of several parts: their leads side by side in one line, citations
    renumbered in order of first use, and at most `max_quotes` quotes (the first of each part first)."""
    whole = Composition(lead="")
    leads, quotes = [], []
    for part in parts:
        said = _VERDICT.sub("", part.lead)
        # two parts answered by the same text, or the second opening with what the first answered from ('… có hiệu
        # lực từ khi nào và thay thế những quyết định nào?': one sentence says both)
        if not said or any(said in lead for lead in leads) or (part.units and _within(part.units[0], whole.units)):
            continue
        renumber = {n: whole.number(chunk) for n, chunk in enumerate(part.cited, 1)}
        lead = _renumbered(part.lead, renumber)
        # a part saying all an earlier one said and more ('… có 05 hoặc 07 thành viên, bao gồm: Chủ tịch …') takes
        # its place
        held = next((i for i, earlier in enumerate(leads) if _bare(earlier) and _bare(earlier) in _bare(lead)), None)
        if held is not None:
            leads[held] = lead
        else:
            leads.append(_without_heading_said(lead, leads))
        quotes.append([Quote(q.text, renumber.get(q.n, q.n), q.label) for q in part.quotes])
        whole.usable.extend(r for r in part.usable if r not in whole.usable)
        whole.units.extend(part.units)
    whole.lead = " ".join(lead if lead.endswith((".", "?")) else f"{lead}." for lead in leads)
    ordered = [q[0] for q in quotes if q] + [q for part in quotes for q in part[1:]]
    whole.quotes = list({q.text: q for q in reversed(ordered)}.values())[::-1][:max_quotes]
    return whole


HEADING_SAID_CHARS = 20  # a shorter opening before a colon ('Có: ') is no heading


def _without_heading_said(lead: str, leads: list[str]) -> str:
    """A part's lead without the heading an earlier part's lead opens with ('Hội đồng … có 07 hoặc 09 thành viên, bao
    gồm: Phó Chủ tịch …' after '… bao gồm: Chủ tịch …' goes on from 'Phó Chủ tịch')."""
    for earlier in leads:
        heading, colon, _ = earlier.partition(": ")
        if colon and len(heading) >= HEADING_SAID_CHARS and lead.startswith(heading + colon) \
                and len(lead) > len(heading) + len(colon) + HEADING_SAID_CHARS:
            rest = lead[len(heading) + len(colon):]
            return rest[:1].upper() + rest[1:]
    return lead


def _bare(lead: str) -> str:
    """A lead's words without its citation marks and closing stop."""
    return " ".join(_MARKER.sub("", lead).split()).strip(" .")


def _within(unit: str, used: list[str]) -> bool:
    """Whether a unit is, or holds, or is held by, one already used."""
    unit = unit.strip(" ;.:")
    return bool(unit) and any(unit in other or (held := other.strip(" ;.:")) and held in unit for other in used)


def _renumbered(text: str, renumber: dict[int, int]) -> str:
    return _MARKER.sub(lambda m: f"[{renumber.get(int(m.group(1)), m.group(1))}]", text)


def sentence(text: str) -> str:
    """Capitalized, ending without a trailing separator (the citation marker and full stop come after), and without
    the 'Đồng thời, …' that tied it to the sentence before it in its passage."""
    text = text.strip()
    text = text[tied.end():] if (tied := GOES_ON.match(text)) else text
    text = text.rstrip(" ;:,./")  # './.' closes a legal text's last sentence
    return text[:1].upper() + text[1:]


def _window(text: str, start: int, end: int, limit: int, lead_in: int = 40) -> str:
    """The part of `text` around the span [start, end): its clause when that fits, else the clause's opening words,
    '…', and the words around the span (from `lead_in` characters before it); parenthetical remarks that hold no part
    of the span are dropped first."""
    text, start, end = _drop_remarks(text, start, end)
    pieces, position = [], 0
    for match in _CLAUSE_BREAK.finditer(text):
        pieces.append((position, match.start()))
        position = match.end()
    pieces.append((position, len(text)))
    first = next((i for i, (a, b) in enumerate(pieces) if b > start), 0)
    last = next((i for i, (a, b) in enumerate(pieces) if b >= end), len(pieces) - 1)
    left, right = pieces[first][0], pieces[last][1]
    if right - left <= limit * CLAUSE_STRETCH:
        return _ellipsis(text, left, right)
    # Keep how the clause opens (its subject) and the span with a little context on each side.
    span_left = max(left, text.rfind(" ", left, max(left, start - lead_in)) + 1)
    span_right = min(right, end + 60)
    span_right = text.rfind(" ", end, span_right) if text.rfind(" ", end, span_right) > end else span_right
    room = limit - (span_right - span_left) - 2
    if span_left > left and room > 30:
        head_end = text.rfind(" ", left, left + room)
        if head_end >= span_left:  # the opening words reach the span: one stretch, not the same words twice
            return _ellipsis(text, left, span_right)
        if head_end > left:
            return (("…" if left > 0 else "") + text[left:head_end].strip() + " … " + text[span_left:span_right].strip()
                    + ("…" if span_right < len(text.rstrip(" .;")) else ""))
    cut = min(span_right, span_left + limit)
    space = text.rfind(" ", span_left, cut)
    if cut < len(text) and text[cut - 1:cut + 1].strip() == text[cut - 1:cut + 1] and space > span_left:
        cut = space  # never inside a word ('cấp t…')
    return _ellipsis(text, span_left, cut)


def floor_clause(unit: str, limit: int = SECOND_CHARS) -> str:
    """The clause of a unit around the first bound it states ('… xác định đã thực hiện được trên 50% khối lượng …').
    """
    text = strip_mark(unit)
    bound = next(iter(floors(text, "amount")), None)
    if bound is None:
        return clause_for(text, "criteria", "", limit)
    match, word = bound
    return _window(text, match.start() - len(word) - 1, match.end(), limit)


def _ellipsis(text: str, left: int, right: int) -> str:
    out = text[left:right].strip().rstrip(" .;,")
    return ("…" if left > 0 else "") + out + ("…" if text[right:].strip(" .;:") else "")


def _drop_remarks(text: str, start: int, end: int) -> tuple[str, int, int]:
    """`text` without '( … )' remarks outside [start, end), the span's offsets moved accordingly."""
    out, shift_start, shift_end, position = [], 0, 0, 0
    for match in re.finditer(r"\s*\([^()]{8,}\)", text):
        if match.start() < end and match.end() > start:
            continue
        out.append(text[position:match.start()])
        removed = match.end() - match.start()
        if match.end() <= start:
            shift_start += removed
        if match.end() <= end:
            shift_end += removed
        position = match.end()
    out.append(text[position:])
    return "".join(out), start - shift_start, end - shift_end


_TRAILING = re.compile(r"[,;:]?\s*(?:bao gồm|gồm|như sau|cụ thể(?: như sau)?|sau đây)\s*:?\s*$", re.IGNORECASE)


def tidy(clause: str) -> str:
    """A clause without a dangling list opener ('…, bao gồm:') or the cell border of a document's header table
    ('Số: 23/2025/NQ-HĐND |')."""
    return _TRAILING.sub("", clause).strip(" |")


def clause_for(unit: str, answer_type: str, focus: str, limit: int = LEAD_CHARS, weight=None) -> str:
    """The part of a unit that answers: the clause holding the asked values (after a 'X: Y' colon when the values are
    in Y), a list's item names, else the one or two sentences covering the most focus-term weight (`weight` gives a
    folded term's weight, 1 each by default); at most `limit` characters."""
    text = strip_mark(unit)
    if len(text) > limit and answer_type not in LIST_TYPES and \
            (picked := _item_asked(text, focus, limit, weight or (lambda term: 1.0))) and \
            (values_of(picked, answer_type) or not values_of(text, answer_type)):
        return picked  # '…: … gia hạn thời gian thực hiện đề án sang năm sau tiếp theo; …', the value asked kept
    head, colon, tail = text.partition(": ")
    spans = values_of(text, answer_type)
    if colon and spans and spans[0].start() > len(head) and len(tail) > 15:
        text, spans = tail, values_of(tail, answer_type)
    if spans:  # the sentences that state the values, when the unit says more around them
        sentences = _pieces(text)
        first = next(i for i, (a, b) in enumerate(sentences) if b > spans[0].start())
        last = next(i for i, (a, b) in enumerate(sentences) if b >= spans[-1].end())
        start, end = sentences[first][0], sentences[last][1]
        if end - start > 30 and (start, end) != (0, len(text)):
            text = text[start:end]
            spans = values_of(text, answer_type)
    if len(text) <= limit:
        return tidy(text)
    if spans:
        return tidy(_window(text, spans[0].start(), spans[-1].end(), limit))
    if answer_type in LIST_TYPES and (names := inline_list(text, limit)):
        return names
    if answer_type in LIST_TYPES and (listed := _what_it_lists(text, limit)):
        return listed
    start, end = _best_window(text, focus, limit, weight or (lambda term: 1.0))
    return tidy(_window(text, start, end, limit, lead_in=0))  # the window starts where its sentence or colon does


def _item_asked(text: str, focus: str, limit: int, weight) -> str | None:
    """'… phê duyệt đối với các đề nghị điều chỉnh: … gia hạn thời gian thực hiện đề án sang năm sau tiếp theo; …':
    a rule and, of the items it lists after its last colon, the one holding most of the focus's term weight, when
    that is not the first item (shown anyway) and it holds more than any other; None otherwise."""
    head, colon, tail = text.rpartition(": ")
    items = [item.strip(" .;") for item in tail.split(";") if item.strip(" .;")]
    if not colon or len(items) < 3:
        return None
    head = head.rpartition(": ")[2]  # the rule the items belong to, not the khoản heading before it
    said = [set(content_terms(item)) for item in items]
    # only the focus's words that one item alone holds tell the item asked about ('gia hạn')
    own = [terms - set(content_terms(head)) - set().union(*(o for o in said if o is not terms)) for terms in said]
    wanted = set(content_terms(focus))
    gains = [math.fsum(weight(t) for t in wanted & terms) for terms in own]
    best = max(range(len(items)), key=gains.__getitem__)
    if best == 0 or len(wanted & own[best]) < 2 or sorted(gains)[-2] >= gains[best]:
        return None  # one shared syllable ('tăng' of 'hạ tầng') tells nothing
    picked = f"{tidy(head)}: … {items[best]}" + ("; …" if best < len(items) - 1 else "")
    return picked if len(picked) <= limit else None


def _what_it_lists(text: str, limit: int) -> str | None:
    """'…theo quy định của pháp luật, bao gồm: Hoàn thiện kế hoạch kinh doanh khả thi; dự án … và chi phí liên quan
    đến đăng ký thành lập doanh nghiệp': a long opening's last words and the sentence its 'gồm:' introduces; None when
    the text introduces no such sentence or it does not fit."""
    found = _INTRODUCES.search(text)
    if not found:
        return None
    rest = text[found.end():]
    if rest.lstrip(" ").startswith("\n"):
        return None  # items on lines of their own are a list's business
    after = rest.strip().split("\n", 1)[0]
    listed = re.split(r"(?<=\.)\s+", after, maxsplit=1)[0].rstrip(" .;")
    introducer = found.group(1)  # 'bao gồm:' / 'gồm:'
    room = limit - len(listed) - len(introducer) - 4  # ' … ' and the space after the colon
    if not listed or room < 20:
        return None
    opening = strip_mark(text[: found.start()]).rstrip(" ,")
    if len(opening) > room:  # its subject, then what it lists: '… ở đâu' matters less than what it is
        cut = opening.rfind(" ", 0, room)
        opening = (opening[:cut] if cut > 0 else opening[:room]).rstrip(" ,") + " …"
    return f"{opening} {introducer} {listed}"


_INTRODUCES = re.compile(r"(?:,\s*)?\b((?:bao gồm|gồm)\s*:)")
_COVERS = re.compile(r"(?:,\s*)?\b((?:bao gồm|gồm)(?: các (?:chi phí|khoản chi|nội dung))?\s*:)")


def what_and_level(unit: str, limit: int = LEAD_CHARS, listed: bool = False) -> str | None:
    """'Chi hỗ trợ thành lập doanh nghiệp … tại các địa bàn … khó khăn … Mức hỗ trợ không quá 10 triệu đồng/doanh
    nghiệp': a support provision's opening (up to its list) and the sentence stating its level, when the level comes
    later in the unit; None when the unit states no amount there. `listed`: the opening's first words and all its
    'bao gồm:' lists ('… có hỗ trợ chi phí thành lập doanh nghiệp không?' asks which costs), None when it lists
    nothing."""
    text = strip_mark(unit)
    sentences = _pieces(text)
    if len(sentences) < 2:
        return None
    head_end = sentences[0][1]
    level = next(((a, b) for a, b in sentences[1:] if values_of(text[a:b], "amount")), None)
    if level is None or values_of(text[:head_end], "amount"):
        return None
    value = text[level[0]:level[1]].strip().rstrip(" ;,.")
    if listed:
        covered = _covered(text[:level[0]], limit - len(value) - 3)
        return f"{covered} … {value}" if covered else None
    cut = HEAD_CUT.search(text, 12, head_end)
    head = tidy(text[: cut.start()] if cut else text[:head_end]).rstrip(" ,;:.")
    if len(head) + len(value) + 3 > limit:
        return None
    return f"{head} … {value}"


def _covered(opening: str, limit: int) -> str | None:
    """'Chi hỗ trợ thành lập doanh nghiệp sản xuất … bao gồm: Hoàn thiện kế hoạch kinh doanh khả thi; dự án …': the
    provision's first words and all it lists; None when it lists nothing or that does not fit."""
    found = _COVERS.search(opening)
    if not found:
        return None
    covered = opening[found.end():].strip().rstrip(" .;,")
    subject = strip_mark(opening[: found.start()]).rstrip(" ,")
    if len(subject) > COVERED_SUBJECT_CHARS:  # the activity, not where or under which law
        place = re.search(r"\s(?:tại|ở|theo|đối với|trên|cho)\s", subject)
        end = place.start() if place and place.start() <= COVERED_SUBJECT_CHARS else \
            subject.rfind(" ", 0, COVERED_SUBJECT_CHARS)
        subject = subject[:end].rstrip(" ,") + " …"
    said = f"{subject} {found.group(1)} {covered}"
    return said if covered and len(said) <= limit else None


def _best_window(text: str, focus: str, limit: int, weight) -> tuple[int, int]:
    """The one or two consecutive sentences of `text` that hold the most focus-term weight, plus half the rarer word's
    weight for each of the focus's word pairs they hold ('vật liệu không nung' is not '… đất sét nung'), the shorter
    on a tie; two only when they fit in `limit`: a restated condition is followed by the sentence that answers it."""
    wanted, phrases = set(content_terms(focus)), word_pairs(focus)
    pieces = _pieces(text, colons=True)
    windows = [(a, b) for i, (a, _) in enumerate(pieces) for (_, b) in pieces[i:i + 2]]
    windows = [(a, b) for a, b in windows if b - a <= limit or (a, b) in pieces]

    def gain(window: tuple[int, int]) -> tuple[float, int]:
        piece = text[window[0]:window[1]]
        terms = wanted & set(content_terms(piece))
        pairs = phrases & word_pairs(piece)
        phrase_gain = [PHRASE_WEIGHT * min(weight(a), weight(b)) for a, b in pairs]
        # on a tie, one that ends its sentence: '… hội thảo, diễn đàn; tham quan, khảo sát …' lists on past ';'
        whole = not piece.rstrip().endswith(";")
        return math.fsum([*(weight(t) for t in terms), *phrase_gain]), whole, -(window[1] - window[0])
    best = max(windows, key=gain, default=(0, len(text)))
    # no focus word in any window (an English question's, or one in other words): the unit's opening says most
    if windows and gain(best)[0] == 0:
        return max((w for w in windows if w[0] == 0), key=lambda w: (w[1] <= limit, w[1] if w[1] <= limit else -w[1]))
    return best


def _pieces(text: str, colons: bool = False) -> list[tuple[int, int]]:
    """Sentences (and `colons`: what a colon opens after a long stretch, 'Đối với …: Sau khi …, gửi Quyết định … về
    Cục'; a short heading, 'Thẩm định cấp cơ sở:', stays with what it heads)."""
    out, position = [], 0
    for match in re.finditer(r"(?<=[.;:])\s+" if colons else r"(?<=[.;])\s+", text):
        if text[match.start() - 1] == ":" and match.start() - position <= HEADING_CHARS:
            continue
        out.append((position, match.start()))
        position = match.end()
    out.append((position, len(text)))
    return out


def quote_text(unit: str, answer_type: str, focus: str, weight=None) -> str:
    """A unit trimmed for quoting (at most QUOTE_CHARS)."""
    return clause_for(unit, answer_type, focus, QUOTE_CHARS, weight)


def yes_no_prefix(unit: str, coverage: float) -> str:
    """'Có. ' when the unit plainly states what was asked, 'Không. ' when it states it negated, else ''."""
    if _NEGATION.search(unit.lower()):
        return "Không. " if coverage >= 0.75 else ""
    return "Có. " if coverage >= 0.75 else ""


def exception_for(question: str, text: str, said: str) -> str | None:
    """The sentence of `text` excluding the case a question describes ('… không áp dụng đối với các khoản vay đã quá
    thời hạn trả nợ …' for a loan 'đã quá hạn trả nợ'): a negated sentence holding at least two of the question's
    words that what the answer already `said` lacks, two of them side by side, compared with their diacritics ('dời'
    is not 'đối'); None when there is none."""
    asked = _plain_words(question) - _plain_words(said)
    question_pairs = _pairs(question)
    for start, end in _pieces(text):
        piece = text[start:end]
        shared = asked & _plain_words(piece)
        if _NEGATION.search(piece.lower()) and len(shared) >= 2 and question_pairs & _pairs(piece):
            return tidy(piece)
    return None


def _pairs(text: str) -> set[tuple[str, str]]:
    """Adjacent lower-cased words with their diacritics ('trả nợ'): a phrase the question and a text share."""
    said = [w.lower() for w in words(text)]
    return {(a, b) for a, b in zip(said, said[1:], strict=False) if a not in _NOT_CONTENT and b not in _NOT_CONTENT}


def _plain_words(text: str) -> set[str]:
    """Lower-cased words with their diacritics, stop words and question words left out."""
    return {w for w in (w.lower() for w in words(text)) if w not in _NOT_CONTENT and len(w) > 1}


def premise_numbers(question: str) -> set[str]:
    """Amounts a question asserts ('1 tỷ', '70%'), as digits."""
    return {re.sub(r"\D", "", m.group(0)) for m in re.finditer(r"\d+(?:[.,]\d+)*\s*(?:%|triệu|tỷ)", question)}


def _numbers(value: str) -> tuple[int, ...]:
    """The numbers of a value, for comparing how two texts write it ('21/5/2012' and 'ngày 21 tháng 5 năm 2012')."""
    return tuple(int(n) for n in re.findall(r"\d+", value.replace(".", "")))


# 'dây chuyền trị giá khoảng 800 triệu', 'tổng đầu tư 2 tỷ', 'vay 5 tỷ': what the asker spends, not a level asserted.
_COST = re.compile(r"\b(tri gia|gia tri|tong (chi phi|dau tu|von|kinh phi)|chi phi|het|vay|dau tu|mua|gia)\b"
                   r"(?: (khoang|tam|chung|gan|hon|tren))?\s*$")


def _value_key(value: str, answer_type: str) -> tuple:
    """What two values are compared on: their numbers, and for a count what it counts ('1 lần' is not '01 bộ')."""
    if answer_type != "count":
        return _numbers(value)
    return _numbers(value), *sorted(counted_nouns(value, "count"))


def _left(value: re.Match) -> bool:
    """Whether a value only leaves the level to a body ('… do Ủy ban nhân dân cấp tỉnh quyết định'): no number to
    compare with one a question states."""
    return bool(VALUES["delegated"].fullmatch(value.group(0)))


def premise_check(question: str, unit: str, answer_type: str = "amount") -> bool | None:
    """Whether a unit confirms (True) or contradicts (False) the value of the asked kind a question asserts ('tạm
    ứng tới 90% phải không?', 'hằng năm phải không?'); None when the question asserts none or the unit states none."""
    if answer_type == "body":  # who does it is checked clause by clause (body_check)
        return None
    # a level left to a body ('… do Ủy ban nhân dân cấp tỉnh quyết định') states no number to compare
    asserted = {_value_key(m.group(0), answer_type) for m in values_of(question, answer_type)
                if not _COST.search(fold(question[max(0, m.start() - 30): m.start()]).lower()) and not _left(m)}
    stated = {_value_key(m.group(0), answer_type) for m in values_of(unit, answer_type) if not _left(m)}
    if answer_type == "count":  # only a count of what the question counts speaks to it
        stated = {key for key in stated if key[1:] and key[1:] in {a[1:] for a in asserted}}
    if not asserted or not stated:
        return None
    return bool(asserted & stated) or _meets_floor(question, unit, answer_type)


def _meets_floor(question: str, unit: str, answer_type: str) -> bool:
    """'chiếm trên 50%' is met by the '70%' a question states: a floor ('trên', 'tối thiểu', 'ít nhất', 'không
    dưới', 'từ … trở lên') is compared with a value in the same unit, not matched; a range 'từ 30% đến 50%' is none."""
    bounds = [(_amount(match.group(0)), word) for match, word in floors(unit, answer_type)]
    for match in values_of(question, answer_type):
        value = _amount(match.group(0))
        for bound, word in bounds:
            if value and bound and value[1] == bound[1] and (value[0] > bound[0] if word == "trên" else
                                                              value[0] >= bound[0]):
                return True
    return False


def _amount(value: str) -> tuple[float, str] | None:
    """A value's number and unit ('70%' -> (70.0, '%'), '1,5 tỷ' -> (1500.0, 'triệu')), None without a number."""
    number = re.search(r"\d+(?:[.,]\d+)*", value)
    if number is None:
        return None
    amount = float(number.group(0).replace(".", "").replace(",", "."))
    unit = value[number.end():].strip().split()[0] if value[number.end():].strip() else ""
    if unit.startswith("tỷ"):
        return amount * 1000, "triệu"
    return amount, unit.strip(".,;")


# '<body> là cơ quan <what it is>': a body a question or a text says is the one in charge.
_IS_THE_BODY = re.compile(r"\b((?:bo|so|cuc|uy ban nhan dan|ubnd|chinh phu)\b[^,.;:?]{0,40}?) "
                          r"la (co quan(?: [^,.;:?]+)?)")


def body_check(question: str, units: list[str]) -> tuple[int, str, bool] | None:
    """For '<subject> do <body> <làm gì> đúng không?': the first unit with a clause naming the subject word for word
    and then who does it ('… kế hoạch khuyến công địa phương do Chủ tịch Ủy ban nhân dân cấp tỉnh phê duyệt'), as
    (its index, the clause, whether that body is the one asserted); None when no unit says so. '<body> là cơ quan
    <…> đúng không?' is checked against the body a clause says is that office, '… trực thuộc <body> đúng không?'
    against the body a clause places the subject under."""
    if named := _IS_THE_BODY.search(fold(DOC_NUMBER.sub(" ", question))):
        office = named.group(2).split()  # its first four words or more, word for word
        prefixes = [" ".join(office[:size]) for size in range(min(8, len(office)), 3, -1)]
        return _claimed_body(_body_named(named.group(1)), prefixes, units, _office_holder)
    if under := _UNDER.search(fold(question)):
        subject = fold(question[: under.start()]).split()[-10:]
        return _claimed_body(_body_named(under.group(1)), _runs(subject), units, _superior)
    claim = re.search(r"\s+do\s+", question)
    subject = fold(question[: claim.start()]).split()[-8:] if claim else []
    asserted = _agent(fold(question[claim.end():])) if claim else None
    if asserted is None or len(subject) < 4:
        return None
    return _claimed_body(asserted, _runs(subject), units, _doer)


def _runs(subject: list[str]) -> list[str]:
    """A subject's runs of four to six words, the longest and latest first ('kế hoạch khuyến công địa phương' of
    '… địa phương hằng năm')."""
    return [" ".join(subject[start:start + size]) for size in range(min(6, len(subject)), 3, -1)
            for start in range(len(subject) - size, -1, -1)]


def _claimed_body(asserted: tuple[str, ...], phrases: list[str], units: list[str],
                  stated: Callable[[str, int, str], tuple[str, ...] | None]) -> tuple[int, str, bool] | None:
    """The first clause holding one of `phrases` (tried in order) with a body `stated` reads off it, as (its unit's
    index, the clause, whether that body is the one asserted); None when no clause says."""
    for phrase in phrases:
        for index, unit in enumerate(units):
            for clause in re.split(r"(?<=[.;])\s+", strip_mark(unit)):
                folded = fold(clause)
                at = folded.find(phrase)
                if at >= 0 and (body := stated(folded, at, phrase)) is not None:
                    return index, clause, body == asserted
    return None


def _doer(folded: str, at: int, phrase: str) -> tuple[str, ...] | None:
    """Who does it, after the subject at `at`: '… địa phương do Chủ tịch Ủy ban nhân dân cấp tỉnh phê duyệt'."""
    rest = folded[at + len(phrase):]
    said = re.match(r"\s*(?:\S+\s+){0,3}?do\s+", rest)
    return _agent(rest[said.end():]) if said else None


def _office_holder(folded: str, at: int, phrase: str) -> tuple[str, ...] | None:
    """The body a clause says is the office: 'Bộ Nông nghiệp … là cơ quan quản lý nhà nước về làng nghề …'."""
    held = next((m for m in _IS_THE_BODY.finditer(folded) if m.group(2).startswith(phrase)), None)
    return _body_named(held.group(1)) if held else None


def _superior(folded: str, at: int, phrase: str) -> tuple[str, ...] | None:
    """The body the subject at `at` is placed under: '… Trung tâm Khuyến công là đơn vị … trực thuộc Sở Công Thương'."""
    under = _UNDER.search(folded, at)
    return _body_named(under.group(1)) if under else None


# '… là đơn vị trực thuộc Sở Công Thương': the body a unit is placed under, up to the clause's next word of purpose.
_UNDER = re.compile(r"\btruc thuoc ((?:bo|so|cuc|uy ban nhan dan|ubnd|chinh phu)\b(?: (?!de\b|va\b|co\b|la\b|"
                    r"dung\b|phai\b|khong\b)[^\s,.;:?]+){0,6})")


def _body_named(folded: str) -> tuple[str, ...]:
    """The words of the last body a folded phrase names ('so 52 bo cong thuong' -> ('bo', 'cong', 'thuong'))."""
    said = folded.split()
    starts = [i for i, word in enumerate(said) if word in ("bo", "so", "cuc", "ubnd")
              or " ".join(said[i:i + 2]) in ("chinh phu", "uy ban")]
    return tuple(said[starts[-1]:] if starts else said)


# The verbs a 'do <body> …' clause goes on with: the body is the words before them ('cấp' alone is a level: 'cấp tỉnh').
_AGENT_VERB = re.compile(r"\b(phe duyet|quyet dinh|thanh lap|ky|ban hanh|to chuc|tham dinh|chu tri|quy dinh|cap giay|"
                         r"giao|lap|xay dung|trinh|chiu trach nhiem|thuc hien|huong dan|cong nhan|bo nhiem)\b")


def _agent(folded: str) -> tuple[str, ...] | None:
    """The body that opens a folded 'Chủ tịch … cấp tỉnh phê duyệt …', up to its verb (None without one)."""
    verb = _AGENT_VERB.search(folded)
    return tuple(folded[: verb.start()].split()) if verb and verb.start() > 0 else None


def contradicts(question: str, unit: str, answer_type: str = "amount") -> bool:
    """Whether a question asserts a value the answering unit does not state (a false premise)."""
    return premise_check(question, unit, answer_type) is False


def best_with_values(ranked: list[Evidence], answer_type: str, ratio: float = 0.8) -> Evidence:
    """The top unit, unless one scoring at least `ratio` of it holds a value of the asked type and it does not (a
    count, amount or share asked reaches further: 'mấy người?' is answered by '… có 07 hoặc 09 thành viên', not by an
    opening; 'bao nhiêu phần trăm?' by 'Ủy ban nhân dân cấp tỉnh quy định mức hỗ trợ …', not by what is supported)."""
    ratio = VALUE_RATIO if answer_type in ("count", "amount", "percent") else ratio
    top = ranked[0]
    if top.values(answer_type):
        return top
    for evidence in ranked[1:]:
        if evidence.score < ratio * top.score:
            break
        if evidence.values(answer_type):
            return evidence
    return top


def focus_coverage(focus: str, unit: str, weight=None) -> float:
    """Share of the focus phrase's term weight the unit holds (`weight`: a folded term's weight, 1 by default); 0
    when the unit lacks the focus's rarest term, which is what a yes/no question turns on ('sao chép')."""
    weight = weight or (lambda term: 1.0)
    wanted = set(content_terms(focus))
    if not wanted:
        return 0.0
    present = set(content_terms(unit))
    if max(sorted(wanted), key=weight) not in present:  # sorted: the same term on a tie, run after run
        return 0.0
    return math.fsum(weight(t) for t in wanted & present) / math.fsum(weight(t) for t in wanted)


def with_heading(unit: str, chunk_text: str, clause_heading: str = "", kind: str = "", shown: str = "") -> str:
    """A điểm with its khoản's heading ('Tạm ứng 30% …: Đối với …'), which often holds the number: always for a
    khoản chunk's điểm, for a điểm chunk when the heading its context keeps states a value, or names the body
    a 'who' question asks for ('Trách nhiệm của Sở Công Thương: Xây dựng kế hoạch …'). `shown`: the part of the
    unit to show under the heading, else all of it."""
    heading = heading_of(unit, chunk_text, clause_heading)
    own = heading and heading != clause_heading
    body = shown or strip_mark(unit)
    if shown and not heading_value(heading):
        return shown  # a part of the unit goes under a heading only for the number the heading holds
    if heading and (own or heading_value(heading) or (kind == "body" and values_of(heading, "body"))):
        # a heading that is a sentence of its own ('Được tặng thưởng … (nếu có).') is followed, not introduced
        return f"{heading} {body}" if heading.endswith(".") else f"{heading}: {body}"
    return shown or unit


def headed(unit: str, chunk, kind: str = "", shown: str = "") -> str:
    """`with_heading` for a unit of a chunk record."""
    return with_heading(unit, chunk.text, chunk.clause_heading, kind, shown)


def titled_holder(clause: str, chunk) -> str:
    """A clause answering 'who' that names no body, under its article's title when that names one ('Trách nhiệm của
    Sở Công Thương: Chịu trách nhiệm tổ chức nghiệm thu cơ sở …'); the clause otherwise."""
    title = getattr(chunk, "article_title", None) or ""
    return f"{title}: {clause}" if title and not values_of(clause, "body") and values_of(title, "body") else clause


def heading_value(heading: str) -> bool:
    """Whether a khoản heading states an amount, a count or a date ('Tạm ứng 70% kinh phí …')."""
    return any(values_of(heading, kind) for kind in ("amount", "date"))

