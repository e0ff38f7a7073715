from __future__ import annotations

import datetime as dt

import pytest

from storylens.calendar import resolve, resolve_expression
from storylens.model import Granularity
from storylens.pipeline import Overrides, analyze_paths
from tests.conftest import OPPOSING_VIEWS, PJ_MEDIA

MONDAY = dt.date(2016, 10, 3)


@pytest.mark.parametrize(
    ("kind", "parts", "expected"),
    [
        ("md", {"month": "Sept.", "day": "19", "year": None}, dt.date(2016, 9, 19)),
        ("md", {"month": "Dec.", "day": "30", "year": None}, dt.date(2015, 12, 30)),
        ("md", {"month": "Sept.", "day": "12", "year": "2013"}, dt.date(2013, 9, 12)),
        ("relative", {"word": "today"}, MONDAY),
        ("relative", {"word": "yesterday"}, dt.date(2016, 10, 2)),
        ("relative", {"word": "last week"}, dt.date(2016, 9, 26)),
        ("weekday", {"which": None, "weekday": "Friday"}, dt.date(2016, 9, 30)),
        ("weekday", {"which": "last", "weekday": "Monday"}, dt.date(2016, 9, 26)),
        ("ago", {"n": "two", "unit": "day"}, dt.date(2016, 10, 1)),
    ],
)
def test_resolve_against_publication_date(kind, parts, expected):
    value, _, _ = resolve(kind, parts, MONDAY)
    assert value == expected


def test_relative_dates_unresolved_without_publication_date():
    value, granularity, relative = resolve("relative", {"word": "last week"}, None)
    assert (value, granularity, relative) == (None, Granularity.WEEK, True)


def test_seed_dates_resolved_when_publication_date_given():
    published = dt.datetime(2016, 10, 3, tzinfo=dt.UTC)
    outcome = analyze_paths(
        [str(PJ_MEDIA), str(OPPOSING_VIEWS)], overrides=Overrides(published=published)
    )
    pj, ov = outcome.analyses
    pj_dates = {d.span.text: d.value for d in pj.dates}
    assert pj_dates["September 19"] == dt.date(2016, 9, 19)
    assert pj_dates["today"] == dt.date(2016, 10, 3)
    assert pj_dates["last week"] == dt.date(2016, 9, 26)
    assert {d.span.text: d.value for d in ov.dates}["Oct. 3"] == dt.date(2016, 10, 3)


def test_leap_day_in_an_article_of_january_does_not_crash():
    # "Feb. 29" in a January 2016 article: 29 February exists only in 2016, never the year before.
    value, granularity, relative = resolve_expression("Feb. 29", dt.date(2016, 1, 7))
    assert value == dt.date(2016, 2, 29)
    assert granularity is Granularity.DAY
    assert not relative
