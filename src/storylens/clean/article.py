"""Clean one article: separate body paragraphs from debris, captions, credits and sources."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from storylens.clean.captions import LineMetadata, credit_follows, read_line_metadata
from storylens.clean.debris import CAPS_LINK, DebrisRule, is_capitals_link, match_debris
from storylens.clean.language import detect_language
from storylens.clean.lines import group_paragraphs, join_span, text_lines
from storylens.clean.outlet import OutletFinding, infer_outlet
from storylens.clean.published import (
    LABELLED_LINES,
    edge_lines,
    find_published,
    is_bare_timestamp,
    is_by_name,
    is_byline,
    is_labelled_timestamp,
)
from storylens.clean.region import OUTSIDE_ARTICLE, is_comment_heading, outside_article
from storylens.clean.runs import (
    related_lists,
    repeated_links,
    run_debris,
    sign_up_boxes,
    teaser_lists,
)
from storylens.model import (
    Article,
    Caption,
    Credit,
    Debris,
    DebrisReason,
    InputFormat,
    ListedSource,
    RawArticle,
    Span,
)
from storylens.outlets import OutletTable


@dataclass(slots=True)
class _Sorted:
    body: list[Span] = field(default_factory=list)
    debris: list[Debris] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    sources: list[ListedSource] = field(default_factory=list)


def _outlet(
    raw: RawArticle, lines: list[Span], debris: list[Debris], outlets: OutletTable | None
) -> OutletFinding:
    """The outlet that ran the article, its wire and the evidence (`infer_outlet`)."""
    return infer_outlet(
        metadata_outlet=raw.outlet,
        url=raw.url,
        site_name=raw.site_name,
        page_names=raw.page_names,
        debris=[d.span for d in debris],
        lines=lines,
        input_name=raw.input,
        table=outlets,
    )


def clean_article(raw: RawArticle, *, outlets: OutletTable | None = None) -> Article:
    """Sort every line of a raw article into body, title, debris or metadata.

    Offsets stay those of the text as read: cleaning removes nothing from ``text``, it only
    decides which spans are body. ``outlets`` is the alias table (built-in when None).
    """
    lines = text_lines(raw.text)
    sorted_lines = _sort_lines(lines, runs=raw.format is InputFormat.TEXT)
    title, title_span, body = _title(raw, sorted_lines.body)
    if raw.format is InputFormat.TEXT:
        title, title_span, body = _plain_body(raw, (title, title_span), body, sorted_lines)
    found = _outlet(raw, lines, sorted_lines.debris, outlets)
    date = find_published(metadata=raw.published, lines=lines, url=raw.url)
    paragraphs = [join_span(raw.text, group) for group in group_paragraphs(raw.text, body)]
    return Article(
        id=raw.id,
        input=raw.input,
        format=raw.format,
        text=raw.text,
        title=title,
        title_span=title_span,
        outlet=found.outlet,
        outlet_evidence=found.evidence,
        url=raw.url,
        published=date.published,
        published_evidence=date.evidence,
        authors=raw.authors,
        wire=found.wire,
        outlet_span=found.span,
        published_span=date.span,
        language=detect_language(" ".join(p.text for p in paragraphs)),
        paragraphs=tuple(paragraphs),
        debris=tuple(sorted_lines.debris),
        captions=tuple(sorted_lines.captions),
        credits=tuple(sorted_lines.credits),
        listed_sources=tuple(sorted_lines.sources),
        metadata=raw.metadata,
    )


def body_text(article: Article) -> str:
    """The article's body paragraphs joined by blank lines (for display and embeddings)."""
    return "\n\n".join(p.text for p in article.paragraphs)


def _sort_lines(lines: list[Span], *, runs: bool) -> _Sorted:
    """Each line to debris, metadata or body.

    Runs of menu stubs or headlines count as debris only in plain text (``runs``): an HTML
    page's text comes from trafilatura, which already dropped the page's menus, so a run of
    short lines there is a list in the article. Runs are looked for among the lines left as
    body, so cleaning the cleaned body again changes nothing.
    """
    out = _Sorted()
    edges = {id(line) for line in edge_lines(lines)}
    texts = [line.text for line in lines]
    for number, line in enumerate(lines):
        rule = _line_debris(line.text, titled=bool(out.body))
        if rule is not None:
            out.debris.append(Debris(span=line, reason=rule.reason, rule=rule.name))
            continue
        if number and _CAPTION_LABEL.match(lines[number - 1].text):
            out.captions.append(Caption(span=line))
            continue
        if (
            (id(line) in edges and is_byline(line.text))
            or (number < LABELLED_LINES and is_labelled_timestamp(line.text))
            or is_bare_timestamp(line.text)
            or is_by_name(line.text)
        ):
            out.debris.append(Debris(span=line, reason=DebrisReason.BYLINE, rule="byline"))
            continue
        metadata = read_line_metadata(line) or _before_credit(lines, texts, number, out.body)
        if metadata is None:
            out.body.append(line)
            continue
        if metadata.caption is not None:
            out.captions.append(metadata.caption)
        out.credits.extend(metadata.credits)
        out.sources.extend(metadata.sources)
    if runs:
        _move_runs(out)
    return out


def _before_credit(
    lines: list[Span], texts: list[str], number: int, body: list[Span]
) -> LineMetadata | None:
    """A caption, when a photo credit alone follows the line (`credit_follows`)."""
    after_body = bool(number and body and body[-1] is lines[number - 1])
    if credit_follows(texts, number, after_body=after_body):
        return LineMetadata(caption=Caption(span=lines[number]))
    return None


