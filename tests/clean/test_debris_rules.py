"""Page debris that real scrapes carry, removed with a reason; body lines of the same shape kept."""

from __future__ import annotations

import time

import pytest

from storylens.clean import clean_article
from storylens.clean.debris import match_debris
from storylens.clean.language import detect_language
from storylens.model import DebrisReason, InputFormat, IssueCode, RawArticle
from storylens.pipeline import Outcome, analyze_paths

BODY = (
    "The county board voted on Tuesday to close the old river bridge to trucks after engineers "
    "found cracks in two of its supports."
)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Subscribe Register Login", DebrisReason.MEMBERSHIP),
        ("Log in | Sign up | My account", DebrisReason.MEMBERSHIP),
        ("RIVERFUND – Make a charitable donation", DebrisReason.CALL_TO_ACTION),
        ("Donate now", DebrisReason.CALL_TO_ACTION),
        ("Read Tuesday's Valley Courier", DebrisReason.CALL_TO_ACTION),
        ("Read the full story", DebrisReason.CALL_TO_ACTION),
        ("Sign up for our Morning Briefing newsletter", DebrisReason.MEMBERSHIP),
        ("The Evening Newsletter", DebrisReason.MEMBERSHIP),
        ("Enter your email address", DebrisReason.MEMBERSHIP),
        ("Dana OrtizDana Maria OrtizBridge closes to trucks", DebrisReason.NAVIGATION),
        ("Related: Ferry fares rise for a second year", DebrisReason.RECOMMENDATION),
        ("Most read in county news", DebrisReason.RECOMMENDATION),
        ("Photo 2 of 9", DebrisReason.NAVIGATION),
        ("(214)", DebrisReason.NAVIGATION),
        ("32M ago", DebrisReason.NAVIGATION),
        ("Follow the Valley Courier on Facebook and Twitter.", DebrisReason.SOCIAL),
        ("Loading ...", DebrisReason.NAVIGATION),
        ("Tags:", DebrisReason.NAVIGATION),
        ("Posted in County news | Permalink | 4 Comments", DebrisReason.NAVIGATION),
        ("[Related: Ferry fares rise for a second year]", DebrisReason.RECOMMENDATION),
        ("On ValleyCourier.com: Ferry fares rise again", DebrisReason.RECOMMENDATION),
        (
            "Want more from the valley? Sign up for the Valley Courier's free morning newsletter "
            "and get the day's county news in your inbox.",
            DebrisReason.MEMBERSHIP,
        ),
        (
            "Please, fill the form below to subscribe to our weekly newsletter",
            DebrisReason.MEMBERSHIP,
        ),
        (
            "Use of this site constitutes acceptance of our User Agreement and Privacy Policy "
            "and Cookie Statement.",
            DebrisReason.BOILERPLATE,
        ),
        (
            "The Courier may earn a small commission when you buy through the links in this story.",
            DebrisReason.BOILERPLATE,
        ),
        (
            "Dana Ortiz can be reached at dortiz@example.org or on 555-0100.",
            DebrisReason.BOILERPLATE,
        ),
        ("blog comments powered by Disqus", DebrisReason.BOILERPLATE),
        ("No spam. You can unsubscribe at any time.", DebrisReason.BOILERPLATE),
    ],
)
def test_debris_line_is_removed_with_its_reason(line, reason):
    rule = match_debris(line)
    assert rule is not None
    assert rule.reason is reason


@pytest.mark.parametrize(
    "line",
    [
        "He urged residents to donate blood.",
        "The charity said it received a donation.",
        "McDonald said the iPhone app was down.",
        "She reads the newsletter every morning before work.",
        "MacArthur and DeVos met on Tuesday.",
        "More than 200 people came.",
        "Two days ago the bridge was still open.",
        "Related: the board's vote came after a long debate.",
        "Updated figures from the county show 40 trucks a day use the bridge.",
        "The board said 2,000 residents had signed up for its newsletter on the bridge works.",
        "Readers can subscribe to the county's newsletter at the library.",
        "The county said the site would be reproduced in a museum after the repairs.",
        BODY,
    ],
)
def test_body_line_of_a_similar_shape_is_kept(line):
    assert match_debris(line) is None


