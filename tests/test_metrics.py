"""GET /metrics (Prometheus text): request, answer, rate-limit, index and ingest metrics, and who may read them;
the rate limit shared through SQLite by several limiter instances (as by several workers)."""

from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from assistant.config import Settings
from assistant.index.ingest import Ingestor
from assistant.serve import metrics
from assistant.serve.limits import RateLimiter, SharedRateLimiter, create_limiter

TOKEN = "metrics-token-42"
QUESTION = "gốm sứ men lam áp dụng cho ai"


def samples(text: str) -> dict[tuple, float]:
    """{(sample name, sorted labels): value} of a Prometheus exposition."""
    out = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


def value(scraped: dict, name: str, **labels) -> float:
    return scraped.get((name, tuple(sorted(labels.items()))), 0.0)


@pytest.fixture
def indexed(tmp_path, small_corpus) -> Settings:
    settings = Settings(corpus_dirs=[small_corpus], index_dir=tmp_path / "index", data_dir=tmp_path / "data",
                        admin_token=TOKEN, rate_limit=3, metrics="open")
    Ingestor(settings, progress=False).run()
    return settings


def test_metrics_count_requests_answers_rate_limits_index_and_ingests(indexed):
    from assistant.serve.web import create_web_app

    client = TestClient(create_web_app(indexed), client=("198.51.100.4", 1000))
    before = samples(client.get("/metrics").text)
    statuses = [client.post("/api/ask", json={"question": QUESTION}).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    other = TestClient(client.app, client=("198.51.100.5", 1000))
    assert other.post("/api/admin/reindex", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    after = samples(client.get("/metrics").text)

    def delta(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    assert delta("kc_requests_total", route="/api/ask", status="200") == 3
    assert delta("kc_requests_total", route="/api/ask", status="429") == 1  # refused before routing, still named
    assert delta("kc_request_duration_seconds_count", route="/api/ask") == 4
    assert delta("kc_answers_total", refused="false", channel="api") == 3
    assert delta("kc_rate_limited_total") == 1
    assert delta("kc_question_log_written_total") + value(after, "kc_question_log_queue") >= 3
    health = client.get("/health").json()
    assert value(after, "kc_index_chunks") == health["chunks"] > 0
    assert value(after, "kc_index_generation") == int(health["generation"].split("-")[1])
    assert value(after, "kc_ingest_duration_seconds_count") == 1  # the re-index above, from the shared store
    assert value(after, "kc_ingest_duration_seconds_bucket", le="+Inf") == 1


def test_metrics_access_loopback_token_open_off(indexed):
    from assistant.serve.api import create_app

    def scrape(settings, host, headers=None):
        return TestClient(create_app(settings), client=(host, 1000)).get("/metrics", headers=headers)

    loopback = Settings(**{**indexed.__dict__, "metrics": "loopback"})
    assert Settings().metrics == "loopback"
    assert scrape(loopback, "127.0.0.1").status_code == 200
    assert scrape(loopback, "::1").status_code == 200
    refused = scrape(loopback, "203.0.113.9")
    assert refused.status_code == 403 and "loopback" in refused.json()["error"]
    token = Settings(**{**indexed.__dict__, "metrics": "token"})
    assert scrape(token, "127.0.0.1").status_code == 401
    allowed = scrape(token, "203.0.113.9", {"Authorization": f"Bearer {TOKEN}"})
    assert allowed.status_code == 200 and "kc_index_chunks" in allowed.text
    assert scrape(Settings(**{**indexed.__dict__, "metrics": "open"}), "203.0.113.9").status_code == 200
    assert scrape(Settings(**{**indexed.__dict__, "metrics": "off"}), "127.0.0.1").status_code == 404


def test_shared_rate_limit_holds_across_workers(tmp_path):
    path = tmp_path / "ops.sqlite3"
    worker_a, worker_b = SharedRateLimiter(path, limit=4), SharedRateLimiter(path, limit=4)
    now = 1_000_000.0
    assert [w.retry_after("10.0.0.1", now + i) for i, w in enumerate([worker_a, worker_b] * 2)] == [0, 0, 0, 0]
    # Both workers refuse the fifth request; the wait is counted from the oldest hit in the window.
    assert worker_a.retry_after("10.0.0.1", now + 10) == 50
    assert worker_b.retry_after("10.0.0.1", now + 10) == 50
    assert worker_b.retry_after("10.0.0.2", now + 10) == 0  # another client has its own window
    assert worker_a.retry_after("10.0.0.1", now + 60.5) == 0  # the first hit left the window
    memory = RateLimiter(4)
    assert [memory.retry_after("10.0.0.1", float(i)) for i in range(5)][-1] > 0


def test_rate_limit_store_failure_lets_requests_through_and_is_counted(tmp_path):
    path = tmp_path / "ops.sqlite3"
    limiter = SharedRateLimiter(path, limit=1, timeout=0.1)
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        before = metrics.RATE_LIMIT_STORE_ERRORS._value.get()
        assert limiter.retry_after("10.0.0.1") == 0 and limiter.retry_after("10.0.0.1") == 0
        assert metrics.RATE_LIMIT_STORE_ERRORS._value.get() == before + 2
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert limiter.retry_after("10.0.0.1") == 0 and limiter.retry_after("10.0.0.1") > 0


def test_limiter_choice_from_settings(tmp_path):
    assert create_limiter(Settings(data_dir=tmp_path, rate_limit=0)) is None
    assert isinstance(create_limiter(Settings(data_dir=tmp_path)), SharedRateLimiter)
    assert isinstance(create_limiter(Settings(data_dir=tmp_path, rate_limit_store="memory")), RateLimiter)
