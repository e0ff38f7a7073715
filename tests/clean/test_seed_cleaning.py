from __future__ import annotations

import re

import pytest

from storylens.clean import clean_article
from storylens.ingest import read_path
from storylens.model import DebrisReason, Evidence
from tests.conftest import OPPOSING_VIEWS, PJ_MEDIA


def _clean(path):
    (raw,) = list(read_path(path))
    return clean_article(raw)


def test_pj_media_debris_removed_with_reasons():
    article = _clean(PJ_MEDIA)
    removed = [d.span.text for d in article.debris]
    assert removed.count("Advertisement") == 5
    for line in (
        "Recommended",
        "Trending on PJ Media Videos",
        "Join the conversation as a VIP Member",
    ):
        assert line in removed
    assert all(d.reason in DebrisReason and d.rule for d in article.debris)
    reasons = {d.span.text: d.reason for d in article.debris}
    assert reasons["Join the conversation as a VIP Member"] is DebrisReason.MEMBERSHIP


def test_opposing_views_debris_removed_with_reasons():
    article = _clean(OPPOSING_VIEWS)
    reasons = {d.span.text: d.reason for d in article.debris}
    assert reasons == {
        "Skip to main content": DebrisReason.NAVIGATION,
        "Popular Video": DebrisReason.RECOMMENDATION,
    }


def test_caption_is_metadata_not_body():
    article = _clean(PJ_MEDIA)
    (caption,) = article.captions
    assert caption.span.text.startswith("Secretary of State John Kerry takes his turn")
    assert caption.credit is not None
    assert caption.credit.text == "State Department photo"
    assert not any("takes his turn" in p.text for p in article.paragraphs)


def test_sources_line_gives_cited_sources_and_credit():
    article = _clean(OPPOSING_VIEWS)
    assert [(s.name, s.count) for s in article.listed_sources] == [("CNN", 2), ("al Jazeera", 1)]
    assert [c.span.text for c in article.credits] == ["Wikimedia Commons"]
    assert not any(p.text.startswith("Sources:") for p in article.paragraphs)


@pytest.mark.parametrize(
    ("path", "outlet", "evidence"),
    [
        (PJ_MEDIA, "PJ Media", Evidence.DEBRIS),
        (OPPOSING_VIEWS, "Opposing Views", Evidence.HOUSE_STYLE),
    ],
)
def test_outlet_inferred_from_page_evidence(path, outlet, evidence):
    article = _clean(path)
    assert (article.outlet, article.outlet_evidence) == (outlet, evidence)


@pytest.mark.parametrize("path", [PJ_MEDIA, OPPOSING_VIEWS])
def test_every_body_sentence_survives(path):
    """Every line that is not debris, caption, credit or sources is in the title or the body."""
    article = _clean(path)
    text = path.read_text(encoding="utf-8")
    kept = " ".join([article.title, *(p.text for p in article.paragraphs)])
    removed = {d.span.text for d in article.debris}
    metadata = {c.span.text for c in article.captions} | {
        line for line in text.splitlines() if line.startswith("Sources:")
    }
    body_lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    body_lines = [ln for ln in body_lines if ln not in removed and ln not in metadata]
    assert len(body_lines) >= 8
    for line in body_lines:
        for sentence in re.split(r"(?<=[.!?”])\s+(?=[“A-Z])", line):
            assert sentence in kept


def test_offsets_point_into_text_as_read():
    article = _clean(PJ_MEDIA)
    spans = [*article.paragraphs, *(d.span for d in article.debris), article.title_span]
    for span in spans:
        assert span is not None
        assert article.text[span.start : span.end] == span.text
