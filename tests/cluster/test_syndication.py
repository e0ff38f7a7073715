import json
from dataclasses import replace

import numpy as np
import pytest

from storylens.clean import clean_article
from storylens.cluster import Signature, find_original, sign_article
from storylens.ingest.records import read_record
from tests.conftest import DATA

pytestmark = pytest.mark.corpus

BASIL = DATA / "basil-dev" / "articles.jsonl"


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


@pytest.mark.corpus
def test_a_copy_under_another_header_is_linked_to_its_original(articles):
    lookup = Lookup({row: sign_article(a) for row, a in enumerate(articles)})
    copy = rehead(articles[2], "Wire Daily")
    found = find_original(sign_article(copy), lookup)
    assert found is not None
    assert found.row == 2
    assert found.similarity > 0.8


@pytest.mark.corpus
def test_articles_on_the_same_story_are_not_copies(articles):
    lookup = Lookup({0: sign_article(articles[0])})
    for other in articles[1:3]:
        assert find_original(sign_article(other), lookup) is None


@pytest.mark.corpus
def test_a_short_text_has_no_signature(articles):
    short = replace(articles[0], text="Talks suspended.", paragraphs=())
    assert sign_article(short).bands == ()


@pytest.mark.corpus
def test_find_original_picks_the_most_similar_of_several_candidates(articles):
    mine = sign_article(articles[0])
    values = np.frombuffer(mine.values, dtype=np.uint64)
    edited = values.copy()
    edited[:32] += 1  # 0.75 of the hash values agree
    closer = values.copy()
    closer[:8] += 1  # 0.9375 agree
    far = values.copy()
    far[:90] += 1  # 0.3 agree: equal sizes, so containment 0.46, below the threshold
    lookup = Lookup(
        {
            1: Signature(values=far.tobytes(), bands=mine.bands),
            2: Signature(values=edited.tobytes(), bands=mine.bands),
            3: Signature(values=closer.tobytes(), bands=mine.bands),
        }
    )
    found = find_original(mine, lookup)
    assert (found.row, found.similarity, found.partial) == (3, 0.9375, False)
    assert found.containment == pytest.approx(2 * 0.9375 / 1.9375, abs=1e-4)
    assert find_original(mine, Lookup({1: lookup.signatures[1]})) is None


def _cut(article, share, outlet):
    """The first ``share`` of an article's paragraphs under another outlet's page furniture."""
    keep = article.paragraphs[: max(2, round(len(article.paragraphs) * share))]
    text = "\n\n".join(
        ["Subscribe Register Login", article.title, *(p.text for p in keep), "Read more"]
    )
    return clean_article(read_record({"text": text, "outlet": outlet}, input_name=outlet))


def test_a_copy_cut_short_is_found_by_containment_and_marked_partial(articles):
    lookup = Lookup({row: sign_article(a) for row, a in enumerate(articles)})
    longest = max(range(len(articles)), key=lambda i: len(articles[i].paragraphs))
    copy = _cut(articles[longest], 0.4, "Blog Digest")
    found = find_original(sign_article(copy), lookup)
    assert found is not None
    assert found.row == longest
    assert found.partial
    assert found.similarity < 0.7  # whole-text similarity alone would have missed it
    assert found.containment >= 0.8


def test_the_original_found_from_its_cut_copy_also_finds_it_as_partial(articles):
    longest = max(range(len(articles)), key=lambda i: len(articles[i].paragraphs))
    copy = _cut(articles[longest], 0.5, "Blog Digest")
    found = find_original(sign_article(articles[longest]), Lookup({7: sign_article(copy)}))
    assert found is not None
    assert (found.row, found.partial) == (7, True)
