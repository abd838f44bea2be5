"""Real servers for tests, on loopback only, each started and stopped by the test that needs it."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

from evals.servers import free_port, process, wait_http  # noqa: F401 - the tests import them from here


@contextmanager
def chroma_server(path: Path, port: int | None = None):
    """A real `chroma run` server on 127.0.0.1; yields its URL."""
    port = port or free_port()
    chroma = Path(sys.executable).with_name("chroma")
    url = f"http://127.0.0.1:{port}"
    with process([str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                 f"{url}/api/v2/heartbeat"):
        yield url
