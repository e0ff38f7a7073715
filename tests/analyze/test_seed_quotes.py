from __future__ import annotations

import pytest

from storylens.model import Attribution, QuoteKind


def _speaker_of(analysis, opening):
    quotes = [q for q in analysis.quotes if q.content.text.startswith(opening)]
    assert quotes, f"no quote starting {opening!r}"
    speaker = quotes[0].speaker
    assert speaker is not None, f"quote {opening!r} has no speaker"
    return {analysis.entity(i).name for i in speaker.entity_ids}


PJ_MEDIA_QUOTES = [
    ("finally, a real power move", {"John McCain", "Lindsey Graham"}),
    ("is suspending its participation", {"John Kirby"}),
    ("This is not a decision that was taken lightly", {"John Kirby"}),
    ("Unfortunately, Russia failed", {"John Kirby"}),
    ("rather, Russia and the Syrian regime", {"John Kirby"}),
    ("The U.S. will also withdraw personnel", {"John Kirby"}),
    ("John ‘Not Delusional’ Kerry has made", {"John McCain", "Lindsey Graham"}),
    ("No more lakeside tête-à-têtes", {"John McCain", "Lindsey Graham"}),
    ("no apology, nor does President Obama", {"John Kerry"}),
    ("not worried about lampooning", {"John Kerry"}),
]
OPPOSING_VIEWS_QUOTES = [
    ("unfriendly actions", {"Russia"}),
    ("[did] not come lightly", {"John Kerry"}),
    ("Together, the Syrian regime and Russia", {"John Kerry"}),
    ("I want to be very, very clear", {"John Kerry"}),
]


@pytest.mark.parametrize(("opening", "speakers"), PJ_MEDIA_QUOTES)
def test_pj_media_quote_speakers(seed_analyses, opening, speakers):
    assert _speaker_of(seed_analyses["PJ Media"], opening) == speakers


@pytest.mark.parametrize(("opening", "speakers"), OPPOSING_VIEWS_QUOTES)
def test_opposing_views_quote_speakers(seed_analyses, opening, speakers):
    assert _speaker_of(seed_analyses["Opposing Views"], opening) == speakers


def test_quote_paragraph_without_attribution_is_carried(seed_analyses):
    quote = next(
        q for q in seed_analyses["PJ Media"].quotes if q.content.text.startswith("No more lakeside")
    )
    assert quote.attribution is Attribution.CARRIED


def test_pronoun_speaker_mention_kept_as_written(seed_analyses):
    quote = next(
        q
        for q in seed_analyses["PJ Media"].quotes
        if q.content.text.startswith("The U.S. will also withdraw")
    )
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == "he"
    assert quote.cue is not None
    assert quote.cue.text == "said"


def test_description_speaker_resolved_to_both_senators(seed_analyses):
    quote = next(
        q for q in seed_analyses["PJ Media"].quotes if q.content.text.startswith("finally")
    )
    assert quote.speaker.mention.text == "two senators"
    assert quote.kind is QuoteKind.PARTIAL


def test_quote_offsets_are_exact(seed_analyses):
    for analysis in seed_analyses.values():
        text = analysis.article.text
        for quote in analysis.quotes:
            assert text[quote.content.start : quote.content.end] == quote.content.text
            if quote.speaker and quote.speaker.mention:
                mention = quote.speaker.mention
                assert text[mention.start : mention.end] == mention.text
