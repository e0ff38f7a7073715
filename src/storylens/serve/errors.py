"""Errors the web UI and API answer with: an HTTP status and a stable code.

An API error is a JSON object ``{"error": {"code": ..., "message": ...}}``; a page error is
the error page. Neither ever carries a traceback.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Stable error codes (documented in the OpenAPI description)."""

    BAD_ID = "bad_id"
    NOT_FOUND = "not_found"
    BAD_REQUEST = "bad_request"
    MALFORMED_JSON = "malformed_json"
    TOO_LARGE = "too_large"
    TOO_FEW_ARTICLES = "too_few_articles"
    TOO_MANY_ARTICLES = "too_many_articles"
    BAD_ARTICLE = "bad_article"
    BUSY = "busy"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    INTERNAL = "internal_error"


class ApiError(Exception):
    """A request the server refuses: ``status`` (HTTP), ``code`` (stable) and a message."""

    def __init__(self, status: int, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message

    def document(self) -> dict[str, dict[str, str]]:
        """The JSON body of this error."""
        return {"error": {"code": self.code.value, "message": self.message}}
