"""Typed records the framing stage produces; all offsets are `Span`s into the article text.

Headline findings are the one exception: their spans are offsets into the headline string
(``place == Place.HEADLINE``), because the headline is not always part of the body text.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from storylens.model import Span

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}


class LoadedReason(StrEnum):
    """Why a phrase is flagged as loaded: each is evidence that can be shown."""

    SUBJECTIVE_LEXICON = "subjective_lexicon"
    LOADED_TERM = "loaded_term"
    INTENSIFIER = "intensifier"
    SCARE_QUOTES = "scare_quotes"
    EVALUATIVE_COMPOUND = "evaluative_compound"
    MODEL_SCORE = "model_score"


class Voice(StrEnum):
    """Whose words a phrase is: the outlet's own or inside a quotation."""

    OWN = "own"
    QUOTED = "quoted"


class Place(StrEnum):
    """Where in the article a phrase stands."""

    HEADLINE = "headline"
    BODY = "body"


@dataclass(**_FROZEN)
class LoadedPhrase:
    """A word or phrase carrying judgement beyond the fact, with the evidence for it.

    ``quote`` indexes the ``quote_spans`` given to the finder when ``voice`` is QUOTED;
    ``sentence`` indexes the sentences given to it (None in the headline).
    ``alternative`` is a neutral wording when the curated list has one ("regime" → "government").
    """

    span: Span
    reasons: tuple[LoadedReason, ...]
    voice: Voice
    score: float
    polarity: float
    place: Place = Place.BODY
    sentence: int | None = None
    quote: int | None = None
    alternative: str | None = None


@dataclass(**_FROZEN)
class ToneEvidence:
    """One sentence about an actor and the tone it carries toward them."""

    sentence: Span
    score: float
    voice: Voice


@dataclass(**_FROZEN)
class ActorTone:
    """Tone toward one entity, from the sentences that mention it (target-dependent)."""

    entity_id: str
    name: str
    score: float
    label: str
    evidence: tuple[ToneEvidence, ...]


@dataclass(**_FROZEN)
class VerbUse:
    """One attribution cue verb, its class ("neutral", "assertive", "factive", ...), and speaker."""

    cue: Span
    lemma: str
    kind: str
    speaker: str | None


@dataclass(**_FROZEN)
class VerbCount:
    """How often a speaker is introduced by one kind of attribution verb."""

    speaker: str
    kind: str
    lemma: str
    count: int
