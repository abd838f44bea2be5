"""The HTTP API and the command line over the default index, bad input included."""

import json
import os
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from assistant.config import Settings
from assistant.serve.api import create_app
from tests.conftest import require_corpus


@pytest.fixture(scope="module")
def client(default_settings):
    return TestClient(create_app(default_settings))


def test_health_reports_generation(client):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["generation"].startswith("gen-") and body["chunks"] > 100


@require_corpus()
def test_search_returns_ranked_chunks_with_citation_fields(client):
    body = client.get("/api/search", params={"q": "Điều 10 Nghị định 45/2012", "k": 2}).json()
    first = body["results"][0]
    assert first["chunk_id"] == "nd-45-2012#d10" and first["rank"] == 1
    assert first["status"] == "amended" and first["number"] == "45/2012/NĐ-CP"
    assert first["locator"] == "Điều 10" and "thù lao" in first["text"]


@pytest.mark.parametrize("params", [{"q": ""}, {"q": "x" * 2001}, {"q": "a", "k": 0}, {"q": "a", "k": "ba"}])
def test_bad_search_parameters_are_422_not_500(client, params):
    response = client.get("/api/search", params=params)
    assert response.status_code == 422
    assert response.json()["error"].startswith(("q:", "k:"))


def test_missing_index_is_503_with_a_clear_message(tmp_path):
    client = TestClient(create_app(Settings(corpus_dirs=[tmp_path], index_dir=tmp_path / "none")))
    response = client.get("/health")
    assert response.status_code == 503 and "khuyencong ingest" in response.json()["error"]
    assert client.get("/api/search", params={"q": "a"}).status_code == 503


def default_env(settings) -> dict:
    """The environment of a CLI run over the session's default index (not the repository's index/)."""
    return os.environ | {"KC_INDEX_DIR": str(settings.index_dir), "KC_DATA_DIR": str(settings.data_dir)}


def run_cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], capture_output=True, text=True,
                          timeout=120, env=env)


@require_corpus()
def test_cli_search_json_shape(default_settings):
    result = run_cli("search", "muc ho tro thue gian hang hoi cho trong nuoc", "--k", "3", "--json",
                     env=default_env(default_settings))
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["query"].startswith("muc ho tro")
    assert [r["rank"] for r in payload["results"]] == [1, 2, 3]
    assert set(payload["results"][0]) == {"rank", "chunk_id", "doc_id", "title", "number", "locator", "score",
                                          "status", "text"}


def test_cli_errors_are_one_line_not_tracebacks(tmp_path):
    result = run_cli("search", "câu hỏi", "--k", "0")
    assert result.returncode == 2 and "1-50" in result.stderr and "Traceback" not in result.stderr
    env = {"KC_INDEX_DIR": str(tmp_path / "none"), "PATH": "/usr/bin"}
    result = run_cli("search", "câu hỏi", env=env)
    assert result.returncode == 2 and "khuyencong ingest" in result.stderr and "Traceback" not in result.stderr


def test_cli_ingest_reports_failures_with_exit_code(tmp_path, small_corpus):
    (small_corpus / "hong.pdf").write_bytes(b"%PDF-1.4 hong")
    env = {"KC_CORPUS_DIRS": str(small_corpus), "KC_INDEX_DIR": str(tmp_path / "idx"), "PATH": "/usr/bin"}
    result = run_cli("ingest", "--quiet", env=env)
    assert result.returncode == 1
    assert "hong.pdf" in result.stderr and "PDF hỏng" in result.stderr and "Traceback" not in result.stderr
    assert "Đã nạp gen-000001" in result.stdout


@require_corpus()
def test_cli_ask_prints_answer_and_sources_or_json(default_settings):
    question = "Cộng tác viên khuyến công được hưởng thù lao do ai quy định?"
    env = default_env(default_settings)
    text = run_cli("ask", question, env=env)
    assert text.returncode == 0, text.stderr
    assert "Chủ tịch Ủy ban nhân dân cấp tỉnh" in text.stdout and "Nguồn:" in text.stdout
    assert "nd-45-2012#d10" in text.stdout and "đã được sửa đổi" in text.stdout
    payload = json.loads(run_cli("ask", question, "--json", env=env).stdout)
    assert payload["citations"][0]["chunk_id"] == "nd-45-2012#d10" and payload["refused"] is False
    assert run_cli("ask", " ").returncode == 2
