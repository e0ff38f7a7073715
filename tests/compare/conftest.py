from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import pytest

from storylens.compare import Comparison, compare_analyses
from storylens.model import Analysis
from storylens.pipeline import analyze_paths


@pytest.fixture(scope="session")
def seed_comparison(seed_analyses: dict[str, Analysis]) -> Comparison:
    """The two seeds compared once per session (PJ Media first)."""
    return compare_analyses([seed_analyses["PJ Media"], seed_analyses["Opposing Views"]])


@pytest.fixture(scope="session")
def ids(seed_analyses: dict[str, Analysis]) -> dict[str, str]:
    return {
        "pj": seed_analyses["PJ Media"].article.id,
        "ov": seed_analyses["Opposing Views"].article.id,
    }


FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def compared_fixture() -> Callable[[str], tuple[dict[str, Analysis], Comparison]]:
    """Analyse a fixture file of tests/compare/fixtures (no issue allowed) and compare it, once."""

    @functools.cache
    def compared(name: str) -> tuple[dict[str, Analysis], Comparison]:
        outcome = analyze_paths([str(FIXTURES / name)])
        assert not outcome.issues
        return {a.article.id: a for a in outcome.analyses}, compare_analyses(outcome.analyses)

    return compared
