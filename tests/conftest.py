"""Shared fixtures: small corpora written to tmp folders, settings pointing at them, the default index."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT, Settings, default_corpus_dirs, offline_env  # noqa: E402
from assistant.index.ingest import Ingestor  # noqa: E402

offline_env()

SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
MISSING_CORPUS = "needs ../shared/corpus (the national legal texts beside the checkout)"


def require_corpus() -> pytest.MarkDecorator:
    """Mark for tests that read ../shared/corpus: skipped when it is missing, failed instead under CI=true."""
    return pytest.mark.usefixtures("shared_corpus")


def check_corpus(path: Path | None = None) -> Path:
    """The shared corpus folder; a missing one skips the test, or fails it when CI=true (CI must not skip)."""
    path = path or SHARED_CORPUS
    if not path.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{MISSING_CORPUS}: {path} is missing and CI=true")
        pytest.skip(MISSING_CORPUS)
    return path


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """../shared/corpus, or a skip (a failure under CI=true) when it is missing."""
    return check_corpus()

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Synthetic documents written for the tests (invented numbers and wording), shaped like the real corpus.
DECREE = (FIXTURES / "nd-99-2030-synthetic.txt").read_text(encoding="utf-8")
PLAN = (FIXTURES / "ke-hoach-2030-synthetic.txt").read_text(encoding="utf-8")
CIRCULAR = (FIXTURES / "tt-77-2031-synthetic.txt").read_text(encoding="utf-8")


def numbers_are_grounded(answer: dict) -> bool:
    """Every number in the answer text appears in a cited chunk, its locator or its document number."""
    from assistant.evaluation.metrics import grounded_numbers

    cited = [f"{c['text']} {c['locator']} {c['number'] or ''}" for c in answer["citations"]]
    found, stated = grounded_numbers(answer["answer"], cited)
    return found == stated


def write_corpus(root: Path, files: dict[str, str], manifest: list[dict] | None = None) -> Path:
    """Write text files (and an optional manifest.jsonl) under `root`."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if manifest is not None:
        lines = "".join(json.dumps(entry, ensure_ascii=False) + "\n" for entry in manifest)
        (root / "manifest.jsonl").write_text(lines, encoding="utf-8")
    return root


SMALL_MANIFEST = [
    {"file": "nd-99.txt", "id": "nd-99-2030", "title": "Nghị định về hỗ trợ nuôi ong", "doc_type": "Nghị định",
     "number": "99/2030/NĐ-CP", "status": "amended", "amended_by": ["100/2031/NĐ-CP"]},
    {"file": "tt-77.txt", "id": "tt-77-2031", "title": "Thông tư về gốm sứ", "doc_type": "Thông tư",
     "number": "77/2031/TT-BCT", "status": "in_force"},
]


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """Three short documents: a decree, a circular (both in the manifest) and a plan without metadata."""
    files = {"nd-99.txt": DECREE, "tt-77.txt": CIRCULAR, "plans/ke-hoach-2030.txt": PLAN}
    return write_corpus(tmp_path / "corpus", files, SMALL_MANIFEST)


@pytest.fixture
def small_settings(tmp_path: Path, small_corpus: Path) -> Settings:
    """Settings for the small corpus with its own index folder."""
    return Settings(corpus_dirs=[small_corpus], index_dir=tmp_path / "index")


@pytest.fixture(scope="session")
def default_settings(tmp_path_factory) -> Settings:
    """Settings of the default corpus over an index built in a session tmp folder (never the repository's
    own index/); the repository's embedding cache is copied in so unchanged chunks are not embedded again."""
    index_dir = tmp_path_factory.mktemp("default") / "index"
    cache = PROJECT_ROOT / "index" / "cache"
    if cache.is_dir():
        shutil.copytree(cache, index_dir / "cache")
    settings = replace(Settings.from_env(), index_dir=index_dir, data_dir=index_dir.parent / "data")
    if SHARED_CORPUS.is_dir():
        assert SHARED_CORPUS in [p.resolve() for p in default_corpus_dirs()]
    Ingestor(settings, progress=False).run()
    return settings


ADMIN_TOKEN = "sekret-token-123"


@pytest.fixture
def admin_app(small_settings, tmp_path):
    """The web app over the small corpus with the admin token set: (client, settings, app)."""
    from fastapi.testclient import TestClient

    from assistant.serve.web import create_web_app

    settings = replace(small_settings, data_dir=tmp_path / "data", admin_token=ADMIN_TOKEN, max_upload_bytes=200_000,
                       rate_limit=0)
    Ingestor(settings, progress=False).run()
    app = create_web_app(settings)
    return TestClient(app), settings, app


def audit_lines(settings) -> list[dict]:
    """The JSON lines of the audit log."""
    path = settings.data_dir / "audit.log"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []
