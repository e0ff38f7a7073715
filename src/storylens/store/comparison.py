"""Compare a stored story: its accounts' stored analyses, with fact vectors from the store."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from storylens.compare import Comparison, compare_analyses
from storylens.embedding import WordEncoder
from storylens.errors import ConfigError
from storylens.model import Analysis, Issue
from storylens.pipeline import with_framing
from storylens.store.ingest import Analyzer
from storylens.store.records import Account, StoredStory


def compare_story(
    story: StoredStory,
    *,
    encoder: WordEncoder,
    analyzer: Analyzer | None = None,
    issues: list[Issue] | None = None,
) -> tuple[Comparison, list[Analysis]]:
    """Compare a story's accounts (one per syndicated group) and name who carried each.

    Accounts stored without an analysis (``ingest --no-analyze``) are analysed with
    ``analyzer``; the result is not written back (an account whose analysis fails is left
    out, its `Issue` appended to ``issues``). Pass a `CachedEncoder` as ``encoder`` to
    reuse fact vectors across calls. Raises `TooFewArticles` for a story of one account.

    Example:
        >>> from storylens.store import CachedEncoder, Store, load_story
        >>> with Store("storylens.db") as store:  # doctest: +SKIP
        ...     story = load_story(store.connection, 1)
        ...     comparison, _ = compare_story(story, encoder=CachedEncoder(encoder, store))
    """
    analyses = [
        with_framing(a) for a in story_analyses(story.accounts, analyzer=analyzer, issues=issues)
    ]
    comparison = compare_analyses(analyses, encoder=encoder)
    return with_carriers(comparison, story.accounts), analyses


def story_analyses(
    accounts: Sequence[Account],
    *,
    analyzer: Analyzer | None = None,
    issues: list[Issue] | None = None,
) -> list[Analysis]:
    """The accounts' analyses in story order, analysing those stored without one.

    An account whose analysis fails is left out and its `Issue` appended to ``issues``.
    """
    missing = [a.article for a in accounts if a.analysis is None]
    if missing and analyzer is None:
        raise ConfigError(f"{len(missing)} accounts have no stored analysis and no analyzer")
    fresh = iter(list(analyzer(missing)) if missing and analyzer is not None else [])
    found = [a.analysis if a.analysis is not None else next(fresh) for a in accounts]
    if issues is not None:
        issues.extend(f for f in found if isinstance(f, Issue))
    return [f for f in found if isinstance(f, Analysis)]


def with_carriers(comparison: Comparison, accounts: Sequence[Account]) -> Comparison:
    """The comparison with each article's syndicated carriers (`ArticleRef.carried_by`)."""
    carriers = {a.article.id: a.carried_by for a in accounts}
    refs = tuple(
        dataclasses.replace(ref, carried_by=carriers.get(ref.id, ref.carried_by))
        for ref in comparison.articles
    )
    return dataclasses.replace(comparison, articles=refs)
