"""The Gradio workspace for officials: chat with sources, feedback, documents by Điều, and search (Vietnamese UI)."""

from __future__ import annotations

import html
import re
import time
from pathlib import Path

import gradio as gr

from . import eligibility, support_levels
from .admin import Admin, AdminError
from .answer import Answer, Answerer
from .config import Settings
from .currency import STATUS_LABELS
from .evidence import split_units
from .feedback import FeedbackStore
from .retrieval import Searcher

MAX_QUESTION = 2000
EXAMPLES_ENTERPRISE = [
    "Hộ kinh doanh ở xã có được hưởng chính sách khuyến công không?",
    "Hỗ trợ ứng dụng máy móc thiết bị tiên tiến vào sản xuất tối đa bao nhiêu?",
    "Tham gia hội chợ trong nước được hỗ trợ bao nhiêu tiền thuê gian hàng?",
    "Lò gạch nung bằng lò vòng có được hỗ trợ không?",
]
EXAMPLES_OFFICIAL = [
    "Điều 6 Nghị định 45/2012/NĐ-CP quy định gì?",
    "Thông tư liên tịch 26/2014/TTLT-BTC-BCT còn hiệu lực không?",
    "Hạn gửi hồ sơ đăng ký kế hoạch khuyến công quốc gia là ngày nào?",
    "Hội đồng bình chọn sản phẩm tiêu biểu cấp tỉnh có bao nhiêu thành viên?",
]
BADGE_COLORS = {"in_force": "#1a7f37", "amended": "#9a6700", "superseded": "#cf222e", "expired": "#cf222e",
                "unverified": "#57606a", "informational": "#0969da"}
CSS = """
.kc-source{border:1px solid #d0d7de;border-radius:8px;padding:10px 12px;margin:0 0 10px}
.kc-source h4{margin:0 0 4px;font-size:15px}
.kc-meta{font-size:13px;color:#57606a;margin-bottom:6px}
.kc-badge{display:inline-block;color:#fff;border-radius:10px;padding:1px 8px;font-size:12px;margin-left:6px}
.kc-passage{white-space:pre-wrap;font-size:14px;line-height:1.5;max-height:260px;overflow:auto}
.kc-passage mark{background:#fff3a3;padding:0 1px}
.kc-warning{background:#fff8c5;border:1px solid #d4a72c;border-radius:8px;padding:8px 12px;margin-bottom:10px}
.kc-result{border-bottom:1px solid #d0d7de;padding:8px 0}
"""


def _badge(status: str) -> str:
    label = STATUS_LABELS.get(status, "chưa xác minh")
    color = BADGE_COLORS.get(status, "#57606a")
    return f'<span class="kc-badge" style="background:{color}">{html.escape(label)}</span>'


def _highlighted(passage: str, answer_text: str) -> str:
    """The passage, escaped, with the units the answer quotes wrapped in <mark>."""
    out = html.escape(passage)
    quoted = re.sub(r"\s*\[\d+\]", "", answer_text)
    for unit in sorted(split_units(passage), key=len, reverse=True):
        if len(unit) > 8 and unit in quoted:
            escaped = html.escape(unit)
            out = out.replace(escaped, f"<mark>{escaped}</mark>", 1)
    return out


def sources_html(answer: Answer) -> str:
    """Warnings, then one card per citation: title, số hiệu, locator, status badge, passage with highlights."""
    parts = [f'<div class="kc-warning">⚠ {html.escape(w)}</div>' for w in answer.warnings]
    for c in answer.citations:
        number = f" · Số hiệu {html.escape(c.number)}" if c.number else ""
        dates = "".join(f" · {label} {html.escape(value)}" for label, value in
                        (("ban hành", c.issued), ("hiệu lực", c.effective)) if value)
        parts.append(
            f'<div class="kc-source" data-kc="source"><h4>[{c.n}] {html.escape(c.title)}{_badge(c.status)}</h4>'
            f'<div class="kc-meta">{html.escape(c.locator)}{number}{dates}</div>'
            f'<div class="kc-passage">{_highlighted(c.text, answer.answer)}</div></div>'
        )
    if not answer.citations and not answer.warnings:
        parts.append("<p>Câu trả lời này không trích dẫn văn bản nào.</p>")
    return "\n".join(parts)


