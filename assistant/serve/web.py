"""The served application: JSON API + Gradio workspace at / + embeddable widget (/widget.js) + demo host page."""

from __future__ import annotations

from pathlib import Path

import gradio as gr
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse

from assistant.config import Settings
from assistant.serve.api import create_app
from assistant.serve.limits import ApiGuard, create_limiter
from assistant.serve.metrics import RequestMetrics
from assistant.serve.ui import CSS, Workspace, build_workspace
from assistant.services import build_services

STATIC = Path(__file__).resolve().parent / "static"


def create_web_app(settings: Settings | None = None) -> FastAPI:
    """Everything `app.py` serves, on one FastAPI app."""
    services = build_services(settings)
    settings = services.settings
    admin = services.admin()
    app = create_app(services=services, admin=admin)

    @app.get("/widget.js", include_in_schema=False)
    def widget():
        """The one-file chat widget for other websites."""
        return FileResponse(STATIC / "widget.js", media_type="application/javascript; charset=utf-8",
                            headers={"Cache-Control": "public, max-age=300"})

    @app.get("/demo", include_in_schema=False)
    def demo():
        """A plain host page that embeds the widget with one tag."""
        return FileResponse(STATIC / "demo.html", media_type="text/html; charset=utf-8")

    # Added first, so it runs inside CORS: a 429 or 413 still carries the CORS headers the widget needs to read it.
    app.add_middleware(ApiGuard, limiter=create_limiter(settings),
                       max_body=settings.max_body_bytes, uploads=("/api/admin/", settings.max_upload_bytes))
    origins = settings.allowed_origins
    app.add_middleware(CORSMiddleware, allow_origins=["*"] if "*" in origins else origins,
                       allow_methods=["GET", "POST"], allow_headers=["Content-Type", "X-KC-Channel"],
                       expose_headers=["Retry-After"], max_age=600)
    app.add_middleware(RequestMetrics, router=app.router)  # outermost: counts the 429s and 413s too
    workspace = Workspace(services, admin=admin)
    app.state.workspace = workspace  # the tests drive the workspace's handlers directly
    return gr.mount_gradio_app(app, build_workspace(workspace), path="/", css=CSS, ssr_mode=False,
                               footer_links=[], mcp_server=False, pwa=False)
