"""Lists in passages and list leads: a chunk's lists (khoản, điểm, '… sau:' items, preamble bases), the one a
question names, item names that fit a phone's line, and 'Gồm 4 nội dung: A; B; C; D [1].'."""

from __future__ import annotations

import math
import re

from assistant.answer.evidence import (
    DOC_NUMBER,
    Evidence,
    asked_holder,
    content_terms,
    holds_duty,
    levels_named,
    values_of,
)
from assistant.documents.units import is_list_item, is_point, split_units, strip_mark
from assistant.text import fold, word_pairs

ITEM_CHARS = 70
# What a list lead's item names may take together, shared out among the items (dev, earlier: 400 gave lead 0.771,
# 480 0.775, 560 0.780. Dev 1058, 2026-12-05: 480 0.819, 560 0.821, 640 0.824, 720 0.826, the 90th-percentile lead
# 505, 535, 545, 560 characters and the median answer unchanged: 640 keeps a list lead within a phone screen.
# Dev 1778, 2026-12-06: 640 0.8763, 800 0.8785 (+4 −0; the 90th-percentile answer 939 -> 966 characters), 1000
# one more: 800 shows a five-item list's second clauses and stays near one screen).
LIST_CHARS = 800
MAX_ITEMS = 10  # dev 3038: 8 -> 10 +2 (a 9-item priority list lost its last item), first lines +0.2 chars
# A list written on one line ('… 5 nhóm nhiệm vụ chính: A; B; C') has a short introduction, or one ending in what
# it lists (dev: 70 characters gave lead 0.744; 50 and 90 gave 0.741).
INLINE_HEAD_CHARS = 70
# A list whose Điều title or introduction names the kind of thing asked for ('những nhóm nào?': '… được phân theo các
# nhóm như sau:') gains this much (dev: lead 0.732 -> 0.735; 0.3 gave 0.734, 1.0 the same as 0.6).
NOUN_BONUS = 0.6
TITLED_BONUS = 0.8  # an article titled by the listed noun and the question's words (dev 2048: 0.5 ±0, 0.8 +3, 1.0 +3)
OWN_HEADING_BONUS = 0.4  # the listed noun in the khoản's own heading (dev 1958: 0.2 ±0, 0.3 +1 -1, 0.4 +2 -1, 0.6 same)
EXACT_BONUS = 0.2  # a heading that is the focus and no more (dev 1238: 0.1 -> ±0, 0.2 -> +1, 0.4 -> +1)
LEVEL_BONUS = 0.4  # a list headed by the level the question names, against one headed by another (dev +1)
LEAD_MARGIN = 1.25  # how far ahead of every other passage's best unit a passage's own is, to be far ahead
FAR_AHEAD_BONUS = 1.0  # enough to beat a list's heading bonuses (dev 3758: +5, none lost; over lists too: −4)
HOLDER_BONUS = 1.0  # the duties of the body the question names ('Bộ Tài nguyên và Môi trường có những trách nhiệm gì')
VALUED_INTRO_CHARS = 60  # an opening this short that states an amount is said before its items
COUNTED_INTRO_CHARS = 90  # one stating how many (members, criteria) is said in place of 'Gồm N nội dung'
_AFTER_MARK = re.compile(r"(?:^|\s)\d{1,2}\.\s+")
TRAILING_GOM = re.compile(r",?\s*(?:bao )?gồm$")
# A first line the question says word for word names the list when it is most of what the question says.
NAMED_SHARE = 0.6
# Where an item's name ends: a colon, a semicolon, a sentence end, a remark, a list it opens.
HEAD_CUT = re.compile(r"[:;]|\.\s|\s\(|, (?=(?:bao gồm|gồm|cụ thể|trong đó)\b)")
# How a long introduction ends when what follows its colon are its items ('… trong các lĩnh vực:', '… hồ sơ gồm:'),
# not one thing ('Tổ chức 10 lớp tập huấn … về: …').
_NAMES_ITEMS = re.compile(r"(\bgom|\bsau|\bcac(?: \w+){1,3})$")
# A classifier before the listed noun: 'những nhóm tiêu chí nào?' lists tiêu chí.
_CLASSIFIER = re.compile(r"^(?:nhom|loai|cac) (?=\w+ \w)")  # 'loại hình' keeps its 'loại': 'hình' alone is not it
# '… 6 lĩnh vực sau:', '… 07 nội dung chính như sau:': how many items an introduction announces.
_ANNOUNCED = re.compile(r"\b0?(\d{1,2}) (?:[^\W\d]+ ){1,4}(?:nhu )?sau:$")
_PARAGRAPH = re.compile(r"^.{30,}[.;]$")
CONTINUED_CHUNKS = 12
_KHOAN = re.compile(r"^\d+\.\s")
_BASIS = re.compile(r"^(Căn cứ|Xét đề nghị|Theo đề nghị)\b")


