"""Word lists the framing stage reads: subjectivity, valence, curated loaded terms.

Sources, all openly licensed and installed from PyPI or written for storylens:

- VADER's valence lexicon (``vaderSentiment``, MIT): a word's sentiment, -4 … +4.
- TextBlob's adjective subjectivity lexicon (``textblob/en/en-sentiment.xml``, MIT package,
  the file itself PDDL): subjectivity 0 … 1 and polarity per adjective sense.
- ``resources/framing/*``: hand-written lists (loaded terms with neutral alternatives,
  intensifiers, stance adverbs, attribution verbs); see the README there.
"""

from __future__ import annotations

import functools
import importlib.util
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from storylens.errors import ModelNotInstalled

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}


@dataclass(**_FROZEN)
class LoadedTerm:
    """A curated loaded word: its category and a neutral alternative when one exists."""

    category: str
    alternative: str | None


@dataclass(**_FROZEN)
class Lexicon:
    """Every word list framing uses, keyed by lower-case word form."""

    valence: dict[str, float]
    subjectivity: dict[str, tuple[float, float]]
    loaded: dict[str, LoadedTerm]
    intensifiers: frozenset[str]
    stance: frozenset[str]
    verbs: dict[str, str]
    terms: frozenset[str]
    fixed_terms: frozenset[str] = frozenset()
    function_words: frozenset[str] = frozenset()

    def subjective(self, word: str) -> tuple[float, float]:
        """(subjectivity, polarity) of an adjective form, (0, 0) when unknown."""
        return self.subjectivity.get(word, (0.0, 0.0))


def _resource_text(name: str) -> str:
    return (
        resources.files("storylens")
        .joinpath("resources")
        .joinpath("framing")
        .joinpath(name)
        .read_text("utf-8")
    )


def _rows(name: str) -> list[list[str]]:
    lines = _resource_text(name).splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _package_file(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ModelNotInstalled(package)
    return Path(spec.origin).parent.joinpath(*parts)


def read_vader_valence() -> dict[str, float]:
    """VADER's word → mean valence (-4 … +4), words only (no emoticons)."""
    valence: dict[str, float] = {}
    text = _package_file("vaderSentiment", "vader_lexicon.txt").read_text("utf-8")
    for line in text.splitlines():
        word, _, rest = line.partition("\t")
        if word.replace("-", "").replace("'", "").isalpha():
            valence[word.lower()] = float(rest.split("\t", 1)[0])
    return valence


def read_textblob_subjectivity() -> dict[str, tuple[float, float]]:
    """TextBlob's adjective → (max subjectivity over senses, mean polarity over senses)."""
    path = _package_file("textblob", "en", "en-sentiment.xml")
    senses: dict[str, list[tuple[float, float]]] = {}
    for node in ET.parse(path).getroot().iter("word"):
        form = node.get("form", "").lower()
        pair = (float(node.get("subjectivity", 0)), float(node.get("polarity", 0)))
        senses.setdefault(form, []).append(pair)
    return {
        form: (max(s for s, _ in pairs), sum(p for _, p in pairs) / len(pairs))
        for form, pairs in senses.items()
    }


@functools.cache
def load_lexicon() -> Lexicon:
    """Read every list once per process.

    Example:
        >>> load_lexicon().loaded["regime"].alternative
        'government'
    """
    loaded = {
        row[0].lower(): LoadedTerm(category=row[1], alternative=(row[2:] or [""])[0] or None)
        for row in _rows("loaded_terms.tsv")
    }
    return Lexicon(
        valence=read_vader_valence(),
        subjectivity=read_textblob_subjectivity(),
        loaded=loaded,
        intensifiers=frozenset(row[0] for row in _rows("intensifiers.txt")),
        stance=frozenset(row[0] for row in _rows("hedges.txt")),
        verbs={row[0]: row[1] for row in _rows("attribution_verbs.tsv")},
        terms=frozenset(row[0].lower() for row in _rows("terms.txt")),
        fixed_terms=frozenset(row[0].lower() for row in _rows("fixed_terms.txt")),
        function_words=frozenset(row[0] for row in _rows("function_words.txt")),
    )
