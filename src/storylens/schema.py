"""JSON Schema of the storylens documents, derived from the data model's type hints.

``docs/schema/*.json`` are written from here (``python -m storylens.schema``) and a test checks
they are current, so the documented schema and the code cannot drift apart.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from enum import Enum
from pathlib import Path
from typing import Any

from storylens.model import SCHEMA_VERSION, Analysis, Issue


def schema_of(
    root: type, *, name: str, title: str, version: str = SCHEMA_VERSION
) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for a document holding ``root`` objects."""
    definitions: dict[str, Any] = {}
    _ref(root, definitions)
    _ref(Issue, definitions)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://storylens.dev/schema/{name}.v{version.split('.')[0]}.json",
        "title": title,
        "type": "object",
        "required": ["schema", "schema_version"],
        "properties": {
            "schema": {"const": name},
            "schema_version": {"type": "string", "pattern": r"^\d+\.\d+$"},
        },
        "$defs": definitions,
    }


def analysis_schema() -> dict[str, Any]:
    """The schema of ``storylens analyze --format json``."""
    schema = schema_of(Analysis, name="storylens.analysis", title="storylens per-article analysis")
    schema["required"] += ["analyses", "issues"]
    schema["properties"]["analyses"] = {"type": "array", "items": {"$ref": "#/$defs/Analysis"}}
    schema["properties"]["issues"] = {"type": "array", "items": {"$ref": "#/$defs/Issue"}}
    return schema


def comparison_schema() -> dict[str, Any]:
    """The schema of ``storylens compare --format json``."""
    from storylens.model.comparison import COMPARISON_SCHEMA_VERSION, Comparison

    schema = schema_of(
        Comparison,
        name="storylens.comparison",
        title="storylens comparison",
        version=COMPARISON_SCHEMA_VERSION,
    )
    schema["required"] += ["comparison"]
    schema["properties"]["comparison"] = {"$ref": "#/$defs/Comparison"}
    return schema


def type_schema(tp: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of one type hint."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [type_schema(a, definitions) for a in typing.get_args(tp)]}
    if origin is tuple:
        return {"type": "array", "items": type_schema(typing.get_args(tp)[0], definitions)}
    if origin is dict or tp is dict or tp is Any:
        return {"type": "object"} if tp is not Any else {}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _ref(tp, definitions)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return {"enum": [m.value for m in tp]}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}
    if tp in simple:
        return {"type": simple[tp]}
    if tp is dt.datetime:
        return {"type": "string", "format": "date-time"}
    if tp is dt.date:
        return {"type": "string", "format": "date"}
    raise TypeError(f"no JSON Schema for {tp!r}")


def _ref(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    name = cls.__name__
    if name not in definitions:
        definitions[name] = {}
        hints = typing.get_type_hints(cls)
        fields = dataclasses.fields(cls)
        definitions[name] = {
            "type": "object",
            "description": (cls.__doc__ or "").strip().splitlines()[0],
            "required": [f.name for f in fields],
            "properties": {f.name: type_schema(hints[f.name], definitions) for f in fields},
            "additionalProperties": False,
        }
    return {"$ref": f"#/$defs/{name}"}


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema file into ``folder``; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in (("analysis", analysis_schema()), ("comparison", comparison_schema())):
        major = schema["$id"].rsplit(".v", 1)[1].split(".")[0]
        path = folder / f"{name}.v{major}.json"
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_schemas(Path("docs/schema")):
        print(written_path)  # noqa: T201
