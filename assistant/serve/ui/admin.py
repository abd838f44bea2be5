"""The Quản trị tab: upload with a metadata form pre-filled from the text, edit or delete any document, re-index;
behind the admin token, audited like the API."""

from __future__ import annotations

from pathlib import Path

import gradio as gr

from assistant.answer.currency import STATUS_LABELS
from assistant.config import Settings
from assistant.documents.catalog import EDITABLE_FIELDS
from assistant.documents.loaders import SUPPORTED_SUFFIXES
from assistant.search.retrieval import Searcher
from assistant.serve.admin import FIELD_LABELS, Admin, AdminError
from assistant.serve.ui.common import client_of

STATUS_CHOICES = [("— chưa xác định —", "")] + [(label, code) for code, label in STATUS_LABELS.items()]
PROVENANCE_LABELS = {"manifest": "manifest (không sửa ở đây)", "admin": "cán bộ đã sửa", "text": "đọc từ văn bản",
                     "relations": "suy ra từ văn bản khác"}


def form_values(meta: dict) -> list[str]:
    """The metadata form's values, in EDITABLE_FIELDS order (amended_by one per line)."""
    values = []
    for name in EDITABLE_FIELDS:
        value = meta.get(name)
        values.append("\n".join(value) if isinstance(value, list) else (value or ""))
    return values


def form_metadata(values: tuple) -> dict:
    """The form back into fields; empty ones are left out (the text's value stands)."""
    return {name: value for name, value in zip(EDITABLE_FIELDS, values, strict=True) if value and value.strip()}


