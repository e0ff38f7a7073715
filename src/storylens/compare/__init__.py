"""Compare one story across outlets: facts × outlets, quotes, conflicts, summary, timeline.

``compare_analyses(analyses) -> Comparison`` is the entry point; the records it returns are in
`storylens.model.comparison`.
"""

from storylens.compare.align import AlignmentSettings
from storylens.compare.comparison import (
    DuplicateArticleIds,
    TooFewArticles,
    compare_analyses,
    distinct_ids,
)
from storylens.model.comparison import (
    AlignedFact,
    ArticleRef,
    Comparison,
    Conflict,
    ConflictKind,
    ConflictSide,
    CoverageCell,
    CoverageRow,
    Fact,
    Link,
    LinkKind,
    MatchKind,
    Omission,
    QuoteMatch,
    QuoteRef,
    Summary,
    SummarySentence,
    Support,
)
from storylens.model.timeline import Lane, Timeline, TimelineEntry, TimelineSentence

__all__ = [
    "AlignedFact",
    "AlignmentSettings",
    "ArticleRef",
    "Comparison",
    "Conflict",
    "ConflictKind",
    "ConflictSide",
    "CoverageCell",
    "CoverageRow",
    "DuplicateArticleIds",
    "Fact",
    "Lane",
    "Link",
    "LinkKind",
    "MatchKind",
    "Omission",
    "QuoteMatch",
    "QuoteRef",
    "Summary",
    "SummarySentence",
    "Support",
    "Timeline",
    "TimelineEntry",
    "TimelineSentence",
    "TooFewArticles",
    "compare_analyses",
    "distinct_ids",
]
