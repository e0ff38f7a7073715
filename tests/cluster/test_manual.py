"""Stories edited by hand (``storylens stories split|merge``) stay edited after later
ingests; ``storylens stories why`` says why each article is in its story. Real pipeline,
fixtures written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from storylens.cli import main
from storylens.store import Store, story_partition

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def ingest(db: Path, *names: str) -> dict[str, int]:
    run("ingest", "--quiet", "--db", str(db), *(str(FIXTURES / name) for name in names))
    with Store(db, must_exist=True) as store:
        return story_partition(store.connection)


def test_a_split_is_kept_by_later_ingests(tmp_path):
    db = tmp_path / "s.db"
    before = ingest(db, "events.jsonl")
    story = before["spill-courier"]
    others = [a for a, s in before.items() if s == story and a.startswith("crane")]
    if not others:  # the near miss was kept apart already: split off one spill account
        others = ["spill-wire"]
    run("stories", "split", str(story), *others, "--db", str(db))
    after = ingest(db, "later.jsonl")
    split_off = {after[a] for a in others}
    assert len(split_off) == 1
    assert after["spill-courier"] not in split_off
    why = json.loads(
        run("stories", "why", str(split_off.pop()), "--db", str(db), "--format", "json")
    )
    assert {m["article_id"] for m in why if m["how"] == "manual"} == set(others)


def test_a_merge_is_kept_and_later_articles_join_it(tmp_path):
    db = tmp_path / "m.db"
    before = ingest(db, "undated.jsonl")
    march, june = before["flood-a"], before["flood-later"]
    assert march != june
    run("stories", "merge", str(march), str(june), "--db", str(db))
    after = ingest(db, "later.jsonl")
    assert after["flood-a"] == after["flood-b"] == after["flood-later"] == march
    assert after["flood-c"] == march


def test_why_names_the_best_match_and_the_shared_names(tmp_path):
    db = tmp_path / "w.db"
    partition = ingest(db, "undated.jsonl")
    rows = json.loads(
        run("stories", "why", str(partition["flood-a"]), "--db", str(db), "--format", "json")
    )
    joined = next(r for r in rows if r["article_id"] == "flood-b")
    assert joined["how"] == "joined"
    assert joined["best_match"] == "flood-a"
    assert {"oster", "grellin"} <= set(joined["shared"])
    assert 0 < joined["score"] <= 1


def test_editing_an_unknown_story_is_one_error_line(tmp_path):
    db = tmp_path / "e.db"
    ingest(db, "undated.jsonl")
    result = CliRunner().invoke(main, ["stories", "merge", "1", "999", "--db", str(db)])
    assert result.exit_code == 1
    assert "no story 999" in result.output
    result = CliRunner().invoke(main, ["stories", "split", "1", "nope", "--db", str(db)])
    assert result.exit_code == 1
    assert "has no article 'nope'" in result.output
