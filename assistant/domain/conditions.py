"""Conditions the rules set on what a supported activity buys or builds ('máy móc thiết bị … được hỗ trợ ứng dụng
phải là máy móc thiết bị mới'), read off the published index: one row per provision, keyed by the activity it names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.documents.units import split_units
from assistant.search.glossary import activity_of

# What is supported must be so: 'được lựa chọn … phải', 'được hỗ trợ ứng dụng phải là …'.
_REQUIRED = re.compile(r"\bđược (?:lựa chọn|hỗ trợ)\b[^;.]*?(?<!không )\bphải\b", re.IGNORECASE)


@dataclass
class Condition:
    """A requirement on a supported activity and the passage stating it."""

    activity: str
    chunk_id: str
    text: str


def extract(chunks: list) -> list[Condition]:
    """The first requirement unit of each passage whose opening names a supported activity; of a list of dashes
    holding one, the first dash ('- Đối với đề án khuyến công quốc gia là công nghệ … chưa có cơ sở nào áp dụng …'
    before '- Công nghệ mới … phải vượt trội …')."""
    found = []
    for chunk in chunks:
        units = split_units(chunk.text)
        activity = activity_of(units[0]) if units else None
        first = next((i for i, unit in enumerate(units) if i and _REQUIRED.search(unit)), None) if activity else None
        if first is None:
            continue
        while units[first].startswith("- ") and units[first - 1].startswith("- "):
            first -= 1
        found.append(Condition(activity, chunk.id, units[first]))
    return found


def table(generation) -> list[Condition]:
    """The conditions of a generation, read once per generation."""
    return generation.view("conditions", lambda g: extract(g.chunks))


def of_activity(generation, activity: str) -> Condition | None:
    """The requirement the rules set on an activity (the corpus's name of it), if any."""
    return next((c for c in table(generation) if c.activity == activity), None)
