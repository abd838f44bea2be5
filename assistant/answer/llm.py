"""Optional LLM answers through any OpenAI-compatible endpoint, guarded: bad output falls back to the extract."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from assistant.config import Settings

SYSTEM_PROMPT = (
    "Bạn là trợ lý tra cứu văn bản khuyến công của Việt Nam. Chỉ trả lời bằng tiếng Việt, chỉ dựa trên các nguồn "
    "được đánh số bên dưới. Sau mỗi ý, ghi số nguồn trong ngoặc vuông như [1]. Giữ nguyên các con số, mức tiền, "
    "tỷ lệ như trong nguồn. Nếu các nguồn không trả lời được câu hỏi, hãy nói rằng không tìm thấy trong văn bản."
)
MAX_ANSWER_TOKENS = 400
_MARKER = re.compile(r"\[(\d{1,2})\]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_TEMPLATE_LEAK = re.compile(r"\[/?INST\]|<<SYS>>|<start_of_turn>|<end_of_turn>|<\|im_start\|>|Câu hỏi:|Nguồn:\n")


class LLMUnavailable(Exception):
    """The endpoint failed, timed out or produced an answer the guards rejected."""


@dataclass
class Source:
    """A numbered source as the model sees it."""

    n: int
    label: str
    text: str


REWRITE_PROMPT = (
    "Viết lại câu hỏi cuối của người dùng thành một câu hỏi tiếng Việt đầy đủ, tự hiểu được mà không cần đọc "
    "hội thoại (thay 'văn bản đó', 'mức đó', 'còn … thì sao' bằng điều được nhắc tới). Chỉ trả về câu hỏi."
)


def build_messages(question: str, sources: list[Source]) -> list[tuple[str, str]]:
    """System prompt, then the numbered sources and the question."""
    listing = "\n\n".join(f"[{s.n}] {s.label}\n{s.text}" for s in sources)
    return [("system", SYSTEM_PROMPT), ("human", f"Nguồn:\n{listing}\n\nCâu hỏi: {question}")]


def guard(text: str, sources: list[Source]) -> tuple[str, list[int]]:
    """Drop markers to unknown sources; reject answers without citations or with numbers not in cited sources."""
    if _TEMPLATE_LEAK.search(text) or SYSTEM_PROMPT[:60] in text:
        raise LLMUnavailable("mô hình lặp lại chỉ dẫn thay vì trả lời")
    known = {s.n for s in sources}
    cleaned = _MARKER.sub(lambda m: m.group(0) if int(m.group(1)) in known else "", text).strip()
    cited = sorted({int(n) for n in _MARKER.findall(cleaned)})
    if not cleaned or not cited:
        raise LLMUnavailable("câu trả lời của mô hình không trích dẫn nguồn nào")
    cited_text = " ".join(f"{s.label} {s.text}" for s in sources if s.n in cited)
    stray = [n for n in _NUMBER.findall(_MARKER.sub("", cleaned)) if n not in cited_text]
    if stray:
        raise LLMUnavailable(f"câu trả lời của mô hình có số liệu không có trong nguồn: {', '.join(stray[:3])}")
    return cleaned, cited


class LLMClient:
    """A LangChain chat model on an OpenAI-compatible server (vLLM, Ollama, llama.cpp, LM Studio, OpenAI)."""

    def __init__(self, settings: Settings):
        from langchain_openai import ChatOpenAI

        self.model = ChatOpenAI(
            base_url=settings.llm_base_url,
            model=settings.llm_model or "default",
            api_key=settings.llm_api_key or "not-needed",
            timeout=settings.llm_timeout,
            max_retries=0,
            temperature=0.1,
            # Sent as plain max_tokens: llama.cpp and other local servers ignore max_completion_tokens.
            extra_body={"max_tokens": MAX_ANSWER_TOKENS},
        )

    def answer(self, question: str, sources: list[Source]) -> tuple[str, list[int]]:
        """A guarded answer and the source numbers it cites; LLMUnavailable on any failure."""
        try:
            reply = self.model.invoke(build_messages(question, sources))
        except Exception as exc:  # network errors, timeouts and API errors all mean: fall back
            raise LLMUnavailable(f"không gọi được mô hình ngôn ngữ ({type(exc).__name__})") from exc
        return guard(str(reply.content), sources)

    def stream(self, question: str, sources: list[Source]) -> Iterator[str]:
        """The answer's text pieces as the model writes them (LangChain's `.stream()`), unguarded: the caller
        guards the whole text; LLMUnavailable on any failure, also after some pieces were given."""
        try:
            for piece in self.model.stream(build_messages(question, sources)):
                if piece.content:
                    yield str(piece.content)
        except Exception as exc:  # network errors, timeouts and API errors all mean: fall back
            raise LLMUnavailable(f"không gọi được mô hình ngôn ngữ ({type(exc).__name__})") from exc

    def rewrite(self, question: str, history: list[dict]) -> str:
        """A standalone question from the model; LLMUnavailable when it fails or returns something odd."""
        try:
            reply = str(self.model.invoke(rewrite_messages(question, history)).content).strip().strip('"')
        except Exception as exc:  # any failure means: keep the offline rewrite
            raise LLMUnavailable(f"không gọi được mô hình ngôn ngữ ({type(exc).__name__})") from exc
        if not reply or len(reply) > 400 or "\n" in reply or _TEMPLATE_LEAK.search(reply):
            raise LLMUnavailable("mô hình không viết lại được câu hỏi")
        return reply


class StreamingLLM:
    """An LLMClient whose answers stream: each piece goes to `emit` as it arrives, the guards judge the whole text."""

    def __init__(self, llm: LLMClient, emit: Callable[[str], None]):
        self.llm = llm
        self.emit = emit

    def answer(self, question: str, sources: list[Source]) -> tuple[str, list[int]]:
        """Like `LLMClient.answer`, but built from the streamed pieces."""
        pieces = []
        for piece in self.llm.stream(question, sources):
            pieces.append(piece)
            self.emit(piece)
        return guard("".join(pieces), sources)

    def rewrite(self, question: str, history: list[dict]) -> str:
        """The follow-up rewrite is short and needed whole: not streamed."""
        return self.llm.rewrite(question, history)


def rewrite_messages(question: str, history: list[dict]) -> list[tuple[str, str]]:
    """Prompt asking for a standalone version of the last question."""
    turns = "\n".join(f"{'Người dùng' if m['role'] == 'user' else 'Trợ lý'}: {m['content'][:600]}"
                      for m in history[-6:])
    return [("system", REWRITE_PROMPT), ("human", f"Hội thoại:\n{turns}\n\nCâu hỏi cuối: {question}")]


def create_llm(settings: Settings) -> LLMClient | None:
    """The configured LLM client, or None when KC_LLM_BASE_URL is unset (extractive answers only)."""
    return LLMClient(settings) if settings.llm_base_url else None
