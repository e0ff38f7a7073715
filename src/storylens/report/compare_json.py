"""The comparison JSON document (schema ``storylens.comparison``, see docs/schema/)."""

from __future__ import annotations

from typing import Any

from storylens.io import json_text, to_json
from storylens.model.comparison import COMPARISON_SCHEMA_VERSION, Comparison

SCHEMA_NAME = "storylens.comparison"


def comparison_document(comparison: Comparison) -> dict[str, Any]:
    """The JSON value printed by ``storylens compare --format json``."""
    return {
        "schema": SCHEMA_NAME,
        "schema_version": COMPARISON_SCHEMA_VERSION,
        "comparison": to_json(comparison),
    }


def render_comparison_json(comparison: Comparison) -> str:
    """The document as indented JSON text."""
    return json_text(comparison_document(comparison), indent=True)
