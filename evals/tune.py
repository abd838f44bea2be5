"""`make tune`: sweeps fusion weights, the evidence weights, the lead and the refusal floor on the dev split only.

Prints a table per knob (one knob varied, the others at their defaults) and writes evals/reports/tuning.md.
The chosen defaults (assistant/config.py) and the dev numbers behind them are recorded in the README.
"""

from __future__ import annotations

import sys
from dataclasses import replace

from assistant.config import Settings
from assistant.evaluation.dataset import load
from assistant.evaluation.pipelines import ProjectPipeline
from assistant.evaluation.runner import REPORTS, score_item, summarize
from assistant.services import build_services

COLUMNS = ("recall@5", "lead_accuracy", "answer_accuracy", "answer_chars_median", "citation_precision",
           "refusal_accuracy", "false_refusal_rate")
SWEEPS = {
    "weight_dense": [0.3, 0.45, 0.55, 0.7],
    "boost_number": [0.0, 0.1, 0.2, 0.3],
    "answer_k": [3, 4, 6],
    "evidence_weight_dense": [0.0, 0.25, 0.5, 1.0],
    "evidence_weight_focus": [0.5, 1.0, 2.0],
    "evidence_weight_type": [0.0, 0.15, 0.3, 0.6],
    "evidence_prior": [0.3, 0.5, 0.8],
    "lead_tie_ratio": [0.8, 0.85, 0.95, 2.0],
    "quote_ratio": [0.6, 0.75, 0.85],
    "refusal_min_dense": [0.85, 0.868, 0.885],
}


def evaluate(settings: Settings, items) -> dict:
    pipeline = ProjectPipeline("project", build_services(settings, with_llm=False))
    return summarize([score_item(pipeline, item) for item in items])


def main() -> int:
    items = load(split="dev")
    base = Settings.from_env()
    sections = []
    for knob, values in SWEEPS.items():
        lines = [f"## {knob} (default {getattr(base, knob)})", "",
                 f"| {knob} | " + " | ".join(COLUMNS) + " |", "|---" * (len(COLUMNS) + 1) + "|"]
        for value in values:
            changes = {knob: value}
            if knob == "weight_dense":
                changes["weight_lexical"] = round(1 - value, 2)
            summary = evaluate(replace(base, **changes), items)
            lines.append(f"| {value} | " + " | ".join(f"{summary[c]:.3f}" if isinstance(summary[c], float) else
                                                      str(summary[c]) for c in COLUMNS) + " |")
            print(lines[-1], flush=True)
        sections.append("\n".join(lines))
    text = f"# Tuning on the dev split ({len(items)} questions)\n\n" + "\n\n".join(sections) + "\n"
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / "tuning.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