class AdminTab:
    """Handlers of the Quản trị tab (same checks and audit line as /api/admin/…)."""

    def __init__(self, admin: Admin, searcher: Searcher, settings: Settings):
        self.admin = admin
        self.searcher = searcher
        self.settings = settings

    def _file(self, path: str) -> tuple[str, bytes]:
        file = Path(path)
        if file.stat().st_size > self.settings.max_upload_bytes:
            raise AdminError(413, f"tệp quá lớn: tối đa {self.settings.max_upload_bytes} byte")
        return file.name, file.read_bytes()

    def preview(self, token: str, path: str | None) -> list[str]:
        """The metadata read from the chosen file, to pre-fill the form; the last value is the message."""
        if not path:
            return [*([""] * len(EDITABLE_FIELDS)), "Chọn một tệp để đọc thông tin."]
        try:
            self.admin.authorize(f"Bearer {token or ''}")
            result = self.admin.preview(*self._file(path))
        except AdminError as exc:
            return [*([""] * len(EDITABLE_FIELDS)), f"⛔ {exc.message}"]
        meta = result["metadata"]
        found = [FIELD_LABELS[name] for name in EDITABLE_FIELDS if meta.get(name)]
        relations = "".join(f"\n- {_relation_text(r)}" for r in meta.get("relations", []))
        message = (f"Đã đọc từ văn bản: {', '.join(found) or 'không có thông tin nào'}. Kiểm tra, sửa nếu cần, rồi "
                   f"bấm «Tải lên và nạp».") + (f"\nVăn bản nêu:{relations}" if relations else "")
        return [*form_values(meta), message]

    def upload(self, token: str, path: str | None, title: str = "", doc_type: str = "", number: str = "",
               issuer: str = "", issued: str = "", effective: str = "", status: str = "", amended_by: str = "",
               superseded_by: str = "", request: gr.Request | None = None) -> str:
        """Upload and index one document with the form's metadata (empty form: what the text says). The form's
        fields are named parameters so that Gradio passes the request (it stops looking at *args)."""
        fields = (title, doc_type, number, issuer, issued, effective, status, amended_by, superseded_by)
        if not path:
            return "Chọn một tệp để tải lên."
        try:
            self.admin.authorize(f"Bearer {token or ''}")
            name, data = self._file(path)
            metadata = self._typed_by_official(name, data, fields)
            result = self.admin.upload(name, data, client_of(request), metadata)
            self.searcher.generation()
        except AdminError as exc:
            return f"⛔ {exc.message}"
        return f"✅ Đã nạp {result['file']}: chỉ mục {result['generation']}, {result['chunks']} đoạn."

    def _typed_by_official(self, name: str, data: bytes, fields: tuple) -> dict:
        """The form's values that differ from what the text says: only those are the official's edits (a value
        merely confirmed from the pre-filled form keeps following the text)."""
        if not any(fields):
            return {}
        try:
            read = dict(zip(EDITABLE_FIELDS, form_values(self.admin.preview(name, data)["metadata"]), strict=True))
        except AdminError:
            read = {}  # the upload itself reports why the file cannot be read
        return {k: v for k, v in form_metadata(fields).items() if v.strip() != read.get(k, "").strip()}

    def reindex(self, token: str, request: gr.Request | None = None) -> str:
        """Full re-index."""
        try:
            self.admin.authorize(f"Bearer {token or ''}")
            result = self.admin.reindex(client_of(request))
            self.searcher.generation()
        except AdminError as exc:
            return f"⛔ {exc.message}"
        failures = "".join(f"\n- LỖI {f}" for f in result["failures"])
        return f"✅ Chỉ mục {result['generation']}: {result['chunks']} đoạn." + failures

    def choices(self, current: str | None = None):
        """The document picker, refreshed from the published generation; the chosen one stays while it exists."""
        documents = self.searcher.generation().documents
        return gr.update(choices=[(f"{meta.get('number') or doc_id} — {(meta.get('title') or '')[:80]}", doc_id)
                                  for doc_id, meta in sorted(documents.items())],
                         value=current if current in documents else None)

    def load(self, doc_id: str | None) -> list[str]:
        """The chosen document's metadata into the edit form; the last value says where each value came from."""
        meta = self.searcher.generation().documents.get(doc_id or "")
        if meta is None:
            return [*([""] * len(EDITABLE_FIELDS)), "Chọn một văn bản."]
        provenance = meta.get("provenance") or {}
        origins = "; ".join(f"{FIELD_LABELS[n]}: {PROVENANCE_LABELS.get(provenance[n], provenance[n])}"
                            for n in EDITABLE_FIELDS if n in provenance)
        return [*form_values(meta), f"Nguồn thông tin — {origins or 'chưa có'}."]

    def save(self, token: str, doc_id: str | None, title: str = "", doc_type: str = "", number: str = "",
             issuer: str = "", issued: str = "", effective: str = "", status: str = "", amended_by: str = "",
             superseded_by: str = "", request: gr.Request | None = None) -> str:
        """Store the fields the official changed (a field emptied drops an earlier edit) and re-index."""
        fields = (title, doc_type, number, issuer, issued, effective, status, amended_by, superseded_by)
        if not doc_id:
            return "Chọn một văn bản để sửa."
        try:
            self.admin.authorize(f"Bearer {token or ''}")
            current = dict(zip(EDITABLE_FIELDS, form_values(self.searcher.generation().document(doc_id)),
                               strict=True))
            changes = {name: value.strip() or None for name, value in zip(EDITABLE_FIELDS, fields, strict=True)
                       if (value or "").strip() != current[name].strip()}
            if not changes:
                return "Không có thay đổi nào để lưu."
            result = self.admin.edit(doc_id, changes, client_of(request))
            self.searcher.generation()
        except AdminError as exc:
            return f"⛔ {exc.message}"
        changed = ", ".join(FIELD_LABELS[name] for name in changes)
        return f"✅ Đã lưu {changed} của {doc_id}: chỉ mục {result['generation']}."

    def delete(self, token: str, doc_id: str | None, confirmed: bool, request: gr.Request | None = None) -> str:
        """Take the chosen document out of the index, once the official has ticked the confirmation."""
        if not doc_id:
            return "Chọn một văn bản để xóa."
        if not confirmed:
            return "Đánh dấu «Tôi xác nhận xóa văn bản này» trước khi xóa."
        try:
            self.admin.authorize(f"Bearer {token or ''}")
            result = self.admin.delete(doc_id, client_of(request))
            self.searcher.generation()
        except AdminError as exc:
            return f"⛔ {exc.message}"
        how = "đã xóa tệp tải lên" if result["upload"] else "văn bản trong kho được ẩn (khôi phục được qua API)"
        return f"✅ Đã xóa {doc_id} khỏi chỉ mục {result['generation']} ({how})."

    def build(self) -> None:
        """The tab's layout and events."""
        kinds = ", ".join(s.lstrip(".") for s in SUPPORTED_SUFFIXES)
        gr.Markdown(f"Tải văn bản mới lên ({kinds}), sửa thông tin hoặc xóa văn bản, nạp lại toàn bộ chỉ mục. Cần "
                    "mã quản trị (`KC_ADMIN_TOKEN`); mỗi thay đổi được ghi một dòng vào nhật ký kiểm toán. Thông tin "
                    "trong manifest của kho được ưu tiên, sau đó đến thông tin cán bộ nhập, cuối cùng là thông tin "
                    "đọc từ văn bản.")
        token = gr.Textbox(label="Mã quản trị", type="password", elem_id="kc-admin-token")
        with gr.Accordion("Tải văn bản lên", open=True):
            upload_file = gr.File(label="Văn bản", file_types=list(SUPPORTED_SUFFIXES), type="filepath",
                                  elem_id="kc-admin-file")
            read = gr.Button("Đọc thông tin từ văn bản")
            upload_form = _metadata_form("kc-up")
            with gr.Row():
                upload = gr.Button("Tải lên và nạp", variant="primary")
                reindex = gr.Button("Nạp lại toàn bộ")
            status = gr.Markdown(elem_id="kc-admin-status")
        with gr.Accordion("Sửa hoặc xóa văn bản", open=False) as manage:
            with gr.Row():
                doc = gr.Dropdown(label="Văn bản", choices=[], elem_id="kc-ed-doc")
                refresh = gr.Button("Tải lại danh sách", size="sm")
            edit_form = _metadata_form("kc-ed")
            save = gr.Button("Lưu thay đổi", variant="primary")
            with gr.Row():
                confirm = gr.Checkbox(label="Tôi xác nhận xóa văn bản này", value=False, elem_id="kc-ed-confirm")
                delete = gr.Button("Xóa văn bản", variant="stop")
            edit_status = gr.Markdown(elem_id="kc-ed-status-text")
        read.click(self.preview, [token, upload_file], [*upload_form, status])
        upload.click(self.upload, [token, upload_file, *upload_form], status)
        reindex.click(self.reindex, token, status)
        refresh.click(self.choices, doc, doc)
        manage.expand(self.choices, doc, doc)
        doc.change(self.load, doc, [*edit_form, edit_status])
        save.click(self.save, [token, doc, *edit_form], edit_status)
        delete.click(self.delete, [token, doc, confirm], edit_status).then(self.choices, doc, doc)


