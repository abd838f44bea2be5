"""The question log: every answered question in SQLite (WAL) under KC_DATA_DIR, written off the request path,
with the statistics and exports of the Thống kê tab and /api/admin/stats, /api/admin/questions."""

from __future__ import annotations

import atexit
import csv
import hashlib
import io
import queue
import sqlite3
import threading
import time
import unicodedata
from collections import Counter
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import Response

from assistant.config import Settings
from assistant.serve import metrics

CHANNELS = ("widget", "workspace", "api", "cli")
CHANNEL_HEADER = "x-kc-channel"
MAX_QUEUE = 10000
MAX_BATCH = 256
MAX_TEXT = 4000
TOP = 20
PRUNE_EVERY = 3600.0
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S"  # local time, as the feedback store writes it (the two are joined on it)
EXPORT_COLUMNS = ("time", "channel", "question", "standalone_question", "intent", "refused", "doc_ids",
                  "latency_ms", "feedback", "feedback_comment")
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS questions (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL,"
    " channel TEXT NOT NULL, question TEXT NOT NULL, standalone TEXT NOT NULL DEFAULT '', intent TEXT,"
    " refused INTEGER NOT NULL, doc_ids TEXT NOT NULL DEFAULT '', latency_ms REAL, user_hash TEXT)",
    "CREATE INDEX IF NOT EXISTS questions_created ON questions (created_at)",
    "CREATE INDEX IF NOT EXISTS questions_question ON questions (question, created_at)",
    # One random salt per day, deleted the day after: a day's hashes count distinct users, and no one can later
    # link a hash back to an address or follow a user across days.
    "CREATE TABLE IF NOT EXISTS salts (day TEXT PRIMARY KEY, salt BLOB NOT NULL)",
)
# The feedback given to an entry: the latest 👍/👎 on the same question within a day after it, before the same
# question was asked again (the workspace stores feedback with its question, in its own SQLite file).
FEEDBACK_JOIN = """
SELECT q.created_at, q.channel, q.question, q.standalone, q.intent, q.refused, q.doc_ids, q.latency_ms, {rating},
       {comment}
FROM questions q WHERE q.created_at >= ? {refused} ORDER BY q.id"""
LINKED = """(SELECT f.{column} FROM fb.feedback f WHERE f.question = q.question AND f.created_at >= q.created_at
  AND f.created_at <= strftime('%Y-%m-%dT%H:%M:%S', q.created_at, '+1 day')
  AND NOT EXISTS (SELECT 1 FROM questions q2 WHERE q2.question = q.question AND q2.created_at > q.created_at
                  AND q2.created_at <= f.created_at)
  ORDER BY f.id DESC LIMIT 1)"""


