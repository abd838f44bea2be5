"""`make bench`: ingest and search speed and memory of the project's pipeline beside the LangChain quickstart,
cold ingest of the default corpus with and without the two corpus-extra chapters, and OCR speed and accuracy.

Each configuration runs in its own process so its peak memory is its own; the tables are printed and written
to evals/reports/bench.md (and .json). `python -m evals.bench --only ingest,ocr` (or `--only search`: search and
answers) reruns just those sections and keeps the others from the last report.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from assistant.evaluation.metrics import percentile

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "evals" / "reports"
SEARCH_RUNS = 240
ANSWER_RUNS = 120
EXTRA_CORPUS = ROOT.parent / "shared" / "corpus-extra"
OCR_SOURCES = [("legal/nd-45-2012.txt", [1, 2, 3, 4, 5, 6]), ("legal/ttlt-26-2014-btc-bct.txt", [5, 6])]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_questions() -> list[tuple[str, str]]:
    """(question, gold chunk-id prefix) pairs of the retrieval tests, plus folded variants for volume."""
    from assistant.text import fold
    from evals.retrieval_questions import ACCENTED, DOCUMENT_NUMBERS, UNACCENTED

    gold = ACCENTED + UNACCENTED + DOCUMENT_NUMBERS
    return gold + [(fold(q), g) for q, g in ACCENTED] + [(q.lower(), g) for q, g in gold]


def _latencies(search, questions) -> list[float]:
    timings = []
    for i in range(SEARCH_RUNS):
        question = questions[i % len(questions)][0]
        started = time.perf_counter()
        search(question)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def run_project(queue) -> None:
    """Cold full ingest, no-op re-ingest, then hybrid search latency and top-3/top-4 hit rates."""
    from assistant.config import Settings
    from assistant.index.ingest import Ingestor
    from assistant.search.retrieval import Searcher
    from evals.retrieval_questions import is_gold

    questions = bench_questions()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env()
        settings.index_dir = Path(tmp)
        full = Ingestor(settings, progress=False).run()
        noop = Ingestor(settings, progress=False).run()
        searcher = Searcher(settings)
        searcher.search("khởi động")
        timings = _latencies(lambda q: searcher.search(q, k=5), questions)
        hits = {k: float(statistics.mean(
            any(is_gold(r.chunk.id, g) for r in searcher.search(q, k=k)) for q, g in questions[:35])
            ) for k in (3, 4)}
        chunk_text = {c.id: c.text for c in searcher.generation().chunks}
    queue.put({
        "config": "project (legal chunks + hybrid)", "ingest_s": full.seconds, "chunks": full.chunks,
        "chunks_per_s": full.chunks / full.seconds, "noop_s": noop.seconds,
        "p50_ms": statistics.median(timings), "p95_ms": percentile(timings, 0.95),
        "hit@3": hits[3], "hit@4": hits[4], "peak_mb": _peak_mb(), "gold_text": chunk_text,
    })


def run_quickstart(queue, gold_text: dict[str, str]) -> None:
    """The LangChain quickstart recipe (assistant.evaluation.pipelines): 1000/200 character splits, same embedder,
    Chroma on disk, top 4, embedded afresh."""
    from assistant.config import Settings
    from assistant.evaluation.pipelines import QUICKSTART_K, QuickstartIndex
    from assistant.index.embeddings import create_embedder

    questions = bench_questions()
    settings = Settings.from_env()
    create_embedder(settings.embedder)  # the model loads outside the timed ingest, as in the project's row
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        index = QuickstartIndex(settings, cached=False, path=tmp)
        pieces = index.pieces
        ingest_s = time.perf_counter() - started

        def search(question):
            return [pieces[i] for i in index.top(question, QUICKSTART_K)]

        search("khởi động")
        timings = _latencies(search, questions)
        hit4 = float(statistics.mean(_contains_gold(search(q), g, gold_text) for q, g in questions[:35]))
    queue.put({
        "config": "LangChain quickstart (1000/200, top 4)", "ingest_s": ingest_s, "chunks": len(pieces),
        "chunks_per_s": len(pieces) / ingest_s, "noop_s": None, "p50_ms": statistics.median(timings),
        "p95_ms": percentile(timings, 0.95), "hit@3": None, "hit@4": hit4, "peak_mb": _peak_mb(),
    })


def _contains_gold(texts: list[str], gold: str, gold_text: dict[str, str]) -> bool:
    """A character chunk answers when it holds the opening of one of the gold article's passages."""
    from evals.retrieval_questions import is_gold

    spans = [text[:80] for chunk_id, text in gold_text.items() if is_gold(chunk_id, gold)]
    return any(span in text for span in spans for text in texts)


