"""Support and spending levels read off the indexed legal text: one row per stated level, with its citation.

A level is a share ("tối đa 30%", "100% chi phí"), a cap with its unit ("không quá 500 triệu đồng/mô hình") or
both, found in the sentence of a điểm/khoản that grants support or sets a spending level. The table is derived from
the published index generation, so every ingest rebuilds it.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from assistant.documents.records import Chunk
from assistant.text import fold, unfolded_asker, words

_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ])|\n")
# '500 triệu đồng/mô hình', '70 triệu đồng/hội, hiệp hội cấp vùng', '100 triệu đồng/lần đối với cấp khu vực'.
_CAP = re.compile(r"([\d.,]*\d)\s*(triệu|tỷ)\s*đồng\s*/\s*(.+?)(?:\s+đối với\s+(.+?))?"
                  r"(?=\s*(?:[;.]|,\s*\d|\s+và\s+\d|\s+nhưng\b|$))")
_PERCENT = re.compile(r"(\d+(?:,\d+)?)\s*%")
_TIMES = re.compile(r"không quá\s+(\d+(?:,\d+)?)\s*lần\s+mức hỗ trợ")
# The sentence must grant support or set a spending level; advance-payment rules ("tạm ứng") are not levels.
_GRANTS = re.compile(r"\b(mức hỗ trợ|mức chi|hỗ trợ|được thưởng|thưởng|chi tối đa|sử dụng tối đa|"
                     r"được chi tối đa)\b|\bchi \d", re.IGNORECASE)
_PERCENT_OF = re.compile(r"%\s*(chi phí|giá thuê|lãi suất|kinh phí|dự toán|các khoản chi phí)|%\s*(nhưng|$)|"
                         r"mức hỗ trợ (tối đa )?\d", re.IGNORECASE)
_PAYER = re.compile(r"Mức chi hoạt động khuyến công (quốc gia|địa phương)", re.IGNORECASE)
_SCALE = {"triệu": 1_000_000, "tỷ": 1_000_000_000}
# A spending level set by another text: 'Chi tổ chức đào tạo nghề, truyền nghề áp dụng theo Thông tư số 112/2010/…'
_BY_REFERENCE = re.compile(r"^(?:[a-zđ]\)\s*)?Chi\b.*?\b(?:áp dụng|thực hiện) theo "
                           r"((?:Thông tư liên tịch|Thông tư|Nghị định|Quyết định) số \d+/[\w/Đđ-]+)")
# Words every activity shares; they say nothing about which one is meant.
_COMMON = {"ho", "tro", "chi", "cac", "co", "so", "cho", "va", "vao", "cua", "trong", "nghiep", "cong", "san", "xuat"}


@dataclass
class SupportLevel:
    """One stated level: what it is for, how much, on what condition, who pays, and where it is written."""

    activity: str
    percent: str | None
    cap: str | None
    cap_vnd: int | None
    unit: str | None
    conditions: str
    payer: str | None
    doc_id: str
    number: str | None
    locator: str
    status: str
    chunk_id: str
    text: str
    reference: str | None = None  # the text setting the level when this one only refers to it
    scope: str = ""  # the điểm of the same Điều its activity refers to ('các nội dung quy định tại điểm a khoản 2')

    def to_dict(self) -> dict:
        """JSON-ready dict."""
        return asdict(self)


def _amount(value: str, scale: str) -> int:
    """'1.500' triệu -> 1_500_000_000; '1,5' tỷ -> 1_500_000_000 (Vietnamese separators)."""
    return int(round(float(value.replace(".", "").replace(",", ".")) * _SCALE[scale]))


def _line_of(chunk: Chunk, sentence: str) -> str:
    """The line (điểm, khoản, list item) of the chunk a sentence belongs to."""
    return next((ln.strip() for ln in chunk.text.splitlines() if sentence[:40] in ln), sentence)


def _lead(line: str) -> str:
    """A line's opening clause without its numbering: 'b) Chi hỗ trợ …: …' -> 'Chi hỗ trợ …'."""
    line = re.sub(r"^([a-zđ]\)|\d+\.|-)\s*", "", line)
    return re.split(r"(?<=[.:;])\s|\s*Mức hỗ trợ|\s*Mức chi", line, maxsplit=1)[0].rstrip(" .:;,")


def _activity(chunk: Chunk, line: str) -> str:
    """What the level is for: its line's opening clause, else the chunk's, else the Điều's title."""
    first = chunk.text.strip().split("\n", 1)[0]
    return (_lead(line) or _lead(first) or chunk.article_title or chunk.locator)[:240]