def _reason(exc: Exception) -> str:
    """A metric label for why an entry was lost."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "locked"
    if "full" in text or "no space" in text:
        return "disk_full"
    return "error"


def _day_start(days: int) -> str:
    """The first moment of the period of `days` days that ends today (local time)."""
    return (date.today() - timedelta(days=days - 1)).strftime("%Y-%m-%dT00:00:00")


def _normalized(question: str) -> str:
    """Questions counted together when they differ only in case, spacing or Unicode form."""
    return " ".join(unicodedata.normalize("NFC", question).casefold().split()).rstrip(" ?.")


class QuestionLog:
    """Entries go into a bounded queue and one background thread writes them in batches: an answer never waits for
    the disk, and a full disk or a locked file only loses entries (counted in kc_question_log_lost_total)."""

    def __init__(self, path: Path, retention_days: int = 180, enabled: bool = True,
                 feedback_path: Path | None = None, busy_timeout: float = 5.0):
        self.path = Path(path)
        self.retention_days = retention_days
        self.enabled = enabled
        self.feedback_path = Path(feedback_path) if feedback_path else self.path.with_name("feedback.sqlite3")
        self.busy_timeout = busy_timeout
        self._queue: queue.Queue[dict] = queue.Queue(maxsize=MAX_QUEUE)
        self._writer: threading.Thread | None = None
        self._start_lock = threading.Lock()

    # -- writing -------------------------------------------------------------------------------------------------

    def record(self, channel: str, question: str, answer: dict, client: str | None = None) -> None:
        """Queue one answered question; returns at once and never raises."""
        if not self.enabled:
            return
        intent = answer.get("intent")
        doc_ids = dict.fromkeys(c.get("doc_id") for c in answer.get("citations") or [] if c.get("doc_id"))
        entry = {"at": time.time(), "channel": channel if channel in CHANNELS else "api",
                 "question": (question or "")[:MAX_TEXT],
                 "standalone": (answer.get("standalone_question") or "")[:MAX_TEXT],
                 "intent": intent.get("type") if isinstance(intent, dict) else None,
                 "refused": bool(answer.get("refused")), "doc_ids": " ".join(doc_ids),
                 "latency_ms": (answer.get("timings_ms") or {}).get("total"), "client": client}
        self._start()
        try:
            self._queue.put_nowait(entry)
        except queue.Full:
            metrics.QUESTION_LOG_LOST.labels("queue_full").inc()
        metrics.QUESTION_LOG_QUEUE.set(self._queue.qsize())

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every queued entry is written or dropped (False if `timeout` seconds were not enough)."""
        deadline = time.monotonic() + timeout
        with self._queue.all_tasks_done:
            while self._queue.unfinished_tasks:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._queue.all_tasks_done.wait(remaining)
        return True

    def _start(self) -> None:
        if self._writer is not None:
            return
        with self._start_lock:
            if self._writer is None:
                self._writer = threading.Thread(target=self._run, name="question-log", daemon=True)
                self._writer.start()
                atexit.register(self.flush, 3.0)  # a CLI `ask` exits right after answering

    def _connect(self) -> sqlite3.Connection:
        db = metrics.connect(self.path, self.busy_timeout)
        for statement in SCHEMA:
            db.execute(statement)
        return db

    def _run(self) -> None:
        db, pruned = None, 0.0
        while True:
            batch = [self._queue.get()]
            while len(batch) < MAX_BATCH:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            try:
                db = db or self._connect()
                self._write(db, batch)
                metrics.QUESTION_LOG_WRITTEN.inc(len(batch))
                if time.time() - pruned > PRUNE_EVERY:
                    pruned = time.time()
                    self._prune(db)
            except (sqlite3.Error, OSError) as exc:
                metrics.QUESTION_LOG_LOST.labels(_reason(exc)).inc(len(batch))
                if db is not None:
                    db.close()
                db = None
            finally:
                for _ in batch:
                    self._queue.task_done()
                metrics.QUESTION_LOG_QUEUE.set(self._queue.qsize())

    def _write(self, db: sqlite3.Connection, batch: list[dict]) -> None:
        db.execute("BEGIN IMMEDIATE")
        try:
            rows = [(time.strftime(TIME_FORMAT, time.localtime(e["at"])), e["channel"], e["question"], e["standalone"],
                     e["intent"], int(e["refused"]), e["doc_ids"], e["latency_ms"], self._user(db, e))
                    for e in batch]
            db.executemany("INSERT INTO questions (created_at, channel, question, standalone, intent, refused, "
                           "doc_ids, latency_ms, user_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    @staticmethod
    def _user(db: sqlite3.Connection, entry: dict) -> str | None:
        """The client address hashed with today's salt; the address itself is never stored."""
        if not entry["client"]:
            return None
        day = time.strftime("%Y-%m-%d", time.localtime(entry["at"]))
        db.execute("INSERT OR IGNORE INTO salts VALUES (?, randomblob(16))", (day,))
        db.execute("DELETE FROM salts WHERE day < ?", (day,))
        salt = db.execute("SELECT salt FROM salts WHERE day = ?", (day,)).fetchone()[0]
        return hashlib.sha256(salt + entry["client"].encode()).hexdigest()[:16]

    def _prune(self, db: sqlite3.Connection) -> None:
        """Forget entries older than the retention period."""
        cutoff = time.strftime(TIME_FORMAT, time.localtime(time.time() - self.retention_days * 86400))
        db.execute("DELETE FROM questions WHERE created_at < ?", (cutoff,))

    # -- reading -------------------------------------------------------------------------------------------------

    def _reader(self) -> sqlite3.Connection:
        db = self._connect()
        if self.feedback_path.exists():
            db.execute("ATTACH DATABASE ? AS fb", (str(self.feedback_path),))
        return db

    def entries(self, days: int, refused: bool | None = None) -> list[dict]:
        """The entries of the last `days` days (oldest first), each with the feedback given to its answer."""
        with closing(self._reader()) as db:
            linked = self.feedback_path.exists()
            sql = FEEDBACK_JOIN.format(
                rating=LINKED.format(column="rating") if linked else "NULL",
                comment=LINKED.format(column="comment") if linked else "NULL",
                refused="" if refused is None else "AND q.refused = ?")
            params = [_day_start(days)] + ([] if refused is None else [int(refused)])
            rows = db.execute(sql, params).fetchall()
        return [{"time": r[0], "channel": r[1], "question": r[2], "standalone_question": r[3], "intent": r[4],
                 "refused": bool(r[5]), "doc_ids": r[6].split(), "latency_ms": r[7], "feedback": r[8],
                 "feedback_comment": r[9] or ""} for r in rows]

    def distinct_users(self, days: int) -> int:
        """Distinct (hashed) clients per day, summed over the period: the same person on two days counts twice."""
        with closing(self._connect()) as db:
            row = db.execute("SELECT COUNT(DISTINCT substr(created_at, 1, 10) || user_hash) FROM questions "
                             "WHERE created_at >= ? AND user_hash IS NOT NULL", (_day_start(days),)).fetchone()
        return int(row[0])

    def disliked(self, days: int) -> list[dict]:
        """👎 answers of the period, newest first, from the feedback store."""
        if not self.feedback_path.exists():
            return []
        uri = f"file:{self.feedback_path}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True, timeout=self.busy_timeout)) as db:
            rows = db.execute("SELECT question, answer, comment, created_at FROM feedback WHERE rating = -1 "
                              "AND created_at >= ? ORDER BY id DESC LIMIT ?", (_day_start(days), TOP * 5)).fetchall()
        return [{"question": q, "answer": a, "comment": c, "time": t} for q, a, c, t in rows]

    def stats(self, days: int) -> dict:
        """What was asked, what went unanswered, what users disliked and what was cited, over `days` days."""
        entries = self.entries(days)
        per_day = {(date.today() - timedelta(days=n)).isoformat(): [0, 0] for n in range(days - 1, -1, -1)}
        asked, refused, documents = Counter(), Counter(), Counter()
        shown: dict[str, str] = {}
        for e in entries:
            counts = per_day.setdefault(e["time"][:10], [0, 0])
            counts[0] += 1
            counts[1] += e["refused"]
            key = _normalized(e["question"])
            shown.setdefault(key, e["question"])
            asked[key] += 1
            if e["refused"]:
                refused[key] += 1
            documents.update(e["doc_ids"])
        total_refused = sum(1 for e in entries if e["refused"])
        return {
            "per_day": [{"date": d, "questions": q, "refused": r} for d, (q, r) in sorted(per_day.items())],
            "refusal_rate": round(total_refused / len(entries), 4) if entries else 0.0,
            "top_questions": [{"question": shown[k], "count": n} for k, n in asked.most_common(TOP)],
            "top_refused": [{"question": shown[k], "count": n} for k, n in refused.most_common(TOP)],
            "disliked": self.disliked(days)[:TOP],
            "top_documents": [{"doc_id": d, "count": n} for d, n in documents.most_common(TOP)],
        }


def to_csv(entries: list[dict]) -> str:
    """Entries as CSV text with a BOM, so spreadsheet programs read the Vietnamese right."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    for e in entries:
        writer.writerow([" ".join(e[c]) if c == "doc_ids" else e[c] for c in EXPORT_COLUMNS])
    return "\ufeff" + out.getvalue()


_SHARED: dict[tuple, QuestionLog] = {}
_SHARED_LOCK = threading.Lock()


def shared(settings: Settings) -> QuestionLog:
    """The process's one question log for these settings (the API, the workspace and the CLI share it)."""
    key = (settings.data_dir.resolve(), settings.question_log, settings.log_retention_days)
    with _SHARED_LOCK:
        if key not in _SHARED:
            _SHARED[key] = QuestionLog(settings.data_dir / "questions.sqlite3", settings.log_retention_days,
                                       settings.question_log, settings.data_dir / "feedback.sqlite3")
        return _SHARED[key]


def record(settings: Settings, channel: str, question: str, answer: dict, client: str | None = None) -> None:
    """Count the answer in the metrics and queue it in the question log (never blocks, never raises)."""
    metrics.ANSWERS.labels(str(bool(answer.get("refused"))).lower(), channel).inc()
    shared(settings).record(channel, question, answer, client)


def record_request(settings: Settings, request: Request, question: str, answer: dict) -> None:
    """`record` for an HTTP request: the channel from the X-KC-Channel header (the widget sends 'widget')."""
    channel = request.headers.get(CHANNEL_HEADER, "api").strip().lower()
    record(settings, channel if channel in ("widget", "api") else "api", question, answer,
           request.client.host if request.client else None)


def admin_router(settings: Settings, admin) -> APIRouter:
    """GET /api/admin/stats and /api/admin/questions, behind the admin token."""
    router = APIRouter()
    days_query = Query(30, ge=1, le=3660, description="số ngày gần nhất")

    @router.get("/api/admin/stats")
    def stats(days: int = days_query, authorization: Annotated[str | None, Header()] = None):
        """Questions per day, refusal rate, top questions, knowledge gaps, disliked answers, most cited documents."""
        admin.authorize(authorization)
        return shared(settings).stats(days)

    @router.get("/api/admin/questions")
    def questions(days: int = days_query, refused: bool | None = None,
                  format: Literal["json", "csv"] = "json",  # noqa: A002 - the query parameter's public name
                  authorization: Annotated[str | None, Header()] = None):
        """The logged questions of the period (optionally only refused or only answered), as JSON or CSV."""
        admin.authorize(authorization)
        entries = shared(settings).entries(days, refused)
        if format == "csv":
            name = f"cau-hoi-{date.today().isoformat()}-{days}-ngay.csv"
            return Response(to_csv(entries), media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{name}"'})
        return {"days": days, "questions": entries}

    return router
