"""Attribution cues: the verbs that introduce speech ("said", "added", "mocked … as")."""

from __future__ import annotations

from functools import cache

_REGULAR = [
    "add",
    "state",
    "note",
    "explain",
    "insist",
    "claim",
    "argue",
    "warn",
    "declare",
    "announce",
    "acknowledge",
    "assert",
    "contend",
    "suggest",
    "remark",
    "respond",
    "ask",
    "continue",
    "conclude",
    "tweet",
    "post",
    "call",
    "describe",
    "dub",
    "label",
    "term",
    "mock",
    "deride",
    "praise",
    "blast",
    "criticize",
    "criticise",
    "joke",
    "recall",
    "report",
    "predict",
    "vow",
    "promise",
    "pledge",
    "urge",
    "stress",
    "emphasize",
    "emphasise",
    "maintain",
    "confirm",
    "concede",
    "observe",
    "mention",
    "complain",
    "lament",
    "boast",
    "charge",
    "accuse",
    "allege",
    "caution",
    "counter",
    "retort",
    "shout",
    "yell",
    "whisper",
    "reiterate",
    "agree",
    "disagree",
    "recount",
    "explain",
    "quote",
    "scoff",
    "question",
    "demand",
    "wonder",
    "insist",
    "decry",
    "denounce",
    "estimate",
    "indicate",
    "instruct",
    "inform",
    "reveal",
    "remind",
    "comment",
    "characterize",
    "characterise",
    "brand",
    "exclaim",
    "muse",
    "chide",
    "assure",
    "plead",
    "proclaim",
    # Speech verbs of news prose ("'Not so fast,' she interjected"), general, not from a corpus.
    "interject",
    "interrupt",
    "chime",
    "beam",
    "opine",
    "bemoan",
    "rail",
    "gush",
    "marvel",
    "sigh",
    "scold",
    "fume",
    "reason",
    "surmise",
    "speculate",
    "clarify",
    "elaborate",
    "attest",
    "thunder",
    "rant",
    "mutter",
    "murmur",
    "grumble",
    "groan",
    "scream",
    "protest",
    "object",
    "concur",
    "sneer",
    "taunt",
    "tease",
    "affirm",
    "profess",
    "confide",
    "recite",
    "relay",
    "inquire",
    "laugh",
    "crow",
    "gloat",
    "howl",
    "echo",
    "ponder",
    "cite",
    "point",
    "recommend",
    "retaliate",
    "react",
    "summarize",
    "summarise",
    "advise",
    "acknowledge",
    "answer",
]
_IRREGULAR = {
    "say": ("said", "says", "saying", "say"),
    "tell": ("told", "tells", "telling", "tell"),
    "write": ("wrote", "writes", "writing", "write", "written"),
    "read": ("read", "reads", "reading"),
    "deny": ("denied", "denies", "denying", "deny"),
    "reply": ("replied", "replies", "replying", "reply"),
    "testify": ("testified", "testifies", "testifying", "testify"),
    "admit": ("admitted", "admits", "admitting", "admit"),
    "quip": ("quipped", "quips", "quipping", "quip"),
    "slam": ("slammed", "slams", "slamming", "slam"),
    "put": ("put", "puts", "putting"),
    "speak": ("spoke", "speaks", "speaking", "spoken"),
    "snap": ("snapped", "snaps", "snapping", "snap"),
    "rebut": ("rebutted", "rebuts", "rebutting", "rebut"),
    "cry": ("cried", "cries", "crying", "cry"),
    "swear": ("swore", "swears", "swearing", "sworn", "swear"),
    "jab": ("jabbed", "jabs", "jabbing", "jab"),
    "quiz": ("quizzed", "quizzes", "quizzing", "quiz"),
    "find": ("found", "finds", "finding", "find"),
    "retweet": ("retweeted", "retweets", "retweeting", "retweet"),
}


WEAK_CUES = frozenset(
    {
        *("continue", "find", "put", "read", "point", "indicate", "estimate", "react", "echo"),
        *("reason", "speak"),
    }
)
"""Cue verbs whose other senses are common ("will continue to be", "would find it hard"):
under another cue that governs the quotation, the other cue is the quotation's."""


@cache
def cue_forms() -> dict[str, str]:
    """Every inflected form of a cue verb, mapped to its lemma."""
    forms: dict[str, str] = {}
    for lemma, inflected in _IRREGULAR.items():
        forms.update(dict.fromkeys(inflected, lemma))
    for lemma in _REGULAR:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        past = lemma + "d" if lemma.endswith("e") else lemma + "ed"
        third = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x")) else lemma + "s"
        forms.update(dict.fromkeys((lemma, past, third, stem + "ing"), lemma))
    return forms


def cue_lemma(word: str) -> str | None:
    """The lemma of a cue verb form, or None.

    >>> cue_lemma("Added"), cue_lemma("told"), cue_lemma("table")
    ('add', 'tell', None)
    """
    return cue_forms().get(word.lower())
