from __future__ import annotations

import pytest

from storylens.compare import Comparison, compare_analyses
from storylens.model import Analysis


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
