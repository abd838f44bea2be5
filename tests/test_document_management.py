"""Document management behind the admin token: upload with metadata, preview, edit, delete and restore through the
API and the Quản trị tab; every change audited and visible at once in /api/documents, support levels and answers."""

import json
import os
import sys
import urllib.request
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from assistant.documents.catalog import Catalog
from assistant.serve.web import create_web_app
from tests.conftest import ADMIN_TOKEN, audit_lines
from tests.servers import free_port, process
from tests.test_browser import ARTIFACTS, ROOT, browser  # noqa: F401  (the Chromium fixture)

TOKEN = ADMIN_TOKEN
AUTH = {"Authorization": f"Bearer {TOKEN}"}

OLD = """BỘ CÔNG THƯƠNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 78/2031/TT-BCT
Hà Nội, ngày 1 tháng 3 năm 2031

THÔNG TƯ
VỀ HỖ TRỢ SẢN XUẤT GỐM SỨ MEN RẠN

BỘ TRƯỞNG BỘ CÔNG THƯƠNG

Điều 1. Đối tượng áp dụng
Thông tư này áp dụng đối với làng nghề sản xuất gốm sứ men rạn.

Điều 2. Mức hỗ trợ gốm men rạn
Hỗ trợ tối đa 30% chi phí lò nung gốm men rạn nhưng không quá 60 triệu đồng/cơ sở.

Điều 3. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 4 năm 2031.
"""

NEW = """BỘ CÔNG THƯƠNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 14/2032/TT-BCT
Hà Nội, ngày 9 tháng 2 năm 2032

THÔNG TƯ
VỀ HỖ TRỢ LÀNG NGHỀ GỐM SỨ

BỘ TRƯỞNG BỘ CÔNG THƯƠNG

Điều 1. Đối tượng áp dụng
Thông tư này áp dụng đối với làng nghề gốm sứ men ngọc.

Điều 2. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 1 tháng 4 năm 2032 và thay thế Thông tư số 78/2031/TT-BCT ngày 1 \
tháng 3 năm 2031 của Bộ trưởng Bộ Công Thương.
"""
QUESTION = "Làng nghề sản xuất gốm sứ men rạn được hỗ trợ lò nung tối đa bao nhiêu?"


def _get(app: str, path: str) -> dict:
    with urllib.request.urlopen(f"{app}{path}", timeout=30) as response:
        return json.loads(response.read())


def _document(client, doc_id) -> dict:
    return next(d for d in client.get("/api/documents").json()["documents"] if d["doc_id"] == doc_id)


def _upload(client, name, text, **form):
    return client.post("/api/admin/documents", headers=AUTH, data=form,
                       files={"file": (name, text.encode("utf-8"), "text/plain")})


def test_preview_reads_the_metadata_and_stores_nothing(admin_app):
    client, settings, _ = admin_app
    response = client.post("/api/admin/documents/preview", headers=AUTH, files={"file": ("tt-14.txt", NEW.encode())})
    assert response.status_code == 200, response.text
    body = response.json()
    meta = body["metadata"]
    assert body["doc_id"] == "tt-14"
    assert (meta["doc_type"], meta["number"], meta["issuer"], meta["issued"], meta["effective"]) == (
        "Thông tư", "14/2032/TT-BCT", "Bộ Công Thương", "2032-02-09", "2032-04-01")
    assert meta["relations"] == [{"kind": "replaces", "target": "78/2031/TT-BCT", "target_type": "Thông tư",
                                  "by": None, "by_type": None}]
    assert not settings.uploads_dir.exists() and audit_lines(settings) == []
    assert client.post("/api/admin/documents/preview", files={"file": ("a.txt", b"x")}).status_code == 401
    refused = client.post("/api/admin/documents/preview", headers=AUTH, files={"file": ("a.exe", b"MZ")})
    assert refused.status_code == 415 and "loại tệp" in refused.json()["error"]


