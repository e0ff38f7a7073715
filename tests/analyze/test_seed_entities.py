from __future__ import annotations

import pytest

from storylens.model import EntityLabel


def _entity(analyses, name):
    for analysis in analyses:
        for entity in analysis.entities:
            if entity.name == name:
                return entity
    raise AssertionError(f"no entity {name!r}")


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("John Kerry", EntityLabel.PERSON),
        ("John Kirby", EntityLabel.PERSON),
        ("Sergey Lavrov", EntityLabel.PERSON),
        ("John McCain", EntityLabel.PERSON),
        ("Lindsey Graham", EntityLabel.PERSON),
        ("Vladimir Putin", EntityLabel.PERSON),
        ("Obama", EntityLabel.PERSON),
        ("Assad", EntityLabel.PERSON),
        ("Russia", EntityLabel.PLACE),
        ("Syria", EntityLabel.PLACE),
        ("Aleppo", EntityLabel.PLACE),  # spaCy sm says NORP; the city list mends it
        ("State Department", EntityLabel.ORGANISATION),
        ("CNN", EntityLabel.ORGANISATION),
        ("Al Jazeera", EntityLabel.ORGANISATION),
    ],
)
def test_seed_entities_found(seed_analyses, name, label):
    entity = _entity(seed_analyses.values(), name)
    if label is not None:
        assert entity.label is label


def test_kerry_mentions_grouped_under_one_entity(seed_analyses):
    pj = seed_analyses["PJ Media"]
    kerrys = [e for e in pj.entities if "Kerry" in e.name]
    assert len(kerrys) == 1
    aliases = set(kerrys[0].aliases)
    assert {"Kerry", "John Kerry", "Secretary Kerry"} <= aliases
    assert any(a.startswith("Secretary of State") for a in aliases) or len(kerrys[0].mentions) >= 5


def test_daesh_is_islamic_state(seed_analyses):
    entity = _entity([seed_analyses["PJ Media"]], "Islamic State")
    assert "Daesh" in entity.aliases
    assert entity.label is EntityLabel.ORGANISATION


def test_names_cut_short_or_run_together_are_mended(seed_analyses):
    ov = seed_analyses["Opposing Views"]
    names = {e.name for e in ov.entities}
    assert "Islamic State" in names
    assert "Islamic" not in names
    assert not any("U.S. Russia" in alias for e in ov.entities for alias in e.aliases)
    pj = seed_analyses["PJ Media"]
    assert not any("U.S.-Russia" in alias for e in pj.entities for alias in e.aliases)
    assert {"United States", "Russia"} <= names


def test_mention_offsets_are_exact(seed_analyses):
    for analysis in seed_analyses.values():
        for entity in analysis.entities:
            for mention in entity.mentions:
                text = analysis.article.text
                assert text[mention.span.start : mention.span.end] == mention.span.text


def test_cited_sources(seed_analyses):
    ov = {s.name for s in seed_analyses["Opposing Views"].cited_sources}
    assert {"CNN", "Al Jazeera"} <= ov
    pj = [s.name for s in seed_analyses["PJ Media"].cited_sources]
    assert any("statement" in n and "Kirby" in n for n in pj)
    assert any("statement" in n and "McCain" in n and "Graham" in n for n in pj)


def test_numbers_with_what_they_count(seed_analyses):
    numbers = {n.span.text: n for n in seed_analyses["Opposing Views"].numbers}
    assert numbers["seven"].value == 7
    assert numbers["seven"].counted.text == "people"
    assert numbers["thousands"].counted.text == "nuclear bombs"


def test_dates_stay_relative_without_publication_date(seed_analyses):
    dates = {d.span.text: d for d in seed_analyses["PJ Media"].dates}
    assert dates["today"].relative
    assert dates["today"].value is None
    assert dates["September 19"].value is None
    assert not dates["September 19"].relative
