"""What the HTML templates show, prepared from a comparison: marked texts, matrix, outlets.

The templates (``report/templates/``, Jinja2 with autoescaping) do all the escaping; nothing
here builds markup. Text comes out as `Piece`s (plain or loaded-phrase) nested in `FactMark`s,
so a loaded phrase never crosses a fact mark.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from storylens.model import Analysis, LoadedPhrase, Span
from storylens.model.comparison import AlignedFact, Comparison, Fact, Link
from storylens.report import framing_view as view

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}


@dataclass(**_FROZEN)
class Piece:
    """A run of text; ``loaded`` is why it is a loaded phrase ("" when it is plain text)."""

    text: str
    loaded: str = ""


@dataclass(**_FROZEN)
class FactMark:
    """One fact in an article's text: ``css`` is "shared", "unique" or "near"; ``row`` its row."""

    css: str
    anchor: str
    row: str
    pieces: tuple[Piece, ...]


@dataclass(**_FROZEN)
class OutletView:
    """One compared article as the page lists it."""

    id: str
    label: str
    outlet: str
    title: tuple[Piece, ...]
    date: str
    url: str
    safe_url: bool
    carried_by: tuple[str, ...]
    paragraphs: tuple[tuple[Piece | FactMark, ...], ...] = ()


@dataclass(**_FROZEN)
class LinkView:
    """Why two facts were put in one row: score, cosine, the words and entities they share."""

    left: str
    right: str
    kind: str
    score: float
    cosine: float
    words: tuple[str, ...]
    entities: tuple[str, ...]


@dataclass(**_FROZEN)
class MatrixRow:
    """One row of the fact × outlet matrix: a cell (the facts' texts) per outlet."""

    id: str
    label: str
    cells: tuple[tuple[tuple[str, str], ...], ...]
    """Per outlet, in column order: (anchor, text) of each fact of that outlet in the row."""
    links: tuple[LinkView, ...] = field(default_factory=tuple)


def anchor(fact: Fact) -> str:
    """The element id of a fact's mark in the side-by-side columns."""
    return "f-" + "".join(c if c.isalnum() else "-" for c in fact.id)


def is_web_url(url: str | None) -> bool:
    """True for an http(s) URL with a host: the only kind the pages make a link of.

    >>> is_web_url("https://example.org/a"), is_web_url("javascript:alert(1)")
    (True, False)
    """
    if not url:
        return False
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def date_text(value: dt.datetime | dt.date | None) -> str:
    """An ISO date, or "" when there is none."""
    return (
        value.date().isoformat()
        if isinstance(value, dt.datetime)
        else (value.isoformat() if value else "")
    )


def loaded_pieces(
    text: str, start: int, end: int, phrases: Sequence[LoadedPhrase]
) -> tuple[Piece, ...]:
    """``text[start:end]`` cut into plain and loaded-phrase pieces (``phrases`` in text order)."""
    out, cursor = [], start
    for phrase in phrases:
        left, right = max(phrase.span.start, cursor), min(phrase.span.end, end)
        if left >= right or phrase.span.start < cursor:
            continue
        if left > cursor:
            out.append(Piece(text=text[cursor:left]))
        out.append(Piece(text=text[left:right], loaded=view.reasons(phrase)))
        cursor = right
    if end > cursor:
        out.append(Piece(text=text[cursor:end]))
    return tuple(out)


def outlets(comparison: Comparison, analyses: Iterable[Analysis]) -> list[OutletView]:
    """Every compared article, with its marked paragraphs when its analysis is given."""
    by_id = {a.article.id: a for a in analyses}
    marks = _fact_marks(comparison)
    found = []
    for ref in comparison.articles:
        analysis = by_id.get(ref.id)
        article = analysis.article if analysis else None
        profile = comparison.profile(ref.id)
        title = article.title if article else ref.title
        found.append(
            OutletView(
                id=ref.id,
                label=ref.label,
                outlet=ref.outlet,
                title=loaded_pieces(title, 0, len(title), profile.headline.phrases),
                date=date_text(article.published) if article else "",
                url=(article.url or "") if article else "",
                safe_url=is_web_url(article.url if article else None),
                carried_by=ref.carried_by,
                paragraphs=_paragraphs(comparison, analysis, marks.get(ref.id, []))
                if analysis
                else (),
            )
        )
    return found


