"""The evaluation report: a Markdown headline table, per-type tables, failures, JSON and PNG charts."""

from __future__ import annotations

import json
from pathlib import Path

HEADLINE = ("recall@1", "recall@5", "recall@10", "mrr@10", "ndcg@10", "lead_accuracy", "answer_accuracy",
            "key_fact_lead_accuracy", "key_fact_accuracy", "answer_chars_median", "numeric_faithfulness",
            "citation_precision", "refusal_accuracy", "false_refusal_rate", "latency_p50_ms", "latency_p95_ms")
CHART_METRICS = ("recall@1", "recall@5", "mrr@10", "ndcg@10", "lead_accuracy", "answer_accuracy", "key_fact_accuracy",
                 "numeric_faithfulness", "citation_precision", "refusal_accuracy")
MAX_FAILURES = 40


def _cell(value, key: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}" if key.endswith("_ms") else f"{value:.3f}"
    return str(value)


def headline_table(results: dict) -> str:
    """One row per configuration, one column per metric."""
    lines = ["| config | " + " | ".join(HEADLINE) + " |", "|---" * (len(HEADLINE) + 1) + "|"]
    for name, result in results["configs"].items():
        lines.append(f"| {name} | " + " | ".join(_cell(result["summary"].get(k), k) for k in HEADLINE) + " |")
    return "\n".join(lines)


def type_table(results: dict) -> str:
    """Lead accuracy, answer accuracy and Recall@5 per question type, one column per configuration."""
    names = list(results["configs"])
    types = list(next(iter(results["configs"].values()))["by_type"]) if names else []
    lines = ["| type | n | " + " | ".join(f"{n} lead / acc / R@5" for n in names) + " |",
             "|---" * (len(names) + 2) + "|"]
    for t in types:
        cells = []
        for n in names:
            s = results["configs"][n]["by_type"][t]
            cells.append(f"{_cell(s['lead_accuracy'])} / {_cell(s['answer_accuracy'])} / {_cell(s['recall@5'])}")
        count = results["configs"][names[0]]["by_type"][t]["questions"]
        lines.append(f"| {t} | {count} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def failures(results: dict, config: str = "project") -> str:
    """The questions whose lead the configuration got wrong, with the key facts missing anywhere or only in the lead."""
    rows = [r for r in results["configs"].get(config, {}).get("rows", []) if not r["lead_correct"]]
    lines = [f"- `{r['id']}` ({r['type']}) {r['question']} — "
             + ("từ chối" if r["refused"] else ("không từ chối" if r["type"] == "out_of_scope" else
                ("thiếu: " + ", ".join(r["missing_facts"]) if r["missing_facts"] else "có trong câu trả lời, "
                 "không ở dòng đầu")))
             for r in rows[:MAX_FAILURES]]
    return "\n".join(lines) or "(không có)"


def _chart_names(stem: str) -> list[str]:
    prefix = "" if stem == "latest" else f"{stem}-"
    return [f"{prefix}{name}.png" for name in ("metrics_by_config", "accuracy_by_type", "latency")]


def markdown(results: dict, stem: str = "latest") -> str:
    """The whole report."""
    metrics_png, types_png, latency_png = _chart_names(stem)
    return (
        f"# Evaluation ({results['date']}, split `{results['split']}`, {results['questions']} questions)\n\n"
        "Recall@k: share of a question's gold passages in the top k (capped at k); MRR@10 and nDCG@10 on the "
        "same gold ids. Lead accuracy: every key fact in the answer's first line (answerable) or a refusal (out of "
        "scope); key_fact_lead_accuracy: the same over answerable questions only. Answer accuracy: every key fact "
        "anywhere in the answer, or a refusal. answer_chars_median: median length of the whole answer text. "
        "Numeric faithfulness: numbers stated in answers found in their cited passages. Citation precision: "
        "cited passages holding a key fact. Latency: one answer, in process, warm.\n\n"
        + headline_table(results) + "\n\n## By question type (answer accuracy / Recall@5)\n\n" + type_table(results)
        + "\n\n## Questions whose lead the project's pipeline got wrong\n\n" + failures(results) + "\n\n"
        f"![metrics]({metrics_png})\n![types]({types_png})\n![latency]({latency_png})\n"
    )


def charts(results: dict, folder: Path, stem: str = "latest") -> list[Path]:
    """Metrics by configuration, accuracy by question type, latency distribution (PNG)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    names = list(results["configs"])
    width = 0.8 / max(len(names), 1)
    paths = [folder / name for name in _chart_names(stem)]

    fig, ax = plt.subplots(figsize=(12, 4.5))
    x = np.arange(len(CHART_METRICS))
    for i, n in enumerate(names):
        values = [results["configs"][n]["summary"].get(m) or 0.0 for m in CHART_METRICS]
        ax.bar(x + i * width, values, width, label=n)
    ax.set_xticks(x + width * (len(names) - 1) / 2, CHART_METRICS, rotation=20)
    ax.set_ylim(0, 1.05)
    ax.set_title(f"Metrics by configuration ({results['split']} split)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(paths[0], dpi=110)
    plt.close(fig)

    types = list(results["configs"][names[0]]["by_type"])
    fig, ax = plt.subplots(figsize=(12, 4.5))
    x = np.arange(len(types))
    for i, n in enumerate(names):
        values = [results["configs"][n]["by_type"][t]["answer_accuracy"] or 0.0 for t in types]
        ax.bar(x + i * width, values, width, label=n)
    ax.set_xticks(x + width * (len(names) - 1) / 2, types, rotation=25)
    ax.set_ylim(0, 1.05)
    ax.set_title("Answer accuracy by question type")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(paths[1], dpi=110)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(8, 4))
    ax.boxplot([[r["ms"] for r in results["configs"][n]["rows"]] for n in names], showfliers=True)
    ax.set_xticks(range(1, len(names) + 1), names)
    ax.set_ylabel("ms per answer")
    ax.set_title("Answer latency (in process, warm)")
    fig.tight_layout()
    fig.savefig(paths[2], dpi=110)
    plt.close(fig)
    return paths


def write(results: dict, folder: Path, stem: str = "latest") -> list[Path]:
    """Write <stem>.md, <stem>.json and the charts into the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    md = folder / f"{stem}.md"
    md.write_text(markdown(results, stem), encoding="utf-8")
    data = folder / f"{stem}.json"
    data.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return [md, data, *charts(results, folder, stem)]
