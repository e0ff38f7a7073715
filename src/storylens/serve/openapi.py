"""The OpenAPI 3.1 description of the API (served at ``/api/openapi.json``).

The story and compare responses are ``storylens.comparison`` documents and the article
response carries a ``storylens.analysis`` article and analysis: their full JSON Schemas are
``docs/schema/comparison.v1.json`` and ``docs/schema/analysis.v1.json``.
"""

from __future__ import annotations

from typing import Any

from storylens.serve.errors import ErrorCode

_ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string", "enum": [c.value for c in ErrorCode]},
                "message": {"type": "string"},
            },
        }
    },
}


_ARTICLE = {
    "type": "object",
    "required": ["schema", "schema_version", "article", "analysis", "story_id", "copy_of"],
    "properties": {
        "schema": {"const": "storylens.analysis"},
        "schema_version": {"type": "string"},
        "article": {"type": "object"},
        "analysis": {"type": ["object", "null"]},
        "story_id": {"type": ["integer", "null"]},
        "copy_of": {
            "type": ["string", "null"],
            "description": "the id of the article this one is a syndicated copy of",
        },
        "partial_copy": {
            "type": ["boolean", "null"],
            "description": "null for an article that is no copy, else whether the copy is"
            " partial (cut short or an excerpt of its original)",
        },
    },
}


def _errors(*statuses: int) -> dict[str, Any]:
    return {
        str(s): {
            "description": "an error with a stable code",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for s in statuses
    }


def _ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "200": {"description": description, "content": {"application/json": {"schema": schema}}}
    }


def _query(name: str, kind: str, description: str, **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "schema": {"type": kind, **extra},
        "description": description,
    }


_STORY_PARAMS = [
    _query("q", "string", "search words (all required) over titles, text, entity names, outlets"),
    _query("since", "string", "stories running on or after this date", format="date"),
    _query("until", "string", "stories starting on or before this date", format="date"),
    _query("outlet", "string", "stories with an article from this outlet"),
    _query("min_outlets", "integer", "stories with at least this many outlets", minimum=1),
    _query("sort", "string", "order", enum=["latest", "oldest", "outlets", "articles"]),
    _query("page", "integer", "page number from 1", minimum=1),
    _query("per_page", "integer", "stories per page", minimum=1, maximum=100),
]


_COMPARISON = {
    "type": "object",
    "description": "storylens.comparison (docs/schema/comparison.v1.json)",
}

_COMPARE_REQUEST = {
    "type": "object",
    "required": ["articles"],
    "properties": {
        "articles": {
            "type": "array",
            "minItems": 2,
            "maxItems": 30,
            "items": {
                "type": "object",
                "required": ["text"],
                "properties": {
                    k: {"type": "string"} for k in ("title", "text", "outlet", "url", "date")
                },
            },
        }
    },
}


def _by_id(name: str, kind: str) -> list[dict[str, Any]]:
    """The one path parameter of a route that reads a record by its id."""
    return [{"name": name, "in": "path", "required": True, "schema": {"type": kind}}]


def _paths() -> dict[str, Any]:
    """The routes, each with its parameters and responses."""
    compare_body = {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/CompareRequest"}}
        },
    }
    return {
        "/api/stories": {
            "get": {
                "summary": "Stories, searched, filtered, sorted and paged",
                "parameters": _STORY_PARAMS,
                "responses": {**_ok("a page of stories", {"type": "object"}), **_errors(400)},
            }
        },
        "/api/stories/{story_id}": {
            "get": {
                "summary": "One story's comparison document",
                "parameters": _by_id("story_id", "integer"),
                "responses": {**_ok("the comparison", _COMPARISON), **_errors(400, 404)},
            }
        },
        "/api/articles/{article_id}": {
            "get": {
                "summary": "One stored article and its analysis",
                "parameters": _by_id("article_id", "string"),
                "responses": {**_ok("the article", _ARTICLE), **_errors(400, 404)},
            }
        },
        "/api/compare": {
            "post": {
                "summary": "Compare 2–30 articles without storing them",
                "requestBody": compare_body,
                "responses": {
                    **_ok("the comparison", _COMPARISON),
                    **_errors(400, 413, 422, 503),
                },
            }
        },
    }


def openapi_document() -> dict[str, Any]:
    """The API description (OpenAPI 3.1).

    >>> sorted(openapi_document()["paths"])[:2]
    ['/api/articles/{article_id}', '/api/compare']
    """
    return {
        "openapi": "3.1.0",
        "info": {"title": "storylens", "version": "1.0"},
        "paths": _paths(),
        "components": {"schemas": {"Error": _ERROR, "CompareRequest": _COMPARE_REQUEST}},
    }
