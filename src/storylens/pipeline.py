"""The pipeline: read → clean → analyze, streaming, one bad input never costing the others."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from storylens.analyze import analyze_parsed, parse_articles
from storylens.clean import clean_article
from storylens.clean.language import language_issue
from storylens.framing import frame_article
from storylens.ingest import read_inputs
from storylens.ingest.decode import MAX_BYTES
from storylens.ingest.overrides import Overrides, apply_overrides
from storylens.model import Analysis, Article, Evidence, Issue


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
        if isinstance(item, Issue):
            if issues is not None:
                issues.append(item)
            continue
        article = clean_article(apply_overrides(item, overrides), outlets=outlets)
        foreign = language_issue(article)
        if foreign is not None:
            if issues is not None:
                issues.append(foreign)
            continue
        yield article


def analyze_articles(
    articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 256
) -> Iterator[Analysis]:
    """Analyse articles in batches (spaCy ``nlp.pipe``), yielding in input order.

    Each analysis carries its framing profile (loaded language, tone toward actors, verbs).
    """
    for article, parsed in parse_articles(articles, n_process=n_process, batch_size=batch_size):
        analysis = analyze_parsed(article, parsed)
        yield replace(analysis, framing=frame_article(analysis))


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
    for analysis in analyze_articles(articles, n_process=n_process):
        outcome.analyses.append(analysis)
        outcome.issues.extend(analysis.issues)
    return outcome


__all__ = ["Evidence", "Outcome", "Overrides", "analyze_articles", "analyze_paths", "read_articles"]
