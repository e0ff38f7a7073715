"""Rendering for the routes: template contexts from stored stories, articles and lists."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlencode

from storylens.report import article_html
from storylens.report.html_view import date_text
from storylens.report.templating import comparison_context, render
from storylens.serve.service import StoryReport
from storylens.store.search import Sort, StoredArticle, StoryPage, StoryQuery


def article_href(article_id: str) -> str:
    """The article page of an article id."""
    return "/articles/" + quote(article_id, safe="")


def index_page(
    query: StoryQuery, page: StoryPage, outlets: list[str], params: Mapping[str, str]
) -> str:
    """The story list with its filters and pager."""
    number = query.offset // query.limit + 1
    kept = {k: v for k, v in params.items() if k != "page" and v}
    prev_url = "/?" + urlencode({**kept, "page": number - 1}) if number > 1 else ""
    more = query.offset + query.limit < page.total
    next_url = "/?" + urlencode({**kept, "page": number + 1}) if more else ""
    return render(
        "index.html",
        {
            "q": query,
            "page": page,
            "outlets": outlets,
            "sorts": [s.value for s in Sort],
            "prev_url": prev_url,
            "next_url": next_url,
        },
    )


def story_page(report: StoryReport) -> str:
    """A stored story's page (rendered once per stored state of the story)."""
    cached = report.rendered.get("page")
    if cached is not None:
        return cached
    summary = report.story.summary
    if report.comparison is None:
        page = render("single.html", {"story": report.story})
    else:
        context = comparison_context(
            report.comparison,
            report.analyses,
            heading=summary.title or "(untitled)",
            date_span=date_span(summary.first, summary.last),
            article_href=article_href,
        )
        page = render("story.html", {**context, "story_id": summary.id})
    report.rendered["page"] = page
    return page


def adhoc_page(comparison: Any, analyses: Any) -> str:
    """The report of an ad-hoc compare."""
    context = comparison_context(comparison, analyses, heading="Comparison of the given articles")
    return render("adhoc.html", context)


def article_page(stored: StoredArticle) -> str:
    """One stored article: marked text, removed debris, links."""
    article = stored.article
    return render(
        "article.html",
        {
            "article": article,
            "date": date_text(article.published),
            "story_id": stored.story_id,
            "copy_of": stored.copy_of,
            "partial_copy": stored.partial_copy,
            "paragraphs": article_html.paragraphs(article, stored.analysis),
            "debris": article_html.debris(article),
        },
    )


def compare_form(*, error: str = "", pasted: str = "") -> str:
    """The ad-hoc compare form."""
    from storylens.serve import adhoc

    return render(
        "compare.html",
        {
            "error": error,
            "pasted": pasted,
            "min": adhoc.MIN_ARTICLES,
            "max": adhoc.MAX_ARTICLES,
            "max_bytes": adhoc.MAX_ARTICLE_BYTES,
        },
    )


def error_page(status: int, code: str, message: str) -> str:
    """The error page."""
    return render("error.html", {"status": status, "code": code, "message": message})


def date_span(first: Any, last: Any) -> str:
    """The date span as "first – last", one date when they are equal, "" without dates."""
    if first is None:
        return ""
    return str(first) if last in (None, first) else f"{first} – {last}"
