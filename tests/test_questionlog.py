"""The question log: every channel writes its entries, feedback links to them, stats/exports, privacy, retention,
and a locked database that never blocks or fails an answer."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.config import Settings
from assistant.index.ingest import Ingestor
from assistant.serve import metrics, questionlog
from assistant.serve.questionlog import QuestionLog

ROOT = Path(__file__).resolve().parents[1]
CLIENT_ADDRESS = "203.0.113.7"
ANSWERABLE = "gốm sứ men lam áp dụng cho ai"
OUT_OF_SCOPE = "lãi suất vay mua nhà ở xã hội là bao nhiêu"
TOKEN = "bi-mat-thong-ke-42"
STATS_KEYS = {"per_day", "refusal_rate", "top_questions", "top_refused", "disliked", "top_documents"}


@pytest.fixture
def ops_settings(tmp_path, small_corpus) -> Settings:
    """The small corpus, indexed, with its own data folder and an admin token."""
    settings = Settings(corpus_dirs=[small_corpus], index_dir=tmp_path / "index", data_dir=tmp_path / "data",
                        admin_token=TOKEN, rate_limit=0)
    Ingestor(settings, progress=False).run()
    return settings


def _lost(reason: str) -> float:
    return metrics.QUESTION_LOG_LOST.labels(reason)._value.get()


def _rows(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT channel, question, refused, doc_ids, latency_ms, user_hash FROM questions "
                          "ORDER BY id").fetchall()


def test_every_channel_writes_its_entry_and_no_client_address(ops_settings):
    from assistant.serve.web import create_web_app

    app = create_web_app(ops_settings)
    client = TestClient(app, client=(CLIENT_ADDRESS, 50000))
    api = client.post("/api/ask", json={"question": ANSWERABLE}).json()
    refused = client.post("/api/ask", json={"question": OUT_OF_SCOPE}).json()
    stream = client.post("/api/ask/stream", json={"question": ANSWERABLE}, headers={"X-KC-Channel": "widget"})
    assert stream.status_code == 200 and "event: done" in stream.text
    # An unknown channel name is the API's, never stored as sent.
    client.post("/api/ask", json={"question": ANSWERABLE}, headers={"X-KC-Channel": "<script>"})
    for _ in app.state.workspace.chat.respond(ANSWERABLE, []):
        pass
    env = {**os.environ, "KC_CORPUS_DIRS": str(ops_settings.corpus_dirs[0]),
           "KC_INDEX_DIR": str(ops_settings.index_dir), "KC_DATA_DIR": str(ops_settings.data_dir)}
    cli = subprocess.run([sys.executable, "-m", "assistant.cli", "ask", OUT_OF_SCOPE], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert cli.returncode == 0, cli.stderr
    assert questionlog.shared(ops_settings).flush(30)

    db_path = ops_settings.data_dir / "questions.sqlite3"
    rows = _rows(db_path)
    by_channel = {}
    for row in rows:
        by_channel.setdefault(row[0], []).append(row)
    assert sorted(by_channel) == ["api", "cli", "widget", "workspace"]
    assert len(by_channel["api"]) == 3 and len(by_channel["widget"]) == 1
    first, second = by_channel["api"][:2]
    assert first[1] == ANSWERABLE and first[2] == 0
    assert first[3].split() == list(dict.fromkeys(c["doc_id"] for c in api["citations"]))
    assert first[4] == pytest.approx(api["timings_ms"]["total"])
    assert second[1] == OUT_OF_SCOPE and second[2] == 1 and refused["refused"] and second[3] == ""
    assert by_channel["cli"][0][1:3] == (OUT_OF_SCOPE, 1)
    # HTTP clients get a hash of the day (the same address -> the same hash), the workspace and CLI none.
    assert {row[5] for row in by_channel["api"] + by_channel["widget"]} == {first[5]} and first[5]
    assert by_channel["workspace"][0][5] is None
    stored = b"".join(p.read_bytes() for p in db_path.parent.glob("questions.sqlite3*"))
    assert CLIENT_ADDRESS.encode() not in stored
    assert questionlog.shared(ops_settings).distinct_users(1) == 1


def test_stats_export_and_feedback_linked_to_the_entry(ops_settings):
    from assistant.serve.api import create_app
    from assistant.serve.ui.chat import ChatTab
    from assistant.services import build_services

    client = TestClient(create_app(ops_settings))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    services = build_services(ops_settings)
    chat = ChatTab(services.answerer, services.feedback(), ops_settings)
    *_, (_, _, last, _) = chat.respond(ANSWERABLE, [])
    status, feedback_id, _ = chat.comment(None, "Câu trả lời thiếu mức hỗ trợ", last)
    assert feedback_id is not None and "Đã lưu" in status
    time.sleep(1.1)  # the log and the feedback store both keep whole seconds: the next question is a later one
    for question in (OUT_OF_SCOPE, OUT_OF_SCOPE.upper(), ANSWERABLE):
        assert client.post("/api/ask", json={"question": question}).status_code == 200
    assert questionlog.shared(ops_settings).flush(30)

    assert client.get("/api/admin/stats").status_code == 401
    assert client.get("/api/admin/stats", headers={"Authorization": "Bearer sai"}).status_code == 401
    stats = client.get("/api/admin/stats?days=7", headers=auth).json()
    assert set(stats) == STATS_KEYS
    assert len(stats["per_day"]) == 7 and set(stats["per_day"][0]) == {"date", "questions", "refused"}
    assert stats["per_day"][-1]["questions"] == 4 and stats["per_day"][-1]["refused"] == 2
    assert stats["refusal_rate"] == 0.5
    # The same question in another case is one knowledge gap asked twice.
    assert stats["top_refused"] == [{"question": OUT_OF_SCOPE, "count": 2}]
    assert stats["top_questions"][0]["count"] == 2
    assert stats["disliked"][0]["comment"] == "Câu trả lời thiếu mức hỗ trợ"
    assert stats["disliked"][0]["question"] == ANSWERABLE and stats["disliked"][0]["answer"] == last["answer"]
    assert stats["top_documents"][0] == {"doc_id": "tt-77-2031", "count": 2}

    entries = client.get("/api/admin/questions?days=1", headers=auth).json()["questions"]
    assert [e["channel"] for e in entries] == ["workspace", "api", "api", "api"]
    # The 👎 belongs to the workspace answer it was given on, not to the later API question with the same text.
    assert entries[0]["feedback"] == -1 and entries[0]["feedback_comment"] == "Câu trả lời thiếu mức hỗ trợ"
    assert entries[-1]["feedback"] is None
    refused = client.get("/api/admin/questions?days=1&refused=true&format=csv", headers=auth)
    assert refused.headers["content-type"].startswith("text/csv") and "attachment" in refused.headers[
        "content-disposition"]
    rows = list(csv.DictReader(io.StringIO(refused.text.lstrip("\ufeff"))))
    assert len(rows) == 2 and {r["refused"] for r in rows} == {"True"}
    bad = client.get("/api/admin/questions?days=0&format=xml", headers=auth)
    assert bad.status_code == 422 and "days" in bad.json()["error"] and "format" in bad.json()["error"]


def test_statistics_tab_needs_the_token_and_exports_csv(ops_settings):
    from assistant.serve.ui.stats import StatsTab
    from assistant.services import build_services

    services = build_services(ops_settings)
    questionlog.record(ops_settings, "api", OUT_OF_SCOPE, services.answerer.ask(OUT_OF_SCOPE).to_dict())
    assert questionlog.shared(ops_settings).flush(30)
    tab = StatsTab(services.admin(), ops_settings)
    assert tab.show("sai", 30)[0].startswith("⛔")
    assert "số ngày" in tab.show(TOKEN, 0)[0]
    summary, chart, gaps, disliked, documents, top = tab.show(TOKEN, 30)
    assert "1 câu hỏi" in summary and "100.0%" in summary and chart is not None
    assert gaps == [[OUT_OF_SCOPE, 1]] and disliked == [] and documents == []
    status, path = tab.export(TOKEN, 30, "Chỉ câu chưa trả lời được")
    assert status == "Đã xuất 1 câu hỏi." and OUT_OF_SCOPE in Path(path).read_text(encoding="utf-8-sig")
    assert tab.export(TOKEN, 30, "Chỉ câu đã trả lời")[0] == "Đã xuất 0 câu hỏi."


def test_log_off_writes_nothing_and_retention_forgets_old_entries(tmp_path):
    settings = Settings.from_env({"KC_QUESTION_LOG": "0", "KC_DATA_DIR": str(tmp_path / "off")})
    assert settings.question_log is False and settings.log_retention_days == 180
    questionlog.record(settings, "api", "câu hỏi", {"answer": "…", "refused": False})
    assert questionlog.shared(settings).flush(5) and not (tmp_path / "off").exists()

    log = QuestionLog(tmp_path / "on" / "questions.sqlite3", retention_days=30)
    log.record("api", "câu đầu tiên", {"refused": False})
    assert log.flush(10)
    with sqlite3.connect(log.path) as db:
        db.execute("INSERT INTO questions (created_at, channel, question, refused) VALUES "
                   "('2000-01-01T00:00:00', 'api', 'câu rất cũ', 0)")
    fresh = QuestionLog(log.path, retention_days=30)  # a restarted server prunes on its first write
    fresh.record("api", "câu mới", {"refused": True, "intent": {"type": "amount", "focus": None}})
    assert fresh.flush(10)
    assert [(r[1], r[2]) for r in _rows(log.path)] == [("câu đầu tiên", 0), ("câu mới", 1)]
    with sqlite3.connect(log.path) as db:
        assert db.execute("SELECT intent FROM questions ORDER BY id DESC").fetchone() == ("amount",)
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_locked_database_never_blocks_or_fails_an_answer(ops_settings):
    from assistant.serve.api import create_app

    path = ops_settings.data_dir / "questions.sqlite3"
    waiting = QuestionLog(path, busy_timeout=30)
    waiting.record("api", "trước khi khoá", {"refused": False})
    assert waiting.flush(10)
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        # The writer waits for the lock in its own thread; the caller has already returned.
        waiting.record("api", "trong khi khoá", {"refused": False})
        assert not waiting.flush(0.5)
        # A short busy timeout gives up: the entry is lost and counted, nothing is raised.
        before = _lost("locked")
        giving_up = QuestionLog(path, busy_timeout=0.1)
        giving_up.record("api", "bị mất", {"refused": False})
        assert giving_up.flush(20) and _lost("locked") == before + 1
        # The served app answers while its log cannot write.
        client = TestClient(create_app(ops_settings))
        answer = client.post("/api/ask", json={"question": ANSWERABLE})
        assert answer.status_code == 200 and answer.json()["citations"]
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert waiting.flush(30) and questionlog.shared(ops_settings).flush(30)
    # Both waiting writers got the lock after the release, in either order; nothing but the abandoned entry is lost.
    assert sorted(r[1] for r in _rows(path)) == sorted(["trước khi khoá", "trong khi khoá", ANSWERABLE])


def test_an_unwritable_log_folder_is_counted_not_raised(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be", encoding="utf-8")
    log = QuestionLog(blocked / "questions.sqlite3")
    before = _lost("error")
    log.record("api", "câu hỏi", {"refused": False})
    assert log.flush(10) and _lost("error") == before + 1