def test_upload_with_metadata_and_a_replacing_text_changes_statuses_everywhere(admin_app):
    client, settings, _ = admin_app
    answered = client.post("/api/ask", json={"question": QUESTION})
    assert answered.status_code == 200
    first = _upload(client, "tt-78.txt", OLD, issuer="Bộ Công Thương (bản tải lên)", status="in_force")
    assert first.status_code == 200, first.text
    old = _document(client, "tt-78")
    assert (old["number"], old["status"], old["issuer"], old["effective"]) == (
        "78/2031/TT-BCT", "in_force", "Bộ Công Thương (bản tải lên)", "2031-04-15")
    levels = client.get("/api/support-levels", params={"doc_id": "tt-78"}).json()["rows"]
    assert levels and {row["status"] for row in levels} == {"in_force"}

    # The official clears the status they set: what the corpus says decides again.
    assert client.patch("/api/admin/documents/tt-78", headers=AUTH, json={"status": None}).status_code == 200
    assert _upload(client, "tt-14.txt", NEW).status_code == 200
    old = _document(client, "tt-78")
    assert old["status"] == "superseded" and old["superseded_by"] == "Thông tư 14/2032/TT-BCT"
    assert old["status_label"] == "đã bị thay thế"
    levels = client.get("/api/support-levels", params={"doc_id": "tt-78"}).json()["rows"]
    assert {row["status"] for row in levels} == {"superseded"}
    answer = client.post("/api/ask", json={"question": QUESTION}).json()
    assert any(c["doc_id"] == "tt-78" and c["status"] == "superseded" for c in answer["citations"])
    assert any("Thông tư 78/2031/TT-BCT đã bị thay thế bởi Thông tư 14/2032/TT-BCT" in w for w in answer["warnings"])
    actions = [(line["action"], line.get("file") or line.get("doc_id")) for line in audit_lines(settings)]
    assert actions == [("upload", "tt-78.txt"), ("edit", "tt-78"), ("upload", "tt-14.txt")]
    assert audit_lines(settings)[0]["metadata"] == {"issuer": "Bộ Công Thương (bản tải lên)", "status": "in_force"}


@pytest.mark.parametrize(("form", "message"), [
    ({"issued": "12/03/2024"}, "ngày ban hành: '12/03/2024' không phải ngày hợp lệ dạng YYYY-MM-DD"),
    ({"effective": "2024-02-30"}, "ngày hiệu lực"),
    ({"status": "con-hieu-luc"}, "tình trạng 'con-hieu-luc' không hợp lệ"),
])
def test_upload_with_bad_metadata_is_refused_before_anything_is_stored(admin_app, form, message):
    client, settings, _ = admin_app
    before = client.get("/health").json()
    response = _upload(client, "tt-78.txt", OLD, **form)
    assert response.status_code == 422 and message in response.json()["error"]
    assert client.get("/health").json() == before
    assert not settings.uploads_dir.exists() and not Catalog(settings.data_dir).load()


def test_edit_is_validated_audited_and_live(admin_app):
    client, settings, _ = admin_app
    generation = client.get("/health").json()["generation"]
    cases = [
        ({}, None, 401, "mã quản trị"),
        ({"status": "abc"}, "tt-77-2031", 422, "tình trạng 'abc' không hợp lệ"),
        ({"effective": "2031-13-01"}, "ke-hoach-2030", 422, "ngày hiệu lực: '2031-13-01'"),
        ({"color": "đỏ"}, "ke-hoach-2030", 422, "trường không sửa được: color"),
        ({"title": 5}, "ke-hoach-2030", 422, "title: phải là chuỗi ký tự"),
        ({"status": "expired"}, "khong-co", 404, "Không có văn bản mã 'khong-co'"),
        ({"status": "expired"}, "tt-77-2031", 409, "tình trạng của văn bản 'tt-77-2031' do manifest"),
        ({}, "ke-hoach-2030", 422, "không có trường nào để sửa"),
    ]
    for body, doc_id, status, message in cases:
        headers = AUTH if doc_id else {}
        response = client.patch(f"/api/admin/documents/{doc_id or 'ke-hoach-2030'}", headers=headers, json=body)
        assert response.status_code == status and message in response.json()["error"], (body, response.text)
    not_object = client.patch("/api/admin/documents/ke-hoach-2030", headers=AUTH, json=["status"])
    assert not_object.status_code == 422 and "đối tượng JSON" in not_object.json()["error"]
    assert client.get("/health").json()["generation"] == generation and audit_lines(settings) == []

    changes = {"status": "expired", "effective": "2030-01-01", "number": "12/KH-UBND", "doc_type": "Kế hoạch",
               "amended_by": ["15/KH-UBND", "16/KH-UBND"], "title": "Kế hoạch khuyến công năm 2030 (đã sửa)"}
    response = client.patch("/api/admin/documents/ke-hoach-2030", headers=AUTH, json=changes)
    assert response.status_code == 200, response.text
    plan = _document(client, "ke-hoach-2030")
    assert {k: plan[k] for k in changes} == changes
    assert plan["status_label"] == "hết hiệu lực" and client.get("/health").json()["generation"] != generation
    (line,) = audit_lines(settings)
    assert line["action"] == "edit" and line["doc_id"] == "ke-hoach-2030" and line["changes"] == changes
    answer = client.post("/api/ask", json={"question": "Kế hoạch tổ chức bao nhiêu lớp tập huấn chế biến mật ong?"})
    warnings = answer.json()["warnings"]
    assert any("Kế hoạch 12/KH-UBND đã hết hiệu lực" in w for w in warnings), answer.json()
    listed = {d["doc_id"]: d for d in client.get("/api/admin/documents", headers=AUTH).json()["documents"]}
    assert listed["ke-hoach-2030"]["provenance"]["status"] == "admin"
    assert listed["tt-77-2031"]["provenance"]["status"] == "manifest"


