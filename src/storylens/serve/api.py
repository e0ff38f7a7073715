"""The JSON API: stories, one story, one article, and ad-hoc compare."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from storylens import io
from storylens.model import SCHEMA_VERSION
from storylens.report.analysis_json import SCHEMA_NAME as ANALYSIS_SCHEMA
from storylens.report.compare_json import comparison_document
from storylens.serve import adhoc, params
from storylens.serve.errors import ApiError, ErrorCode
from storylens.serve.service import Busy, StoryService
from storylens.store.search import load_article


def service_of(request: Request) -> StoryService:
    """The app's story service."""
    service: StoryService = request.app.state.service
    return service


def stories(request: Request) -> JSONResponse:
    """One page of stories matching the query parameters."""
    query = params.story_query(request.query_params)
    page = service_of(request).search(query)
    return JSONResponse(
        {
            "total": page.total,
            "offset": query.offset,
            "limit": query.limit,
            "stories": [io.to_json(s) for s in page.stories],
        }
    )


def story(request: Request) -> Response:
    """The comparison document of one story (schema storylens.comparison)."""
    story_id = params.story_id(request.path_params["story_id"])
    report = load_report(request, story_id)
    cached = report.rendered.get("json")
    if cached is None:
        cached = json.dumps(_story_document(report, story_id), ensure_ascii=False)
        report.rendered["json"] = cached
    return Response(cached, media_type="application/json")


def _story_document(report: Any, story_id: int) -> dict[str, Any]:
    summary = io.to_json(report.story.summary)
    if report.document is None:
        return {
            "schema": "storylens.comparison",
            "schema_version": SCHEMA_VERSION,
            "comparison": None,
            "story": summary,
            "note": f"Nothing to compare: story {story_id} has one account.",
        }
    return {**report.document, "story": summary}


def article(request: Request) -> JSONResponse:
    """One stored article and its analysis (schema storylens.analysis)."""
    article_id = params.article_id(request.path_params["article_id"])
    stored = find_article(request, article_id)
    return JSONResponse(
        {
            "schema": ANALYSIS_SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "article": io.to_json(stored.article),
            "analysis": io.to_json(stored.analysis) if stored.analysis else None,
            "story_id": stored.story_id,
            "copy_of": stored.copy_of,
            "partial_copy": stored.partial_copy,
        }
    )


async def compare(request: Request) -> JSONResponse:
    """Compare 2–30 articles given as JSON records; nothing is stored."""
    body = await request.body()
    try:
        value = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, ErrorCode.MALFORMED_JSON, f"the body is not JSON: {exc}") from None
    if not isinstance(value, dict) or "articles" not in value:
        raise ApiError(400, ErrorCode.BAD_REQUEST, 'the body must be {"articles": [...]}')
    raws = adhoc.from_records(value["articles"])
    comparison, _ = await run_gated(request, raws)
    return JSONResponse(comparison_document(comparison))


async def run_gated(request: Request, raws: Sequence[Any]) -> tuple[Any, Any]:
    """Run an ad-hoc compare through the gate: queued when busy, refused (503) when full."""
    gate = service_of(request).compare_gate

    def job() -> tuple[Any, Any]:
        with gate.enter():
            return adhoc.compare_raw(raws)

    try:
        return await run_in_threadpool(job)
    except Busy:
        raise ApiError(
            503, ErrorCode.BUSY, "the server is comparing other articles; retry soon"
        ) from None


def load_report(request: Request, story_id: int) -> Any:
    """A story's cached report; 404 ``not_found`` when there is no such story."""
    try:
        return service_of(request).story(story_id, analyzer=_analyze)
    except KeyError:
        raise ApiError(404, ErrorCode.NOT_FOUND, f"no story {story_id}") from None


def find_article(request: Request, article_id: str) -> Any:
    """A stored article; 404 ``not_found`` when there is none."""
    try:
        return service_of(request).read(lambda c: load_article(c, article_id))
    except KeyError:
        raise ApiError(404, ErrorCode.NOT_FOUND, f"no article {article_id[:80]!r}") from None


def _analyze(articles: Sequence[Any]) -> Any:
    from storylens.pipeline import analyze_articles

    return analyze_articles(articles)
