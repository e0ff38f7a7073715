"""The subject of a cue verb: who speaks, read from the parse around a quotation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from storylens.analyze.cues import cue_lemma


def cue_subject(verb: Any, outside: Callable[[Any], bool], depth: int = 0) -> Any:
    """The subject of a cue verb, outside the quotation; climbs to the governing verb.

    "…, panic mode," said Leslie Wimes: the parser may give "said" a subject inside the
    quote as well; the one outside is the speaker. "Said Ellis: …" parses "Said" as a
    compound of the name it introduces. Of two subjects outside, the nearer is the cue's:
    the other is a label before the quotation's colon ("Her verdict: “…,” she said").
    """
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and outside(c)]
    if subjects:  # "Her verdict: “…,” she said": of two, the one nearest the verb
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    for child in verb.children:
        if child.dep_ == "agent" and passive:  # "was told by Roe", not "said by telephone"
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if verb.dep_ in ("compound", "amod") and verb.head.tag_ == "NNP" and verb.i < verb.head.i:
        return verb.head  # "Said Roe: …", "Continued Roe: …"
    if verb.dep_ == "acl" and verb.head.tag_ == "NNP" and verb.head.i < verb.i:
        return verb.head  # "Roe, the party's nominee, tweeted: …" read as a reduced relative
    if depth < 3 and verb.head is not verb and verb.dep_ in _CLIMB:
        if verb.dep_ == "xcomp":  # "Roe was prompted to say": the passive subject says it
            controller = _passive_subject(verb.head, outside)
            if controller is not None:
                return controller
        return cue_subject(verb.head, outside, depth + 1)
    return None


_CLIMB = frozenset(
    {"advcl", "xcomp", "conj", "acl", "relcl", "ccomp", "pcomp", "dobj", "pobj", "prep", "advmod"}
)
"""Links a subjectless cue climbs to the verb it hangs on ("Roe went so far as to say")."""


def _passive_subject(verb: Any, outside: Callable[[Any], bool]) -> Any:
    return next((c for c in verb.children if c.dep_ == "nsubjpass" and outside(c)), None)


def antecedent(subject: Any) -> Any:
    """A relative pronoun subject ("an architect who said") stands for the noun it modifies.

    "All she could do was shout “…”": the doer of the clause on "all" is the speaker.
    """
    if subject is not None and subject.lower_ == "all":
        clause = next((c for c in subject.children if c.dep_ == "relcl"), None)
        doer = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause else None
        return doer if doer is not None else subject
    if subject is None or subject.lower_ not in ("who", "that", "which"):
        return subject
    verb = subject.head
    if verb.dep_ != "relcl":
        return None
    return _described(verb.head) if subject.lower_ == "who" else verb.head


_LINKS = frozenset({"pobj", "prep", "poss", "conj", "compound"})


def _described(noun: Any) -> Any:
    """The person a "who" clause describes, past the nouns of the description it hangs on.

    In "Jane Roe, the director of the Ledger, who said" the parser attaches "who" to
    "Ledger"; the clause describes the person the apposition describes. The climb runs up
    through prepositions, possessives and conjuncts to an apposition and stops at a person's
    name ("a response from Jim Poe, who said" is Poe's).
    """
    current = noun
    for _ in range(8):
        if current.ent_type_ == "PERSON" or current.tag_.startswith("PRP"):
            return current
        if current.dep_ == "appos":
            while current.dep_ == "appos" and current.head is not current:
                current = current.head  # "Jane Roe, 32, a member of …": past the age too
            return current
        if current.dep_ not in _LINKS or current.head is current:
            return noun
        current = current.head
    return noun


def subject_after(outside: list[Any], closed: int, offset: int) -> Any:
    """The subject that opens the clause right after a quote (“…,” Roe, now 81, said …).

    The parser may hang such a subject on a word inside its apposition ("now 81 and
    retired"), leaving the cue with none of its own.
    """
    after = [t for t in outside if offset + t.idx > closed and not t.is_punct]
    if not after:
        return None
    deps: tuple[str, ...] = ("nsubj",)
    if after[0].tag_.startswith("VB") and cue_lemma(after[0].text):
        # “…,” added another delegate: the phrase after an inverted cue is its speaker
        after, deps = after[1:], ("dobj", "attr", "npadvmod", "nsubj")
        name = _name_at(after)
        if name is not None:
            return name  # “…,” said Skelly: a name, whatever tag the parser gave it
    first = after[0] if after else None
    while first is not None and first.dep_ in _MODIFIERS:
        first = first.head
    if first is not None and first.dep_ in deps and first.tag_.startswith(("NN", "PRP")):
        return first
    return None


def _name_at(tokens: list[Any]) -> Any:
    """The last token of a person or organisation name that opens ``tokens``, if one does.

    A lone capitalised word before a comma or full stop is a name too ("said Skelly,"),
    when the recogniser gave it no other kind (not "said Monday.").
    """
    if not tokens:
        return None
    first = tokens[0]
    doc = first.doc
    lone = first.i + 1 == len(doc) or doc[first.i + 1].is_punct
    if lone and first.is_title and first.is_alpha and not first.ent_type_:
        return first
    if first.ent_type_ not in ("PERSON", "ORG") or first.ent_iob_ != "B":
        return None
    last = tokens[0]
    for token in tokens[1:]:
        if token.ent_iob_ != "I":
            break
        last = token
    return last


_MODIFIERS = frozenset({"compound", "det", "amod", "poss", "nummod"})


_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_OPENERS = frozenset({"IN", "RB", "RBR", "WRB", "WP", "WDT", "TO", "VB", "VBG", "VBN", "UH"})
"""Tags that open a phrase before a cue that is not its speaker ("In a statement, …")."""
_NOMINAL = frozenset(
    {"DT", "PRP$", "PRP", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "HYPH"}
)


def phrase_before(cue: Any, outside: list[Any]) -> Any:
    """The noun phrase opening the stretch before a cue the parser left without a subject.

    ``Rep. Jane Roe, Democrat of Ohio, told …`` and ``In a statement, her adviser, Jim Poe,
    said: …`` are often parsed with the name as an apposition of an earlier word. The stretch
    runs back from the finite cue to a quotation mark, a colon or another finite verb; its
    comma-separated parts that open with a preposition, adverb or verb are skipped, and the
    head of the first part that is a noun phrase is the speaker.
    """
    if cue.tag_ not in _FINITE or any(c.dep_ == "auxpass" for c in cue.children):
        return None
    kept = {t.i for t in outside}
    stretch: list[Any] = []
    after_verb = False
    for token in reversed(list(cue.sent[: cue.i - cue.sent.start])):
        if token.i not in kept or token.is_quote or token.text in (":", ";"):
            break
        if token.tag_ in _FINITE:
            after_verb = True  # the first part is that verb's: "where it costs new members $9,"
            break
        stretch.insert(0, token)
    parts: list[list[Any]] = [[]]
    for token in stretch:
        if token.text == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    for part in parts[1:] if after_verb else parts:
        head = _noun_phrase_head(part)
        if head is not None:
            return head
    return None


def _noun_phrase_head(part: list[Any]) -> Any:
    """The last noun of the nominal run that opens ``part``, unless an opener leads it.

    A part opened by a day or time ("Saturday at the convention Sen. Roe said") gives the
    last name in it instead.
    """
    while part and part[0].tag_ == "CC":
        part = part[1:]
    if not part or part[0].tag_ in _OPENERS:
        return None
    run: list[Any] = []
    for token in part:
        if token.tag_ not in _NOMINAL:
            break
        run.append(token)
    nouns = [t for t in run if t.tag_.startswith(("NN", "PRP")) and t.tag_ != "PRP$"]
    if nouns and nouns[-1].ent_type_ in ("DATE", "TIME"):
        names = [t for t in part if t.ent_type_ in ("PERSON", "ORG") and t.tag_ == "NNP"]
        return names[-1] if names else None
    return nouns[-1] if nouns else None