def test_delete_an_upload_and_hide_then_restore_a_corpus_document(admin_app):
    client, settings, _ = admin_app
    assert _upload(client, "tt-78.txt", OLD).status_code == 200
    assert client.delete("/api/admin/documents/tt-78").status_code == 401
    assert client.delete("/api/admin/documents/khong-co", headers=AUTH).status_code == 404
    assert client.delete("/api/admin/documents/..%2Fetc", headers=AUTH).status_code == 404
    generation = client.get("/health").json()["generation"]
    deleted = client.delete("/api/admin/documents/tt-78", headers=AUTH)
    assert deleted.status_code == 200 and deleted.json()["upload"] is True and deleted.json()["removed"] == ["tt-78"]
    assert not (settings.uploads_dir / "tt-78.txt").exists()
    assert client.get("/health").json()["generation"] != generation
    assert client.get("/api/documents/tt-78").status_code == 404
    assert client.get("/api/support-levels", params={"doc_id": "tt-78"}).json()["rows"] == []

    corpus_file = settings.corpus_dirs[0] / "nd-99.txt"
    hidden = client.delete("/api/admin/documents/nd-99-2030", headers=AUTH).json()
    assert hidden["upload"] is False and hidden["removed"] == ["nd-99-2030"] and corpus_file.is_file()
    assert "nd-99-2030" not in {d["doc_id"] for d in client.get("/api/documents").json()["documents"]}
    assert client.post("/api/admin/reindex", headers=AUTH).json()["added"] == []  # stays out at the next ingest
    search = client.get("/api/search", params={"q": "hỗ trợ mua thùng ong"}).json()["results"]
    assert all(r["doc_id"] != "nd-99-2030" for r in search)
    listed = client.get("/api/admin/documents", headers=AUTH).json()["documents"]
    assert {"doc_id": "nd-99-2030", "hidden": True, "path": str(corpus_file)} in listed

    restored = client.post("/api/admin/documents/nd-99-2030/restore", headers=AUTH)
    assert restored.status_code == 200 and restored.json()["added"] == ["nd-99-2030"]
    assert client.get("/api/documents/nd-99-2030").status_code == 200
    assert client.post("/api/admin/documents/nd-99-2030/restore", headers=AUTH).status_code == 404
    actions = [line["action"] for line in audit_lines(settings)]
    assert actions == ["upload", "delete", "delete", "reindex", "restore"]


def test_an_upload_named_like_a_corpus_document_is_refused(admin_app):
    client, settings, _ = admin_app
    response = _upload(client, "ke-hoach-2030.txt", OLD)
    assert response.status_code == 409 and "hãy đổi tên tệp" in response.json()["error"]
    assert not (settings.uploads_dir / "ke-hoach-2030.txt").exists()


def test_admin_routes_are_off_without_a_token(admin_app):
    _, settings, _ = admin_app
    client = TestClient(create_web_app(replace(settings, admin_token=None)))
    for method, path in [("get", "/api/admin/documents"), ("delete", "/api/admin/documents/tt-77-2031"),
                         ("patch", "/api/admin/documents/tt-77-2031")]:
        response = getattr(client, method)(path, headers=AUTH)
        assert response.status_code == 403 and "KC_ADMIN_TOKEN" in response.json()["error"]


