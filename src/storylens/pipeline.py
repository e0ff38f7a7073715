"""The pipeline: read → clean → analyze, streaming, one bad input never costing the others."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial

from storylens.analyze import analyze_parsed, parse_articles
from storylens.analyze.nlp import ParsedParagraph
from storylens.clean import clean_article
from storylens.clean.language import language_issue
from storylens.errors import isolated
from storylens.framing import frame_article
from storylens.ingest import read_inputs
from storylens.ingest.decode import MAX_BYTES
from storylens.ingest.overrides import Overrides, apply_overrides
from storylens.model import Analysis, Article, Evidence, Issue, RawArticle
from storylens.outlets import OutletTable


@dataclass(slots=True)
class Outcome:
    """What a run produced: analyses, and the issues met on the way."""

    analyses: list[Analysis] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def read_articles(
    names: Iterable[str],
    *,
    max_bytes: int = MAX_BYTES,
    overrides: Overrides | None = None,
    issues: list[Issue] | None = None,
) -> Iterator[Article]:
    """Cleaned articles from the named inputs; problems go to ``issues``.

    An article not in English is reported (one warning) and not yielded: the analysis and
    the comparison are English-only.
    """
    outlets = overrides.outlets if overrides else None
    for item in read_inputs(names, max_bytes=max_bytes):
        raw = apply_overrides(item, overrides) if isinstance(item, RawArticle) else item
        result = raw if isinstance(raw, Issue) else clean_one(raw, outlets=outlets)
        if isinstance(result, Article):
            result = language_issue(result) or result
        if isinstance(result, Article):
            yield result
        elif issues is not None:
            issues.append(result)


def clean_one(raw: RawArticle, *, outlets: OutletTable | None = None) -> Article | Issue:
    """Clean one article read, or its `Issue` if cleaning fails."""
    clean = partial(clean_article, outlets=outlets)
    return isolated(clean, raw, input_name=raw.input, stage="clean")


def analyze_each(
    articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 256
) -> Iterator[Analysis | Issue]:
    """Analyse articles in batches (spaCy ``nlp.pipe``), one result per article, in order.

    Each analysis carries its framing profile (loaded language, tone toward actors, verbs).
    An article whose analysis fails gives its `Issue` (code ``record_failed``) instead.
    """
    for article, parsed in parse_articles(articles, n_process=n_process, batch_size=batch_size):
        yield isolated(
            _analyze_one,
            article,
            parsed,
            input_name=article.input,
            stage="analyze",
            article_id=article.id,
        )


def analyze_articles(
    articles: Iterable[Article],
    *,
    n_process: int = 1,
    batch_size: int = 256,
    issues: list[Issue] | None = None,
) -> Iterator[Analysis]:
    """The analyses of `analyze_each`; the articles that failed go to ``issues``."""
    for result in analyze_each(articles, n_process=n_process, batch_size=batch_size):
        if isinstance(result, Analysis):
            yield result
        elif issues is not None:
            issues.append(result)


def analyze_paths(
    names: Iterable[str],
    *,
    n_process: int = 1,
    max_bytes: int = MAX_BYTES,
    overrides: Overrides | None = None,
) -> Outcome:
    """Read, clean and analyse every named input.

    >>> outcome = analyze_paths(["examples/000_2752f3965346f474.txt"])
    >>> outcome.analyses[0].article.outlet
    'PJ Media'
    """
    outcome = Outcome()
    articles = read_articles(names, max_bytes=max_bytes, overrides=overrides, issues=outcome.issues)
    for analysis in analyze_articles(articles, n_process=n_process, issues=outcome.issues):
        outcome.analyses.append(analysis)
        outcome.issues.extend(analysis.issues)
    return outcome


def _analyze_one(article: Article, parsed: list[ParsedParagraph]) -> Analysis:
    return with_framing(analyze_parsed(article, parsed))


def with_framing(analysis: Analysis) -> Analysis:
    """The analysis with its framing profile: its own if it has one, else framed now.

    `compare_analyses` needs one on every analysis; analyses stored without one (or made by
    calling the analyze stage directly) get it here.

    >>> outcome = analyze_paths(["examples/000_2752f3965346f474.txt"])
    >>> with_framing(outcome.analyses[0]) is outcome.analyses[0]
    True
    """
    if analysis.framing is not None:
        return analysis
    return replace(analysis, framing=frame_article(analysis))


__all__ = [
    "Evidence",
    "Outcome",
    "Overrides",
    "analyze_articles",
    "analyze_each",
    "analyze_paths",
    "clean_one",
    "read_articles",
    "with_framing",
]
