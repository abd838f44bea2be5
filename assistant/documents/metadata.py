"""Metadata read from a document's own text: type, số hiệu, issuer, dates, trích yếu and the relations it states."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field

from assistant.text import fold

# Longest first: "Thông tư liên tịch" must win over "Thông tư".
DOC_TYPES = ("Thông tư liên tịch", "Thông tư", "Nghị định", "Nghị quyết", "Quyết định", "Công văn", "Kế hoạch",
             "Chỉ thị", "Luật", "Pháp lệnh", "Thông báo", "Hướng dẫn", "Báo cáo", "Quy chế", "Quy định")
# The type code inside a số hiệu ("27/2024/QĐ-UBND") names the type when no type line is read.
_CODE_TYPES = {"TTLT": "Thông tư liên tịch", "TT": "Thông tư", "NĐ": "Nghị định", "NQ": "Nghị quyết",
               "QĐ": "Quyết định", "KH": "Kế hoạch", "CT": "Chỉ thị", "TB": "Thông báo", "HD": "Hướng dẫn",
               "BC": "Báo cáo", "QH": "Luật"}
_TYPE_WORDS = "|".join(DOC_TYPES)
NUMBER = r"\d{1,5}(?:/\d{4})?/[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*"
_NUMBER_LINE = re.compile(rf"^\W*Số\s*:?\s*({NUMBER})", re.MULTILINE)
_PLACE_DATE = re.compile(r"([A-ZÀ-Ỹ][^\n|,]{0,40}),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_LONG_DATE = r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
_SHORT_DATE = r"(\d{1,2})/(\d{1,2})/(\d{4})"
# Bộ pháp điển's source note: "(Điều 1 Thông tư số 26/2014/TT-BCT <trích yếu> ngày 28/08/2014 của Bộ Công Thương,
# có hiệu lực thi hành kể từ ngày 21/10/2014)".
_SOURCE_NOTE = re.compile(
    rf"^\(Điều \d+\w* ({_TYPE_WORDS}) số ({NUMBER}) (.+) ngày {_SHORT_DATE} của ([^,()]+),"
    rf"\s*có hiệu lực(?: thi hành)? kể từ ngày {_SHORT_DATE}\s*\)", re.MULTILINE)
# Any note's head, the short form too: "(Điều 18 Nghị định số 45/2012/NĐ-CP, có hiệu lực …)".
_NOTE_HEAD = re.compile(rf"^\(Điều \d+\w* ({_TYPE_WORDS}) số ({NUMBER})", re.MULTILINE)
_THIS = rf"(?:{_TYPE_WORDS}) này"
_EFFECTIVE_DATE = re.compile(rf"{_THIS} có hiệu lực(?: thi hành)?,?\s*(?:kể )?từ ngày {_LONG_DATE}")
_EFFECTIVE_SIGNED = re.compile(rf"{_THIS} có hiệu lực(?: thi hành)?,?\s*(?:kể )?từ ngày ký")
_EFFECTIVE_AFTER = re.compile(rf"{_THIS} có hiệu lực(?: thi hành)? sau (\d{{1,3}}) ngày,? kể từ ngày ký")
REFERENCE = re.compile(rf"({_TYPE_WORDS})(?: số)? ({NUMBER})")
_DESCRIBED = re.compile(r"(?:của|theo|tại|về|bởi|hướng dẫn|thi hành|thực hiện|kèm theo)\s*$")
# "… của Quyết định số 63/2010/QĐ-TTg ngày 15 tháng 10 năm 2010 và Quyết định số 65/2011/QĐ-TTg": the second is
# joined to a described text, so it is described too.
_JOINED = re.compile(r"^\s*(?:ngày [\d/]+(?: tháng \d+ năm \d+)?)?\s*(?:,|và)\s*$")
_ISSUER_END = re.compile(r"CỘNG H(?:ÒA|OÀ) XÃ HỘI")
_ISSUER_CASES = {"chinh phu": "Chính phủ", "thu tuong chinh phu": "Thủ tướng Chính phủ", "quoc hoi": "Quốc hội"}
_ISSUER_PREFIXES = (("uy ban nhan dan", "Ủy ban nhân dân"), ("ubnd", "UBND"),
                    ("hoi dong nhan dan", "Hội đồng nhân dân"), ("hdnd", "HĐND"), ("bo ", "Bộ"), ("so ", "Sở"))
HEAD_LINES = 40  # the header block of an official document sits in its first lines


@dataclass
class Relation:
    """A relation the text states: `by` (None = this document) replaces/amends/repeals/ends `target`."""

    kind: str  # "replaces" | "amends" | "repeals" | "expires"
    target: str  # số hiệu of the document acted on
    target_type: str | None = None
    by: str | None = None
    by_type: str | None = None


@dataclass
class TextMetadata:
    """What could be read from a document's text; None where the text does not say."""

    doc_type: str | None = None
    number: str | None = None
    issuer: str | None = None
    issued: str | None = None
    effective: str | None = None
    title: str | None = None
    relations: list[Relation] = field(default_factory=list)

    def to_dict(self) -> dict:
        """Plain dict (relations as dicts) for JSON and Document fields."""
        return asdict(self)


