"""Documents of the corpus: discovery in corpus folders, manifest metadata, header lines, de-duplication."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path

from assistant.documents.loaders import LoadError, load
from assistant.documents.metadata import complete_from_text
from assistant.documents.records import STATUSES, Document, LoadFailure
from assistant.text import fold

MANIFEST_NAME = "manifest.jsonl"


def split_header(text: str) -> tuple[list[str], str]:
    """Separate leading '# ' metadata lines (and their '#   ' continuations) from the body."""
    lines = text.split("\n")
    header: list[str] = []
    while lines and (lines[0].startswith("#") and (lines[0] == "#" or lines[0][1:2] == " ")):
        header.append(lines.pop(0)[1:].strip())
    return header, "\n".join(lines).strip("\n")


def slugify(value: str) -> str:
    """ASCII id from a file name: 'Kế hoạch 2024.pdf' -> 'ke-hoach-2024'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(value)).strip("-") or "document"


def read_manifest(root: Path) -> dict[str, dict]:
    """Manifest entries of a corpus folder keyed by their relative `file` path."""
    manifest = root / MANIFEST_NAME
    if not manifest.is_file():
        return {}
    entries = {}
    for number, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            entries[entry["file"]] = entry
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise LoadError(f"{manifest}:{number}: dòng manifest không hợp lệ ({exc})") from exc
    return entries


def _is_skipped(path: Path) -> bool:
    """Manifests, READMEs and hidden files describe a corpus; they are not documents of it."""
    return path.name == MANIFEST_NAME or path.name.startswith(".") or path.stem.lower().startswith("readme")


def _candidate_files(source: Path) -> Iterable[tuple[Path, Path]]:
    """(file, corpus root) pairs under a folder, or the single file given with its nearest manifest root."""
    if source.is_dir():
        for path in sorted(source.rglob("*")):
            if path.is_file() and not any(part.startswith(".") for part in path.relative_to(source).parts):
                yield path, source
        return
    root = next((p for p in source.parents if (p / MANIFEST_NAME).is_file()), source.parent)
    yield source, root


def load_document(path: Path, root: Path, manifest: dict[str, dict], ocr_cache: Path | None = None) -> Document:
    """Read one file into a Document, metadata from the manifest first, then its header lines."""
    loaded = load(path, ocr_cache)
    header, body = split_header(loaded.text)
    if not body.strip():
        raise LoadError("tệp chỉ có dòng tiêu đề '#', không có nội dung")
    entry = dict(manifest.get(path.relative_to(root).as_posix(), {}))
    entry.pop("file", None)
    known = set(Document.__dataclass_fields__) - {"path", "text", "header", "notes", "ocr_pages", "relations",
                                                   "provenance"}
    fields = {k: v for k, v in entry.items() if k in known and v is not None}
    fields = complete_from_text(fields, body, header)  # the manifest first, then what the text says
    fields.setdefault("id", slugify(path.stem))
    fields.setdefault("title", path.stem)
    if fields.get("status") not in STATUSES:
        fields["status"] = "unverified"
    return Document(path=str(path), text=body, header=header, notes=loaded.notes, ocr_pages=loaded.ocr_pages,
                    **fields)


def discover(sources: Iterable[Path], ocr_cache: Path | None = None) -> tuple[list[Document], list[LoadFailure]]:
    """Load every document under `sources`; the same document found twice is kept once.

    `ocr_cache` is a folder where OCR text is kept by file hash, so a scanned file is recognized once."""
    documents: list[Document] = []
    failures: list[LoadFailure] = []
    seen_ids: set[str] = set()
    seen_text: set[str] = set()
    manifests: dict[Path, dict[str, dict]] = {}
    for source in sources:
        source = Path(source)
        if not source.exists():
            failures.append(LoadFailure(str(source), "không tồn tại"))
            continue
        for path, root in _candidate_files(source):
            if _is_skipped(path):
                continue
            try:
                if root not in manifests:
                    manifests[root] = read_manifest(root)
                document = load_document(path, root, manifests[root], ocr_cache)
            except LoadError as exc:
                failures.append(LoadFailure(str(path), str(exc)))
                continue
            text_key = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
            if document.id in seen_ids or text_key in seen_text:
                continue
            seen_ids.add(document.id)
            seen_text.add(text_key)
            documents.append(document)
    return documents, failures
