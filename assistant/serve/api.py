"""HTTP API (FastAPI): ask (JSON and Server-Sent Events), search, documents and health."""

from __future__ import annotations

import itertools
import json
import re
from typing import Annotated, Literal

from fastapi import FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.answer.currency import STATUS_LABELS
from assistant.config import Settings
from assistant.domain import eligibility, support_levels
from assistant.index.vectorstore import StoreUnavailable
from assistant.search.retrieval import IndexMissing
from assistant.serve import metrics, questionlog
from assistant.serve.admin import Admin, AdminError
from assistant.serve.admin_api import admin_router
from assistant.services import Services, build_services

_DOC_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,120}$")


class Message(BaseModel):
    """One turn of the conversation history."""

    role: Literal["user", "assistant"]
    content: str = Field(max_length=8000)


class AskRequest(BaseModel):
    """Body of POST /api/ask."""

    question: str = Field(min_length=1, max_length=2000)
    history: list[Message] = Field(default_factory=list, max_length=20)


class LocationIn(BaseModel):
    """Where the establishment produces."""

    unit: Literal["xa", "thi_tran", "huyen", "thi_xa", "phuong"]
    city_class: Literal[1, 2, 3] | None = None
    years_since_conversion: int | None = Field(default=None, ge=0, le=200)


class EligibilityRequest(BaseModel):
    """Body of POST /api/eligibility."""

    entity_type: Literal["doanh_nghiep_nho_va_vua", "hop_tac_xa", "to_hop_tac", "ho_kinh_doanh",
                         "doanh_nghiep_lon", "khac"]
    location: LocationIn
    sector: str = Field(min_length=1, max_length=500)
    cleaner_production: bool = False
    workers: int | None = Field(default=None, ge=0, le=1_000_000)
    local_material_share: float | None = Field(default=None, ge=0, le=1)
    exports: bool | None = None
    priority_area: bool | None = None
    typical_product: bool | None = None


