"""Hybrid retrieval: dense (Chroma) and BM25 scores fused with weights, plus boosts for named documents."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Collection
from dataclasses import dataclass

import numpy as np

from assistant.config import Settings
from assistant.documents.records import Chunk
from assistant.index.embeddings import create_embedder
from assistant.index.generations import IndexDir
from assistant.index.vectorstore import StoreUnavailable
from assistant.search.accents import accent_restorer
from assistant.search.generation import Generation
from assistant.search.glossary import expand_query, is_english
from assistant.search.lexical import lexical_index
from assistant.search.query import AMOUNT, asks_for_number, counted_noun, counts, names_title
from assistant.search.references import dated, parse_references, resolve, title_words
from assistant.text import is_unaccented, nfc

MODES = ("hybrid", "dense", "lexical")



# What query expansion appends to a question: glossary terms and an activity's name, in parentheses.
_APPENDED = re.compile(r"(?:\s*\([^()]*\))+\s*$")

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


@dataclass
class Retrieval:
    """Results of one search together with the generation they came from (its metadata answers with them)."""

    results: list[SearchResult]
    generation: Generation
    query_vector: np.ndarray | None = None


class Searcher:
    """Searches the published index; picks up a newly published generation on the next question."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings.from_env()
        self.index = IndexDir(self.settings.index_dir)
        self._generation: Generation | None = None
        self._lock = threading.Lock()
        embedder = self.settings.embedder
        # Users ask the same questions again and again: their vectors are kept (the embedder is the costly step).
        self._query_vector = functools.lru_cache(maxsize=max(0, self.settings.query_cache))(
            lambda text: create_embedder(embedder).query(text))

    def generation(self, wait: bool = True) -> Generation:
        """The loaded generation, reloaded when CURRENT points elsewhere.

        With wait=False (health checks) a reload runs in the background and the loaded generation answers
        meanwhile, so a probe never waits for the indexes of a new generation to be built."""
        name = self.index.current()
        if name is None:
            raise IndexMissing("chưa có chỉ mục: hãy chạy 'khuyencong ingest' (hoặc 'make ingest')")
        loaded = self._generation
        if loaded is not None and loaded.name == name:
            return loaded
        if not wait and loaded is not None:
            if self._lock.acquire(blocking=False):
                threading.Thread(target=self._reload, args=(name, True), daemon=True).start()
            return loaded
        return self._reload(name)

    def _reload(self, name: str, locked: bool = False) -> Generation:
        if not locked:
            self._lock.acquire()
        try:
            if self._generation is None or self._generation.name != name:
                generation = Generation(self.settings, self.index, name)
                lexical_index(generation), accent_restorer(generation)  # built before the swap, off the hot path
                self._generation = generation
            return self._generation
        finally:
            self._lock.release()

    def check_store(self, generation: Generation) -> None:
        """Raise StoreUnavailable when a Chroma server does not answer its heartbeat (embedded stores live in this
        process). A heartbeat, not a query: a health probe must not queue behind searches."""
        if not self.settings.chroma_url:
            return
        try:
            generation.client.heartbeat()
        except Exception as exc:  # chromadb surfaces connection failures as assorted exception types
            raise StoreUnavailable(f"kho vector không phản hồi: {exc}") from exc

    def search(self, question: str, k: int | None = None, mode: str = "hybrid") -> list[SearchResult]:
        """Top-k chunks for a question; `mode` 'dense' or 'lexical' gives the single-signal baselines."""
        return self.retrieve(question, k, mode).results

    def retrieve(self, question: str, k: int | None = None, mode: str = "hybrid",
                 generation: Generation | None = None) -> Retrieval:
        """Top-k chunks for a question with the generation they were read from (`generation`, when given: the parts
        of one question are answered from the same one)."""
        if mode not in MODES:
            raise ValueError(f"mode phải là một trong {MODES}")
        snap = generation or self.generation()
        query = expand_query(nfc(question).strip())
        results = self._ranked(snap, query, k or self.settings.top_k, mode)
        vector = self.query_vector(snap, query) if query and mode != "lexical" else None
        return Retrieval(results, snap, vector)

    def query_vector(self, generation: Generation, question: str) -> np.ndarray:
        """The question's embedding as dense search computes it (diacritics restored first); cached."""
        # the words a query expansion appends are accented ('… may lan mot nam (tham gia hội chợ …)'): the question
        # before them is what may lack its diacritics
        asked = _APPENDED.sub("", question)
        if is_unaccented(asked) and not is_english(asked):
            question = accent_restorer(generation).restore(asked) + question[len(asked):]
        return self._query_vector(question)

    def _ranked(self, snap: Generation, question: str, k: int, mode: str) -> list[SearchResult]:
        if not question or not snap.chunks:
            return []
        dense = self._dense(snap, question) if mode != "lexical" else {}
        lexical = lexical_index(snap).scores(question) if mode != "dense" else np.zeros(len(snap.chunks))
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

    def _dense(self, snap: Generation, question: str) -> dict[int, float]:
        """Cosine similarity of the top dense candidates, by chunk position."""
        vector = self.query_vector(snap, question)
        try:
            found = snap.collection.query(
                query_embeddings=[vector.tolist()],
                n_results=min(self.settings.dense_candidates, len(snap.chunks)),
                include=["distances"],
            )
        except Exception as exc:  # chromadb surfaces connection failures as assorted exception types
            raise StoreUnavailable(f"kho vector không phản hồi: {exc}") from exc
        return {
            snap.position(cid): 1.0 - float(d)
            for cid, d in zip(found["ids"][0], found["distances"][0], strict=True)
            if snap.position(cid) is not None
        }

    def _unit_best(self, snap: Generation, question: str) -> np.ndarray | None:
        """Each passage's best unit similarity to the question, by position (-inf for a passage without unit
        vectors); None with the weight at 0 or no unit vectors."""
        if not self.settings.weight_unit:
            return None
        matrix, positions = unit_matrix(snap)
        if matrix is None:
            return None
        best = np.full(len(snap.chunks), -np.inf, dtype=np.float32)
        np.maximum.at(best, positions, matrix @ self.query_vector(snap, question))
        return best

    def unit_leaders(self, question: str, generation: Generation, count: int,
                     within: Collection[int] | None = None) -> list[int]:
        """The positions of the `count` passages holding the units most similar to the question, best first (none
        without unit vectors); `within`: only among these passages."""
        matrix, positions = unit_matrix(generation)
        if matrix is None or count < 1:
            return []
        similarity = matrix @ self.query_vector(generation, question)
        leaders: list[int] = []
        for row in np.argsort(-similarity):
            if within is not None and int(positions[row]) not in within:
                continue
            if int(positions[row]) not in leaders:
                leaders.append(int(positions[row]))
            if len(leaders) == count:
                break
        return leaders

    def _fuse(self, snap: Generation, question: str, dense: dict[int, float], lexical: np.ndarray):
        refs = parse_references(question)
        named = set(resolve(refs, snap.document_keys()))
        # 'kế hoạch khuyến công Hà Nội năm 2024 …' names the 2024 plan by its title's year
        dated_titles = set(dated(question, snap.documents)) if not named else set()
        numeric = asks_for_number(question)
        counted = counted_noun(question)
        asked = title_words(question)
        best = self._unit_best(snap, question) if dense else None
        top_units = set(np.argsort(-best)[: self.settings.dense_candidates].tolist()) if best is not None else set()
        candidates = set(dense) | top_units | set(np.argsort(-lexical)[: self.settings.lexical_candidates].tolist())
        # the best match among a passage and its units (a passage of one unit has no unit vectors of its own), for
        # the dense candidates of either kind; scaled over them alone, as the dense score is
        scored = top_units | set(dense) if best is not None else set()
        units = {i: value for i in scored if np.isfinite(value := max(float(best[i]), dense.get(i, -np.inf)))}
        unit_low, unit_high = (min(units.values()), max(units.values())) if units else (0.0, 0.0)
        for doc_id in named | dated_titles:
            candidates.update(snap.document_positions(doc_id))
        low, high = (min(dense.values()), max(dense.values())) if dense else (0.0, 0.0)
        top_lexical = float(lexical.max()) if lexical.size else 0.0
        s = self.settings
        results = []
        for i in candidates:
            chunk = snap.chunks[i]
            d = (dense[i] - low) / (high - low) if i in dense and high > low else float(i in dense)
            lx = float(lexical[i]) / top_lexical if top_lexical > 0 else 0.0
            score = s.weight_dense * d + s.weight_lexical * lx
            if i in units and unit_high > unit_low:
                score += s.weight_unit * (units[i] - unit_low) / (unit_high - unit_low)
            if chunk.doc_id in named:
                score += s.boost_document
                if chunk.article in refs.articles:
                    score += s.boost_article
            elif chunk.article in refs.articles and not named:
                score += s.boost_article_alone
            if chunk.doc_id in dated_titles:
                score += s.boost_dated
            if numeric and AMOUNT.search(chunk.text):
                score += s.boost_number
            if counted and counts(chunk.text, counted):
                score += s.boost_count
            if chunk.article_title and names_title(asked, chunk.article_title):
                score += s.boost_title
            results.append(SearchResult(chunk, score, dense=dense.get(i, 0.0), lexical=float(lexical[i])))
        results.sort(key=lambda r: (-r.score, r.chunk.order))
        return results


def unit_matrix(snap: Generation) -> tuple[np.ndarray | None, np.ndarray]:
    """The generation's unit vectors as one matrix and the passage position of each row (None without unit
    vectors); built once per generation."""
    vectors = snap.unit_vectors()  # read before building: a view built inside another view's build would deadlock

    def build(generation: Generation):
        rows = [(generation.position(chunk_id), vector) for (chunk_id, _), vector in vectors.items()]
        rows = [(position, vector) for position, vector in rows if position is not None]
        if not rows:
            return None, np.zeros(0, dtype=np.int64)
        return np.vstack([v for _, v in rows]).astype(np.float32), np.array([p for p, _ in rows], dtype=np.int64)
    return snap.view("unit_matrix", build)
