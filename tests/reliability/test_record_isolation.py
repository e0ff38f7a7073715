"""No record can stop a run: each bad one is one line, every good one comes out."""

from __future__ import annotations

import itertools
import json
import sqlite3
from pathlib import Path

import pytest

from storylens.analyze import nlp
from storylens.model import IssueCode
from storylens.pipeline import analyze_paths
from tests.reliability.conftest import BRIDGE, FLOOD, record, run_cli


@pytest.fixture(scope="module")
def hostile_outcome(tmp_path_factory: pytest.TempPathFactory):
    """The pipeline over good records with the hostile ones of the audit between them."""
    path = tmp_path_factory.mktemp("hostile") / "mixed.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    lines = [
        record(BRIDGE[0], id="good-1", outlet="Harbor Gazette", date="2016-01-07"),
        record(BRIDGE[1] + " Lone \ud800 surrogate.", id="surrogate", outlet="Valley \udfff"),
        f'{{"id": "deep", "text": {json.dumps(FLOOD[0])}, "extra": {deep}}}\n',
        record(FLOOD[1], id="markup", outlet="[/bold]", title="[link=http://evil.example]x"),
        record(
            "Officials said the review would end on Feb. 29 as planned. " + FLOOD[0],
            id="leap",
            outlet="Leap Post",
            date="2016-01-07",
        ),
        record(BRIDGE[2], id="good-2", outlet="Coastal Post"),
    ]
    path.write_text("".join(lines), encoding="utf-8")
    return analyze_paths([str(path)])


def test_good_records_around_hostile_ones_all_come_out(hostile_outcome):
    ids = [a.article.id for a in hostile_outcome.analyses]
    assert ids == ["good-1", "surrogate", "markup", "leap", "good-2"]


def test_json_nested_100000_deep_in_a_metadata_field_is_one_line(hostile_outcome):
    issues = [i for i in hostile_outcome.issues if i.code is IssueCode.TOO_DEEP]
    assert len(issues) == 1
    assert issues[0].input.endswith("mixed.jsonl:3")


def test_a_lone_surrogate_in_valid_json_becomes_a_replacement_character(hostile_outcome):
    article = next(a.article for a in hostile_outcome.analyses if a.article.id == "surrogate")
    assert "\ufffd surrogate" in article.text
    assert article.outlet == "Valley \ufffd"
    article.text.encode("utf-8")  # writable as UTF-8: no surrogate is left


def test_feb_29_in_an_article_published_in_january_2016_does_not_crash(hostile_outcome):
    leap = next(a for a in hostile_outcome.analyses if a.article.id == "leap")
    assert leap.sentences


def test_no_other_issue_than_the_nested_record(hostile_outcome):
    codes = {i.code for i in hostile_outcome.issues if i.stage == "ingest"}
    assert codes == {IssueCode.TOO_DEEP}


def test_a_paragraph_longer_than_spacy_max_length_is_analysed(tmp_path):
    sentence = "The council met again on Monday and the mayor said the bridge would reopen soon. "
    paragraph = sentence * (1_050_000 // len(sentence) + 1)
    assert len(paragraph) > nlp.load_pipeline().max_length
    path = tmp_path / "huge.txt"
    path.write_text(paragraph, encoding="utf-8")
    outcome = analyze_paths([str(path)])
    assert [i for i in outcome.issues if i.stage != "analyze"] == []
    (analysis,) = outcome.analyses
    assert len(analysis.sentences) > 10_000
    text = analysis.article.text
    assert all(text[s.span.start : s.span.end] == s.span.text for s in analysis.sentences)


def test_a_paragraph_parsed_in_pieces_keeps_every_offset(tmp_path, monkeypatch):
    monkeypatch.setattr(nlp, "PIECE_CHARS", 400)
    path = tmp_path / "long.txt"
    path.write_text(" ".join(BRIDGE), encoding="utf-8")
    (analysis,) = analyze_paths([str(path)]).analyses
    text = analysis.article.text
    for sentence in analysis.sentences:
        assert text[sentence.span.start : sentence.span.end] == sentence.span.text
    for entity in analysis.entities:
        for mention in entity.mentions:
            assert text[mention.span.start : mention.span.end] == mention.span.text
    assert {"Ana Ortiz", "Harbor Street"} & {e.name for e in analysis.entities}


def test_pieces_cover_the_text_exactly_and_cut_at_spaces():
    text = "word " * 1000 + "x" * 3000
    cuts = nlp.pieces(text, limit=700)
    assert cuts[0][0] == 0
    assert cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(cuts))
    assert all(end - start <= 700 for start, end in cuts)
    assert text[cuts[0][1] - 1] == " "