def _sse(event: str, data) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def create_app(settings: Settings | None = None, services: Services | None = None,
               admin: Admin | None = None) -> FastAPI:
    """The FastAPI application over one set of services shared by all requests."""
    services = services or build_services(settings)
    settings, searcher, answerer = services.settings, services.searcher, services.answerer
    admin = admin or services.admin()
    app = FastAPI(title="Trợ lý khuyến công", version="0.1.0")

    _install_error_handlers(app)
    metrics.install(app, settings, searcher)
    app.include_router(questionlog.admin_router(settings, admin))

    @app.get("/health")
    def health():
        """'ok' with the index generation and chunk count, 'degraded' when the index cannot be read."""
        try:
            snapshot = searcher.generation(wait=False)
            searcher.check_store(snapshot)
            return {"status": "ok", "generation": snapshot.name, "chunks": len(snapshot.chunks)}
        except (IndexMissing, StoreUnavailable) as exc:
            return JSONResponse(status_code=503, content={"status": "degraded", "error": str(exc)})

    @app.post("/api/ask")
    def ask(request: AskRequest, http: Request):
        """A cited answer (or a polite refusal) for a question and its history."""
        history = [m.model_dump() for m in request.history]
        result = answerer.ask(request.question, history).to_dict()
        questionlog.record_request(settings, http, request.question, result)
        return result

    @app.post("/api/ask/stream")
    def ask_stream(request: AskRequest, http: Request):
        """The answer as Server-Sent Events: 'delta' events (the LLM's tokens as they come, or the extractive
        answer line by line), then 'done' with the full, guarded response (which may differ from the deltas when
        the guards replaced the model's text)."""
        history = [m.model_dump() for m in request.history]
        stream = answerer.stream(request.question, history)
        # The first event is taken here, so a missing index is still a JSON 503 rather than a broken stream.
        first = next(stream)

        def events():
            for kind, value in itertools.chain([first], stream):
                if kind == "done":
                    value = value.to_dict()
                    questionlog.record_request(settings, http, request.question, value)
                yield _sse(kind, {"text": value} if kind == "delta" else value)

        return StreamingResponse(events(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    @app.get("/api/search")
    def search(q: str = Query(..., min_length=1, max_length=2000), k: int = Query(5, ge=1, le=50)):
        """Ranked chunks for a question, without answer synthesis."""
        results = searcher.search(q, k=k)
        return {"query": q, "results": [r.to_dict(i) for i, r in enumerate(results, 1)]}

    @app.post("/api/eligibility")
    def eligibility_check(request: EligibilityRequest):
        """Whether an establishment qualifies (eligible / not_eligible / needs_review), reasons with their articles."""
        data = request.model_dump()
        applicant = eligibility.Applicant(**(data | {"location": eligibility.Location(**data["location"])}))
        return eligibility.evaluate(applicant, searcher.generation()).to_dict()

    @app.get("/api/support-levels")
    def support_level_table(q: str = Query("", max_length=500), doc_id: str | None = Query(None, max_length=120),
                            status: str | None = Query(None, max_length=40)):
        """Every support or spending level stated in the corpus that matches the query, with its article."""
        rows = support_levels.search(support_levels.table(searcher.generation()), q, doc_id, status)
        return {"query": q, "rows": [r.to_dict() for r in rows]}

    @app.post("/api/admin/reindex")
    def admin_reindex(request: Request, authorization: Annotated[str | None, Header()] = None):
        """Full ingest of the corpus folders and the uploads; needs 'Authorization: Bearer <token>'."""
        admin.authorize(authorization)
        with metrics.timed_ingest(settings):
            result = admin.reindex(request.client.host if request.client else "")
        searcher.generation()
        return result

    @app.get("/api/documents")
    def documents():
        """Every indexed document with its metadata and status."""
        snapshot = searcher.generation()
        return {"documents": [_document_meta(doc_id, meta) for doc_id, meta in sorted(snapshot.documents.items())]}

    @app.get("/api/documents/{doc_id}")
    def document(doc_id: str):
        """One document's metadata and its text, chunk by chunk (Điều by Điều for legal texts)."""
        snapshot = searcher.generation()
        if not _DOC_ID.match(doc_id) or doc_id not in snapshot.documents:
            raise HTTPException(status_code=404, detail=f"Không có văn bản mã '{doc_id[:120]}' trong kho")
        chunks = snapshot.document_chunks(doc_id)
        parts = [{"chunk_id": c.id, "locator": c.locator, "heading": c.article_title, "chapter": c.chapter,
                  "text": c.text} for c in chunks]
        return _document_meta(doc_id, snapshot.documents[doc_id]) | {"parts": parts}

    app.include_router(admin_router(settings, searcher, admin))  # before the catch-all below

    @app.api_route("/api/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"], include_in_schema=False)
    def unknown(request: Request, rest: str):
        """Paths under /api/ that no route serves: a JSON error here, not the workspace's own 404."""
        known = [r for r in app.router.routes if isinstance(r, APIRoute) and r.path != "/api/{rest:path}"
                 and r.path_regex.match(request.url.path)]
        if known:
            raise HTTPException(405, f"Phương thức {request.method} không dùng được cho {request.url.path[:200]}")
        raise HTTPException(404, f"Không tìm thấy đường dẫn /api/{rest[:200]}")

    return app


def _describe(error: dict) -> str:
    """One validation error as 'field: problem' in Vietnamese where the common cases are known."""
    where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path"))
    kind = error.get("type", "")
    limit = (error.get("ctx") or {}).get("max_length") or (error.get("ctx") or {}).get("min_length")
    messages = {
        "missing": "thiếu trường bắt buộc",
        "string_too_short": f"quá ngắn (tối thiểu {limit} ký tự)",
        "string_too_long": f"quá dài (tối đa {limit} ký tự)",
        "too_long": f"quá nhiều phần tử (tối đa {limit})",
        "string_type": "phải là chuỗi ký tự",
        "literal_error": "giá trị không hợp lệ (chỉ nhận "
                         + str((error.get("ctx") or {}).get("expected", "")).replace(" or ", " hoặc ") + ")",
        "bool_type": "phải là true hoặc false",
        "bool_parsing": "phải là true hoặc false",
        "float_parsing": "phải là số",
        "float_type": "phải là số",
        "int_type": "phải là số nguyên",
        "greater_than_equal": f"phải từ {(error.get('ctx') or {}).get('ge')} trở lên",
        "less_than_equal": f"không được lớn hơn {(error.get('ctx') or {}).get('le')}",
        "json_invalid": "thân yêu cầu không phải JSON hợp lệ",
        "model_attributes_type": "thân yêu cầu phải là một đối tượng JSON",
        "int_parsing": "phải là số nguyên",
    }
    if kind == "json_invalid":
        return "yêu cầu: thân yêu cầu không phải JSON hợp lệ"
    if not where and kind == "missing":
        return "yêu cầu: thiếu thân yêu cầu JSON"
    return f"{where or 'yêu cầu'}: {messages.get(kind, error.get('msg', 'không hợp lệ'))}"


def _install_error_handlers(app: FastAPI) -> None:
    """Every error leaves as JSON {"error": "…"} that says what is wrong."""

    @app.exception_handler(RequestValidationError)
    async def _invalid(_, exc: RequestValidationError):
        return JSONResponse(status_code=422, content={"error": "; ".join(_describe(e) for e in exc.errors())})

    @app.exception_handler(StarletteHTTPException)
    async def _http(request, exc: StarletteHTTPException):
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"Không tìm thấy đường dẫn {request.url.path[:200]}"
        elif exc.status_code == 405:
            message = f"Phương thức {request.method} không dùng được cho {request.url.path[:200]}"
        return JSONResponse(status_code=exc.status_code, content={"error": message},
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(AdminError)
    async def _admin(_, exc: AdminError):
        return JSONResponse(status_code=exc.status, content={"error": exc.message})

    @app.exception_handler(IndexMissing)
    async def _index_missing(_, exc: IndexMissing):
        return JSONResponse(status_code=503, content={"error": str(exc)})

    @app.exception_handler(StoreUnavailable)
    async def _store_unavailable(_, exc: StoreUnavailable):
        return JSONResponse(status_code=503, content={"error": f"Kho vector tạm thời không truy cập được: {exc}"})


def _document_meta(doc_id: str, meta: dict) -> dict:
    fields = ("title", "doc_type", "number", "issuer", "issued", "effective", "status", "amended_by",
              "superseded_by", "complete", "source")
    return {"doc_id": doc_id, **{f: meta.get(f) for f in fields},
            "status_label": STATUS_LABELS.get(meta.get("status"), "chưa xác minh"), "chunks": len(meta["chunks"])}
