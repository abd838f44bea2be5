"""What every tab of the workspace shares: the stylesheet, status badges, escaping and dropdown labels."""

from __future__ import annotations

import html

import gradio as gr

from assistant.answer.currency import STATUS_LABELS

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


def badge(status: str) -> str:
    """A coloured status badge ('còn hiệu lực', 'đã bị thay thế' …)."""
    label = STATUS_LABELS.get(status, "chưa xác minh")
    color = BADGE_COLORS.get(status, "#57606a")
    return f'<span class="kc-badge" style="background:{color}">{html.escape(label)}</span>'


def plain(text: str) -> str:
    """Text shown in the chat as text: HTML escaped, so nothing a user or a document types becomes markup."""
    return html.escape(text, quote=False)


def client_of(request: gr.Request | None) -> str:
    """The client address of a Gradio request, for the audit log."""
    return getattr(getattr(request, "client", None), "host", "") or "gradio"


def key_of(labels: dict[str, str], label: str) -> str:
    """The code behind a Vietnamese label shown in a dropdown."""
    return next((k for k, v in labels.items() if v == label), label)
