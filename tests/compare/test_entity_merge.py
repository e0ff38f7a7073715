"""Entities merged across the articles of a story (short texts written for these tests)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storylens.compare import compare_analyses
from storylens.compare.entities import merge_entities
from storylens.model import EntityLabel
from storylens.pipeline import analyze_paths

TEXTS = {
    "resigns": "Pentagon chief to leave\n\nDefense Secretary Jim Mattis will leave his post in "
    "February, the department said.",
    # spaCy's small model types this "Mattis" a group: the story's Jim Mattis is the person.
    "allies": "Allies worry\n\nAllies praised Mattis for his steady hand. Mattis's departure "
    "alarmed diplomats in Brussels.",
    "dinner": "Family dinner\n\nDonald Trump spoke at the dinner. Donald Trump thanked donors. "
    "Ivana Trump arrived late. Donald Trump left early.",
    "rally": "Rally\n\nTrump told the rally that the wall would be built. Trump's aides cheered.",
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory):
    folder = tmp_path_factory.mktemp("merge")
    paths = []
    for name, text in TEXTS.items():
        path = folder / f"{name}.txt"
        path.write_text(text, "utf-8")
        paths.append(str(path))
    return {a.article.input.split("/")[-1][:-4]: a for a in analyze_paths(paths).analyses}


def _key(merged, analysis, surface):
    entity = next(e for e in analysis.entities if any(m.span.text == surface for m in e.mentions))
    return merged.key(analysis.article.id, entity.id)


def test_a_lone_surname_joins_the_one_person_of_the_story(analyses):
    merged = merge_entities(list(analyses.values()))
    key = _key(merged, analyses["resigns"], "Jim Mattis")
    assert _key(merged, analyses["allies"], "Mattis") == key
    assert merged.labels[key] is EntityLabel.PERSON
    assert merged.names[key] == "Jim Mattis"


def test_a_surname_goes_to_the_person_named_far_more_often(analyses):
    merged = merge_entities(list(analyses.values()))
    donald = _key(merged, analyses["dinner"], "Donald Trump")
    assert _key(merged, analyses["rally"], "Trump") == donald
    assert _key(merged, analyses["dinner"], "Ivana Trump") != donald


def test_a_lone_surname_does_not_chain_two_people(analyses):
    # Bill and Hillary Clinton named equally often: a bare "Clinton" names neither, and
    # it must not join them to each other.
    dinner, rally = analyses["dinner"], analyses["rally"]
    bill = replace(dinner, article=replace(dinner.article, id="bill"))
    bill = replace(bill, entities=tuple(_renamed(e, "Bill Clinton") for e in bill.entities[:1]))
    hillary = replace(dinner, article=replace(dinner.article, id="hillary"))
    hillary = replace(
        hillary, entities=tuple(_renamed(e, "Hillary Clinton") for e in hillary.entities[:1])
    )
    lone = replace(rally, entities=tuple(_renamed(e, "Clinton") for e in rally.entities))
    merged = merge_entities([bill, hillary, lone])
    keys = {merged.key(a.article.id, a.entities[0].id) for a in (bill, hillary, lone)}
    assert len(keys) == 3


def _renamed(entity, name):
    words = name.lower().split()
    return replace(entity, name=name, aliases=(name,), key=" ".join(words))


def test_the_story_has_one_entity_row_for_one_person(analyses):
    comparison = compare_analyses([analyses["resigns"], analyses["allies"]])
    rows = [r for r in comparison.entities if "mattis" in r.key]
    assert len(rows) == 1
    assert rows[0].kind == "person"
    assert {c.article_id for c in rows[0].cells} == {
        analyses["resigns"].article.id,
        analyses["allies"].article.id,
    }


JUSTICE = {
    "visit": "Governor tours mine\n\nGov. Jim Justice visited the flooded mine on Tuesday. "
    "Justice said the state would pay for the pumps.",
    "union": "Union reacts\n\nUnion leaders met Justice on Wednesday. Justice promised help "
    "before the winter.",
}


@pytest.fixture(scope="module")
def justice(tmp_path_factory):
    folder = tmp_path_factory.mktemp("justice")
    for name, text in JUSTICE.items():
        (folder / f"{name}.txt").write_text(text, "utf-8")
    paths = [str(folder / f"{name}.txt") for name in JUSTICE]
    return {a.article.input.split("/")[-1][:-4]: a for a in analyze_paths(paths).analyses}


def test_a_surname_that_is_a_title_word_joins_its_person(justice):
    # "Justice" is a title word ("Justice Ruth Bader Ginsburg"), but it ends this name.
    merged = merge_entities(list(justice.values()))
    key = _key(merged, justice["visit"], "Jim Justice")
    assert merged.names[key] == "Jim Justice"
    assert merged.labels[key] is EntityLabel.PERSON
    assert _key(merged, justice["union"], "Justice") == key
