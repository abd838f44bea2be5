"""A published index generation, loaded: its chunks, documents and vector collection, and views derived from it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

import numpy as np

from assistant.config import Settings
from assistant.documents.records import Chunk
from assistant.index.generations import IndexDir, read_chunks, read_state, read_units
from assistant.index.vectorstore import ChromaEmbedding, StoreUnavailable, make_client, open_collection
from assistant.search.references import document_key

View = TypeVar("View")


class Generation:
    """One immutable generation: what search, answers and the domain tables read; replaced whole on publish."""

    def __init__(self, settings: Settings, index: IndexDir, name: str):
        folder = index.path(name)
        self.name = name
        self.folder = folder
        self.state = read_state(folder)
        self.chunks: list[Chunk] = read_chunks(folder)
        self.documents: dict[str, dict] = self.state["documents"]
        self._position = {c.id: i for i, c in enumerate(self.chunks)}
        self._by_document: dict[str, list[int]] = {}
        self._keys: dict[str, str] = {}
        for i, c in enumerate(self.chunks):
            self._by_document.setdefault(c.doc_id, []).append(i)
            if c.doc_id not in self._keys and (key := document_key(c.doc_type, c.number)):
                self._keys[c.doc_id] = key
        self._views: dict[str, object] = {}
        self._views_lock = threading.Lock()
        self.client = make_client(settings.chroma_url, folder / "chroma")
        try:
            self.collection = open_collection(self.client, name, ChromaEmbedding(settings.embedder))
        except Exception as exc:  # a missing collection or a refused connection alike
            raise StoreUnavailable(f"không mở được bộ sưu tập Chroma của {name}: {exc}") from exc

    def position(self, chunk_id: str) -> int | None:
        """Index of a chunk in `chunks`, None when the generation has no such chunk."""
        return self._position.get(chunk_id)

    def chunk(self, chunk_id: str) -> Chunk | None:
        """The chunk with this id, or None."""
        position = self._position.get(chunk_id)
        return None if position is None else self.chunks[position]

    def document(self, doc_id: str) -> dict:
        """A document's metadata ({} when unknown)."""
        return self.documents.get(doc_id, {})

    def document_positions(self, doc_id: str) -> list[int]:
        """Positions of a document's chunks, in reading order."""
        return self._by_document.get(doc_id, [])

    def document_chunks(self, doc_id: str) -> list[Chunk]:
        """A document's chunks, in reading order."""
        return [self.chunks[i] for i in self._by_document.get(doc_id, [])]

    def document_keys(self) -> dict[str, str]:
        """doc_id -> the key its số hiệu is matched by ('nd-45-2012' -> 'nghi dinh 45/2012')."""
        return self._keys

    def find_chunks(self, doc_id: str, article: int | None = None, clause: int | None = None,
                    point: str | None = None) -> list[Chunk]:
        """Chunks of a document at a legal address (Điều, khoản, điểm), whatever size the chunker cut them to:
        the exact khoản/điểm chunk when there is one, else the larger chunk that holds it."""
        found = [c for c in self.document_chunks(doc_id) if article is None or c.article == article]
        for attribute, wanted in (("clause", clause), ("point", point)):
            if wanted is not None:
                exact = [c for c in found if getattr(c, attribute) == wanted]
                found = exact or [c for c in found if getattr(c, attribute) is None]
        return found

    def unit_vectors(self) -> dict[tuple[str, str], np.ndarray]:
        """(chunk id, unit text) -> the unit's passage vector, computed at ingest (loaded once)."""
        return self.view("unit_vectors", lambda g: read_units(g.folder))

    def view(self, name: str, build: Callable[[Generation], View]) -> View:
        """A view derived from this generation (BM25, support levels …), built once on first use."""
        if name not in self._views:
            with self._views_lock:
                if name not in self._views:
                    self._views[name] = build(self)
        return self._views[name]  # type: ignore[return-value]
