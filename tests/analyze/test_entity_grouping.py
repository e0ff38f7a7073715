"""Entity grouping and kinds on a short news text written for these tests."""

from __future__ import annotations

import pytest

from storylens.model import EntityLabel

STORY = "\n\n".join(
    [
        "Dockworkers defy governor",
        "Governor Samuel Okafor toured the harbour on Monday. Mendoza’s van was seen leaving "
        "the pier before noon, and Rita Mendoza later joined the pickets.",
        "Two crane operators were taken to Harborville Memorial Hospital with burns, and the "
        "Kestrel mine stayed shut.",
        "One steward, who said he is active in his local Republican party, called the deal a "
        "betrayal. Republicans in the state senate agreed.",
        "North Korea tested a missile on Sunday. Pyongyang said the test was a success, and the "
        "North promised more. Diplomats in Seoul protested, and Seoul’s mayor called the test "
        "a provocation.",
        "Donald J. Trump praised the test in a post.",
        "The Cessation of Hostilities collapsed on Monday. Officials said the Minsk Accord "
        "still held.",
    ]
)


@pytest.fixture(scope="module")
def entities(analyze_text):
    return analyze_text("dockworkers.txt", STORY).entities


def _owner(entities, surface):
    return next(e for e in entities if any(m.span.text == surface for m in e.mentions))


def test_a_name_ends_at_its_possessive(entities):
    # spaCy spans "Mendoza’s van" as one person; the person is "Mendoza", who is Rita Mendoza.
    mendoza = _owner(entities, "Mendoza")
    assert mendoza.name == "Rita Mendoza"
    assert not any("van" in m.span.text for e in entities for m in e.mentions)


def test_facilities_are_places(entities):
    assert _owner(entities, "Harborville Memorial Hospital").label is EntityLabel.PLACE
    assert _owner(entities, "Kestrel").label is EntityLabel.PLACE


def test_a_party_adjective_before_party_is_the_party(entities):
    party = _owner(entities, "Republican party")
    assert party.label is EntityLabel.ORGANISATION
    assert party is _owner(entities, "Republicans")
    assert party.key == "republican party"


def test_an_acting_capital_and_the_north_are_the_country(entities):
    korea = _owner(entities, "North Korea")
    assert {"Pyongyang", "North"} <= {m.span.text for m in korea.mentions}
    # "in Seoul" and "Seoul's mayor" are the city, not South Korea's government.
    seoul = {e.id for e in entities for m in e.mentions if m.span.text == "Seoul"}
    assert len(seoul) == 1
    assert _owner(entities, "Seoul").key == "seoul"
    assert _owner(entities, "Seoul") is not korea


def test_entity_key_is_first_and_last_name(entities):
    assert _owner(entities, "Donald J. Trump").key == "donald trump"


def test_agreements_are_not_organisations(entities):
    agreements = [
        e
        for e in entities
        if any("Hostilities" in m.span.text or "Accord" in m.span.text for m in e.mentions)
    ]
    assert agreements
    assert {e.label for e in agreements} == {EntityLabel.OTHER}
