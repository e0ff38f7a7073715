"""Resolve a speaker mention ("he", "the senators", "Moscow", "Kirby") to entities."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from storylens.analyze.antecedents import Salience, fits, recent_subject
from storylens.analyze.entities import ROLE_FORMS, EntityIndex
from storylens.model import EntityLabel, Span, Speaker
from storylens.names import TITLE_WORDS, canonical_alias, country_of_capital, name_key

SINGULAR_PRONOUNS = frozenset({"he", "she", "i", "him", "her"})
PLURAL_PRONOUNS = frozenset({"they", "we", "them"})
_MAX_MENTION_TOKENS = 24
_RELATIVE = frozenset({"WP", "WDT", "WP$"})
_SPEAKERS = frozenset({EntityLabel.PERSON, EntityLabel.ORGANISATION, EntityLabel.PLACE})
"""Kinds of entity that speak; "an Iowa Democrat" is a person described, not the group."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """What is known before a quote: the entities, and the last speaker resolved."""

    text: str
    index: EntityIndex
    previous: Speaker | None
    salience: Salience = field(default_factory=Salience)
    """Subjects, reporters, genders and quotations: what a pronoun can stand for."""
    outlet: str | None = None
    """The outlet that published the article: never the speaker of its own quotes."""


_RANKS = frozenset({"sgt", "cpl", "pvt", "capt", "maj", "cmdr", "spokesman", "spokeswoman"})
"""Titles of rank not in the name table's titles ("Sgt. Roe")."""


def is_bare_title(text: str) -> bool:
    """Only title words: "Sen.", "Sgt", "the spokesman" name a role, not who holds it."""
    words = [w.rstrip(".,").lower() for w in text.split()]
    words = [w for w in words if w not in ("the", "a", "an")]
    return bool(words) and all(w in TITLE_WORDS or w in _RANKS for w in words)


def own_outlet(speaker: Speaker, context: Context) -> bool:
    """The speaker is the article's own outlet ("As the Ledger reported:" in the Ledger).

    Another outlet cited as reporting is a source; the outlet that publishes the article is
    not the speaker of the quotes in it.
    """
    if not context.outlet:
        return False
    key = name_key(canonical_alias(context.outlet) or context.outlet)
    names = [speaker.name] if not speaker.entity_ids else []
    for entity_id in speaker.entity_ids:
        entity = context.index.entity(entity_id)
        names.extend((entity.name, *entity.aliases))
    return bool(names) and all(name_key(canonical_alias(n) or n) == key for n in names)


def mention_span(token: Any, offset: int, text: str) -> Span:
    """The noun phrase a subject token heads, as a span (long phrases cut to the head)."""
    clauses = [t for t in token.subtree if t.dep_ in ("relcl", "acl") and t is not token]
    cut = {c.i for clause in clauses for c in clause.subtree}  # "all she could do": "all"
    kept = {t.i for t in token.subtree if t.i not in cut and not _boundary(t)}
    kept.add(token.i)
    left = right = token.i
    while left - 1 in kept:
        left -= 1
    while right + 1 in kept:
        right += 1
    if right - left + 1 > _MAX_MENTION_TOKENS:
        left = min(t.i for t in token.lefts) if list(token.lefts) else token.i
        right = token.i
    doc = token.doc
    relative = next((i for i in range(token.i + 1, right + 1) if doc[i].tag_ in _RELATIVE), None)
    if relative is not None:
        right = relative - 1  # "Early, who has fished the bay": the name, not its clause
    while right > left and doc[right].is_punct and doc[right].text != ")":
        right -= 1
    start = offset + doc[left].idx
    end = offset + doc[right].idx + len(doc[right].text)
    raw = text[start:end]
    start += len(raw) - len(raw.lstrip())
    end -= len(raw) - len(raw.rstrip())
    return Span(start=start, end=end, text=text[start:end])


def _boundary(token: Any) -> bool:
    """Tokens a speaker mention never spans: quote marks, colons, a finite main verb."""
    return bool(
        token.is_quote
        or token.text == ":"
        or (token.tag_ in ("VBD", "VBZ", "VBP") and token.dep_ in ("ROOT", "compound"))
    )


def resolve_speaker(token: Any, offset: int, context: Context, *, relative: Any = None) -> Speaker:
    """The speaker a subject token names: every conjunct resolved to its entities.

    ``relative`` is the relative pronoun that is the cue's own subject ("Roe, who noted …"):
    the mention runs on to it, as both words name the speaker.
    """
    mention = mention_span(token, offset, context.text)
    if relative is not None and relative.i > token.i:
        end = offset + relative.idx + len(relative.text)
        mention = Span(start=mention.start, end=end, text=context.text[mention.start : end])
    ids: list[str] = []
    for conjunct in _conjuncts(token):
        ids.extend(i for i in _resolve_one(conjunct, offset, context) if i not in ids)
    return Speaker(
        name=_display(ids, mention, context.index), entity_ids=tuple(ids), mention=mention
    )


