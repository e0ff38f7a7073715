from __future__ import annotations

from pathlib import Path

import pytest

from storylens.model import Analysis
from storylens.pipeline import analyze_paths

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
PJ_MEDIA = EXAMPLES / "000_2752f3965346f474.txt"
OPPOSING_VIEWS = EXAMPLES / "001_e2cee18ccea7be53.txt"


@pytest.fixture(scope="session")
def seed_analyses() -> dict[str, Analysis]:
    """Both seeds through the real pipeline, keyed by outlet."""
    outcome = analyze_paths([str(PJ_MEDIA), str(OPPOSING_VIEWS)])
    assert not outcome.issues
    return {a.article.outlet: a for a in outcome.analyses}
