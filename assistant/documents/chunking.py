"""Chunking along legal structure (Chương > Điều > khoản > điểm) and, for plans and news, by sections."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.documents.records import Chunk, Document, is_sentence_title
from assistant.text import fold

# Vietnamese điểm letters: no f, j, w, z; đ comes right after d.
POINT_LETTERS = [
    "a",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "g",
    "h",
    "i",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "x",
    "y",
]

_ARTICLE = re.compile(r"^Điều\s+(\d+)\s*[.:]\s*(.*)$")
# A compilation's article: 'Điều 7.5.TT.1.3. Title' (đề mục 7.5, source text TT.1, its article 3).
_CODED_ARTICLE = re.compile(r"^Điều\s+(\d+\.\d+\.[A-ZĐ]{1,4}(?:\.\d+)*)\.(\d+)\s*[.:]\s*(.*)$")
_DIVISION = re.compile(r"^\[?((?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+(?:thứ\s+\w+|[IVXLC]+|\d+)\b[^\]]*)\]?")
_SOURCE_NOTE = re.compile(r"^\((Điều|Khoản|Điểm)\s+\d+.*có hiệu lực.*\)\s*(?:\[vbpl:[^\]]*\])?\s*$")
_NOTE_START = re.compile(r"^\((Điều|Khoản|Điểm)\s+\d+\s")
_EFFECTIVE = re.compile(r"kể từ ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})")
_CODE = re.compile(r"^\[Pháp điển:\s*(.*?)\]\s*$")
_CLAUSE = re.compile(r"^(\d+)\.\s+\S")
_POINT = re.compile(r"^([a-zđ])\)\s+\S")
_NUMBERED_SECTION = re.compile(r"^(\d+)\.\s+(.+)$")
# '(Ban hành kèm theo Quyết định số 12/2024/QĐ-UBND ngày …)': the line under the title of an attached text.
_ATTACHED = re.compile(r"^\(?\s*((?:được\s+)?(?:ban hành\s+)?kèm theo)\s+(.{4,300})$", re.IGNORECASE)
_DOC_REF = re.compile(
    r"\b(Nghị quyết liên tịch|Thông tư liên tịch|Nghị định|Thông tư|Quyết định|Nghị quyết|Chỉ thị|Luật|Pháp lệnh|"
    r"Văn bản hợp nhất)\s+(?:số\s*)?(\d+[\w/.-]*\d[\w/.-]*|[\w-]+/[\w/.-]+)",
    re.IGNORECASE,
)
_APPENDIX = re.compile(
    r"^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:SỐ|số)?\s*([0-9]+[a-zA-Z]?|[IVXLC]+[a-zA-Z]?)\b)?(?:\s*[:.\-–]\s*(.*)|\s*)$"
)
_APPENDIX_CAPS = re.compile(r"^PHỤ LỤC\b")
# Titles of texts that a decision promulgates or attaches (folded, first two syllables).
_ATTACHED_KINDS = (
    "quy che", "quy dinh", "dieu le", "huong dan", "chuong trinh", "ke hoach", "de an", "danh muc", "quy trinh",
    "tieu chi", "noi quy", "quy hoach", "chien luoc", "phu luc", "bieu mau", "tieu chuan", "bang gia", "dinh muc",
)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


@dataclass
class _Block:
    """A run of lines under one structural heading (an article, a clause or a point)."""

    key: str | int | None
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines).strip()


@dataclass
class _Part:
    """One text inside a document with its own Điều numbering: an attached Quy chế, an appendix, a source text."""

    key: str
    label: str | None
    lead: list[str] = field(default_factory=list)


@dataclass
class _Article:
    number: int
    title: str
    chapter: str | None
    effective: str | None = None
    code: str | None = None
    lines: list[str] = field(default_factory=list)
    part: str | None = None
    part_label: str | None = None
    slug: str = ""  # id part after '#': 'd3', 'qc-d3', 'tt1-d3'
    awaiting_note: bool = False  # a compilation article takes its number and source from its first source note


@dataclass
class ParsedText:
    """A legal text split into its preamble, the parts after the main text, and every article in reading order."""

    preamble: list[str]
    parts: list[_Part]
    articles: list[_Article]
    sequence: list[_Part | _Article] = field(default_factory=list)  # parts and articles in reading order


def is_legal(text: str) -> bool:
    """A document with 'Điều N.' lines is chunked as a legal text."""
    return any(_ARTICLE.match(line.strip()) for line in text.splitlines())


def point_slug(letter: str) -> str:
    """ASCII id part for a điểm letter: 'đ' -> 'dd'."""
    return "dd" if letter == "đ" else letter


_ARTICLE_OF = re.compile(r"^(?P<article>.+#d\d+)-k\d+")


def article_of(chunk_id: str) -> str | None:
    """The id of the article a chunk was cut from ('nd-52-2018#d6' of 'nd-52-2018#d6-k3' or '…#d6-k3-a'); None for a
    chunk that is no khoản or điểm of an article."""
    found = _ARTICLE_OF.match(chunk_id)
    return found.group("article") if found else None


# '… quy định tại điểm b khoản 2 Điều này', '… hồ sơ thực hiện theo quy định tại khoản 2 Điều này.'
_WITHIN_ARTICLE = re.compile(r"\btại (?:[Đđ]iểm (?P<point>[a-zđ])\s+)?[Kk]hoản (?P<clause>\d{1,2}) Điều này\b")


@dataclass(frozen=True)
class ArticleReference:
    """A unit's '… tại (điểm b) khoản 2 Điều này': the khoản, and maybe the điểm, of its own article it points to."""

    clause: str  # the khoản number: '2'
    clause_id: str  # that khoản's chunk id: 'nd-52-2018#d9-k2'
    point: str | None  # the điểm letter, or None when the whole khoản is meant
    closes: bool  # nothing but punctuation follows it: the unit says no more than what it points to

    @property
    def point_id(self) -> str | None:
        """The chunk id the điểm would have if its khoản was cut per điểm."""
        return f"{self.clause_id}-{point_slug(self.point)}" if self.point else None


