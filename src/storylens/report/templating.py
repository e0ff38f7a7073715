"""One Jinja2 template set for every HTML output: the report file, the web UI, notebooks.

Autoescaping is on for every template, so an article's title, text, outlet or URL shows as
text and never as markup; the pages carry no script at all. Templates and the stylesheet live
in ``report/templates/`` and are loaded from the installed package.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any

import jinja2
import markupsafe

from storylens.model import Analysis
from storylens.model.comparison import Comparison, CoverageRow
from storylens.report import findings_view, html_view, story_html
from storylens.report.escape import strip_bidi

STYLESHEET = "storylens.css"
COMPACT_OUTLETS = 8
"""Above this many outlets the fact matrix shows dots (text on hover) instead of sentences."""


@cache
def environment() -> jinja2.Environment:
    """The shared environment: package templates, autoescaping, strict undefined names."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("storylens.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_without_bidi,
    )
    env.filters["web_url"] = html_view.is_web_url
    env.filters["cell_counts"] = _cell_counts
    env.filters["dated"] = story_html.dated_pieces
    env.globals["bar_width"] = story_html.BAR_WIDTH
    return env


def _without_bidi(value: Any) -> Any:
    """Every printed string with bidi overrides neutralised (`storylens.report.escape`)."""
    if isinstance(value, markupsafe.Markup):
        return markupsafe.Markup(strip_bidi(str(value)))
    return strip_bidi(value) if isinstance(value, str) else value


@cache
def stylesheet() -> str:
    """The stylesheet's text (inlined by the report file and notebooks, served by the UI)."""
    return (resources.files("storylens.report") / "templates" / STYLESHEET).read_text("utf-8")


def render(name: str, context: Mapping[str, Any]) -> str:
    """Render one template with the stylesheet available as ``css``."""
    return (
        environment()
        .get_template(name)
        .render({"css": stylesheet(), "inline_css": False, **context})
    )


def comparison_context(
    comparison: Comparison,
    analyses: Iterable[Analysis] = (),
    *,
    heading: str = "Story comparison",
    date_span: str = "",
    article_href: Callable[[str], str] | None = None,
) -> dict[str, Any]:
    """Everything ``comparison.html`` shows, prepared from the records.

    ``analyses`` add each article's text and date; without them the side-by-side section is
    left out. ``article_href`` maps an article id to its page (the web UI).
    """
    outlets = html_view.outlets(comparison, analyses)
    return {
        "c": comparison,
        "heading": heading,
        "date_span": date_span,
        "outlets": outlets,
        "has_texts": any(o.paragraphs for o in outlets),
        "compact": len(outlets) > COMPACT_OUTLETS,
        "summary": story_html.summary(comparison),
        "bars": story_html.coverage_bars(comparison),
        "shared_rows": html_view.matrix(comparison),
        "only_here": findings_view.only_here(comparison),
        "near_rows": findings_view.near_rows(comparison),
        "quote_groups": findings_view.quote_groups(comparison),
        "conflicts": findings_view.conflicts(comparison),
        "chart": story_html.timeline_chart(comparison),
        "timeline_note": story_html.timeline_note(comparison.timeline),
        "framing": story_html.framing_rows(comparison),
        "reliability": story_html.FRAMING_RELIABILITY,
        "article_href": article_href,
    }


def _cell_counts(row: CoverageRow) -> dict[str, int]:
    return {cell.article_id: cell.count for cell in row.cells}