def number_key(number: str | None) -> str:
    """The form two số hiệu are compared in: accent-folded, upper-case, no spaces ('NĐ-CP' = 'ND-CP')."""
    return re.sub(r"\s+", "", fold(number or "")).upper()


def iso(day: str | int, month: str | int, year: str | int) -> str | None:
    """'2024-03-12' from day, month and year, None when they are no calendar date."""
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def extract(text: str) -> TextMetadata:
    """Everything the text says about itself; the header block first, then Bộ pháp điển's notes and the articles."""
    meta = TextMetadata()
    head = "\n".join(text.split("\n")[:HEAD_LINES])
    _read_header(head, meta)
    if is_compilation(text):
        meta.relations = relations(text, meta.number)
        return meta  # the texts it compiles each have their own number and dates
    _read_source_note(text, meta)
    meta.effective = meta.effective or _effective(text, meta.issued)
    if meta.doc_type is None and meta.number:
        meta.doc_type = type_from_number(meta.number)
    meta.relations = relations(text, meta.number)
    return meta


def is_compilation(text: str) -> bool:
    """Bộ pháp điển's notes name more than one text: a compilation (an đề mục), not one document."""
    return len({number_key(note.group(2)) for note in _NOTE_HEAD.finditer(text)}) > 1


def type_from_number(number: str) -> str | None:
    """'Quyết định' for '27/2024/QĐ-UBND'; 'Công văn' for a số hiệu with no year and no type code ('400/CTĐP')."""
    code = number.rsplit("/", 1)[-1].split("-")[0]
    if code in _CODE_TYPES:
        return _CODE_TYPES[code]
    return "Công văn" if number.count("/") == 1 else None


def _read_header(head: str, meta: TextMetadata) -> None:
    if match := _NUMBER_LINE.search(head):
        meta.number = match.group(1)
    if match := _PLACE_DATE.search(head):
        meta.issued = iso(*match.group(2, 3, 4))
    meta.issuer = _issuer(head)
    lines = [_clean_line(line) for line in head.split("\n")]
    lines = [line for line in lines if line]
    for index, line in enumerate(lines):
        if line.startswith("Căn cứ"):
            break
        if doc_type := _type_line(line):
            meta.doc_type = doc_type
            meta.title = _title(doc_type, lines[index + 1:])
            break
    if meta.title is None and meta.number:
        # No type line (a page copy that lost it): the upper-case line after the date is the trích yếu.
        after = [line for line in lines if line.isupper() and not _ISSUER_END.search(line)]
        subject = next((line for line in after if len(line) > 25), None)
        doc_type = meta.doc_type or type_from_number(meta.number)
        if subject and doc_type:
            meta.title = f"{doc_type} {_sentence(subject)}"


def _clean_line(line: str) -> str:
    return re.sub(r"\s+", " ", line.replace("|", " ")).strip(" -–_")


def _type_line(line: str) -> str | None:
    """The document type when the line is just that type in capitals ('QUYẾT ĐỊNH', not 'QUYẾT ĐỊNH:')."""
    for doc_type in DOC_TYPES:
        if line == doc_type.upper():
            return doc_type
    return None


def _title(doc_type: str, following: list[str]) -> str | None:
    """'Quyết định phê duyệt …' from the capitalised trích yếu lines after the type line."""
    parts = []
    for line in following:
        if not line.isupper() or line.startswith(("Căn cứ",)) or _looks_like_authority(line, parts):
            break
        parts.append(line)
    return f"{doc_type} {_sentence(' '.join(parts))}" if parts else None


