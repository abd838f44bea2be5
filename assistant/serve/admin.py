"""Administration: upload a document and re-index, behind KC_ADMIN_TOKEN, with limits and one audit line per change."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import re
import tempfile
import threading
import time
import unicodedata
from pathlib import Path

from assistant.config import Settings
from assistant.documents.catalog import EDITABLE_FIELDS, Catalog
from assistant.documents.corpus import slugify, split_header
from assistant.documents.loaders import SUPPORTED_SUFFIXES, LoadError, load_file
from assistant.documents.metadata import extract
from assistant.documents.records import STATUSES
from assistant.index.generations import IndexBusy, IndexDir, read_state
from assistant.index.ingest import Ingestor

_UNSAFE = re.compile(r"[^\w.-]+")
FIELD_LABELS = {"title": "tên văn bản", "doc_type": "loại văn bản", "number": "số hiệu", "issuer": "cơ quan ban hành",
                "issued": "ngày ban hành", "effective": "ngày hiệu lực", "status": "tình trạng",
                "amended_by": "được sửa đổi bởi", "superseded_by": "bị thay thế bởi"}
MAX_FIELD_CHARS = 500


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


def _text_value(name: str, value) -> str | None:
    if not isinstance(value, str):
        raise AdminError(422, f"{FIELD_LABELS[name]}: phải là chuỗi ký tự")
    value = unicodedata.normalize("NFC", value).strip()
    if len(value) > MAX_FIELD_CHARS:
        raise AdminError(422, f"{FIELD_LABELS[name]}: quá dài (tối đa {MAX_FIELD_CHARS} ký tự)")
    if any(unicodedata.category(c) == "Cc" for c in value):
        raise AdminError(422, f"{FIELD_LABELS[name]}: có ký tự điều khiển")
    return value or None


def _date_value(name: str, value: str | None) -> str | None:
    """An ISO calendar date (YYYY-MM-DD) or None."""
    if value is None:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise AdminError(422, f"{FIELD_LABELS[name]}: '{value[:40]}' không phải ngày hợp lệ dạng YYYY-MM-DD "
                          "(ví dụ 2024-03-12)")


def validate_edits(raw: dict) -> dict:
    """An administrator's metadata checked and normalized; '' or None clears a field's edit (the text's value
    returns). Unknown fields, non-ISO dates and statuses outside STATUSES are refused in Vietnamese."""
    unknown = sorted(set(raw) - set(EDITABLE_FIELDS))
    if unknown:
        raise AdminError(422, f"trường không sửa được: {', '.join(u[:40] for u in unknown)} "
                              f"(chỉ nhận {', '.join(EDITABLE_FIELDS)})")
    edits: dict = {}
    for name, value in raw.items():
        if name == "amended_by":
            items = re.split(r"[;\n]", value) if isinstance(value, str) else value
            if items is not None and not isinstance(items, list):
                raise AdminError(422, f"{FIELD_LABELS[name]}: phải là danh sách số hiệu")
            cleaned = [_text_value(name, item) for item in items or []]
            edits[name] = [item for item in cleaned if item] or None
            continue
        value = None if value is None else _text_value(name, value)
        if name in ("issued", "effective"):
            value = _date_value(name, value)
        if name == "status" and value is not None and value not in STATUSES:
            raise AdminError(422, f"tình trạng '{value[:40]}' không hợp lệ (chỉ nhận {', '.join(STATUSES)})")
        edits[name] = value
    return edits


class Admin:
    """Uploads go to KC_DATA_DIR/uploads (part of every later full ingest); every change is one audit-log line."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.uploads = settings.uploads_dir
        self.log_path = settings.data_dir / "audit.log"
        self._lock = threading.Lock()
        self.catalog = Catalog(settings.data_dir)

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

    def _accepted(self, filename: str, data: bytes) -> str:
        """The safe name of an uploaded file of a supported type and size; an AdminError (415/422/413) otherwise."""
        name = safe_filename(filename)
        if not name.lower().endswith(SUPPORTED_SUFFIXES):
            raise AdminError(415, f"loại tệp không được hỗ trợ: chỉ nhận {', '.join(SUPPORTED_SUFFIXES)}")
        if not data:
            raise AdminError(422, "tệp rỗng")
        if len(data) > self.settings.max_upload_bytes:
            raise AdminError(413, f"tệp quá lớn: tối đa {self.settings.max_upload_bytes} byte")
        return name

    def upload(self, filename: str, data: bytes, client: str, metadata: dict | None = None) -> dict:
        """Store one document and index it, with the administrator's metadata (over what its text says); a file
        that cannot be read is removed again and nothing else changes."""
        name = self._accepted(filename, data)
        edits = validate_edits(metadata or {})
        self.uploads.mkdir(parents=True, exist_ok=True)
        target = self.uploads / name
        existed = target.exists()
        previous = target.read_bytes() if existed else None
        doc_id = slugify(target.stem)
        self._refuse_id_clash(doc_id, target)
        catalog_before = self.catalog.update(doc_id, edits, path=str(target)) if edits else None
        tmp = target.with_name(f".{name}.part")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        try:
            # A full sync, not just this file: what the new text replaces or amends changes status too.
            report = Ingestor(self.settings, progress=False).run()
        except IndexBusy as exc:
            self._restore(target, previous)
            self._restore_catalog(catalog_before)
            raise AdminError(409, str(exc)) from exc
        except Exception as exc:
            # Whatever broke, the file must not stay in the uploads folder to break every later re-index.
            self._restore(target, previous)
            self._restore_catalog(catalog_before)
            reason = f"{type(exc).__name__}: {str(exc)[:200]}"
            self.audit("upload-failed", client, file=name, sha256=hashlib.sha256(data).hexdigest(), reason=reason)
            raise AdminError(422, f"không nạp được tệp {name}: {reason}") from exc
        failures = [f for f in report.failures if Path(f.path) == target]
        if failures:
            self._restore(target, previous)
            self._restore_catalog(catalog_before)
            reason = "; ".join(f.reason for f in failures)
            self.audit("upload-refused", client, file=name, sha256=hashlib.sha256(data).hexdigest(), reason=reason)
            raise AdminError(422, f"không đọc được tệp {name}: {reason}")
        result = {"file": name, "doc_id": doc_id, "replaced": existed, "generation": report.generation,
                  "chunks": report.chunks, "added": report.added, "updated": report.updated,
                  "metadata": edits, "ocr_pages": sum(n for f, n in report.ocr if Path(f) == target)}
        self.audit("upload", client, sha256=hashlib.sha256(data).hexdigest(), bytes=len(data), **result)
        return result

    def preview(self, filename: str, data: bytes) -> dict:
        """The metadata read from a file's text, to pre-fill the upload form; nothing is stored."""
        name = self._accepted(filename, data)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / name
            path.write_bytes(data)
            try:
                header, body = split_header(load_file(path))
            except LoadError as exc:
                raise AdminError(422, f"không đọc được tệp {name}: {exc}") from exc
        read = extract(body).to_dict()
        if header:
            read["title"] = header[0]
        return {"file": name, "doc_id": slugify(Path(name).stem), "metadata": read}

    def documents(self) -> list[dict]:
        """Every indexed document's metadata and where each value came from, then the hidden ones."""
        state = self._state()
        listed = [{"doc_id": doc_id, "hidden": False, **_public(meta)} for doc_id, meta in sorted(state.items())]
        hidden = [{"doc_id": doc_id, "hidden": True, "path": entry.get("path")}
                  for doc_id, entry in sorted(self.catalog.load().items()) if entry.get("hidden")]
        return listed + hidden

    def edit(self, doc_id: str, changes: dict, client: str) -> dict:
        """Record an administrator's metadata for an indexed document and re-index so the change is live."""
        meta = self._indexed(doc_id)
        edits = validate_edits(changes)
        if not edits:
            raise AdminError(422, "không có trường nào để sửa")
        fixed = [name for name in edits if (meta.get("provenance") or {}).get(name) == "manifest"]
        if fixed:
            labels = ", ".join(FIELD_LABELS[name] for name in fixed)
            raise AdminError(409, f"{labels} của văn bản '{doc_id}' do manifest của kho quy định; hãy sửa "
                                  "manifest.jsonl")
        before = self.catalog.update(doc_id, edits, path=meta.get("path"))
        report = self._sync(before)
        document = _public(self._state().get(doc_id, {}))
        self.audit("edit", client, doc_id=doc_id, changes=edits, generation=report.generation)
        return {"doc_id": doc_id, "generation": report.generation, "document": document}

    def delete(self, doc_id: str, client: str) -> dict:
        """Take a document out of the index: an upload's file is removed, a corpus document is hidden."""
        meta = self._indexed(doc_id)
        path = Path(meta.get("path") or "")
        uploaded = path.parent.resolve() == self.uploads.resolve() and path.is_file()
        if uploaded:
            data = path.read_bytes()
            before = self.catalog.forget(doc_id)
            path.unlink()
            try:
                report = self._sync(before)
            except AdminError:
                path.write_bytes(data)
                raise
        else:
            report = self._sync(self.catalog.update(doc_id, hidden=True, path=str(path)))
        result = {"doc_id": doc_id, "file": path.name, "upload": uploaded, "generation": report.generation,
                  "chunks": report.chunks, "removed": report.removed}
        self.audit("delete", client, **result)
        return result

    def restore(self, doc_id: str, client: str) -> dict:
        """Bring a hidden corpus document back into the index."""
        entry = self.catalog.load().get(doc_id)
        if not entry or not entry.get("hidden"):
            raise AdminError(404, f"không có văn bản ẩn mã '{doc_id[:120]}'")
        report = self._sync(self.catalog.update(doc_id, hidden=False))
        result = {"doc_id": doc_id, "generation": report.generation, "chunks": report.chunks, "added": report.added}
        self.audit("restore", client, **result)
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

    def _state(self) -> dict[str, dict]:
        index = IndexDir(self.settings.index_dir)
        current = index.current()
        return read_state(index.path(current))["documents"] if current else {}

    def _indexed(self, doc_id: str) -> dict:
        meta = self._state().get(doc_id)
        if meta is None:
            raise AdminError(404, f"Không có văn bản mã '{doc_id[:120]}' trong kho")
        return meta

    def _refuse_id_clash(self, doc_id: str, target: Path) -> None:
        """An upload whose name gives the id of a corpus document would be shadowed by it: refuse it by name."""
        meta = self._state().get(doc_id)
        if meta and Path(meta.get("path") or "").resolve() != target.resolve():
            raise AdminError(409, f"kho đã có văn bản mã '{doc_id}' ({Path(meta['path']).name}); hãy đổi tên tệp")

    def _sync(self, catalog_before: dict | None):
        """A full ingest after a catalog change; the catalog is put back when the index is busy."""
        try:
            return Ingestor(self.settings, progress=False).run()
        except IndexBusy as exc:
            self._restore_catalog(catalog_before)
            raise AdminError(409, str(exc)) from exc

    def _restore_catalog(self, before: dict | None) -> None:
        if before is not None:
            self.catalog.restore(before)

    @staticmethod
    def _restore(target: Path, previous: bytes | None) -> None:
        if previous is None:
            target.unlink(missing_ok=True)
        else:
            target.write_bytes(previous)


def _public(meta: dict) -> dict:
    """A state entry without its chunk ids and header lines."""
    return {k: v for k, v in meta.items() if k not in ("chunks", "header", "hash")}
