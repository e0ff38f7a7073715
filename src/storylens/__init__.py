"""storylens: see how different news outlets cover the same story.

The library API: read and analyse articles, then compare them.

>>> from storylens import analyze_paths, compare_analyses

The names load on first use (PEP 562), so ``import storylens.<module>`` and ``storylens
--help`` do not pay for spaCy, the sentence model or the comparison code.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from storylens.compare import compare_analyses
    from storylens.model import SCHEMA_VERSION, Analysis, Article, Issue
    from storylens.pipeline import (
        Outcome,
        Overrides,
        analyze_articles,
        analyze_paths,
        read_articles,
    )

_HOMES = {
    "compare_analyses": "storylens.compare",
    "SCHEMA_VERSION": "storylens.model",
    "Analysis": "storylens.model",
    "Article": "storylens.model",
    "Issue": "storylens.model",
    "Outcome": "storylens.pipeline",
    "Overrides": "storylens.pipeline",
    "analyze_articles": "storylens.pipeline",
    "analyze_paths": "storylens.pipeline",
    "read_articles": "storylens.pipeline",
}


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is asked for."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'storylens' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)


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
