"""Speaker and entity rules on short news texts written for these tests."""

from __future__ import annotations

import json

import pytest

from storylens.analyze.people import person_key, person_owner
from storylens.model import Attribution, EntityLabel
from storylens.pipeline import analyze_paths

STORY = "\n\n".join(
    [
        "Port strike talks collapse",
        "HARBORVILLE — Labor Secretary Ruth Calder walked out of the talks on Thursday after a "
        "row with Governor Samuel T. Okafor over the pension fund.",
        "Calder told reporters the offer was an insult. Okafor said late on Thursday that Calder "
        "would be welcome back at the table.",
        "Former Chilean president Ana Fox scoffed at the deal. “Nobody will sign this paper,” "
        "Fox said in a recorded message.",
        "“Not so fast,” the chairwoman of the dockworkers' union interjected.",
        "The Republican nominee said “the port must reopen before the holidays.”",
        "“We are not leaving the quay until every crane is running again.”",
        "Union steward Marco Ibsen said.",
        "Dana Whit, The Harbor Gazette: “The strike has already cost the region two cargo ships "
        "a week.”",
    ]
)


def _analyse(folder, text):
    path = folder / "story.txt"
    path.write_text(text, "utf-8")
    (result,) = analyze_paths([str(path)]).analyses
    return result


@pytest.fixture(scope="module")
def analysis(tmp_path_factory):
    return _analyse(tmp_path_factory.mktemp("speakers"), STORY)


def _quote(analysis, start):
    return next(q for q in analysis.quotes if q.content.text.startswith(start))


def _entity(analysis, name):
    return next(e for e in analysis.entities if e.name == name)


def test_roundup_label_names_the_speaker(analysis):
    quote = _quote(analysis, "The strike has")
    assert quote.attribution is Attribution.SIGNATURE
    assert quote.speaker is not None
    assert quote.speaker.name == "Dana Whit"


def test_interjected_is_a_cue(analysis):
    quote = _quote(analysis, "Not so fast")
    assert quote.cue is not None
    assert quote.cue.text == "interjected"
    assert quote.speaker is not None
    assert "chairwoman" in quote.speaker.mention.text


def test_a_modifier_is_never_the_speaker(analysis):
    speaker = _quote(analysis, "the port must").speaker
    assert speaker is not None
    assert speaker.name == "The Republican nominee"
    assert all(
        _entity_by_id(analysis, i).label is not EntityLabel.GROUP for i in speaker.entity_ids
    )


def _entity_by_id(analysis, entity_id):
    return next(e for e in analysis.entities if e.id == entity_id)


def test_attribution_line_below_a_quote_paragraph_names_its_speaker(analysis):
    quote = _quote(analysis, "We are not leaving")
    assert quote.speaker is not None
    assert quote.speaker.name == "Marco Ibsen"
    assert quote.attribution is Attribution.CUE


def test_a_person_named_fox_is_not_the_network(analysis):
    speaker = _quote(analysis, "Nobody will sign").speaker
    assert speaker is not None
    assert speaker.name == "Ana Fox"
    assert _entity(analysis, "Ana Fox").label is EntityLabel.PERSON
    assert not any(e.name == "Fox News" for e in analysis.entities)


def test_surname_and_full_name_are_one_person(analysis):
    # spaCy's small model labels the second "Calder" an organisation: it joins the person.
    calder = _entity(analysis, "Ruth Calder")
    assert calder.label is EntityLabel.PERSON
    assert "Calder" in [m.span.text for m in calder.mentions]
    assert [e.name for e in analysis.entities].count("Calder") == 0


def test_portfolio_before_secretary_is_not_an_organisation(analysis):
    assert not any(e.name == "Labor" for e in analysis.entities)


def test_person_key_and_owner():
    assert person_key("Gov. Samuel T. Okafor") == person_key("Samuel Okafor")
    people = ["person:samuel t okafor", "person:ruth calder", "person:lee calder jr"]
    assert person_owner("Okafor", people) == "person:samuel t okafor"
    assert person_owner("Calder", people) == "person:ruth calder"
    people.append("person:tom calder")
    assert person_owner("Calder", people) is None  # two Calders: ambiguous


