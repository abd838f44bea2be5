"""The workspace: one object holding every tab's handlers, and the Blocks layout that assembles the tabs."""

from __future__ import annotations

import gradio as gr

from assistant.serve.ui.admin import AdminTab
from assistant.serve.ui.chat import ChatTab
from assistant.serve.ui.documents import DocumentsTab
from assistant.serve.ui.eligibility import EligibilityTab
from assistant.serve.ui.levels import LevelsTab
from assistant.serve.ui.search import SearchTab
from assistant.serve.ui.stats import StatsTab
from assistant.services import Services


class Workspace:
    """The tabs of the workspace over one set of services; each tab owns its handlers and its layout."""

    def __init__(self, services: Services, admin=None, feedback=None):
        settings, searcher = services.settings, services.searcher
        self.chat = ChatTab(services.answerer, feedback or services.feedback(), settings)
        self.documents = DocumentsTab(searcher)
        self.eligibility = EligibilityTab(searcher)
        self.levels = LevelsTab(searcher, settings)
        self.admin = AdminTab(admin or services.admin(), searcher, settings)
        self.search = SearchTab(searcher)
        self.stats = StatsTab(self.admin.admin, settings)


def build_workspace(workspace: Workspace) -> gr.Blocks:
    """The Blocks layout: one gr.Tab per tab object."""
    with gr.Blocks(title="Trợ lý khuyến công", analytics_enabled=False) as blocks:
        gr.Markdown("## Trợ lý khuyến công\nTra cứu nghị định, thông tư, kế hoạch khuyến công — mọi câu trả lời "
                    "đều trích dẫn văn bản gốc và cho biết tình trạng hiệu lực.")
        with gr.Tab("Hỏi đáp"):
            workspace.chat.build()
        with gr.Tab("Văn bản"):
            workspace.documents.build(blocks)
        with gr.Tab("Kiểm tra điều kiện"):
            workspace.eligibility.build()
        with gr.Tab("Mức hỗ trợ"):
            workspace.levels.build(blocks)
        with gr.Tab("Quản trị"):
            workspace.admin.build()
        with gr.Tab("Tra cứu"):
            workspace.search.build()
        with gr.Tab("Thống kê"):
            workspace.stats.build()
    return blocks
