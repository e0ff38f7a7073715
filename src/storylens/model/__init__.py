"""The one data model that flows through storylens.

An `Article` owns its text exactly as it was read. Everything found in it — paragraphs,
debris, sentences, entity mentions, quotes, cited sources, dates, numbers — is a `Span`
(character offsets ``[start, end)`` into that text, plus the text itself), never a
detached copy. Stages return new objects (``dataclasses.replace``) and never mutate.

Pipeline::

    RawArticle --clean--> Article --analyze--> Analysis --compare--> Comparison

The records live in four modules: `model.article` (what was read and cleaned),
`model.analysis` (what analysis finds), `model.framing` (how an article frames its story) and
`model.comparison` (one story across outlets). The first three are re-exported here.
"""

from __future__ import annotations

from storylens.model.analysis import (
    SCHEMA_VERSION,
    Analysis,
    Attribution,
    CitedSource,
    DateMention,
    Entity,
    EntityLabel,
    Granularity,
    Mention,
    MentionKind,
    NumberMention,
    Quote,
    QuoteKind,
    SourceKind,
    Speaker,
)
from storylens.model.article import (
    Article,
    Caption,
    Credit,
    Debris,
    DebrisReason,
    Evidence,
    InputFormat,
    Issue,
    IssueCode,
    JSONValue,
    ListedSource,
    RawArticle,
    Sentence,
    Span,
)
from storylens.model.framing import (
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
    "SCHEMA_VERSION",
    "ActorTone",
    "Analysis",
    "Article",
    "Attribution",
    "Caption",
    "CitedSource",
    "Credit",
    "DateMention",
    "Debris",
    "DebrisReason",
    "Entity",
    "EntityLabel",
    "Evidence",
    "FramingProfile",
    "Granularity",
    "HeadlineFraming",
    "InputFormat",
    "Issue",
    "IssueCode",
    "JSONValue",
    "ListedSource",
    "LoadedPhrase",
    "LoadedReason",
    "Mention",
    "MentionKind",
    "NumberMention",
    "OpinionMarkers",
    "Place",
    "Quote",
    "QuoteKind",
    "QuoteShare",
    "RawArticle",
    "Sentence",
    "SourceKind",
    "Span",
    "Speaker",
    "ToneEvidence",
    "VerbCount",
    "VerbUse",
    "Voice",
]
