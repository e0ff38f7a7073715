"""Who speaks through a cue verb with no subject of its own (sentences written for these tests)."""

from __future__ import annotations

from storylens.pipeline import analyze_paths


def _speaker(folder, paragraph):
    path = folder / "story.txt"
    path.write_text("\n\n".join(["Harbour news today", paragraph]), "utf-8")
    (analysis,) = analyze_paths([str(path)]).analyses
    (quote,) = analysis.quotes
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    names = {e.id: e.name for e in analysis.entities}
    return quote.speaker.mention.text, [names[i] for i in quote.speaker.entity_ids]


def test_say_under_an_adverb_takes_the_subject_of_the_clause(tmp_path):
    speaker = _speaker(
        tmp_path,
        "The Ledger columnist Tom Reed went so far as to say: “The site as we know it is over.”",
    )
    assert speaker == ("The Ledger columnist Tom Reed", ["Tom Reed"])


def test_say_under_a_passive_verb_takes_its_passive_subject(tmp_path):
    speaker = _speaker(
        tmp_path,
        "But the debate was so calm that Mr. Reed was prompted to say, “So far, I cannot "
        "believe how polite it has been.”",
    )
    assert speaker == ("Mr. Reed", ["Reed"])


def test_all_she_could_do_is_her_speech(tmp_path):
    path = tmp_path / "story.txt"
    paragraphs = [
        "Ferry back in service",
        "Mayor Lena Park saw the result on the evening news.",
        "And when she saw it, all she could do was shout “Hooray for the harbour!”",
    ]
    path.write_text("\n\n".join(paragraphs), "utf-8")
    (analysis,) = analyze_paths([str(path)]).analyses
    (quote,) = analysis.quotes
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == "she"
    names = {e.id: e.name for e in analysis.entities}
    assert [names[i] for i in quote.speaker.entity_ids] == ["Lena Park"]


def test_a_speaker_mention_stops_where_a_clause_on_it_begins(tmp_path):
    speaker = _speaker(
        tmp_path,
        "“It was a good deal,” said Carla Moss, the head of the board the mayor had picked.",
    )
    assert speaker == ("Carla Moss, the head of the board", ["Carla Moss"])


def test_a_cue_with_other_senses_gives_way_to_the_cue_above_it(tmp_path):
    first = _speaker(
        tmp_path,
        "Senator Jo Vance said she is sure Tom Reed will continue to be “a champion for the "
        "harbour workers.”",
    )
    second = _speaker(
        tmp_path,
        "Of the plan, Senator Jo Vance said many voters in her state would find it “very hard "
        "to swallow.”",
    )
    assert first == ("Senator Jo Vance", ["Jo Vance"])
    assert second == ("Senator Jo Vance", ["Jo Vance"])


def test_a_label_before_the_colon_is_not_the_speaker(tmp_path):
    path = tmp_path / "story.txt"
    paragraphs = [
        "Ferry deal signed",
        "Mayor Lena Park toured the harbour on Monday.",
        "Her verdict on the deal: “It is a good start for the crews,” she said.",
    ]
    path.write_text("\n\n".join(paragraphs), "utf-8")
    (analysis,) = analyze_paths([str(path)]).analyses
    (quote,) = analysis.quotes
    assert quote.speaker is not None
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == "she"


def test_speaks_volumes_gives_way_to_the_cue_above_it(tmp_path):
    speaker = _speaker(
        tmp_path,
        "Senator Jo Vance said the vote speaks volumes about “the kind of harbour the town wants.”",
    )
    assert speaker == ("Senator Jo Vance", ["Jo Vance"])
