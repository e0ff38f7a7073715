"""Errors storylens raises for programmer, configuration and I/O problems, and record isolation.

Data problems in articles never raise: they become `storylens.model.Issue` records. A
record that makes a stage fail anyway (a bug, or input nobody foresaw) is turned into one
`Issue` with the stable code ``record_failed`` by `isolated`, the one place that catches
broadly; stages themselves do not.

Hierarchy::

    StorylensError
    ├── ConfigError        a bad option or setting
    ├── ModelNotInstalled  a model package is missing (names the pip package to install)
    ├── ExtraNotInstalled  an optional extra is missing (names ``storylens[extra]``)
    ├── EngineError        an engine's workers failed past their retries, or its cluster is gone
    ├── SchemaError        JSON that does not match the storylens schema
    └── StoreError         the corpus store cannot be used (busy, corrupt, read-only, full…)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from storylens.model import Issue

T = TypeVar("T")

DETAIL_CHARS = 300
"""Most characters of an exception message kept in an issue's detail."""


class StorylensError(Exception):
    """Base class of every error storylens raises."""


class ConfigError(StorylensError):
    """A bad option or setting."""


class ModelNotInstalled(StorylensError):
    """A model package is not installed; the message names what to install."""

    def __init__(self, package: str, extra: str | None = None) -> None:
        hint = f"pip install 'storylens[{extra}]'" if extra else f"pip install {package}"
        super().__init__(f"model package {package!r} is not installed: {hint}")


class ExtraNotInstalled(StorylensError):
    """An optional dependency is not installed; the message names the extra to install."""

    def __init__(self, package: str, extra: str, *, needed_for: str) -> None:
        hint = f"pip install 'storylens[{extra}]'"
        super().__init__(f"{needed_for} needs {package}, which is not installed: {hint}")


class EngineError(StorylensError):
    """An engine could not prepare its units: workers died past their retries, no cluster."""


class SchemaError(StorylensError):
    """JSON that does not match the storylens schema."""


class StoreError(StorylensError):
    """The corpus store cannot be opened or written; the message is one line for the user."""


NOT_RECORD_FAILURES: tuple[type[BaseException], ...] = (
    ConfigError,
    ModelNotInstalled,
    StoreError,
    sqlite3.DatabaseError,
    MemoryError,
)
"""Failures of the run, not of one record: they propagate (the CLI prints one line)."""


def isolated(
    work: Callable[..., T],
    *args: Any,
    input_name: str,
    stage: str,
    article_id: str | None = None,
) -> T | Issue:
    """``work(*args)`` for one record; an exception becomes that record's `Issue`, not a crash.

    Failures of the run itself (`NOT_RECORD_FAILURES`: configuration, the store, memory)
    still raise, so a full disk stops the run instead of failing every record in turn.

    >>> isolated(divmod, 1, 0, input_name="a.txt", stage="analyze").line()
    'a.txt: record_failed: analyze failed: ZeroDivisionError: integer division or modulo by zero'
    """
    try:
        return work(*args)
    except NOT_RECORD_FAILURES:
        raise
    except Exception as exc:  # the one isolation point
        return record_issue(exc, input_name=input_name, stage=stage, article_id=article_id)


def record_issue(
    exc: BaseException, *, input_name: str, stage: str, article_id: str | None = None
) -> Issue:
    """The `Issue` for a record whose processing raised ``exc`` at ``stage``."""
    from storylens.model import Issue, IssueCode

    message = " ".join(str(exc).split())[:DETAIL_CHARS]
    return Issue(
        input=input_name,
        code=IssueCode.RECORD_FAILED,
        detail=f"{stage} failed: {type(exc).__name__}: {message}".rstrip(": "),
        stage=stage,
        article_id=article_id,
    )
