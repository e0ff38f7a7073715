"""Stories are events: the real pipeline (spaCy analysis, MiniLM vectors, SQLite) on
fixtures written for these tests (tests/cluster/fixtures, invented events and places)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

import pytest

from storylens.cluster import ClusterSettings
from storylens.pipeline import analyze_articles
from storylens.store import CorpusWriter, Store, ingest_inputs, story_partition

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def writer_for(tmp_path_factory):
    """A function that ingests fixture files into a fresh store and returns it."""

    def ingest(*names: str) -> Store:
        folder = tmp_path_factory.mktemp("events")
        store = Store(folder / "events.db")
        writer = CorpusWriter(store, analyzer=analyze_articles)
        summary = ingest_inputs(writer, [str(FIXTURES / name) for name in names])
        assert not summary.issues
        return store

    return ingest


def groups(store: Store) -> dict[int, set[str]]:
    found: defaultdict[int, set[str]] = defaultdict(set)
    for article_id, story_id in story_partition(store.connection).items():
        found[story_id].add(article_id)
    return dict(found)


@pytest.mark.xfail(
    strict=True,
    reason="not met (issue 18): the same regulator, company and chair dominate the names "
    "both stories share; the differing port, figure and incident do not outweigh them",
)
def test_a_near_miss_two_days_later_is_its_own_story(writer_for):
    # The same regulator fines the same company two days apart, for another incident.
    with writer_for("events.jsonl") as store:
        stories = sorted(groups(store).values(), key=min)
    assert stories == [
        {"crane-courier", "crane-ledger"},
        {"spill-courier", "spill-ledger", "spill-wire"},
    ]


def test_one_event_in_varied_wording_is_one_story(writer_for):
    with writer_for("events.jsonl") as store:
        partition = story_partition(store.connection)
    assert partition["spill-courier"] == partition["spill-ledger"] == partition["spill-wire"]


def test_undated_articles_are_placed_by_the_dates_they_state(writer_for):
    with writer_for("undated.jsonl") as store:
        partition = story_partition(store.connection)
        assert partition["flood-a"] == partition["flood-b"] != partition["flood-later"]
        first, last = store.connection.execute(
            "SELECT first_day, last_day FROM stories WHERE id = ?", (partition["flood-a"],)
        ).fetchone()
    march_12 = dt.date(2024, 3, 12).toordinal()
    assert (first, last) == (march_12, march_12)


def test_a_story_window_does_not_drift_with_its_members(writer_for):
    # A reservoir falling two points every two days: each report is close to the one before,
    # but a story of one event must not chain them over the whole summer.
    span = ClusterSettings().max_span_days
    with writer_for("drought.jsonl") as store:
        partition = story_partition(store.connection)
        ranges = store.connection.execute("SELECT first_day, last_day FROM stories").fetchall()
    assert partition["drought-0"] != partition["drought-8"]
    assert all(last - first <= span for first, last in ranges)


def test_an_undated_account_finds_one_that_states_its_day(writer_for):
    # The first account names the day; the second, undated, names none: it must still meet
    # the first (a day only the text states does not hide an article from later ones).
    with writer_for("undated_followup.jsonl") as store:
        partition = story_partition(store.connection)
    assert partition["bridge-dated"] == partition["bridge-undated"]
