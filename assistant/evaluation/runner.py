"""Runs the question set through each configuration and aggregates the metrics (overall and by question type)."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from assistant.config import Settings
from assistant.evaluation import metrics
from assistant.evaluation.dataset import DEFAULT_PATH, TYPES, EvalItem, load
from assistant.evaluation.pipelines import Pipeline, create_pipelines

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "evals" / "reports"
THRESHOLDS = ROOT / "evals" / "thresholds.json"
RETRIEVAL_KEYS = ("recall@1", "recall@5", "recall@10", "mrr@10", "ndcg@10")
# Metrics where lower is better; every other metric is a floor in the gate.
LOWER_IS_BETTER = ("false_refusal_rate", "latency_p50_ms", "latency_p95_ms", "answer_chars_median")


def score_item(pipeline: Pipeline, item: EvalItem) -> dict:
    """Every per-question measurement of one configuration."""
    row: dict = {"id": item.id, "type": item.type, "question": item.question}
    if item.chunk_ids:
        gold = set(item.chunk_ids)
        ranked = pipeline.retrieve(item)
        row.update({
            "recall@1": metrics.recall_at(ranked, gold, 1), "recall@5": metrics.recall_at(ranked, gold, 5),
            "recall@10": metrics.recall_at(ranked, gold, 10), "mrr@10": metrics.mrr_at(ranked, gold),
            "ndcg@10": metrics.ndcg_at(ranked, gold),
        })
    reply = pipeline.answer(item)
    grounded, stated = (0, 0) if reply.refused else metrics.grounded_numbers(reply.text, reply.cited_sources)
    facts_ok = not reply.refused and metrics.facts_found(reply.text, item.must_contain)
    lead_ok = not reply.refused and metrics.lead_has_facts(reply.text, item.must_contain)
    row.update({
        "answer": reply.text, "refused": reply.refused, "ms": reply.seconds * 1000, "chars": len(reply.text),
        "correct": reply.refused if not item.answerable else facts_ok,
        "lead_correct": reply.refused if not item.answerable else lead_ok,
        "missing_facts": [g[0] for g in item.must_contain if not metrics.has_fact(reply.text, g)],
        "numbers_grounded": grounded, "numbers_stated": stated,
        "cited": len(reply.cited_texts) if item.answerable else 0,
        "cited_with_fact": metrics.cited_with_fact(reply.cited_texts, item.must_contain) if item.answerable else 0,
    })
    return row


def _mean(values: list[float]) -> float | None:
    return round(statistics.mean(values), 4) if values else None


def summarize(rows: list[dict]) -> dict:
    """Aggregate metrics of a set of per-question rows."""
    answerable = [r for r in rows if r["type"] != "out_of_scope"]
    outside = [r for r in rows if r["type"] == "out_of_scope"]
    stated = sum(r["numbers_stated"] for r in rows)
    cited = sum(r["cited"] for r in answerable)
    ms = [r["ms"] for r in rows]
    summary = {key: _mean([r[key] for r in rows if key in r]) for key in RETRIEVAL_KEYS}
    summary.update({
        "questions": len(rows),
        "answer_accuracy": _mean([float(r["correct"]) for r in rows]),
        "lead_accuracy": _mean([float(r["lead_correct"]) for r in rows]),
        "key_fact_lead_accuracy": _mean([float(r["lead_correct"]) for r in answerable]),
        "answer_chars_median": round(statistics.median([r["chars"] for r in rows]), 1) if rows else None,
        "key_fact_accuracy": _mean([float(r["correct"]) for r in answerable]),
        "numeric_faithfulness": round(sum(r["numbers_grounded"] for r in rows) / stated, 4) if stated else None,
        "citation_precision": round(sum(r["cited_with_fact"] for r in answerable) / cited, 4) if cited else None,
        "refusal_accuracy": _mean([float(r["refused"]) for r in outside]),
        "false_refusal_rate": _mean([float(r["refused"]) for r in answerable]),
        "latency_p50_ms": round(metrics.percentile(ms, 0.5), 1),
        "latency_p95_ms": round(metrics.percentile(ms, 0.95), 1),
    })
    return summary


def run(split: str = "test", config_names: list[str] | None = None, settings: Settings | None = None,
        path=DEFAULT_PATH) -> dict:
    """Results of every configuration on one split: summary, per-type summaries and per-question rows."""
    settings = settings or Settings.from_env()
    items = load(path, split)
    pipelines = create_pipelines(settings, config_names)
    results: dict = {"split": split, "questions": len(items), "date": time.strftime("%Y-%m-%d %H:%M"),
                     "configs": {}}
    for pipeline in pipelines:
        pipeline.answer(items[0])  # warm-up: model load and caches are not part of the latency
        rows = [score_item(pipeline, item) for item in items]
        results["configs"][pipeline.name] = {
            "summary": summarize(rows),
            "by_type": {t: summarize([r for r in rows if r["type"] == t]) for t in TYPES
                        if any(r["type"] == t for r in rows)},
            "rows": rows,
        }
    return results


def thresholds(path: Path = THRESHOLDS) -> dict:
    """The gate's floors (and ceilings) for the project's pipeline on the test split."""
    return json.loads(path.read_text(encoding="utf-8"))["project"]


def gate_failures(summary: dict, thresholds: dict) -> list[str]:
    """The thresholds a summary misses, as 'metric: value < floor' lines."""
    failures = []
    for key, bound in thresholds.items():
        value = summary.get(key)
        if value is None:
            failures.append(f"{key}: không đo được")
        elif key in LOWER_IS_BETTER and value > bound:
            failures.append(f"{key}: {value} > {bound}")
        elif key not in LOWER_IS_BETTER and value < bound:
            failures.append(f"{key}: {value} < {bound}")
    return failures
