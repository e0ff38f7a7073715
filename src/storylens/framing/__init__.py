"""Framing: how each outlet tells the story — loaded language, tone toward actors, emphasis."""

from storylens.framing.emphasis import (
    headline_framing,
    opinion_markers,
    quote_shares,
    relative_position,
)
from storylens.framing.loaded import find_loaded_language
from storylens.framing.profile import frame_article, profiles_by_outlet
from storylens.framing.tone import sentence_tone, tone_toward_actors
from storylens.framing.verbs import attribution_verbs, count_verbs, verb_kind
from storylens.framing.voice import find_quotations
from storylens.model import (
    ActorTone,
    FramingProfile,
    HeadlineFraming,
    LoadedPhrase,
    LoadedReason,
    OpinionMarkers,
    Place,
    QuoteShare,
    ToneEvidence,
    VerbCount,
    VerbUse,
    Voice,
)

__all__ = [
    "ActorTone",
    "FramingProfile",
    "HeadlineFraming",
    "LoadedPhrase",
    "LoadedReason",
    "OpinionMarkers",
    "Place",
    "QuoteShare",
    "ToneEvidence",
    "VerbCount",
    "VerbUse",
    "Voice",
    "attribution_verbs",
    "count_verbs",
    "find_loaded_language",
    "find_quotations",
    "frame_article",
    "headline_framing",
    "opinion_markers",
    "profiles_by_outlet",
    "quote_shares",
    "relative_position",
    "sentence_tone",
    "tone_toward_actors",
    "verb_kind",
]
