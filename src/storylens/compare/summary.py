"""A neutral summary of a story: extractive, every sentence naming the outlets that report it.

Sentences come from the aligned facts most outlets carry, led by the best-supported; within a
fact, the plainest prose wording is chosen (fewest loaded words in the outlet's own voice, no
quote, no dangling pronoun; never a headline, caption, dateline or fragment: `prose`). The
outlets a sentence names are checked one by one against the chosen fact (`supporters`): each
must state it in its own linked fact, with the same speaker and no contrary count. When the
row holds a detected conflict, the sentence comes from the majority side and names the
dissent ("…; Opposing Views attributes it to John Kerry"); with no majority, the row is left
out. Each summary sentence keeps its provenance — the facts behind it — so a later rewrite
can be checked against the same evidence (`check_sentences`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence

from storylens.compare.copies import accounts
from storylens.compare.support import losing_sides, prose, supporters
from storylens.embedding import Encoder
from storylens.model import Analysis, Span, Voice
from storylens.model.comparison import (
    AlignedFact,
    Comparison,
    Conflict,
    ConflictKind,
    Fact,
    Summary,
    SummarySentence,
    Support,
)

__all__ = [
    "Summary",
    "SummarySentence",
    "Support",
    "check_sentences",
    "summarize",
    "summarize_rows",
]

DEFAULT_SENTENCES = 5
SUPPORT_COSINE = 0.6
"""A rewritten sentence is supported by a fact when their embeddings are at least this close."""
_DANGLING = re.compile(
    r"^(?:he|she|they|it|this|that|these|those|but|and|meanwhile|however)\b", re.IGNORECASE
)
_WORD = re.compile(r"\w+")


def summarize(
    comparison: Comparison, analyses: Sequence[Analysis], *, sentences: int = DEFAULT_SENTENCES
) -> Summary:
    """A summary of another length than ``comparison.summary`` (same rows, same choice)."""
    return summarize_rows(comparison.rows, analyses, comparison.conflicts, sentences=sentences)


def summarize_rows(
    rows: Sequence[AlignedFact],
    analyses: Sequence[Analysis],
    conflicts: Sequence[Conflict] = (),
    *,
    sentences: int = DEFAULT_SENTENCES,
    roots: Mapping[str, str] | None = None,
    quoted: Mapping[str, Sequence[tuple[str, Span]]] | None = None,
) -> Summary:
    """The ``sentences`` best-supported facts, each in its plainest wording, without repeats.

    `compare_analyses` calls this on its aligned rows and conflicts and keeps the result as
    ``Comparison.summary``. ``roots`` maps each article to the first of its copies
    (`copy_roots`): copies count once when rows are ranked. ``quoted`` maps each speaker
    conflict's id to its quote group's quotes (article id, span): a row holding any of them
    is about that conflict (`losing_sides`).
    """
    by_id = {a.article.id: a for a in analyses}
    roots = roots or {a: a for a in by_id}
    chosen: list[SummarySentence] = []
    used: set[str] = set()
    ranked = sorted(rows, key=lambda r: _rank(r, by_id, roots))
    lead = min(ranked, key=lambda r: _rank(r, by_id, roots, plain_first=False), default=None)
    for row in ([lead] if lead is not None else []) + [r for r in ranked if r is not lead]:
        if len(chosen) >= sentences:
            break
        found = _row_sentence(row, by_id, conflicts, roots, quoted or {})
        if found is None or found.source.span.text in used or _repeats(found.text, chosen):
            continue
        used |= {s.span.text for s in found.support}
        chosen.append(found)
    return Summary(sentences=tuple(chosen))


def _row_sentence(
    row: AlignedFact,
    by_id: dict[str, Analysis],
    conflicts: Sequence[Conflict],
    roots: Mapping[str, str],
    quoted: Mapping[str, Sequence[tuple[str, Span]]],
) -> SummarySentence | None:
    """The row's sentence from its plainest prose fact on the majority side, or None."""
    sides = losing_sides(row, conflicts, quoted)
    if sides is None:
        return None
    losers, touching = sides
    candidates = [
        f
        for f in (*row.facts, *row.restated)
        if f.article_id not in losers
        and prose(f, by_id[f.article_id])
        and not _is_quote_only(f, by_id[f.article_id])
    ]
    if not candidates:
        return None
    fact = min(candidates, key=lambda f: _plainness(f, by_id[f.article_id]))
    support = supporters(row, fact, by_id, losers)
    found = _sentence(row, fact, support, by_id, _dissent(touching, by_id))
    return dataclasses.replace(found, accounts=accounts([f.article_id for f in support], roots))


