"""Imports go one way: base modules ← stages ← orchestration ← front ends.

Read from the source with `ast` (every ``import`` and ``from … import``, at any depth), so a
stage that reaches into another stage fails here before review has to catch it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "storylens"

BASE = {
    "model",
    "errors",
    "config",
    "io",
    "names",
    "calendar",
    "timestamps",
    "outlets",
    "sitename",
    "schema",
    "embedding",
}
"""Shared records and leaf knowledge: they import only each other."""

STAGES = {"ingest", "clean", "analyze", "framing", "cluster", "compare", "report"}
"""The pipeline's stages: each imports base modules only, never another stage."""

ORCHESTRATION = {"pipeline", "store", "engine"}
"""What runs the stages in order and keeps their results: base, stages and each other."""

FRONT = {"cli", "serve", "__init__"}
"""Front ends: may import anything."""

ALLOWED_EXCEPTIONS = {
    ("model", "report"): "Comparison._repr_html_ imports the HTML renderer only when a notebook "
    "asks for it; no model code needs report to exist",
}


def _unit(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else parts[0].removesuffix(".py")


def _imported_units(path: Path) -> set[str]:
    units = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "storylens" and len(parts) > 1:
                units.add(parts[1])
    return units


def _edges() -> set[tuple[str, str]]:
    return {
        (_unit(path), target)
        for path in PACKAGE.rglob("*.py")
        for target in _imported_units(path)
        if target != _unit(path)
    }


def _allowed(source: str, target: str) -> bool:
    if (source, target) in ALLOWED_EXCEPTIONS:
        return True
    if source in BASE:
        return target in BASE
    if source in STAGES:
        return target in BASE
    if source in ORCHESTRATION:
        return target in BASE | STAGES | ORCHESTRATION
    return source in FRONT


def test_every_unit_has_a_layer() -> None:
    units = {_unit(path) for path in PACKAGE.rglob("*.py")}
    assert units <= BASE | STAGES | ORCHESTRATION | FRONT, units - (
        BASE | STAGES | ORCHESTRATION | FRONT
    )


@pytest.mark.parametrize("edge", sorted(_edges()), ids="->".join)
def test_imports_go_one_way(edge: tuple[str, str]) -> None:
    source, target = edge
    assert _allowed(source, target), f"storylens.{source} must not import storylens.{target}"


def test_no_relative_imports() -> None:
    relative = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.level > 0
    ]
    assert relative == []