def _looks_like_authority(line: str, parts: list[str]) -> bool:
    """The signing authority line ('BỘ TRƯỞNG BỘ CÔNG THƯƠNG', 'ỦY BAN NHÂN DÂN TỈNH …') ends the trích yếu."""
    folded = fold(line)
    starts = ("bo truong", "thu tuong", "uy ban nhan dan", "hoi dong nhan dan", "chu tich", "giam doc", "chinh phu",
              "cuc truong", "bo tai chinh", "bo cong thuong", "quoc hoi")
    return bool(parts) and folded.startswith(starts)


def _sentence(upper: str) -> str:
    """Upper-case trích yếu in running text: lower case (proper names lose their capitals; the manifest has them)."""
    return re.sub(r"\s+", " ", upper).strip().lower()


def _issuer(head: str) -> str | None:
    """The issuing body: the capitalised lines before 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'."""
    match = _ISSUER_END.search(head)
    if not match:
        return None
    lines = [_clean_line(line) for line in head[: match.start()].split("\n")]
    name = " ".join(line for line in lines if line and line.isupper())
    return _issuer_case(name) if name else None


def _issuer_case(name: str) -> str:
    """'BỘ CÔNG THƯƠNG' -> 'Bộ Công Thương', 'THỦ TƯỚNG CHÍNH PHỦ' -> 'Thủ tướng Chính phủ'."""
    folded = fold(name)
    if folded in _ISSUER_CASES:
        return _ISSUER_CASES[folded]
    for prefix, cased in _ISSUER_PREFIXES:
        if folded.startswith(prefix):
            rest = name[len(prefix.strip()):].strip()
            return f"{cased} {_place_case(rest)}".strip()
    return name.title()


def _place_case(rest: str) -> str:
    """'TỈNH PHÚ THỌ' -> 'tỉnh Phú Thọ', 'CÔNG THƯƠNG' -> 'Công Thương'."""
    words = rest.split()
    if words and fold(words[0]) in ("tinh", "thanh", "huyen", "quan", "xa", "phuong"):
        lead = 2 if fold(" ".join(words[:2])) == "thanh pho" else 1
        return " ".join([w.lower() for w in words[:lead]] + [w.title() for w in words[lead:]])
    return " ".join(w.title() for w in words)


def _read_source_note(text: str, meta: TextMetadata) -> None:
    """Type, số hiệu, dates and trích yếu from Bộ pháp điển's first full note."""
    note = _SOURCE_NOTE.search(text)
    if not note:
        return
    doc_type, number, subject, day, month, year, issuer, e_day, e_month, e_year = note.groups()
    meta.doc_type = meta.doc_type or doc_type
    meta.number = meta.number or number
    meta.issued = meta.issued or iso(day, month, year)
    meta.issuer = meta.issuer or re.sub(r"\s+và\s+", " – ", issuer.strip())
    meta.effective = meta.effective or iso(e_day, e_month, e_year)
    meta.title = meta.title or f"{doc_type} {subject[:1].lower()}{subject[1:]}".strip()


def _effective(text: str, issued: str | None) -> str | None:
    """The date the 'Hiệu lực thi hành' article gives: a date, the signing date, or N days after signing."""
    if match := _EFFECTIVE_DATE.search(text):
        return iso(*match.groups())
    if issued and (match := _EFFECTIVE_AFTER.search(text)):
        return (dt.date.fromisoformat(issued) + dt.timedelta(days=int(match.group(1)))).isoformat()
    if issued and _EFFECTIVE_SIGNED.search(text):
        return issued
    return None


# Verbs, and where the subject and object stand: active ("thay thế X": this text or a named subject acts on X)
# or passive ("X được thay thế bởi Y").
_VERBS = (
    ("replaces", r"thay thế(?: cho)?"),
    ("amends", r"sửa đổi,? bổ sung(?: một số điều| một số nội dung| các điều)?(?: của)?"),
    ("repeals", r"bãi bỏ"),
)
_PASSIVE = re.compile(r"được (thay thế|sửa đổi,? bổ sung|bãi bỏ)(?: một số điều)? bởi")
_EXPIRES = re.compile(r"hết hiệu lực")
_PART = re.compile(r"^\s*(?:các |một số )?(?:Điều|khoản|điểm|Chương|Mục)\b")
_SEGMENT_BREAK = re.compile(r"[.;:]\s|\n")