def references_within_article(unit: str, chunk_id: str) -> list[ArticleReference]:
    """Every '… tại (điểm b) khoản 2 Điều này' of a unit of chunk `chunk_id` (a khoản, a điểm or an article's lead),
    in order."""
    article = article_of(chunk_id) or (chunk_id if re.search(r"#d\d+$", chunk_id) else None)
    if article is None:
        return []
    return [ArticleReference(found["clause"], f"{article}-k{found['clause']}", found["point"],
                             not re.search(r"\w", unit[found.end():]))
            for found in _WITHIN_ARTICLE.finditer(unit)]


def _iso_date(match: re.Match) -> str:
    day, month, year = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _clean_division(line: str) -> str:
    return re.sub(r"\s*\(.*\)\s*$", "", _DIVISION.match(line).group(1)).strip()


def _numeral(token: str | None) -> str:
    """'II' -> '2', '01' -> '1', '3a' -> '3a': the number part of an id."""
    if not token:
        return ""
    lowered = token.lower()
    if lowered.isdigit():
        return str(int(lowered))
    if all(c in _ROMAN for c in lowered):
        values = [_ROMAN[c] for c in lowered]
        return str(sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)))
    return re.sub(r"[^a-z0-9]", "", fold(token))


def doc_reference(text: str) -> str | None:
    """'Quyết định 12/2024/QĐ-UBND' from a line that names a document ('… Quyết định số 12/2024/QĐ-UBND ngày …')."""
    match = _DOC_REF.search(text)
    if not match:
        return None
    kind = match.group(1)
    return f"{kind[0].upper()}{kind[1:].lower()} {match.group(2).rstrip('.,;')}"


def _kind_of(line: str) -> str | None:
    """The first two syllables of a title that starts an attached text ('QUY CHẾ …' -> 'QUY CHẾ'), else None."""
    syllables = line.split()
    if len(line) > 200 or len(syllables) < 2:
        return None
    return " ".join(syllables[:2]) if fold(" ".join(syllables[:2])) in _ATTACHED_KINDS else None


