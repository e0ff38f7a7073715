"""Compare one story across outlets: fact × outlet matrix, quotes, conflicts, coverage.

``compare_analyses(analyses) -> Comparison`` is the entry point; the records it returns are in
`storylens.compare.records`.
"""

from storylens.compare.align import AlignmentSettings
from storylens.compare.comparison import TooFewArticles, compare_analyses
from storylens.compare.records import (
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
)

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
    "Fact",
    "Link",
    "LinkKind",
    "MatchKind",
    "Omission",
    "QuoteMatch",
    "QuoteRef",
    "TooFewArticles",
    "compare_analyses",
]
