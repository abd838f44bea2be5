"""The Hỏi đáp tab: streamed chat with follow-ups, the sources panel with highlights, and 👍/👎 feedback."""

from __future__ import annotations

import html
import re
import time

import gradio as gr

from assistant.answer.answerer import Answer, Answerer
from assistant.config import MAX_HISTORY_TURNS, MAX_QUESTION_CHARS, MAX_TURN_CHARS, Settings
from assistant.serve import questionlog
from assistant.serve.feedback import FeedbackStore
from assistant.serve.ui.common import badge, plain

EXAMPLES_ENTERPRISE = [
    "Hộ kinh doanh làm mây tre đan ở xã có được hỗ trợ khuyến công không?",
    "Xưởng mộc của tôi ở xã muốn mua máy CNC thì được hỗ trợ bao nhiêu?",
    "Tham gia hội chợ trong nước được hỗ trợ bao nhiêu tiền thuê gian hàng?",
    "Lò gạch nung bằng lò vòng có được hỗ trợ không?",
]
EXAMPLES_OFFICIAL = [
    "Điều 6 Nghị định 45/2012/NĐ-CP quy định gì?",
    "Thông tư liên tịch 26/2014/TTLT-BTC-BCT còn hiệu lực không?",
    "Hạn gửi hồ sơ đăng ký kế hoạch khuyến công quốc gia là ngày nào?",
    "Hội đồng bình chọn sản phẩm tiêu biểu cấp tỉnh có bao nhiêu thành viên?",
]
EMPTY_SOURCES = "<p>Các văn bản được trích dẫn sẽ hiện ở đây.</p>"


def _highlighted(passage: str, answer_text: str) -> str:
    """The passage, escaped, with what the answer quotes from it wrapped in <mark>: the lead's and the quotes'
    fragments (the answer trims passages with '…', so fragments, not whole units, are looked up)."""
    out = html.escape(passage)
    fragments = re.split(r"…|«|»|\[\d+\]|\n|; |: |\(|\)", answer_text)  # ': ' joins what a lead says is for what
    for fragment in sorted({f.strip(" .;:,-") for f in fragments}, key=len, reverse=True):
        if len(fragment) < 20:
            continue
        for candidate in (fragment, fragment[:1].lower() + fragment[1:], fragment[:1].upper() + fragment[1:]):
            escaped = html.escape(candidate)
            if escaped in out and f"<mark>{escaped}" not in out:
                out = out.replace(escaped, f"<mark>{escaped}</mark>", 1)
                break
    return out


def sources_html(answer: Answer) -> str:
    """Warnings, then one card per citation: title, số hiệu, locator, status badge, passage with highlights."""
    parts = [f'<div class="kc-warning">⚠ {html.escape(w)}</div>' for w in answer.warnings]
    for c in answer.citations:
        number = f" · Số hiệu {html.escape(c.number)}" if c.number else ""
        dates = "".join(f" · {label} {html.escape(value)}" for label, value in
                        (("ban hành", c.issued), ("hiệu lực", c.effective)) if value)
        parts.append(
            f'<div class="kc-source" data-kc="source"><h4>[{c.n}] {html.escape(c.title)}{badge(c.status)}</h4>'
            f'<div class="kc-meta">{html.escape(c.locator)}{number}{dates}</div>'
            f'<div class="kc-passage">{_highlighted(c.text, answer.answer)}</div></div>'
        )
    if not answer.citations and not answer.warnings:
        parts.append("<p>Câu trả lời này không trích dẫn văn bản nào.</p>")
    return "\n".join(parts)


def shown(answer: Answer) -> str:
    """The chat message: the lead in bold, the quotes and currency notes folded under «Căn cứ trích dẫn». Every text
    from the answer is escaped; only these few tags are markup."""
    lead = answer.lead if answer.lead and answer.answer.startswith(answer.lead) else answer.answer
    rest = answer.answer[len(lead):].strip()
    text = f"**{plain(lead)}**"
    if rest:
        text += f"\n\n<details><summary>Căn cứ trích dẫn</summary>\n\n{plain(rest)}\n\n</details>"
    return text


def history_of(messages: list[dict]) -> list[dict]:
    """Chatbot messages -> the answerer's history (text only, the last turns)."""
    turns = []
    for m in messages or []:
        content = m.get("content")
        if isinstance(content, list):
            content = " ".join(part.get("text", "") for part in content if isinstance(part, dict))
        if m.get("role") in ("user", "assistant") and isinstance(content, str):
            text = re.sub(r"</?(details|summary)>|\*\*|Căn cứ trích dẫn", "", content)
            turns.append({"role": m["role"], "content": html.unescape(text).strip()[:MAX_TURN_CHARS]})
    return turns[-MAX_HISTORY_TURNS:]


