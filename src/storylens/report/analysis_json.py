"""The per-article JSON document (schema ``storylens.analysis``, see docs/schema/)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from storylens.io import to_json
from storylens.model import SCHEMA_VERSION, Analysis, Issue

SCHEMA_NAME = "storylens.analysis"


def analysis_document(analyses: Sequence[Analysis], issues: Sequence[Issue]) -> dict[str, Any]:
    """The JSON value printed by ``storylens analyze --format json``."""
    return {
        "schema": SCHEMA_NAME,
        "schema_version": SCHEMA_VERSION,
        "analyses": [to_json(a) for a in analyses],
        "issues": [to_json(i) for i in issues],
    }


def render_analysis_json(analyses: Sequence[Analysis], issues: Sequence[Issue]) -> str:
    """The document as indented JSON text."""
    return json.dumps(analysis_document(analyses, issues), ensure_ascii=False, indent=2)
