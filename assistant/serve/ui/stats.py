"""The Thống kê tab: what was asked, what went unanswered, what users disliked, what was cited; CSV export."""

from __future__ import annotations

import time

import gradio as gr
import matplotlib

matplotlib.use("Agg")  # rendered to an image on the server, never to a window
import matplotlib.pyplot as plt  # noqa: E402

from assistant.config import Settings  # noqa: E402
from assistant.serve import questionlog  # noqa: E402
from assistant.serve.admin import Admin, AdminError  # noqa: E402

FILTERS = {"Tất cả câu hỏi": None, "Chỉ câu chưa trả lời được": True, "Chỉ câu đã trả lời": False}
GAP_COLUMNS = ["Câu hỏi chưa trả lời được", "Số lần"]
TOP_COLUMNS = ["Câu hỏi", "Số lần"]
DISLIKED_COLUMNS = ["Thời điểm", "Câu hỏi", "Câu trả lời", "Góp ý"]
DOCUMENT_COLUMNS = ["Mã văn bản", "Số lần được trích dẫn"]


def per_day_chart(per_day: list[dict]):
    """Bars of questions per day, the refused part drawn over them."""
    figure, axes = plt.subplots(figsize=(8, 3))
    days = [row["date"][5:] for row in per_day]
    axes.bar(days, [row["questions"] for row in per_day], color="#0969da", label="Câu hỏi")
    axes.bar(days, [row["refused"] for row in per_day], color="#cf222e", label="Chưa trả lời được")
    axes.set_ylabel("Số câu hỏi")
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2, frameon=False)  # above the bars
    step = max(1, len(days) // 12)
    axes.set_xticks(range(0, len(days), step), days[::step], rotation=45, fontsize=8)
    figure.tight_layout()
    plt.close(figure)  # gr.Plot keeps the figure; pyplot must not
    return figure


class StatsTab:
    """Handlers of the Thống kê tab, behind the admin token like the /api/admin/stats endpoint."""

    def __init__(self, admin: Admin, settings: Settings):
        self.admin = admin
        self.settings = settings

    def show(self, token: str, days: float | None):
        """(summary, chart, knowledge gaps, disliked answers, most cited documents, top questions)."""
        empty = (None, [], [], [], [])
        try:
            self.admin.authorize(f"Bearer {token or ''}")
            days = self._days(days)
        except AdminError as exc:
            return (f"⛔ {exc.message}", *empty)
        log = questionlog.shared(self.settings)
        stats = log.stats(days)
        total = sum(row["questions"] for row in stats["per_day"])
        off = "" if log.enabled else " Nhật ký câu hỏi đang tắt (`KC_QUESTION_LOG=0`)."
        summary = (f"**{days} ngày gần nhất:** {total} câu hỏi, tỷ lệ chưa trả lời được "
                   f"{stats['refusal_rate'] * 100:.1f}%, khoảng {log.distinct_users(days)} lượt người dùng "
                   f"khác nhau (đếm theo ngày).{off}")
        return (summary, per_day_chart(stats["per_day"]),
                [[r["question"], r["count"]] for r in stats["top_refused"]],
                [[r["time"], r["question"], r["answer"], r["comment"]] for r in stats["disliked"]],
                [[r["doc_id"], r["count"]] for r in stats["top_documents"]],
                [[r["question"], r["count"]] for r in stats["top_questions"]])

    def export(self, token: str, days: float | None, which: str) -> tuple[str, str | None]:
        """CSV of the period's questions under KC_DATA_DIR/exports: (status, file path)."""
        try:
            self.admin.authorize(f"Bearer {token or ''}")
            days = self._days(days)
        except AdminError as exc:
            return f"⛔ {exc.message}", None
        entries = questionlog.shared(self.settings).entries(days, FILTERS.get(which))
        path = self.settings.data_dir / "exports" / f"cau-hoi-{time.strftime('%Y%m%d-%H%M%S')}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(questionlog.to_csv(entries), encoding="utf-8")
        return f"Đã xuất {len(entries)} câu hỏi.", str(path)

    @staticmethod
    def _days(days: float | None) -> int:
        if days is None or not 1 <= days <= 3660 or days != int(days):
            raise AdminError(422, "số ngày phải là số nguyên từ 1 đến 3660")
        return int(days)

    def build(self) -> None:
        """The tab's layout and events."""
        gr.Markdown("Câu hỏi người dùng đã hỏi, câu chưa trả lời được (văn bản nên bổ sung), câu trả lời bị chê và "
                    "văn bản được trích dẫn nhiều nhất. Cần mã quản trị (`KC_ADMIN_TOKEN`).")
        with gr.Row():
            token = gr.Textbox(label="Mã quản trị", type="password", scale=3)
            days = gr.Number(label="Số ngày gần nhất", value=30, minimum=1, maximum=3660, precision=0, scale=1)
            show = gr.Button("Xem thống kê", variant="primary", scale=1)
        summary = gr.Markdown()
        chart = gr.Plot(label="Số câu hỏi mỗi ngày")
        gaps = gr.Dataframe(headers=GAP_COLUMNS, label="Khoảng trống tri thức (câu chưa trả lời được)",
                            interactive=False, wrap=True)
        disliked = gr.Dataframe(headers=DISLIKED_COLUMNS, label="Câu trả lời bị chê 👎", interactive=False, wrap=True)
        with gr.Row():
            documents = gr.Dataframe(headers=DOCUMENT_COLUMNS, label="Văn bản được trích dẫn nhiều nhất",
                                     interactive=False)
            top = gr.Dataframe(headers=TOP_COLUMNS, label="Câu hỏi thường gặp", interactive=False, wrap=True)
        with gr.Row():
            which = gr.Dropdown(list(FILTERS), value="Tất cả câu hỏi", label="Xuất CSV", scale=2)
            export = gr.Button("Tải CSV câu hỏi", scale=1)
        status = gr.Markdown()
        export_file = gr.File(label="Tệp CSV", interactive=False)
        show.click(self.show, [token, days], [summary, chart, gaps, disliked, documents, top])
        export.click(self.export, [token, days, which], [status, export_file])