class ChatTab:
    """Handlers of the Hỏi đáp tab, kept apart from the layout so they can be tested directly."""

    def __init__(self, answerer: Answerer, feedback: FeedbackStore, settings: Settings):
        self.answerer = answerer
        self.feedback = feedback
        self.settings = settings

    def respond(self, question: str, messages: list[dict]):
        """Show the answer, then its sources (yields chat, sources, state, question box)."""
        question = (question or "").strip()
        messages = list(messages or [])
        if not question:
            yield messages, gr.update(), gr.update(), ""
            return
        if len(question) > MAX_QUESTION_CHARS:
            gr.Warning(f"Câu hỏi quá dài: tối đa {MAX_QUESTION_CHARS} ký tự")
            yield messages, gr.update(), gr.update(), question
            return
        history = history_of(messages)
        messages = [*messages, {"role": "user", "content": plain(question)},
                    {"role": "assistant", "content": "…"}]
        yield messages, "<p>Đang tìm trong các văn bản…</p>", gr.update(), ""
        answer = self.answerer.ask(question, history)
        questionlog.record(self.settings, "workspace", question, answer.to_dict())
        messages[-1] = {"role": "assistant", "content": shown(answer)}
        last = {"question": question, "answer": answer.answer, "chunk_ids": [c.chunk_id for c in answer.citations]}
        yield messages, sources_html(answer), last, ""

    def rate(self, messages: list[dict], data: gr.LikeData) -> tuple[str, int | None]:
        """👍/👎 on an answer in the chat: stored with the question before it."""
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        if data.liked is None or not isinstance(index, int) or not 0 <= index < len(messages or []):
            return "Đã bỏ đánh giá.", None
        turns = history_of(messages[: index + 1])
        question = next((t["content"] for t in reversed(turns[:-1]) if t["role"] == "user"), "")
        feedback_id = self.feedback.add(1 if data.liked else -1, question, turns[-1]["content"] if turns else "")
        return ("Cảm ơn bạn! Đã ghi nhận 👍." if data.liked else "Đã ghi nhận 👎: bạn có thể viết góp ý bên dưới."), \
            feedback_id

    def comment(self, feedback_id: int | None, text: str, last: dict | None) -> tuple[str, int | None, str]:
        """A comment on the rated answer, or on the last answer when none was rated (stored as 👎)."""
        text = (text or "").strip()
        if not text:
            return "Góp ý đang trống.", feedback_id, ""
        if feedback_id is None:
            if not last:
                return "Chưa có câu trả lời nào để góp ý.", None, text
            feedback_id = self.feedback.add(-1, last["question"], last["answer"], text, last["chunk_ids"])
        else:
            self.feedback.comment(feedback_id, text)
        return "Đã lưu góp ý. Cảm ơn bạn!", feedback_id, ""

    def export(self) -> str:
        """CSV of every rating, written under KC_DATA_DIR."""
        name = f"gop-y-{time.strftime('%Y%m%d-%H%M%S')}.csv"
        return str(self.feedback.export_csv(self.settings.data_dir / "exports" / name))

    def build(self) -> None:
        """The tab's layout and events (inside a gr.Tab)."""
        last = gr.State(None)
        feedback_id = gr.State(None)
        with gr.Row():
            with gr.Column(scale=3):
                chat = gr.Chatbot(label="Hội thoại", height=460, render_markdown=True, sanitize_html=True,
                                  elem_id="kc-chat", buttons=["copy"])
                with gr.Row():
                    question = gr.Textbox(label="Câu hỏi", placeholder="Nhập câu hỏi (có dấu hoặc không dấu)…",
                                          lines=1, max_lines=6, scale=5, elem_id="kc-question",
                                          info="Enter để gửi, Shift+Enter để xuống dòng")
                    send = gr.Button("Gửi", variant="primary", scale=1, elem_id="kc-send")
                new = gr.Button("Cuộc trò chuyện mới", size="sm")
                gr.Examples(EXAMPLES_ENTERPRISE, inputs=question, label="Doanh nghiệp thường hỏi")
                gr.Examples(EXAMPLES_OFFICIAL, inputs=question, label="Cán bộ Sở Công Thương thường hỏi")
            with gr.Column(scale=2):
                gr.Markdown("### Nguồn trích dẫn")
                sources = gr.HTML(EMPTY_SOURCES, elem_id="kc-sources")
                gr.Markdown("### Góp ý")
                status = gr.Markdown("Bấm 👍/👎 dưới câu trả lời, hoặc viết góp ý:")
                remark = gr.Textbox(label="Góp ý (không bắt buộc)", lines=2)
                with gr.Row():
                    save = gr.Button("Gửi góp ý", size="sm")
                    export = gr.Button("Tải CSV góp ý", size="sm")
                export_file = gr.File(label="Tệp CSV", visible=True, interactive=False)
        outputs = [chat, sources, last, question]
        send.click(self.respond, [question, chat], outputs)
        question.submit(self.respond, [question, chat], outputs)
        new.click(lambda: ([], EMPTY_SOURCES, None, None), None, [chat, sources, last, feedback_id])
        chat.like(self.rate, chat, [status, feedback_id])
        save.click(self.comment, [feedback_id, remark, last], [status, feedback_id, remark])
        export.click(self.export, None, export_file)
