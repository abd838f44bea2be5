"""The configurations compared: the project's pipeline, dense only, BM25 only and the LangChain quickstart recipe."""

from __future__ import annotations

import re
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from assistant.answer.evidence import Evidence, TermScorer, content_terms
from assistant.config import Settings
from assistant.documents.units import split_units
from assistant.evaluation.dataset import EvalItem
from assistant.search.retrieval import Searcher
from assistant.services import Services, build_services

RETRIEVE_K = 10
# The LangChain RAG quickstart's recipe: RecursiveCharacterTextSplitter(1000, 200), top 4.
QUICKSTART_CHUNK_SIZE = 1000
QUICKSTART_OVERLAP = 200
QUICKSTART_K = 4
QUICKSTART_QUOTES = 3


@dataclass
class Reply:
    """One answer as the metrics see it."""

    text: str
    refused: bool
    cited_texts: list[str] = field(default_factory=list)
    # Text, locator and document number of each citation: where a stated number may come from.
    cited_sources: list[str] = field(default_factory=list)
    seconds: float = 0.0


class Pipeline(ABC):
    """A configuration under evaluation: ranked passages for a question, and an answer."""

    name: str

    @abstractmethod
    def retrieve(self, item: EvalItem) -> list[set[str]]:
        """For the top RETRIEVE_K results, the chunk ids of the index each one covers."""

    @abstractmethod
    def answer(self, item: EvalItem) -> Reply:
        """The configuration's answer to the question (in its history)."""


