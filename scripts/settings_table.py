"""Rewrites the README's settings table from `Settings.table()`: `python scripts/settings_table.py`."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.config import Settings  # noqa: E402

README = ROOT / "README.md"
HEADER = "| variable | default | meaning |\n|---|---|---|\n"
# The table is the block of `|` lines right after the header row, inside the settings section.
TABLE = re.compile(r"\| variable \| default \| meaning \|\n\|---\|---\|---\|\n(?:\|.*\|\n)*")


def cell(text: str) -> str:
    """Markdown-safe table cell: a literal `|` would start a new column."""
    return text.replace("|", "\\|")


def render() -> str:
    """The settings table as Markdown, one row per field of Settings."""
    rows = "".join(f"| `{variable}` | {cell(default)} | {cell(help_text)} |\n"
                   for variable, default, help_text in Settings.table())
    return HEADER + rows


def main() -> int:
    """Replace the table in README.md; exit 1 when the README has no settings table."""
    text = README.read_text(encoding="utf-8")
    if not TABLE.search(text):
        print("README.md không có bảng cấu hình (| variable | default | meaning |)", file=sys.stderr)
        return 1
    README.write_text(TABLE.sub(lambda _: render(), text, count=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
