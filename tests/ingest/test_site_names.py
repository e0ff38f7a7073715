"""The outlet of an HTML page from the names it gives its own site (pages in our own words)."""

from __future__ import annotations

import pytest

from storylens.clean import clean_article
from storylens.ingest.html import read_html
from storylens.ingest.site import copyright_holder, title_affix
from storylens.model import Evidence, RawArticle
from storylens.sitename import spelling_tier, without_edition

PARAGRAPHS = [
    "The county board voted five to two on Tuesday night to close the old river bridge to "
    "trucks heavier than ten tonnes, after engineers found cracks in two of its steel beams.",
    "Farmers on the east bank said the detour would add forty minutes to every trip to the "
    "grain elevator, and asked the board to pay for a temporary crossing before the harvest.",
    "The chair said the county would ask the state for emergency money next week and that a "
    "full repair could take until the end of next year, depending on what the inspection finds.",
]


def _page(*, head: str = "", before: str = "", after: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<html><head>{head}</head><body><header>{before}</header>"
        f"<article><h1>Bridge closed to heavy trucks</h1>{body}</article>"
        f"<footer>{after}</footer></body></html>"
    )


def _outlet(html: str) -> tuple[str, Evidence]:
    raw = read_html(html, input_name="page.html")
    assert isinstance(raw, RawArticle)
    article = clean_article(raw)
    return article.outlet, article.outlet_evidence


def _meta(prop: str, content: str) -> str:
    return f'<meta property="{prop}" content="{content}">'


def test_a_company_or_edition_tail_is_dropped_when_the_rest_spells_the_host():
    url = _meta("og:url", "https://www.riverledger.example/2024/bridge")
    company = _outlet(_page(head=url + _meta("og:site_name", "River Ledger Media")))
    edition = _outlet(_page(head=url + _meta("og:site_name", "River Ledger Deutschland")))
    assert company == edition == ("River Ledger", Evidence.SITE_NAME)


def test_a_name_word_after_the_host_is_kept():
    assert without_edition("The Spokesman-Review", "spokesman.com") == "The Spokesman-Review"
    assert without_edition("River Ledger New York", "riverledger.example") == "River Ledger"


def test_a_tagline_gives_way_to_the_name_the_page_writes_for_its_host():
    head = _meta("og:url", "https://saddlecraftmag.example/news/bridge") + _meta(
        "og:site_name", "Expert advice for English riders"
    )
    page = _page(head=head, after="<p>Subscribe to Saddlecraft for more.</p>")
    assert _outlet(page) == ("Saddlecraft", Evidence.SITE_NAME)


def test_a_tagline_sharing_a_word_with_the_host_is_not_the_outlet():
    head = _meta("og:url", "https://kabarbumi.example/2015/bridge") + _meta(
        "og:site_name", "Kabar tentang Dunia Bumi"
    )
    assert _outlet(_page(head=head)) == ("kabarbumi.example", Evidence.URL)


def test_a_name_with_accents_spells_its_host():
    head = _meta("og:url", "https://www.valedosul.sc.gov.example/news/bridge")
    page = _page(head=head, before="<p>Prefeitura de Vale do Sul</p>")
    assert _outlet(page) == ("Vale do Sul", Evidence.SITE_NAME)


def test_without_a_url_the_title_then_the_copyright_line_name_the_site():
    titled = _page(head="<title>Bridge closed to heavy trucks - River Ledger</title>")
    assert _outlet(titled) == ("River Ledger", Evidence.SITE_NAME)
    footer = _page(after="<p>©2024 River Ledger. All rights reserved.</p>")
    assert _outlet(footer) == ("River Ledger", Evidence.SITE_NAME)


def test_a_lower_case_tagline_is_no_name_but_a_domain_is():
    title = "<title>Bridge closed - repairs may take a year</title>"
    page = _page(head=title, after="<p>© riverledger.org, 2008</p>")
    assert _outlet(page) == ("riverledger.org", Evidence.SITE_NAME)


@pytest.mark.parametrize(
    ("title", "headline", "site"),
    [
        ("The Harbor Review: Bridge closed", "Bridge closed", "The Harbor Review"),
        ("Bridge closed to trucks | Harbor Review", None, "Harbor Review"),
        ("Bridge closed to trucks", None, None),
    ],
)
def test_title_affix(title, headline, site):
    assert title_affix(title, headline) == site


def test_copyright_holder_drops_the_company_form():
    assert copyright_holder("Copyright © 2019 Harbor Media Group, Inc. All rights") == (
        "Harbor Media Group"
    )
    assert spelling_tier("Harbor Media Group", "harbormedia.example") == 0
