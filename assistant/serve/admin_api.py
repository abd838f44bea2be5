"""Document management under /api/admin/documents: upload with metadata, preview, edit, delete, restore, list;
every route needs 'Authorization: Bearer <KC_ADMIN_TOKEN>' and every change is one audit line."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Header, Request, UploadFile
from pydantic import BaseModel, ConfigDict

from assistant.config import Settings
from assistant.search.retrieval import Searcher
from assistant.serve.admin import Admin, AdminError

_DOC_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,120}$")
_Text = Annotated[str | None, Form(max_length=500)]


class MetadataEdit(BaseModel):
    """Body of PATCH /api/admin/documents/{doc_id}: the fields to set ('' or null clears an edit)."""

    model_config = ConfigDict(extra="allow")

    title: str | None = None
    doc_type: str | None = None
    number: str | None = None
    issuer: str | None = None
    issued: str | None = None
    effective: str | None = None
    status: str | None = None
    amended_by: list[str] | str | None = None
    superseded_by: str | None = None

    def changes(self) -> dict:
        """The fields the request set, unknown ones included (Admin refuses those by name)."""
        return self.model_dump(exclude_unset=True) | dict(self.model_extra or {})


def _client(request: Request) -> str:
    return request.client.host if request.client else ""


def _checked_id(doc_id: str) -> str:
    if not _DOC_ID.match(doc_id):
        raise AdminError(404, f"Không có văn bản mã '{doc_id[:120]}' trong kho")
    return doc_id


def admin_router(settings: Settings, searcher: Searcher, admin: Admin) -> APIRouter:
    """The document-management routes over one Admin; the searcher reloads after each change so the next
    question, the Văn bản and Mức hỗ trợ tabs see it at once."""

    def authorized(authorization: Annotated[str | None, Header()] = None) -> None:
        admin.authorize(authorization)

    router = APIRouter(prefix="/api/admin/documents", dependencies=[Depends(authorized)])

    def live(result: dict) -> dict:
        searcher.generation()
        return result

    @router.get("")
    def list_documents():
        """Every indexed document's metadata with where each value came from, then the hidden ones."""
        return {"documents": admin.documents()}

    @router.post("")
    def upload(request: Request, file: Annotated[UploadFile, File()], title: _Text = None, doc_type: _Text = None,
               number: _Text = None, issuer: _Text = None, issued: _Text = None, effective: _Text = None,
               status: _Text = None, amended_by: _Text = None, superseded_by: _Text = None):
        """Upload one document and index it; the optional form fields are the administrator's metadata."""
        form = {"title": title, "doc_type": doc_type, "number": number, "issuer": issuer, "issued": issued,
                "effective": effective, "status": status, "amended_by": amended_by, "superseded_by": superseded_by}
        metadata = {name: value for name, value in form.items() if value not in (None, "")}
        data = file.file.read(settings.max_upload_bytes + 1)
        return live(admin.upload(file.filename or "", data, _client(request), metadata))

    @router.post("/preview")
    def preview(file: Annotated[UploadFile, File()]):
        """The metadata read from a file's text (nothing stored), to pre-fill the upload form."""
        return admin.preview(file.filename or "", file.file.read(settings.max_upload_bytes + 1))

    @router.patch("/{doc_id}")
    def edit(request: Request, doc_id: str, body: MetadataEdit):
        """Set a document's metadata (status, amended/replaced by, dates, title, số hiệu …) and re-index."""
        return live(admin.edit(_checked_id(doc_id), body.changes(), _client(request)))

    @router.delete("/{doc_id}")
    def delete(request: Request, doc_id: str):
        """Take a document out of the index in a new generation."""
        return live(admin.delete(_checked_id(doc_id), _client(request)))

    @router.post("/{doc_id}/restore")
    def restore(request: Request, doc_id: str):
        """Bring a deleted (hidden) corpus document back."""
        return live(admin.restore(_checked_id(doc_id), _client(request)))

    return router