def test_debris_never_becomes_body_and_keeps_its_offsets():
    lines = ["Bridge closes", "Subscribe Register Login", BODY, "Donate now", BODY + " Again."]
    text = "\n".join(lines)
    article = clean_article(RawArticle(id="x", input="a.txt", format=InputFormat.TEXT, text=text))
    assert [p.text for p in article.paragraphs] == [BODY, BODY + " Again."]
    for debris in article.debris:
        assert text[debris.span.start : debris.span.end] == debris.span.text


def test_short_or_unsure_text_gets_no_language_guess():
    assert detect_language("Bridge closes") is None
    assert detect_language(BODY) == "en"


def test_non_english_article_is_warned_once_and_kept_out_of_english_analysis(tmp_path):
    arabic = tmp_path / "ar.txt"
    arabic.write_text(
        "إغلاق الجسر\n\nصوت مجلس المقاطعة يوم الثلاثاء على إغلاق جسر النهر القديم أمام الشاحنات "
        "بعد أن وجد المهندسون شقوقا في اثنين من دعاماته.\n",
        encoding="utf-8",
    )
    english = tmp_path / "en.txt"
    english.write_text(f"Bridge closes\n\n{BODY}\n", encoding="utf-8")
    outcome: Outcome = analyze_paths([str(arabic), str(english)])
    assert [a.article.input for a in outcome.analyses] == [str(english)]
    warnings = [i for i in outcome.issues if i.code is IssueCode.NOT_ENGLISH]
    assert len(warnings) == 1
    assert warnings[0].warning
    assert "'ar'" in warnings[0].detail


def test_runs_of_menu_stubs_and_headlines_are_debris_in_plain_text_only():
    lines = [
        "County closes the old river bridge to trucks",
        "Home",
        "World",
        "Sport",
        BODY,
        "Mayor Opens New Library Branch Downtown",
        "Ferry Fares Rise For Second Year In A Row",
        "School Board Delays Vote On Later Start",
        BODY + " Again.",
        "Published: Oct. 4, 2016, 6:56 p.m.",
    ]
    text = "\n".join(lines)
    plain = clean_article(RawArticle(id="x", input="a.txt", format=InputFormat.TEXT, text=text))
    assert [p.text for p in plain.paragraphs] == [BODY, BODY + " Again."]
    assert {d.rule for d in plain.debris} == {"menu", "menu-run", "headline-list", "byline"}
    assert plain.published is not None
    page = clean_article(RawArticle(id="x", input="a.html", format=InputFormat.HTML, text=text))
    assert any("Sport" in p.text for p in page.paragraphs)


def test_plain_text_outside_the_article_prose_is_debris_but_a_short_last_sentence_is_not():
    lines = [
        "County closes the old river bridge to trucks",
        "Weather 12°C",
        "Kabar Buzz: festival tickets on sale now",
        BODY,
        "Farmers on the east bank said the detour would add forty minutes to each trip.",
        "The board did not say when.",
        "Ferry fares rise for the second year in a row",
        "Photos of the week from around the valley",
        "Terms of use",
    ]
    text = "\n".join(lines)
    plain = clean_article(RawArticle(id="x", input="a.txt", format=InputFormat.TEXT, text=text))
    assert [p.text for p in plain.paragraphs] == [BODY, lines[4], lines[5]]
    outside = {d.span.text for d in plain.debris if d.rule == "outside-article"}
    assert outside == {lines[1], lines[2], lines[6], lines[7], lines[8]}
    assert all(d.reason is DebrisReason.BOILERPLATE for d in plain.debris if d.span.text in outside)
    page = clean_article(RawArticle(id="x", input="a.html", format=InputFormat.HTML, text=text))
    assert any("Terms of use" in p.text for p in page.paragraphs)


def _plain(lines):
    text = "\n".join(lines)
    return clean_article(RawArticle(id="x", input="a.txt", format=InputFormat.TEXT, text=text))


