from __future__ import annotations

import os
from pathlib import Path

import pytest

from storylens.model import Analysis
from storylens.pipeline import analyze_paths

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
DATA = Path(os.environ.get("STORYLENS_DATA", SHARED / "data"))
CORPUS_REASON = (
    f"needs the annotated corpora in {DATA} (../shared/data beside the clone, "
    "or STORYLENS_DATA); run `pytest -m corpus` where they are present"
)
PJ_MEDIA = EXAMPLES / "000_2752f3965346f474.txt"
OPPOSING_VIEWS = EXAMPLES / "001_e2cee18ccea7be53.txt"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``corpus`` skip with one reason when ../shared/data is absent.

    CI sets ``STORYLENS_REQUIRE_CORPUS=1``: there a missing corpus is an error, never a skip.
    """
    if DATA.is_dir():
        return
    if os.environ.get("STORYLENS_REQUIRE_CORPUS") == "1":
        raise pytest.UsageError(f"STORYLENS_REQUIRE_CORPUS=1 but {DATA} is missing")
    skip = pytest.mark.skip(reason=CORPUS_REASON)
    for item in items:
        if item.get_closest_marker("corpus"):
            item.add_marker(skip)


def pytest_report_header(config: pytest.Config) -> str:
    """Say up front whether the corpus tests will run."""
    if DATA.is_dir():
        return f"corpus tests: run (data in {DATA})"
    return f"corpus tests: skipped ({CORPUS_REASON})"


@pytest.fixture(scope="session")
def seed_analyses() -> dict[str, Analysis]:
    """Both seeds through the real pipeline, keyed by outlet."""
    outcome = analyze_paths([str(PJ_MEDIA), str(OPPOSING_VIEWS)])
    assert not outcome.issues
    return {a.article.outlet: a for a in outcome.analyses}
