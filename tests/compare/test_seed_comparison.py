"""The issue's expectations on the two seeds, through the real pipeline and embedding model."""

from __future__ import annotations

import pytest

from storylens.compare import Comparison, ConflictKind


def _shared_with(comparison: Comparison, pj: str, ov: str) -> bool:
    """One shared row holds a PJ fact containing ``pj`` and an OV fact containing ``ov``."""
    for row in comparison.shared():
        texts = [f.span.text for f in row.facts]
        if any(pj in t for t in texts) and any(ov in t for t in texts):
            return True
    return False


def _unique_texts(comparison: Comparison, article_id: str) -> list[str]:
    return [row.facts[0].span.text for row in comparison.unique(article_id)]


@pytest.mark.parametrize(
    ("pj", "ov"),
    [
        ("suspend talks with Russia over Syria", "suspending talks with Russia"),
        (
            "channel of communications established with Russia to de-conflict",
            "communications lines remain open",
        ),
        ("chosen to pursue a military course", "rejected diplomacy"),
        ("not a decision that was taken lightly", "not come lightly"),
    ],
)
def test_seed_shared_facts(seed_comparison, pj, ov):
    assert _shared_with(seed_comparison, pj, ov)


def test_seed_attacks_on_hospitals_shared(seed_comparison):
    rows = [r for r in seed_comparison.shared() if all("hospital" in f.span.text for f in r.facts)]
    assert rows


@pytest.mark.parametrize(
    "words",
    [
        "cease disposal of plutonium",
        "largest hospital was hit",
        "killed seven people",
        "We are not giving up on the Syrian people",
    ],
)
def test_seed_only_opposing_views(seed_comparison, ids, words):
    assert any(words in t for t in _unique_texts(seed_comparison, ids["ov"]))


@pytest.mark.parametrize(
    "words",
    [
        "John McCain",
        "UNSCR 2254",
        "Joint Implementation Center",
        "Washington Ideas Forum",
        "not worried about lampooning",
    ],
)
def test_seed_only_pj_media(seed_comparison, ids, words):
    assert any(words in t for t in _unique_texts(seed_comparison, ids["pj"]))


def test_seed_no_mccain_graham_sentence_aligned(seed_comparison, seed_analyses):
    """Facts that are mostly the senators' words, or name them, align with nothing."""
    pj = seed_analyses["PJ Media"]
    quotes = [q.content for q in pj.quotes if q.speaker and "McCain" in q.speaker.name]

    def senators(fact):
        covered = sum(
            max(0, min(fact.span.end, q.end) - max(fact.span.start, q.start)) for q in quotes
        )
        return "McCain" in fact.span.text or covered > len(fact.span.text) / 2

    mccain = {f.id for f in seed_comparison.facts if f.article_id == pj.article.id and senators(f)}
    assert len(mccain) >= 5
    shared_ids = {f.id for row in seed_comparison.shared() for f in (*row.facts, *row.restated)}
    assert not shared_ids & mccain


def test_seed_attribution_conflict(seed_comparison, ids):
    speaker_conflicts = [c for c in seed_comparison.conflicts if c.kind is ConflictKind.SPEAKER]
    assert len(speaker_conflicts) == 1
    sides = {side.article_id: side for side in speaker_conflicts[0].sides}
    assert sides[ids["pj"]].value == "John Kirby"
    assert sides[ids["ov"]].value == "John Kerry"
    assert "lightly" in sides[ids["pj"]].sentence.text
    assert "lightly" in sides[ids["ov"]].sentence.text


def test_seed_cited_sources(seed_comparison, ids):
    by_article = {ids["pj"]: set(), ids["ov"]: set()}
    for row in seed_comparison.sources:
        for cell in row.cells:
            by_article[cell.article_id].add(row.name)
    assert {"CNN", "Al Jazeera"} <= by_article[ids["ov"]]
    assert any("Kirby" in name for name in by_article[ids["pj"]])
    assert any("McCain" in name and "Graham" in name for name in by_article[ids["pj"]])
    assert not by_article[ids["pj"]] & {"CNN", "Al Jazeera"}


def test_seed_entities_merged_across_articles(seed_comparison):
    kerry = [row for row in seed_comparison.entities if row.name == "John Kerry"]
    assert len(kerry) == 1
    assert len(kerry[0].cells) == 2


def test_seed_omissions_are_the_other_outlets_rows(seed_comparison, ids):
    omitted = {o.article_id: set(o.rows) for o in seed_comparison.omissions}
    assert omitted[ids["pj"]] == {r.id for r in seed_comparison.unique(ids["ov"])}
    assert omitted[ids["ov"]] == {r.id for r in seed_comparison.unique(ids["pj"])}


def test_seed_rows_ordered_by_outlets_then_position(seed_comparison):
    sizes = [len(row.facts) for row in seed_comparison.rows]
    assert sizes == sorted(sizes, reverse=True)
    assert {f.id for row in seed_comparison.rows for f in row.facts} == {
        f.id for f in seed_comparison.facts
    }


def test_seed_offsets_point_into_article_text(seed_comparison, seed_analyses):
    texts = {a.article.id: a.article.text for a in seed_analyses.values()}
    for fact in seed_comparison.facts:
        assert texts[fact.article_id][fact.span.start : fact.span.end] == fact.span.text
    for conflict in seed_comparison.conflicts:
        for side in conflict.sides:
            assert texts[side.article_id][side.span.start : side.span.end] == side.span.text


def test_seed_summary_never_gives_kerry_the_kirby_quote_in_pj_media_s_name(seed_comparison, ids):
    """PJ Media gives "not a decision that was taken lightly" to Kirby, Opposing Views to Kerry:
    a 1-1 dispute, so no summary sentence may state either side in PJ Media's name."""
    for sentence in seed_comparison.summary.sentences:
        if "lightly" in sentence.text:
            assert ids["pj"] not in {s.article_id for s in sentence.support}
            assert "Kerry" not in sentence.text or "PJ Media" not in sentence.outlets


def test_seed_conflict_has_two_positions_of_one(seed_comparison):
    (conflict,) = [c for c in seed_comparison.conflicts if c.kind is ConflictKind.SPEAKER]
    assert sorted((p.value, p.count) for p in conflict.positions) == [
        ("John Kerry", 1),
        ("John Kirby", 1),
    ]