def _line_debris(text: str, *, titled: bool) -> DebrisRule | None:
    """The debris rule a line matches alone (a headline in capitals: not the title).

    ``titled``: a body line comes before this one (the first body line is the title).
    """
    rule = match_debris(text)
    if rule is None and titled and is_capitals_link(text):
        return CAPS_LINK
    return rule


def _runs_until_stable(texts: list[str], known: frozenset[int]) -> dict[int, DebrisRule]:
    """Lines in runs; then repeated links and menu runs again among the lines left, until none.

    Taking a line out can put two copies of a link text next to each other, or close a run of
    menu stubs around it. A second cleaning, which reads only the lines kept, would find them;
    so the first reads the kept lines again the same way until a round finds nothing new
    (idempotent cleaning).
    """
    found = {
        **repeated_links(texts, furniture=known),
        **teaser_lists(texts, furniture=known),
        **related_lists(texts, furniture=known),
        **run_debris(texts, furniture=known),
    }
    while True:
        kept = [i for i in range(len(texts)) if i not in known and i not in found]
        lines = [texts[i] for i in kept]
        rounds = {**repeated_links(lines), **run_debris(lines)}
        if not rounds:
            return found
        found.update({kept[i]: rule for i, rule in rounds.items()})


def _move_runs(out: _Sorted) -> None:
    """Body lines in runs of menu stubs or headlines (known debris lines count in a run)."""
    sequence = sorted(
        [(line, False) for line in out.body] + [(d.span, True) for d in out.debris],
        key=lambda item: item[0].start,
    )
    known = frozenset(i for i, (_, is_debris) in enumerate(sequence) if is_debris)
    texts = [span.text for span, _ in sequence]
    reasons = dict(zip(sorted(known), (d.reason for d in out.debris), strict=True))
    membership = frozenset(i for i, r in reasons.items() if r is DebrisReason.MEMBERSHIP)
    notices = frozenset(i for i, r in reasons.items() if r in _NOTICE_REASONS)
    boxes = sign_up_boxes(texts, membership=membership, notices=notices)
    in_runs = {**boxes, **_runs_until_stable(texts, known)}
    if not in_runs:
        return
    moved = {sequence[i][0].start: rule for i, rule in in_runs.items()}
    out.debris.extend(
        Debris(span=line, reason=moved[line.start].reason, rule=moved[line.start].name)
        for line in out.body
        if line.start in moved
    )
    out.debris.sort(key=lambda d: d.span.start)
    out.body = [line for line in out.body if line.start not in moved]


def _drop_outside(body: list[Span], out: _Sorted) -> list[Span]:
    """Plain text: body lines outside the article's prose become debris (`outside_article`)."""
    header, footer = _marks(body, out.debris)
    starts = [line.start for line in body]
    gaps = Counter(bisect.bisect_left(starts, d.span.start) for d in out.debris)
    outside = outside_article([line.text for line in body], header=header, footer=footer, gaps=gaps)
    if not outside:
        return body
    rule = OUTSIDE_ARTICLE
    out.debris.extend(
        Debris(span=body[n], reason=rule.reason, rule=rule.name) for n in sorted(outside)
    )
    out.debris.sort(key=lambda d: d.span.start)
    return [line for n, line in enumerate(body) if n not in outside]


_NOTICE_REASONS = frozenset(
    {DebrisReason.MEMBERSHIP, DebrisReason.CALL_TO_ACTION, DebrisReason.BOILERPLATE}
)
_CAPTION_LABEL = re.compile(r"^(?:image|photo|picture)(?: caption)?:?$", re.IGNORECASE)
"""A label the next line is the caption of ("Image caption", "Image:")."""
_HEADER_WORDS = frozenset({"by", "author", "updated", "published", "publish date"})
_COPYRIGHT_END = re.compile(r"\b(?:19|20)\d\d\b|all rights reserved", re.IGNORECASE)


def _marks(body: list[Span], debris: list[Debris]) -> tuple[frozenset[int], frozenset[int]]:
    """Where bylines (header) and copyright notices or comment headings (footer) stand.

    ``k`` is a mark when the furniture line comes right before body line ``k``.
    """
    starts = [line.start for line in body]
    header, footer = set(), set()
    for item in debris:
        text = item.span.text.strip().rstrip(":").lower()
        at = bisect.bisect_left(starts, item.span.start)
        if is_comment_heading(item.span.text) or (
            item.rule == "copyright" and _COPYRIGHT_END.search(item.span.text)
        ):
            footer.add(at)
        elif item.reason is DebrisReason.BYLINE or (item.rule == "menu" and text in _HEADER_WORDS):
            header.add(at)
    return frozenset(header), frozenset(footer)


def _plain_body(
    raw: RawArticle, title: tuple[str, Span | None], body: list[Span], out: _Sorted
) -> tuple[str, Span | None, list[Span]]:
    """Plain text: the body less the lines outside the article, and the title.

    When no title was taken (a long first line) and that line turns out to be furniture, the
    title is the first line left, as a second cleaning of the body would read it.
    """
    body = _drop_outside(body, out)
    if title[1] is None and not raw.title:
        return _title(raw, body)
    return title[0], title[1], body


def _title(raw: RawArticle, body: list[Span]) -> tuple[str, Span | None, list[Span]]:
    if raw.title:
        if body and body[0].text.strip() == raw.title.strip():
            return raw.title, body[0], body[1:]
        return raw.title, None, body
    if raw.format is InputFormat.TEXT and len(body) > 1 and _title_like(body[0].text):
        return body[0].text, body[0], body[1:]
    return "", None, body


MAX_TITLE_WORDS = 25
"""A headline is short: a longer first line of plain text is the article's first paragraph
(the page's headline and picture already taken out as debris and caption)."""


def _title_like(line: str) -> bool:
    return len(line.split()) <= MAX_TITLE_WORDS
