"""The comparison as HTML: one self-contained page, or a fragment for notebooks.

Both render ``report/templates/comparison.html`` (the web UI's story page does too), with
Jinja2 autoescaping: markup inside an article shows as text and never runs. The page has no
script and makes no external request: the stylesheet is inlined.
"""

from __future__ import annotations

from collections.abc import Iterable

from storylens.model import Analysis
from storylens.model.comparison import Comparison
from storylens.report.templating import comparison_context, render


def render_comparison_html(comparison: Comparison, analyses: Iterable[Analysis] = ()) -> str:
    """The whole comparison as one HTML document (text, UTF-8)."""
    context = comparison_context(comparison, analyses)
    return render("report.html", {**context, "inline_css": True})


def render_comparison_fragment(comparison: Comparison, analyses: Iterable[Analysis] = ()) -> str:
    """The comparison as an HTML fragment with its own stylesheet (Jupyter's ``_repr_html_``)."""
    return render("fragment.html", comparison_context(comparison, analyses))
