"""Administrators' edits to document metadata and hidden corpus documents, kept in KC_DATA_DIR/catalog.json and
applied at every ingest: manifest > administrator > what the text says."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable
from pathlib import Path

from assistant.documents import relations
from assistant.documents.records import Document

CATALOG_NAME = "catalog.json"
# What an administrator may set on a document.
EDITABLE_FIELDS = ("title", "doc_type", "number", "issuer", "issued", "effective", "status", "amended_by",
                   "superseded_by")
_LOCK = threading.Lock()


class Catalog:
    """{doc_id: {"edits": {field: value}, "hidden": bool, "path": str}} on disk, rewritten atomically."""

    def __init__(self, data_dir: Path):
        self.path = Path(data_dir) / CATALOG_NAME

    def load(self) -> dict[str, dict]:
        """Every entry; {} before the first edit (or when the file is unreadable, so ingest never stops on it)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return {}
        return data.get("documents", {}) if isinstance(data, dict) else {}

    def save(self, entries: dict[str, dict]) -> None:
        """Write all entries at once (a crash leaves the previous file)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{CATALOG_NAME}.tmp")
        tmp.write_text(json.dumps({"documents": entries}, ensure_ascii=False, indent=1, sort_keys=True),
                       encoding="utf-8")
        os.replace(tmp, self.path)

    def update(self, doc_id: str, edits: dict | None = None, hidden: bool | None = None,
               path: str | None = None) -> dict[str, dict]:
        """Merge `edits` (a None value drops that edit) and set `hidden`; returns the entries before the change."""
        with _LOCK:
            before = self.load()
            entries = json.loads(json.dumps(before))
            entry = entries.setdefault(doc_id, {"edits": {}, "hidden": False})
            for name, value in (edits or {}).items():
                if value is None:
                    entry["edits"].pop(name, None)
                else:
                    entry["edits"][name] = value
            if hidden is not None:
                entry["hidden"] = hidden
            if path is not None:
                entry["path"] = path
            if not entry["edits"] and not entry["hidden"]:
                entries.pop(doc_id)
            self.save(entries)
            return before

    def forget(self, doc_id: str) -> dict[str, dict]:
        """Drop a document's entry (a deleted upload); returns the entries before the change."""
        with _LOCK:
            before = self.load()
            entries = {k: v for k, v in before.items() if k != doc_id}
            self.save(entries)
            return before

    def restore(self, entries: dict[str, dict]) -> None:
        """Put back what `update` or `forget` returned (the change that followed failed)."""
        with _LOCK:
            self.save(entries)


def apply_edits(document: Document, edits: dict) -> None:
    """An administrator's values over what the text says, never over the manifest."""
    for name, value in edits.items():
        if name in EDITABLE_FIELDS and document.provenance.get(name) != "manifest":
            setattr(document, name, list(value) if name == "amended_by" else value)
            document.provenance[name] = "admin"


def curate(documents: list[Document], data_dir: Path, others: Iterable[dict] = ()) -> list[Document]:
    """The ingest step between reading and chunking: hidden documents out, administrators' edits in, statuses
    computed from the relations the corpus states (`others`: indexed documents a partial ingest keeps)."""
    entries = Catalog(data_dir).load()
    kept = [d for d in documents if not entries.get(d.id, {}).get("hidden")]
    for document in kept:
        apply_edits(document, entries.get(document.id, {}).get("edits", {}))
    relations.resolve(kept, others)
    return kept