def _split_inline(text: str) -> tuple[str, list[str]]:
    """'Hồ sơ gồm: A; B; C.' as ('Hồ sơ gồm', [A, B, C]); no items when the text has no ': '."""
    head, colon, tail = text.partition(": ")
    return head, [item.strip() for item in re.split(r";\s+", tail.rstrip(" .;")) if item.strip()] if colon else []


def inline_items(text: str) -> tuple[str, list[str]] | None:
    """'Hồ sơ gồm: A; B; C' as its introduction and items (None when the text is not such a list)."""
    head, items = _split_inline(strip_mark(text))
    # a khoản naming the case its items are for introduces them at any length ('8. Đề án xây dựng các chương trình
    # truyền hình, …: A; B; C')
    introduces = len(head) <= INLINE_HEAD_CHARS or _NAMES_ITEMS.search(fold(head)) \
        or (_KHOAN.match(text.strip()) and head.startswith("Đề án"))
    return (head + ":", items) if len(items) >= 3 and introduces else None


def inline_list(text: str, limit: int) -> str | None:
    """'Hồ sơ gồm: A; B; C …' told by its items' names, as many as fit in `limit` (None when not such a list)."""
    head, items = _split_inline(text)
    if len(items) < 3:
        return None
    if len(head) > limit // 2:  # a case named at length ('Đề án xây dựng các chương trình truyền hình, …'): its items
        head = _shortened(head, limit // 3)  # are the answer, its opening words say which case it is
    width = max(40, (limit - len(head)) // len(items))
    names, used = [], len(head) + 2
    for item in items:
        name = item_heading(item, width)
        if used + len(name) + 2 > limit:
            names.append("…")
            break
        names.append(name)
        used += len(name) + 2
    return f"{head}: " + "; ".join(names)


def _shortened(text: str, room: int) -> str:
    """A text's opening words within `room` characters, then '…'."""
    return text[:room].rsplit(" ", 1)[0].rstrip(" ,;") + "…"


def fits(item: str, width: int) -> bool:
    """Whether a list item is about as short as the room it has (20 characters over it at most)."""
    return len(strip_mark(item)) <= width + 20


# 'Ủy ban nhân dân quận, huyện, thị xã, … (sau đây gọi chung là Ủy ban nhân dân cấp huyện) lập hồ sơ …': a body
# the item opens with, and the short name the rules give it, which opens with the same two words
_NAMED_SHORT = re.compile(r"^(?P<named>[^()]{5,250}?)\s*\(sau đây gọi (?:chung |tắt )?là (?P<short>[^()]{3,60})\)")


def _named_short(text: str) -> str:
    """An item opening with a body's long name that the rules shorten, under the short name ('Ủy ban nhân dân cấp
    huyện lập hồ sơ …'); a list of members named as a whole ('Doanh nghiệp …, hợp tác xã (sau đây gọi chung là cơ sở
    công nghiệp nông thôn)') is not shortened."""
    found = _NAMED_SHORT.match(text)
    if found is None or found["named"].lower().split()[:2] != found["short"].lower().split()[:2]:
        return text
    return found["short"][:1].upper() + found["short"][1:] + text[found.end():]


_FORM = re.compile(r"(?:Mẫu số \w+\s+(?:tại\s+)?)?Phụ lục(?: số)? [\dIVXL]+\w*", re.IGNORECASE)


def _form_named(aside: re.Match) -> str:
    """A bracketed aside of a list item: the form it names, short ('(Mẫu số 11 Phụ lục 1)'), or nothing."""
    form = _FORM.search(aside.group(1))
    return f" ({form.group(0)})" if form else ""


def item_heading(item: str, width: int = ITEM_CHARS) -> str:
    """The name of a list item: its text up to the first colon, semicolon or sentence end (a longer stretch when
    `width` allows), at most `width` characters."""
    # '(sau đây gọi chung là …)' names nothing; '(theo mẫu tại Phụ lục số 5 của Thông tư này)' names the form to
    # fill in, said short: '(Phụ lục số 5)'
    text = re.sub(r"\s*\(([^()]{8,})\)", _form_named, _named_short(strip_mark(item)))
    if fits(text, width):  # an item about as short as its room is shown whole ('…; sản xuất vật liệu xây dựng')
        return text.strip(" ,;:.")
    cut = HEAD_CUT.search(text, 12) if width <= ITEM_CHARS else None
    head = text[: cut.start()] if cut else text
    if len(head) > width:
        head = head[: head.rfind(" ", 0, width)] + "…"
    return head.strip(" ,;:.")


def items_of(chunk_text: str) -> list[str]:
    """The list items of a chunk, in order (a khoản's own heading line ending in ':' is its intro, not an item)."""
    units = list(split_units(chunk_text))
    if units and units[0].endswith(":"):
        units = units[1:]
    return [u for u in units if is_list_item(u)]


def list_groups(chunk_text: str, title: str = "") -> list[tuple[str, list[str]]]:
    """The lists of a chunk as (what introduces it, its items): the chunk's top-level items (khoản, else điểm), each
    khoản or '…sau:' line with the điểm under it, and a preamble's 'Căn cứ …' lines."""
    units = list(split_units(chunk_text))
    items = items_of(chunk_text)
    top = [u for u in items if _KHOAN.match(u)] or items
    groups = [(f"{title} {intro_of(chunk_text) or ''}".strip(), top)] if len(top) >= 2 else []
    for i, unit in enumerate(units):
        points = []
        for j, following in enumerate(units[i + 1:], start=i + 1):
            # a line of its own under a điểm ('c) Hội nghị tổng kết, đánh giá' / 'Tổ chức hội nghị …' / 'd) …')
            # tells about that điểm when another follows it
            described = points and j + 1 < len(units) and is_point(units[j + 1]) and not _KHOAN.match(following) \
                and not following.rstrip().endswith(":")
            if not is_point(following) and not described:
                break
            points += [following] if is_point(following) else []
        if len(points) >= 2 and (unit.endswith(":") or _KHOAN.match(unit)) and points != top:
            groups.append((unit, points))
    # 'Nội dung Kế hoạch tập trung vào 5 nhóm nhiệm vụ chính: A; B; C; D; E.', read off its line since a long line
    # is cut into several units
    for line in chunk_text.splitlines():
        if (inline := inline_items(line)) is not None:
            groups.append(inline)
    bases = [u for u in units if _BASIS.match(u)]
    if len(bases) >= 2:  # a preamble's 'Căn cứ …' lines: the texts a document is issued on
        groups.append(("Căn cứ ban hành", bases))
    return groups


def items_under(unit: str, chunk_text: str) -> list[str]:
    """The items a unit introduces ('… có trách nhiệm:' and the lines under it, or a khoản heading and its điểm: '1.
    Mục tiêu tổng quát'); [] when it introduces none."""
    if not (unit.rstrip().endswith(":") or _RULE_HEADING.match(unit.strip())):
        return []
    return next((items for intro, items in list_groups(chunk_text) if intro == unit), [])


def items_name(items: list[str], noun: str) -> bool:
    """Whether most of a list's items (three at least) name the listed noun (`noun`, folded): 'quy hoạch điện lực;
    quy hoạch thương mại; …' lists 'quy hoạch'."""
    named = sum(bool(re.search(rf"\b{re.escape(noun)}\b", fold(item))) for item in items)
    return len(items) >= 3 and 2 * named > len(items)


def best_group(chunk_text: str, title: str, focus: str, weight, noun: str = "") -> tuple[str, list[str]] | None:
    """The list of a chunk whose items each name the listed `noun`, else the one whose introduction names most of
    what is asked (the innermost one on a tie; the chunk's top-level list when no introduction names any of it)."""
    wanted = set(content_terms(focus))
    groups = list_groups(chunk_text, title)
    if noun and (named_items := [g for g in groups if items_name(g[1], noun)]):
        return named_items[0]

    def named(index: int) -> tuple[bool, float, int]:
        intro = groups[index][0]
        # a khoản heading the question names whole ('Mục tiêu tổng quát … gồm những nội dung gì?') is the list asked
        heading = set(content_terms(strip_mark(intro))) if index and _KHOAN.match(intro) else set()
        whole = len(heading) >= 2 and heading <= wanted
        return whole, math.fsum(weight(t) for t in wanted & set(content_terms(intro))), index
    if not groups:
        return None
    best = max(range(len(groups)), key=named)
    return groups[best] if named(best)[1] > 0 else groups[0]  # naming nothing: the chunk's own list, not one inside


def without_shared_opening(items: list[str]) -> list[str]:
    """Items whose openings repeat ('Hỗ trợ các cơ sở công nghiệp nông thôn tham dự …', '… quảng bá …') keep the
    shared words on the first of them only: the list's room goes to what tells them apart."""
    texts = [strip_mark(i) for i in items]
    split = [t.split() for t in texts]
    for size in range(max((len(w) for w in split), default=0), 4, -1):
        openings = [" ".join(w[:size]) for w in split if len(w) > size + 2]
        shared = next((o for o in openings if openings.count(o) >= 2), None)
        if shared:
            out, seen = [], False
            for text in texts:
                if text.startswith(shared + " ") and seen:
                    rest = text[len(shared):].strip()
                    text = "… " + rest
                seen = seen or text.startswith(shared + " ")
                out.append(text)
            return out
    return texts


def sibling_items(chunk_id: str, lookup, limit: int = 30) -> list[tuple[object, str]]:
    """The khoản of an article cut into one chunk per khoản ('…#d21-k1', '…#d21-k2' …), as (chunk, its first
    line), for the article's opening chunk ('… được hưởng các quyền lợi:'); `lookup` gives a chunk by id or None."""
    items = []
    for n in range(1, limit + 1):
        sibling = lookup(f"{chunk_id}-k{n}")
        if sibling is None:
            break
        if first := next(iter(split_units(sibling.text)), ""):
            items.append((sibling, first))
    return items


# The letters of a khoản's điểm in order, as chunk ids spell them ('đ' is 'dd')
POINT_LETTERS = ("a", "b", "c", "d", "dd", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u",
                 "v", "x", "y")
_POINT_ID = re.compile(r"^(?P<khoan>.+#d\d+-k\d+)-[a-z]+$")


def point_items(chunk, lookup) -> list[tuple[object, str]]:
    """The điểm of a khoản cut into one chunk per điểm ('…#d16-k1-a', '…#d16-k1-b' …), as (chunk, its first line),
    when `chunk` is one of them and its khoản's heading opens a list ('… có những nhiệm vụ và quyền hạn sau'); []
    otherwise. `lookup` gives a chunk by id or None."""
    khoan = _POINT_ID.match(chunk.id)
    if not khoan or not opens_points(chunk):
        return []
    items = []
    for letter in POINT_LETTERS:
        point = lookup(f"{khoan.group('khoan')}-{letter}")
        if point is None:
            if items:
                break
            continue
        if first := next(iter(split_units(point.text)), ""):
            items.append((point, first))
    return items


def heading_share(focus: str, heading: str, weight) -> float:
    """The share of the focus's term weight a heading says: a question asking no more than a list's heading asks
    for the whole list, one saying more ('… kêu gọi vốn …') for the item that says it."""
    # the document a question names ('… theo Nghị định 45?') scopes it and is no word of the heading
    focus = _NAMED_DOCUMENT.sub(" ", DOC_NUMBER.sub(" ", focus))
    wanted = set(content_terms(focus))
    total = math.fsum(weight(t) for t in wanted)
    return math.fsum(weight(t) for t in wanted & set(content_terms(heading))) / total if total else 0.0


_NAMED_DOCUMENT = re.compile(r"(?:\btheo\s+)?\b(?:nghị định|thông tư(?: liên tịch)?|quyết định|nghi dinh|thong tu|"
                             r"nđ|nd|tt)\s+(?:số\s+)?\d+\S*", re.IGNORECASE)


# A khoản heading that opens its điểm ('… có những nhiệm vụ và quyền hạn sau', '… gồm:')
_OPENS_LIST = re.compile(r"\b(?:sau|sau day|nhu sau|gom|bao gom)\W*$")


def opens_points(chunk) -> str:
    """The heading of the khoản a điểm chunk is one item of, when that heading opens a list; '' otherwise."""
    heading = getattr(chunk, "clause_heading", "") or ""
    return heading if _POINT_ID.match(getattr(chunk, "id", "")) and _OPENS_LIST.search(fold(heading)) else ""


def continued_items(chunk, following: list, limit: int = MAX_ITEMS + 1) -> list[tuple[object, str]]:
    """The items an article's closing '… tập trung vào 6 lĩnh vực sau:' introduces when they run on as paragraphs
    into the chunks that follow (`following`, in reading order), as (chunk, item): a numbered section's heading ('1.
    Tổ chức truyền nghề, nhân cấy nghề'), else each paragraph ending in a full stop (a photo caption has none); as
    many as the introduction announces. [] when the chunk has no such introduction, or fewer items follow."""
    lines = [line.strip() for line in chunk.text.splitlines()]
    at = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].endswith(":")), None)
    if at is None or any(is_list_item(line) for line in lines[at + 1:]):
        return []  # no introduction, or a marked list the chunk's own groups read
    announced = _ANNOUNCED.search(fold(lines[at]))
    if not announced:
        return []  # paragraphs after an unnumbered '…:' may be anything: only a count announced says how many
    wanted = min(int(announced.group(1)), limit)
    items = [(chunk, line) for line in lines[at + 1:] if _PARAGRAPH.search(line)]
    sections = False
    for later in following[:CONTINUED_CHUNKS]:
        later_lines = [line.strip() for line in later.text.splitlines() if line.strip()]
        if later_lines and _KHOAN.match(later_lines[0]):
            sections = True
            items.append((later, later_lines[0]))
        elif not sections:  # a section's second chunk adds no item
            ends = next((i for i, line in enumerate(later_lines) if line.endswith(":")), len(later_lines))
            items += [(later, line) for line in later_lines[:ends] if _PARAGRAPH.search(line)]
            if ends < len(later_lines):
                break  # another list begins
        if len(items) >= wanted:
            break
    return items[:wanted] if len(items) >= wanted else []  # fewer than announced: 'Gồm 2 nội dung' would be false


