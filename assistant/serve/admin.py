"""Administration: upload a document and re-index, behind KC_ADMIN_TOKEN, with limits and one audit line per change."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import threading
import time
import unicodedata
from pathlib import Path

from assistant.config import Settings
from assistant.documents.loaders import SUPPORTED_SUFFIXES
from assistant.index.generations import IndexBusy
from assistant.index.ingest import Ingestor

_UNSAFE = re.compile(r"[^\w.-]+")


class AdminError(Exception):
    """A refused administrative request: an HTTP status and a Vietnamese message."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def safe_filename(name: str) -> str:
    """The last path component, NFC, with anything but letters, digits, '.', '_' and '-' replaced by '-'."""
    base = unicodedata.normalize("NFC", re.split(r"[\\/]", name or "")[-1]).strip()
    cleaned = _UNSAFE.sub("-", base).strip(".-")
    if not cleaned or len(cleaned) > 150:
        raise AdminError(422, "tên tệp không hợp lệ")
    return cleaned


class Admin:
    """Uploads go to KC_DATA_DIR/uploads (part of every later full ingest); every change is one audit-log line."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.uploads = settings.uploads_dir
        self.log_path = settings.data_dir / "audit.log"
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return bool(self.settings.admin_token)

    def authorize(self, header: str | None) -> None:
        """Refuse unless the request carries 'Authorization: Bearer <KC_ADMIN_TOKEN>'."""
        if not self.enabled:
            raise AdminError(403, "chức năng quản trị đang tắt (chưa đặt KC_ADMIN_TOKEN)")
        scheme, _, token = (header or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(),
                                                                self.settings.admin_token.encode()):
            raise AdminError(401, "mã quản trị không đúng")

    def upload(self, filename: str, data: bytes, client: str) -> dict:
        """Store one document and index it; a file that cannot be read is removed again and nothing else changes."""
        name = safe_filename(filename)
        if not name.lower().endswith(SUPPORTED_SUFFIXES):
            raise AdminError(415, f"loại tệp không được hỗ trợ: chỉ nhận {', '.join(SUPPORTED_SUFFIXES)}")
        if not data:
            raise AdminError(422, "tệp rỗng")
        if len(data) > self.settings.max_upload_bytes:
            raise AdminError(413, f"tệp quá lớn: tối đa {self.settings.max_upload_bytes} byte")
        self.uploads.mkdir(parents=True, exist_ok=True)
        target = self.uploads / name
        existed = target.exists()
        previous = target.read_bytes() if existed else None
        tmp = target.with_name(f".{name}.part")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        try:
            report = Ingestor(self.settings, progress=False).run([target])
        except IndexBusy as exc:
            self._restore(target, previous)
            raise AdminError(409, str(exc)) from exc
        except Exception as exc:
            # Whatever broke, the file must not stay in the uploads folder to break every later re-index.
            self._restore(target, previous)
            reason = f"{type(exc).__name__}: {str(exc)[:200]}"
            self.audit("upload-failed", client, file=name, sha256=hashlib.sha256(data).hexdigest(), reason=reason)
            raise AdminError(422, f"không nạp được tệp {name}: {reason}") from exc
        if report.failures:
            self._restore(target, previous)
            reason = "; ".join(f.reason for f in report.failures)
            self.audit("upload-refused", client, file=name, sha256=hashlib.sha256(data).hexdigest(), reason=reason)
            raise AdminError(422, f"không đọc được tệp {name}: {reason}")
        result = {"file": name, "replaced": existed, "generation": report.generation, "chunks": report.chunks,
                  "added": report.added, "updated": report.updated, "ocr_pages": sum(n for _, n in report.ocr)}
        self.audit("upload", client, sha256=hashlib.sha256(data).hexdigest(), bytes=len(data), **result)
        return result

    def reindex(self, client: str) -> dict:
        """A full ingest of every corpus folder and the uploads."""
        try:
            report = Ingestor(self.settings, progress=False).run()
        except IndexBusy as exc:
            raise AdminError(409, str(exc)) from exc
        result = {"generation": report.generation, "changed": report.changed, "chunks": report.chunks,
                  "added": report.added, "updated": report.updated, "removed": report.removed,
                  "failures": [f"{f.path}: {f.reason}" for f in report.failures]}
        self.audit("reindex", client, **result)
        return result

    def audit(self, action: str, client: str, **fields) -> None:
        """Append one JSON line: when, what, from where, with what result."""
        line = {"time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "action": action, "client": client, **fields}
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock, self.log_path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")

    @staticmethod
    def _restore(target: Path, previous: bytes | None) -> None:
        if previous is None:
            target.unlink(missing_ok=True)
        else:
            target.write_bytes(previous)
