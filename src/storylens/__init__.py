"""storylens: see how different news outlets cover the same story.

The library API: read and analyse articles, then compare them.

>>> from storylens import analyze_paths, compare_analyses
"""

from storylens.compare import compare_analyses
from storylens.model import SCHEMA_VERSION, Analysis, Article, Issue
from storylens.pipeline import Outcome, Overrides, analyze_articles, analyze_paths, read_articles

__all__ = [
    "SCHEMA_VERSION",
    "Analysis",
    "Article",
    "Issue",
    "Outcome",
    "Overrides",
    "analyze_articles",
    "analyze_paths",
    "compare_analyses",
    "read_articles",
]
