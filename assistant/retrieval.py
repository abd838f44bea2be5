"""Hybrid retrieval: dense (Chroma) and BM25 scores fused with weights, plus boosts for named documents."""

from __future__ import annotations

import functools
import re
import threading
from dataclasses import dataclass

import numpy as np

from . import support_levels
from .accents import AccentRestorer
from .chunking import Chunk
from .config import Settings
from .embeddings import create_embedder
from .evidence import EvidenceScorer, asks_for_number
from .glossary import expand_english
from .index import IndexDir, read_chunks, read_state
from .lexical import LexicalIndex
from .references import document_key, parse_references, resolve
from .text import is_unaccented, nfc
from .vectorstore import ChromaEmbedding, StoreUnavailable, make_client, open_collection

MODES = ("hybrid", "dense", "lexical")
# An article number without a named document only nudges: 'Điều 5' exists in every decree.
# 'Bao nhiêu / tối đa / mức' questions are answered by passages stating an amount, a share, a count or a term.
_AMOUNT = re.compile(r"\d[\d.,]*\s*(%|phần trăm|triệu|tỷ|đồng|lần|ngày|tháng|năm|lao động|thành viên|điểm)")
ARTICLE_WITHOUT_DOCUMENT_BOOST = 0.1


class IndexMissing(Exception):
    """No index generation has been published yet."""


@dataclass
class SearchResult:
    """A chunk with its fused score and the two scores it came from."""

    chunk: Chunk
    score: float
    dense: float = 0.0
    lexical: float = 0.0

    def to_dict(self, rank: int) -> dict:
        """The `khuyencong search --json` / `/api/search` shape."""
        c = self.chunk
        return {
            "rank": rank,
            "chunk_id": c.id,
            "doc_id": c.doc_id,
            "title": c.title,
            "number": c.number,
            "locator": c.locator,
            "score": round(self.score, 4),
            "status": c.status,
            "text": c.text,
        }


class _Snapshot:
    """Everything loaded from one published generation; replaced whole when a new one is published."""

    def __init__(self, settings: Settings, index: IndexDir, generation: str):
        folder = index.path(generation)
        self.generation = generation
        self.state = read_state(folder)
        self.chunks = read_chunks(folder)
        self.position = {c.id: i for i, c in enumerate(self.chunks)}
        self.lexical = LexicalIndex([c.tokens for c in self.chunks])
        self.restorer = AccentRestorer([c.text for c in self.chunks])
        self.evidence = EvidenceScorer([c.text for c in self.chunks])
        self.documents: dict[str, dict] = self.state["documents"]
        # Derived from the generation, so every published ingest rebuilds it.
        self.support_levels = support_levels.extract(self.chunks, self.documents)
        self.doc_keys = {}
        self.doc_positions: dict[str, list[int]] = {}
        for i, c in enumerate(self.chunks):
            self.doc_positions.setdefault(c.doc_id, []).append(i)
            if c.doc_id not in self.doc_keys and (key := document_key(c.doc_type, c.number)):
                self.doc_keys[c.doc_id] = key
        self.client = make_client(settings.chroma_url, folder / "chroma")
        try:
            self.collection = open_collection(self.client, generation, ChromaEmbedding(settings.embedder))
        except Exception as exc:  # a missing collection or a refused connection alike
            raise StoreUnavailable(f"không mở được bộ sưu tập Chroma của {generation}: {exc}") from exc