def _plain(text: str) -> str:
    """Text shown in the chat as text: HTML escaped, so nothing a user or a document types becomes markup."""
    return html.escape(text, quote=False)


def _history(messages: list[dict]) -> list[dict]:
    """Chatbot messages -> the answerer's history (text only, the last 20 turns)."""
    turns = []
    for m in messages or []:
        content = m.get("content")
        if isinstance(content, list):
            content = " ".join(part.get("text", "") for part in content if isinstance(part, dict))
        if m.get("role") in ("user", "assistant") and isinstance(content, str):
            turns.append({"role": m["role"], "content": html.unescape(content)[:8000]})
    return turns[-20:]


class Workspace:
    """The handlers behind the Gradio components, kept apart from the layout so they can be tested directly."""

    def __init__(self, answerer: Answerer, searcher: Searcher, feedback: FeedbackStore, settings: Settings,
                 admin: Admin | None = None):
        self.answerer = answerer
        self.searcher = searcher
        self.feedback = feedback
        self.settings = settings
        self.admin = admin or Admin(settings)

    # Chat ---------------------------------------------------------------------------------------------------

    def respond(self, question: str, messages: list[dict]):
        """Stream the answer into the chat line by line, then show its sources (yields chat, sources, state)."""
        question = (question or "").strip()
        messages = list(messages or [])
        if not question:
            yield messages, gr.update(), gr.update(), ""
            return
        if len(question) > MAX_QUESTION:
            gr.Warning(f"Câu hỏi quá dài: tối đa {MAX_QUESTION} ký tự")
            yield messages, gr.update(), gr.update(), question
            return
        history = _history(messages)
        messages = [*messages, {"role": "user", "content": _plain(question)},
                    {"role": "assistant", "content": "…"}]
        yield messages, "<p>Đang tìm trong các văn bản…</p>", gr.update(), ""
        answer = self.answerer.ask(question, history)
        shown = ""
        for line in answer.answer.splitlines(keepends=True):
            shown += line
            messages[-1] = {"role": "assistant", "content": _plain(shown)}
            yield messages, gr.update(), gr.update(), ""
            time.sleep(0.02)
        last = {"question": question, "answer": answer.answer, "chunk_ids": [c.chunk_id for c in answer.citations]}
        yield messages, sources_html(answer), last, ""

    def rate(self, messages: list[dict], data: gr.LikeData) -> tuple[str, int | None]:
        """👍/👎 on an answer in the chat: stored with the question before it."""
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        if data.liked is None or not isinstance(index, int) or not 0 <= index < len(messages or []):
            return "Đã bỏ đánh giá.", None
        turns = _history(messages[: index + 1])
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

    # Documents ----------------------------------------------------------------------------------------------

    def documents_table(self) -> list[list[str]]:
        """One row per document: id, số hiệu, title, type, issued, effective, status."""
        snapshot = self.searcher.snapshot()
        return [[doc_id, meta.get("number") or "", meta.get("title") or "", meta.get("doc_type") or "",
                 meta.get("issued") or "", meta.get("effective") or "",
                 STATUS_LABELS.get(meta.get("status"), "chưa xác minh")]
                for doc_id, meta in sorted(snapshot.documents.items())]

    def _groups(self, doc_id: str) -> dict[str, list]:
        """A document's chunks grouped by Điều (by section for plans), in document order."""
        snapshot = self.searcher.snapshot()
        groups: dict[str, list] = {}
        for i in snapshot.doc_positions.get(doc_id, []):
            chunk = snapshot.chunks[i]
            key = f"Điều {chunk.article}" + (f". {chunk.article_title}" if chunk.article_title else "") \
                if chunk.article else chunk.locator
            groups.setdefault(key, []).append(chunk)
        return groups

    def articles(self, doc_id: str | None):
        """The Điều of the chosen document for the second dropdown, the first one selected."""
        if not doc_id:
            return gr.update(choices=[], value=None)
        keys = list(self._groups(doc_id))
        return gr.update(choices=keys, value=keys[0] if keys else None)

    def read(self, doc_id: str | None, article: str | None) -> str:
        """The chosen Điều: status, warning and its text, khoản by khoản."""
        if not doc_id:
            return "<p>Chọn một văn bản.</p>"
        meta = self.searcher.snapshot().documents.get(doc_id)
        if meta is None:
            return f"<p>Không có văn bản mã {html.escape(doc_id)}.</p>"
        chunks = self._groups(doc_id).get(article or "", [])
        head = (f"<h3>{html.escape(meta.get('title') or doc_id)}{_badge(meta.get('status', ''))}</h3>"
                f"<div class='kc-meta'>{html.escape(meta.get('number') or '')}"
                f"{' · nguồn: ' + html.escape(meta['source']) if meta.get('source') else ''}</div>")
        body = "".join(f"<div class='kc-source'><div class='kc-meta'>{html.escape(c.locator)}</div>"
                       f"<div class='kc-passage'>{html.escape(c.text)}</div></div>" for c in chunks)
        return head + (body or "<p>Chọn một Điều.</p>")

    # Eligibility --------------------------------------------------------------------------------------------

    def check(self, entity: str, unit: str, city_class: str, years: float | None, sector: str, cleaner: bool,
              workers: float | None, share: float | None, exports: bool, priority_area: bool, typical: bool) -> str:
        """The checker's verdict as HTML: conclusion, reasons with their articles, priorities, warnings."""
        if not (sector or "").strip():
            return "<p>Cần nhập ngành nghề sản xuất.</p>"
        applicant = eligibility.Applicant(
            entity_type=_key(eligibility.ENTITY_LABELS, entity),
            location=eligibility.Location(_key(eligibility.UNIT_LABELS, unit),
                                          int(city_class) if city_class in ("1", "2", "3") else None,
                                          int(years) if years is not None else None),
            sector=sector.strip()[:500], cleaner_production=bool(cleaner),
            workers=int(workers) if workers is not None else None,
            local_material_share=share / 100 if share is not None else None,
            exports=bool(exports), priority_area=bool(priority_area), typical_product=bool(typical))
        verdict = eligibility.evaluate(applicant, self.searcher.snapshot())
        title = {"eligible": "✅ Thuộc đối tượng được hỗ trợ khuyến công",
                 "not_eligible": "⛔ Không thuộc đối tượng được hỗ trợ",
                 "needs_review": "❔ Cần cơ quan quản lý xem xét thêm"}[verdict.verdict]

        def items(reasons) -> str:
            return "".join(
                f"<div class='kc-source' data-kc='source'><b>{html.escape(r.text)}</b>"
                f"<div class='kc-meta'>{html.escape(r.citation.get('locator', ''))} · "
                f"{html.escape(r.citation.get('number') or '')}{_badge(r.citation.get('status', ''))}</div>"
                f"<div class='kc-passage'>{html.escape(r.citation.get('text', ''))}</div></div>" for r in reasons)

        priorities = items(verdict.priorities) or "<p>Không có tiêu chí ưu tiên nào áp dụng theo thông tin đã nhập.</p>"
        warnings = "".join(f"<div class='kc-warning'>⚠ {html.escape(w)}</div>" for w in verdict.warnings)
        return (f"<h3 data-kc='verdict' data-verdict='{verdict.verdict}'>{title}</h3><h4>Căn cứ</h4>"
                f"{items(verdict.reasons)}<h4>Ưu tiên</h4>{priorities}{warnings}")

    # Support levels -----------------------------------------------------------------------------------------

    def levels(self, query: str, doc_id: str | None, status_label: str | None) -> list[list[str]]:
        """Rows of the support-level table matching the search and filters."""
        status = _key(STATUS_LABELS, status_label) if status_label else None
        rows = support_levels.search(self.searcher.snapshot().support_levels, query or "", doc_id or None, status)
        return [[r.activity, r.percent or "", r.cap or "", f"{r.cap_vnd:,}".replace(",", ".") if r.cap_vnd else "",
                 r.payer or "", f"{r.locator} {r.number or ''}", STATUS_LABELS.get(r.status, r.status),
                 r.conditions] for r in rows]

    def export_levels(self, query: str, doc_id: str | None, status_label: str | None) -> str:
        """The filtered table as CSV under KC_DATA_DIR."""
        import csv

        path = self.settings.data_dir / "exports" / f"muc-ho-tro-{time.strftime('%Y%m%d-%H%M%S')}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(LEVEL_COLUMNS)
            writer.writerows(self.levels(query, doc_id, status_label))
        return str(path)

    # Administration -----------------------------------------------------------------------------------------

    def upload(self, token: str, path: str | None, request: gr.Request | None = None) -> str:
        """Upload and index one document (same checks and audit line as POST /api/admin/documents)."""
        if not path:
            return "Chọn một tệp để tải lên."
        try:
            self.admin.authorize(f"Bearer {token or ''}")
            file = Path(path)
            if file.stat().st_size > self.settings.max_upload_bytes:
                raise AdminError(413, f"tệp quá lớn: tối đa {self.settings.max_upload_bytes} byte")
            result = self.admin.upload(file.name, file.read_bytes(), _client(request))
            self.searcher.snapshot()
        except AdminError as exc:
            return f"⛔ {exc.message}"
        return f"✅ Đã nạp {result['file']}: chỉ mục {result['generation']}, {result['chunks']} đoạn."

    def reindex(self, token: str, request: gr.Request | None = None) -> str:
        """Full re-index (same checks and audit line as POST /api/admin/reindex)."""
        try:
            self.admin.authorize(f"Bearer {token or ''}")
            result = self.admin.reindex(_client(request))
            self.searcher.snapshot()
        except AdminError as exc:
            return f"⛔ {exc.message}"
        failures = "".join(f"\n- LỖI {f}" for f in result["failures"])
        return f"✅ Chỉ mục {result['generation']}: {result['chunks']} đoạn." + failures

    # Search -------------------------------------------------------------------------------------------------

    def search(self, query: str, k: float) -> str:
        """Ranked passages, no answer synthesis."""
        query = (query or "").strip()
        if not query:
            return "<p>Nhập từ khóa hoặc câu hỏi.</p>"
        results = self.searcher.search(query[:MAX_QUESTION], k=int(k))
        if not results:
            return "<p>Không tìm thấy đoạn nào phù hợp.</p>"
        return "".join(
            f"<div class='kc-result' data-kc='source'><b>{rank}. {html.escape(r.chunk.citation_label)}</b>"
            f"{_badge(r.chunk.status)} <span class='kc-meta'>điểm {r.score:.3f}</span>"
            f"<div class='kc-passage'>{html.escape(r.chunk.text[:1200])}</div></div>"
            for rank, r in enumerate(results, 1)
        )


