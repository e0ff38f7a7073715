"""What a report shows beside the matrix: why two facts were linked, short labels, a title."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from storylens.compare.entities import MergedEntities
from storylens.compare.features import FactFeatures, content_words, stem
from storylens.model import Analysis
from storylens.model.comparison import Fact, Link

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_SHOWN = 6


def with_evidence(
    links: Sequence[Link],
    facts: Sequence[Fact],
    features: Sequence[FactFeatures],
    merged: MergedEntities,
) -> list[Link]:
    """The links with the content words and entities both facts share (rarest first).

    Ties keep the words' order in the text and the entities' alphabetical order, so a report
    is the same from run to run.
    """
    index = {fact.id: n for n, fact in enumerate(facts)}
    out = []
    for link in links:
        i, j = index[link.source], index[link.target]
        weights = features[i].words
        common = set(weights) & set(features[j].words)
        words = dict.fromkeys(w for w in _WORD.findall(facts[i].span.text) if stem(w) in common)
        ranked = sorted(words, key=lambda w: -weights.get(stem(w), 0.0))[:_SHOWN]
        entities = sorted(
            set(features[i].entities) & set(features[j].entities),
            key=lambda k: (-features[i].entities[k], k),
        )[:_SHOWN]
        out.append(
            dataclasses.replace(
                link,
                shared_words=tuple(ranked),
                shared_entities=tuple(merged.names.get(k, k) for k in entities),
            )
        )
    return out


def short_label(n: int) -> str:
    """Column label ``n`` (0-based) in spreadsheet letters.

    >>> [short_label(n) for n in (0, 25, 26, 27)]
    ['A', 'Z', 'AA', 'AB']
    """
    label = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        label = chr(ord("A") + rest) + label
    return label


def story_title(analyses: Sequence[Analysis]) -> str:
    """The title sharing most words with the other titles (the first on a tie), or ""."""
    titles = [a.article.title.strip() for a in analyses if a.article.title.strip()]
    if not titles:
        return ""
    bags = [content_words(t) for t in titles]

    def overlap(n: int) -> float:
        return sum(
            len(bags[n] & other) / max(len(bags[n] | other), 1)
            for m, other in enumerate(bags)
            if m != n
        )

    return titles[max(range(len(titles)), key=lambda n: (overlap(n), -n))]
