"""Serves the assistant's web app: `python app.py [--host H] [--port P]` (default http://127.0.0.1:7860)."""

import argparse
import sys

import uvicorn

from assistant.config import Settings, offline_env
from assistant.index.generations import IndexDir
from assistant.index.ingest import Ingestor


def main() -> int:
    """Build the index if there is none yet, then serve the API, the workspace and the widget with uvicorn."""
    offline_env()  # before Gradio and Chroma are imported
    from assistant.serve.web import create_web_app

    settings = Settings.from_env()
    parser = argparse.ArgumentParser(description="Trợ lý khuyến công — máy chủ web")
    parser.add_argument("--host", default=settings.host)
    parser.add_argument("--port", type=int, default=settings.port)
    args = parser.parse_args()
    if IndexDir(settings.index_dir).current() is None:
        print("Chưa có chỉ mục: đang nạp kho văn bản…", file=sys.stderr)
        report = Ingestor(settings).run()
        for failure in report.failures:
            print(f"LỖI {failure}", file=sys.stderr)
    # One process: the Gradio workspace keeps per-session queues in memory (several workers would split a
    # session), and the embedder already runs on every core; requests are served by uvicorn's thread pool.
    uvicorn.run(create_web_app(settings), host=args.host, port=args.port, timeout_keep_alive=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
