"""The time a clause refers to, read from its verbs: past, future, or unknown.

Used to resolve yearless dates and bare weekdays: "will testify on Tuesday" is the next
Tuesday, "testified on Tuesday" the last one. English marks future reference with a modal
("will", "'ll", "shall"), "going to", a scheduling verb ("is scheduled / set / expected /
due to"), or the futurate progressive ("is leaving on January 1"); past reference with a
past-tense verb or auxiliary. "Would" is left unknown: it is a conditional, or a future seen
from a past speech ("said he would resign Friday"), and the bare rule handles it.
"""

from __future__ import annotations

from typing import Any

from storylens.calendar import Tense

_FUTURE_MODALS = frozenset({"will", "'ll", "’ll", "shall", "wo"})
_SCHEDULING = frozenset(
    {"scheduled", "set", "expected", "due", "slated", "planned", "poised", "planning", "going"}
)
_PAST_AUX = frozenset({"was", "were", "had", "did", "'d", "’d"})
_PRESENT_BE = frozenset({"is", "are", "am", "'s", "’s", "'re", "’re"})
_MAX_CLIMB = 4


def clause_tense(doc: Any, start: int, end: int) -> Tense | None:
    """The tense of the clause that holds the characters ``[start, end)`` of ``doc``.

    Climbs from the expression to the nearest verb, then reads that verb and the verbs
    that govern it through "to" ("is scheduled to testify").
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token = span.root
    for _ in range(_MAX_CLIMB):
        if _is_verb(token) or token.head is token:
            break
        token = token.head
    if not _is_verb(token):
        return None
    return _verb_tense(token)


def _verb_tense(verb: Any) -> Tense | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_MODALS:
        return "future"
    if words & _PAST_AUX or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBG" and words & _PRESENT_BE:
        return "future" if _governs_time(verb) else None
    if verb.tag_ == "VB" and verb.dep_ == "xcomp":
        governor = verb.head
        if governor.lower_ in _SCHEDULING:
            return _verb_tense(governor) or "future"
        return _verb_tense(governor)
    if verb.tag_ == "VBN" and verb.lower_ in _SCHEDULING and words & _PRESENT_BE:
        return "future"
    if verb.tag_ == "VBD":
        return "past"
    return None


def _is_verb(token: Any) -> bool:
    """A verb by its fine tag (storylens's pipeline has no coarse part-of-speech tagger)."""
    return bool(token.tag_.startswith("VB"))


def _governs_time(verb: Any) -> bool:
    """A present progressive names a plan only with a time of its own ("is leaving on …")."""
    return any(c.dep_ in ("prep", "npadvmod", "advmod") for c in verb.children)
