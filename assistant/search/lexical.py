"""BM25 over syllables, accent-folded syllables and segmented words (bm25s)."""

from __future__ import annotations

import bm25s
import numpy as np

from assistant.text import query_tokens


class LexicalIndex:
    """BM25 scores of every chunk for a question; chunks arrive already tokenized from the index."""

    def __init__(self, chunk_tokens: list[list[str]]):
        self._bm25 = bm25s.BM25()
        # bm25s refuses an empty document; a lone placeholder token keeps positions aligned.
        self._bm25.index([tokens or ["\u2205"] for tokens in chunk_tokens], show_progress=False)
        self.size = len(chunk_tokens)

    def scores(self, question: str) -> np.ndarray:
        """One BM25 score per chunk, in index order."""
        tokens = query_tokens(question)
        if not tokens or not self.size:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)


def lexical_index(generation) -> LexicalIndex:
    """The BM25 index of a generation's chunks, built once per generation."""
    return generation.view("bm25", lambda g: LexicalIndex([c.tokens for c in g.chunks]))