def test_bare_timestamps_and_byline_names_are_bylines_anywhere_in_the_text():
    lines = [
        "County closes the old river bridge to trucks",
        BODY,
        "By Dana Ortiz",
        "By contrast, the ferry will keep its summer timetable and its fares for another year.",
        "Farmers on the east bank said the detour would add forty minutes to each trip.",
        "Updated November 20, 2019, 10:54 am",
        "Engineers will inspect the remaining supports of the bridge before the end of the month.",
    ]
    article = _plain(lines)
    bylines = {d.span.text for d in article.debris if d.reason is DebrisReason.BYLINE}
    assert bylines == {lines[2], lines[5]}
    body = "\n".join(p.text for p in article.paragraphs).splitlines()
    assert body == [lines[1], lines[3], lines[4], lines[6]]


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Photo by Dana Ortiz", "Dana Ortiz"),
        ("Photograph: AFP via Getty", "AFP via Getty"),
        ("Dana Ortiz/Getty Images", "Dana Ortiz/Getty Images"),
        ("Valley County Sheriff's Office via AP", "Valley County Sheriff's Office via AP"),
        ("Dana Ortiz | Getty Images", "Dana Ortiz | Getty Images"),
    ],
)
def test_a_line_that_is_only_a_photo_credit_is_a_credit_not_body(line, credit):
    article = _plain(["Bridge closes", BODY, line, BODY + " Again."])
    assert [c.span.text for c in article.credits] == [credit]
    assert [p.text for p in article.paragraphs] == [BODY, BODY + " Again."]


def test_a_sentence_naming_an_agency_stays_body():
    line = "The footage of the collapse was obtained via AP."
    article = _plain(["Bridge closes", BODY, line])
    assert article.credits == ()
    assert line in [p.text for p in article.paragraphs]


def test_story_links_under_a_related_heading_are_debris_a_list_in_the_article_is_not():
    related = [
        "More from the valley",
        "Ferry fares rise for a second year",
        "Library opens its new branch downtown",
        "Why the river floods every spring",
    ]
    listed = [
        "What the board will vote on:",
        "a weight limit of ten tonnes",
        "a new bus route for the east bank",
        "a date for the repairs to begin",
    ]
    lines = ["Bridge closes", BODY, *listed, BODY + " Again.", *related]
    article = _plain(lines)
    found = {d.span.text for d in article.debris if d.reason is DebrisReason.RECOMMENDATION}
    assert found == set(related)
    assert {d.rule for d in article.debris if d.span.text in related[1:]} == {"related-list"}
    assert all(line in [p.text for p in article.paragraphs] for line in listed)


TEASERS = [
    "Ferry fares rise for a second year",
    "The ferry company said on Monday that fares for cars and foot passengers would rise by",
    "Library opens its new branch downtown",
    "The new branch on Elm Street opened its doors to readers on Saturday after three years of",
    "Storm closes the harbor for two days",
    "Fishing boats stayed in port on Tuesday as the storm reached the coast, and the harbor…",
]


def test_other_stories_teasers_are_debris_but_subheadings_with_paragraphs_are_not():
    sections = [
        "What the board decided",
        "The board voted five to two to close the bridge to trucks from the first of June.",
        "What happens to the buses",
        "Buses will cross the bridge at walking pace until the engineers finish their work.",
        "When the work begins",
        "The county expects the repairs to begin in the autumn and to last for six months.",
    ]
    article = _plain(["Bridge closes", BODY, *sections, *TEASERS])
    assert {d.span.text for d in article.debris if d.rule == "teaser-list"} == set(TEASERS)
    body = "\n".join(p.text for p in article.paragraphs)
    assert all(line in body for line in sections)


def test_a_comment_section_and_an_author_note_end_the_article():
    after = [
        "Dana Ortiz is a staff writer for the Valley Courier covering county government.",
        "3 thoughts on “Bridge closes to trucks”",
        "River Fan",
        "May 14, 2024 at 6:34 am",
        "It is about time the county did something about that bridge, frankly speaking.",
    ]
    ending = "Engineers will inspect the remaining supports of the bridge before the end of May."
    article = _plain(["Bridge closes", BODY, ending, *after])
    body = "\n".join(p.text for p in article.paragraphs)
    assert ending in body
    assert not any(line in body for line in after)