def _is_reference_line(line: str) -> bool:
    match = _ATTACHED.match(line)
    if not match or (not line.startswith("(") and not line[0].isupper()):
        return False
    tail = match.group(2)
    # 'Ban hành kèm theo Quyết định này …' inside an article promulgates; it does not start the attached text.
    return doc_reference(tail) is not None and not re.match(r"^\S+(\s+\S+)?\s+này\b", tail)


def _part_starts(lines: list[str]) -> dict[int, tuple[str, str | None, str | None]]:
    """Line index -> (kind, numeral, reference line) of every attached text or appendix after the first article."""
    starts: dict[int, tuple[str, str | None, str | None]] = {}
    seen_article = False
    for index, line in enumerate(lines):
        if _ARTICLE.match(line) or _CODED_ARTICLE.match(line):
            seen_article = True
            continue
        if not seen_article:
            continue
        appendix = _APPENDIX.match(line)
        if appendix and (_APPENDIX_CAPS.match(line) or not appendix.group(2)) and len(line) < 200:
            if not any(start >= index - 4 for start in starts):
                starts[index] = ("Phụ lục", appendix.group(1), None)
            continue
        if not _is_reference_line(line):
            continue
        start, kind = index, None
        for back in range(index - 1, max(index - 5, -1), -1):
            if _ARTICLE.match(lines[back]) or _DIVISION.match(lines[back]):
                break
            if found := _kind_of(lines[back]):
                start, kind = back, found
                break
        if kind is None and not line.startswith("("):
            continue  # a sentence that mentions an attachment, not the line under an attached text's title
        previous = next((s for s in starts if index - 5 <= s <= index), None)
        if previous is not None:  # 'PHỤ LỤC I' then '(Kèm theo Quyết định số …)': one start
            kind_, numeral, _ = starts[previous]
            starts[previous] = (kind_, numeral, line)
            continue
        starts[start] = (kind or "Văn bản", None, line)
    return starts


def _is_caps(line: str) -> bool:
    return line == line.upper() and any(c.isalpha() for c in line)


def _sentence_case(words: str) -> str:
    return words[:1].upper() + words[1:].lower()


def _part_label(kind: str, numeral: str | None, reference_line: str | None, fallback_ref: str | None) -> str:
    """'Quy chế ban hành kèm theo Quyết định 12/2024/QĐ-UBND', 'Phụ lục II kèm theo …', or 'Phụ lục II'."""
    name = _sentence_case(kind) + (f" {numeral}" if numeral else "")
    if reference_line is None:
        return name
    verb = _ATTACHED.match(reference_line).group(1).lower()
    reference = doc_reference(_ATTACHED.match(reference_line).group(2)) or fallback_ref
    return f"{name} {verb} {reference}" if reference else name


class _PartKeys:
    """Unique, stable part keys in reading order: 'qc', 'pl2', 'tt1'; a repeated key gets a counter ('qc2')."""

    def __init__(self):
        self.used: dict[str, str] = {}

    def for_heading(self, kind: str, numeral: str | None) -> str:
        initials = "".join(fold(syllable)[0] for syllable in kind.split()[:2])
        return self._unique(initials + _numeral(numeral))

    def for_code(self, code: str) -> str:
        """'7.5.TT.1' -> 'tt1'; the same code always maps to the same key."""
        if code not in self.used:
            source = code.split(".", 2)[2]
            self.used[code] = self._unique(re.sub(r"[^a-z0-9]", "", fold(source)), owner=code)
        return self.used[code]

    def _unique(self, key: str, owner: str | None = None) -> str:
        taken = set(self.used.values())
        candidate, counter = key or "phan", 2
        while candidate in taken or candidate in ("d", "preamble"):
            candidate, counter = f"{key}{counter}", counter + 1
        self.used[owner or f"#{len(self.used)}"] = candidate
        return candidate


