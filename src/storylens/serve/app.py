"""The ASGI application: routes, error handlers and middleware (Starlette).

Starlette is small, typed and well kept, runs on uvicorn, and leaves templating to the Jinja2
set the HTML report already uses; FastAPI would add pydantic models for five routes whose
documents the JSON schema in docs/schema/ already describes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from storylens.serve import api, pages, views
from storylens.serve.errors import ApiError, ErrorCode
from storylens.serve.openapi import openapi_document
from storylens.serve.security import BodyLimit, SecurityHeaders
from storylens.serve.service import StoryService

MAX_BODY = 4 * 1024 * 1024
"""Largest request body in bytes (an ad-hoc compare of 30 long articles fits)."""

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]", "testserver")

_STATUS_CODES = {
    404: ErrorCode.NOT_FOUND,
    405: ErrorCode.METHOD_NOT_ALLOWED,
    413: ErrorCode.TOO_LARGE,
}


def create_app(db: Path, *, host: str = "127.0.0.1", max_body: int = MAX_BODY) -> Starlette:
    """The storylens web app over the store at ``db`` (opened read-only, per request)."""
    routes = [
        Route("/", pages.index),
        Route("/stories/{story_id}", pages.story),
        Route("/articles/{article_id:path}", pages.article),
        Route("/compare", pages.compare_form, methods=["GET"]),
        Route("/compare", pages.compare, methods=["POST"]),
        Route("/static/storylens.css", pages.css),
        Route("/api/stories", api.stories),
        Route("/api/stories/{story_id}", api.story),
        Route("/api/articles/{article_id:path}", api.article),
        Route("/api/compare", api.compare, methods=["POST"]),
        Route("/api/openapi.json", _openapi),
    ]
    hosts = ["*"] if host in ("0.0.0.0", "::") else [*LOCAL_HOSTS, host]
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(TrustedHostMiddleware, allowed_hosts=hosts),
            Middleware(BodyLimit, limit=max_body),
        ],
        exception_handlers={
            ApiError: _api_error,
            HTTPException: _http_error,
            Exception: _internal_error,
        },
    )
    app.state.service = StoryService(db)
    return app


def _openapi(request: Request) -> JSONResponse:
    return JSONResponse(openapi_document())


def error_response(request: Request, error: ApiError) -> Response:
    """JSON under ``/api/``, the error page elsewhere; never a traceback."""
    if not request.url.path.startswith("/api/"):
        try:
            page = views.error_page(error.status, error.code.value, error.message)
            return HTMLResponse(page, status_code=error.status)
        except Exception:  # the error page itself failed: answer in JSON
            pass
    return JSONResponse(error.document(), status_code=error.status)


async def _api_error(request: Request, exc: Any) -> Response:
    return error_response(request, exc)


async def _http_error(request: Request, exc: Any) -> Response:
    code = _STATUS_CODES.get(exc.status_code, ErrorCode.BAD_REQUEST)
    return error_response(request, ApiError(exc.status_code, code, str(exc.detail)))


async def _internal_error(request: Request, exc: Any) -> Response:
    error = ApiError(500, ErrorCode.INTERNAL, "the server failed on this request")
    return error_response(request, error)
