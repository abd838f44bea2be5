"""The workspace after an ingest: what the page shows is read again on every page load, so a document uploaded
while the app runs appears in the Văn bản table and dropdowns without a restart."""

from dataclasses import replace

import gradio as gr
from fastapi.testclient import TestClient

from assistant.index.ingest import Ingestor
from assistant.serve.api import create_app
from assistant.serve.ui import Workspace, build_workspace
from assistant.services import build_services

TOKEN = "thu-nghiem-tai-lai"
UPLOAD = """Nghị định 88/2032/NĐ-CP về hỗ trợ nghề làm muối

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định việc hỗ trợ cơ sở làm muối thủ công.

Điều 2. Mức hỗ trợ
Mức hỗ trợ tối đa 40% chi phí nhưng không quá 25 triệu đồng/cơ sở.
"""


def page_load(blocks: gr.Blocks) -> dict:
    """Run every event the page fires when it loads, as a browser would: {handler: what it returns}."""
    return {function.fn: function.fn() for function in blocks.fns.values()
            if any(trigger == "load" for _, trigger in function.targets)}


def listed(workspace: Workspace, shown: dict) -> tuple[set[str], set[str]]:
    """Document ids in the Văn bản tab's dropdown and in its table, as the last page load left them."""
    choices = {c[0] if isinstance(c, (tuple, list)) else c for c in shown[workspace.documents.choices]["choices"]}
    return choices, {row[0] for row in shown[workspace.documents.table]}


def test_an_upload_appears_in_the_workspace_on_the_next_page_load(small_settings, tmp_path):
    settings = replace(small_settings, data_dir=tmp_path / "data", admin_token=TOKEN, rate_limit=0)
    Ingestor(settings, progress=False).run()
    services = build_services(settings, with_llm=False)
    admin = services.admin()
    workspace = Workspace(services, admin=admin)
    blocks = build_workspace(workspace)
    client = TestClient(create_app(services=services, admin=admin))
    assert workspace.levels.documents in page_load(blocks)  # the Mức hỗ trợ filter reloads too
    choices, rows = listed(workspace, page_load(blocks))
    assert "nd-99-2030" in choices and choices == rows and not any("lam-muoi" in d for d in choices)
    response = client.post("/api/admin/documents", headers={"Authorization": f"Bearer {TOKEN}"},
                           files={"file": ("nghi-dinh-lam-muoi.txt", UPLOAD.encode("utf-8"), "text/plain")})
    assert response.status_code == 200, response.text
    after, rows_after = listed(workspace, page_load(blocks))  # same Blocks, same process: no restart
    assert choices < after and after == rows_after and any("lam-muoi" in d for d in after - choices)
