"""The served app without a browser: widget and demo routes, CORS allow-list, rate limit, body size limit,
feedback storage and the workspace's handlers (escaping included)."""

import csv
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient

from assistant.serve.feedback import FeedbackStore
from assistant.serve.limits import RateLimiter
from assistant.serve.web import STATIC, create_web_app

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def web(default_settings, tmp_path_factory):
    settings = replace(default_settings, data_dir=tmp_path_factory.mktemp("data"),
                       allowed_origins=["http://127.0.0.1:9999"], rate_limit=0, max_body_bytes=4096)
    app = create_web_app(settings)
    return SimpleNamespace(client=TestClient(app), workspace=app.state.workspace, settings=settings)


def test_widget_and_demo_are_served(web):
    widget = web.client.get("/widget.js")
    assert widget.status_code == 200 and widget.headers["content-type"].startswith("application/javascript")
    code = widget.text
    assert "attachShadow({ mode: \"open\" })" in code
    assert "innerHTML" not in code and "insertAdjacentHTML" not in code  # server text is only ever textContent
    for hook in ("launcher", "input", "send", "message", "source"):
        assert f'"data-kc": "{hook}"' in code, hook
    demo = web.client.get("/demo")
    assert demo.status_code == 200 and demo.text.count("<script") == 1
    assert '<script src="/widget.js"' in demo.text
    assert web.client.get("/").status_code == 200  # the Gradio workspace