def _fact_marks(comparison: Comparison) -> dict[str, list[tuple[Fact, str, str]]]:
    """Per article, (fact, css class, row id) for every fact of it, in text order."""
    marks: dict[str, list[tuple[Fact, str, str]]] = {}
    for row in comparison.rows:
        css = _mark_class(row)
        for fact in (*row.facts, *row.restated):
            marks.setdefault(fact.article_id, []).append((fact, css, row.id))
    return {a: sorted(m, key=lambda m: m[0].span.start) for a, m in marks.items()}


def _mark_class(row: AlignedFact) -> str:
    """The mark's class: "shared", "unique" (see `Comparison.unique`) or "near".

    "near": one article carries the row, but other articles have a fact close to it.
    """
    if len(set(row.article_ids)) > 1:
        return "shared"
    return "near" if row.near else "unique"


def _paragraphs(
    comparison: Comparison, analysis: Analysis, marks: list[tuple[Fact, str, str]]
) -> tuple[tuple[Piece | FactMark, ...], ...]:
    article = analysis.article
    loaded = view.body_phrases(comparison.profile(article.id))
    spans = article.paragraphs or (Span(start=0, end=len(article.text), text=article.text),)
    return tuple(_marked(article.text, span, marks, loaded) for span in spans)


def _marked(
    text: str,
    paragraph: Span,
    marks: list[tuple[Fact, str, str]],
    loaded: tuple[LoadedPhrase, ...],
) -> tuple[Piece | FactMark, ...]:
    """One paragraph: its facts as `FactMark`s, the text between as pieces."""
    out: list[Piece | FactMark] = []
    cursor = paragraph.start
    for fact, css, row_id in marks:
        start, end = max(fact.span.start, paragraph.start), min(fact.span.end, paragraph.end)
        if start >= end or start < cursor:
            continue
        out.extend(loaded_pieces(text, cursor, start, loaded))
        pieces = loaded_pieces(text, start, end, loaded)
        out.append(FactMark(css=css, anchor=anchor(fact), row=row_id, pieces=pieces))
        cursor = end
    out.extend(loaded_pieces(text, cursor, paragraph.end, loaded))
    return tuple(out)


def matrix(comparison: Comparison) -> list[MatrixRow]:
    """The rows two or more outlets carry, one cell (the facts' texts) per outlet."""
    facts = {fact.id: fact for fact in comparison.facts}
    order = [ref.id for ref in comparison.articles]
    rows = []
    for row in comparison.shared():
        by_article: dict[str, list[tuple[str, str]]] = {}
        for f in (*row.facts, *row.restated):
            by_article.setdefault(f.article_id, []).append((anchor(f), f.span.text))
        cells = tuple(tuple(by_article.get(article_id, ())) for article_id in order)
        links = tuple(
            _link_view(comparison, link, facts)
            for link in row.links
            if link.source in facts and link.target in facts
        )
        rows.append(MatrixRow(id=row.id, label=row_label(row), cells=cells, links=links))
    return rows


def row_label(row: AlignedFact) -> str:
    """The row's first fact, whitespace collapsed, cut at 90 characters."""
    text = " ".join(row.facts[0].span.text.split()) if row.facts else ""
    return text if len(text) <= 90 else text[:89] + "…"


def _link_view(comparison: Comparison, link: Link, facts: dict[str, Fact]) -> LinkView:
    """The link's own evidence (`Link.shared_words`, `Link.shared_entities`) with its score."""
    left, right = facts[link.source], facts[link.target]
    return LinkView(
        left=comparison.article(left.article_id).label,
        right=comparison.article(right.article_id).label,
        kind=link.kind.value,
        score=link.score,
        cosine=link.cosine,
        words=link.shared_words,
        entities=link.shared_entities,
    )