def resolve_name(name_span: Span, context: Context) -> Speaker:
    """A speaker named by a span with no parse ("according to CNN")."""
    ids = context.index.at(name_span.start, name_span.end)[:1]
    return Speaker(
        name=_display(ids, name_span, context.index), entity_ids=tuple(ids), mention=name_span
    )


def _conjuncts(token: Any) -> list[Any]:
    out, stack = [], [token]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(c for c in current.children if c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)


def _own_range(token: Any, offset: int) -> tuple[int, int]:
    tokens = [
        t
        for t in token.subtree
        if not any(a.dep_ == "conj" and a != token and a.is_ancestor(t) for a in token.children)
        and t.dep_ != "conj"
    ]
    tokens = tokens or [token]
    first, last = min(t.i for t in tokens), max(t.i for t in tokens)
    doc = token.doc
    return offset + doc[first].idx, offset + doc[last].idx + len(doc[last].text)


def _resolve_one(token: Any, offset: int, context: Context) -> list[str]:
    word = token.lower_
    if word in SINGULAR_PRONOUNS | PLURAL_PRONOUNS:
        return _pronoun(word, offset + token.idx, context)
    start, _ = _own_range(token, offset)
    if is_bare_title(token.text):
        return _titled(token, offset, start, context)
    ids = [
        i
        for i in _headed(token, offset, context.index)
        if _label(i, context.index) in _SPEAKERS and not is_bare_title(context.index.entity(i).name)
    ]
    people = [i for i in ids if _label(i, context.index) is EntityLabel.PERSON]
    if people:
        return people[:1]
    if ids:
        return [_metonym(ids[0], context.index)]
    if token.tag_ in ("NN", "NNS"):
        return _description(token, start, context)
    return []


def _headed(token: Any, offset: int, index: EntityIndex) -> list[str]:
    """Entities the mention's head names: its own, or a name in apposition to it.

    A name that only modifies the head is not the speaker: "the Democratic nominee" is not
    "Democratic", "the influential US daily" not the United States, "a colleague in the
    Senate who" not the Senate.
    """
    ids = index.covering(offset + token.idx)
    for child in token.children:
        if child.dep_ == "appos":
            ids += [i for i in index.covering(offset + child.idx) if i not in ids]
    return ids


def _pronoun(word: str, position: int, context: Context) -> list[str]:
    """A "he"/"she": a recent subject, else the previous speaker, else no one.

    Each step skips a person the article shows to be of the other gender. The last person
    named, subject or not, is no longer taken: on PolNeAR train that guess named the wrong
    person two times in three. "They" and "we" take a previous speaker of several, else the
    last organisation or place named.
    """
    previous, salience, index = context.previous, context.salience, context.index
    plural = word in PLURAL_PRONOUNS
    subject = None if plural else recent_subject(word, position, index, salience)
    if subject is not None:
        return [subject]
    if (
        previous
        and previous.entity_ids
        and (len(previous.entity_ids) > 1) == plural
        and all(fits(i, word, salience) for i in previous.entity_ids)
    ):
        return list(previous.entity_ids)
    if not plural:
        return []
    before = sorted((s, i) for s, i in index.by_start.items() if s < position)
    for _, entity_id in reversed(before):
        if _label(entity_id, index) in (EntityLabel.ORGANISATION, EntityLabel.PLACE):
            return [entity_id]
    return []


def _titled(token: Any, offset: int, start: int, context: Context) -> list[str]:
    """A bare title as the speaker ("Sen.", "Sgt", "the spokesman"): who holds it.

    The person named right after it (a sentence split after "Sgt."), else the nearest
    holder of that role named before, else no one: the title stays a description.
    """
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None:
        after = context.index.covering(offset + following.idx)
        people = [i for i in after if _label(i, context.index) is EntityLabel.PERSON]
        if people:
            return people[:1]
    return _description(token, start, context)


def _description(token: Any, start: int, context: Context) -> list[str]:
    word = token.lower_.rstrip(".")
    role = ROLE_FORMS.get(word, word[:-1] if word.endswith("s") else word)
    holders = [e.id for e in context.index.entities if role in context.index.roles.get(e.id, ())]
    if not holders:
        return []
    if token.tag_ == "NNS":
        return holders[:4]
    before = [i for s, i in sorted(context.index.by_start.items()) if s < start and i in holders]
    return [before[-1] if before else holders[0]]


def _metonym(entity_id: str, index: EntityIndex) -> str:
    country = country_of_capital(index.entity(entity_id).name)
    return (index.named(country) or entity_id) if country else entity_id


def _label(entity_id: str, index: EntityIndex) -> EntityLabel:
    return index.entity(entity_id).label


def _display(ids: Sequence[str], mention: Span, index: EntityIndex) -> str:
    if not ids:
        return mention.text
    names = [index.entity(i).name for i in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
