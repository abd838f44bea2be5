"""The Văn bản tab: every indexed document with its status, read Điều by Điều."""

from __future__ import annotations

import html

import gradio as gr

from assistant.answer.currency import STATUS_LABELS
from assistant.search.retrieval import Searcher
from assistant.serve.ui.common import badge

COLUMNS = ["Mã", "Số hiệu", "Tên văn bản", "Loại", "Ban hành", "Hiệu lực", "Tình trạng"]


def group_by_article(chunks: list) -> dict[str, list]:
    """Chunks grouped by Điều (by section for plans), in document order."""
    groups: dict[str, list] = {}
    for chunk in chunks:
        key = f"Điều {chunk.article}" + (f". {chunk.article_title}" if chunk.article_title else "") \
            if chunk.article else chunk.locator
        groups.setdefault(key, []).append(chunk)
    return groups


class DocumentsTab:
    """Handlers of the Văn bản tab; every call reads the published generation, so uploads show at once."""

    def __init__(self, searcher: Searcher):
        self.searcher = searcher

    def table(self) -> list[list[str]]:
        """One row per document: id, số hiệu, title, type, issued, effective, status."""
        generation = self.searcher.generation()
        return [[doc_id, meta.get("number") or "", meta.get("title") or "", meta.get("doc_type") or "",
                 meta.get("issued") or "", meta.get("effective") or "",
                 STATUS_LABELS.get(meta.get("status"), "chưa xác minh")]
                for doc_id, meta in sorted(generation.documents.items())]

    def choices(self):
        """The document dropdown, refreshed from the current generation."""
        return gr.update(choices=[row[0] for row in self.table()])

    def articles(self, doc_id: str | None):
        """The Điều of the chosen document for the second dropdown, the first one selected."""
        if not doc_id:
            return gr.update(choices=[], value=None)
        keys = list(group_by_article(self.searcher.generation().document_chunks(doc_id)))
        return gr.update(choices=keys, value=keys[0] if keys else None)

    def read(self, doc_id: str | None, article: str | None) -> str:
        """The chosen Điều: status, warning and its text, khoản by khoản."""
        if not doc_id:
            return "<p>Chọn một văn bản.</p>"
        generation = self.searcher.generation()
        meta = generation.documents.get(doc_id)
        if meta is None:
            return f"<p>Không có văn bản mã {html.escape(doc_id)}.</p>"
        chunks = group_by_article(generation.document_chunks(doc_id)).get(article or "", [])
        head = (f"<h3>{html.escape(meta.get('title') or doc_id)}{badge(meta.get('status', ''))}</h3>"
                f"<div class='kc-meta'>{html.escape(meta.get('number') or '')}"
                f"{' · nguồn: ' + html.escape(meta['source']) if meta.get('source') else ''}</div>")
        body = "".join(f"<div class='kc-source'><div class='kc-meta'>{html.escape(c.locator)}</div>"
                       f"<div class='kc-passage'>{html.escape(c.text)}</div></div>" for c in chunks)
        return head + (body or "<p>Chọn một Điều.</p>")

    def build(self, blocks: gr.Blocks) -> None:
        """The tab's layout and events; the table and dropdown reload on every page load."""
        table = gr.Dataframe(headers=COLUMNS, value=self.table, interactive=False, wrap=True)
        with gr.Row():
            doc = gr.Dropdown(label="Văn bản", choices=[])
            article = gr.Dropdown(label="Điều / mục", choices=[])
        reader = gr.HTML("<p>Chọn một văn bản.</p>")
        refresh = gr.Button("Tải lại danh sách", size="sm")
        blocks.load(self.choices, None, doc)
        refresh.click(self.table, None, table).then(self.choices, None, doc)
        doc.change(self.articles, doc, article)
        article.change(self.read, [doc, article], reader)
