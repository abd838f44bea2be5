"""Protections for the public API: a per-client rate limit (429 + Retry-After) and a request body size limit (413)."""

from __future__ import annotations

import json
import math
import threading
import time
from collections import deque

MAX_CLIENTS = 10000


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
        client = (scope.get("client") or ("unknown", 0))[0]
        wait = self.limiter.retry_after(client) if self.limiter else 0
        if wait:
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
