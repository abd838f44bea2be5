"""The on-disk index: immutable generations and a CURRENT pointer that is swapped atomically."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from assistant.documents.records import Chunk

CURRENT = "CURRENT"
_GENERATION = re.compile(r"^gen-(\d{6})$")


class IndexBusy(Exception):
    """Another ingest holds the index lock."""


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


class IndexDir:
    """Layout of an index folder: gen-NNNNNN/ folders, the CURRENT pointer, embedding cache and lock."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def current(self) -> str | None:
        """Name of the published generation, or None before the first ingest."""
        try:
            name = (self.root / CURRENT).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return name if (self.root / name / "state.json").is_file() else None

    def generations(self) -> list[str]:
        """All generation folders, oldest first, published or not."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and _GENERATION.match(p.name))

    def next_generation(self) -> str:
        """A fresh generation name after every existing one."""
        numbers = [int(_GENERATION.match(name).group(1)) for name in self.generations()]
        return f"gen-{max(numbers, default=0) + 1:06d}"

    def path(self, generation: str) -> Path:
        return self.root / generation

    def publish(self, generation: str) -> None:
        """Make `generation` the one readers open; a crash before this line leaves the old one in place."""
        _write_atomic(self.root / CURRENT, generation.encode("utf-8"))

    def prune(self, keep: set[str]) -> None:
        """Remove generation folders not in `keep` (unfinished ones from crashed ingests included)."""
        for name in self.generations():
            if name not in keep:
                shutil.rmtree(self.path(name), ignore_errors=True)

    @contextmanager
    def lock(self):
        """Exclusive ingest lock; raises IndexBusy when another ingest runs."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / "ingest.lock", "w") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise IndexBusy("một tiến trình nạp dữ liệu khác đang chạy trên chỉ mục này") from exc
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def write_generation(folder: Path, chunks: list[Chunk], state: dict) -> None:
    """Write chunks.jsonl then state.json (state last: its presence marks a complete generation)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in chunks)
    _write_atomic(folder / "chunks.jsonl", lines.encode("utf-8"))
    _write_atomic(folder / "state.json", json.dumps(state, ensure_ascii=False, indent=1).encode("utf-8"))


def read_state(folder: Path) -> dict:
    """The generation's state: embedder, documents with their hashes and chunk ids, failures."""
    return json.loads((folder / "state.json").read_text(encoding="utf-8"))


def write_units(folder: Path, keys: list[tuple[str, str]], vectors: list[np.ndarray]) -> None:
    """The passage vectors of every chunk's units, keyed by (chunk id, unit text), beside the chunks."""
    folder.mkdir(parents=True, exist_ok=True)
    matrix = np.stack(vectors).astype(np.float32) if vectors else np.zeros((0, 0), dtype=np.float32)
    tmp = folder / "units.tmp.npz"
    np.savez(tmp, chunk_ids=np.array([k[0] for k in keys], dtype=str), units=np.array([k[1] for k in keys], dtype=str),
             vectors=matrix)
    os.replace(tmp, folder / "units.npz")


def read_units(folder: Path) -> dict[tuple[str, str], np.ndarray]:
    """(chunk id, unit text) -> passage vector; empty for a generation written before unit vectors existed."""
    path = folder / "units.npz"
    if not path.is_file():
        return {}
    with np.load(path) as data:
        return dict(zip(zip(data["chunk_ids"].tolist(), data["units"].tolist(), strict=True), data["vectors"],
                        strict=True))


def read_chunks(folder: Path) -> list[Chunk]:
    """All chunks of a generation in index order."""
    with open(folder / "chunks.jsonl", encoding="utf-8") as handle:
        return [Chunk(**json.loads(line)) for line in handle if line.strip()]


class EmbeddingCache:
    """Vectors of chunk texts already embedded by one embedder, so unchanged text is never embedded twice."""

    def __init__(self, root: Path, embedder_name: str):
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", embedder_name)
        self.path = Path(root) / "cache" / f"{safe}.npz"
        self.vectors: dict[str, np.ndarray] = {}
        if self.path.is_file():
            with np.load(self.path) as data:
                self.vectors = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))

    @staticmethod
    def key(text: str) -> str:
        """Cache key of an embedding: the exact text the embedder sees."""
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def fill(self, texts: list[str], embedder, batch: int = 32, progress=None) -> list[np.ndarray]:
        """Vectors of the texts, embedding (in batches) only those not cached yet."""
        keys = [self.key(t) for t in texts]
        missing = list(dict.fromkeys(k for k in keys if k not in self.vectors))
        text_of = dict(zip(keys, texts, strict=True))
        for start in range(0, len(missing), batch):
            part = missing[start : start + batch]
            for key, vector in zip(part, embedder.passages([text_of[k] for k in part]), strict=True):
                self.vectors[key] = vector
            if progress is not None:
                progress(len(part))
        return [self.vectors[k] for k in keys]

    def save(self, keep: set[str]) -> None:
        """Persist the vectors whose keys are still in use."""
        keys = sorted(k for k in self.vectors if k in keep)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.stem + ".tmp.npz")
        matrix = np.stack([self.vectors[k] for k in keys]) if keys else np.zeros((0, 0), dtype=np.float32)
        np.savez(tmp, keys=np.array(keys, dtype=object).astype(str), vectors=matrix)
        os.replace(tmp, self.path)
