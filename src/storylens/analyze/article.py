"""Analyse one parsed article: sentences, entities, quotes, cited sources, dates, numbers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from storylens.analyze.dates import extract_dates
from storylens.analyze.entities import extract_entities
from storylens.analyze.nlp import ParsedParagraph
from storylens.analyze.numbers import extract_numbers
from storylens.analyze.quotes import extract_quotes
from storylens.analyze.sources import extract_sources
from storylens.analyze.speakers import PLURAL_PRONOUNS, SINGULAR_PRONOUNS
from storylens.model import (
    Analysis,
    Article,
    Attribution,
    Entity,
    Issue,
    IssueCode,
    Mention,
    MentionKind,
    Quote,
    Sentence,
    Span,
)

PRONOUNS = SINGULAR_PRONOUNS | PLURAL_PRONOUNS


def analyze_parsed(article: Article, parsed: Sequence[ParsedParagraph]) -> Analysis:
    """Everything storylens reads in one article whose paragraphs spaCy has parsed."""
    text = article.text
    sentences = extract_sentences(text, parsed)
    index = extract_entities(text, parsed)
    body = [p for p in parsed if p.index >= 0]
    quotes, unbalanced = extract_quotes(
        text,
        paragraphs=article.paragraphs,
        parsed=body,
        sentences=sentences,
        index=index,
        outlet=article.outlet,
    )
    issues = tuple(
        Issue(
            input=article.input,
            article_id=article.id,
            stage="analyze",
            code=IssueCode.UNBALANCED_QUOTE,
            detail=f"quotation mark at offset {u.position} is never closed; that quote is skipped",
        )
        for u in unbalanced
    )
    published = article.published.date() if article.published else None
    return Analysis(
        article=article,
        sentences=sentences,
        entities=add_speaker_mentions(index.entities, quotes),
        quotes=quotes,
        cited_sources=extract_sources(
            text, parsed=body, quotes=quotes, listed=article.listed_sources, index=index
        ),
        dates=extract_dates(text, parsed=body, sentences=sentences, published=published),
        numbers=extract_numbers(text, parsed=body, sentences=sentences),
        issues=issues,
    )


def add_speaker_mentions(
    entities: tuple[Entity, ...], quotes: Sequence[Quote]
) -> tuple[Entity, ...]:
    """Speaker mentions that are not names ("he", "the senators") join their entities' mentions."""
    extra: dict[str, list[Mention]] = {}
    for quote in quotes:
        speaker = quote.speaker
        if speaker is None or speaker.mention is None or quote.attribution is not Attribution.CUE:
            continue
        for entity_id in speaker.entity_ids:
            entity = next(e for e in entities if e.id == entity_id)
            if any(
                m.span.start >= speaker.mention.start and m.span.end <= speaker.mention.end
                for m in entity.mentions
            ):
                continue
            word = speaker.mention.text.lower()
            kind = MentionKind.PRONOUN if word in PRONOUNS else MentionKind.DESCRIPTION
            extra.setdefault(entity_id, []).append(Mention(span=speaker.mention, kind=kind))
    return tuple(
        replace(e, mentions=tuple(sorted((*e.mentions, *extra[e.id]), key=lambda m: m.span.start)))
        if e.id in extra
        else e
        for e in entities
    )


def extract_sentences(text: str, parsed: Sequence[ParsedParagraph]) -> tuple[Sentence, ...]:
    """Body sentences in text order, as spans into the article text."""
    sentences = []
    for paragraph in parsed:
        if paragraph.index < 0:
            continue
        for sent in paragraph.doc.sents:
            stripped = sent.text.strip()
            if not stripped:
                continue
            start = paragraph.offset + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            span = Span(start=start, end=start + len(stripped), text=stripped)
            sentences.append(Sentence(span=span, paragraph=paragraph.index))
    return tuple(sentences)
