"""HTTP API (FastAPI): health and search over the published index."""

from __future__ import annotations

from fastapi import FastAPI, Query
from fastapi.responses import JSONResponse

from .config import Settings
from .retrieval import IndexMissing, Searcher
from .vectorstore import StoreUnavailable


def create_app(settings: Settings | None = None) -> FastAPI:
    """The FastAPI application; one Searcher shared by all requests."""
    settings = settings or Settings.from_env()
    searcher = Searcher(settings)
    app = FastAPI(title="Trợ lý khuyến công", version="0.1.0")
    app.state.searcher = searcher

    @app.exception_handler(IndexMissing)
    async def _index_missing(_, exc: IndexMissing):
        return JSONResponse(status_code=503, content={"detail": str(exc)})

    @app.exception_handler(StoreUnavailable)
    async def _store_unavailable(_, exc: StoreUnavailable):
        return JSONResponse(
            status_code=503, content={"detail": f"Kho vector tạm thời không truy cập được: {exc}"}
        )

    @app.get("/health")
    def health():
        """'ok' with the index generation and chunk count, 'degraded' when the index cannot be read."""
        try:
            snapshot = searcher.snapshot()
            return {"status": "ok", "generation": snapshot.generation, "chunks": len(snapshot.chunks)}
        except (IndexMissing, StoreUnavailable) as exc:
            return JSONResponse(status_code=503, content={"status": "degraded", "detail": str(exc)})

    @app.get("/api/search")
    def search(q: str = Query(..., min_length=1, max_length=2000), k: int = Query(5, ge=1, le=50)):
        """Ranked chunks for a question, without answer synthesis."""
        results = searcher.search(q, k=k)
        return {"query": q, "results": [r.to_dict(i) for i, r in enumerate(results, 1)]}

    return app
