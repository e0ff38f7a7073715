"""More page furniture in plain-text scrapes: foreign-language link lists, photo captions."""

from __future__ import annotations

import pytest

from storylens.clean import clean_article
from storylens.clean.debris import match_debris
from storylens.model import DebrisReason, InputFormat, RawArticle

BODY = (
    "The county board voted on Tuesday to close the old river bridge to trucks after engineers "
    "found cracks in two of its supports."
)
MORE = "Farmers on the east bank said the detour would add forty minutes to each of their trips."


def _plain(lines: list[str]):
    text = "\n".join(lines)
    return clean_article(RawArticle(id="x", input="a.txt", format=InputFormat.TEXT, text=text))


def _body(lines: list[str]) -> list[str]:
    return "\n".join(p.text for p in _plain(lines).paragraphs).splitlines()


@pytest.mark.parametrize("line", ["Mehr:", "Leia também", "Читайте также", "À lire aussi :"])
def test_a_recommendation_heading_in_another_language_is_debris(line):
    rule = match_debris(line)
    assert rule is not None
    assert rule.reason is DebrisReason.RECOMMENDATION


@pytest.mark.parametrize("line", ["Mehr als hundert Menschen kamen.", "Leia também o livro."])
def test_a_sentence_opening_with_those_words_is_kept(line):
    assert match_debris(line) is None


def test_story_links_under_a_foreign_related_heading_are_debris():
    lines = [
        "Ponte fechada para caminhões",
        BODY,
        "Veja também",
        "Prefeitura abre nova biblioteca no centro",
        "Tarifas da balsa sobem pelo segundo ano",
        MORE,
    ]
    assert _body(lines) == [BODY, MORE]


def test_a_line_right_before_a_photo_credit_is_a_caption():
    caption = "Trucks wait at the closed bridge on the east bank, Tuesday, Oct. 4."
    lines = [
        "County closes the old river bridge to trucks",
        BODY,
        caption,
        caption,
        "Dana Ortiz, AP",
        MORE,
        "A cracked support under the bridge.",
        "(Image credit: Valley County)",
        BODY + " Again.",
    ]
    article = _plain(lines)
    assert "\n".join(p.text for p in article.paragraphs).splitlines() == [BODY, MORE, lines[-1]]
    assert [c.span.text for c in article.captions] == [caption, caption, lines[6], lines[7]]
    assert [c.span.text for c in article.credits] == ["Dana Ortiz, AP"]


def test_a_paragraph_given_once_before_a_photo_credit_stays_body():
    lines = ["County closes the old river bridge to trucks", BODY, "Dana Ortiz, AP", MORE]
    assert _body(lines) == [BODY, MORE]


def test_a_long_first_line_of_plain_text_is_the_article_not_its_title():
    lines = ["Home", "News", "By Dana Ortiz", BODY + " " + MORE, BODY]
    article = _plain(lines)
    assert article.title_span is None
    assert _body(lines) == [lines[3], BODY]


def test_another_story_headline_in_capitals_inside_the_text_is_debris():
    link = "MAYOR OPENS NEW LIBRARY BRANCH DOWNTOWN ON FRIDAY"
    lines = [
        "COUNTY CLOSES THE OLD RIVER BRIDGE TO ALL TRUCKS",
        BODY,
        link,
        MORE,
        "WHAT HAPPENS NEXT",
        "WILL THE BOARD VOTE TO CLOSE IT FOR GOOD?",
        BODY + " Again.",
    ]
    article = _plain(lines)
    assert article.title == lines[0]
    assert [d.rule for d in article.debris] == ["capitals-link"]
    assert _body(lines) == [BODY, MORE, lines[4], lines[5], lines[6]]


def test_a_title_in_capitals_after_a_menu_line_is_the_title_not_a_capitals_link():
    lines = ["Menu", "COUNTY CLOSES THE OLD RIVER BRIDGE TO ALL TRUCKS", BODY, MORE, BODY]
    article = _plain(lines)
    assert article.title == lines[1]
    assert [d.rule for d in article.debris] == ["menu"]
    assert _body(lines) == [BODY, MORE, BODY]


@pytest.mark.parametrize(
    "note",
    [
        "Dana Ortiz (dortiz@example.org) is the editor of the Valley Courier and has covered the "
        "county board since 2011.",
        "Dana Ortiz is a Senior Staff Writer at the Valley Courier covering roads, bridges and the "
        "county budget.",
    ],
)
def test_an_author_note_with_an_address_or_a_capitalised_title_ends_the_article(note):
    lines = [
        "County closes the old river bridge to trucks",
        BODY,
        MORE,
        note,
        "Comments on this story are moderated before they appear below.",
    ]
    assert _body(lines) == [BODY, MORE]


def test_cleaning_a_text_whose_long_first_line_is_a_standfirst_twice_changes_nothing():
    standfirst = (
        "Engineers found cracks in two supports of the old river bridge, and the county board "
        "says trucks will have to take the ferry or the long road round until it is repaired."
    )
    header = ["By Dana Ortiz", "Updated 4:56 p.m.", "Share"]
    lines = [standfirst, *header, BODY, MORE, BODY + " Again."]
    first = _plain(lines)
    again = "\n\n".join([first.title, *(p.text for p in first.paragraphs)]).strip()
    second = _plain([again])
    assert [p.text for p in second.paragraphs] == [p.text for p in first.paragraphs]
    assert standfirst not in [p.text for p in first.paragraphs]


def test_a_menu_run_closed_by_removing_a_repeated_link_goes_in_the_first_cleaning():
    link = "ferry fares rise again this week in the valley"
    later = "Drivers will be sent over the north crossing until the repairs are done."
    first = _plain(["Bridge closes", BODY, "Ferries", link, link, "Buses", "Trains", later])
    kept = [p.text for p in first.paragraphs]
    assert kept == [BODY, later]
    second = _plain([first.title, *kept])
    assert [p.text for p in second.paragraphs] == kept
