"""A compact per-article framing profile, and the side-by-side view per outlet.

Everything in a profile is evidence from the text (spans, counts, shares): no outlet rating.
"""

from __future__ import annotations

from collections.abc import Iterable

from storylens.config import tone_enabled
from storylens.framing.emphasis import (
    headline_framing,
    opinion_markers,
    quote_shares,
)
from storylens.framing.loaded import find_loaded_language
from storylens.framing.tone import tone_toward_actors
from storylens.framing.verbs import attribution_verbs, count_verbs
from storylens.model import Analysis, FramingProfile, Voice


def frame_article(analysis: Analysis) -> FramingProfile:
    """Framing of one analysed article: loaded language, verbs, emphasis (tone: experimental).

    Tone per actor is computed only when ``tone_enabled()``; otherwise ``tone`` is empty.

    Example:
        >>> from storylens.model import Article, InputFormat, Evidence
        >>> article = Article(id="a", input="-", format=InputFormat.TEXT, text="x",
        ...     title="Regime falls", title_span=None, outlet="o",
        ...     outlet_evidence=Evidence.UNKNOWN)
        >>> [p.span.text for p in frame_article(Analysis(article=article)).loaded]
        ['Regime']
    """
    article = analysis.article
    sentences = [sentence.span for sentence in analysis.sentences]
    quotes = [quote.content for quote in analysis.quotes]
    loaded = find_loaded_language(article.text, sentences, quotes, article.title)
    words = max(len(article.text.split()), 1)
    return FramingProfile(
        article_id=article.id,
        outlet=article.outlet,
        loaded=loaded,
        own_voice=sum(p.voice is Voice.OWN for p in loaded),
        quoted=sum(p.voice is Voice.QUOTED for p in loaded),
        loaded_per_1000_words=round(1000 * len(loaded) / words, 2),
        headline=headline_framing(article.title, article.text, loaded),
        tone=tone_toward_actors(analysis, phrases=loaded) if tone_enabled() else (),
        verbs=count_verbs(attribution_verbs(analysis.quotes)),
        quote_shares=quote_shares(analysis.quotes, body_length=len(article.text)),
        opinion=opinion_markers(article.text, sentences, quotes),
    )


def profiles_by_outlet(profiles: Iterable[FramingProfile]) -> dict[str, tuple[FramingProfile, ...]]:
    """Profiles grouped by outlet, outlets in alphabetical order: the side-by-side view."""
    grouped: dict[str, list[FramingProfile]] = {}
    for profile in profiles:
        grouped.setdefault(profile.outlet, []).append(profile)
    return {outlet: tuple(grouped[outlet]) for outlet in sorted(grouped)}
