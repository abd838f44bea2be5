"""Protections for the public API: a per-client rate limit (429 + Retry-After) and a request body size limit (413)."""

from __future__ import annotations

import json
import math
import sqlite3
import threading
import time
from collections import deque
from pathlib import Path

from anyio import to_thread

from assistant.serve import metrics

MAX_CLIENTS = 10000
PRUNE_EVERY = 30.0  # seconds between sweeps of other clients' expired hits from the shared store


class RateLimiter:
    """At most `limit` requests per client in any `window` seconds (sliding window, memory bounded)."""

    def __init__(self, limit: int, window: float = 60.0):
        self.limit = limit
        self.window = window
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, client: str, now: float | None = None) -> int:
        """0 when the request may proceed (and is counted), else the seconds to wait."""
        now = time.monotonic() if now is None else now
        with self._lock:
            hits = self._hits.setdefault(client, deque())
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return max(1, math.ceil(hits[0] + self.window - now))
            hits.append(now)
            if len(self._hits) > MAX_CLIENTS:
                self._forget_idle(now)
            return 0

    def _forget_idle(self, now: float) -> None:
        for client in [c for c, h in self._hits.items() if not h or h[-1] <= now - self.window]:
            del self._hits[client]


class SharedRateLimiter:
    """The same sliding window kept in one SQLite file, so every worker process counts a client's requests together.

    A store that cannot be reached (locked past its timeout, full disk) lets the request through and shows in
    kc_rate_limit_store_errors_total: a broken limiter must never refuse everyone.
    """

    blocking = True  # called from a worker thread, off the event loop

    def __init__(self, path: Path, limit: int, window: float = 60.0, timeout: float = 2.0):
        self.path = Path(path)
        self.limit = limit
        self.window = window
        self.timeout = timeout
        self._local = threading.local()
        self._pruned = 0.0
        with self._db() as db:
            db.execute("CREATE TABLE IF NOT EXISTS hits (client TEXT NOT NULL, at REAL NOT NULL)")
            db.execute("CREATE INDEX IF NOT EXISTS hits_client_at ON hits (client, at)")

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = metrics.connect(self.path, self.timeout)
        return db

    def retry_after(self, client: str, now: float | None = None) -> int:
        """0 when the request may proceed (and is counted), else the seconds to wait."""
        now = time.time() if now is None else now  # wall clock: shared by every process
        try:
            return self._check(self._db(), client, now)
        except sqlite3.Error:
            metrics.RATE_LIMIT_STORE_ERRORS.inc()
            return 0

    def _check(self, db: sqlite3.Connection, client: str, now: float) -> int:
        db.execute("BEGIN IMMEDIATE")  # one writer at a time across processes: count and insert are atomic
        try:
            db.execute("DELETE FROM hits WHERE client = ? AND at <= ?", (client, now - self.window))
            count, oldest = db.execute("SELECT COUNT(*), MIN(at) FROM hits WHERE client = ?", (client,)).fetchone()
            if count >= self.limit:
                db.execute("COMMIT")
                return max(1, math.ceil(oldest + self.window - now))
            db.execute("INSERT INTO hits VALUES (?, ?)", (client, now))
            if now - self._pruned > PRUNE_EVERY:
                self._pruned = now
                db.execute("DELETE FROM hits WHERE at <= ?", (now - self.window,))
            db.execute("COMMIT")
            return 0
        except BaseException:
            db.execute("ROLLBACK")
            raise


def create_limiter(settings):
    """The rate limiter the settings ask for, or None when KC_RATE_LIMIT is 0."""
    if settings.rate_limit <= 0:
        return None
    if settings.rate_limit_store == "memory":
        return RateLimiter(settings.rate_limit)
    return SharedRateLimiter(metrics.ops_db(settings), settings.rate_limit)


def _error(status: int, message: str, headers: list[tuple[bytes, bytes]] | None = None):
    body = json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")
    return {"type": "http.response.start", "status": status,
            "headers": [(b"content-type", b"application/json; charset=utf-8"),
                        (b"content-length", str(len(body)).encode())] + (headers or [])}, body


class ApiGuard:
    """ASGI middleware for paths under `prefix`: rate limit per client address, then a cap on the body size."""

    def __init__(self, app, limiter: RateLimiter | None, max_body: int, prefix: str = "/api/",
                 uploads: tuple[str, int] | None = None):
        self.app = app
        self.limiter = limiter
        self.max_body = max_body
        self.prefix = prefix
        self.uploads = uploads  # (path prefix, larger body limit) for document uploads

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix) or scope["method"] == "OPTIONS":
            return await self.app(scope, receive, send)
        # Behind a trusted proxy uvicorn has already put the forwarded client address here (forwarded_allow_ips).
        client = (scope.get("client") or ("unknown", 0))[0]
        wait = await self._retry_after(client)
        if wait:
            metrics.RATE_LIMITED.inc()
            message = f"Quá nhiều yêu cầu: vui lòng thử lại sau {wait} giây"
            return await self._reply(send, 429, message, [(b"retry-after", str(wait).encode())])
        limit = self.uploads[1] + 65536 if self.uploads and scope["path"].startswith(self.uploads[0]) else self.max_body
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            return await self._reply(send, 413, f"Yêu cầu quá lớn: tối đa {limit} byte")
        if declared is None and scope["method"] in ("POST", "PUT", "PATCH"):
            # A chunked body has no declared length: read it here, up to the limit, then hand it on.
            body, more = b"", True
            while more:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return None
                body += message.get("body", b"")
                more = message.get("more_body", False)
                if len(body) > limit:
                    return await self._reply(send, 413, f"Yêu cầu quá lớn: tối đa {limit} byte")
            receive = _replay(body, receive)
        return await self.app(scope, receive, send)

    async def _retry_after(self, client: str) -> int:
        if self.limiter is None:
            return 0
        if getattr(self.limiter, "blocking", False):
            return await to_thread.run_sync(self.limiter.retry_after, client)
        return self.limiter.retry_after(client)

    @staticmethod
    async def _reply(send, status: int, message: str, headers=None):
        start, body = _error(status, message, headers)
        await send(start)
        await send({"type": "http.response.body", "body": body})


def _replay(body: bytes, receive):
    """A receive() that yields the already-read body once, then defers to the original (disconnects)."""
    sent = False

    async def replayed():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed
