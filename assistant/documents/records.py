"""The record types that flow through the pipeline: a source Document, a load failure, a retrievable Chunk."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field

STATUSES = ("in_force", "amended", "superseded", "expired", "unverified", "informational")


def document_label(doc_type: str | None, number: str | None, title: str | None) -> str:
    """'Nghị định 45/2012/NĐ-CP', or the title of a document without a số hiệu."""
    return f"{doc_type or ''} {number}".strip() if number else (title or "")


# 'Điều 3. Chánh Văn phòng Bộ, … chịu trách nhiệm thi hành Quyết định này./.': the line after an article's number is
# its only sentence, not a heading; headings end without a full stop
_SENTENCE_TITLE = re.compile(r"[.;]/?$|:$")


def is_sentence_title(title: str | None) -> bool:
    """Whether what was read as an article's title is a sentence of its body, which its text then holds."""
    return bool(title and _SENTENCE_TITLE.search(title))


@dataclass
class Document:
    """One source document: its text and the metadata citations show."""

    id: str
    path: str
    text: str
    title: str = ""
    doc_type: str = ""
    number: str | None = None
    issuer: str | None = None
    issued: str | None = None
    effective: str | None = None
    status: str = "unverified"
    amended_by: list[str] = field(default_factory=list)
    superseded_by: str | None = None
    complete: bool = True
    source: str | None = None
    header: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how the text was obtained, e.g. 'OCR …'
    ocr_pages: int = 0  # pages read by OCR (scanned PDF pages or an image)
    relations: list[dict] = field(default_factory=list)  # what its text says it replaces, amends, repeals, ends
    provenance: dict[str, str] = field(default_factory=dict)  # field -> "manifest" | "admin" | "text" | "relations"

    @property
    def label(self) -> str:
        """How citations name the document."""
        return document_label(self.doc_type, self.number, self.title)

    @property
    def content_hash(self) -> str:
        """Hash of the text and metadata: any change to either re-indexes the document."""
        meta = {k: v for k, v in asdict(self).items() if k not in ("path", "text")}
        blob = json.dumps(meta, sort_keys=True, ensure_ascii=False) + "\n" + self.text
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def metadata(self) -> dict:
        """Everything but the text, for listings and citations."""
        data = asdict(self)
        data.pop("text")
        return data


@dataclass
class LoadFailure:
    """A file that could not become a document, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class Chunk:
    """A retrievable passage with its place in the document and the context that explains it."""

    id: str
    doc_id: str
    text: str
    context: str
    locator: str
    title: str
    number: str | None
    doc_type: str
    status: str
    order: int = 0
    chapter: str | None = None
    article: int | None = None
    article_title: str | None = None
    clause: int | None = None
    point: str | None = None
    effective: str | None = None
    code: str | None = None
    tokens: list[str] = field(default_factory=list)
    part: str | None = None  # key of the attached text or appendix ('qc', 'pl2'); None for the main text
    part_label: str | None = None  # 'Quy chế ban hành kèm theo Quyết định 12/2024/QĐ-UBND'

    @property
    def clause_heading(self) -> str:
        """The heading line of the khoản a điểm chunk belongs to ('Tạm ứng 70% kinh phí hỗ trợ của đề án'), which
        the điểm's own text leaves out; '' for other chunks."""
        if not self.point:
            return ""
        match = re.search(r"Khoản \d+\.\s*(?:\d+\.\s*)?([^|]+?)\s*(?:\||$)", self.context)
        return match.group(1).strip().rstrip(":") if match and len(match.group(1)) < 240 else ""

    @property
    def heading(self) -> str:
        """The article's heading ('Đối tượng áp dụng'); '' when its title line is a sentence its text holds."""
        return "" if is_sentence_title(self.article_title) else (self.article_title or "")

    @property
    def embedding_text(self) -> str:
        """What the embedder sees: the context line, then the passage."""
        return f"{self.context}\n{self.text}"

    @property
    def citation_label(self) -> str:
        """'Điều 6, khoản 2 Nghị định 45/2012/NĐ-CP'; a part's locator that names the document stands alone."""
        label = self.doc_label
        if self.part_label and label and self.locator.endswith(label):
            return self.locator
        if self.part_label and label:
            return f"{self.locator} ({label})"
        return f"{self.locator} {label}".strip()

    @property
    def doc_label(self) -> str:
        """'Nghị định 45/2012/NĐ-CP', or the title when the document has no number."""
        return document_label(self.doc_type, self.number, self.title)

    def to_dict(self) -> dict:
        """Plain dict for chunks.jsonl."""
        return asdict(self)
