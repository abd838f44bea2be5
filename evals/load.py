"""`make load`: a bounded load test of the real app on loopback; writes evals/reports/load.md and load.json.

Each client is a user: it asks a real question of the curated set (POST /api/ask), reads the answer for a think time
(0.5-0.9 s), asks again. Phases, against a server on a copy of the index:
1. 32 clients for DURATION seconds, rate limit off, with the query-vector cache (repeated questions, as on a real
   website) and 2. without it (every question embedded);
3. 8 clients plus a /health poll while `khuyencong ingest --full` re-embeds everything and publishes a new
   generation into the served index;
4. the 32 clients against KC_RATE_LIMIT=60, where 429s are counted, not errors.
Every loop is bounded in count and in time; every socket is on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from assistant.evaluation.metrics import percentile

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "evals" / "reports"
MAX_REQUESTS_PER_CLIENT = 100_000  # a bound on every client loop beside the deadline


def questions() -> list[str]:
    """Answerable questions of the curated set (no history), both splits."""
    sys.path.insert(0, str(ROOT))
    from assistant.evaluation.dataset import load

    return [item.question for item in load() if item.answerable and not item.history]


async def _client(http: httpx.AsyncClient, url: str, asked: list[str], deadline: float, seed: int, tally: dict,
                  done=lambda: False, think: tuple[float, float] = (0.5, 0.9)):
    rng = random.Random(seed)
    await asyncio.sleep(rng.uniform(0, think[1]))  # users do not all arrive in the same millisecond
    for _ in range(MAX_REQUESTS_PER_CLIENT):
        if time.monotonic() >= deadline or done():
            return
        started = time.perf_counter()
        try:
            response = await http.post(f"{url}/api/ask", json={"question": rng.choice(asked)})
        except httpx.HTTPError as exc:
            tally["dropped"].append(type(exc).__name__)
            continue
        elapsed = (time.perf_counter() - started) * 1000
        code = response.status_code
        tally["codes"][code] = tally["codes"].get(code, 0) + 1
        if code == 200:
            tally["ms"].append(elapsed)
        pause = min(float(response.headers.get("retry-after", "1")), 2.0) if code == 429 else rng.uniform(*think)
        await asyncio.sleep(pause)


async def _health(http: httpx.AsyncClient, url: str, until, tally: dict, period: float = 0.25):
    for _ in range(100_000):
        if until():
            return
        started = time.perf_counter()
        try:
            response = await http.get(f"{url}/health")
            tally["health_ms"].append((time.perf_counter() - started) * 1000)
            tally["health_codes"][response.status_code] = tally["health_codes"].get(response.status_code, 0) + 1
            tally["generations"].add(response.json().get("generation"))
        except httpx.HTTPError as exc:
            tally["health_dropped"].append(type(exc).__name__)
        await asyncio.sleep(period)


async def _new_generation(url: str, tally: dict, seconds: float = 60, period: float = 0.25) -> None:
    """Poll /health until the app serves the generation the ingest published, for at most `seconds`: a probe starts
    the reload in the background and answers with the loaded generation meanwhile, so the first probe after the
    ingest may still name the old one. A failed probe is counted as _health counts it."""
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient(timeout=5) as check:
        for _ in range(int(seconds / period) + 1):
            try:
                tally["generations"].add((await check.get(f"{url}/health")).json().get("generation"))
            except (httpx.HTTPError, ValueError) as exc:  # ValueError: a body that is not JSON
                tally["health_dropped"].append(type(exc).__name__)
            if len(tally["generations"] - {None}) > 1 or time.monotonic() > deadline:
                return
            await asyncio.sleep(period)


def _tally() -> dict:
    return {"codes": {}, "ms": [], "dropped": [], "health_ms": [], "health_codes": {}, "health_dropped": [],
            "generations": set()}


async def drive(url: str, clients: int, duration: float, ingest_cmd: list[str] | None = None,
                env: dict | None = None) -> dict:
    """Run the clients for `duration` seconds, or while an ingest runs (with a /health poll); return the tally."""
    asked = questions()
    tally = _tally()
    limits = httpx.Limits(max_connections=clients + 4, max_keepalive_connections=clients + 4)
    async with httpx.AsyncClient(timeout=30, limits=limits) as http:
        started = time.monotonic()
        proc = None
        if ingest_cmd:
            proc = await asyncio.create_subprocess_exec(*ingest_cmd, env=env, stdout=subprocess.DEVNULL,
                                                        stderr=subprocess.DEVNULL)
        deadline = started + (900 if proc else duration)

        def ingest_done() -> bool:
            return proc is not None and proc.returncode is not None

        tasks = [asyncio.create_task(_client(http, url, asked, deadline, seed, tally, ingest_done))
                 for seed in range(clients)]
        ingest_seconds = None
        if proc:
            poll = asyncio.create_task(_health(http, url, ingest_done, tally))
            await asyncio.wait_for(proc.wait(), timeout=900)
            ingest_seconds = time.monotonic() - started
            tally["ingest_exit"] = proc.returncode
            await poll
            if proc.returncode == 0:
                await _new_generation(url, tally)
        await asyncio.gather(*tasks)
        tally["seconds"] = time.monotonic() - started
        tally["ingest_seconds"] = ingest_seconds
    return tally


def summarize(name: str, clients: int, tally: dict) -> dict:
    """One report row."""
    answered = len(tally["ms"])
    server_errors = sum(n for code, n in tally["codes"].items() if code >= 500)
    return {
        "phase": name, "clients": clients, "seconds": round(tally["seconds"], 1), "answers": answered,
        "answers_per_s": round(answered / tally["seconds"], 1) if tally["seconds"] else 0.0,
        "p50_ms": round(statistics.median(tally["ms"]), 1) if tally["ms"] else None,
        "p95_ms": round(percentile(tally["ms"], 0.95), 1), "p99_ms": round(percentile(tally["ms"], 0.99), 1),
        "http_429": tally["codes"].get(429, 0), "http_5xx": server_errors,
        "other_4xx": sum(n for code, n in tally["codes"].items() if 400 <= code < 500 and code != 429),
        "dropped": len(tally["dropped"]),
        "health_checks": len(tally["health_ms"]),
        "health_max_ms": round(max(tally["health_ms"]), 1) if tally["health_ms"] else None,
        "health_p95_ms": round(percentile(tally["health_ms"], 0.95), 1) if tally["health_ms"] else None,
        "health_failures": len(tally["health_dropped"]) + sum(n for c, n in tally["health_codes"].items() if c != 200),
        "ingest_s": round(tally["ingest_seconds"], 1) if tally.get("ingest_seconds") else None,
        "generations_seen": len(tally["generations"] - {None}),
    }


class Server:
    """app.py on a free loopback port over a private copy of the index, started and stopped by the caller."""

    def __init__(self, index: Path, data: Path, **settings: str):
        from evals.servers import free_port

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = os.environ | {"KC_INDEX_DIR": str(index), "KC_DATA_DIR": str(data), "KC_RATE_LIMIT": "0",
                                 **settings}
        self.proc = None

    def __enter__(self):
        from evals.servers import wait_http

        self.proc = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--port", str(self.port)], env=self.env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        wait_http(f"{self.url}/health", timeout=180)
        for _ in range(5):  # warm: model loads happen before the clock starts
            httpx.post(f"{self.url}/api/ask", json={"question": "Hộ kinh doanh có được hỗ trợ không?"}, timeout=60)
        return self

    def __exit__(self, *exc):
        import signal

        os.killpg(self.proc.pid, signal.SIGTERM)
        self.proc.wait(timeout=30)


def run(clients: int, duration: float, reingest_clients: int) -> list[dict]:
    """The four phases; the index is copied so the project's own index is never touched."""
    from assistant.config import Settings

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        index = Path(tmp) / "index"
        shutil.copytree(Settings.from_env().index_dir, index, ignore=shutil.ignore_patterns("quickstart", "*.lock"))
        data = Path(tmp) / "data"
        with Server(index, data) as server:
            rows.append(summarize("repeated questions (query cache)", clients,
                                  asyncio.run(drive(server.url, clients, duration))))
            ingest = [sys.executable, "-m", "assistant.cli", "ingest", "--quiet", "--full"]  # every chunk re-embedded
            tally = asyncio.run(drive(server.url, reingest_clients, 0, ingest, server.env))
            rows.append(summarize("during a full re-ingest", reingest_clients, tally) | {
                "ingest_exit": tally.get("ingest_exit")})
        with Server(index, data, KC_QUERY_CACHE="0") as server:
            rows.append(summarize("every question embedded (no cache)", clients,
                                  asyncio.run(drive(server.url, clients, duration))))
        with Server(index, data, KC_RATE_LIMIT="60") as server:
            rows.append(summarize("rate limit 60/min per client", clients,
                                  asyncio.run(drive(server.url, clients, min(duration, 15)))))
    return rows


COLUMNS = ("phase", "clients", "seconds", "answers", "answers_per_s", "p50_ms", "p95_ms", "p99_ms", "http_429",
           "http_5xx", "other_4xx", "dropped", "health_checks", "health_p95_ms", "health_max_ms", "health_failures",
           "ingest_s", "generations_seen")


def table(rows: list[dict]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join("—" if r.get(c) is None else str(r.get(c)) for c in COLUMNS) + " |" for r in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description="bounded load test on loopback")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--reingest-clients", type=int, default=8)
    args = parser.parse_args()
    rows = run(args.clients, args.duration, args.reingest_clients)
    text = (f"# Load test ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} CPU, one process, loopback; "
            f"think time 0.5-0.9 s per client)\n\n{table(rows)}\n")
    print(text)
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / "load.md").write_text(text, encoding="utf-8")
    (REPORTS / "load.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
