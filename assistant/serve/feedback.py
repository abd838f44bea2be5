"""Answer feedback (👍/👎 and an optional comment) kept in SQLite under KC_DATA_DIR, exportable as CSV."""

from __future__ import annotations

import csv
import sqlite3
import threading
import time
from pathlib import Path

MAX_TEXT = 20000
MAX_COMMENT = 2000
COLUMNS = ("id", "created_at", "rating", "question", "answer", "comment", "chunk_ids")


class FeedbackStore:
    """One SQLite file; every write is its own transaction, so a crash never loses what was already stored."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")  # several app processes share the file; readers never wait
            db.execute(
                "CREATE TABLE IF NOT EXISTS feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL,"
                " rating INTEGER NOT NULL CHECK (rating IN (-1, 1)), question TEXT NOT NULL, answer TEXT NOT NULL,"
                " comment TEXT NOT NULL DEFAULT '', chunk_ids TEXT NOT NULL DEFAULT '')"
            )

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def add(self, rating: int, question: str, answer: str, comment: str = "",
            chunk_ids: list[str] | None = None) -> int:
        """Store one rating (+1 or -1); returns its id."""
        if rating not in (-1, 1):
            raise ValueError("đánh giá phải là 1 (👍) hoặc -1 (👎)")
        row = (time.strftime("%Y-%m-%dT%H:%M:%S"), rating, question[:MAX_TEXT], answer[:MAX_TEXT],
               (comment or "")[:MAX_COMMENT], " ".join(chunk_ids or []))
        with self._lock, self._connect() as db:
            cursor = db.execute("INSERT INTO feedback (created_at, rating, question, answer, comment, chunk_ids) "
                                "VALUES (?, ?, ?, ?, ?, ?)", row)
            return int(cursor.lastrowid)

    def comment(self, feedback_id: int, comment: str) -> None:
        """Attach (or replace) the comment of a stored rating."""
        with self._lock, self._connect() as db:
            db.execute("UPDATE feedback SET comment = ? WHERE id = ?", ((comment or "")[:MAX_COMMENT], feedback_id))

    def rows(self) -> list[tuple]:
        """Every stored rating, oldest first."""
        with self._connect() as db:
            return db.execute(f"SELECT {', '.join(COLUMNS)} FROM feedback ORDER BY id").fetchall()

    def export_csv(self, path: Path) -> Path:
        """Write every rating to a UTF-8 CSV (with BOM, so spreadsheet programs read the Vietnamese right)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            writer.writerows(self.rows())
        return path
