"""Chunking along legal structure (Chương > Điều > khoản > điểm) and, for plans and news, by sections."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.documents.records import Chunk, Document

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
_DIVISION = re.compile(r"^\[?((?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+(?:thứ\s+\w+|[IVXLC]+|\d+)\b[^\]]*)\]?")
_SOURCE_NOTE = re.compile(r"^\((Điều|Khoản|Điểm)\s+\d+.*có hiệu lực.*\)\s*$")
_EFFECTIVE = re.compile(r"kể từ ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})")
_CODE = re.compile(r"^\[Pháp điển:\s*(.*?)\]\s*$")
_CLAUSE = re.compile(r"^(\d+)\.\s+\S")
_POINT = re.compile(r"^([a-zđ])\)\s+\S")
_NUMBERED_SECTION = re.compile(r"^(\d+)\.\s+(.+)$")


@dataclass
class _Block:
    """A run of lines under one structural heading (an article, a clause or a point)."""

    key: str | int | None
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines).strip()


@dataclass
class _Article:
    number: int
    title: str
    chapter: str | None
    effective: str | None = None
    code: str | None = None
    lines: list[str] = field(default_factory=list)


def is_legal(text: str) -> bool:
    """A document with 'Điều N.' lines is chunked as a legal text."""
    return any(_ARTICLE.match(line.strip()) for line in text.splitlines())


def point_slug(letter: str) -> str:
    """ASCII id part for a điểm letter: 'đ' -> 'dd'."""
    return "dd" if letter == "đ" else letter


def _iso_date(match: re.Match) -> str:
    day, month, year = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _clean_division(line: str) -> str:
    return re.sub(r"\s*\(.*\)\s*$", "", _DIVISION.match(line).group(1)).strip()


def parse_articles(body: str) -> tuple[list[str], list[_Article]]:
    """Split a legal body into its preamble lines and articles, keeping source notes as metadata."""
    preamble: list[str] = []
    articles: list[_Article] = []
    chapter: str | None = None
    section: str | None = None
    for raw in body.splitlines():
        line = raw.strip()
        if not line:
            continue
        if _DIVISION.match(line) and (line.startswith("[") or len(line) < 160):
            division = _clean_division(line)
            if division.lower().startswith("mục"):
                section = division
            else:
                chapter, section = division, None
            continue
        if match := _ARTICLE.match(line):
            where = " > ".join(part for part in (chapter, section) if part) or None
            articles.append(_Article(int(match.group(1)), match.group(2).strip(), where))
            continue
        if not articles:
            preamble.append(line)
            continue
        article = articles[-1]
        if _SOURCE_NOTE.match(line):
            if (date := _EFFECTIVE.search(line)) and article.effective is None:
                article.effective = _iso_date(date)
            continue
        if code := _CODE.match(line):
            article.code = code.group(1)
            continue
        article.lines.append(line)
    return preamble, articles


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
        preamble, articles = parse_articles(document.text)
        out: list[Chunk] = []
        doc_context = self._doc_context(document)
        if preamble:
            fields = self._base(document, context=doc_context, locator="Phần mở đầu")
            self._emit(out, f"{document.id}#preamble", "\n".join(preamble), **fields)
        for article in articles:
            self._article(out, document, doc_context, article)
        return out

    def _article(self, out: list[Chunk], document: Document, doc_context: str, article: _Article) -> None:
        heading = f"Điều {article.number}. {article.title}".strip()
        context = " | ".join(part for part in (doc_context, article.chapter, heading) if part)
        common = self._base(
            document,
            chapter=article.chapter,
            article=article.number,
            article_title=article.title,
            code=article.code,
        )
        if article.effective:
            common["effective"] = article.effective
        article_id = f"{document.id}#d{article.number}"
        body = "\n".join(article.lines).strip()
        if len(body) <= self.max_chars:
            out.append(
                Chunk(
                    id=article_id,
                    text=body or heading,
                    context=context,
                    locator=f"Điều {article.number}",
                    **common,
                )
            )
            return
        lead, clauses = split_sequence(article.lines, _CLAUSE, list(range(1, 200)), interrupt=_POINT)
        if not clauses:
            self._emit(out, article_id, body, context=context, locator=f"Điều {article.number}", **common)
            return
        if lead:
            self._emit(
                out, article_id, "\n".join(lead), context=context, locator=f"Điều {article.number}", **common
            )
        for clause in clauses:
            self._clause(out, article_id, context, clause, common, article.number)

    def _clause(self, out, article_id, context, clause: _Block, common: dict, article_number: int) -> None:
        locator = f"Điều {article_number}, khoản {clause.key}"
        clause_id = f"{article_id}-k{clause.key}"
        fields = common | {"clause": clause.key}
        if len(clause.text) <= self.max_chars:
            out.append(Chunk(id=clause_id, text=clause.text, context=context, locator=locator, **fields))
            return
        lead, points = split_sequence(clause.lines, _POINT, POINT_LETTERS)
        if not points:
            self._emit(out, clause_id, clause.text, context=context, locator=locator, **fields)
            return
        lead_text = "\n".join(lead)
        point_context = f"{context} | Khoản {clause.key}. {lead_text[:200]}".rstrip()
        if len(lead_text) > 200:
            self._emit(out, clause_id, lead_text, context=context, locator=locator, **fields)
        for point in points:
            self._emit(
                out,
                f"{clause_id}-{point_slug(point.key)}",
                point.text,
                context=point_context,
                locator=f"{locator}, điểm {point.key}",
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
                sections.append((None, None, [line]))
            else:
                current[2].append(line)
        return [(number, heading, "\n".join(lines)) for number, heading, lines in sections]
