"""Metadata the user states for every input, applied to what was read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from storylens.ingest.meta import MetaTable
from storylens.model import RawArticle
from storylens.outlets import OutletTable


@dataclass(frozen=True, slots=True, kw_only=True)
class Overrides:
    """Metadata the user states for every input (it wins over anything inferred)."""

    outlet: str | None = None
    published: dt.datetime | None = None
    meta: MetaTable | None = None
    """Per-input outlet, URL and date (``--meta FILE.csv``); ``outlet``/``published`` win."""
    outlets: OutletTable | None = None
    """The outlet alias table (built-in plus ``--outlets FILE``), used when cleaning."""


def apply_overrides(raw: RawArticle, overrides: Overrides | None) -> RawArticle:
    """The article with the user's stated outlet and date in place of what was read."""
    if overrides is None:
        return raw
    if overrides.meta is not None:
        raw = overrides.meta.apply(raw)
    return replace(
        raw,
        outlet=overrides.outlet or raw.outlet,
        published=overrides.published or raw.published,
    )


__all__ = ["Overrides", "apply_overrides"]