DIGEST = "\n\n".join(
    [
        "Morning digest",
        "FERRY FARES RISE AGAIN - Priya Nandakumar: “Commuters on the island routes now pay "
        "twice what they paid five years ago.”",
        "The harbour commissioner, Tomas Lindqvist, spoke to the council on Monday. In a long "
        "address, he warned: “If the fares keep climbing, the night boats will run empty.”",
        "Councillor Beatrix Olsen told reporters afterwards that the budget had no room left.",
        "“We have cut everything we can cut, and the ferries are still losing money.”",
    ]
)


@pytest.fixture(scope="module")
def digest(tmp_path_factory):
    return _analyse(tmp_path_factory.mktemp("digest"), DIGEST)


def test_label_after_a_digest_headline_names_the_speaker(digest):
    speaker = _quote(digest, "Commuters on").speaker
    assert speaker is not None
    assert speaker.name == "Priya Nandakumar"


def test_cue_before_the_colon_attributes_the_quote(digest):
    quote = _quote(digest, "If the fares")
    assert quote.cue is not None
    assert quote.cue.text == "warned"
    assert quote.speaker is not None
    assert "Tomas Lindqvist" in quote.speaker.name


def test_speaker_line_above_a_quote_paragraph(digest):
    quote = _quote(digest, "We have cut")
    assert quote.speaker is not None
    assert quote.speaker.name == "Beatrix Olsen"


PRONOUN = "\n\n".join(
    [
        "Retired pilot speaks out",
        "Retired Captain Ilse Brandt said she had grave doubts about the airline under its "
        "chairman, Victor Maas, when she left the company last spring.",
        "“Nobody listened to the crews any more,” she told the radio host.",
    ]
)


def test_pronoun_goes_to_the_last_subject_not_the_last_name(tmp_path):
    speaker = _quote(_analyse(tmp_path, PRONOUN), "Nobody listened").speaker
    assert speaker is not None
    assert speaker.mention is not None
    assert speaker.mention.text == "she"
    assert speaker.name == "Ilse Brandt"


LAYOUTS = "\n\n".join(
    [
        "Mill closure splits the valley",
        "The paper mill at Kessler Falls will close in March, its owners said on Friday.",
        "“It was expected,“ said Omar Delacroix, a spokesman for the mill workers' union. "
        "“Nobody here thought the owners would keep paying for the old boilers.”",
        "''We built this town around that mill,'' Mrs. Edna Voss, now 79 and retired from the "
        "sorting floor, said by telephone on Saturday.",
        "“The valley will survive this,” an indignant Mayor Ruben Salgado retaliated.",
        "Regional planner Ines Kowalczyk went on to say:",
        "“Half of the mill's land sits on the river, and the county wants it for a park.”",
        "The owners' lawyer, Conrad Pike, fired back: “No park was ever promised to anyone.”",
        "Councillor Hana Brecht met the workers on Sunday.",
        "“Will the county retrain the night shift?” she asked. The owners did not answer.",
        "Update: “The mill gates will stay open until noon on Monday for the last shift.”",
        "Warden Lisa Okoye said she told the inspectors “nothing in the boiler logs was ever "
        "hidden from anyone.”",
        "“We will take the owners to court,” said a Kessler Falls Democrat.",
        "Foreman Gus Adeyemi met the reporters at the gate. “Who will buy the boilers now?” "
        "Adeyemi asked. “Nobody wants machines that old.”",
    ]
)


@pytest.fixture(scope="module")
def layouts(tmp_path_factory):
    return _analyse(tmp_path_factory.mktemp("layouts"), LAYOUTS)


def _speaker_text(analysis, start):
    speaker = _quote(analysis, start).speaker
    assert speaker is not None
    assert speaker.mention is not None
    return speaker.mention.text


def test_an_opening_mark_used_to_close_still_closes(layouts):
    assert _quote(layouts, "It was expected").content.text == "It was expected"
    assert "Omar Delacroix" in _speaker_text(layouts, "It was expected")
    assert "Omar Delacroix" in _speaker_text(layouts, "Nobody here thought")


def test_subject_after_a_comma_quote_is_the_speaker_when_the_parse_loses_it(layouts):
    assert "Edna Voss" in _speaker_text(layouts, "We built this town")