def _dissent(conflicts: Sequence[Conflict], by_id: dict[str, Analysis]) -> str:
    """What the minority of each conflict says, naming its outlets."""
    parts = []
    for conflict in conflicts:
        for position in conflict.positions[1:]:
            outlets = list(dict.fromkeys(by_id[a].article.outlet for a in position.article_ids))
            names = ", ".join(outlets[:-1]) + (" and " if len(outlets) > 1 else "") + outlets[-1]
            verb = "attributes" if len(outlets) == 1 else "attribute"
            if conflict.kind is ConflictKind.SPEAKER:
                parts.append(f"{names} {verb} it to {position.value}")
            else:
                value = position.value[:1].lower() + position.value[1:]
                parts.append(f"{names} {'reports' if len(outlets) == 1 else 'report'} {value}")
    return "; ".join(parts)


def check_sentences(
    texts: Sequence[str], comparison: Comparison, encoder: Encoder
) -> list[tuple[str, tuple[Fact, ...]]]:
    """Match rewritten sentences back to the facts that support them; unsupported ones are dropped.

    This is the provenance check an abstractive rewrite must pass: every kept sentence comes
    back with the facts (article ids and offsets) whose wording it is close to.
    """
    if not texts or not comparison.facts:
        return []
    candidates = encoder.encode(list(texts))
    facts = encoder.encode([fact.span.text for fact in comparison.facts])
    kept = []
    for text, vector in zip(texts, candidates, strict=True):
        scores = facts @ vector
        support = tuple(
            f for f, s in zip(comparison.facts, scores, strict=True) if s >= SUPPORT_COSINE
        )
        if support:
            kept.append((text, support))
    return kept


def _rank(
    row: AlignedFact,
    by_id: dict[str, Analysis],
    roots: Mapping[str, str],
    *,
    plain_first: bool = True,
) -> tuple[int, int, float]:
    """Most independent accounts first (copies count once), then plain wording, then earliest.

    The lead (``plain_first=False``) is the best-supported, earliest fact whatever its
    wording: what happened comes first, in its plainest available words.
    """
    positions = [f.sentence / max(len(by_id[f.article_id].sentences), 1) for f in row.facts]
    plainest = min(_plainness(f, by_id[f.article_id])[0] for f in row.facts)
    outlets = accounts([f.article_id for f in row.facts], roots)
    return -outlets, int(plainest > 0 and plain_first), min(positions)


def _plainness(fact: Fact, analysis: Analysis) -> tuple[int, int, int, int]:
    loaded = 0
    if analysis.framing is not None:
        loaded = sum(
            1
            for p in analysis.framing.loaded
            if p.voice is Voice.OWN and fact.span.start <= p.span.start < fact.span.end
        )
    quoted = _quoted_share(fact, analysis) > 0.3
    return loaded, int(quoted), int(bool(_DANGLING.match(fact.span.text))), len(fact.span.text)


def _quoted_share(fact: Fact, analysis: Analysis) -> float:
    inside = sum(
        max(0, min(q.content.end, fact.span.end) - max(q.content.start, fact.span.start))
        for q in analysis.quotes
    )
    return inside / max(len(fact.span.text), 1)


def _is_quote_only(fact: Fact, analysis: Analysis) -> bool:
    return _quoted_share(fact, analysis) > 0.6


def _repeats(text: str, chosen: Sequence[SummarySentence]) -> bool:
    words = set(_WORD.findall(text.lower()))
    for sentence in chosen:
        other = set(_WORD.findall(sentence.text.lower()))
        if len(words & other) / max(len(words | other), 1) > 0.5:
            return True
    return False


def _sentence(
    row: AlignedFact,
    fact: Fact,
    facts: Sequence[Fact],
    by_id: dict[str, Analysis],
    dissent: str,
) -> SummarySentence:
    """The fact's words as written, whitespace collapsed, then the dissent if any."""
    order = [f.article_id for f in row.facts]
    support = tuple(
        Support(article_id=f.article_id, outlet=by_id[f.article_id].article.outlet, span=f.span)
        for f in sorted(facts, key=lambda f: order.index(f.article_id))
    )
    text = " ".join(fact.span.text.split())
    text = text[:1].upper() + text[1:]
    if dissent:
        text = f"{text.rstrip('.')} ({dissent})."
    return SummarySentence(
        text=text,
        row=row.id,
        outlets=tuple(dict.fromkeys(s.outlet for s in support)),
        support=support,
        source=next(s for s in support if s.span == fact.span),
        dissent=dissent,
    )