def parse_text(body: str, document_ref: str | None = None) -> ParsedText:
    """Split a legal body into its preamble, its parts and its articles, keeping source notes as metadata.

    A text attached after the main one ('QUY CHẾ … (Ban hành kèm theo Quyết định số …)'), an appendix, a source
    text of a compilation ('Điều 7.5.TT.1.3') or an article numbering that starts again opens a new part, so
    every article of a part has its own id ('#qc-d3') and the main text keeps plain ids ('#d3').
    """
    lines = _join_broken_notes([raw.strip() for raw in body.splitlines() if raw.strip()])
    starts = _part_starts(lines)
    keys = _PartKeys()
    parsed = ParsedText([], [], [])
    part: _Part | None = None
    article: _Article | None = None
    chapter: str | None = None
    section: str | None = None
    last_number: dict[str | None, int] = {}
    untitled = False
    for index, line in enumerate(lines):
        if index in starts:
            kind, numeral, reference_line = starts[index]
            part = _Part(keys.for_heading(kind, numeral), _part_label(kind, numeral, reference_line, document_ref))
            parsed.parts.append(part)
            parsed.sequence.append(part)
            article = chapter = section = None
        if _DIVISION.match(line) and (line.startswith("[") or len(line) < 160):
            division = _clean_division(line)
            if division.lower().startswith("mục"):
                section = division
            else:
                chapter, section = division, None
            untitled = division == line  # 'Chương I' alone: its title is the next line in capitals
            continue
        if untitled and _is_caps(line) and len(line) < 160:
            if section:
                section = f"{section} {line}"
            else:
                chapter = f"{chapter} {line}"
            untitled = False
            continue
        untitled = False
        where = " > ".join(x for x in (chapter, section) if x) or None
        if match := _CODED_ARTICLE.match(line):
            key, number = keys.for_code(match.group(1)), int(match.group(2))
            article = _Article(number, match.group(3).strip(), where, code=f"Điều {match.group(1)}.{number}",
                               part=key, slug=f"{key}-d{number}", awaiting_note=True)
            parsed.articles.append(article)
            parsed.sequence.append(article)
            continue
        if match := _ARTICLE.match(line):
            number = int(match.group(1))
            if number <= last_number.get(part.key if part else None, 0):
                part = _restarted_part(keys, len(parsed.parts) + 2)  # numbering starts again, unannounced
                parsed.parts.append(part)
                parsed.sequence.append(part)
            owner = part.key if part else None
            last_number[owner] = number
            article = _Article(number, match.group(2).strip(), where, part=owner,
                               part_label=part.label if part else None,
                               slug=f"{owner}-d{number}" if owner else f"d{number}")
            parsed.articles.append(article)
            parsed.sequence.append(article)
            continue
        if article is None:
            (part.lead if part else parsed.preamble).append(line)
        elif _SOURCE_NOTE.match(line):
            _read_source_note(article, line)
        elif code := _CODE.match(line):
            article.code = code.group(1)
        else:
            article.lines.append(line)
    return parsed


