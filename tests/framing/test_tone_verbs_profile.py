from __future__ import annotations

import pytest

from storylens.framing import (
    Voice,
    count_verbs,
    frame_article,
    opinion_markers,
    sentence_tone,
    tone_toward_actors,
    verb_kind,
)
from storylens.model import (
    Analysis,
    Attribution,
    Entity,
    EntityLabel,
    Mention,
    Quote,
    QuoteKind,
    Sentence,
    Span,
    Speaker,
)
from tests.conftest import OPPOSING_VIEWS, PJ_MEDIA


def _mentions(text, name):
    spans, start = [], text.find(name)
    while start >= 0:
        spans.append(Span(start=start, end=start + len(name), text=name))
        start = text.find(name, start + 1)
    return spans


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("said", "neutral"),
        ("claimed", "assertive"),
        ("admitted", "factive"),
        ("insisted", "assertive"),
        ("mocked", "derisive"),
        ("complained", "emotive"),
        ("quipped", "derisive"),
        ("sang", "other"),
    ],
)
def test_verb_kind(word, kind):
    assert verb_kind(word)[1] == kind


def _analysis(pj_media):
    article, sentences, quotes, _ = pj_media
    entities = tuple(
        Entity(
            id=name,
            name=name,
            label=EntityLabel.PERSON,
            aliases=(),
            mentions=tuple(Mention(span=s) for s in _mentions(article.text, name)),
        )
        for name in ("Kerry", "Russia", "Kirby")
    )
    cues = _mentions(article.text, "said")
    quote_records = tuple(
        Quote(
            id=f"q{i}",
            content=q,
            kind=QuoteKind.DIRECT,
            sentence=0,
            attribution=Attribution.CUE,
            speaker=Speaker(name="Kirby"),
            cue=cues[i] if i < len(cues) else None,
        )
        for i, q in enumerate(quotes)
    )
    return Analysis(
        article=article,
        sentences=tuple(Sentence(span=s, paragraph=0) for s in sentences),
        entities=entities,
        quotes=quote_records,
    )


def test_tone_evidence_is_the_sentences_that_mention_the_actor(pj_media):
    analysis = _analysis(pj_media)
    tones = {t.name: t for t in tone_toward_actors(analysis)}
    kerry = tones["Kerry"]
    assert kerry.evidence
    for evidence in kerry.evidence:
        assert "Kerry" in evidence.sentence.text
    assert -1.0 <= tones["Russia"].score <= 1.0


def test_tone_is_target_dependent():
    text = "Smith praised the brilliant plan, while Jones wrecked the disastrous talks."
    sentence = Span(start=0, end=len(text), text=text)
    smith = sentence_tone(text, sentence, _mentions(text, "Smith"))
    jones = sentence_tone(text, sentence, _mentions(text, "Jones"))
    assert smith > 0 > jones


def test_opinion_markers_only_count_own_voice():
    text = 'Why would anyone believe this? "We will win," he said. I clearly disagree.'
    sentences = [
        Span(start=0, end=30, text=text[:30]),
        Span(start=31, end=54, text=text[31:54]),
        Span(start=55, end=len(text), text=text[55:]),
    ]
    quotes = [Span(start=32, end=43, text=text[32:43])]
    markers = opinion_markers(text, sentences, quotes)
    assert [s.text for s in markers.first_person] == ["I"]
    assert [s.text for s in markers.rhetorical_questions] == [text[:30]]
    assert [s.text for s in markers.stance_adverbs] == ["clearly"]


def test_frame_article_profile(pj_media):
    analysis = _analysis(pj_media)
    profile = frame_article(analysis)
    assert profile.own_voice + profile.quoted == len(profile.loaded)
    assert profile.quoted > 0
    assert profile.own_voice > 0
    assert "Aggression" in [p.span.text for p in profile.headline.phrases]
    assert sum(c.count for c in profile.verbs) == sum(q.cue is not None for q in analysis.quotes)
    assert count_verbs(()) == ()
    assert profile.quote_shares[0].speaker == "Kirby"
    assert all(p.voice in (Voice.OWN, Voice.QUOTED) for p in profile.loaded)


def test_tone_is_off_unless_the_experimental_switch_is_on(pj_media, monkeypatch):
    from storylens.config import EXPERIMENTAL_TONE
    from storylens.report import framing_view

    analysis = _analysis(pj_media)
    monkeypatch.delenv(EXPERIMENTAL_TONE, raising=False)
    assert frame_article(analysis).tone == ()
    assert framing_view.TONE_ROW not in [name for name, _ in framing_view.profile_rows()]
    monkeypatch.setenv(EXPERIMENTAL_TONE, "1")
    profile = frame_article(analysis)
    assert "Kerry" in [t.name for t in profile.tone]
    assert framing_view.TONE_ROW in [name for name, _ in framing_view.profile_rows()]


def test_cli_flag_switches_tone_on(monkeypatch):
    from click.testing import CliRunner

    from storylens.cli import main
    from storylens.config import EXPERIMENTAL_TONE, tone_enabled

    monkeypatch.setenv(EXPERIMENTAL_TONE, "0")  # recorded, so the flag's setting is undone
    assert not tone_enabled()
    args = ["--experimental-tone", "compare", str(PJ_MEDIA), str(OPPOSING_VIEWS), "--evidence"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert tone_enabled()
    assert "Tone evidence (experimental)" in result.output