def _metadata_form(prefix: str) -> list:
    """The metadata fields, in EDITABLE_FIELDS order; element ids '<prefix>-<field>'."""
    labels = {"title": "Tên văn bản (trích yếu)", "doc_type": "Loại văn bản", "number": "Số hiệu",
              "issuer": "Cơ quan ban hành", "issued": "Ngày ban hành (YYYY-MM-DD)",
              "effective": "Ngày hiệu lực (YYYY-MM-DD)", "amended_by": "Được sửa đổi bởi (mỗi văn bản một dòng)",
              "superseded_by": "Bị thay thế bởi"}
    fields = {}
    for row in (("title", "doc_type", "number"), ("issuer", "issued", "effective"),
                ("status", "amended_by", "superseded_by")):
        with gr.Row():
            for name in row:
                elem_id = f"{prefix}-{name.replace('_', '-')}"
                if name == "status":
                    fields[name] = gr.Dropdown(label="Tình trạng", choices=STATUS_CHOICES, value="", elem_id=elem_id)
                else:
                    fields[name] = gr.Textbox(label=labels[name], elem_id=elem_id, scale=3 if name == "title" else 1,
                                              lines=2 if name == "amended_by" else 1)
    return [fields[name] for name in EDITABLE_FIELDS]


def _relation_text(relation: dict) -> str:
    verbs = {"replaces": "thay thế", "amends": "sửa đổi, bổ sung", "repeals": "bãi bỏ", "expires": "chấm dứt hiệu lực"}
    by = f"{relation.get('by_type') or ''} {relation['by']}".strip() if relation.get("by") else "văn bản này"
    target = f"{relation.get('target_type') or ''} {relation['target']}".strip()
    return f"{by} {verbs.get(relation['kind'], relation['kind'])} {target}"
