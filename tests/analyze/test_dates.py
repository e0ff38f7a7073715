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


SUNDAY = dt.datetime(2018, 12, 23, tzinfo=dt.UTC)
TENSES = "\n\n".join(
    [
        "Harbour pilot retires",
        "The harbour master is leaving the port authority on January 1, after ten years.",
        "Her deputy will brief the council on Tuesday about the dredging contract. "
        "The council met on Tuesday to approve the budget.",
        "A ferry strike is scheduled to begin on Jan. 4. Crews walked off the job on Dec. 28. "
        "The pilots have run the night shift since 1998 and hope to automate it by 2030.",
    ]
)


def _dates_of(folder, text):
    """(expression, resolved date) of a text published on Sunday 23 December 2018."""
    path = folder / "story.txt"
    path.write_text(text, "utf-8")
    (analysis,) = analyze_paths([str(path)], overrides=Overrides(published=SUNDAY)).analyses
    return [(d.span.text, d.value) for d in analysis.dates]


@pytest.fixture(scope="module")
def tense_dates(tmp_path_factory):
    return _dates_of(tmp_path_factory.mktemp("dates"), TENSES)


def test_future_clause_takes_the_next_occurrence(tense_dates):
    # Published Sunday 23 December 2018: a plan for "January 1" is in 2019, "will … Tuesday" is
    # the coming Tuesday, "is scheduled to begin on Jan. 4" the coming January.
    assert ("January 1", dt.date(2019, 1, 1)) in tense_dates
    assert ("Tuesday", dt.date(2018, 12, 25)) in tense_dates
    assert ("Jan. 4", dt.date(2019, 1, 4)) in tense_dates


def test_past_clause_takes_the_last_occurrence(tense_dates):
    assert ("Tuesday", dt.date(2018, 12, 18)) in tense_dates
    # 28 December lies after the publication date: in a past clause it is last year's.
    assert ("Dec. 28", dt.date(2017, 12, 28)) in tense_dates


def test_period_bounds_are_not_event_dates(tense_dates):
    texts = [text for text, _ in tense_dates]
    assert not any("1998" in t or "2030" in t for t in texts)


def test_resolve_with_tense_directly():
    parts = {"which": None, "weekday": "Sunday"}
    # The publication's own weekday in a future clause is that day; a bare weekday with no
    # tense is the most recent one.
    assert resolve("weekday", parts, SUNDAY.date(), "future")[0] == SUNDAY.date()
    assert resolve("weekday", {"which": None, "weekday": "Monday"}, SUNDAY.date())[0] == dt.date(
        2018, 12, 17
    )


def test_today_in_a_newspaper_name_is_not_a_date():
    from storylens.calendar import find_date_expressions

    found = [m.group() for _, m in find_date_expressions("The mayor told USA Today on Friday.")]
    assert found == ["Friday"]
    assert [m.group() for _, m in find_date_expressions("Today the mayor resigned.")] == ["Today"]


WOULD = "\n\n".join(
    [
        "Ferry operator changes course",
        "The operator said on Thursday that it would suspend the night crossing on Friday.",
        "The ferry company said on Thursday that the terminal would reopen on Wednesday.",
        "The harbour master said she would inspect the new pier on Tuesday.",
        "A toll rise would take effect on Jan. 3 if the council agrees.",
        "The captain would later say on Monday that the fog had been unusually thick.",
        "The board would have voted on Wednesday had the quorum been met.",
        "Pilots plan to walk out on Thursday.",
    ]
)


@pytest.fixture(scope="module")
def would_dates(tmp_path_factory):
    return _dates_of(tmp_path_factory.mktemp("would"), WOULD)


def test_would_looks_ahead_of_its_dated_report(would_dates):
    # Published Sunday 23 December 2018. "Said on Thursday (20th) that it would … on Friday":
    # the Friday after that Thursday, the 21st, not the Friday after publication.
    assert ("Thursday", dt.date(2018, 12, 20)) in would_dates
    assert ("Friday", dt.date(2018, 12, 21)) in would_dates
    # ... and "would reopen on Wednesday" the Wednesday after it, the 26th (not the 19th).
    assert ("Wednesday", dt.date(2018, 12, 26)) in would_dates


def test_would_without_a_dated_report_is_the_next_occurrence(would_dates):
    assert ("Tuesday", dt.date(2018, 12, 25)) in would_dates
    assert ("Jan. 3", dt.date(2019, 1, 3)) in would_dates


def test_would_later_and_would_have_are_not_futures(would_dates):
    # The narrator's "would later say" has happened; "would have voted" (a counterfactual)
    # keeps the untensed reading (the last Wednesday).
    assert ("Monday", dt.date(2018, 12, 17)) in would_dates
    assert ("Wednesday", dt.date(2018, 12, 19)) in would_dates


def test_a_plan_to_act_is_a_future(would_dates):
    assert ("Thursday", dt.date(2018, 12, 27)) in would_dates
