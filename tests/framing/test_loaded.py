from __future__ import annotations

import pytest

from storylens.framing import LoadedReason, Place, Voice, find_loaded_language, find_quotations
from storylens.model import Span


def _find(phrases, words, *, place=Place.BODY):
    """Phrases in ``place`` whose text overlaps ``words`` (case-insensitive)."""
    lowered = words.lower()
    return [
        p
        for p in phrases
        if p.place is place and (p.span.text.lower() in lowered or lowered in p.span.text.lower())
    ]


def _located(article, phrases, words):
    start = article.text.index(words)
    end = start + len(words)
    return [
        p for p in phrases if p.place is Place.BODY and p.span.start < end and start < p.span.end
    ]


def test_pj_media_headline_aggression_is_flagged(pj_media):
    _, _, _, phrases = pj_media
    found = _find(phrases, "Russian Aggression", place=Place.HEADLINE)
    assert found
    assert all(p.voice is Voice.OWN for p in found)


@pytest.mark.parametrize("words", ["Not Delusional", "butchering"])
def test_pj_media_senators_sarcasm_is_quoted(pj_media, words):
    article, _, _, phrases = pj_media
    found = _located(article, phrases, words)
    assert found, words
    assert all(p.voice is Voice.QUOTED for p in found)


def test_pj_media_not_delusional_is_a_scare_quote(pj_media):
    article, _, _, phrases = pj_media
    (phrase,) = _located(article, phrases, "Not Delusional")
    assert LoadedReason.SCARE_QUOTES in phrase.reasons


def test_pj_media_roundly_mocked_is_own_voice(pj_media):
    article, _, _, phrases = pj_media
    found = _located(article, phrases, "roundly mocked")
    assert [p.voice for p in found] == [Voice.OWN]
    assert LoadedReason.INTENSIFIER in found[0].reasons


@pytest.mark.parametrize(
    ("words", "voice"),
    [
        ("broken bodies", Voice.QUOTED),
        ("bombed-out hospitals", Voice.QUOTED),
        ("devastated", Voice.OWN),
        ("war-torn", Voice.OWN),
    ],
)
def test_opposing_views_loaded_phrases(opposing_views, words, voice):
    article, _, _, phrases = opposing_views
    found = _located(article, phrases, words)
    assert found, words
    assert {p.voice for p in found} == {voice}


def test_quoted_phrases_point_at_their_quote(pj_media, opposing_views):
    for _article, _, quotes, phrases in (pj_media, opposing_views):
        for phrase in phrases:
            if phrase.voice is Voice.QUOTED:
                quote = quotes[phrase.quote]
                assert quote.start <= phrase.span.start
                assert phrase.span.end <= quote.end
            elif phrase.place is Place.BODY and LoadedReason.SCARE_QUOTES not in phrase.reasons:
                assert phrase.quote is None
                assert not any(q.start <= phrase.span.start < q.end for q in quotes)


@pytest.mark.corpus
def test_spans_are_in_bounds_and_match_text(pj_media, opposing_views, basil_articles):
    cases = [(a.text, a.title, p) for a, _, _, p in (pj_media, opposing_views)]
    for record in basil_articles:
        text = record["text"]
        sentences, start = [], 0
        for paragraph in text.split("\n\n"):
            sentences.append(Span(start=start, end=start + len(paragraph), text=paragraph))
            start += len(paragraph) + 2
        phrases = find_loaded_language(text, sentences, find_quotations(text), record["title"])
        cases.append((text, record["title"], phrases))
    assert sum(len(p) for _, _, p in cases) > 50
    for text, title, phrases in cases:
        for phrase in phrases:
            source = title if phrase.place is Place.HEADLINE else text
            assert 0 <= phrase.span.start < phrase.span.end <= len(source)
            assert source[phrase.span.start : phrase.span.end] == phrase.span.text
            assert 0.0 <= phrase.score <= 1.0


def test_neutral_wording_is_not_flagged():
    text = "The government said on Tuesday that the meeting would take place in Geneva."
    sentence = Span(start=0, end=len(text), text=text)
    assert find_loaded_language(text, [sentence], []) == ()


def test_same_words_change_voice_inside_quotes():
    text = 'The regime acted. "The regime acted," he said.'
    sentences = [
        Span(start=0, end=17, text=text[:17]),
        Span(start=18, end=len(text), text=text[18:]),
    ]
    phrases = find_loaded_language(text, sentences, find_quotations(text))
    assert [(p.span.text, p.voice) for p in phrases] == [
        ("regime", Voice.OWN),
        ("regime", Voice.QUOTED),
    ]
    assert phrases[0].alternative == "government"


def _one_sentence(text):
    return find_loaded_language(text, [Span(start=0, end=len(text), text=text)], [])


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Two of the wounded remain in critical condition, police said.", "critical"),
        ("The two brothers pleaded guilty to fraud in federal court on Monday.", "guilty"),
        (
            '"I am pleased to announce that our talented deputy, Ann Lee, will take over as '
            'acting director," the governor wrote.',
            "pleased",
        ),
        (
            "The court asked the United States Supreme Court to strike down the voting law, a "
            "fierce fight for the state.",
            "United",
        ),
        ("The court asked the United States Supreme Court to strike down the law.", "Supreme"),
        ("The senator, long one of the most influential voices on trade, retired.", "long"),
    ],
)
def test_fixed_medical_legal_and_formulaic_wording_is_not_loaded(text, words):
    flagged = [p.span.text for p in _one_sentence(text)]
    assert not any(words in f for f in flagged), flagged


def test_a_quoted_country_is_not_a_scare_quote_but_a_quoted_word_is():
    text = (
        "Critics mocked the “plan” as a fantasy, and a spokesman for “Canada” declined to comment."
    )
    quotes = find_quotations(text)
    flagged = [
        p.span.text
        for p in find_loaded_language(text, [Span(start=0, end=len(text), text=text)], quotes)
    ]
    assert "Canada" not in flagged
    assert "plan" in flagged
