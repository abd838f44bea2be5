"""Whether a cited document is still in force, said in Vietnamese from the manifest metadata."""

from __future__ import annotations

import re

from assistant.documents.records import document_label

STATUS_LABELS = {
    "in_force": "còn hiệu lực",
    "amended": "đã được sửa đổi",
    "superseded": "đã bị thay thế",
    "expired": "hết hiệu lực",
    "unverified": "chưa xác minh",
    "informational": "tin bài, tham khảo",
}

# The manifest notes some facts in English; the user reads Vietnamese.
_PHRASES = [
    (r"\s*[—-]\s*texts? not in corpus", " (văn bản chưa có trong kho)"),
    (r",?\s*itself amended by", ", được sửa đổi bởi"),
    (r"reported replaced by (.+?) \(not verified\)", r"được cho là đã bị thay thế bởi \1 (chưa xác minh)"),
]


def vietnamese_note(note: str) -> str:
    """Manifest notes with their English phrases put into Vietnamese."""
    for pattern, replacement in _PHRASES:
        note = re.sub(pattern, replacement, note)
    return note.strip()


def doc_label(meta: dict) -> str:
    """The citation name of a document from its manifest metadata."""
    return document_label(meta.get("doc_type"), meta.get("number"), meta.get("title"))


def title_after_kind(meta: dict) -> str | None:
    """'quy định mức chi cụ thể …' from the title 'Nghị quyết quy định mức chi cụ thể …'; None when the title does
    not begin with the document's kind or holds nothing more."""
    title, kind = (meta.get("title") or "").strip(), (meta.get("doc_type") or "").strip()
    if not kind or not title.lower().startswith(kind.lower()):
        return None
    return title[len(kind):].strip() or None


def currency_warning(meta: dict) -> str | None:
    """A warning for an amended, superseded, expired, unverified-replacement or partial document, else None."""
    label = doc_label(meta)
    status = meta.get("status")
    parts = []
    if status == "amended" and meta.get("amended_by"):
        amended = "; ".join(vietnamese_note(a) for a in meta["amended_by"])
        parts.append(f"{label} đã được sửa đổi, bổ sung bởi {amended}; nội dung trích dẫn là bản gốc, "
                     "cần đối chiếu văn bản sửa đổi")
    elif status == "superseded":
        by = vietnamese_note(meta.get("superseded_by") or "văn bản khác")
        parts.append(f"{label} đã bị thay thế bởi {by}; các mức, nội dung trích dẫn chỉ còn giá trị tham khảo")
    elif status == "expired":
        parts.append(f"{label} đã hết hiệu lực hoặc hết thời kỳ áp dụng")
    elif meta.get("superseded_by"):
        parts.append(f"{label} {vietnamese_note(meta['superseded_by'])}")
    if meta.get("complete") is False:
        parts.append(f"kho chỉ có một phần văn bản {label}")
    return ("Lưu ý: " + "; ".join(parts) + ".") if parts else None


def _bare(note: str) -> str:
    """A note without its parenthetical remarks ('64/2024/TT-BTC (28/8/2024)' -> '64/2024/TT-BTC')."""
    return re.sub(r"\s*\([^)]*\)", "", vietnamese_note(note)).strip()


def short_warning(meta: dict) -> str | None:
    """The currency note shown under an answer (one short line; the full warning goes to the sources panel)."""
    label = doc_label(meta)
    status = meta.get("status")
    if status == "amended" and meta.get("amended_by"):
        by = "; ".join(_bare(a) for a in meta["amended_by"])
        return f"{label} đã được sửa đổi bởi {by}: cần đối chiếu văn bản sửa đổi."
    if status == "superseded":
        return f"{label} đã bị thay thế bởi {_bare(meta.get('superseded_by') or 'văn bản khác')}: chỉ để tham khảo."
    if status == "expired":
        return f"{label} đã hết hiệu lực."
    if meta.get("complete") is False:
        return f"Kho chỉ có một phần văn bản {label}."
    return None