def run_answers(queue, unit_vectors: bool = True) -> None:
    """Answer latency through a real app server on loopback (warm), and the lead accuracy of its answers; without
    unit vectors, over a copy of the index built without them (the evidence then has no passage similarity)."""
    import os
    import shutil
    import urllib.request

    from assistant.config import Settings
    from assistant.index.ingest import Ingestor
    from evals.servers import free_port, process

    questions = [q for q, _ in bench_questions()]
    from assistant.evaluation.dataset import load
    from assistant.evaluation.metrics import facts_found, lead_has_facts

    env = {**os.environ, "KC_RATE_LIMIT": "0"}  # one client asking as fast as it can: no per-client limit here
    tmp = tempfile.TemporaryDirectory()
    if not unit_vectors:
        settings = Settings.from_env()
        index = Path(tmp.name) / "index"
        shutil.copytree(settings.index_dir / "cache", index / "cache")  # chunk vectors come from the cache
        settings.index_dir, settings.unit_vectors = index, False
        Ingestor(settings, progress=False).run()
        env |= {"KC_INDEX_DIR": str(index), "KC_UNIT_VECTORS": "0"}

    facts = [item for item in load(split="test") if item.answerable and not item.history]
    port = free_port()
    url = f"http://127.0.0.1:{port}"

    def ask(question: str) -> dict:
        body = json.dumps({"question": question}).encode("utf-8")
        request = urllib.request.Request(f"{url}/api/ask", data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())

    with tmp, process([sys.executable, str(ROOT / "app.py"), "--port", str(port)], f"{url}/health", env=env):
        for question in questions[:5]:
            ask(question)
        timings = []
        for i in range(ANSWER_RUNS):
            started = time.perf_counter()
            ask(questions[i % len(questions)])
            timings.append((time.perf_counter() - started) * 1000)
        answers = [(ask(item.question)["answer"], item) for item in facts]
    hits = [facts_found(text, item.must_contain) for text, item in answers]
    leads = [lead_has_facts(text, item.must_contain) for text, item in answers]
    queue.put({"config": "POST /api/ask, " + ("with unit vectors" if unit_vectors else "without unit vectors"),
               "questions": ANSWER_RUNS, "p50_ms": statistics.median(timings), "p95_ms": percentile(timings, 0.95),
               "key_fact_accuracy": sum(hits) / len(hits), "lead_accuracy": sum(leads) / len(leads),
               "key_fact_questions": len(hits)})


def run_ingest(queue, with_extra: bool, unit_vectors: bool = True) -> None:
    """Cold ingest (empty index, nothing cached) of the default corpus, optionally with corpus-extra, with or without
    the unit vectors of the answer's evidence."""
    from assistant.config import Settings
    from assistant.index.ingest import Ingestor

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env()
        settings.index_dir, settings.unit_vectors = Path(tmp), unit_vectors
        if with_extra:
            settings.corpus_dirs = [*settings.corpus_dirs, EXTRA_CORPUS]
        report = Ingestor(settings, progress=False).run()
    corpus = "default + corpus-extra (2 chapters)" if with_extra else "default"
    queue.put({
        "section": "ingest", "corpus": corpus + ("" if unit_vectors else ", chunk vectors only"),
        "units": report.embedded_units,
        "documents": len(report.added), "chunks": report.chunks, "ingest_s": report.seconds,
        "chunks_per_s": report.chunks / report.seconds, "peak_mb": _peak_mb(),
        "failures": [str(f) for f in report.failures],
    })


def run_ocr(queue) -> None:
    """OCR pages/s and character error rate on pages rendered from real corpus articles (300 dpi, some noise)."""
    sys.path.insert(0, str(ROOT))
    from assistant.config import Settings
    from assistant.documents.chunking import parse_articles
    from assistant.documents.ocr import recognize
    from evals.scans import article_texts, cer, render_pages

    corpus = next(p for p in Settings.from_env().corpus_dirs if (p / "legal").is_dir())
    pages, errors, seconds, articles_found, articles_expected = 0, [], 0.0, 0, 0
    for name, numbers in OCR_SOURCES:
        for text in article_texts(corpus / name, numbers):
            images = render_pages(text)
            started = time.perf_counter()
            recognized = "\n".join(recognize(image) for image in images)
            seconds += time.perf_counter() - started
            pages += len(images)
            errors.append((cer(text, recognized), len(text)))
            expected = [a.number for a in parse_articles(text)[1]]
            articles_expected += len(expected)
            articles_found += [a.number for a in parse_articles(recognized)[1]] == expected
    total = sum(n for _, n in errors)
    queue.put({
        "section": "ocr", "pages": pages, "ocr_s": seconds, "pages_per_s": pages / seconds,
        "cer": sum(e * n for e, n in errors) / total, "worst_cer": max(e for e, _ in errors),
        "articles": articles_expected, "articles_recovered": articles_found, "peak_mb": _peak_mb(),
    })


def _in_process(target, *args) -> dict:
    context = mp.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(queue, *args))
    process.start()
    result = queue.get(timeout=1800)
    process.join(timeout=60)
    return result