def test_any_verb_of_the_clause_after_a_quote_is_its_cue(layouts):
    quote = _quote(layouts, "The valley will survive")
    assert quote.cue is not None
    assert quote.cue.text == "retaliated"
    assert "Ruben Salgado" in _speaker_text(layouts, "The valley will survive")


def test_a_paragraph_ending_in_a_colon_names_the_speaker_below(layouts):
    assert "Ines Kowalczyk" in _speaker_text(layouts, "Half of the mill")


def test_a_clause_ending_in_a_colon_is_the_attribution(layouts):
    assert "Conrad Pike" in _speaker_text(layouts, "No park was ever")


def test_a_lower_case_sentence_after_a_question_quote_holds_its_cue(layouts):
    quote = _quote(layouts, "Will the county")
    assert quote.cue is not None
    assert quote.cue.text == "asked"
    assert _speaker_text(layouts, "Will the county") == "she"
    assert quote.speaker.name == "Hana Brecht"


def test_a_paragraph_with_its_own_words_takes_no_speaker_from_the_paragraph_above(layouts):
    assert _quote(layouts, "The mill gates").speaker is None


def test_speech_reported_by_a_named_speaker_goes_to_that_name(layouts):
    assert "Lisa Okoye" in _speaker_text(layouts, "nothing in the boiler")


def test_a_party_member_described_is_not_the_party(layouts):
    speaker = _quote(layouts, "We will take").speaker
    assert speaker is not None
    assert "Democrat" in speaker.name
    labels = {_entity_by_id(layouts, i).label for i in speaker.entity_ids}
    assert EntityLabel.GROUP not in labels


def test_a_short_attribution_sentence_after_a_question_quote_is_its_cue(layouts):
    quote = _quote(layouts, "Who will buy")
    assert quote.cue is not None
    assert quote.cue.text == "asked"
    assert "Adeyemi" in _speaker_text(layouts, "Nobody wants machines")


CLAUSES = "\n\n".join(
    [
        "Harbour row deepens",
        "The harbour board met on Tuesday to discuss the ferry timetable and the new pier.",
        "Although Olav Rud admitted that he and the mayor had “never agreed on the ferries,” he "
        "claimed they were still friends.",
        "Kari Holm said she saw no reason for delay, telling the council that “the pier is safe "
        "and the money is there.”",
        "“We were tremendously wrong to not have fixed it from the beginning,” Moe, 58, told AFP "
        "in an interview in Oslo on Monday.",
        "In a statement to the Observer, her senior ferry adviser, Jake Lindqvist, said: “The "
        "harbour believes that cooperation is essential, and that cooperation is strongest when "
        "the towns are united.”",
        "''That was a good speech you gave last night, Mr. Mayor,'' Representative Steve Aker, "
        "Democrat of Kent, told Mr. Berg as he stopped to have his picture taken.",
    ]
)


@pytest.fixture(scope="module")
def clauses(tmp_path_factory):
    return _analyse(tmp_path_factory.mktemp("clauses"), CLAUSES)


def test_the_innermost_cue_that_governs_a_quote_is_its_cue(clauses):
    quote = _quote(clauses, "never agreed")
    assert quote.cue is not None
    assert quote.cue.text == "admitted"
    assert "Olav Rud" in _speaker_text(clauses, "never agreed")


def test_a_pronoun_cue_inside_a_named_speech_goes_to_the_name(clauses):
    # "telling" takes its subject from "saw" (she); "said" above it names Kari Holm.
    assert "Kari Holm" in _speaker_text(clauses, "the pier is safe")


@pytest.mark.parametrize(
    ("start", "name"),
    [
        ("We were tremendously", "Moe"),
        ("The harbour believes", "Jake Lindqvist"),
        ("That was a good speech", "Steve Aker"),
    ],
)
def test_the_phrase_before_a_cue_left_without_a_subject_is_the_speaker(clauses, start, name):
    # spaCy hangs these names on an earlier word (a conjunct of the quote's verb, an
    # apposition of "the Observer" or of "Mr. Mayor"), leaving the cue with no subject.
    assert name in _speaker_text(clauses, start)