def _levels_in(sentence: str) -> list[tuple[str | None, str | None, int | None, str | None]]:
    """(percent, cap, cap_vnd, unit) for each level a sentence states."""
    percents = [m for m in _PERCENT.finditer(sentence)]
    caps = list(_CAP.finditer(sentence))
    found = []
    for cap in caps:
        before = [p for p in percents if p.end() <= cap.start()]
        percent = f"{before[-1].group(1)}%" if before and cap.start() - before[-1].end() < 160 else None
        unit = re.sub(r"\s+", " ", cap.group(3)).strip() + (f" ({cap.group(4).strip()})" if cap.group(4) else "")
        found.append((percent, f"{cap.group(1)} {cap.group(2)} đồng/{unit}", _amount(cap.group(1), cap.group(2)),
                      unit or None))
    paired = {f[0] for f in found if f[0]}
    for p in percents:
        if f"{p.group(1)}%" not in paired and _PERCENT_OF.search(sentence[p.start():p.end() + 40]):
            found.append((f"{p.group(1)}%", None, None, None))
    for times in _TIMES.finditer(sentence):
        found.append((None, f"{times.group(1)} lần mức hỗ trợ", None, "lần mức hỗ trợ"))
    return found


# 'các nội dung quy định tại điểm a khoản 2 Điều này': the activity is named in another điểm of the same Điều.
_SAME_ARTICLE_POINT = re.compile(r"quy định tại điểm ([a-zđ]) khoản (\d+)(?: của)? Điều này")


def _referred_point(line: str, chunk: Chunk, chunks: list[Chunk]) -> str:
    """The text of the điểm a line refers to in its own Điều ('' when it refers to none or it is not found)."""
    found = _SAME_ARTICLE_POINT.search(line)
    if not found:
        return ""
    point, clause = found.groups()
    for other in chunks:
        if other.doc_id != chunk.doc_id or other.article != chunk.article:
            continue
        lines = [ln.strip() for ln in other.text.splitlines()]
        opened = other.clause == int(clause)  # a khoản chunk opens with its number, a điểm chunk has its own
        for text in lines:
            if re.match(r"^\d+\.\s", text):
                opened = text.startswith(f"{clause}.")
            elif opened and text.startswith(f"{point})"):
                return text
    return ""


def extract(chunks: list[Chunk], documents: dict[str, dict]) -> list[SupportLevel]:
    """Every support or spending level stated in the legal chunks, in document order."""
    rows: list[SupportLevel] = []
    for chunk in chunks:
        if chunk.article is None or "tạm ứng" in chunk.text[:40].lower():
            continue
        payer = _PAYER.search(chunk.context)
        for sentence in (s.strip() for s in _SENTENCE.split(chunk.text)):
            if not sentence or not (_GRANTS.search(sentence) or _BY_REFERENCE.search(sentence)) \
                    or "tạm ứng" in sentence.lower():
                continue
            line = _line_of(chunk, sentence)
            levels = _levels_in(sentence)
            referred = _BY_REFERENCE.search(sentence) if not levels else None
            for percent, cap, cap_vnd, unit in levels or ([(None, None, None, None)] if referred else []):
                rows.append(SupportLevel(
                    activity=_activity(chunk, line), percent=percent, cap=cap, cap_vnd=cap_vnd, unit=unit,
                    conditions=line[:500], payer=f"kinh phí khuyến công {payer.group(1)}" if payer else None,
                    doc_id=chunk.doc_id, number=chunk.number, locator=chunk.locator,
                    status=documents.get(chunk.doc_id, {}).get("status", chunk.status), chunk_id=chunk.id,
                    text=chunk.text, reference=referred.group(1) if referred else None,
                    scope=_referred_point(line, chunk, chunks),
                ))
    return rows


def search(rows: list[SupportLevel], query: str = "", doc_id: str | None = None,
           status: str | None = None) -> list[SupportLevel]:
    """Rows holding every word of the query (accent-insensitive), optionally of one document or status."""
    terms = {fold(w) for w in words(query)}
    found = []
    for row in rows:
        if doc_id and row.doc_id != doc_id or status and row.status != status:
            continue
        haystack = {fold(w) for w in words(f"{row.activity} {row.conditions} {row.locator} {row.number or ''}")}
        if terms <= haystack:
            found.append(row)
    return found


