"""Errors storylens raises for programmer, configuration and I/O problems.

Data problems in articles never raise: they become `storylens.model.Issue` records.

Hierarchy::

    StorylensError
    ├── ConfigError        a bad option or setting
    ├── ModelNotInstalled  a model package is missing (names the pip package to install)
    ├── ExtraNotInstalled  an optional extra is missing (names ``storylens[extra]``)
    ├── EngineError        an engine's workers failed past their retries, or its cluster is gone
    └── SchemaError        JSON that does not match the storylens schema
"""

from __future__ import annotations


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