def relations(text: str, own_number: str | None = None) -> list[Relation]:
    """Every relation the text states, in order, without repeats. In a compilation, what an article says is said
    by the text its Bộ pháp điển note names, not by the compilation."""
    found: list[Relation] = []
    speaker: tuple[str | None, str | None] = (None, None)
    for line in text.split("\n"):
        if note := _NOTE_HEAD.match(line):
            named = number_key(note.group(2)) != number_key(own_number)
            speaker = (note.group(2), note.group(1)) if named else (None, None)
        if line.startswith(("(Điều", "[Pháp điển")):
            continue  # Bộ pháp điển's notes about the texts themselves
        for relation in _line_relations(line):
            if relation.by is None:
                relation.by, relation.by_type = speaker
            if relation not in found and number_key(relation.target) != number_key(relation.by or own_number):
                found.append(relation)
    return found


def _line_relations(line: str) -> list[Relation]:
    out: list[Relation] = []
    passive_spans = []
    for match in _PASSIVE.finditer(line):
        passive_spans.append(match.span())
        target = _last_reference(_segment_before(line, match.start()))
        by = REFERENCE.match(line[match.end():].lstrip())
        if target and by:
            out.append(Relation(_kind(match.group(1)), target.group(2), target.group(1), by.group(2), by.group(1)))
    for kind, verb in _VERBS:
        for match in re.finditer(verb, line, re.IGNORECASE):
            if any(start <= match.start() < end for start, end in passive_spans):
                continue
            out.extend(_active(kind, line, match))
    for match in _EXPIRES.finditer(line):
        segment = _segment_before(line, match.start())
        if (target := _last_reference(segment)) and "này" not in segment[target.end():]:
            out.append(Relation("expires", target.group(2), target.group(1)))
    return out


def _kind(verb: str) -> str:
    return {"thay": "replaces", "sửa": "amends", "bãi": "repeals"}[verb.split()[0]]


def _active(kind: str, line: str, match: re.Match) -> list[Relation]:
    """Targets after the verb; the subject is a số hiệu just before it in the same clause, else this text."""
    segment = _segment_before(line, match.start())
    subject = _last_reference(segment)
    named = subject is not None and _subject_is_close(segment[subject.end():])
    by = (subject.group(2), subject.group(1)) if named else (None, None)
    rest = line[match.end():]
    if kind == "repeals" and _PART.match(rest):
        kind = "amends"  # repealing some articles amends the text, it does not end it
    return [Relation(kind, target.group(2), target.group(1), *by) for target in _listed_references(rest, kind)]


def _subject_is_close(between: str) -> bool:
    """'Nghị định số 235/2025/NĐ-CP ngày … sửa đổi …': the named text is the subject (not 'X này … thay thế')."""
    return "này" not in between and len(between) < 200


def _listed_references(rest: str, kind: str):
    """The texts a verb acts on: the first reference, and the others joined to it by 'và', ',', ';' or ':'.

    A reference after 'của', 'theo', 'hướng dẫn' … describes a listed text, it is not acted on itself (except the
    'của' of 'sửa đổi, bổ sung một số điều của X', which the verb pattern consumes)."""
    previous_end = 0
    described = False
    for number, match in enumerate(REFERENCE.finditer(rest)):
        gap = rest[previous_end: match.start()]
        previous_end = match.end()
        if number == 0:
            if len(gap) > 120 and not _PART.match(gap):
                return
        elif kind == "amends":
            return  # 'sửa đổi, bổ sung … của X': one text
        else:
            described = bool(_DESCRIBED.search(gap) or (described and _JOINED.match(gap)))
            if described:
                continue
        yield match


def _segment_before(line: str, position: int) -> str:
    """The clause that ends at `position` (after the last '.', ';', ':' or line break)."""
    head = line[:position]
    breaks = [m.end() for m in _SEGMENT_BREAK.finditer(head)]
    return head[breaks[-1]:] if breaks else head


def _last_reference(segment: str) -> re.Match | None:
    matches = list(REFERENCE.finditer(segment))
    return matches[-1] if matches else None


EDITABLE = ("title", "doc_type", "number", "issuer", "issued", "effective")


def complete_from_text(fields: dict, body: str, header: list[str]) -> dict:
    """Document fields with the manifest's values kept, the gaps filled from the text, and where each came from.

    The first '# ' header line of a corpus extract is its curated title (before the trích yếu read from the body);
    it counts as read from the text."""
    fields = dict(fields)
    provenance = {name: "manifest" for name, value in fields.items() if name != "id" and value not in (None, "", [])}
    read = extract(body)
    if header:
        read.title = header[0]
    for name in EDITABLE:
        value = getattr(read, name)
        if value and name not in fields:
            fields[name] = value
            provenance[name] = "text"
    fields["relations"] = [asdict(relation) for relation in read.relations]
    fields["provenance"] = provenance
    return fields
