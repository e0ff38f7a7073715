"""Times into a numbered round or half (`compare.periods`), read from sentences written here."""

from __future__ import annotations

import pytest

from storylens.compare.periods import _times
from storylens.model import Span
from storylens.model.comparison import Fact


def _read(text: str) -> list[tuple[str, float]]:
    fact = Fact(id="a:0", article_id="a", span=Span(start=0, end=len(text), text=text), sentence=0)
    return [(period, value.low) for period, value in _times(text, fact)]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("The referee waved it off 38 seconds into the ninth round.", [("ninth", 38.0)]),
        ("She was stopped after 38 seconds of the ninth.", [("ninth", 38.0)]),
        ("The bout ended at 1:52 of the fifth round.", [("fifth", 112.0)]),
        ("Down twice in the fifth, he was rescued at the 1:52 mark.", [("fifth", 112.0)]),
        ("He scored two minutes into the second half.", [("second", 120.0)]),
        ("It was over eleven seconds into the 10th.", [("tenth", 11.0)]),
        ("They led with 1:52 left in the third quarter.", []),
        ("He spent the last 40 seconds of the third on the ropes.", []),
        ("The fight was stopped early in the seventh.", []),
        ("Polls closed at 8:00 in the evening.", []),
    ],
)
def test_times_into_a_period(text, read):
    assert _read(text) == read