class ProjectPipeline(Pipeline):
    """The project's answerer over the published index, with hybrid, dense-only or BM25-only retrieval."""

    def __init__(self, name: str, services: Services):
        self.name = name
        self.searcher = services.searcher
        self.answerer = services.answerer
        self.mode = services.answerer.mode

    def retrieve(self, item: EvalItem) -> list[set[str]]:
        _, query = self.answerer.query(item.question, item.history)
        return [{r.chunk.id} for r in self.searcher.search(query, k=RETRIEVE_K, mode=self.mode)]

    def answer(self, item: EvalItem) -> Reply:
        started = time.perf_counter()
        result = self.answerer.ask(item.question, item.history)
        seconds = time.perf_counter() - started
        return Reply(
            text=result.answer, refused=result.refused, seconds=seconds,
            cited_texts=[c.text for c in result.citations],
            cited_sources=[" ".join(str(v) for v in (c.text, c.locator, c.number, c.title, c.issued, c.effective) if v)
                           for c in result.citations],
        )


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def covers(piece: str, chunk_text: str, width: int = 60) -> bool:
    """A character split covers a chunk when it holds the chunk's start, middle or end (60 characters)."""
    text = _flat(chunk_text)
    if len(text) <= width:
        return text in piece
    spots = (0, (len(text) - width) // 2, len(text) - width)
    return any(text[s : s + width] in piece for s in spots)


def quickstart_pieces(settings: Settings) -> list[str]:
    """The corpus cut as the LangChain quickstart cuts it (RecursiveCharacterTextSplitter 1000/200)."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from assistant.documents.corpus import discover

    documents, _ = discover(settings.corpus_dirs)
    splitter = RecursiveCharacterTextSplitter(chunk_size=QUICKSTART_CHUNK_SIZE, chunk_overlap=QUICKSTART_OVERLAP)
    return [piece for d in documents for piece in splitter.split_text(d.text)]


class QuickstartIndex:
    """The quickstart's index: its splits embedded by the project's embedder in a Chroma collection, in memory or
    at `path`; `cached` reuses the vectors of earlier runs (the evaluation), the benchmark embeds afresh."""

    def __init__(self, settings: Settings, cached: bool = True, path=None):
        import chromadb

        from assistant.index.embeddings import create_embedder
        from assistant.index.generations import EmbeddingCache
        from assistant.index.vectorstore import ChromaEmbedding

        self.pieces = quickstart_pieces(settings)
        self.embedder = create_embedder(settings.embedder)
        if cached:
            cache = EmbeddingCache(settings.index_dir / "quickstart", settings.embedder)
            vectors = cache.fill(self.pieces, self.embedder)
            cache.save({cache.key(p) for p in self.pieces})
        else:
            vectors = self.embedder.passages(self.pieces)
        chroma_settings = chromadb.config.Settings(anonymized_telemetry=False)
        client = (chromadb.PersistentClient(path=str(path), settings=chroma_settings) if path
                  else chromadb.EphemeralClient(settings=chroma_settings))
        self.collection = client.get_or_create_collection(
            f"quickstart-{id(self)}", embedding_function=ChromaEmbedding(settings.embedder),
            configuration={"hnsw": {"space": "cosine"}},
        )
        for start in range(0, len(self.pieces), 256):
            self.collection.add(ids=[str(i) for i in range(start, min(start + 256, len(self.pieces)))],
                                embeddings=[v.tolist() for v in vectors[start : start + 256]],
                                documents=self.pieces[start : start + 256])

    def top(self, question: str, k: int) -> list[int]:
        """Positions in `pieces` of the k splits nearest to the question."""
        vector = self.embedder.query(question)
        found = self.collection.query(query_embeddings=[vector.tolist()], n_results=k, include=["distances"])
        return [int(i) for i in found["ids"][0]]


class QuickstartPipeline(Pipeline):
    """LangChain quickstart: RecursiveCharacterTextSplitter 1000/200, the same embedder, Chroma, top 4.

    It has no follow-up rewriting and never refuses; its answer quotes the best sentences of its top 4 splits,
    chosen by the same evidence scorer as the project's, so the comparison is about chunking and retrieval.
    """

    name = "langchain-quickstart"

    def __init__(self, settings: Settings, searcher: Searcher):
        self.index = QuickstartIndex(settings)
        self.pieces = self.index.pieces
        flat = [_flat(p) for p in self.pieces]
        chunks = searcher.generation().chunks
        self.covered = [{c.id for c in chunks if covers(piece, c.text)} for piece in flat]
        self.scorer = TermScorer(self.pieces)

    def _top(self, question: str, k: int) -> list[int]:
        return self.index.top(question, k)

    def retrieve(self, item: EvalItem) -> list[set[str]]:
        return [self.covered[i] for i in self._top(item.question, RETRIEVE_K)]

    def answer(self, item: EvalItem) -> Reply:
        started = time.perf_counter()
        top = self._top(item.question, QUICKSTART_K)
        terms = content_terms(item.question)
        ranked = sorted((Evidence(i, unit, self.scorer.coverage(terms, unit))
                         for i, piece in enumerate(top) for unit in split_units(self.pieces[piece])),
                        key=lambda e: -e.score)
        chosen = [e for e in ranked if e.score >= 0.75 * ranked[0].score][:QUICKSTART_QUOTES] if ranked else []
        used = list(dict.fromkeys(e.chunk_index for e in chosen))
        lines = [f"{e.text} [{used.index(e.chunk_index) + 1}]" for e in chosen]
        cited = [self.pieces[top[i]] for i in used]
        return Reply(text="\n".join(lines), refused=False, cited_texts=cited, cited_sources=cited,
                     seconds=time.perf_counter() - started)


CONFIGS = ("project", "dense", "bm25", "langchain-quickstart")


def create_pipelines(settings: Settings, names: list[str] | None = None) -> list[Pipeline]:
    """The named configurations (all by default), built through `build_services` like the app's."""
    names = names or list(CONFIGS)
    unknown = [n for n in names if n not in CONFIGS]
    if unknown:
        raise ValueError(f"cấu hình không có: {', '.join(unknown)} (có: {', '.join(CONFIGS)})")
    services = {mode: None for mode in ("hybrid", "dense", "lexical")}

    def built(mode: str) -> Services:  # one set of services per retrieval mode, built only when asked for
        services[mode] = services[mode] or build_services(settings, with_llm=False, mode=mode)
        return services[mode]

    made = {
        "project": lambda: ProjectPipeline("project", built("hybrid")),
        "dense": lambda: ProjectPipeline("dense", built("dense")),
        "bm25": lambda: ProjectPipeline("bm25", built("lexical")),
        "langchain-quickstart": lambda: QuickstartPipeline(settings, built("hybrid").searcher),
    }
    return [made[n]() for n in names]
