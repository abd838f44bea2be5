"""Command line: `khuyencong ingest [PATH…]`, `search "…" [--k N] [--json]`, `ask "…" [--json]`, `eval [--split]`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from assistant.config import Settings, offline_env
from assistant.index.generations import IndexBusy


def _ingest(args, settings: Settings) -> int:
    from assistant.index.ingest import Ingestor
    from assistant.serve import metrics

    paths = [Path(p) for p in args.paths] or None
    # Batch work: an ingest yields the CPU to a server answering questions on the same machine.
    os.nice(10)
    report = Ingestor(settings, progress=not args.quiet, full=args.full).run(paths)
    metrics.record_ingest(settings, report.seconds, report.generation)
    for failure in report.failures:
        print(f"LỖI {failure}", file=sys.stderr)
    for path, pages in report.ocr:
        print(f"OCR: {path} ({pages} trang)")
    if not report.changed:
        print(f"Không có thay đổi: {report.chunks} đoạn trong chỉ mục ({report.seconds:.2f} s).")
    else:
        print(
            f"Đã nạp {report.generation}: {report.chunks} đoạn; thêm {len(report.added)}, cập nhật "
            f"{len(report.updated)}, xoá {len(report.removed)}, giữ nguyên {len(report.unchanged)} văn bản; "
            f"nhúng {report.embedded} đoạn mới, dùng lại {report.reused_embeddings} ({report.seconds:.1f} s)."
        )
    if report.kept_after_failure:
        print("Giữ bản đã nạp trước của: " + ", ".join(report.kept_after_failure), file=sys.stderr)
    if report.failures:
        print(f"{len(report.failures)} tệp không nạp được (xem các dòng LỖI ở trên).", file=sys.stderr)
    return report.exit_code


def _search(args, settings: Settings) -> int:
    from assistant.search.retrieval import Searcher

    results = Searcher(settings).search(args.question, k=args.k)
    if args.json:
        payload = {"query": args.question, "results": [r.to_dict(i) for i, r in enumerate(results, 1)]}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    if not results:
        print("Không tìm thấy đoạn nào phù hợp.")
    for rank, result in enumerate(results, 1):
        chunk = result.chunk
        print(f"{rank}. [{result.score:.3f}] {chunk.citation_label} ({chunk.status}) — {chunk.id}")
        print("   " + chunk.text[:300].replace("\n", " ") + ("…" if len(chunk.text) > 300 else ""))
    return 0


def _ask(args, settings: Settings) -> int:
    from assistant.answer.currency import STATUS_LABELS
    from assistant.serve import questionlog
    from assistant.services import build_services

    if not args.question.strip() or len(args.question) > 2000:
        print("Lỗi: câu hỏi phải có từ 1 đến 2000 ký tự", file=sys.stderr)
        return 2
    answer = build_services(settings).answerer.ask(args.question)
    questionlog.record(settings, "cli", args.question, answer.to_dict())  # written before exit (atexit flush)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(answer.answer)
    if answer.citations:
        print("\nNguồn:")
    for citation in answer.citations:
        number = f" {citation.number}" if citation.number else ""
        status = STATUS_LABELS.get(citation.status, citation.status)
        print(f"[{citation.n}] {citation.locator} —{number} {citation.title} ({status}) · {citation.chunk_id}")
    return 0


def _eval(args, settings: Settings) -> int:
    from assistant.evaluation import report, runner
    from assistant.evaluation.pipelines import CONFIGS

    names = args.config or list(CONFIGS)
    results = runner.run(args.split, names, settings)
    full = args.split == "test" and sorted(names) == sorted(CONFIGS)
    stem = "latest" if full else "-".join(["latest", args.split, *([] if len(names) == len(CONFIGS) else names)])
    written = report.write(results, runner.REPORTS, stem)
    print(report.headline_table(results))
    print("\nBáo cáo: " + ", ".join(str(p.relative_to(runner.ROOT)) for p in written))
    if not args.gate:
        return 0
    if "project" not in results["configs"]:
        print("Lỗi: --gate cần cấu hình project", file=sys.stderr)
        return 2
    failures = runner.gate_failures(results["configs"]["project"]["summary"], runner.thresholds())
    for failure in failures:
        print(f"DƯỚI NGƯỠNG {failure}", file=sys.stderr)
    return 1 if failures else 0


def _top_k(value: str) -> int:
    number = int(value) if value.isdigit() else 0
    if not 1 <= number <= 50:
        raise argparse.ArgumentTypeError("phải là số nguyên trong khoảng 1-50")
    return number


def build_parser() -> argparse.ArgumentParser:
    """The argparse tree of the `khuyencong` command."""
    parser = argparse.ArgumentParser(prog="khuyencong", description="Trợ lý văn bản khuyến công")
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest", help="nạp/cập nhật chỉ mục từ kho văn bản")
    ingest.add_argument("paths", nargs="*", help="tệp hoặc thư mục cần thêm/cập nhật (mặc định: cả kho)")
    ingest.add_argument("--quiet", action="store_true", help="không hiện thanh tiến trình")
    ingest.add_argument("--full", action="store_true", help="dựng lại toàn bộ, nhúng lại mọi đoạn (bỏ qua bộ đệm)")
    search = commands.add_parser("search", help="tìm các điều khoản liên quan")
    search.add_argument("question")
    search.add_argument("--k", type=_top_k, default=5, help="số kết quả (1-50)")
    search.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    ask = commands.add_parser("ask", help="hỏi và nhận câu trả lời có trích dẫn")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="in câu trả lời dạng JSON như /api/ask")
    evaluate = commands.add_parser("eval", help="chấm điểm trên bộ câu hỏi evals/questions.jsonl")
    evaluate.add_argument("--split", choices=["dev", "test", "all"], default="test",
                          help="dev để tinh chỉnh, test để báo cáo (mặc định: test)")
    evaluate.add_argument("--config", action="append", help="cấu hình (lặp lại được): project, dense, bm25, "
                          "langchain-quickstart; mặc định tất cả")
    evaluate.add_argument("--gate", action="store_true", help="thoát mã 1 khi project dưới evals/thresholds.json")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `khuyencong` console script; errors become one line, never a traceback."""
    offline_env()
    from assistant.index.vectorstore import StoreUnavailable
    from assistant.search.retrieval import IndexMissing

    args = build_parser().parse_args(argv)
    settings = Settings.from_env()
    try:
        handler = {"ingest": _ingest, "search": _search, "ask": _ask, "eval": _eval}[args.command]
        return handler(args, settings)
    except (IndexMissing, IndexBusy, StoreUnavailable, ValueError) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