# What an introduction counts ('… tập trung vào 5 nhóm nhiệm vụ chính:', '… phải đạt cả 03 tiêu chí sau:').
_COUNTED = re.compile(r"\b(\d{1,2})\s+([^\s\d:;,.()]+(?:\s[^\s\d:;,.()]+){0,3}?)"
                      r"(?:\s+(?:như sau|sau đây|sau))?\s*:\s*$")


_NUMBERED = {"dieu", "khoan", "diem", "luc", "thang", "nam", "so", "mau", "chuong", "muc"}
_NOT_NOUNS = {"nhu", "sau", "gom", "nay", "cua", "bao", "duoc", "la"}


def counted_as(intro: str, count: int) -> str:
    """What the introduction calls its items when it counts them as many as there are ('5 nhóm nhiệm vụ chính'), else
    'nội dung' after the count ('3 nội dung')."""
    found = _COUNTED.search(intro or "")
    if not found or int(found.group(1)) != count:
        return f"{count} nội dung"
    before = fold(intro[:found.start()]).split()[-1:]  # 'Điều 4 như sau:', 'khoản 3 gồm:' number a provision
    if before and before[0] in _NUMBERED or fold(found.group(2)).split()[0] in _NOT_NOUNS:
        return f"{count} nội dung"
    return f"{found.group(1)} {found.group(2)}"


