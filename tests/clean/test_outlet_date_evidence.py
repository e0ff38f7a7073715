"""Outlet, wire and publication-date evidence read from page text (fixtures in our own words)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from storylens.clean import clean_article
from storylens.cli import main
from storylens.model import DebrisReason, Evidence, InputFormat, RawArticle
from storylens.outlets import load_table

PARAGRAPHS = [
    "Officials from both countries met for three hours on Monday and agreed to meet again "
    "next week, according to a statement released after the session.",
    "The talks had stalled in August over the question of who would monitor the ceasefire, "
    "and neither side would say what had changed since then.",
]


def _raw(lines, *, name="page.txt", **fields):
    text = "\n\n".join([*lines, *PARAGRAPHS])
    return RawArticle(id="x", input=name, format=InputFormat.TEXT, text=text, **fields)


@pytest.mark.parametrize(
    ("opening", "outlet", "wire", "evidence"),
    [
        ("WASHINGTON (CNN) — The two governments resumed talks.", "CNN", None, Evidence.DATELINE),
        (
            "GENEVA (Reuters) - The two governments resumed talks.",
            "Reuters",
            "Reuters",
            Evidence.DATELINE,
        ),
        (
            "(CNSNews.com) - The two governments resumed talks.",
            "CNSNews.com",
            None,
            Evidence.DATELINE,
        ),
        (
            "BEIRUT, Lebanon (AP) — The two governments resumed talks.",
            "Associated Press",
            "Associated Press",
            Evidence.DATELINE,
        ),
        (
            "PARIS (AFP) - The two governments resumed talks.",
            "Agence France-Presse",
            "Agence France-Presse",
            Evidence.DATELINE,
        ),
        ("By The Associated Press", "Associated Press", "Associated Press", Evidence.CREDIT),
    ],
)
def test_datelines_and_credits_name_the_outlet_and_the_wire(opening, outlet, wire, evidence):
    article = clean_article(_raw(["Talks resume", opening]))
    assert article.outlet == outlet
    assert article.wire == wire
    assert article.outlet_evidence is evidence
    assert article.outlet_span is not None
    assert article.text[article.outlet_span.start : article.outlet_span.end] in opening


def test_a_photo_credit_is_never_the_outlet():
    article = clean_article(
        _raw(["Talks resume", "© Getty Images", "Photo: Getty Images"], site_name="Getty Images")
    )
    assert article.outlet != "Getty Images"
    assert article.outlet_evidence is Evidence.FILENAME


def test_wire_copy_on_a_site_keeps_the_site_as_outlet_and_names_the_wire():
    article = clean_article(
        _raw(
            ["Talks resume", "ANKARA, Turkey (AP) — The two governments resumed talks."],
            url="https://www.thehill.com/policy/talks",
        )
    )
    assert (article.outlet, article.outlet_evidence) == ("The Hill", Evidence.URL)
    assert article.wire == "Associated Press"


def test_builtin_aliases_make_one_outlet_of_abbreviations():
    names = {clean_article(_raw(["T"], outlet=o)).outlet for o in ("NYT", "The New York Times")}
    assert names == {"The New York Times"}
    assert clean_article(_raw(["T"], outlet="HPO")).outlet == "HuffPost"
    assert clean_article(_raw(["T"], outlet="FOX")).outlet == "Fox News"


def test_user_outlet_file_adds_aliases(tmp_path):
    path = tmp_path / "outlets.json"
    path.write_text(json.dumps({"Valley Courier": ["VC", "valleycourier"]}), encoding="utf-8")
    table = load_table(path)
    assert clean_article(_raw(["T"], outlet="VC"), outlets=table).outlet == "Valley Courier"
    csv_path = tmp_path / "outlets.csv"
    csv_path.write_text("alias,outlet\nRL,Ridge Ledger\n", encoding="utf-8")
    assert clean_article(_raw(["T"], outlet="RL"), outlets=load_table(csv_path)).outlet == (
        "Ridge Ledger"
    )


def test_bad_outlets_file_is_one_error_naming_it(tmp_path):
    path = tmp_path / "outlets.json"
    path.write_text("{broken", encoding="utf-8")
    story = tmp_path / "a.txt"
    story.write_text("\n\n".join(["Talks", *PARAGRAPHS]), encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(story), "--outlets", str(path)])
    assert result.exit_code == 2
    assert "outlets.json: invalid JSON in the outlet file" in result.stderr


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Mon Oct 3, 2016 6:13PM", dt.datetime(2016, 10, 3, 18, 13, tzinfo=dt.UTC)),
        (
            "By Dana Ortiz | October 4, 2016 | 6:56am EDT",
            dt.datetime(2016, 10, 4, 6, 56, tzinfo=dt.timezone(dt.timedelta(hours=-4))),
        ),
        (
            "Updated 6:13 PM ET, Mon October 3, 2016",
            dt.datetime(2016, 10, 3, 18, 13, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        ),
        ("Published: 2016-10-03", dt.datetime(2016, 10, 3, tzinfo=dt.UTC)),
        ("August 31, 2016", dt.datetime(2016, 8, 31, tzinfo=dt.UTC)),
    ],
)
def test_byline_timestamp_is_the_date_and_is_kept_out_of_the_body(byline, expected):
    article = clean_article(_raw(["Talks resume", byline]))
    assert article.published == expected
    assert article.published_evidence is Evidence.BYLINE
    assert article.published_span is not None
    assert [d.reason for d in article.debris] == [DebrisReason.BYLINE]
    assert all(byline not in p.text for p in article.paragraphs)


def test_a_date_inside_a_body_sentence_is_not_the_publication_date():
    article = clean_article(
        _raw(["Talks resume", "On August 31, 2016, the two sides last met in this city."])
    )
    assert article.published is None
    assert article.published_evidence is Evidence.UNKNOWN


def test_url_date_is_the_fallback_and_metadata_wins():
    from_url = clean_article(_raw(["Talks"], url="https://paper.example/2016/10/03/talks"))
    assert (from_url.published.date(), from_url.published_evidence) == (
        dt.date(2016, 10, 3),
        Evidence.URL,
    )
    stated = dt.datetime(2016, 10, 1, tzinfo=dt.UTC)
    both = clean_article(
        _raw(
            ["Talks", "Mon Oct 3, 2016 6:13PM"],
            url="https://p.example/2016/10/02/t",
            published=stated,
        )
    )
    assert (both.published, both.published_evidence) == (stated, Evidence.METADATA)


def test_relative_dates_resolve_against_each_articles_own_byline_date(tmp_path):
    first = tmp_path / "first.txt"
    second = tmp_path / "second.txt"
    body = "The minister said on Monday that the talks would resume today in Geneva."
    first.write_text(f"Talks resume\n\nMon Oct 3, 2016 6:13PM\n\n{body}\n", encoding="utf-8")
    second.write_text(f"Talks go on\n\nOctober 10, 2016 | 9:00am EDT\n\n{body}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(first), str(second), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    analyses = json.loads(result.stdout)["analyses"]
    todays = [
        [d["value"] for d in a["dates"] if d["span"]["text"].lower() == "today"] for a in analyses
    ]
    assert todays == [["2016-10-03"], ["2016-10-10"]]


def test_a_wire_declared_as_site_name_is_the_wire_not_the_outlet():
    article = clean_article(
        _raw(
            ["Talks resume"],
            url="https://www.valleycourier.example/news/talks",
            site_name="Associated Press",
        )
    )
    assert article.outlet == "valleycourier.example"
    assert article.wire == "Associated Press"


def test_site_name_tagline_is_cut_and_an_unrelated_tagline_is_not_the_outlet():
    tagline = clean_article(
        _raw(["T"], url="https://ridgeledger.example/a", site_name="Ridge Ledger | News & Views")
    )
    assert (tagline.outlet, tagline.outlet_evidence) == ("Ridge Ledger", Evidence.SITE_NAME)
    slogan = clean_article(
        _raw(["T"], url="https://ridgeledger.example/a", site_name="Expert advice for riders")
    )
    assert (slogan.outlet, slogan.outlet_evidence) == ("ridgeledger.example", Evidence.URL)


def test_byline_below_page_furniture_is_found_but_an_embedded_post_date_is_not():
    furniture = [
        "Home",
        "World",
        "Politics",
        "Business",
        "Sport",
        "Culture",
        "Opinion",
        "Video",
        "Podcasts",
        "Newsletters",
    ]
    article = clean_article(_raw(["Talks resume", *furniture, "By Dana Ortiz | October 4, 2016"]))
    assert (article.published.date(), article.published_evidence) == (
        dt.date(2016, 10, 4),
        Evidence.BYLINE,
    )
    embedded = clean_article(_raw(["Talks resume", "— Ann Lee (@annlee) October 3, 2016"]))
    assert embedded.published is None