def is_support_question(question: str) -> bool:
    """'Mức hỗ trợ … bao nhiêu', 'được hỗ trợ tối đa …', 'thưởng bao nhiêu' …"""
    folded = fold(unfolded_asker(question))
    if re.search(r"\b(tam ung|quyet toan|thanh toan|advance)\b", folded):
        return False  # advances and settlements are paid out of a level, they are not one
    if re.search(r"\bduoc (?:nha nuoc )?(?:cho )?(?:bao nhieu|toi da)\b", folded):
        return True  # 'muốn mua máy thì được bao nhiêu?': what the asker gets, said without 'hỗ trợ'
    if re.search(r"\bho tro (?:tien|chi phi|kinh phi)\b[^?,;]{2,60}\b(?:khong|ko)\W*$", folded):
        return True  # '… có hỗ trợ tiền thuê gian hàng không?': whether a cost is supported is its level
    return bool(re.search(r"\b(ho tro|muc chi|thuong|support)\b", folded)) and bool(
        re.search(r"\b(bao nhieu|toi da|muc|how much|maximum|the nao|ra sao|nhung gi|nhung khoan|khoan nao|"
                  r"duoc gi|ho tro (?:gi|cai gi))\b", folded))


def table(generation) -> list[SupportLevel]:
    """The support-level table of a generation, built once per generation."""
    return generation.view("support_levels", lambda g: extract(g.chunks, g.documents))


# The scheme a question names ('cơ sở ngành nghề nông thôn' of Nghị định 52/2018, 'công nghiệp nông thôn' of
# khuyến công): a row written for that scheme is the one asked about.
_SCHEMES = ("nganh nghe nong thon", "cong nghiep nong thon")


def activity_share(row: SupportLevel, activity: str, question: str = "") -> float:
    """Share of an activity name's distinctive words found in a row's activity and conditions. What the row covers by
    reference ('các nội dung quy định tại điểm a khoản 2') counts for a question naming the row's own scheme ('cơ sở
    ngành nghề nông thôn … thuê tư vấn xây dựng thương hiệu')."""
    wanted = {fold(w) for w in words(activity)} - _COMMON
    asked = fold(question).lower()
    scoped = row.scope and any(s in asked and s in fold(row.text).lower() for s in _SCHEMES)
    have = {fold(w) for w in words(f"{row.activity} {row.conditions[:200]} {row.scope if scoped else ''}")}
    return len(wanted & have) / len(wanted) if wanted else 0.0


SCHEME_BONUS = 0.3
# A level stated outright outranks one only referring to another text for the same activity.
REFERENCE_PENALTY = 0.3


def best_row(rows: list[SupportLevel], activity: str, question: str, preferred: list[str],
             retrieved_documents: frozenset[str] = frozenset()) -> SupportLevel | None:
    """The row of the activity a question describes (named as the corpus names it): the row whose activity shares
    most of the name's words, then the one whose conditions share most of the question's, then a retrieved one."""
    asked = [fold(w) for w in words(question)]
    asked_pairs = set(zip(asked, asked[1:], strict=False))
    folded = " ".join(asked)
    best, best_score = None, 0.0
    # a level only referring to another text answers when its passage is retrieved too, or, when the activity has no
    # level of its own ('đào tạo nghề' is paid as Thông tư 112/2010 sets), another passage of its document
    # (a row only sharing some of its words, 'thủ công mỹ nghệ … thông tin' for 'công nghệ thông tin', is no level of
    # the activity when the referring row names it whole)
    shares = [(row, activity_share(row, activity, question)) for row in rows]
    own = max((share for row, share in shares if not row.reference), default=0.0)
    referred = own < 0.6 or own < max((share for row, share in shares if row.reference), default=0.0)
    for row, share in shares:
        if share < 0.6 or (row.reference and row.chunk_id not in preferred
                           and not (referred and row.doc_id in retrieved_documents)):
            continue
        have = [fold(w) for w in words(f"{row.activity} {row.conditions[:300]}")]
        pairs = len(asked_pairs & set(zip(have, have[1:], strict=False))) / (len(asked_pairs) or 1)
        schemes = [s for s in _SCHEMES if s in folded and s in fold(f"{row.activity} {row.conditions}")]
        score = share + 0.5 * pairs + (0.2 if row.chunk_id in preferred else 0.0) + SCHEME_BONUS * len(schemes) \
            - REFERENCE_PENALTY * bool(row.reference and own >= share)
        if score > best_score:
            best, best_score = row, score
    return best
