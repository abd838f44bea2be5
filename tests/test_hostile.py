"""Hostile input: every malformed request is a clear 4xx (never a 500), odd text is handled, nothing indexed is
lost. Property-based checks of the text normalizer, and a bounded schemathesis run over the OpenAPI schema."""

import unicodedata
from dataclasses import replace

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.documents.chunking import Chunker
from assistant.documents.records import Document
from assistant.serve.web import create_web_app
from assistant.text import fold, is_unaccented, lexical_tokens, nfc, query_tokens
from tests.conftest import require_corpus

needs_corpus = require_corpus()


@pytest.fixture(scope="module")
def app(default_settings, tmp_path_factory):
    return create_web_app(replace(default_settings, data_dir=tmp_path_factory.mktemp("data"), rate_limit=0))


@pytest.fixture(scope="module")
def client(app):
    return TestClient(app)


@pytest.mark.parametrize(("body", "status", "message"), [
    ({"question": "a" * 2001}, 422, "question: quá dài"),
    ({"question": "a", "history": [{"role": "user", "content": "b"}] * 21}, 422, "history: quá nhiều phần tử"),
    ({"question": "a", "history": [{"role": "user", "content": "b" * 8001}]}, 422, "quá dài"),
    ({"question": 5}, 422, "question: phải là chuỗi ký tự"),
    ({"question": "a", "history": "không phải danh sách"}, 422, "history"),
    ({"question": "a", "history": [{"role": "system", "content": "b"}]}, 422, "chỉ nhận 'user' hoặc 'assistant'"),
    ([], 422, "đối tượng JSON"),
])
def test_malformed_ask_bodies(client, body, status, message):
    response = client.post("/api/ask", json=body)
    assert response.status_code == status and message in response.json()["error"]


def test_big_and_broken_bodies(client):
    assert client.post("/api/ask", content=b'{"question": "abc"', headers={"Content-Type": "application/json"}
                       ).status_code == 422
    huge = client.post("/api/ask", json={"question": "a", "history": [{"role": "user", "content": "x" * 7000}] * 12})
    assert huge.status_code == 413
    token = client.post("/api/ask", json={"question": "x" * 100_000})  # a 100k-character token
    assert token.status_code == 413 and "tối đa" in token.json()["error"]
    long_query = client.get("/api/search", params={"q": "x" * 60_000})
    assert long_query.status_code == 422 and "q: quá dài" in long_query.json()["error"]


@needs_corpus
@pytest.mark.parametrize("question", [
    "\x00\x07Mức hỗ trợ\u200b xây dựng mô hình trình diễn kỹ thuật tối đa\x1b[31m là bao nhiêu?",
    unicodedata.normalize("NFD", "Mức hỗ trợ xây dựng mô hình trình diễn kỹ thuật tối đa là bao nhiêu?"),
    "<script>alert('x')</script> Mức hỗ trợ xây dựng mô hình trình diễn kỹ thuật tối đa là bao nhiêu?",
    "x" * 1900 + " mô hình trình diễn kỹ thuật tối đa bao nhiêu",
])
def test_odd_questions_are_answered_not_crashed(client, question):
    response = client.post("/api/ask", json={"question": question})
    assert response.status_code == 200
    body = response.json()
    assert "500 triệu" in body["answer"] if not question.startswith("xxx") else body["refused"] or body["citations"]
    assert "<script>" not in body["answer"]  # the question is never echoed into the answer as markup


@pytest.mark.parametrize("path", ["/api/documents/..%2F..%2Fetc%2Fpasswd", "/api/documents/%2e%2e",
                                  "/api/documents/nd-45-2012%00", "/api/documents/" + "a" * 500])
def test_document_ids_cannot_walk_the_disk(client, path):
    response = client.get(path)
    assert response.status_code == 404 and "error" in response.json()


def test_long_tokens_and_markup_in_documents_are_chunked_safely():
    text = ("# Nghị định thử nghiệm\n\nĐiều 1. Phạm vi\n" + "x" * 100_000 +
            "\nĐiều 2. Nội dung\n<script>alert(1)</script> Hỗ trợ nuôi ong.\n")
    document = Document(id="thu", path="thu.txt", title="Nghị định thử nghiệm", text=text, doc_type="Nghị định",
                        number="1/2099/NĐ-CP")
    chunks = Chunker(1200).chunk(document)
    assert max(len(c.text) for c in chunks) <= 1200
    assert "".join(c.text for c in chunks if c.article == 1).count("x") == 100_000  # nothing dropped
    assert any("<script>" in c.text for c in chunks)  # kept as text; every renderer escapes it


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_normalizer_properties(text):
    clean = nfc(text)
    assert nfc(clean) == clean and not any(ord(c) < 32 and c not in "\t\n\r" for c in clean)
    folded = fold(clean)
    assert fold(folded) == folded
    assert not any(c.isalpha() for c in folded) or is_unaccented(folded)
    assert nfc(unicodedata.normalize("NFD", text)) == nfc(text)
    assert all(t == t.lower() for t in lexical_tokens(text))
    query_tokens(text)  # never raises


def test_openapi_operations_never_fail_with_a_server_error(app):
    """Every operation of the OpenAPI schema, fed schema-shaped and odd values (bounded: 15 examples each)."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {f"{op.method.upper()} {op.path}" for op in operations} >= {"POST /api/ask", "GET /api/search",
                                                                        "POST /api/eligibility"}
    failures = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case):
            response = case.call()
            if response.status_code >= 500:
                failures.append((case.method, case.formatted_path, response.status_code, response.text[:200]))

        run()
    assert failures == []
