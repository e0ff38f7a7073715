import json
from dataclasses import replace
from pathlib import Path

import pytest

from storylens.clean import clean_article
from storylens.cluster import find_original, sign_article
from storylens.ingest.records import read_record

BASIL = Path(__file__).resolve().parents[3] / "shared" / "data" / "basil-dev" / "articles.jsonl"


@pytest.fixture(scope="module")
def articles():
    with BASIL.open(encoding="utf-8") as lines:
        records = [json.loads(line) for _, line in zip(range(6), lines, strict=False)]
    return [clean_article(read_record(r, input_name=r["id"])) for r in records]


class Lookup:
    def __init__(self, signatures):
        self.signatures = signatures

    def band_candidates(self, bands):
        wanted = set(bands)
        return {row: s.values for row, s in self.signatures.items() if wanted & set(s.bands)}


def rehead(article, outlet):
    header = f"By {outlet} staff | Updated"
    text = header + "\n\n" + article.text + "\n\nCopyright 2018 " + outlet
    raw = read_record(
        {"title": article.title.upper(), "text": text, "outlet": outlet}, input_name=outlet
    )
    return clean_article(raw)


def test_a_copy_under_another_header_is_linked_to_its_original(articles):
    lookup = Lookup({row: sign_article(a) for row, a in enumerate(articles)})
    copy = rehead(articles[2], "Wire Daily")
    found = find_original(sign_article(copy), lookup)
    assert found is not None
    assert found.row == 2
    assert found.similarity > 0.8


def test_articles_on_the_same_story_are_not_copies(articles):
    lookup = Lookup({0: sign_article(articles[0])})
    for other in articles[1:3]:
        assert find_original(sign_article(other), lookup) is None


def test_a_short_text_has_no_signature(articles):
    short = replace(articles[0], text="Talks suspended.", paragraphs=())
    assert sign_article(short).bands == ()
