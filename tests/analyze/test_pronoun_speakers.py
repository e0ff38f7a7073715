"""Who a speaking "he" or "she" stands for, on short news texts written for these tests."""

from __future__ import annotations

from storylens.pipeline import analyze_paths


def _analyse(folder, paragraphs):
    path = folder / "story.txt"
    path.write_text("\n\n".join(paragraphs), "utf-8")
    (result,) = analyze_paths([str(path)]).analyses
    return result


def _speaker_names(analysis, start):
    quote = next(q for q in analysis.quotes if q.content.text.startswith(start))
    assert quote.speaker is not None
    names = {e.id: e.name for e in analysis.entities}
    return quote.speaker.mention.text, [names[i] for i in quote.speaker.entity_ids]


def test_she_skips_a_man_named_as_the_last_subject(tmp_path):
    analysis = _analyse(
        tmp_path,
        [
            "Ferry contract in doubt",
            "Harbour commissioner Marta Quill said she was worried about the new contract.",
            "Later that day Tom Reddy said he would step down from the ferry board.",
            "“It was never about the money for the crews,” she said.",
        ],
    )
    assert _speaker_names(analysis, "It was never") == ("she", ["Marta Quill"])


def test_he_after_reported_speech_is_the_reporter(tmp_path):
    analysis = _analyse(
        tmp_path,
        [
            "Mayor keeps her distance",
            "Council spokesman Ivo Brandt said Mayor Lena Park had kept in close touch with "
            "the voters of the eastern wards all winter.",
            "“The mayor has never stopped listening to them,” he said.",
        ],
    )
    assert _speaker_names(analysis, "The mayor has") == ("he", ["Ivo Brandt"])


def test_he_with_no_salient_subject_names_no_one(tmp_path):
    analysis = _analyse(
        tmp_path,
        [
            "Rally at the quay",
            "The marchers carried large pictures of Victor Lenz through the old harbour.",
            "“This quay belongs to the fishermen and always will,” he shouted.",
        ],
    )
    assert _speaker_names(analysis, "This quay") == ("he", [])
