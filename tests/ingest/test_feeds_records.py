"""Feeds through feedparser, other tools' record exports, CSV input and --meta."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from storylens.cli import main
from storylens.ingest import read_inputs
from storylens.model import Issue, IssueCode, RawArticle

PARAGRAPH = (
    "The county board voted on Tuesday to close the old river bridge to trucks after engineers "
    "found cracks in two of its supports. Repairs are expected to take most of next year, and "
    "drivers were told to use the highway crossing ten miles to the north until then."
)
LONG = "\n\n".join([PARAGRAPH] * 3)


def _read(path):
    items = list(read_inputs([str(path)]))
    return (
        [i for i in items if isinstance(i, RawArticle)],
        [i for i in items if isinstance(i, Issue)],
    )


def test_rss_1_0_rdf_feed_gives_articles_with_dc_date_and_creator(tmp_path):
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://valley.example/"><title>Valley Courier</title>
  <link>https://valley.example/</link><description>News</description></channel>
  <item rdf:about="https://valley.example/bridge">
    <title>Bridge closed to trucks</title><link>https://valley.example/bridge</link>
    <description>{PARAGRAPH}</description>
    <dc:date>2016-10-04T06:56:00-04:00</dc:date><dc:creator>Dana Ortiz</dc:creator>
  </item>
</rdf:RDF>"""
    path = tmp_path / "valley.rdf"
    path.write_text(feed, encoding="utf-8")
    articles, _ = _read(path)
    assert len(articles) == 1
    article = articles[0]
    assert article.outlet == "Valley Courier"
    assert article.url == "https://valley.example/bridge"
    assert article.published == dt.datetime(2016, 10, 4, 10, 56, tzinfo=dt.UTC)
    assert article.authors == ("Dana Ortiz",)


def test_atom_xhtml_content_beats_the_teaser_and_alternate_link_beats_self(tmp_path):
    paragraphs = "".join(f"<p>{PARAGRAPH}</p>" for _ in range(3))
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ridge Ledger</title>
  <entry><title>Bridge closed</title>
    <link rel="self" href="https://ridge.example/feed/entry/1"/>
    <link rel="alternate" type="text/html" href="https://ridge.example/2016/bridge"/>
    <author><name>Sam Reyes</name></author>
    <updated>2016-10-03T18:13:00Z</updated>
    <summary>Trucks must detour.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">{paragraphs}</div></content>
  </entry></feed>"""
    path = tmp_path / "ridge.atom"
    path.write_text(feed, encoding="utf-8")
    articles, issues = _read(path)
    assert not issues
    assert articles[0].url == "https://ridge.example/2016/bridge"
    assert articles[0].authors == ("Sam Reyes",)
    assert articles[0].text.count("county board voted") == 3
    assert "Trucks must detour" not in articles[0].text


def test_teaser_only_feed_item_is_read_and_warned(tmp_path):
    feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title>
<item><title>Bridge</title><link>https://l.example/b</link>
<description>The county closed the river bridge to trucks on Tuesday [&#8230;]</description>
<pubDate>Tue, 04 Oct 2016 10:56:00 GMT</pubDate></item></channel></rss>"""
    path = tmp_path / "ledger.rss"
    path.write_text(feed, encoding="utf-8")
    articles, issues = _read(path)
    assert len(articles) == 1
    assert articles[0].published == dt.datetime(2016, 10, 4, 10, 56, tzinfo=dt.UTC)
    assert [i.code for i in issues] == [IssueCode.TEASER_ONLY]
    assert issues[0].warning


def test_news_please_record_fields_are_understood(tmp_path):
    record = {
        "maintext": LONG,
        "title": "Bridge closed",
        "date_publish": "2016-10-04 06:56:00",
        "source_domain": "www.nytimes.com",
        "authors": ["Dana Ortiz"],
        "url": "https://www.nytimes.com/2016/10/04/bridge.html",
        "language": "en",
    }
    path = tmp_path / "np.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    articles, issues = _read(path)
    assert not issues
    assert articles[0].text == LONG
    assert articles[0].published == dt.datetime(2016, 10, 4, 6, 56, tzinfo=dt.UTC)
    assert articles[0].outlet == "www.nytimes.com"
    assert articles[0].authors == ("Dana Ortiz",)


def test_newspaper4k_and_media_cloud_exports_are_understood(tmp_path):
    n4k = {"text": LONG, "publish_date": "August 31, 2016", "meta_site_name": "Ridge Ledger"}
    mc = {
        "story_text": LONG,
        "media_name": "Valley Courier",
        "publish_date": 1475525580,
        "stories_id": 42,
    }
    path = tmp_path / "tools.jsonl"
    path.write_text(json.dumps(n4k) + "\n" + json.dumps(mc) + "\n", encoding="utf-8")
    articles, issues = _read(path)
    assert not issues
    assert [a.outlet for a in articles] == ["Ridge Ledger", "Valley Courier"]
    assert articles[0].published.date() == dt.date(2016, 8, 31)
    assert articles[1].published.date() == dt.date(2016, 10, 3)
    assert articles[1].id == "42"


def test_csv_rows_are_articles_and_a_bad_row_is_one_issue(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(
        "title,text,outlet,date\n"
        f'Bridge,"{PARAGRAPH}",Valley Courier,"Tue, 04 Oct 2016 10:56:00 GMT"\n'
        "No text,,Valley Courier,2016-10-04\n",
        encoding="utf-8",
    )
    articles, issues = _read(path)
    assert [a.outlet for a in articles] == ["Valley Courier"]
    assert articles[0].published == dt.datetime(2016, 10, 4, 10, 56, tzinfo=dt.UTC)
    assert [(i.input.endswith("rows.csv:3"), i.code) for i in issues] == [
        (True, IssueCode.MISSING_FIELD)
    ]


def test_meta_csv_gives_each_text_file_its_outlet_url_and_date(tmp_path):
    (tmp_path / "a.txt").write_text("Bridge closed\n\n" + LONG, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Trucks detour\n\n" + LONG + " More.", encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text(
        "path,outlet,url,published\n"
        "a.txt,NYT,https://www.nytimes.com/2016/10/03/a.html,2016-10-03\n"
        f"{tmp_path / 'b.txt'},Valley Courier,,October 4 2016\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main,
        [
            "analyze",
            str(tmp_path / "a.txt"),
            str(tmp_path / "b.txt"),
            "--meta",
            str(meta),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.stderr
    articles = [a["article"] for a in json.loads(result.stdout)["analyses"]]
    assert [a["outlet"] for a in articles] == ["The New York Times", "Valley Courier"]
    assert articles[0]["url"].endswith("/a.html")
    assert articles[1]["published"].startswith("2016-10-04")


def test_bad_meta_file_is_one_error_line_naming_it(tmp_path):
    (tmp_path / "a.txt").write_text("Bridge closed\n\n" + LONG, encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text("path,published\na.txt,not a date\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(tmp_path / "a.txt"), "--meta", str(meta)])
    assert result.exit_code == 2
    assert "meta.csv:2: 'not a date' is not a date" in result.stderr


def test_html_page_without_extracted_url_uses_its_canonical_link(tmp_path):
    paragraphs = "".join(f"<p>{PARAGRAPH}</p>" for _ in range(4))
    page = (
        '<html><head><link rel="canonical" href="https://www.nytimes.com/2016/10/03/bridge.html">'
        f"</head><body><article>{paragraphs}</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    articles, _ = _read(path)
    assert articles[0].url == "https://www.nytimes.com/2016/10/03/bridge.html"