def _join_broken_notes(lines: list[str]) -> list[str]:
    """A source note that line breaks cut ('(Điều 1 Thông tư …' / '…' / '… có hiệu lực …)') made whole again."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        if _NOTE_START.match(previous) and ")" not in previous and len(previous) < 600:
            joined[-1] = f"{previous} {line}"
        else:
            joined.append(line)
    return joined


def _restarted_part(keys: _PartKeys, ordinal: int) -> _Part:
    """A part found only because its Điều numbering starts again."""
    return _Part(keys.for_heading("phần", str(ordinal)), f"(phần {ordinal} của văn bản)")


def _read_source_note(article: _Article, line: str) -> None:
    """Effective date from a source note; a compilation article also takes its source text and number from it."""
    if (date := _EFFECTIVE.search(line)) and article.effective is None:
        article.effective = _iso_date(date)
    if article.awaiting_note:
        article.awaiting_note = False
        source = doc_reference(line)
        number = re.search(r"Điều\s+(\d+)", line)
        if source:
            article.part_label = source
        if number:
            article.number = int(number.group(1))


def parse_articles(body: str) -> tuple[list[str], list[_Article]]:
    """The preamble lines and the articles of a legal body (every part's articles, in reading order)."""
    parsed = parse_text(body)
    return parsed.preamble, parsed.articles


def split_sequence(
    lines: list[str], pattern: re.Pattern, keys: list, interrupt: re.Pattern | None = None
) -> tuple[list[str], list[_Block]]:
    """Split lines into a lead and blocks that start with consecutive keys (1., 2., … or a), b), …).

    A sequence restarting at the first key inside a block is a nested list and stays in that block
    until a line matching `interrupt` (the next điểm, say) ends it.
    """
    lead: list[str] = []
    blocks: list[_Block] = []
    nested = 0
    for line in lines:
        if interrupt is not None and interrupt.match(line):
            nested = 0
        match = pattern.match(line)
        if match:
            key = int(match.group(1)) if match.group(1).isdigit() else match.group(1)
            expected = keys[len(blocks)] if len(blocks) < len(keys) else None
            if nested and isinstance(key, int) and key == nested + 1:
                nested = key
            elif key == expected:
                blocks.append(_Block(key, [line]))
                nested = 0
                continue
            elif key == keys[0] and blocks and isinstance(key, int):
                nested = key
        (blocks[-1].lines if blocks else lead).append(line)
    return lead, blocks


class Chunker:
    """Turns Documents into Chunks; `max_chars` bounds a chunk before it is split one level deeper."""

    def __init__(self, max_chars: int = 1200):
        self.max_chars = max_chars
        self.splitter = RecursiveCharacterTextSplitter(
            chunk_size=max_chars,
            chunk_overlap=0,
            separators=["\n\n", "\n", ". ", "; ", ", ", " ", ""],
            keep_separator="end",
        )

    def chunk(self, document: Document) -> list[Chunk]:
        """Chunks of one document, in reading order."""
        chunks = self._legal(document) if is_legal(document.text) else self._prose(document)
        for order, chunk in enumerate(chunks):
            chunk.order = order
        return chunks

    def _base(self, document: Document, **fields) -> dict:
        return (
            dict(
                doc_id=document.id,
                title=document.title,
                number=document.number,
                doc_type=document.doc_type,
                status=document.status,
                effective=document.effective,
            )
            | fields
        )

    def _doc_context(self, document: Document) -> str:
        return f"{document.label}: {document.title}" if document.number else document.title

    def _parts(self, text: str) -> list[str]:
        """The text itself when it fits, else sentence-aware pieces."""
        if len(text) <= self.max_chars:
            return [text]
        return [piece.strip() for piece in self.splitter.split_text(text) if piece.strip()]

    def _emit(self, out: list[Chunk], base_id: str, text: str, **fields) -> None:
        parts = self._parts(text)
        for index, part in enumerate(parts, 1):
            chunk_id = base_id if len(parts) == 1 else f"{base_id}-p{index}"
            out.append(Chunk(id=chunk_id, text=part, **fields))

    def _legal(self, document: Document) -> list[Chunk]:
        parsed = parse_text(document.text, document.label if document.number else None)
        out: list[Chunk] = []
        doc_context = self._doc_context(document)
        if parsed.preamble:
            fields = self._base(document, context=doc_context, locator="Phần mở đầu")
            self._emit(out, f"{document.id}#preamble", "\n".join(parsed.preamble), **fields)
        for item in parsed.sequence:
            if isinstance(item, _Part):
                self._part_lead(out, document, doc_context, item)
            else:
                self._article(out, document, doc_context, item)
        return out

    def _part_lead(self, out: list[Chunk], document: Document, doc_context: str, part: _Part) -> None:
        """The title lines of an attached text, or the whole of an appendix without articles."""
        if not part.lead:
            return
        label = part.label or part.key
        fields = self._base(document, context=f"{doc_context} | {label}", locator=label, part=part.key,
                            part_label=part.label)
        self._emit(out, f"{document.id}#{part.key}", "\n".join(part.lead), **fields)

    def _article(self, out: list[Chunk], document: Document, doc_context: str, article: _Article) -> None:
        heading = f"Điều {article.number}. {article.title}".strip()
        context = " | ".join(x for x in (doc_context, article.part_label, article.chapter, heading) if x)
        common = self._base(
            document,
            chapter=article.chapter,
            article=article.number,
            article_title=article.title,
            code=article.code,
            part=article.part,
            part_label=article.part_label,
        )
        if article.effective:
            common["effective"] = article.effective
        article_id = f"{document.id}#{article.slug}"
        suffix = f" {article.part_label}" if article.part_label else ""
        locator = f"Điều {article.number}{suffix}"
        lines = [article.title, *article.lines] if is_sentence_title(article.title) else article.lines
        body = "\n".join(lines).strip()
        if len(body) <= self.max_chars:
            out.append(Chunk(id=article_id, text=body or heading, context=context, locator=locator, **common))
            return
        lead, clauses = split_sequence(lines, _CLAUSE, list(range(1, 200)), interrupt=_POINT)
        if not clauses:
            self._emit(out, article_id, body, context=context, locator=locator, **common)
            return
        if lead:
            self._emit(out, article_id, "\n".join(lead), context=context, locator=locator, **common)
        for clause in clauses:
            self._clause(out, article_id, context, clause, common, f"Điều {article.number}", suffix)

    def _clause(self, out, article_id, context, clause: _Block, common: dict, article_locator: str,
                suffix: str) -> None:
        locator = f"{article_locator}, khoản {clause.key}"
        clause_id = f"{article_id}-k{clause.key}"
        fields = common | {"clause": clause.key}
        if len(clause.text) <= self.max_chars:
            out.append(Chunk(id=clause_id, text=clause.text, context=context, locator=locator + suffix, **fields))
            return
        lead, points = split_sequence(clause.lines, _POINT, POINT_LETTERS)
        if not points:
            self._emit(out, clause_id, clause.text, context=context, locator=locator + suffix, **fields)
            return
        lead_text = "\n".join(lead)
        point_context = f"{context} | Khoản {clause.key}. {lead_text[:200]}".rstrip()
        if len(lead_text) > 200:
            self._emit(out, clause_id, lead_text, context=context, locator=locator + suffix, **fields)
        for point in points:
            self._emit(
                out,
                f"{clause_id}-{point_slug(point.key)}",
                point.text,
                context=point_context,
                locator=f"{locator}, điểm {point.key}{suffix}",
                **(fields | {"point": point.key}),
            )

    def _prose(self, document: Document) -> list[Chunk]:
        """Plans and news: numbered sections and paragraphs grouped up to max_chars, sentence-aware."""
        doc_context = self._doc_context(document)
        out: list[Chunk] = []
        sections = self._sections(document.text)
        for index, (number, heading, text) in enumerate(sections, 1):
            if number is not None:
                base_id, locator = f"{document.id}#s{number}", f"mục {number}"
            else:
                base_id, locator = f"{document.id}#p{index}", f"đoạn {index}"
            context = f"{doc_context} | {heading}" if heading else doc_context
            self._emit(out, base_id, text, **self._base(document, context=context, locator=locator))
        return out

    def _sections(self, text: str) -> list[tuple[int | None, str | None, str]]:
        """(number, heading, text) per numbered section; unnumbered paragraphs grouped up to max_chars."""
        sections: list[tuple[int | None, str | None, list[str]]] = []
        expected = 1
        for raw in text.splitlines():
            line = raw.strip()
            if not line:
                continue
            match = _NUMBERED_SECTION.match(line)
            if match and int(match.group(1)) == expected and len(line) < 200:
                sections.append((expected, line, [line]))
                expected += 1
                continue
            current = sections[-1] if sections else None
            size = sum(len(x) for x in current[2]) if current else 0
            if current is None or (current[0] is None and size + len(line) > self.max_chars):
                # '… kết quả nổi bật của kế hoạch … năm 2022:' introduces what follows: it goes with it, as its heading
                intro = current[2].pop() if current and len(current[2]) > 1 and current[2][-1].endswith(":") else None
                sections.append((None, intro, [intro, line] if intro else [line]))
            else:
                current[2].append(line)
        return [(number, heading, "\n".join(lines)) for number, heading, lines in sections]
