"""Incremental ingest: documents -> chunks -> embeddings -> a new index generation, published atomically."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from assistant.documents.chunking import Chunker
from assistant.documents.records import Chunk
from assistant.config import Settings
from assistant.documents.catalog import curate
from assistant.documents.corpus import discover
from assistant.documents.records import Document, LoadFailure
from assistant.index.embeddings import create_embedder
from assistant.documents.units import unit_passages
from assistant.index.generations import (
    EmbeddingCache,
    IndexDir,
    read_chunks,
    read_state,
    write_generation,
    write_units,
)
from assistant.text import lexical_tokens
from assistant.index.vectorstore import ChromaEmbedding, drop_other_collections, make_client, open_collection

# Bump when chunking or tokenization changes: every document is then re-chunked on the next ingest.
# 3: parts, [vbpl: …] notes; 4: unit vectors for the answer's evidence; 5: search_ef 500; 6: a long line's number
# ('11. Đề án …') stays with its first sentence; 7: a news line ending with ':' heads the paragraphs after; 8: a
# sentence opening with 'Riêng' is a unit of its own; 9: an article's only sentence, read as its title, is in its text
PIPELINE_VERSION = 9
EMBED_BATCH = 32
CHROMA_BATCH = 256


@dataclass
class IngestReport:
    """What an ingest did, for the CLI, the API and the benchmarks."""

    generation: str | None = None
    changed: bool = False
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_after_failure: list[str] = field(default_factory=list)
    failures: list[LoadFailure] = field(default_factory=list)
    ocr: list[tuple[str, int]] = field(default_factory=list)  # (file, pages read by OCR)
    chunks: int = 0
    embedded: int = 0
    embedded_units: int = 0
    reused_embeddings: int = 0
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        """0 when every file was read, 1 when some failed (the others are indexed all the same)."""
        return 1 if self.failures else 0


def chunk_document(chunker: Chunker, document: Document) -> list[Chunk]:
    """The document's chunks; duplicate ids (a structure the chunker could not tell apart) are an error."""
    chunks = chunker.chunk(document)
    if not chunks:
        raise ValueError("không có đoạn văn nào")
    seen: set[str] = set()
    for chunk in chunks:
        if chunk.id in seen:
            raise ValueError(f"mã đoạn trùng lặp '{chunk.id}' (cấu trúc Điều không rõ ràng)")
        seen.add(chunk.id)
    return chunks


def _doc_entry(document: Document, chunks: list[Chunk]) -> dict:
    meta = document.metadata()
    meta.pop("header")
    return {"hash": document.content_hash, "chunks": [c.id for c in chunks]} | meta


def _chroma_metadata(chunk: Chunk) -> dict:
    values = {
        "doc_id": chunk.doc_id,
        "locator": chunk.locator,
        "status": chunk.status,
        "article": chunk.article,
        "order": chunk.order,
    }
    return {k: v for k, v in values.items() if v is not None}