def test_a_schedule_the_last_paragraph_announces_stays_in_the_article():
    schedule = [
        "The ferry will sail to the islands on these days this summer:",
        "June 9 – Gull Island @ North Pier, 8:00",
        "June 16 – Gull Island @ North Pier, 9:30",
        "July 2 – Harbor Point @ South Pier, 8:00",
    ]
    article = _plain(["Bridge closes", BODY, *schedule, "Home", "World", "Sport"])
    body = "\n".join(p.text for p in article.paragraphs)
    assert all(line in body for line in schedule)
    assert "Sport" not in body


@pytest.mark.parametrize(
    "line",
    [
        "FILE PHOTO: Trucks cross the old river bridge in Riverton, May 2, 2023.",
        "FILE - In this May 2, 2023, file photo, trucks cross the old river bridge in Riverton.",
        "This 2023 photo provided by the county shows a crack in a bridge support.",
    ],
)
def test_photo_caption_lines_are_captions_not_body(line):
    article = _plain(["Bridge closes", BODY, line, BODY + " Again."])
    assert [c.span.text for c in article.captions] == [line]
    assert line not in "\n".join(p.text for p in article.paragraphs)


def test_a_link_given_twice_in_a_row_is_debris_but_a_repeated_title_is_not():
    title = "County closes the old river bridge to trucks"
    links = ["Business", "Ferry fares rise for a second year"] * 2
    article = _plain([title, title, BODY, *links, BODY + " Again."])
    assert {d.span.text for d in article.debris if d.rule == "repeated-link"} == set(links)
    assert article.title == title
    assert "\n".join(p.text for p in article.paragraphs).splitlines()[-1] == BODY + " Again."


def test_a_caption_with_its_credit_run_on_is_a_caption():
    line = "Trucks wait at the closed bridge on Tuesday.Credit...Dana Ortiz/Valley Courier"
    article = _plain(["Bridge closes", BODY, line, BODY + " Again."])
    assert [c.credit.text for c in article.captions if c.credit] == ["Dana Ortiz/Valley Courier"]
    assert line not in "\n".join(p.text for p in article.paragraphs)


def test_story_links_ending_in_a_question_or_a_quote_are_still_links():
    related = [
        "Trending now",
        "Will the ferry run all winter?",
        "Mayor on the bridge: ‘We had no choice’",
        "Library opens its doors on Elm Street, and readers queue...",
    ]
    sentences = [
        "Will the ferry run all winter? The company said it would decide in March.",
        "The mayor told reporters: ‘We had no choice.’",
    ]
    article = _plain(["Bridge closes", BODY, *related, *sentences, BODY + " Again."])
    body = "\n".join(p.text for p in article.paragraphs)
    assert not any(line in body.splitlines() for line in related)
    assert all(line in body for line in sentences)


def test_a_dated_list_under_a_heading_without_a_colon_stays_in_the_article():
    tour = [
        "Tour dates",
        "June 9 – Riverton, OR @ Harbor Hall",
        "June 12 – Eastbank, OR @ Mill Theater (formerly the Grange Hall)",
        "June 14 – Gull Island, WA @ North Pier Stage, with guests from the valley choir",
        "June 20 – Valley City, WA @ County Fairgrounds",
    ]
    article = _plain(["Bridge closes", BODY, *tour, "Home", "World", "Sport"])
    body = "\n".join(p.text for p in article.paragraphs)
    assert all(line in body for line in tour[1:])


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By DANA ORTIZ, LEE PARK and SAM CHO", True),
        ("By Dana Ortiz & Lee Park", True),
        ("By Friday, Monday's detour and the toll were gone.", False),
        ("By then, the county and the ferry company had agreed.", False),
    ],
)
def test_a_byline_may_list_several_authors(line, byline):
    article = _plain(["Bridge closes", BODY, line, BODY + " Again."])
    assert any(d.span.text == line for d in article.debris) is byline


