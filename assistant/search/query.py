"""What a query asks for, as far as ranking needs to know: an amount, a share, a count or a term."""

from __future__ import annotations

import re

from assistant.text import fold

_NUMERIC_ASK = re.compile(r"\b(bao nhieu|muc(?! dich| tieu| luc)|toi da|toi thieu|ty le|phan tram|bao lau|"
                          r"may(?! moc)|han|thoi han|how much|how many|percent|rate)\b")
# Passages answering 'bao nhiêu / tối đa / mức' state an amount, a share, a count or a term.
AMOUNT = re.compile(r"\d[\d.,]*\s*(%|phần trăm|triệu|tỷ|đồng|lần|ngày|tháng|năm|lao động|thành viên|điểm)")


def asks_for_number(question: str) -> bool:
    """'bao nhiêu', 'mức', 'tối đa', 'how much' …"""
    return bool(_NUMERIC_ASK.search(fold(question)))