class Ingestor:
    """Brings the index in line with the corpus, embedding only text it has not embedded before."""

    def __init__(self, settings: Settings, progress: bool | None = None, full: bool = False):
        self.settings = settings
        self.full = full  # rebuild and re-embed everything, as if nothing had been indexed
        self.index = IndexDir(settings.index_dir)
        self.progress = sys.stderr.isatty() if progress is None else progress

    def run(self, paths: list[Path] | None = None) -> IngestReport:
        """Sync the index with the corpus folders, or add/update just `paths` when given."""
        started = time.perf_counter()
        with self.index.lock():
            report = self._run(paths)
        report.seconds = time.perf_counter() - started
        return report

    def _previous(self) -> tuple[str | None, dict, dict[str, list[Chunk]]]:
        current = self.index.current()
        if current is None:
            return None, {"documents": {}}, {}
        folder = self.index.path(current)
        by_doc: dict[str, list[Chunk]] = {}
        for chunk in read_chunks(folder):
            by_doc.setdefault(chunk.doc_id, []).append(chunk)
        return current, read_state(folder), by_doc

    def _run(self, paths: list[Path] | None) -> IngestReport:
        documents, failures = discover(paths or self.settings.ingest_dirs(), ocr_cache=self.index.root / "cache")
        current, state, old_chunks = self._previous()
        kept = [meta | {"id": doc_id} for doc_id, meta in state["documents"].items()] if paths else []
        documents = curate(documents, self.settings.data_dir, kept)  # hidden out, admin edits in, relations
        report = IngestReport(generation=current, failures=failures)
        report.ocr = [(d.path, d.ocr_pages) for d in documents if d.ocr_pages]
        same_pipeline = (
            not self.full
            and state.get("pipeline") == PIPELINE_VERSION
            and state.get("embedder") == self.settings.embedder
            and state.get("chunk_chars") == self.settings.chunk_chars
        )
        old_docs: dict[str, dict] = state["documents"]
        documents, chunked = self._chunk_changed(report, documents, old_docs, old_chunks, same_pipeline)
        failed_paths = {f.path for f in report.failures}
        found = {d.id for d in documents}
        carried = [
            doc_id
            for doc_id, info in old_docs.items()
            if doc_id not in found and (paths or info["path"] in failed_paths)
        ]
        report.kept_after_failure = [d for d in carried if old_docs[d]["path"] in failed_paths]
        report.removed = [d for d in old_docs if d not in found and d not in carried]
        for document in documents:
            previous = old_docs.get(document.id)
            if previous is None:
                report.added.append(document.id)
            elif document.id in chunked:
                report.updated.append(document.id)
            else:
                report.unchanged.append(document.id)
        if current and same_pipeline and not (report.added or report.updated or report.removed):
            report.chunks = sum(len(v["chunks"]) for v in old_docs.values())
            return report
        self._build(report, documents, carried, old_docs, old_chunks, chunked)
        return report

    def _chunk_changed(self, report, documents, old_docs, old_chunks, same_pipeline):
        """Chunk every new or changed document; one that cannot be chunked becomes a failure, not a crash."""
        chunker = Chunker(self.settings.chunk_chars)
        kept: list[Document] = []
        chunked: dict[str, list[Chunk]] = {}
        for document in documents:
            previous = old_docs.get(document.id)
            if same_pipeline and previous and previous["hash"] == document.content_hash and document.id in old_chunks:
                kept.append(document)
                continue
            try:
                chunked[document.id] = chunk_document(chunker, document)
            except Exception as exc:  # one bad document must never stop the others
                report.failures.append(LoadFailure(document.path, f"không chia được thành đoạn: {exc}"))
                continue
            kept.append(document)
        return kept, chunked

    def _build(self, report, documents, carried, old_docs, old_chunks, chunked) -> None:
        chunks: list[Chunk] = []
        entries: dict[str, dict] = {}
        for doc_id in carried:
            chunks.extend(old_chunks.get(doc_id, []))
            entries[doc_id] = old_docs[doc_id]
        for document in documents:
            doc_chunks = chunked[document.id] if document.id in chunked else old_chunks[document.id]
            for chunk in doc_chunks:
                if not chunk.tokens:
                    chunk.tokens = lexical_tokens(f"{chunk.heading}\n{chunk.text}")
            chunks.extend(doc_chunks)
            entries[document.id] = _doc_entry(document, doc_chunks)
        units = [(chunk.id, unit, text) for chunk in chunks for unit, text in unit_passages(chunk)] \
            if self.settings.unit_vectors else []
        vectors, unit_vectors = self._embed(report, chunks, [text for _, _, text in units])
        generation = self.index.next_generation()
        folder = self.index.path(generation)
        self._store(generation, folder, chunks, vectors)
        write_units(folder, [(chunk_id, unit) for chunk_id, unit, _ in units], unit_vectors)
        state = {
            "pipeline": PIPELINE_VERSION,
            "embedder": self.settings.embedder,
            "chunk_chars": self.settings.chunk_chars,
            "unit_vectors": len(units),
            "documents": entries,
            "failures": [str(f) for f in report.failures],
        }
        write_generation(folder, chunks, state)
        previous = report.generation
        self.index.publish(generation)
        # Keep the previous generation: a running app may still be reading it until it reloads.
        keep = {generation} | ({previous} if previous else set())
        self.index.prune(keep)
        if self.settings.chroma_url:
            drop_other_collections(make_client(self.settings.chroma_url, None), keep)
        report.generation, report.changed, report.chunks = generation, True, len(chunks)

    def _embed(self, report: IngestReport, chunks: list[Chunk], unit_texts: list[str]):
        """Vectors of the chunks and of their units (the answer's evidence), embedding only uncached text."""
        cache = EmbeddingCache(self.settings.index_dir, self.settings.embedder)
        if self.full:
            cache.vectors = {}
        texts = [c.embedding_text for c in chunks]
        keys = {cache.key(t) for t in texts}
        unit_keys = {cache.key(t) for t in unit_texts}
        report.embedded = len(keys - set(cache.vectors))
        report.embedded_units = len(unit_keys - keys - set(cache.vectors))
        report.reused_embeddings = len(chunks) - sum(cache.key(t) not in cache.vectors for t in texts)
        missing = report.embedded + report.embedded_units
        embedder = create_embedder(self.settings.embedder) if missing else None
        with tqdm(total=missing, desc="Nhúng đoạn văn", unit="đoạn", disable=not self.progress) as bar:
            vectors = cache.fill(texts, embedder, EMBED_BATCH, bar.update)
            unit_vectors = cache.fill(unit_texts, embedder, EMBED_BATCH, bar.update)
        cache.save(keys | unit_keys)
        return vectors, unit_vectors

    def _store(self, generation: str, folder: Path, chunks: list[Chunk], vectors) -> None:
        client = make_client(self.settings.chroma_url, folder / "chroma")
        embedding = ChromaEmbedding(self.settings.embedder)
        collection = open_collection(client, generation, embedding, create=True)
        for start in range(0, len(chunks), CHROMA_BATCH):
            batch = chunks[start : start + CHROMA_BATCH]
            collection.add(
                ids=[c.id for c in batch],
                embeddings=[v.tolist() for v in vectors[start : start + CHROMA_BATCH]],
                documents=[c.text for c in batch],
                metadatas=[_chroma_metadata(c) for c in batch],
            )
