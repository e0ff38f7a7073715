"""The time a clause refers to, read from its verbs: past, future, or unknown.

Used to resolve yearless dates and bare weekdays: "will testify on Tuesday" is the next
Tuesday, "testified on Tuesday" the last one. English marks future reference with a modal
("will", "'ll", "shall", "would"), "going to", a verb of planning ("is scheduled / set /
expected to", "plan to", "intends to"), or the futurate progressive ("is leaving on
January 1"); past reference with a past-tense verb or auxiliary. "Would" is a future seen from
the past ("said Friday he would resign Tuesday": the Tuesday after that Friday) or a
conditional ("the law would take effect on Jan. 1"): either way the date lies ahead of the
moment it is seen from, so the reporting verb is kept as the clause's anchor. "Would have"
(a past counterfactual) says nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storylens.calendar import Tense

_FUTURE_MODALS = frozenset({"will", "'ll", "’ll", "shall", "wo"})
_CONDITIONAL = frozenset({"would"})
_PLANS = frozenset(
    {
        "scheduled",
        "set",
        "expected",
        "due",
        "slated",
        "planned",
        "poised",
        "planning",
        "going",
        "plan",
        "plans",
        "intend",
        "intends",
        "intending",
        "aim",
        "aims",
        "aiming",
        "hope",
        "hopes",
        "hoping",
        "prepare",
        "prepares",
        "preparing",
        "expect",
        "expects",
    }
)
_NARRATED_LATER = frozenset({"later", "eventually", "ultimately", "soon"})
_PAST_AUX = frozenset({"was", "were", "had", "did", "'d", "’d"})
_PRESENT_BE = frozenset({"is", "are", "am", "'s", "’s", "'re", "’re"})
_MAX_CLIMB = 4


@dataclass(frozen=True, slots=True)
class ClauseTime:
    """The tense of a clause, its verb and, for "said … would", the reporting verb.

    ``verb`` and ``anchor`` are token indices into the parsed paragraph.
    """

    tense: Tense | None
    verb: int | None = None
    anchor: int | None = None


def clause_time(doc: Any, start: int, end: int) -> ClauseTime:
    """The time of the clause that holds the characters ``[start, end)`` of ``doc``.

    Climbs from the expression to the nearest verb, then reads that verb and the verbs
    that govern it through "to" ("is scheduled to testify").
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return ClauseTime(tense=None)
    token = span.root
    for _ in range(_MAX_CLIMB):
        if _is_verb(token) or token.head is token:
            break
        token = token.head
    if not _is_verb(token):
        return ClauseTime(tense=None)
    return ClauseTime(tense=_verb_tense(token), verb=token.i, anchor=_reported_from(token))


def clause_tense(doc: Any, start: int, end: int) -> Tense | None:
    """The tense alone of `clause_time`."""
    return clause_time(doc, start, end).tense


def _verb_tense(verb: Any) -> Tense | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_MODALS:
        return "future"
    if words & _CONDITIONAL:
        return _conditional_tense(verb, words)
    if words & _PAST_AUX or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBG" and words & _PRESENT_BE:
        return "future" if _governs_time(verb) else None
    if verb.tag_ == "VB" and verb.dep_ == "xcomp":
        governor = verb.head
        if governor.lower_ in _PLANS:
            return _verb_tense(governor) or "future"
        return _verb_tense(governor)
    if verb.tag_ == "VBN" and verb.lower_ in _PLANS and words & _PRESENT_BE:
        return "future"
    if verb.tag_ == "VBD":
        return "past"
    return None


def _conditional_tense(verb: Any, words: set[str]) -> Tense | None:
    """Future for "would testify", unknown for "would have", past for "would later say"."""
    if "have" in words:
        return None
    if any(c.lower_ in _NARRATED_LATER for c in verb.children if c.dep_ == "advmod"):
        return "past"  # the narrator's hindsight: it has happened by the time of writing
    return "future"


def _reported_from(verb: Any) -> int | None:
    """The past reporting verb a "would" clause depends on ("said … that it would close")."""
    if not {c.lower_ for c in verb.children if c.dep_ == "aux"} & _CONDITIONAL:
        return None
    head = verb.head
    if verb.dep_ == "ccomp" and head.tag_ == "VBD":
        return int(head.i)
    return None


def _is_verb(token: Any) -> bool:
    """A verb by its fine tag (storylens's pipeline has no coarse part-of-speech tagger)."""
    return bool(token.tag_.startswith("VB"))


def _governs_time(verb: Any) -> bool:
    """A present progressive names a plan only with a time of its own ("is leaving on …")."""
    return any(c.dep_ in ("prep", "npadvmod", "advmod") for c in verb.children)
