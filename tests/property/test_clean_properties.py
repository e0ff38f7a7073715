from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from storylens.clean import clean_article
from storylens.io import from_json, to_json
from storylens.model import Article, InputFormat, RawArticle

LINES = st.one_of(
    st.sampled_from(
        [
            "Advertisement",
            "Skip to main content",
            "Popular Video",
            "Recommended",
            "Sources: CNN (2), AP / Photo credit: Reuters",
            "A caption. (AP Photo)",
            "",
        ]
    ),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80),
)


def _raw(text: str) -> RawArticle:
    return RawArticle(id="x", input="mem", format=InputFormat.TEXT, text=text)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINES, max_size=12).map("\n\n".join))
def test_every_span_points_into_the_text(text):
    article = clean_article(_raw(text))
    spans = [
        *article.paragraphs,
        *(d.span for d in article.debris),
        *(c.span for c in article.captions),
        *(c.span for c in article.credits),
        *(s.span for s in article.listed_sources),
    ]
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text


@settings(max_examples=100, deadline=None)
@given(st.lists(LINES, max_size=12).map("\n\n".join))
@example(text='A\n\n0@\n\n0"\n\n0"\n\nA')  # a menu run closed by removing repeated links
def test_clean_is_idempotent_on_its_body(text):
    first = clean_article(_raw(text))
    body = "\n\n".join([first.title, *(p.text for p in first.paragraphs)]).strip()
    if not body:
        return
    second = clean_article(_raw(body))
    assert [p.text for p in second.paragraphs] == [p.text for p in first.paragraphs]


@settings(max_examples=100, deadline=None)
@given(st.lists(LINES, max_size=8).map("\n".join))
def test_article_round_trips_through_json(text):
    article = clean_article(_raw(text))
    assert from_json(Article, to_json(article)) == article
