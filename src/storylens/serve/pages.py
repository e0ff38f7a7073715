"""The HTML pages: the story list, a story, an article, the ad-hoc compare form and report."""

from __future__ import annotations

from python_multipart.exceptions import FormParserError
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from storylens.report.templating import stylesheet
from storylens.serve import adhoc, params, views
from storylens.serve.api import find_article, load_report, run_gated, service_of
from storylens.serve.errors import ApiError, ErrorCode
from storylens.store.search import all_outlets

MAX_FORM_FILES = adhoc.MAX_ARTICLES


def index(request: Request) -> HTMLResponse:
    """The stories, searched, filtered, sorted and paged."""
    query = params.story_query(request.query_params)
    service = service_of(request)
    page = service.search(query)
    outlets = service.read(all_outlets)
    return HTMLResponse(views.index_page(query, page, outlets, request.query_params))


def story(request: Request) -> HTMLResponse:
    """One story compared across its outlets."""
    story_id = params.story_id(request.path_params["story_id"])
    return HTMLResponse(views.story_page(load_report(request, story_id)))


def article(request: Request) -> HTMLResponse:
    """One stored article."""
    article_id = params.article_id(request.path_params["article_id"])
    return HTMLResponse(views.article_page(find_article(request, article_id)))


def compare_form(request: Request) -> HTMLResponse:
    """The ad-hoc compare form."""
    return HTMLResponse(views.compare_form())


async def compare(request: Request) -> HTMLResponse:
    """Compare the pasted and uploaded articles; the form again with the reason on error."""
    text, uploads = await _form_inputs(request)
    try:
        raws = adhoc.from_uploads(uploads)
        comparison, analyses = await run_gated(request, raws)
    except ApiError as exc:
        page = views.compare_form(error=exc.message, pasted=text)
        return HTMLResponse(page, status_code=exc.status)
    return HTMLResponse(views.adhoc_page(comparison, analyses))


async def _form_inputs(request: Request) -> tuple[str, list[adhoc.Upload]]:
    """The pasted text and every input of the form; 400 when the form cannot be parsed."""
    try:
        async with request.form(max_files=MAX_FORM_FILES, max_fields=10) as form:
            pasted = form.get("pasted")
            text = pasted if isinstance(pasted, str) else ""
            uploads = adhoc.split_pasted(text)
            for item in form.getlist("files"):
                if isinstance(item, str) or not item.filename:
                    continue
                data = await item.read()
                uploads.append(adhoc.Upload(name=item.filename[-120:], data=data))
    except FormParserError as exc:
        raise ApiError(400, ErrorCode.BAD_REQUEST, f"the form could not be read: {exc}") from None
    return text, uploads


def css(request: Request) -> Response:
    """The stylesheet (the only static file; served from the package, never from a path)."""
    return Response(stylesheet(), media_type="text/css", headers={"cache-control": "max-age=300"})
