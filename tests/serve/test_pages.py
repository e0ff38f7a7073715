"""The HTML pages over the fixture store: content, escaping, links, forms."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from tests.conftest import OPPOSING_VIEWS, PJ_MEDIA

PAYLOAD = "<script>window.__pwned=1</script>"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.hrefs += [v for k, v in attrs if k in ("href", "src", "action") and v is not None]


def parsed(page: str) -> _Links:
    parser = _Links()
    parser.feed(page)
    return parser


def test_index_lists_stories_with_outlets_and_date_span(client):
    page = client.get("/").text
    assert "Storm closes Harlan County schools for second day" in page
    assert "2024-05-14 – 2024-05-15" in page
    assert '<span class="outlet">Harlan Herald</span>' in page


def test_index_search_keeps_query_and_pages(client):
    page = client.get("/", params={"q": "Old Mill", "per_page": 1}).text
    assert "1 story matching “Old Mill”" in page
    assert 'value="Old Mill"' in page
    assert "next page" not in page


def test_story_page_sections(client, stories):
    page = client.get(f"/stories/{stories['Harlan']['id']}").text
    for heading in (
        "Outlets",
        "Coverage",
        "Summary",
        "Shared facts",
        "Side by side",
        "Conflicts",
        "Quotes across outlets",
        "Timeline",
        "Framing per outlet",
    ):
        assert f"<h2>{heading}</h2>" in page
    assert "https://herald.example/storm-day-two" in page
    assert page.count('<details class="chip">') >= 2
    assert "<svg" in page
    assert 'class="shared"' in page
    assert "Measured reliability" in page
    assert re.search(r"score \d\.\d\d, cosine \d\.\d\d; shared words: [^<;]*(power|children)", page)
    # The coverage chart's "only here" counts are the rows listed under "Only in" each outlet.
    bars = dict(re.findall(r"<title>([^<]+): \d+ shared, (\d+) only here", page))
    unique = page[page.index('id="unique"') :].split("</details>", 1)[0]
    for block in unique.split("<h3>Only in ")[1:]:
        label, body = block.split("</h3>", 1)
        listed = re.findall(r"<li><b>F\d+</b>", body.split("<h3>", 1)[0])
        assert int(bars[label]) == len(listed)
    assert len(bars) >= 2


def test_hostile_article_never_becomes_markup(client, stories):
    for path in (f"/stories/{stories['Bridge']['id']}", "/articles/hostile-1", "/"):
        page = client.get(path).text
        links = parsed(page)
        assert "script" not in links.tags
        assert "img" not in links.tags
        assert not any(h.strip().lower().startswith("javascript:") for h in links.hrefs)
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page


def test_article_page_marks_spans_and_folds_debris(client):
    page = client.get("/articles/f0ed2f83754f2a65").text
    assert '<mark class="quote"' in page
    assert '<mark class="entity"' in page
    assert "Removed page debris" in page
    assert "advertisement" in page
    assert 'href="/api/articles/f0ed2f83754f2a65"' in page


def test_page_errors_are_pages(client):
    response = client.get("/stories/12345")
    assert response.status_code == 404
    assert "no story 12345" in response.text
    assert "<h1>" in response.text


def test_adhoc_compare_form_pasted_and_uploaded(client):
    pasted = PJ_MEDIA.read_text(encoding="utf-8")
    upload = ("ov.txt", OPPOSING_VIEWS.read_bytes(), "text/plain")
    response = client.post("/compare", data={"pasted": pasted}, files={"files": upload})
    assert response.status_code == 200, response.text[:500]
    assert "nothing was stored" in response.text
    assert "<h2>Summary</h2>" in response.text


def test_adhoc_compare_form_explains_refusal(client):
    response = client.post("/compare", data={"pasted": "Just one article.\n\nIts text."})
    assert response.status_code == 422
    assert "at least 2 articles" in response.text
    assert "Just one article." in response.text  # the form keeps what was pasted


def test_stylesheet_is_served_locally(client):
    response = client.get("/static/storylens.css")
    assert response.headers["content-type"].startswith("text/css")
    assert "http" not in response.text
    page = client.get("/").text
    assert not [h for h in parsed(page).hrefs if h.startswith(("http:", "https:", "//"))]


def test_malformed_form_upload_is_a_clear_error(client):
    response = client.post(
        "/compare",
        content=b"--x\r\nnot a part header\r\n\r\n",
        headers={"content-type": "multipart/form-data; boundary=x"},
    )
    assert response.status_code == 400
    assert "Traceback" not in response.text
    assert client.get("/compare").status_code == 200
