"""The outlet alias table: one canonical name for "NYT", "nytimes.com" and "The New York Times".

Shared by ingest (the user's --outlets file rides with the overrides) and clean (which names
the outlet).

Built in: ``resources/outlets.json`` (outlets, news agencies, photo agencies). A user's file
(``--outlets FILE``) adds to it: JSON of the same shape, or ``{"Canonical": ["alias", ...]}``,
or a CSV whose rows are ``alias,outlet``. The user's names win over the built-in ones.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from storylens.errors import ConfigError

_NOT_A_NAME = re.compile(r"[^\w&+]+")
_WEB_SUFFIX = frozenset({"com", "net", "org", "co", "uk", "ca", "info", "news", "in", "au"})


class OutletFileError(ConfigError):
    """A user outlet file that cannot be read (the message names the file and the reason)."""


def name_key(name: str) -> str:
    """The comparison key of a name: lower case, no punctuation, no spaces.

    A leading "the" and a trailing web suffix are dropped too ("Snopes.com" is "Snopes",
    "City A.M." is "CityAM").

    >>> name_key("The New York Times") == name_key("new york times")
    True
    >>> name_key("Snopes.com") == name_key("Snopes")
    True
    """
    words = _NOT_A_NAME.sub(" ", name.lower()).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    while len(words) > 1 and words[-1] in _WEB_SUFFIX:
        words = words[:-1]
    return "".join(words)


@dataclass(slots=True)
class OutletTable:
    """Aliases and domains to canonical outlet and wire names."""

    names: dict[str, str] = field(default_factory=dict)
    domains: dict[str, str] = field(default_factory=dict)
    wires: set[str] = field(default_factory=set)
    photo_agencies: set[str] = field(default_factory=set)

    def canonical(self, name: str) -> str:
        """The table's name for ``name``, or ``name`` itself (stripped) when unknown."""
        return self.names.get(name_key(name), name.strip())

    def known(self, name: str) -> bool:
        """True when the name is an alias of a known outlet or wire."""
        return name_key(name) in self.names

    def wire(self, name: str) -> str | None:
        """The canonical wire (news agency) this name is, or None when it is not one."""
        found = self.names.get(name_key(name))
        return found if found in self.wires else None

    def is_photo_agency(self, name: str) -> bool:
        """True for a photo agency or picture credit ("Getty Images"), never an outlet."""
        key = name_key(name)
        return key in self.photo_agencies or any(
            key.startswith(agency + " ") or key.endswith(" " + agency)
            for agency in self.photo_agencies
            if " " in agency
        )

    def from_host(self, host: str) -> str | None:
        """The outlet whose domain is ``host`` or a parent of it."""
        parts = host.lower().split(".")
        for start in range(len(parts) - 1):
            found = self.domains.get(".".join(parts[start:]))
            if found:
                return found
        return None

    def add(self, canonical: str, aliases: list[str], domains: list[str], *, wire: bool) -> None:
        """Register one outlet (or wire) under its canonical name, aliases and domains."""
        for alias in [canonical, *aliases]:
            self.names[name_key(alias)] = canonical
        for domain in domains:
            self.domains[domain.lower().removeprefix("www.")] = canonical
        if wire:
            self.wires.add(canonical)


@cache
def builtin_table() -> OutletTable:
    """The bundled table (read once)."""
    data = json.loads(resources.files("storylens.resources").joinpath("outlets.json").read_text())
    return _table_from(data, OutletTable())


def load_table(path: Path | None) -> OutletTable:
    """The built-in table, extended by the user's file when one is given."""
    base = builtin_table()
    table = OutletTable(
        names=dict(base.names),
        domains=dict(base.domains),
        wires=set(base.wires),
        photo_agencies=set(base.photo_agencies),
    )
    if path is None:
        return table
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise OutletFileError(f"{path}: cannot read the outlet file ({exc})") from exc
    if path.suffix.lower() == ".csv":
        for row in csv.reader(text.splitlines()):
            if len(row) >= 2 and row[0].strip() and row[1].strip():
                if row[0].strip().lower() == "alias":
                    continue
                table.add(row[1].strip(), [row[0].strip()], [], wire=False)
        return table
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise OutletFileError(f"{path}: invalid JSON in the outlet file: {exc.msg}") from exc
    if not isinstance(data, dict):
        raise OutletFileError(f"{path}: the outlet file must be a JSON object")
    if "outlets" not in data and "wires" not in data:
        data = {"outlets": {k: {"aliases": v} for k, v in data.items()}}
    return _table_from(data, table)


def _table_from(data: dict[str, Any], table: OutletTable) -> OutletTable:
    for kind in ("outlets", "wires"):
        for canonical, entry in (data.get(kind) or {}).items():
            entry = entry if isinstance(entry, dict) else {"aliases": entry}
            aliases = [str(a) for a in entry.get("aliases") or [] if str(a).strip()]
            domains = [str(d) for d in entry.get("domains") or [] if str(d).strip()]
            table.add(str(canonical), aliases, domains, wire=kind == "wires")
    table.photo_agencies |= {name_key(p) for p in data.get("photo_agencies") or []}
    return table
