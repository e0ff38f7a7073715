"""Framing records: how an article tells its story (loaded words, verbs, quotes, tone)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from storylens.model.article import Span

_FROZEN = {"frozen": True, "slots": True, "kw_only": True}


# Framing: how an article tells its story. Offsets are into the article text, except headline
# findings (``place == Place.HEADLINE``), which are offsets into the headline string.


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


@dataclass(**_FROZEN)
class HeadlineFraming:
    """Loaded phrases of the headline and, for each, whether the body uses the same words."""

    phrases: tuple[LoadedPhrase, ...]
    in_body: tuple[bool, ...]


@dataclass(**_FROZEN)
class QuoteShare:
    """Share of the body's characters given to one speaker's quotes."""

    speaker: str
    characters: int
    share: float
    quotes: int


@dataclass(**_FROZEN)
class OpinionMarkers:
    """Opinion markers in the outlet's own voice (outside quotations), each with its spans."""

    first_person: tuple[Span, ...]
    rhetorical_questions: tuple[Span, ...]
    evaluative_adjectives: tuple[Span, ...]
    stance_adverbs: tuple[Span, ...]


@dataclass(**_FROZEN)
class FramingProfile:
    """How one article tells its story; ``loaded`` holds every phrase as evidence."""

    article_id: str
    outlet: str
    loaded: tuple[LoadedPhrase, ...]
    own_voice: int
    quoted: int
    loaded_per_1000_words: float
    headline: HeadlineFraming
    tone: tuple[ActorTone, ...]
    verbs: tuple[VerbCount, ...]
    quote_shares: tuple[QuoteShare, ...]
    opinion: OpinionMarkers