TRAILING = "\n\n".join(
    [
        "Harbour row deepens",
        "The harbour board met on Tuesday to discuss the ferry timetable and the new pier.",
        "“Will the night ferries ever run on time again?” Harbour master Jens Kolstad asked "
        "during a meeting with the board.",
        "“Having two people who understand the timetable is valuable,” said Skelly, explaining "
        "he worked closely with the pier staff.",
        "“Nobody asked the fishermen,” said Early, who has fished the bay for forty years.",
    ]
)


@pytest.fixture(scope="module")
def trailing(tmp_path_factory):
    return _analyse(tmp_path_factory.mktemp("trailing"), TRAILING)


def test_a_sentence_that_only_attributes_the_quote_before_it_holds_its_cue(trailing):
    quote = _quote(trailing, "Will the night")
    assert quote.cue is not None
    assert quote.cue.text == "asked"
    assert "Jens Kolstad" in _speaker_text(trailing, "Will the night")


def test_a_capitalised_word_after_an_inverted_cue_is_the_speaker(trailing):
    # spaCy tags "Skelly" an adverb and recognises no entity in it.
    assert _speaker_text(trailing, "Having two people") == "Skelly"


def test_a_speaker_mention_stops_before_its_relative_clause(trailing):
    assert _speaker_text(trailing, "Nobody asked") == "Early"


STORM = [
    "Base closes after storm",
    "The base will close for a week, officials said on Monday.",
    "Sen. Harold Pike toured the flooded runway on Tuesday.",
    "“Nobody warned us about the levee,” Sen. said.",
    "As the Daily Ledger reported on Sunday: “The levee failed at two points before dawn.”",
    "As the Coastal Times reported on Monday: “The pumps were switched off a day early.”",
]


def test_a_bare_title_is_resolved_to_the_person_who_holds_it(tmp_path):
    speaker = _quote(_analyse(tmp_path, "\n\n".join(STORM)), "Nobody warned").speaker
    assert speaker is not None
    assert speaker.name == "Harold Pike"


def test_the_articles_own_outlet_is_never_the_speaker(tmp_path):
    record = {"title": STORM[0], "text": "\n\n".join(STORM[1:]), "outlet": "The Daily Ledger"}
    path = tmp_path / "storm.json"
    path.write_text(json.dumps(record), "utf-8")
    (analysis,) = analyze_paths([str(path)]).analyses
    own = _quote(analysis, "The levee failed")
    assert own.speaker is None
    assert own.attribution is Attribution.UNRESOLVED
    cited = _quote(analysis, "The pumps were").speaker  # another outlet reporting is a source
    assert cited is not None
    assert cited.name == "Coastal Times"


FARES = [
    "Ferry fares rise",
    "The riders were backed by Tomas Bell, 44, a former deckhand for the Northern Line in "
    "Portsmouth who said the rise was “plain robbery.”",
    "The fares were set by Dana Roe, the head of the ferry company's board, who called them "
    "“fair to every rider.”",
    "The fare rise drew a sharp reply from Jonah Pike, who said the boats were “half empty "
    "already.”",
]


@pytest.fixture(scope="module")
def fares(tmp_path_factory):
    return _analyse(tmp_path_factory.mktemp("fares"), "\n\n".join(FARES))


@pytest.mark.parametrize(
    ("start", "name"),
    [("plain robbery", "Tomas Bell"), ("fair to every", "Dana Roe"), ("half empty", "Jonah Pike")],
)
def test_a_who_clause_describes_the_person_its_apposition_describes(fares, start, name):
    # spaCy hangs "who" on the last noun of the description ("Portsmouth", "board").
    speaker = _quote(fares, start).speaker
    assert speaker is not None
    assert speaker.name == name
    assert speaker.mention.text.startswith(name)


def test_answered_is_a_cue(tmp_path):
    text = "\n\n".join(
        [
            "Mayor quizzed on budget",
            "Reporters asked Mayor Lena Ostrow on Monday whether the budget would pass.",
            "She answered, “I have no doubt the council will back it this week.”",
        ]
    )
    quote = _quote(_analyse(tmp_path, text), "I have no doubt")
    assert quote.cue is not None
    assert quote.cue.text == "answered"
    assert quote.speaker is not None
    assert quote.speaker.mention.text == "She"