def test_a_standfirst_before_the_byline_and_stories_after_the_copyright_are_not_body():
    standfirst = "The county says the cracks are older than the bridge's last inspection."
    after = [
        "Ferry fares rise for a second year",
        "The ferry company said on Monday that fares would rise again in the new year.",
    ]
    story = [BODY, "Farmers on the east bank said the detour would add forty minutes a trip."]
    lines = ["Bridge closes", standfirst, "By Dana Ortiz", "May 14, 2024", *story]
    article = _plain([*lines, "© 2024 Valley Courier. All rights reserved.", *after])
    assert "\n".join(p.text for p in article.paragraphs).splitlines() == story


def test_prose_before_a_byline_deep_in_the_text_stays_body():
    story = [
        BODY,
        "Farmers on the east bank said the detour would add forty minutes a trip.",
        "Buses will cross the bridge at walking pace until the engineers finish their work.",
        "The county expects the repairs to begin in the autumn and to last six months.",
    ]
    article = _plain(["Bridge closes", *story[:3], "By Dana Ortiz", story[3]])
    assert "\n".join(p.text for p in article.paragraphs).splitlines() == story


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ('&amp;lt;span class="bookmark" style="width: 0px;"&amp;gt;', "markup"),
        ('[button link="/tips" size="big"]Send us your tip[/button]', "markup"),
        ("bridge closure,river bridge,county news,trucks,detours", "markup"),
        ("Image caption", "menu"),
        ("View all (12)", "menu"),
        ("191119052250266", "counter"),
        ("\u200b", "counter"),
        ("Like this story? Share it with a friend!", "social"),
        ("Want the paper at home? Click here to subscribe for £2 a week.", "site-notice"),
        ("GET THE COURIER APP BY CLICKING HERE", "site-notice"),
        ("Sharing is caring!", "call-to-action"),
        ("Tell us what YOU think...", "call-to-action"),
        ("The Courier at your door. 12 issues for £10. Click here for details.", "site-notice"),
        (
            "Sometimes we link to shops. If you buy through one of the links we may receive a "
            "small commission.",
            "site-notice",
        ),
    ],
)
def test_page_source_counters_and_link_calls_are_debris(line, rule):
    found = match_debris(line)
    assert found is not None
    assert found.name == rule


@pytest.mark.parametrize(
    "line",
    [
        "Apples, pears, plums, cherries and grapes were on sale at the market.",
        "The image caption contest drew 40 entries from the valley's schools.",
        "He told readers to click here and there on the map, which did not work.",
        "The county may earn a commission on the bridge's new toll, the treasurer said.",
        "She said the [draft] plan had been shown to the board.",
        "In 1998 the bridge carried 4,000 trucks a day.",
        "河北,山西,内蒙古三地昨天都下了大雨,气象台发布了暴雨预警。",
        "Eggs,milk,bread,butter and jam were all the shop had left on Sunday.",
        "Fares rose from $1,000 to $2,000, then $3,000 to $4,500, by the county's count.",
    ],
)
def test_body_lines_with_commas_brackets_or_numbers_are_kept(line):
    assert match_debris(line) is None


def test_a_comment_signed_with_its_date_and_stories_also_on_a_site_are_not_body():
    comments = ["River Fan on May 14, 2024 at 6:34 am said:", "About time the county did this."]
    also = ["Also on courier.example", "Ferry fares rise for the second year in a row"]
    story = [BODY, "Farmers on the east bank said the detour would add forty minutes a trip."]
    article = _plain(["Bridge closes", story[0], *also, story[1], *comments])
    assert "\n".join(p.text for p in article.paragraphs).splitlines() == story


