"""The department deployment on loopback: one `chroma run` server, two app processes sharing the index and
KC_DATA_DIR (then one app with `--workers 2`), the rate limit across them keyed on the forwarded client, and the
nginx site of deploy/ in front of them (TLS, forwarded headers, unbuffered SSE)."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import write_corpus
from tests.servers import chroma_server, free_port, process

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "gốm sứ men lam áp dụng cho ai"
LIMIT = 20
THREADS, ASKS_PER_THREAD = 8, 10
NEW_DOCUMENT = """# Thông tư 88/2032/TT-BCT về hỗ trợ nghề dệt thổ cẩm
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định mức hỗ trợ cho cơ sở dệt thổ cẩm truyền thống ở vùng cao.
Điều 2. Mức hỗ trợ
Cơ sở dệt thổ cẩm được hỗ trợ tối đa 35% chi phí mua khung dệt cải tiến.
"""
NEW_QUESTION = "dệt thổ cẩm được hỗ trợ mua khung dệt bao nhiêu"


def _env(tmp_path: Path, corpus: Path, chroma_url: str) -> dict[str, str]:
    return {**os.environ, "KC_CHROMA_URL": chroma_url, "KC_CORPUS_DIRS": str(corpus),
            "KC_INDEX_DIR": str(tmp_path / "index"), "KC_DATA_DIR": str(tmp_path / "data"),
            "KC_RATE_LIMIT": str(LIMIT), "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False",
            "ANONYMIZED_TELEMETRY": "False"}


def _cli(env: dict, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "assistant.cli", *args], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return result


@contextmanager
def _app(env: dict, port: int, *extra: str):
    with process([sys.executable, str(ROOT / "app.py"), "--port", str(port), "--forwarded-allow-ips", "127.0.0.1",
                  *extra], f"http://127.0.0.1:{port}/health", env=env, timeout=300) as proc:
        yield proc


def _logged(data: Path) -> int:
    path = data / "questions.sqlite3"
    if not path.exists():
        return 0
    with sqlite3.connect(path, timeout=10) as db:
        return db.execute("SELECT COUNT(*) FROM questions").fetchone()[0]


def _wait_logged(data: Path, expected: int, timeout: float = 60.0) -> int:
    """The entry count once it reaches `expected` (the writers are asynchronous), or what it is at the deadline."""
    deadline = time.monotonic() + timeout
    while _logged(data) < expected and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(0.5)  # any extra entry would show now, too
    return _logged(data)


def _metric(text: str, name: str, **labels) -> float:
    """The sum of a sample over the series whose labels include `labels`."""
    total = 0.0
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                total += sample.value
    return total


def _ask(client: httpx.Client, port: int, question: str = QUESTION, forwarded: str | None = None) -> httpx.Response:
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return client.post(f"http://127.0.0.1:{port}/api/ask", json={"question": question}, headers=headers)


def test_two_app_processes_share_one_chroma_server_the_index_and_the_logs(tmp_path, small_corpus):
    with chroma_server(tmp_path / "chroma") as chroma_url, ExitStack() as stack:
        env = _env(tmp_path, small_corpus, chroma_url)
        _cli(env, "ingest", "--quiet")
        ports = free_port(), free_port()
        for port in ports:
            stack.enter_context(_app(env, port))
        client = stack.enter_context(httpx.Client(timeout=60))

        first = [_ask(client, port) for port in ports]
        assert [r.status_code for r in first] == [200, 200] and all(r.json()["citations"] for r in first)
        before = {client.get(f"http://127.0.0.1:{p}/health").json()["generation"] for p in ports}
        assert len(before) == 1

        # One ingest (the CLI, as the systemd timer runs it) publishes a generation both processes then serve.
        write_corpus(small_corpus, {"tt-88.txt": NEW_DOCUMENT})
        _cli(env, "ingest", "--quiet")
        deadline = time.monotonic() + 60
        seen = set()
        while time.monotonic() < deadline:
            seen = {client.get(f"http://127.0.0.1:{p}/health").json()["generation"] for p in ports}
            if seen.isdisjoint(before) and len(seen) == 1:
                break
            time.sleep(0.5)
        assert seen.isdisjoint(before) and len(seen) == 1
        generation = int(seen.pop().split("-")[1])
        for port in ports:
            answer = _ask(client, port, NEW_QUESTION).json()
            assert "35%" in answer["answer"] and answer["citations"][0]["doc_id"].startswith("tt-88")

        # Concurrent asks against both processes: every one is answered and every one is logged.
        def worker(n: int) -> list[int]:
            with httpx.Client(timeout=60) as own:
                return [_ask(own, ports[(n + i) % 2], forwarded=f"198.51.100.{n + 1}").status_code
                        for i in range(ASKS_PER_THREAD)]

        with ThreadPoolExecutor(THREADS) as pool:
            statuses = [s for batch in pool.map(worker, range(THREADS)) for s in batch]
        assert statuses == [200] * THREADS * ASKS_PER_THREAD
        expected = 2 + 2 + THREADS * ASKS_PER_THREAD
        assert _wait_logged(tmp_path / "data", expected) == expected

        # The rate limit counts a client's requests on both processes together, keyed on the forwarded address.
        search = "/api/search?q=g%E1%BB%91m%20s%E1%BB%A9"
        limited = "203.0.113.50"
        codes = [client.get(f"http://127.0.0.1:{ports[i % 2]}{search}", headers={"X-Forwarded-For": limited})
                 .status_code for i in range(LIMIT)]
        assert codes == [200] * LIMIT
        refused = [client.get(f"http://127.0.0.1:{p}{search}", headers={"X-Forwarded-For": limited}) for p in ports]
        assert [r.status_code for r in refused] == [429, 429] and int(refused[0].headers["retry-after"]) >= 1
        assert client.get(f"http://127.0.0.1:{ports[1]}{search}",
                          headers={"X-Forwarded-For": "203.0.113.51"}).status_code == 200
        # From a peer that is not a trusted proxy, X-Forwarded-For is ignored: no one borrows another's address.
        with httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.5"), timeout=60) as untrusted:
            assert untrusted.get(f"http://127.0.0.1:{ports[0]}{search}",
                                 headers={"X-Forwarded-For": "203.0.113.51"}).status_code == 200

        # Each process's /metrics (loopback) shows its share; the ingest durations come from the shared store.
        scraped = [client.get(f"http://127.0.0.1:{p}/metrics").text for p in ports]
        assert sum(_metric(t, "kc_answers_total") for t in scraped) == expected
        assert sum(_metric(t, "kc_rate_limited_total") for t in scraped) == 2
        assert all(_metric(t, "kc_ingest_duration_seconds_count") == 2 for t in scraped)
        assert [_metric(t, "kc_index_generation") for t in scraped] == [generation, generation]

        _nginx_in_front(tmp_path, ports, client, limited)


def test_one_app_with_two_uvicorn_workers(tmp_path, small_corpus):
    with chroma_server(tmp_path / "chroma") as chroma_url:
        env = _env(tmp_path, small_corpus, chroma_url)
        _cli(env, "ingest", "--quiet")
        port = free_port()
        with _app(env, port, "--workers", "2"), httpx.Client(timeout=60) as client:
            def asks(n: int) -> list[int]:
                with httpx.Client(timeout=60) as own:
                    return [_ask(own, port, forwarded=f"198.51.100.{n + 1}").status_code for _ in range(5)]

            with ThreadPoolExecutor(4) as pool:
                statuses = [s for batch in pool.map(asks, range(4)) for s in batch]
            assert statuses == [200] * 20
            assert _wait_logged(tmp_path / "data", 20) == 20
            # Either worker answers the scrape with the sum over both (prometheus-client multiprocess mode).
            for _ in range(4):
                text = client.get(f"http://127.0.0.1:{port}/metrics").text
                assert _metric(text, "kc_answers_total") == 20
                assert _metric(text, "kc_requests_total", route="/api/ask", status="200") == 20


def _nginx_in_front(tmp_path: Path, ports: tuple[int, int], client: httpx.Client, limited: str) -> None:
    """deploy/nginx/khuyencong.conf, pointed at the two processes, serving TLS on loopback."""
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if nginx is None:
        if os.environ.get("CI") == "true":
            pytest.fail("nginx is missing (make test installs nginx-light)")
        pytest.skip("nginx is not installed")
    prefix = tmp_path / "nginx"
    (prefix / "logs").mkdir(parents=True)
    cert, key = prefix / "cert.pem", prefix / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=localhost", "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True,
                   timeout=60)
    https_port, http_port = free_port(), free_port()
    site = (ROOT / "deploy" / "nginx" / "khuyencong.conf").read_text(encoding="utf-8")
    site = re.sub(r"server 127\.0\.0\.1:7861;\s*server 127\.0\.0\.1:7862;",
                  f"server 127.0.0.1:{ports[0]}; server 127.0.0.1:{ports[1]};", site)
    site = re.sub(r"\n\s*listen \[::\]:\d+( ssl http2)?;", "", site)
    site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    site = site.replace("/etc/ssl/khuyencong/fullchain.pem", str(cert)).replace("/etc/ssl/khuyencong/privkey.pem",
                                                                                str(key))
    assert f"127.0.0.1:{ports[0]}" in site and str(cert) in site
    temp = "".join(f"{kind}_temp_path {prefix}/{kind};\n" for kind in
                   ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = prefix / "nginx.conf"
    conf.write_text(f"pid {prefix}/nginx.pid;\nerror_log {prefix}/logs/error.log;\nevents {{}}\nhttp {{\n"
                    f"access_log off;\n{temp}{site}\n}}\n", encoding="utf-8")
    checked = subprocess.run([nginx, "-t", "-p", str(prefix), "-c", str(conf)], capture_output=True, text=True,
                             timeout=60)
    assert checked.returncode == 0, checked.stderr
    # Ready once an app answers (already true); nginx itself is polled below: its plain-HTTP port only redirects.
    with process([nginx, "-p", str(prefix), "-c", str(conf), "-g", "daemon off;"],
                 f"http://127.0.0.1:{ports[0]}/health", timeout=30), httpx.Client(verify=False, timeout=60) as tls:
        base = f"https://127.0.0.1:{https_port}"
        _wait_tls(tls, f"{base}/health")
        logged = _logged(tmp_path / "data")
        assert tls.get(f"http://127.0.0.1:{http_port}/health").status_code == 301
        assert tls.get(f"{base}/health").json()["status"] == "ok"
        assert tls.get(f"{base}/metrics").status_code == 404  # scraped on loopback, never through the site
        # A client cannot pick its own address: nginx replaces X-Forwarded-For, so the exhausted one is not used.
        spoofed = tls.post(f"{base}/api/ask", json={"question": QUESTION}, headers={"X-Forwarded-For": limited})
        assert spoofed.status_code == 200
        with tls.stream("POST", f"{base}/api/ask/stream", json={"question": QUESTION},
                        headers={"X-KC-Channel": "widget"}) as stream:
            assert stream.headers["content-type"].startswith("text/event-stream")
            events = [line for line in stream.iter_lines() if line.startswith("event:")]
        assert events[-1] == "event: done" and events.count("event: delta") >= 1
        assert _wait_logged(tmp_path / "data", logged + 2) == logged + 2
        with sqlite3.connect(tmp_path / "data" / "questions.sqlite3") as db:
            assert db.execute("SELECT COUNT(*) FROM questions WHERE channel = 'widget'").fetchone() == (1,)
        page = tls.get(f"{base}/")
        assert page.status_code == 200 and "gradio" in page.text.lower()


def _wait_tls(client: httpx.Client, url: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            client.get(url)
            return
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
