"""The Tra cứu tab: ranked passages for a query, no answer synthesis."""

from __future__ import annotations

import html

import gradio as gr

from assistant.config import MAX_QUESTION_CHARS
from assistant.search.retrieval import Searcher
from assistant.serve.ui.common import badge


class SearchTab:
    """Handler of the Tra cứu tab."""

    def __init__(self, searcher: Searcher):
        self.searcher = searcher

    def search(self, query: str, k: float) -> str:
        """Ranked passages as HTML cards."""
        query = (query or "").strip()
        if not query:
            return "<p>Nhập từ khóa hoặc câu hỏi.</p>"
        results = self.searcher.search(query[:MAX_QUESTION_CHARS], k=int(k))
        if not results:
            return "<p>Không tìm thấy đoạn nào phù hợp.</p>"
        return "".join(
            f"<div class='kc-result' data-kc='source'><b>{rank}. {html.escape(r.chunk.citation_label)}</b>"
            f"{badge(r.chunk.status)} <span class='kc-meta'>điểm {r.score:.3f}</span>"
            f"<div class='kc-passage'>{html.escape(r.chunk.text[:1200])}</div></div>"
            for rank, r in enumerate(results, 1)
        )

    def build(self) -> None:
        """The tab's layout and events."""
        with gr.Row():
            query = gr.Textbox(label="Tìm điều khoản", placeholder="ví dụ: mức hỗ trợ thuê gian hàng", scale=5)
            k = gr.Slider(1, 20, value=8, step=1, label="Số kết quả", scale=2)
            go = gr.Button("Tìm", variant="primary", scale=1)
        found = gr.HTML()
        go.click(self.search, [query, k], found)
        query.submit(self.search, [query, k], found)
