"""Speakers named by the layout of news prose rather than by a cue in the quote's sentence.

Three layouts:
- the round-up label: a paragraph that opens with a name, perhaps its outlet or role, and a
  colon before the quotation (``Jane Roe, The Daily Ledger: “…”``, ``Roe (Ledger): “…”``);
- the attribution line: a paragraph that holds only a quotation, followed by a paragraph
  whose first sentence is a bare attribution (``Roe said.``, ``said Roe, the mayor.``), which
  names the speaker of the quotation above it;
- the speaker line above: a quotation paragraph under a paragraph whose last sentence is a
  speech verb with a subject ("Roe told reporters the deal was dead." / "Roe said:").
"""

from __future__ import annotations

import re
from typing import Any

from storylens.analyze.cues import cue_lemma
from storylens.analyze.entities import EntityIndex
from storylens.model import EntityLabel, Span

_LABEL = re.compile(
    r"[^\S\n]*(?P<name>[A-Z][\w.’'-]*(?:[^\S\n]+[A-Z][\w.’'-]*){0,3})"
    r"(?:[^\S\n]*(?:,|\(|[―—–])[^:\n“\"]{1,60}?\)?)?[^\S\n]*:[^\S\n]*$"
)
_NAMED = (EntityLabel.PERSON, EntityLabel.ORGANISATION)
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj", "parataxis"})
_MAX_LINE_TOKENS = 16


def roundup_label(text: str, paragraph_start: int, opened: int, index: EntityIndex) -> Span | None:
    """The name of a ``Name, Outlet: “…”`` label opening the paragraph, when it is a name.

    The label must be all that precedes the quotation in its paragraph (or follows a spaced
    dash there, as in digests: "POLL SHIFTS - Jane Roe: “…”"), and its name a person or
    organisation the article's entities know, so "Update: “…”" labels nothing.
    """
    found = _LABEL.match(text, paragraph_start, opened)
    dash = max(text.rfind(f" {d} ", paragraph_start, opened) for d in "-―—–")
    if found is None and dash >= 0:
        found = _LABEL.match(text, dash + 3, opened)  # "HEADLINE - Jane Roe: “…”"
    if found is None:
        return None
    start, end = found.span("name")
    while end > start and text[end - 1] in ".’'-":
        end -= 1
    covered = [i for i in index.covering(start) if index.entity(i).label in _NAMED]
    if not covered:
        return None
    return Span(start=start, end=end, text=text[start:end])


def attribution_line(doc: Any) -> Any:
    """The subject of a bare attribution sentence opening ``doc`` ("Roe said."), or None.

    A bare attribution is a cue verb with a subject and nothing it says of its own: no
    clause, object or quotation. "Roe said the plan failed." is a statement, not a line.
    """
    sentence = next(iter(doc.sents), None)
    if sentence is None or len(sentence) > _MAX_LINE_TOKENS:
        return None
    if any(t.is_quote for t in sentence):
        return None
    verb = sentence.root
    if not verb.tag_.startswith("VB") or cue_lemma(verb.text) is None:
        return None
    if any(c.dep_ in _CLAUSE_DEPS for c in verb.children):
        return None
    if verb.lower_[:4] != "told" and any(c.dep_ == "dobj" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def closing_speaker(doc: Any) -> Any:
    """The subject of the speech verb that ends a paragraph, when it names a speaker.

    The paragraph's last sentence must be governed by a cue verb with a subject, and hold no
    quotation of its own ("Roe told reporters the plan was dead." / "Roe said:"); the
    quotation paragraph below it is then most likely that speaker's.
    """
    sentences = list(doc.sents)
    if not sentences:
        return None
    sentence = sentences[-1]
    if any(t.is_quote for t in sentence):
        return None
    verb = sentence.root
    if not verb.tag_.startswith("VB") or cue_lemma(verb.text) is None:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)
