"""The curated question set (evals/questions.jsonl): loading and validation."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

TYPES = (
    "fact", "list", "eligibility", "support_level", "authority_procedure", "date_validity", "compare",
    "follow_up", "no_diacritics", "english", "out_of_scope", "scenario", "colloquial", "false_premise",
)
SPLITS = ("dev", "test")
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "evals" / "questions.jsonl"


class DatasetError(ValueError):
    """A question file that does not follow the format."""


@dataclass
class EvalItem:
    """One curated question with its key facts and gold passages."""

    id: str
    question: str
    type: str
    split: str
    reference_answer: str = ""
    must_contain: list[list[str]] = field(default_factory=list)
    chunk_ids: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    history: list[dict] = field(default_factory=list)

    @property
    def answerable(self) -> bool:
        return self.type != "out_of_scope"


def _is_fact_groups(groups) -> bool:
    """Whether key facts are given as groups of non-empty variant strings: [["50%"], ["200 triệu", "200.000.000"]]."""
    return isinstance(groups, list) and all(
        isinstance(group, list) and group and all(isinstance(v, str) and v for v in group) for group in groups)


def _item(row: dict, line: int) -> EvalItem:
    try:
        item = EvalItem(**row)
    except TypeError as exc:
        raise DatasetError(f"dòng {line}: {exc}") from exc
    if item.type not in TYPES:
        raise DatasetError(f"dòng {line}: loại câu hỏi '{item.type}' không hợp lệ")
    if item.split not in SPLITS:
        raise DatasetError(f"dòng {line}: split '{item.split}' không hợp lệ")
    if not _is_fact_groups(item.must_contain):
        # a bare string would be read as a group of one-letter variants, which every answer holds
        raise DatasetError(f"dòng {line}: must_contain phải là danh sách các nhóm, mỗi nhóm là danh sách chuỗi")
    if item.answerable and not (item.must_contain and item.chunk_ids):
        raise DatasetError(f"dòng {line}: câu hỏi có đáp án cần must_contain và chunk_ids")
    if item.type == "follow_up" and not item.history:
        raise DatasetError(f"dòng {line}: câu hỏi nối tiếp cần history")
    return item


def load(path: Path = DEFAULT_PATH, split: str | None = None) -> list[EvalItem]:
    """Items of one split (or all), in file order; raises DatasetError on malformed lines or duplicate ids."""
    items, seen = [], set()
    for line, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not text.strip():
            continue
        try:
            row = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DatasetError(f"dòng {line}: JSON không hợp lệ ({exc.msg})") from exc
        item = _item(row, line)
        if item.id in seen:
            raise DatasetError(f"dòng {line}: id '{item.id}' bị trùng")
        seen.add(item.id)
        if split in (None, "all", item.split):
            items.append(item)
    return items
