"""Who approved or signed a document the question names by its title: the office its preamble is issued in the name
of ('BỘ TRƯỞNG BỘ CÔNG THƯƠNG' above the 'Căn cứ …' lines), with the document and its date."""

from __future__ import annotations

import re

from assistant.answer import compose
from assistant.answer.compose import Composition
from assistant.answer.currency import doc_label
from assistant.answer.validity import dated_title_named, issued_phrase
from assistant.text import fold

# '… do ai / cấp nào phê duyệt?', '… được phê duyệt ở cấp nào?', 'ai ký …', 'who approved …?'
_ASKS = re.compile(r"\b(?:do|boi)\s+(?:ai|cap nao|co quan nao)\b[^?,]{0,30}\b(?:phe duyet|ky|ban hanh)\b|"
                   r"\b(?:ai|cap nao|co quan nao)\s+(?:phe duyet|ky)\b|"
                   r"\bphe duyet\s+(?:o|boi|tai)\s+(?:cap|co quan)\s+nao\b|"
                   r"\b(?:who|which \w+)\s+(?:approved|signed)\b|\b(?:approved|signed)\s+by\s+(?:whom|which)\b")
# '… do Thủ tướng Chính phủ ký quyết định phê duyệt, đúng không?': an office put up to be checked
_OFFICE = re.compile(r"\bdo\s+(thu tuong(?: chinh phu)?|bo truong[\w ]{0,20}?|chinh phu|uy ban nhan dan[\w ]{0,12}?|"
                     r"hoi dong nhan dan[\w ]{0,12}?|cuc truong[\w ]{0,30}?)\s+(?:ky|phe duyet|ban hanh)\b")
_BASIS = re.compile(r"^\s*Căn cứ\b")
# An office a document is issued in the name of, as a preamble writes it above its bases (not the title line).
_OFFICE_LINE = re.compile(r"^(?:BỘ TRƯỞNG|THỦ TƯỚNG|CHÍNH PHỦ|CHỦ TỊCH|HỘI ĐỒNG NHÂN DÂN|ỦY BAN NHÂN DÂN|CỤC TRƯỞNG|"
                          r"GIÁM ĐỐC)\b")
# Words of a title in a row that name it, with its year: 'chương trình giai đoạn 2026'.
SHORT_TITLE = 3


def asks_approver(question: str) -> bool:
    """'Chương trình … giai đoạn 2026-2030 do ai phê duyệt?', '… do Thủ tướng ký quyết định phê duyệt, đúng không?'"""
    folded = fold(question).lower()
    return bool(_ASKS.search(folded) or _OFFICE.search(folded))


def office_line(opening: str) -> str | None:
    """The upper-case line right above a preamble's first 'Căn cứ …' ('THỦ TƯỚNG CHÍNH PHỦ'); None without one."""
    lines = [line.strip() for line in opening.splitlines()]
    basis = next((i for i, line in enumerate(lines) if _BASIS.match(line)), None)
    line = lines[basis - 1] if basis else ""
    return line if _OFFICE_LINE.match(line) and line == line.upper() else None


def as_written(office: str, chunks: list) -> str:
    """The office as running text writes it ('Bộ trưởng Bộ Công Thương' for 'BỘ TRƯỞNG BỘ CÔNG THƯƠNG'), else its
    words capitalised."""
    pattern = re.compile(re.escape(office), re.IGNORECASE)
    found = (m.group(0) for chunk in chunks for m in pattern.finditer(chunk.text) if m.group(0) != office)
    return next(found, office.capitalize())


def approval_lead(question: str, results: list, generation) -> Composition | None:
    """'Chương trình khuyến công quốc gia giai đoạn 2026 - 2030 được Bộ trưởng Bộ Công Thương phê duyệt tại Quyết
    định 2646/QĐ-BCT ngày 23 tháng 9 năm 2025 [1].' for a question asking who approved a document it names by its
    title; 'Không. …' when the question puts up another office. None when it asks no such thing."""
    if not asks_approver(question):
        return None
    folded = fold(question).lower()
    put = _OFFICE.search(folded)
    # a side of a comparison may name it short ('… và Chương trình giai đoạn 2026-2030 được phê duyệt ở cấp nào');
    # the words around an office put up: the title before it, the claim after it ('… do Bộ trưởng phê duyệt từ năm
    # 2012'), or the other way round ('Có phải do Thủ tướng phê duyệt Chương trình … 2026-2030 không?')
    around = [folded[:put.start()], folded[put.end():], question] if put else [question]
    named = next((found for text in around if (found := dated_title_named(text, results, generation, SHORT_TITLE))),
                 None)
    chunks = generation.document_chunks(named) if named else []
    office = office_line(chunks[0].text) if chunks else None
    if office is None:
        return None
    meta = generation.document(named)
    written = as_written(office, generation.chunks)
    title = (meta.get("title") or "").strip()
    approved = re.match(r"(?i)(?:quyết định\s+)?phê duyệt\s+(.+)", title)
    when = issued_phrase(meta, chunks[0].text)
    dated = f" {when}" if when else ""
    if approved:
        said = f"{approved.group(1)} được {written} phê duyệt tại {doc_label(meta)}{dated}"
    else:
        said = f"{doc_label(meta)} do {written} ký ban hành{dated}"
    verdict = "" if put is None else ("Đúng. " if fold(written).lower().startswith(put.group(1)) else "Không. ")
    composition = Composition(lead="", cited=[])
    composition.lead = f"{verdict}{compose.sentence(said)} [{composition.number(chunks[0])}]."
    composition.units.append(office)
    return composition