def list_lead(items: list[str], n: int | list[int], intro: str = "") -> str:
    """'Gồm 3 nội dung: A; B; C [1].' from item headings (the first MAX_ITEMS, then '…'); a short list shows more of
    each item, since its facts often follow the heading. `n` is the citation of the passage holding the list, or one
    per item when each comes from a passage of its own ('A [2]; B [3]; …'); an `intro` counting its items names
    them ('Gồm 5 nhóm nhiệm vụ chính: …')."""
    width = max(ITEM_CHARS, LIST_CHARS // max(len(items), 1))
    shown = items[:MAX_ITEMS]
    # a shared opening is said once only where the room is short: a short item is shown whole
    heads = [item_heading(item if fits(item, width) else elided, width)
             for item, elided in zip(shown, without_shared_opening(shown), strict=True)]
    if isinstance(n, list):
        heads = [f"{head} [{mark}]" for head, mark in zip(heads, n, strict=False) if head]
    more = "; …" if len(items) > MAX_ITEMS else ""
    end = "." if isinstance(n, list) else f" [{n}]."
    # 'b) Chi 100% chi phí: Thuê mặt bằng …; tổ chức hội thi; …': a short opening stating the level leads the list
    opening = strip_mark(intro or "").rstrip(" :")
    short = len(opening) <= VALUED_INTRO_CHARS
    valued = f"{opening}, gồm" if short and values_of(opening, "amount") else "Gồm"
    listed = "; ".join(h for h in heads if h) + more + end
    # '2. Hội đồng bình chọn cấp tỉnh có 07 hoặc 09 thành viên, bao gồm:' counts the items in its own words
    counted = counted_as(intro, len(items))
    own = _AFTER_MARK.split(opening)[-1]  # an intro may open with its Điều's title ('Cơ cấu, thành phần … 2. …')
    if valued == "Gồm" and counted.endswith(" nội dung") and len(own) <= COUNTED_INTRO_CHARS \
            and values_of(own, "count"):
        return f"{TRAILING_GOM.sub('', own)}, gồm: {listed}"
    return f"{valued} {counted}: {listed}"


# A case's heading ends at its colon, this early ('5. Đề án hỗ trợ ứng dụng máy móc tiên tiến: Hợp đồng, …').
CASE_HEAD_CHARS = 150


def case_heading(item: str) -> str:
    """The case an item is about, before its colon ('Đề án tổ chức các cuộc thi, cuộc vận động'); '' if none."""
    head, colon, _ = strip_mark(item).partition(": ")
    return head if colon and len(head) <= CASE_HEAD_CHARS else ""


def asked_case(items: list[str], question: str) -> int | None:
    """Of a list of cases each headed by what it is about ('15. Đề án tổ chức các cuộc thi, cuộc vận động: …'), the
    one whose own heading word pairs (said by no other heading) the question says most, when one does; None when the
    items are no cases or the question names none of them apart. Pairs, not syllables: 'tạm ứng' is no 'ứng dụng'."""
    heads = [case_heading(item) for item in items]
    if len(items) < 2 or sum(bool(h) for h in heads) < 2 * len(items) / 3:
        return None
    said = [word_pairs(h) for h in heads]
    own = [pairs - set().union(*(o for j, o in enumerate(said) if j != i)) for i, pairs in enumerate(said)]
    asked = word_pairs(question)
    gains = [len(asked & pairs) for pairs in own]
    best = max(range(len(items)), key=gains.__getitem__)
    return best if gains[best] > 0 and sorted(gains)[-2] < gains[best] else None


# A case the question names: this share of its heading's word pairs, and at least this many, said by the question.
CASE_NAMED_SHARE = 0.6
CASE_NAMED_PAIRS = 3


def names_case(question: str, item: str) -> bool:
    """'… đề án hỗ trợ lập quy hoạch chi tiết cụm công nghiệp muốn tạm ứng … cần giấy tờ gì': the question says most
    of the item's case heading ('13. Đề án hỗ trợ lập quy hoạch chi tiết cụm công nghiệp: Quyết định …'), and the
    item says something of it after its colon."""
    head = case_heading(item)
    if not head or len(strip_mark(item)) - len(head) < 20:
        return False
    pairs = word_pairs(head)
    said = pairs & word_pairs(question)
    return len(said) >= CASE_NAMED_PAIRS and len(said) >= CASE_NAMED_SHARE * len(pairs)


_CASE_OPENING = re.compile(r"^(?:đề án\s+)?(?:hỗ trợ\s+)?", re.IGNORECASE)


def names_activity(activity: str, item: str) -> bool:
    """'… hỗ trợ mua máy … tạm ứng … giấy tờ gì': the item's case ('5. Đề án hỗ trợ ứng dụng máy móc tiên tiến: …')
    is the activity the question describes ('ứng dụng máy móc thiết bị'): most of the activity's word pairs, and at
    least two, are the case's own (its 'Đề án hỗ trợ' opening aside)."""
    head = _CASE_OPENING.sub("", case_heading(item))
    wanted = word_pairs(activity.split(",")[0])
    if not head or len(strip_mark(item)) - len(head) < 20 or not wanted:
        return False
    said = wanted & word_pairs(head)
    return len(said) >= 2 and len(said) >= CASE_NAMED_SHARE * len(wanted)


def noun_enumeration(item: str, noun: str) -> str | None:
    """'… đánh giá năng lực theo một số tiêu chí như: năng lực về nguồn nhân lực, khả năng về tài chính, …': an item
    that names what the question lists (`noun`, folded) just before a colon and enumerates it after, from a few words
    before the noun to its end; None when it does not."""
    text = strip_mark(item).rstrip(" .;")
    folded = fold(text)
    found = re.search(rf"\b{re.escape(noun)}\b[^:;.]{{0,25}}:\s", folded) if noun and len(folded) == len(text) else None
    if not found or found.start() < 20 or len(text) - found.end() < 20:
        return None  # 'Nội dung và tiến độ: …' is a heading, not a sentence naming what it enumerates
    start = text.rfind(" ", 0, max(0, found.start() - 60)) + 1
    return ("…" if start > 0 else "") + text[start:]


def intro_of(chunk_text: str) -> str | None:
    """The line before a chunk's list items ('… phải đáp ứng các điều kiện sau:'), when it has one."""
    units = split_units(chunk_text)
    if units and (not is_list_item(units[0]) or units[0].endswith(":")):
        return units[0]
    return None


# 'những nhóm nào', 'gồm những giấy tờ gì', 'có những nhiệm vụ gì': the kind of thing listed.
# 'các địa bàn nào' lists too; 'các cơ sở phải làm gì', 'các tiêu chí là gì' name no noun before a verb
_NOT_NOUN = r"(?!(?:la|phai|can|co|duoc)\b)"
_LISTED = re.compile(rf"\bnhung ((?:\w+ ){{0,3}}?\w+) (?:nao|gi)\b|"
                     rf"\bcac ((?:{_NOT_NOUN}\w+ ){{0,3}}?{_NOT_NOUN}\w+) (?:nao|gi)\b|"
                     # 'Kể giúp mình các ngành nghề được ưu tiên …': what is asked to be told one by one
                     r"\bke (?:giup|ra|het|cho) (?:(?:minh|toi|em) )?(?:cac|nhung) (\w+ \w+)\b")


# '… được làm những hoạt động tư vấn phát triển công nghiệp và thương mại nào?': its first two words name the kind.
_LISTED_LONG = re.compile(r"\bnhung (\w+ \w+)(?: \w+){3,10} (?:nao|gi)\b")


# A khoản headed by what it sets, its rule a sentence with no items ('4. Tiêu chí công nhận làng nghề truyền thống' /
# 'Làng nghề truyền thống phải đạt tiêu chí làng nghề … và có ít nhất một nghề truyền thống …').
_RULE_HEADING = re.compile(r"^\d+\.\s[^.:;]{10,80}$")


def headed_rule(chunk_text: str) -> str | None:
    """The rule of a khoản made of a heading line and one sentence (no list); None for any other passage."""
    units = split_units(chunk_text)
    if len(units) != 2 or not _RULE_HEADING.match(units[0]) or is_list_item(units[1]) \
            or units[1].rstrip().endswith(":"):
        return None
    return units[1]


# What criteria are called ('điều kiện', 'tiêu chí', 'tiêu chuẩn'); folded. Asked for: '… cần thêm điều kiện gì?'
_CRITERIA = re.compile(r"\b(?:dieu kien|tieu chi|tieu chuan)\b", re.IGNORECASE)
_CRITERIA_ASKED = re.compile(r"\b(?:dieu kien|tieu chi|tieu chuan)(?: \w+)? (?:gi|nao)\b|"
                             r"\byeu cau(?: \w+)? (?:gi|nao)\b(?! ve\b)|"  # not '… yêu cầu gì về số thành viên'
                             r"^\W*(?:cac |nhung )?(?:dieu kien|tieu chi|tieu chuan)\b.*\b(?:la gi|gom(?: nhung)? gi|"
                             r"the nao|ra sao)\W*$|"  # 'Điều kiện để … là gì?'
                             # a comparison's side, nothing else asked: 'Điều kiện công nhận nghề truyền thống?'
                             r"^\W*(?:dieu kien|tieu chi|tieu chuan)\b(?!.*\b(?:bao nhieu|ai|khi nao|o dau|may|co|"
                             r"khong|gi|nao|la|phai|dung|va)\b)[^?]*\?$")


def titled_by(title: str, noun: str, wanted: set[str]) -> bool:
    """Whether an article's title is the listed noun (folded) followed only by words the question says."""
    folded = fold(title)
    rest = set(content_terms(folded.removeprefix(noun))) if folded.startswith(noun + " ") else set()
    return bool(rest) and rest <= wanted


def bare_noun(noun: str) -> str:
    """A listed noun without its classifier ('quy hoach' of 'loai quy hoach'; 'loai hinh' stays whole)."""
    return _CLASSIFIER.sub("", noun)


def listed_noun(question: str) -> str:
    """What a list question asks to be listed, folded ('nhom' of 'được chia thành những nhóm nào?'); '' if none."""
    found = _LISTED.search(fold(question)) or _LISTED_LONG.search(fold(question))
    noun = next((noun for noun in found.groups() if noun), "") if found else ""
    return "" if noun in _ANY_THING else noun


# 'làm những việc gì?' asks what is done, which any heading may call by its own name ('theo các nội dung sau:')
_ANY_THING = {"viec", "cong viec", "thu", "cai"}


_MUST = re.compile(r"\b(?:phai|chua co (?:\w+ ){1,3}nao)\b")  # 'phải vượt trội …', 'chưa có cơ sở nào áp dụng'; folded


def _requires(groups: list[tuple[str, list[str]]]) -> bool:
    """Whether every item of one of a passage's lists states a requirement: a list of criteria, whatever its heading
    calls it ('a) Xây dựng mô hình trình diễn kỹ thuật …: - … chưa có cơ sở nào áp dụng; - … phải vượt trội …')."""
    return any(items and all(_MUST.search(fold(item)) for item in items) for _, items in groups)


def asks_criteria(question: str) -> bool:
    """'… cần thêm điều kiện gì?', '… phải đạt những tiêu chí nào?'"""
    return bool(_CRITERIA_ASKED.search(fold(question)))


def _unproposed(text: str) -> str:
    """Folded, without 'đề nghị': 'hồ sơ đề nghị công nhận …' is the file for 'công nhận …' a question asks of ('hồ sơ
    để được công nhận …')."""
    return re.sub(r"\bde nghi\s+", "", fold(text))


def list_chunk(focus: str, ranked: list[Evidence], chunks: list, weight=None, noun: str = "",
               criteria: bool = False) -> int:
    """For a list question, the retrieved chunk that lists what is asked: its units' best score, how much of the
    focus's term weight its heading (Điều title and first line) names, how many of the focus's word pairs it names
    ('nhận nghề' is not 'nhận làng nghề'), whether it names the whole focus in order, and whether it has a list;
    `criteria` when the question asks for criteria."""
    weight = weight or (lambda term: 1.0)
    terms = content_terms(focus)
    # folded on both sides: a question typed without diacritics drops 'de' (để) where the text keeps 'đề'
    topic = " ".join(content_terms(_unproposed(DOC_NUMBER.sub(" ", focus))))  # 'trong Thông tư 36/2013' only scopes it
    # what is asked to be listed is not part of the heading ('hồ sơ … làng nghề gồm những giấy tờ gì')
    subject = topic.removesuffix(" " + " ".join(content_terms(noun))) if noun else topic
    wanted = set(terms)
    pairs = set(zip(terms, terms[1:], strict=False))
    total = math.fsum(weight(t) for t in wanted) or 1.0
    best_score = ranked[0].score or 1.0
    levels = levels_named(focus)
    scores: dict[int, float] = {}
    for evidence in ranked:
        scores.setdefault(evidence.chunk_index, evidence.score)
    denies = bool(_NEGATION.search(fold(focus)))
    holder = asked_holder(focus)
    # a passage whose best unit outscores every other passage's by far says in its prose what is asked ('ưu tiên
    # các đề án có sản phẩm được bình chọn …' for '… ưu tiên những đề án nào?'); one holding a list of its own
    # competes on its heading
    ahead = sorted(scores.values(), reverse=True)
    far_ahead = max(scores, key=scores.get) if len(ahead) > 1 and ahead[1] > 0 and ahead[0] >= LEAD_MARGIN * ahead[1] \
        else None

    def value(index: int) -> float:
        chunk = chunks[index]
        units = split_units(chunk.text)
        # its Điều title and first line, and for one điểm of a list the khoản heading opening it
        points = opens_points(chunk)
        head = f"{chunk.article_title or ''} {points} {units[0] if units else ''}"
        head_terms = content_terms(head)
        overlap = math.fsum(weight(t) for t in wanted & set(head_terms)) / total
        paired = len(pairs & set(zip(head_terms, head_terms[1:], strict=False))) / len(pairs) if pairs else 0.0
        groups = list_groups(chunk.text)
        # a passage that is only an opening ('… được hưởng các quyền lợi:') lists in the khoản that follow it
        # and a khoản whose heading names what its one rule sets ('4. Tiêu chí công nhận làng nghề truyền thống')
        listed = 1.0 if groups or (len(units) == 1 and units[0].rstrip().endswith(":")) \
            or headed_rule(chunk.text) or points else 0.0
        # its heading is the focus, word for word ('Hồ sơ đề nghị công nhận nghề truyền thống'), or the question
        # says its first line word for word ('Hồ sơ đề nghị công nhận nghề truyền thống theo Nghị định 52 gồm …?')
        first = " ".join(content_terms(_unproposed(units[0]))) if units else ""
        says_first = len(first.split()) >= NAMED_SHARE * len(topic.split()) and first in topic
        named = 0.3 if topic and (topic in " ".join(content_terms(fold(head))) or says_first) else 0.0
        # word for word and nothing more ('Hồ sơ đề nghị công nhận làng nghề', not '… làng nghề truyền thống')
        named += EXACT_BONUS if named and first in (topic, subject) else 0.0
        # the kind of thing asked for is what its heading lists ('… được phân theo các nhóm như sau:'), more so when
        # its own heading says it, not only its Điều's title ('1. Địa bàn ưu tiên', not '3. Nguyên tắc xét ưu tiên')
        intros = " ".join(content_terms(" ".join([intro for intro, _ in groups] + [points])))
        title = " ".join(content_terms(chunk.article_title or ""))
        names_noun = re.compile(rf"\b(?:{noun}|{bare_noun(noun)})\b").search if noun else lambda _: None
        kind = NOUN_BONUS if names_noun(f"{title} {intros}") else 0.0
        # a khoản stating its one rule under its heading ('4. Tiêu chí công nhận làng nghề truyền thống') heads itself
        own = intros or (" ".join(content_terms(units[0])) if units and headed_rule(chunk.text) else "")
        kind += OWN_HEADING_BONUS if names_noun(own) else 0.0
        # 'những loại quy hoạch nào?' is listed by items that are each a 'quy hoạch …', whatever their heading says
        kind = max(kind, NOUN_BONUS if noun and any(items_name(items, bare_noun(noun)) for _, items in groups) else 0.0)
        # an article titled by what is listed and what the question is about ('Nội dung thẩm định' for '… thẩm định
        # … những nội dung gì?') is that list, whatever other lists say the same noun
        kind += TITLED_BONUS if noun and titled_by(chunk.article_title or "", bare_noun(noun), wanted) else 0.0
        # '… cần thêm điều kiện gì?' asks criteria, whatever the text calls them: a heading of criteria, not of papers
        if criteria and not noun and (_CRITERIA.search(fold(f"{chunk.article_title or ''} {units[0] if units else ''}"))
                                      or _requires(groups)):
            kind = NOUN_BONUS
        # 'hồ sơ … cấp huyện' is listed under '1. Hồ sơ đăng ký bình chọn cấp huyện:', not under the provincial one
        headed = levels_named(head)
        level = (LEVEL_BONUS if headed & levels else -LEVEL_BONUS) if levels and headed else 0.0
        # '… không xuất hóa đơn … thì hồ sơ quyết toán gồm gì?' is listed under '1. … không lập hóa đơn …:'
        negated = NEGATION_BONUS if denies and _NEGATION.search(fold(head)) else 0.0
        # an article of that body's duties, or one titled with its name alone (Nghị định 52/2018 Điều 16)
        held = HOLDER_BONUS if holder and holds_duty(units[0] if units else "", chunk.article_title or "", holder,
                                                     chunk.article_title or "") else 0.0
        return (scores.get(index, 0.0) / best_score + 0.6 * overlap + 0.3 * paired + 0.5 * listed + named + kind
                + level + negated + held + (FAR_AHEAD_BONUS if index == far_ahead and not groups else 0.0))
    return max(scores, key=value)


# 'không lập', 'không xuất': a negated verb, not the 'không?' that ends a yes/no question
_NEGATION = re.compile(r"\bkhong\s+(?!duoc\b)[a-z]+")
NEGATION_BONUS = 0.3
