"""Prometheus metrics (GET /metrics): requests, latency, answers, rate limit, index, ingests, question log."""

from __future__ import annotations

import hmac
import ipaddress
import os
import re
import sqlite3
import time
from contextlib import closing, contextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Gauge, Histogram, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily, HistogramMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from starlette.routing import Match

from assistant.config import Settings

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
REQUEST_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
INGEST_BUCKETS = (1.0, 5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0)

REQUESTS = Counter("kc_requests", "HTTP requests by route template and status code", ["route", "status"])
REQUEST_SECONDS = Histogram("kc_request_duration_seconds", "Time from request to the last byte of the response",
                            ["route"], buckets=REQUEST_BUCKETS)
ANSWERS = Counter("kc_answers", "Answers given, by refusal and channel", ["refused", "channel"])
RATE_LIMITED = Counter("kc_rate_limited", "Requests refused with 429 by the per-client rate limit")
RATE_LIMIT_STORE_ERRORS = Counter("kc_rate_limit_store_errors",
                                  "Rate-limit checks that could not reach the shared store (request let through)")
QUESTION_LOG_WRITTEN = Counter("kc_question_log_written", "Question-log entries stored")
QUESTION_LOG_LOST = Counter("kc_question_log_lost", "Question-log entries that could not be stored", ["reason"])
QUESTION_LOG_QUEUE = Gauge("kc_question_log_queue", "Question-log entries waiting for the background writer",
                           multiprocess_mode="livesum")


def ops_db(settings: Settings) -> Path:
    """The SQLite file every worker shares for operational state (rate-limit hits, ingest durations)."""
    return settings.data_dir / "ops.sqlite3"


def connect(path: Path, timeout: float = 5.0) -> sqlite3.Connection:
    """A WAL-mode connection in autocommit mode: readers never wait for the writer, workers share the file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    return db


def record_ingest(settings: Settings, seconds: float, generation: str | None) -> None:
    """Store one ingest's duration where every worker's /metrics reads it (never raises: metrics must not fail work)."""
    try:
        with closing(connect(ops_db(settings))) as db:
            db.execute("CREATE TABLE IF NOT EXISTS ingests (at REAL NOT NULL, seconds REAL NOT NULL, generation TEXT)")
            db.execute("INSERT INTO ingests VALUES (?, ?, ?)", (time.time(), seconds, generation))
    except sqlite3.Error:
        pass


@contextmanager
def timed_ingest(settings: Settings):
    """Times an ingest run inside the app (admin upload or re-index) and records it."""
    started = time.perf_counter()
    try:
        yield
    finally:
        record_ingest(settings, time.perf_counter() - started, None)


class _IndexCollector:
    """The serving generation (number and chunk count) and the recorded ingest durations, read at scrape time."""

    def __init__(self, settings: Settings, searcher):
        self.settings = settings
        self.searcher = searcher

    def collect(self):
        chunks = GaugeMetricFamily("kc_index_chunks", "Chunks in the serving index generation")
        generation = GaugeMetricFamily("kc_index_generation", "Number of the serving index generation (gen-NNNNNN)")
        try:
            snapshot = self.searcher.generation(wait=False)
            chunks.add_metric([], len(snapshot.chunks))
            generation.add_metric([], int(re.sub(r"\D", "", snapshot.name) or 0))
        except Exception:  # no index yet or the store is down: /health says so; the gauges are simply absent
            pass
        yield chunks
        yield generation
        yield self._ingests()

    def _ingests(self) -> HistogramMetricFamily:
        seconds = []
        path = ops_db(self.settings)
        if path.exists():
            try:
                with closing(connect(path)) as db:
                    seconds = [row[0] for row in db.execute("SELECT seconds FROM ingests")]
            except sqlite3.Error:
                seconds = []
        buckets = [(str(b), sum(s <= b for s in seconds)) for b in INGEST_BUCKETS] + [("+Inf", len(seconds))]
        family = HistogramMetricFamily("kc_ingest_duration_seconds", "Duration of index ingests (CLI and admin)")
        family.add_metric([], buckets, sum_value=sum(seconds))
        return family


class _ProcessCollectors:
    """This process's metrics, or every worker's when uvicorn runs several (prometheus-client multiprocess mode)."""

    def collect(self):
        if os.environ.get(MULTIPROC_ENV):
            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)
            yield from registry.collect()
        else:
            yield from REGISTRY.collect()


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _allowed(settings: Settings, request: Request) -> JSONResponse | None:
    """None when this client may read /metrics, else the refusal."""
    mode = settings.metrics
    if mode == "open":
        return None
    if mode == "loopback":
        if _is_loopback(request.client.host if request.client else ""):
            return None
        return JSONResponse(status_code=403, content={"error": "chỉ đọc được /metrics từ chính máy chủ (loopback)"})
    if mode == "token" and settings.admin_token:
        header = request.headers.get("authorization", "")
        if hmac.compare_digest(header.encode(), f"Bearer {settings.admin_token}".encode()):
            return None
        return JSONResponse(status_code=401, content={"error": "cần mã quản trị (Authorization: Bearer …)"})
    return JSONResponse(status_code=404, content={"error": "/metrics đang tắt (KC_METRICS)"})


def install(app: FastAPI, settings: Settings, searcher) -> None:
    """Adds GET /metrics to the app (the serving app also wraps itself in `RequestMetrics`, outermost)."""
    collectors = [_ProcessCollectors(), _IndexCollector(settings, searcher)]

    @app.get("/metrics", include_in_schema=False)
    def metrics(request: Request):
        """Prometheus text format; who may read it is KC_METRICS."""
        refusal = _allowed(settings, request)
        if refusal is not None:
            return refusal
        registry = CollectorRegistry(auto_describe=False)
        for collector in collectors:
            registry.register(collector)
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)


def _route_of(scope, router) -> str:
    """The route template (bounded label values), not the raw path; also for requests refused before routing."""
    route = scope.get("route")
    if route is None and router is not None:
        route = next((r for r in router.routes if r.matches(scope)[0] == Match.FULL), None)
    path = getattr(route, "path", None)
    if path is None:
        return "unmatched"
    return path or "/"


class RequestMetrics:
    """ASGI middleware: counts every HTTP request by route template and status and times it to its last byte."""

    def __init__(self, app, router=None):
        self.app = app
        self.router = router  # the app's router, to name requests a middleware answered before routing (429, 413)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.perf_counter()
        status = 500

        async def sending(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route = _route_of(scope, self.router)
            REQUESTS.labels(route, str(status)).inc()
            REQUEST_SECONDS.labels(route).observe(time.perf_counter() - started)
