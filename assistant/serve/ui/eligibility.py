"""The Kiểm tra điều kiện tab: the eligibility checker's form and its cited verdict."""

from __future__ import annotations

import html

import gradio as gr

from assistant.domain import eligibility
from assistant.search.retrieval import Searcher
from assistant.serve.ui.common import badge, key_of

TITLES = {"eligible": "✅ Thuộc đối tượng được hỗ trợ khuyến công",
          "not_eligible": "⛔ Không thuộc đối tượng được hỗ trợ",
          "needs_review": "❔ Cần cơ quan quản lý xem xét thêm"}


def _reasons_html(reasons) -> str:
    return "".join(
        f"<div class='kc-source' data-kc='source'><b>{html.escape(r.text)}</b>"
        f"<div class='kc-meta'>{html.escape(r.citation.get('locator', ''))} · "
        f"{html.escape(r.citation.get('number') or '')}{badge(r.citation.get('status', ''))}</div>"
        f"<div class='kc-passage'>{html.escape(r.citation.get('text', ''))}</div></div>" for r in reasons)


class EligibilityTab:
    """Handler of the Kiểm tra điều kiện tab."""

    def __init__(self, searcher: Searcher):
        self.searcher = searcher

    def check(self, entity: str, unit: str, city_class: str, years: float | None, sector: str, cleaner: bool,
              workers: float | None, share: float | None, exports: bool, priority_area: bool, typical: bool) -> str:
        """The checker's verdict as HTML: conclusion, reasons with their articles, priorities, warnings."""
        if not (sector or "").strip():
            return "<p>Cần nhập ngành nghề sản xuất.</p>"
        applicant = eligibility.Applicant(
            entity_type=key_of(eligibility.ENTITY_LABELS, entity),
            location=eligibility.Location(key_of(eligibility.UNIT_LABELS, unit),
                                          int(city_class) if city_class in ("1", "2", "3") else None,
                                          int(years) if years is not None else None),
            sector=sector.strip()[:500], cleaner_production=bool(cleaner),
            workers=int(workers) if workers is not None else None,
            local_material_share=share / 100 if share is not None else None,
            exports=bool(exports), priority_area=bool(priority_area), typical_product=bool(typical))
        verdict = eligibility.evaluate(applicant, self.searcher.generation())
        priorities = (_reasons_html(verdict.priorities)
                      or "<p>Không có tiêu chí ưu tiên nào áp dụng theo thông tin đã nhập.</p>")
        warnings = "".join(f"<div class='kc-warning'>⚠ {html.escape(w)}</div>" for w in verdict.warnings)
        return (f"<h3 data-kc='verdict' data-verdict='{verdict.verdict}'>{TITLES[verdict.verdict]}</h3><h4>Căn cứ</h4>"
                f"{_reasons_html(verdict.reasons)}<h4>Ưu tiên</h4>{priorities}{warnings}")

    def build(self) -> None:
        """The tab's layout and events."""
        gr.Markdown("Nhập thông tin cơ sở để biết có thuộc đối tượng hỗ trợ khuyến công không (Nghị định "
                    "45/2012/NĐ-CP Điều 1, 5, 6; Thông tư 46/2012/TT-BCT Điều 3, 5, 6). Mỗi kết luận kèm điều khoản.")
        with gr.Row():
            entity = gr.Dropdown(list(eligibility.ENTITY_LABELS.values()), label="Loại hình",
                                 value=eligibility.ENTITY_LABELS["ho_kinh_doanh"])
            unit = gr.Dropdown(list(eligibility.UNIT_LABELS.values()), label="Nơi sản xuất",
                               value=eligibility.UNIT_LABELS["xa"])
            city_class = gr.Dropdown(["không áp dụng", "1", "2", "3"], value="không áp dụng",
                                     label="Phường thuộc thành phố loại")
            years = gr.Number(label="Số năm từ khi xã chuyển thành phường", precision=0, minimum=0)
        sector = gr.Textbox(label="Ngành nghề sản xuất", placeholder="ví dụ: mây tre đan xuất khẩu, chế biến nông sản")
        with gr.Row():
            workers = gr.Number(label="Số lao động", precision=0, minimum=0)
            share = gr.Number(label="Tỷ lệ nguyên liệu tại chỗ (%)", minimum=0, maximum=100)
            cleaner = gr.Checkbox(label="Áp dụng sản xuất sạch hơn")
            exports = gr.Checkbox(label="Có sản phẩm xuất khẩu")
            priority_area = gr.Checkbox(label="Ở địa bàn khó khăn / vùng cao / nông thôn mới")
            typical = gr.Checkbox(label="Có sản phẩm CNNT tiêu biểu")
        check = gr.Button("Kiểm tra", variant="primary", elem_id="kc-check")
        verdict = gr.HTML(elem_id="kc-verdict")
        check.click(self.check, [entity, unit, city_class, years, sector, cleaner, workers, share, exports,
                                 priority_area, typical], verdict)
