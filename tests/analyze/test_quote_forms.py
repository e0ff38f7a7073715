"""Quote forms beyond the seeds: dash signatures, doubled apostrophes, inverted cues."""

from __future__ import annotations

import pytest

from storylens.model import Analysis, Attribution

TEXT = """Voters react to the debate.

Readers sent us their thoughts after the debate on Monday night.

“He never answered a single question about the budget.” ― Maria Lopez
“I was impressed by how calm she stayed the whole night.” ― Daniel Reyes

''We will not raise taxes on the middle class,'' the governor said at the rally.

“The state is in panic mode. Full panic mode,” said Leslie Wimes, a county party chair.

Said Ellis: “I don’t see a plan here at all, and nobody on the stage offered one.”
"""


@pytest.fixture(scope="module")
def analysis(analyze_text) -> Analysis:
    return analyze_text("debate-reactions.txt", TEXT)


def _quote(analysis: Analysis, opening: str):
    found = [q for q in analysis.quotes if q.content.text.startswith(opening)]
    assert found, f"no quote starting {opening!r}: {[q.content.text for q in analysis.quotes]}"
    return found[0]


@pytest.mark.parametrize(
    ("opening", "name"),
    [("He never answered", "Maria Lopez"), ("I was impressed", "Daniel Reyes")],
)
def test_dash_signature_names_the_speaker_after_the_quote(analysis, opening, name):
    quote = _quote(analysis, opening)
    assert quote.attribution is Attribution.SIGNATURE
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == name


def test_doubled_apostrophes_are_quotation_marks(analysis):
    quote = _quote(analysis, "We will not raise taxes")
    assert quote.content.text == "We will not raise taxes on the middle class"
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == "the governor"


def test_inverted_said_prefers_the_subject_outside_the_quote(analysis):
    quote = _quote(analysis, "The state is in panic mode")
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text.startswith("Leslie Wimes")


def test_said_before_the_name_gives_the_name_alone(analysis):
    quote = _quote(analysis, "I don’t see a plan")
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == "Ellis"
