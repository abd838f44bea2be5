"""A bounded load test in CI: the real app on loopback under 32 concurrent clients, during a full re-ingest and
behind the rate limit. Counts are asserted (no 5xx, no dropped connection, /health always answered, 429s
counted), never timings: those are measured by `make load` (evals/reports/load.md)."""

import asyncio
import shutil
import sys

import pytest

from evals.load import Server, drive, summarize
from tests.conftest import require_corpus

pytestmark = require_corpus()


@pytest.fixture(scope="module")
def index_copy(default_settings, tmp_path_factory):
    target = tmp_path_factory.mktemp("load") / "index"
    shutil.copytree(default_settings.index_dir, target, ignore=shutil.ignore_patterns("quickstart", "*.lock"))
    return target


def test_32_clients_then_a_full_reingest_without_errors(index_copy, tmp_path):
    with Server(index_copy, tmp_path / "data") as server:
        burst = summarize("burst", 32, asyncio.run(drive(server.url, 32, 8)))
        assert burst["answers"] > 32 and burst["http_5xx"] == 0 and burst["dropped"] == 0
        assert burst["other_4xx"] == 0 and burst["http_429"] == 0
        ingest = [sys.executable, "-m", "assistant.cli", "ingest", "--quiet", "--full"]
        tally = asyncio.run(drive(server.url, 4, 0, ingest, server.env))
        during = summarize("re-ingest", 4, tally)
        assert tally["ingest_exit"] == 0 and during["generations_seen"] == 2  # the new generation went live
        assert during["health_checks"] > 5 and during["health_failures"] == 0
        assert during["http_5xx"] == 0 and during["dropped"] == 0 and during["answers"] > 0


def test_rate_limit_holds_under_load(index_copy, tmp_path):
    with Server(index_copy, tmp_path / "data", KC_RATE_LIMIT="20") as server:
        limited = summarize("limited", 32, asyncio.run(drive(server.url, 32, 5)))
    assert limited["http_429"] > 0 and limited["http_5xx"] == 0 and limited["dropped"] == 0
    assert limited["answers"] <= 20 + 5  # one client address: 20 a minute, plus the warm-up's
