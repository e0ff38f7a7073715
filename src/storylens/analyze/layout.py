"""Speakers named by the layout of news prose rather than by a cue in the quote's sentence.

Three layouts:
- the round-up label: a paragraph that opens with a name, perhaps its outlet or role, and a
  colon before the quotation (``Jane Roe, The Daily Ledger: “…”``, ``Roe (Ledger): “…”``);
- the attribution line: a paragraph that holds only a quotation, followed by a paragraph
  whose first sentence is a bare attribution (``Roe said.``, ``said Roe, the mayor.``), which
  names the speaker of the quotation above it;
- the speaker line above: a quotation paragraph under a paragraph whose last sentence is a
  speech verb with a subject ("Roe told reporters the deal was dead." / "Roe said:").

Also here: the name signed after a quotation with a dash, and "according to X".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from storylens.analyze.cues import cue_lemma
from storylens.analyze.entities import EntityIndex
from storylens.model import EntityLabel, Span

_LABEL = re.compile(
    r"[^\S\n]*(?:(?:More[^\S\n]+)?[Ff]rom[^\S\n]+)?"
    r"(?P<name>[A-Z][\w.’'-]*(?:[^\S\n]+(?:(?:and|&)[^\S\n]+)?[A-Z][\w.’'-]*){0,4})"
    r"(?:[^\S\n]*(?:,|\(|[―—–])[^:\n“\"]{1,60}?\)?)?[^\S\n]*:[^\S\n]*$"
)
_NAMED = (EntityLabel.PERSON, EntityLabel.ORGANISATION)
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj", "parataxis"})
_MAX_LINE_TOKENS = 16
_MAX_TRAIL = 6
"""How many tokens after a quotation its attribution verb may be."""


def roundup_label(text: str, paragraph_start: int, opened: int, index: EntityIndex) -> Span | None:
    """The name of a ``Name, Outlet: “…”`` label opening the paragraph, when it is a name.

    The label must be all that precedes the quotation in its paragraph (or follows a spaced
    dash there, as in digests: "POLL SHIFTS - Jane Roe: “…”"), and its name a person or
    organisation the article's entities know, so "Update: “…”" labels nothing.
    """
    found = _LABEL.match(text, paragraph_start, opened)
    after_dash = False
    dash = max(text.rfind(f" {d}", paragraph_start, opened) for d in "-―—–")
    if found is None and dash >= 0:
        found = _LABEL.match(text, dash + 2, opened)  # "HEADLINE - Jane Roe: “…”"
        after_dash = True
    if found is None:
        return None
    start, end = found.span("name")
    while end > start and text[end - 1] in ".’'-":
        end -= 1
    covered = [i for i in index.covering(start) if index.entity(i).label in _NAMED]
    if not covered and not (after_dash and _title_case_name(text[start:end])):
        return None
    return Span(start=start, end=end, text=text[start:end])


def _title_case_name(name: str) -> bool:
    """Two to four capitalised words, not a shouted headline: "Philip Bump", "Pew Research".

    After a digest headline and a dash, such a label is a byline even when the entity
    recogniser missed it.
    """
    words = [w for w in name.split() if w not in ("and", "&")]
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and not w.isupper() for w in words)


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


def attribution_sentence(sentence: Any) -> bool:
    """A sentence after a quotation that only says who spoke it, and how.

    "Roe said as she left the hall.", "Roe told reporters during the call.", "Roe asked,
    repeating the charge that …": it opens with the subject of its cue verb and holds no
    quotation, and nothing the verb reports (a clause, or an object other than the person
    told) comes before a comma after the verb. "Roe said the plan failed." is a statement.
    """
    if any(t.is_quote for t in sentence):
        return False
    verb = sentence.root
    if not verb.tag_.startswith("VB") or cue_lemma(verb.text) is None:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.left_edge.i != sentence.start:
        return False
    comma = next((t.i for t in sentence if t.i > verb.i and t.text == ","), sentence.end)
    told = cue_lemma(verb.text) == "tell"
    for child in verb.children:
        said = child.dep_ in _REPORTED or (child.dep_ == "dobj" and not told)
        if said and child.left_edge.i < comma:
            return False
    return True


_REPORTED = frozenset({"ccomp", "xcomp", "parataxis"})


def closing_speaker(doc: Any) -> Any:
    """The subject of the speech verb that ends a paragraph, when it names a speaker.

    The paragraph's last sentence must hold no quotation of its own and be governed by a cue
    verb with a subject ("Roe told reporters the plan was dead." / "Roe said:"), perhaps
    through the verb it completes ("Roe went on to say:"). A sentence that ends in a colon
    introduces what follows whatever its verb ("The mayor released this statement:"), and
    may put the verb first ("Stated Roe:"). The quotation paragraph below it is then most
    likely that speaker's.
    """
    sentences = [s for s in doc.sents if s.text.strip()]
    if not sentences:
        return None
    sentence = sentences[-1]
    if any(t.is_quote for t in sentence):
        return None
    colon = sentence.text.rstrip().endswith(":")
    verb = sentence.root
    if colon and verb.tag_ == "NNP" and verb.dep_ == "ROOT":
        opener = sentence[0]
        return verb if cue_lemma(opener.text) and opener.i < verb.i else None  # "Stated Roe:"
    if not verb.tag_.startswith("VB"):
        return None
    if not colon and not any(cue_lemma(v.text) for v in _completed(verb)):
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _completed(verb: Any) -> list[Any]:
    """A verb and the verbs it is completed by ("went on to say", "took to Twitter to write")."""
    chain, current = [verb], verb
    for _ in range(3):
        current = next((c for c in current.children if c.dep_ == "xcomp"), None)
        if current is None:
            break
        chain.append(current)
    return chain


def trailing_verb(tokens: Sequence[Any], closed: int, offset: int) -> Any:
    """The verb of a short clause just after a quotation that ends in a comma, ? or !.

    In ``“…,” an angry Roe retaliated.`` the clause right after the quote is its attribution
    whatever the verb: the quote is what was said. The verb must follow the closing mark
    within a few words and have a subject there too.
    """
    after = [t for t in tokens if offset + t.idx > closed]
    for verb in after[:_MAX_TRAIL]:
        if not verb.tag_.startswith("VB") or verb.dep_ not in ("ROOT", "parataxis", "ccomp"):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and offset + subject.idx > closed and not subject.is_quote:
            return verb
    return None


def colon_verb(tokens: Sequence[Any], opened: int, offset: int) -> Any:
    """The main verb of a clause that ends in a colon just before a quotation.

    ``Roe fired back: “…”`` and ``Here is Roe in 1992: “…”``: a clause that introduces a
    quotation with a colon is its attribution whatever the verb, when the verb has a subject.
    """
    before = [t for t in tokens if offset + t.idx < opened]
    if not before or before[-1].text != ":":
        return None
    verb = before[-1].sent.root if before[-1].sent.root in before else None
    if verb is not None and verb.tag_ == "NNP" and cue_lemma(verb.sent[0].text):
        return verb.sent[0]  # "Continued Roe: …": the verb the name's subject climbs to
    if verb is None or not verb.tag_.startswith("VB"):
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    named = subjects and subjects[0].lower_ not in _EMPTY_SUBJECTS  # not "Wait, it gets worse:"
    return verb if named else None


_EMPTY_SUBJECTS = frozenset({"it", "this", "that", "there", "what", "which"})


_SIGNATURE = re.compile(
    r"[^\S\n]*[―—–][^\S\n]*(?P<name>[A-Z][\w.’'-]*(?:[^\S\n]+[A-Z][\w.’'-]*){0,3})"
    r"(?=[^\S\n]*(?:[“\"«]|[.,]?[^\S\n]*(?:\n|$)))"
)
"""A name signed after a quote with a dash: “…” ― Krystal Correa."""


def signature(text: str, closed: int) -> Span | None:
    """The name signed with a dash after the quotation whose closing mark is at ``closed``."""
    found = _SIGNATURE.match(text, closed + 1)
    if found is None:
        return None
    start, end = found.span("name")
    while end > start and text[end - 1] in ".’'-":
        end -= 1
    return Span(start=start, end=end, text=text[start:end])


def according_to(tokens: list[Any], offset: int, text: str) -> tuple[Span, Span] | None:
    """The cue and the name of an "according to X" among ``tokens``."""
    for token in tokens:
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            to = token.doc[token.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if to.lower_ == "to" and pobj is not None:
                cue = Span(
                    start=offset + token.idx,
                    end=offset + to.idx + 2,
                    text=text[offset + token.idx : offset + to.idx + 2],
                )
                first, last = pobj.left_edge, pobj.right_edge
                start, end = offset + first.idx, offset + last.idx + len(last.text)
                return cue, Span(start=start, end=end, text=text[start:end])
    return None