class Searcher:
    """Searches the published index; picks up a newly published generation on the next question."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings.from_env()
        self.index = IndexDir(self.settings.index_dir)
        self._snapshot: _Snapshot | None = None
        self._lock = threading.Lock()
        embedder = self.settings.embedder
        # Users ask the same questions again and again: their vectors are kept (the embedder is the costly step).
        self._query_vector = functools.lru_cache(maxsize=max(0, self.settings.query_cache))(
            lambda text: create_embedder(embedder).query(text))

    def snapshot(self, wait: bool = True) -> _Snapshot:
        """The loaded generation, reloaded when CURRENT points elsewhere.

        With wait=False (health checks) a reload runs in the background and the loaded generation answers
        meanwhile, so a probe never waits for the indexes of a new generation to be built."""
        generation = self.index.current()
        if generation is None:
            raise IndexMissing("chưa có chỉ mục: hãy chạy 'khuyencong ingest' (hoặc 'make ingest')")
        snapshot = self._snapshot
        if snapshot is not None and snapshot.generation == generation:
            return snapshot
        if not wait and snapshot is not None:
            if self._lock.acquire(blocking=False):
                threading.Thread(target=self._reload, args=(generation, True), daemon=True).start()
            return snapshot
        return self._reload(generation)

    def _reload(self, generation: str, locked: bool = False) -> _Snapshot:
        if not locked:
            self._lock.acquire()
        try:
            if self._snapshot is None or self._snapshot.generation != generation:
                self._snapshot = _Snapshot(self.settings, self.index, generation)
            return self._snapshot
        finally:
            self._lock.release()

    def check_store(self, snapshot: _Snapshot) -> None:
        """Raise StoreUnavailable when a Chroma server does not answer its heartbeat (embedded stores live in this
        process). A heartbeat, not a query: a health probe must not queue behind searches."""
        if not self.settings.chroma_url:
            return
        try:
            snapshot.client.heartbeat()
        except Exception as exc:  # chromadb surfaces connection failures as assorted exception types
            raise StoreUnavailable(f"kho vector không phản hồi: {exc}") from exc

    def search(self, question: str, k: int | None = None, mode: str = "hybrid") -> list[SearchResult]:
        """Top-k chunks for a question; `mode` 'dense' or 'lexical' gives the single-signal baselines."""
        if mode not in MODES:
            raise ValueError(f"mode phải là một trong {MODES}")
        question = expand_english(nfc(question).strip())
        k = k or self.settings.top_k
        snap = self.snapshot()
        if not question or not snap.chunks:
            return []
        dense = self._dense(snap, question) if mode != "lexical" else {}
        lexical = snap.lexical.scores(question) if mode != "dense" else np.zeros(len(snap.chunks))
        if mode == "dense":
            ranked = sorted(dense.items(), key=lambda item: -item[1])[:k]
            return [SearchResult(snap.chunks[i], s, dense=s) for i, s in ranked]
        if mode == "lexical":
            order = np.argsort(-lexical)[:k]
            return [
                SearchResult(snap.chunks[i], float(lexical[i]), lexical=float(lexical[i]))
                for i in order
                if lexical[i] > 0
            ]
        return self._fuse(snap, question, dense, lexical)[:k]

    def _dense(self, snap: _Snapshot, question: str) -> dict[int, float]:
        """Cosine similarity of the top dense candidates, by chunk position."""
        text = snap.restorer.restore(question) if is_unaccented(question) else question
        vector = self._query_vector(text)
        try:
            found = snap.collection.query(
                query_embeddings=[vector.tolist()],
                n_results=min(self.settings.dense_candidates, len(snap.chunks)),
                include=["distances"],
            )
        except Exception as exc:  # chromadb surfaces connection failures as assorted exception types
            raise StoreUnavailable(f"kho vector không phản hồi: {exc}") from exc
        return {
            snap.position[cid]: 1.0 - float(d)
            for cid, d in zip(found["ids"][0], found["distances"][0], strict=True)
            if cid in snap.position
        }

    def _fuse(self, snap: _Snapshot, question: str, dense: dict[int, float], lexical: np.ndarray):
        refs = parse_references(question)
        named = set(resolve(refs, snap.doc_keys))
        numeric = asks_for_number(question)
        candidates = set(dense) | set(np.argsort(-lexical)[: self.settings.lexical_candidates].tolist())
        for doc_id in named:
            candidates.update(snap.doc_positions.get(doc_id, []))
        low, high = (min(dense.values()), max(dense.values())) if dense else (0.0, 0.0)
        top_lexical = float(lexical.max()) if lexical.size else 0.0
        s = self.settings
        results = []
        for i in candidates:
            chunk = snap.chunks[i]
            d = (dense[i] - low) / (high - low) if i in dense and high > low else float(i in dense)
            lx = float(lexical[i]) / top_lexical if top_lexical > 0 else 0.0
            score = s.weight_dense * d + s.weight_lexical * lx
            if chunk.doc_id in named:
                score += s.boost_document
                if chunk.article in refs.articles:
                    score += s.boost_article
            elif chunk.article in refs.articles and not named:
                score += ARTICLE_WITHOUT_DOCUMENT_BOOST
            if numeric and _AMOUNT.search(chunk.text):
                score += s.boost_number
            results.append(SearchResult(chunk, score, dense=dense.get(i, 0.0), lexical=float(lexical[i])))
        results.sort(key=lambda r: (-r.score, r.chunk.order))
        return results
