from __future__ import annotations

from collections.abc import Callable

import pytest

from storylens.model import Analysis
from storylens.pipeline import analyze_paths


@pytest.fixture(scope="module")
def analyze_text(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], Analysis]:
    """Analyse one text written to a file of this name, through the real pipeline."""

    def analyze(name: str, text: str) -> Analysis:
        path = tmp_path_factory.mktemp("texts") / name
        path.write_text(text, encoding="utf-8")
        outcome = analyze_paths([str(path)])
        assert not outcome.issues
        (result,) = outcome.analyses
        return result

    return analyze
