"""The Mức hỗ trợ tab: the support-level table read off the indexed articles, with filters and CSV."""

from __future__ import annotations

import csv
import time

import gradio as gr

from assistant.answer.currency import STATUS_LABELS
from assistant.config import Settings
from assistant.domain import support_levels
from assistant.search.retrieval import Searcher
from assistant.serve.ui.common import key_of

COLUMNS = ["Hoạt động", "Tỷ lệ", "Mức tối đa", "Quy ra đồng", "Nguồn chi", "Điều khoản", "Tình trạng",
           "Điều kiện (nguyên văn)"]


class LevelsTab:
    """Handlers of the Mức hỗ trợ tab; rows come from the current generation on every call."""

    def __init__(self, searcher: Searcher, settings: Settings):
        self.searcher = searcher
        self.settings = settings

    def levels(self, query: str, doc_id: str | None, status_label: str | None) -> list[list[str]]:
        """Rows of the support-level table matching the search and filters."""
        status = key_of(STATUS_LABELS, status_label) if status_label else None
        rows = support_levels.search(support_levels.table(self.searcher.generation()), query or "", doc_id or None,
                                     status)
        return [[r.activity, r.percent or "", r.cap or (f"theo {r.reference}" if r.reference else ""),
                 f"{r.cap_vnd:,}".replace(",", ".") if r.cap_vnd else "",
                 r.payer or "", f"{r.locator} {r.number or ''}", STATUS_LABELS.get(r.status, r.status),
                 r.conditions] for r in rows]

    def documents(self):
        """The document filter's choices: the documents that state levels."""
        rows = support_levels.table(self.searcher.generation())
        return gr.update(choices=["", *sorted({r.doc_id for r in rows})])

    def export(self, query: str, doc_id: str | None, status_label: str | None) -> str:
        """The filtered table as CSV under KC_DATA_DIR."""
        path = self.settings.data_dir / "exports" / f"muc-ho-tro-{time.strftime('%Y%m%d-%H%M%S')}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            writer.writerows(self.levels(query, doc_id, status_label))
        return str(path)

    def build(self, blocks: gr.Blocks) -> None:
        """The tab's layout and events."""
        gr.Markdown("Mọi mức hỗ trợ, mức chi trích từ văn bản trong kho, kèm điều khoản và tình trạng hiệu lực. "
                    "Các mức năm 2014 của Thông tư liên tịch 26/2014/TTLT-BTC-BCT đã bị thay thế bởi Thông tư "
                    "28/2018/TT-BTC (sửa đổi bởi Thông tư 64/2024/TT-BTC), văn bản chưa có trong kho.")
        with gr.Row():
            query = gr.Textbox(label="Tìm", placeholder="ví dụ: thương hiệu, hội chợ, máy móc", scale=3)
            doc = gr.Dropdown([""], label="Văn bản", value="", scale=2)
            status = gr.Dropdown(["", *STATUS_LABELS.values()], label="Tình trạng", value="", scale=1)
        table = gr.Dataframe(headers=COLUMNS, value=lambda: self.levels("", "", ""), interactive=False, wrap=True,
                             elem_id="kc-levels")
        csv_button = gr.Button("Tải CSV", size="sm")
        csv_file = gr.File(label="Tệp CSV", interactive=False)
        filters = [query, doc, status]
        blocks.load(self.documents, None, doc)
        for control in filters:
            control.change(self.levels, filters, table)
        csv_button.click(self.export, filters, csv_file)
