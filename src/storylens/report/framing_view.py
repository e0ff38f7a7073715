"""Framing profiles as short plain-text lines, shared by the text, Markdown and HTML reports.

Each function turns one part of a `FramingProfile` into words a reader can check: counts,
the phrases and why they were flagged, verbs, quote shares, opinion markers (tone per actor
only under ``--experimental-tone``).
The renderers escape these strings for their format; nothing here is trusted markup.
"""

from __future__ import annotations

from collections.abc import Callable

from storylens.config import tone_enabled
from storylens.model import ActorTone, FramingProfile, LoadedPhrase, Place, Span, Voice
from storylens.model.comparison import Comparison

_REASON_WORDS = {
    "subjective_lexicon": "subjective word",
    "loaded_term": "loaded term",
    "intensifier": "intensifier",
    "scare_quotes": "scare quotes",
    "evaluative_compound": "evaluative compound",
    "model_score": "model score",
}
TONE_ACTORS = 4
"""Actors per outlet shown in the compact profile (all of them are in the evidence)."""


def reasons(phrase: LoadedPhrase) -> str:
    """Why a phrase is flagged, in words, with the neutral alternative when there is one.

    >>> p = LoadedPhrase(span=Span(start=0, end=6, text="regime"), reasons=(),
    ...     voice=Voice.QUOTED, score=1.0, polarity=-0.5, alternative="government")
    >>> reasons(p)
    'quoted; neutral: government'
    """
    words = [_REASON_WORDS.get(r.value, r.value) for r in phrase.reasons]
    words.append("quoted" if phrase.voice is Voice.QUOTED else "own voice")
    text = ", ".join(words)
    return f"{text}; neutral: {phrase.alternative}" if phrase.alternative else text


def headline_note(profile: FramingProfile) -> str:
    """The loaded phrases of the headline and whether the body repeats them ("" if none)."""
    notes = [
        f"{phrase.span.text} ({reasons(phrase)}; {'also' if in_body else 'not'} in the body)"
        for phrase, in_body in zip(profile.headline.phrases, profile.headline.in_body, strict=True)
    ]
    return "; ".join(notes)


def headline_line(title: str, profile: FramingProfile) -> str:
    """The headline as written, then its loaded phrases ("no loaded phrase" when clean)."""
    return f"“{title}” — {headline_note(profile) or 'no loaded phrase'}"


def loaded_counts(profile: FramingProfile) -> str:
    """Own-voice and quoted loaded phrases, and the rate per 1,000 words."""
    return (
        f"{profile.own_voice} own voice, {profile.quoted} quoted "
        f"({profile.loaded_per_1000_words:g} per 1,000 words)"
    )


def own_phrases(profile: FramingProfile) -> str:
    """The distinct loaded phrases in the outlet's own voice, in text order."""
    texts = dict.fromkeys(p.span.text for p in profile.loaded if p.voice is Voice.OWN)
    return ", ".join(texts) or "none"


def tone_line(actor: ActorTone) -> str:
    """One actor's tone: name, score and label, and how many sentences it rests on."""
    n = len(actor.evidence)
    return f"{actor.name} {actor.score:+.2f} {actor.label} ({n} sentence{'s' * (n != 1)})"


def tone_lines(profile: FramingProfile, *, top: int = TONE_ACTORS) -> list[str]:
    """Tone toward the main actors, most-mentioned first."""
    return [tone_line(actor) for actor in profile.tone[:top]]


def verb_lines(profile: FramingProfile) -> list[str]:
    """Attribution verbs per speaker: "John Kirby: say 5 (neutral), add 1 (neutral)"."""
    by_speaker: dict[str, list[str]] = {}
    for verb in profile.verbs:
        by_speaker.setdefault(verb.speaker, []).append(f"{verb.lemma} {verb.count} ({verb.kind})")
    return [f"{speaker}: {', '.join(uses)}" for speaker, uses in by_speaker.items()]


def share_lines(profile: FramingProfile) -> list[str]:
    """Share of the body quoted from each speaker."""
    return [
        f"{share.speaker} {share.share:.0%} ({share.quotes} quote{'s' * (share.quotes != 1)})"
        for share in profile.quote_shares
    ]


def opinion_line(profile: FramingProfile) -> str:
    """Opinion markers in the outlet's own voice, by kind ("none" when there are none)."""
    opinion = profile.opinion
    kinds = (
        ("first person", opinion.first_person),
        ("rhetorical questions", opinion.rhetorical_questions),
        ("evaluative adjectives", opinion.evaluative_adjectives),
        ("stance adverbs", opinion.stance_adverbs),
    )
    parts = [f"{name}: {', '.join(s.text for s in spans)}" for name, spans in kinds if spans]
    return "; ".join(parts) or "none"


def body_phrases(profile: FramingProfile) -> tuple[LoadedPhrase, ...]:
    """The loaded phrases of the body (offsets into the article text), in text order."""
    return tuple(
        sorted((p for p in profile.loaded if p.place is Place.BODY), key=lambda p: p.span.start)
    )


def context(comparison: Comparison, article_id: str, span: Span, *, width: int = 40) -> str:
    """Up to ``width`` characters either side of ``span`` within the fact that holds it.

    Returns "" when no fact of the article holds the span.
    """
    for fact in comparison.facts:
        if fact.article_id == article_id and fact.span.start <= span.start < fact.span.end:
            text, at = fact.span.text, span.start - fact.span.start
            start, end = max(0, at - width), min(len(text), at + len(span.text) + width)
            before = ("…" if start > 0 else "") + text[start:at]
            after = text[at + len(span.text) : end] + ("…" if end < len(text) else "")
            return " ".join(f"{before}[{span.text}]{after}".split())
    return ""


TONE_ROW = "tone (main actors, experimental)"


def show_tone() -> bool:
    """Whether reports show tone per actor: only under ``--experimental-tone``.

    Tone per actor does not beat the constant baseline on the bench (basil-dev, sign agreement
    0.53 against 0.80 for always "negative"), so the default reports leave it out.
    """
    return tone_enabled()


def profile_rows() -> tuple[tuple[str, Callable[[FramingProfile], str]], ...]:
    """The rows of the per-outlet framing table, the same in every report format."""
    rows: list[tuple[str, Callable[[FramingProfile], str]]] = [
        ("loaded phrases", loaded_counts),
        ("own voice", own_phrases),
    ]
    if show_tone():
        rows.append((TONE_ROW, lambda p: "\n".join(tone_lines(p)) or "none"))
    rows += [
        ("attribution verbs", lambda p: "\n".join(verb_lines(p)) or "none"),
        ("quote shares", lambda p: "\n".join(share_lines(p)) or "none"),
        ("opinion markers", opinion_line),
    ]
    return tuple(rows)