def test_cors_allows_only_the_listed_origins(web):
    allowed = {"Origin": "http://127.0.0.1:9999", "Access-Control-Request-Method": "POST",
               "Access-Control-Request-Headers": "content-type"}
    preflight = web.client.options("/api/ask/stream", headers=allowed)
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "http://127.0.0.1:9999"
    refused = web.client.options("/api/ask/stream", headers=allowed | {"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in refused.headers
    plain = web.client.get("/health", headers={"Origin": "http://evil.example"})
    assert plain.status_code == 200 and "access-control-allow-origin" not in plain.headers


def test_any_origin_with_a_star(default_settings, tmp_path):
    app = create_web_app(replace(default_settings, data_dir=tmp_path, allowed_origins=["*"]))
    response = TestClient(app).get("/health", headers={"Origin": "http://anything.example"})
    assert response.headers["access-control-allow-origin"] == "*"


def test_rate_limit_answers_429_with_retry_after(default_settings, tmp_path):
    settings = replace(default_settings, data_dir=tmp_path, rate_limit=3, allowed_origins=["http://a.example"])
    client = TestClient(create_web_app(settings))
    codes = [client.get("/api/search", params={"q": "khuyến công"}, headers={"Origin": "http://a.example"})
             for _ in range(4)]
    assert [r.status_code for r in codes] == [200, 200, 200, 429]
    blocked = codes[-1]
    assert int(blocked.headers["retry-after"]) >= 1
    assert blocked.json()["error"].startswith("Quá nhiều yêu cầu")
    assert blocked.headers["access-control-allow-origin"] == "http://a.example"  # the widget can read it
    assert client.get("/health").status_code == 200  # only /api/ is limited


def test_rate_limiter_window_slides():
    limiter = RateLimiter(limit=2, window=10)
    assert [limiter.retry_after("a", now=t) for t in (0, 1, 2)] == [0, 0, 8]
    assert limiter.retry_after("b", now=2) == 0  # per client
    assert limiter.retry_after("a", now=10.5) == 0  # the first hit left the window


def test_oversized_bodies_are_413_declared_or_chunked(web):
    big = {"question": "x" * 10, "history": [{"role": "user", "content": "y" * 5000}]}
    response = web.client.post("/api/ask", json=big)
    assert response.status_code == 413 and "tối đa 4096 byte" in response.json()["error"]
    chunked = web.client.post("/api/ask", content=(b"a" * 1024 for _ in range(8)),
                              headers={"Content-Type": "application/json"})
    assert chunked.status_code == 413
    small = web.client.post("/api/ask", content=(part for part in [b'{"question": ', b'"L\\u00e0ng ngh\\u1ec1?"}']),
                            headers={"Content-Type": "application/json"})
    assert small.status_code == 200 and small.json()["answer"]


def test_feedback_is_stored_and_exported(tmp_path):
    store = FeedbackStore(tmp_path / "f.sqlite3")
    first = store.add(1, "Hộ kinh doanh?", "Có [1]", chunk_ids=["nd-45-2012#d1"])
    second = store.add(-1, "Câu khác", "Sai")
    store.comment(second, "Thiếu mức hỗ trợ")
    with pytest.raises(ValueError):
        store.add(5, "q", "a")
    rows = list(csv.reader(store.export_csv(tmp_path / "out.csv").open(encoding="utf-8-sig")))
    assert rows[0] == ["id", "created_at", "rating", "question", "answer", "comment", "chunk_ids"]
    assert [(r[0], r[2], r[3], r[5], r[6]) for r in rows[1:]] == [
        (str(first), "1", "Hộ kinh doanh?", "", "nd-45-2012#d1"),
        (str(second), "-1", "Câu khác", "Thiếu mức hỗ trợ", "")]
    assert FeedbackStore(tmp_path / "f.sqlite3").rows()[0][3] == "Hộ kinh doanh?"  # survives a reopen


def test_workspace_shows_the_answer_then_its_sources(web):
    steps = list(web.workspace.chat.respond("Mức hỗ trợ xây dựng mô hình trình diễn kỹ thuật tối đa là bao nhiêu?", []))
    assert len(steps) == 2  # a placeholder, then the answer with its sources (no artificial line-by-line delay)
    chat, sources, last, cleared = steps[-1]
    assert chat[0]["role"] == "user" and "500 triệu" in chat[-1]["content"]
    lead = chat[-1]["content"].split("\n", 1)[0]
    assert lead.startswith("**") and lead.endswith("**") and "500 triệu" in lead  # the lead first, in bold
    assert "<details><summary>Căn cứ trích dẫn</summary>" in chat[-1]["content"]  # the proof folded under it
    assert 'data-kc="source"' in sources and "<mark>" in sources and "đã bị thay thế" in sources
    assert last["chunk_ids"] and cleared == ""
    follow = list(web.workspace.chat.respond("Còn ứng dụng máy móc thiết bị thì sao?", chat))[-1][0]
    assert "200 triệu" in follow[-1]["content"]


def test_workspace_shows_hostile_text_as_text(web):
    chat, sources, _, _ = list(web.workspace.chat.respond(f"{HOSTILE} mức hỗ trợ thuê gian hàng hội chợ?", []))[-1]
    assert "<img" not in chat[0]["content"] and "&lt;img" in chat[0]["content"]
    assert "<img" not in sources


def test_workspace_feedback_documents_and_search(web):
    chat, _, last, _ = list(web.workspace.chat.respond("Hộ kinh doanh có được hưởng khuyến công không?", []))[-1]
    message, feedback_id = web.workspace.chat.rate(chat, SimpleNamespace(index=1, liked=False, value=None))
    assert "👎" in message and feedback_id
    web.workspace.chat.comment(feedback_id, "Muốn biết thêm điều kiện", last)
    path = web.workspace.chat.export()
    text = Path(path).read_text(encoding="utf-8-sig")
    assert "Muốn biết thêm điều kiện" in text and "Hộ kinh doanh có được hưởng khuyến công không?" in text
    table = web.workspace.documents.table()
    assert len(table) == len(web.workspace.documents.searcher.generation().documents) and len(table[0]) == 7
    articles = web.workspace.documents.articles("nd-45-2012")["choices"]
    assert articles[0].startswith("Điều 1") and any(a.startswith("Điều 6") for a in articles)
    page = web.workspace.documents.read("nd-45-2012", next(a for a in articles if a.startswith("Điều 6")))
    assert "Địa bàn ưu tiên" in page and "đã được sửa đổi" in page
    found = web.workspace.search.search("mức hỗ trợ thuê gian hàng", 3)
    assert found.count("data-kc='source'") == 3 and "80%" in found


def test_static_files_exist():
    assert (STATIC / "widget.js").is_file() and (STATIC / "demo.html").is_file()


def test_workspace_eligibility_and_support_level_tabs(web):
    page = web.workspace.eligibility.check("Hộ kinh doanh", "phường", "1", 8, f"{HOSTILE} dịch vụ", False, None, None,
                               False, False, False)
    assert "data-verdict='not_eligible'" in page and "Điều 3, khoản 1, điểm đ" in page
    assert "<img" not in page and "&lt;img" in page
    ok = web.workspace.eligibility.check("Hợp tác xã", "xã", "không áp dụng", None, "chế biến nông sản", False, 80,
                                         60.0, True, False, False)
    assert "data-verdict='eligible'" in ok and "Nguyên liệu tại chỗ chiếm 60%" in ok and "235/2025" in ok
    rows = web.workspace.levels.levels("hội chợ", "", "")
    assert rows and all(len(r) == 8 for r in rows) and {"100%", "80%"} <= {r[1] for r in rows}
    assert web.workspace.levels.levels("", "nd-52-2018", "")[0][5].endswith("52/2018/NĐ-CP")
    path = Path(web.workspace.levels.export("thương hiệu", "", "đã bị thay thế"))
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 2 and "35 triệu đồng/thương hiệu" in lines[1]


def test_a_lead_saying_what_a_level_is_for_is_highlighted_in_its_passage():
    from assistant.serve.ui.chat import _highlighted

    passage = ("d) Chi hỗ trợ tổ chức hội chợ triển lãm hàng công nghiệp nông thôn trong nước, bao gồm: Hỗ trợ 100% "
               "chi phí thuê gian hàng, chi thông tin tuyên truyền.")
    lead = ("Chi hỗ trợ tổ chức hội chợ triển lãm hàng công nghiệp nông thôn trong nước: hỗ trợ 100% chi phí thuê gian "
            "hàng, chi thông tin tuyên truyền [1].")
    assert _highlighted(passage, lead).count("<mark>") == 2