def _cell(value) -> str:
    if value is None:
        return "—"
    return f"{value:.3f}" if isinstance(value, float) and value < 10 else (
        f"{value:.1f}" if isinstance(value, float) else str(value))


def table(rows: list[dict]) -> str:
    """Markdown table of the benchmark rows."""
    columns = ["config", "ingest_s", "chunks", "chunks_per_s", "noop_s", "p50_ms", "p95_ms", "hit@3", "hit@4",
               "peak_mb"]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(row.get(c)) for c in columns) + " |" for row in rows]
    return "\n".join(lines)


def ingest_ocr_text(ingests: list[dict], ocr_row: dict | None) -> str:
    """Markdown tables of the cold-ingest and OCR sections."""
    lines = ["## Cold ingest (empty index, every chunk embedded)", "",
             "| corpus | documents | chunks | unit vectors | ingest_s | chunks_per_s | peak_mb | failures |",
             "|---|---|---|---|---|---|---|---|"]
    lines += [f"| {r['corpus']} | {r['documents']} | {r['chunks']} | {r.get('units', '—')} | {r['ingest_s']:.1f} | "
              f"{r['chunks_per_s']:.1f} | {r['peak_mb']:.0f} | {len(r['failures'])} |" for r in ingests]
    if ocr_row:
        lines += ["", "## OCR (Tesseract vie, pages rendered from real corpus articles at 300 dpi with noise)", "",
                  "| pages | ocr_s | pages_per_s | CER | worst article CER | articles recovered | peak_mb |",
                  "|---|---|---|---|---|---|---|",
                  f"| {ocr_row['pages']} | {ocr_row['ocr_s']:.1f} | {ocr_row['pages_per_s']:.3f} | "
                  f"{ocr_row['cer']:.4f} | {ocr_row['worst_cer']:.4f} | "
                  f"{ocr_row['articles_recovered']}/{ocr_row['articles']} texts with every Điều | "
                  f"{ocr_row['peak_mb']:.0f} |"]
    return "\n".join(lines) + "\n"


def _ingest_and_ocr() -> list[dict]:
    rows = [_in_process(run_ingest, False), _in_process(run_ingest, False, False)]
    if EXTRA_CORPUS.is_dir():
        rows.append(_in_process(run_ingest, True))
    rows.append(_in_process(run_ocr))
    return rows


def _render(rows: list[dict], answers: dict, sections: list[dict]) -> str:
    ingests = [r for r in sections if r.get("section") == "ingest"]
    ocr_row = next((r for r in sections if r.get("section") == "ocr"), None)
    return (
        f"# Benchmark ({time.strftime('%Y-%m-%d %H:%M')}, {mp.cpu_count()} CPU)\n\n"
        f"Search latency over {SEARCH_RUNS} queries; hit@k over the 35 hand-written retrieval-test questions "
        "(right article among the top k).\n\n" + table(rows) + "\n\n"
        f"## Answers (warm server on loopback, {answers[0]['questions']} questions; accuracy on the answerable "
        "test-split questions without history)\n\n"
        "| config | p50_ms | p95_ms | lead accuracy | key-fact accuracy |\n|---|---|---|---|---|\n"
        + "".join(f"| {a['config']} | {a['p50_ms']:.1f} | {a['p95_ms']:.1f} | {a.get('lead_accuracy', 0):.3f} | "
                  f"{a['key_fact_accuracy']:.3f} ({a['key_fact_questions']} questions) |\n" for a in answers) + "\n"
        + ingest_ocr_text(ingests, ocr_row)
    )


def main() -> int:
    """Run every configuration, or `--only ingest,ocr` / `--only search` (search and answers) with the other sections
    kept from the last report; print the tables and write the report."""
    partial = "--only" in sys.argv
    only = sys.argv[sys.argv.index("--only") + 1].split(",") if partial else ["search", "ingest", "ocr"]
    previous = json.loads((REPORTS / "bench.json").read_text(encoding="utf-8")) if partial else []
    if "search" in only:
        project = _in_process(run_project)
        gold_text = project.pop("gold_text")
        quickstart = _in_process(run_quickstart, gold_text)
        rows = [project, quickstart]
        answers = [_in_process(run_answers), _in_process(run_answers, False)]
    else:
        rows = [r for r in previous if "hit@4" in r]
        answers = [r for r in previous if "key_fact_accuracy" in r]
    if "ingest" in only or "ocr" in only:
        sections = _ingest_and_ocr()
    else:
        sections = [r for r in previous if r.get("section") in ("ingest", "ocr")]
    text = _render(rows, answers, sections)
    print(text)
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / "bench.md").write_text(text, encoding="utf-8")
    (REPORTS / "bench.json").write_text(json.dumps(rows + answers + sections, ensure_ascii=False, indent=1),
                                        encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