def test_an_about_heading_or_author_note_with_little_after_it_ends_the_article():
    story = [BODY, "Farmers on the east bank said the detour would add forty minutes a trip."]
    about = ["About Dana Ortiz", "Dana covers the county board and writes the weekly river column."]
    note = [
        "Dana Ortiz is a staff writer for the Valley Courier",
        "Want more stories like this?",
        "Every morning we send an email with the day's top stories from the valley.",
    ]
    assert "\n".join(p.text for p in _plain(["Bridge closes", *story, *about]).paragraphs) == (
        "\n".join(story)
    )
    body = "\n".join(p.text for p in _plain(["Bridge closes", *story, *note]).paragraphs)
    assert body.splitlines() == story
    kept = ["Bridge closes", BODY, "About the bridge", *story[1:], BODY + " Again.", BODY + " Too."]
    assert "\n".join(p.text for p in _plain(kept).paragraphs).splitlines() == kept[1:]


def test_the_line_after_a_caption_label_is_a_caption_and_name_slash_outlet_a_credit():
    caption = "Trucks queue at the closed bridge on Tuesday morning"
    article = _plain(
        ["Bridge closes", BODY, "Image caption", caption, "Dana Ortiz/Courier", BODY + " Again."]
    )
    assert [c.span.text for c in article.captions] == [caption]
    assert [c.span.text for c in article.credits] == ["Dana Ortiz/Courier"]
    assert [p.text for p in article.paragraphs] == [BODY, BODY + " Again."]


def test_headlines_each_with_one_sentence_under_a_related_heading_are_teasers():
    teasers = [
        "Top stories",
        "Ferry fares rise for a second year",
        "The ferry company said on Monday that fares would rise again in the new year.",
        "Library opens its new branch downtown",
        "The branch on Elm Street opened on Saturday after three years of work.",
    ]
    article = _plain(["Bridge closes", BODY, BODY + " Again.", *teasers])
    assert [p.text for p in article.paragraphs] == [BODY, BODY + " Again."]


def test_a_sign_up_box_blurb_between_its_notices_is_debris():
    box = [
        "Sign up for our morning newsletter",
        "The valley's news in your inbox before seven.",
        "No spam. You can unsubscribe at any time.",
    ]
    between = [
        BODY,
        "No spam. You can unsubscribe at any time.",
        BODY + " Again.",
        "No spam. You can unsubscribe at any time.",
    ]
    article = _plain(["Bridge closes", BODY, *box, BODY + " Too."])
    assert [p.text for p in article.paragraphs] == [BODY, BODY + " Too."]
    kept = _plain(["Bridge closes", *between, BODY + " Too."])
    assert BODY + " Again." in "\n".join(p.text for p in kept.paragraphs)


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Trucks wait at the closed river bridgeCredit: Dana Ortiz", "Dana Ortiz"),
        ("The old bridge seen from the east bank on Tuesday.Reuters", "Reuters"),
    ],
)
def test_a_credit_glued_to_its_caption_makes_the_line_a_caption(line, credit):
    article = _plain(["Bridge closes", BODY, line, BODY + " Again."])
    assert [c.credit.text for c in article.captions if c.credit] == [credit]
    assert _plain(["Bridge closes", BODY, "He gave her the Credit: fair.", BODY]).captions == ()


def test_kicker_and_headline_links_and_counted_links_are_debris():
    kickers = [
        "Most read",
        "Ferry fares rise for a second year",
        "WARNING",
        "Library opens its new branch downtown",
        "STORM",
        "Harbor shut for two days",
    ]
    counted = [
        "Vikings beat the Rovers again (145)",
        "Council votes on a new bus route (98)",
        "Week 12 power rankings (77)",
    ]
    story = [BODY, "Farmers on the east bank said the detour would add forty minutes a trip."]
    article = _plain(["Bridge closes", *counted, story[0], *kickers, story[1]])
    assert "\n".join(p.text for p in article.paragraphs).splitlines() == story
    listed = ["Bridge closes", *story, "Ferry times (2)", "Bus times (1)", BODY + " Again."]
    assert "\n".join(p.text for p in _plain(listed).paragraphs).splitlines() == listed[1:]


def test_a_very_long_line_of_bracketed_numbers_is_read_in_linear_time():
    line = "The bridge carried trucks [1] and buses [2] over the river. " * 4000
    started = time.perf_counter()
    assert match_debris(line) is None
    assert time.perf_counter() - started < 1.0
