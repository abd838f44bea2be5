"""The Quản trị tab: upload a document or re-index, behind the admin token, audited like the API."""

from __future__ import annotations

from pathlib import Path

import gradio as gr

from assistant.config import Settings
from assistant.documents.loaders import SUPPORTED_SUFFIXES
from assistant.search.retrieval import Searcher
from assistant.serve.admin import Admin, AdminError
from assistant.serve.ui.common import client_of


class AdminTab:
    """Handlers of the Quản trị tab (same checks and audit line as /api/admin/…)."""

    def __init__(self, admin: Admin, searcher: Searcher, settings: Settings):
        self.admin = admin
        self.searcher = searcher
        self.settings = settings

    def upload(self, token: str, path: str | None, request: gr.Request | None = None) -> str:
        """Upload and index one document."""
        if not path:
            return "Chọn một tệp để tải lên."
        try:
            self.admin.authorize(f"Bearer {token or ''}")
            file = Path(path)
            if file.stat().st_size > self.settings.max_upload_bytes:
                raise AdminError(413, f"tệp quá lớn: tối đa {self.settings.max_upload_bytes} byte")
            result = self.admin.upload(file.name, file.read_bytes(), client_of(request))
            self.searcher.generation()
        except AdminError as exc:
            return f"⛔ {exc.message}"
        return f"✅ Đã nạp {result['file']}: chỉ mục {result['generation']}, {result['chunks']} đoạn."

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

    def build(self) -> None:
        """The tab's layout and events."""
        kinds = ", ".join(s.lstrip(".") for s in SUPPORTED_SUFFIXES)
        gr.Markdown(f"Tải văn bản mới lên ({kinds}) hoặc nạp lại toàn bộ chỉ mục. Cần mã quản trị "
                    "(`KC_ADMIN_TOKEN`); mỗi thay đổi được ghi một dòng vào nhật ký kiểm toán.")
        token = gr.Textbox(label="Mã quản trị", type="password")
        upload_file = gr.File(label="Văn bản", file_types=list(SUPPORTED_SUFFIXES), type="filepath")
        with gr.Row():
            upload = gr.Button("Tải lên và nạp", variant="primary")
            reindex = gr.Button("Nạp lại toàn bộ")
        status = gr.Markdown()
        upload.click(self.upload, [token, upload_file], status)
        reindex.click(self.reindex, token, status)
