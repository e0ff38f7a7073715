"""Attribution verbs: "said" versus "claimed", "admitted", "insisted", counted per speaker.

Kinds follow Hooper (1975) and Kiparsky & Kiparsky (1970): *neutral* (said, told), *factive*
(admitted, acknowledged: presuppose the content is true), *assertive* (claimed, insisted:
signal doubt or force), *hedged* (suggested), *emotive* (complained, boasted), *derisive*
(mocked, scoffed). Anything else is *other*.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from storylens.framing.lexicon import load_lexicon
from storylens.model import Quote, VerbCount, VerbUse

_SUFFIXES = (
    ("ied", "y"),
    ("ies", "y"),
    ("ing", ""),
    ("ing", "e"),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("s", ""),
)
_IRREGULAR = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "wrote": "write",
    "swore": "swear",
    "thought": "think",
    "showed": "show",
    "shown": "show",
}


def verb_kind(word: str) -> tuple[str, str]:
    """(lemma, kind) of an attribution cue word.

    Example:
        >>> verb_kind("claimed"), verb_kind("said"), verb_kind("admits")
        (('claim', 'assertive'), ('say', 'neutral'), ('admit', 'factive'))
    """
    verbs = load_lexicon().verbs
    lower = word.lower().split()[0] if word.strip() else ""
    if lower in _IRREGULAR:
        return _IRREGULAR[lower], verbs[_IRREGULAR[lower]]
    if lower in verbs:
        return lower, verbs[lower]
    for suffix, repl in _SUFFIXES:
        stem = lower[: -len(suffix)] + repl if lower.endswith(suffix) else ""
        for candidate in (stem, stem[:-1] if stem[-2:-1] == stem[-1:] else ""):
            if candidate in verbs:
                return candidate, verbs[candidate]
    return lower, "other"


def attribution_verbs(quotes: Sequence[Quote]) -> tuple[VerbUse, ...]:
    """One `VerbUse` per quote that has a cue verb."""
    uses = []
    for quote in quotes:
        if quote.cue is None:
            continue
        lemma, kind = verb_kind(quote.cue.text)
        speaker = quote.speaker.name if quote.speaker else None
        uses.append(VerbUse(cue=quote.cue, lemma=lemma, kind=kind, speaker=speaker))
    return tuple(uses)


def count_verbs(uses: Sequence[VerbUse]) -> tuple[VerbCount, ...]:
    """Counts per (speaker, kind, lemma), most frequent first; unknown speakers as "?"."""
    counts = Counter((use.speaker or "?", use.kind, use.lemma) for use in uses)
    return tuple(
        VerbCount(speaker=speaker, kind=kind, lemma=lemma, count=n)
        for (speaker, kind, lemma), n in counts.most_common()
    )