def test_an_analysis_that_raises_is_one_record_failed_line_and_the_run_goes_on(
    tmp_path, monkeypatch
):
    import storylens.pipeline as pipeline

    real = pipeline._analyze_one

    def breaks_on_flood(article, parsed):  # fault injection: a stage bug on one record
        if "Millbrook" in article.text:
            raise ValueError("day is out of range for month")
        return real(article, parsed)

    monkeypatch.setattr(pipeline, "_analyze_one", breaks_on_flood)
    path = tmp_path / "three.jsonl"
    path.write_text(
        record(BRIDGE[0], id="a") + record(FLOOD[0], id="b") + record(BRIDGE[1], id="c"),
        encoding="utf-8",
    )
    outcome = pipeline.analyze_paths([str(path)])
    assert [a.article.id for a in outcome.analyses] == ["a", "c"]
    (issue,) = outcome.issues
    assert issue.code is IssueCode.RECORD_FAILED
    assert issue.input.endswith("three.jsonl:2")
    assert "ValueError: day is out of range" in issue.line()


def test_ingest_commits_the_good_records_of_a_batch_and_reruns_pass_the_bad_one_by(tmp_path):
    corpus = tmp_path / "batch.jsonl"
    deep = "[" * 50_000 + "]" * 50_000
    corpus.write_text(
        record(BRIDGE[0], id="b0", outlet="Harbor Gazette")
        + f'{{"id": "bad", "text": "Some text here.", "x": {deep}}}\n'
        + record(BRIDGE[1], id="b1", outlet="Valley Times")
        + record(FLOOD[0], id="f0", outlet="Hill News", title="[/bold]"),
        encoding="utf-8",
    )
    db = tmp_path / "batch.db"
    for _ in range(2):
        result = run_cli("ingest", str(corpus), "--db", str(db), "--quiet", "--batch-size", "8")
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        errors = [line for line in result.stderr.splitlines() if ": too_deep:" in line]
        assert len(errors) == 1
        assert "batch.jsonl:2" in errors[0]
    stored = sqlite3.connect(db).execute("SELECT article_id FROM articles ORDER BY id").fetchall()
    assert stored == [("b0",), ("b1",), ("f0",)]
    assert "3 duplicates skipped" in result.stderr


def test_a_store_failure_of_one_article_fails_only_that_article(tmp_path, monkeypatch):
    from storylens.embedding import default_encoder
    from storylens.store import CorpusWriter, Store, ingest_inputs

    corpus = tmp_path / "three.jsonl"
    corpus.write_text(
        record(BRIDGE[0], id="a", outlet="A")
        + record(FLOOD[0], id="b", outlet="B")
        + record(BRIDGE[1], id="c", outlet="C"),
        encoding="utf-8",
    )
    with Store(tmp_path / "s.db") as store:
        writer = CorpusWriter(store, encoder=default_encoder())
        real = store.insert_article

        def full_of_bugs(article, *, content_hash):  # fault injection in the store stage
            if article.id == "b":
                raise OverflowError("Python int too large to convert to SQLite INTEGER")
            return real(article, content_hash=content_hash)

        monkeypatch.setattr(store, "insert_article", full_of_bugs)
        summary = ingest_inputs(writer, [str(corpus)])
        assert summary.ingested == 2
        (issue,) = summary.issues
        assert issue.code is IssueCode.RECORD_FAILED
        assert issue.stage == "store"
        assert store.count_articles() == 2
        assert Path(store.path).exists()