def test_the_quan_tri_tab_previews_uploads_edits_and_deletes(admin_app):
    client, settings, app = admin_app
    tab = app.state.workspace.admin
    path = settings.data_dir / "tt-14.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(NEW, encoding="utf-8")
    *fields, message = tab.preview(TOKEN, str(path))
    assert fields[2] == "14/2032/TT-BCT" and fields[5] == "2032-04-01" and "thay thế Thông tư 78/2031" in message
    assert tab.preview("sai", str(path))[-1] == "⛔ mã quản trị không đúng"
    fields[3] = "Bộ Công Thương (cán bộ nhập)"
    assert tab.upload(TOKEN, str(path), *fields).startswith("✅ Đã nạp tt-14.txt")
    assert _document(client, "tt-14")["issuer"] == "Bộ Công Thương (cán bộ nhập)"

    choices = tab.choices()["choices"]
    assert ("14/2032/TT-BCT — Thông tư về hỗ trợ làng nghề gốm sứ", "tt-14") in choices
    *form, origins = tab.load("tt-14")
    assert "cơ quan ban hành: cán bộ đã sửa" in origins and "số hiệu: đọc từ văn bản" in origins
    form[6] = "expired"
    assert tab.save(TOKEN, "tt-14", *form) == f"✅ Đã lưu tình trạng của tt-14: chỉ mục {_generation(client)}."
    assert _document(client, "tt-14")["status"] == "expired"
    assert tab.save(TOKEN, "tt-14", *tab.load("tt-14")[:-1]) == "Không có thay đổi nào để lưu."
    assert tab.delete(TOKEN, "tt-14", False).startswith("Đánh dấu")
    assert "tt-14" in {d["doc_id"] for d in client.get("/api/documents").json()["documents"]}
    assert tab.delete(TOKEN, "tt-14", True).startswith("✅ Đã xóa tt-14")
    assert "tt-14" not in {d["doc_id"] for d in client.get("/api/documents").json()["documents"]}
    assert [line["action"] for line in audit_lines(settings)] == ["upload", "edit", "delete"]


def _generation(client) -> str:
    return client.get("/health").json()["generation"]


def test_an_official_uploads_edits_and_deletes_in_the_browser(browser, admin_app, tmp_path):  # noqa: F811
    """The Quản trị tab in Debian's Chromium against app.py on loopback: pre-filled form, upload, edit, delete."""
    from playwright.sync_api import expect

    _, settings, _ = admin_app
    port = free_port()
    app = f"http://127.0.0.1:{port}"
    env = os.environ | {"KC_CORPUS_DIRS": ":".join(map(str, settings.corpus_dirs)), "KC_INDEX_DIR":
                        str(settings.index_dir), "KC_DATA_DIR": str(settings.data_dir), "KC_ADMIN_TOKEN": TOKEN,
                        "KC_RATE_LIMIT": "1000"}
    upload = tmp_path / "tt-14.txt"
    upload.write_text(NEW, encoding="utf-8")
    with process([sys.executable, str(ROOT / "app.py"), "--port", str(port)], f"{app}/health", env, 180):
        context = browser.new_context(viewport={"width": 1280, "height": 1000})
        page = context.new_page()
        page.set_default_timeout(60000)
        page.goto(f"{app}/")
        page.get_by_role("tab", name="Quản trị").click()
        page.locator("#kc-admin-token input").fill(TOKEN)
        page.locator("#kc-admin-file input[type=file]").set_input_files(str(upload))
        page.get_by_text("tt-14.txt").first.wait_for()
        page.get_by_role("button", name="Đọc thông tin từ văn bản").click()
        expect(page.locator("#kc-up-number textarea")).to_have_value("14/2032/TT-BCT")
        expect(page.locator("#kc-up-effective textarea")).to_have_value("2032-04-01")
        page.locator("#kc-up-issuer textarea").fill("Bộ Công Thương (nhập trên trình duyệt)")
        page.get_by_role("button", name="Tải lên và nạp").click()
        page.get_by_text("✅ Đã nạp tt-14.txt").wait_for()
        assert _get(app, "/api/documents/tt-14")["issuer"] == "Bộ Công Thương (nhập trên trình duyệt)"

        page.get_by_text("Sửa hoặc xóa văn bản").click()
        page.locator("#kc-ed-doc input").click()
        page.get_by_role("option", name="14/2032/TT-BCT — Thông tư về hỗ trợ làng nghề gốm sứ").click()
        expect(page.locator("#kc-ed-number textarea")).to_have_value("14/2032/TT-BCT")
        page.locator("#kc-ed-status input").click()
        page.get_by_role("option", name="hết hiệu lực").click()
        page.get_by_role("button", name="Lưu thay đổi").click()
        page.get_by_text("✅ Đã lưu tình trạng của tt-14").wait_for()
        assert _get(app, "/api/documents/tt-14")["status"] == "expired"
        page.get_by_role("button", name="Xóa văn bản", exact=True).click()
        page.get_by_text("Đánh dấu «Tôi xác nhận xóa văn bản này»").wait_for()
        page.locator("#kc-ed-confirm input").check()
        page.get_by_role("button", name="Xóa văn bản", exact=True).click()
        page.get_by_text("✅ Đã xóa tt-14").wait_for()
        assert "tt-14" not in {d["doc_id"] for d in _get(app, "/api/documents")["documents"]}
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "quan-tri.png"), full_page=True)
        context.close()
    assert [line["action"] for line in audit_lines(settings)] == ["upload", "edit", "delete"]
    assert {line["client"] for line in audit_lines(settings)} == {"127.0.0.1"}  # Gradio passed the request