LEVEL_COLUMNS = ["Hoạt động", "Tỷ lệ", "Mức tối đa", "Quy ra đồng", "Nguồn chi", "Điều khoản", "Tình trạng",
                 "Điều kiện (nguyên văn)"]


def _client(request: gr.Request | None) -> str:
    return getattr(getattr(request, "client", None), "host", "") or "gradio"


def _key(labels: dict[str, str], label: str) -> str:
    """The code behind a Vietnamese label shown in a dropdown."""
    return next((k for k, v in labels.items() if v == label), label)


def build_workspace(workspace: Workspace) -> gr.Blocks:
    """The Blocks layout: Hỏi đáp, Văn bản, Tra cứu."""
    with gr.Blocks(title="Trợ lý khuyến công", analytics_enabled=False) as blocks:
        gr.Markdown("## Trợ lý khuyến công\nTra cứu nghị định, thông tư, kế hoạch khuyến công — mọi câu trả lời "
                    "đều trích dẫn văn bản gốc và cho biết tình trạng hiệu lực.")
        last = gr.State(None)
        feedback_id = gr.State(None)
        with gr.Tab("Hỏi đáp"):
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(label="Hội thoại", height=460, render_markdown=True, sanitize_html=True,
                                      elem_id="kc-chat", buttons=["copy"])
                    with gr.Row():
                        question = gr.Textbox(label="Câu hỏi", placeholder="Nhập câu hỏi (có dấu hoặc không dấu)…",
                                              lines=2, max_lines=6, scale=5, elem_id="kc-question")
                        send = gr.Button("Gửi", variant="primary", scale=1, elem_id="kc-send")
                    new = gr.Button("Cuộc trò chuyện mới", size="sm")
                    gr.Examples(EXAMPLES_ENTERPRISE, inputs=question, label="Doanh nghiệp thường hỏi")
                    gr.Examples(EXAMPLES_OFFICIAL, inputs=question, label="Cán bộ Sở Công Thương thường hỏi")
                with gr.Column(scale=2):
                    gr.Markdown("### Nguồn trích dẫn")
                    sources = gr.HTML("<p>Các văn bản được trích dẫn sẽ hiện ở đây.</p>", elem_id="kc-sources")
                    gr.Markdown("### Góp ý")
                    status = gr.Markdown("Bấm 👍/👎 dưới câu trả lời, hoặc viết góp ý:")
                    remark = gr.Textbox(label="Góp ý (không bắt buộc)", lines=2)
                    with gr.Row():
                        save = gr.Button("Gửi góp ý", size="sm")
                        export = gr.Button("Tải CSV góp ý", size="sm")
                    export_file = gr.File(label="Tệp CSV", visible=True, interactive=False)
            outputs = [chat, sources, last, question]
            send.click(workspace.respond, [question, chat], outputs)
            question.submit(workspace.respond, [question, chat], outputs)
            new.click(lambda: ([], "<p>Các văn bản được trích dẫn sẽ hiện ở đây.</p>", None, None),
                      None, [chat, sources, last, feedback_id])
            chat.like(workspace.rate, chat, [status, feedback_id])
            save.click(workspace.comment, [feedback_id, remark, last], [status, feedback_id, remark])
            export.click(workspace.export, None, export_file)
        with gr.Tab("Văn bản"):
            gr.Dataframe(headers=["Mã", "Số hiệu", "Tên văn bản", "Loại", "Ban hành", "Hiệu lực", "Tình trạng"],
                         value=workspace.documents_table, interactive=False, wrap=True)
            with gr.Row():
                doc = gr.Dropdown(label="Văn bản", choices=[row[0] for row in workspace.documents_table()])
                article = gr.Dropdown(label="Điều / mục", choices=[])
            reader = gr.HTML("<p>Chọn một văn bản.</p>")
            doc.change(workspace.articles, doc, article)
            article.change(workspace.read, [doc, article], reader)
        with gr.Tab("Kiểm tra điều kiện"):
            gr.Markdown("Nhập thông tin cơ sở để biết có thuộc đối tượng hỗ trợ khuyến công không (Nghị định "
                        "45/2012/NĐ-CP Điều 1, 5, 6; Thông tư 46/2012/TT-BCT Điều 3, 5, 6). Mỗi kết luận kèm điều "
                        "khoản.")
            with gr.Row():
                entity = gr.Dropdown(list(eligibility.ENTITY_LABELS.values()), label="Loại hình",
                                     value=eligibility.ENTITY_LABELS["ho_kinh_doanh"])
                unit = gr.Dropdown(list(eligibility.UNIT_LABELS.values()), label="Nơi sản xuất",
                                   value=eligibility.UNIT_LABELS["xa"])
                city_class = gr.Dropdown(["không áp dụng", "1", "2", "3"], value="không áp dụng",
                                         label="Phường thuộc thành phố loại")
                years = gr.Number(label="Số năm từ khi xã chuyển thành phường", precision=0, minimum=0)
            sector = gr.Textbox(label="Ngành nghề sản xuất",
                                placeholder="ví dụ: mây tre đan xuất khẩu, chế biến nông sản")
            with gr.Row():
                workers = gr.Number(label="Số lao động", precision=0, minimum=0)
                share = gr.Number(label="Tỷ lệ nguyên liệu tại chỗ (%)", minimum=0, maximum=100)
                cleaner = gr.Checkbox(label="Áp dụng sản xuất sạch hơn")
                exports = gr.Checkbox(label="Có sản phẩm xuất khẩu")
                priority_area = gr.Checkbox(label="Ở địa bàn khó khăn / vùng cao / nông thôn mới")
                typical = gr.Checkbox(label="Có sản phẩm CNNT tiêu biểu")
            check = gr.Button("Kiểm tra", variant="primary", elem_id="kc-check")
            verdict = gr.HTML(elem_id="kc-verdict")
            check.click(workspace.check, [entity, unit, city_class, years, sector, cleaner, workers, share, exports,
                                          priority_area, typical], verdict)
        with gr.Tab("Mức hỗ trợ"):
            gr.Markdown("Mọi mức hỗ trợ, mức chi trích từ văn bản trong kho, kèm điều khoản và tình trạng hiệu lực. "
                        "Các mức năm 2014 của Thông tư liên tịch 26/2014/TTLT-BTC-BCT đã bị thay thế bởi Thông tư "
                        "28/2018/TT-BTC (sửa đổi bởi Thông tư 64/2024/TT-BTC), văn bản chưa có trong kho.")
            with gr.Row():
                level_query = gr.Textbox(label="Tìm", placeholder="ví dụ: thương hiệu, hội chợ, máy móc", scale=3)
                level_doc = gr.Dropdown(["", *sorted({r.doc_id for r in workspace.searcher.snapshot().support_levels})],
                                        label="Văn bản", value="", scale=2)
                level_status = gr.Dropdown(["", *STATUS_LABELS.values()], label="Tình trạng", value="", scale=1)
            level_table = gr.Dataframe(headers=LEVEL_COLUMNS, value=lambda: workspace.levels("", "", ""),
                                       interactive=False, wrap=True, elem_id="kc-levels")
            level_csv = gr.Button("Tải CSV", size="sm")
            level_file = gr.File(label="Tệp CSV", interactive=False)
            filters = [level_query, level_doc, level_status]
            for control in filters:
                control.change(workspace.levels, filters, level_table)
            level_csv.click(workspace.export_levels, filters, level_file)
        with gr.Tab("Quản trị"):
            gr.Markdown("Tải văn bản mới lên (txt, md, pdf, docx, html) hoặc nạp lại toàn bộ chỉ mục. Cần mã quản "
                        "trị (`KC_ADMIN_TOKEN`); mỗi thay đổi được ghi một dòng vào nhật ký kiểm toán.")
            token = gr.Textbox(label="Mã quản trị", type="password")
            upload_file = gr.File(label="Văn bản", file_types=[".txt", ".md", ".pdf", ".docx", ".html", ".htm"],
                                  type="filepath")
            with gr.Row():
                upload = gr.Button("Tải lên và nạp", variant="primary")
                reindex = gr.Button("Nạp lại toàn bộ")
            admin_status = gr.Markdown()
            upload.click(workspace.upload, [token, upload_file], admin_status)
            reindex.click(workspace.reindex, token, admin_status)
        with gr.Tab("Tra cứu"):
            with gr.Row():
                query = gr.Textbox(label="Tìm điều khoản", placeholder="ví dụ: mức hỗ trợ thuê gian hàng", scale=5)
                k = gr.Slider(1, 20, value=8, step=1, label="Số kết quả", scale=2)
                go = gr.Button("Tìm", variant="primary", scale=1)
            found = gr.HTML()
            go.click(workspace.search, [query, k], found)
            query.submit(workspace.search, [query, k], found)
    return blocks
