"""Serves the assistant's web app: `python app.py [--host H] [--port P] [--workers N]` (default http://127.0.0.1:7860)."""

import argparse
import os
import shutil
import sys

import uvicorn

from assistant.config import Settings, offline_env
from assistant.index.generations import IndexDir
from assistant.index.ingest import Ingestor

APP_FACTORY = "assistant.serve.web:create_web_app"


def _multiprocess_metrics(settings: Settings) -> None:
    """Several workers: prometheus-client keeps every worker's counters in files that any worker's /metrics sums."""
    folder = settings.data_dir / "metrics-multiproc"
    shutil.rmtree(folder, ignore_errors=True)  # counters restart with the server, as a single process's do
    folder.mkdir(parents=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(folder)  # read by the workers, which import the app afresh


def main() -> int:
    """Build the index if there is none yet, then serve the API, the workspace and the widget with uvicorn."""
    offline_env()  # before Gradio and Chroma are imported
    from assistant.serve.web import create_web_app

    settings = Settings.from_env()
    parser = argparse.ArgumentParser(description="Trợ lý khuyến công — máy chủ web")
    parser.add_argument("--host", default=settings.host)
    parser.add_argument("--port", type=int, default=settings.port)
    parser.add_argument("--workers", type=int, default=settings.workers,
                        help="số tiến trình uvicorn (mặc định 1; xem mục triển khai trong README)")
    parser.add_argument("--forwarded-allow-ips", default=settings.forwarded_allow_ips,
                        help="địa chỉ proxy được tin X-Forwarded-For (mặc định 127.0.0.1)")
    args = parser.parse_args()
    if args.workers < 1:
        parser.error("--workers phải từ 1 trở lên")
    if IndexDir(settings.index_dir).current() is None:
        print("Chưa có chỉ mục: đang nạp kho văn bản…", file=sys.stderr)
        report = Ingestor(settings).run()
        for failure in report.failures:
            print(f"LỖI {failure}", file=sys.stderr)
    # Behind a proxy listed in forwarded_allow_ips, uvicorn takes the client address from X-Forwarded-For: the rate
    # limit and the question log then see the real client, never the proxy.
    options = {"host": args.host, "port": args.port, "timeout_keep_alive": 30, "proxy_headers": True,
               "forwarded_allow_ips": args.forwarded_allow_ips}
    if args.workers == 1:
        # One process by default: the Gradio workspace keeps per-session queues in memory, and the embedder already
        # runs on every core; requests are served by uvicorn's thread pool.
        uvicorn.run(create_web_app(settings), **options)
    else:
        _multiprocess_metrics(settings)
        uvicorn.run(APP_FACTORY, factory=True, workers=args.workers, **options)
    return 0


if __name__ == "__main__":
    sys.exit(main())
