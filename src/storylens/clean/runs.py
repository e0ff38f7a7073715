"""Lines that are debris because of their neighbours (plain text): menus, link lists, teasers."""

from __future__ import annotations

import re

from storylens.clean.debris import FOREIGN_RELATED, DebrisRule
from storylens.model import DebrisReason

R = DebrisReason


MENU_RUN = DebrisRule("menu-run", R.NAVIGATION, re.compile(r"^.{1,40}$"))
"""Three or more stub lines in a row (menu items, section names, tags): page navigation."""
HEADLINE_RUN = DebrisRule("headline-list", R.RECOMMENDATION, re.compile(r"^.{1,160}$"))
"""Three or more headline-style lines in a row: a list of links to other stories."""
SENTENCE_END = re.compile(r"[.!?:;\"”’)。！？」]$")
_STATEMENT_END = re.compile(r"(?<![.…])[.:;。][\"”’']?$|[.:;]\s*[\"”’']$")
"""A statement ends in a full stop, colon or semicolon (before any closing quote); a headline
may end in a question, an exclamation, a quotation or "…" (a link text cut short)."""


def _headline_end(line: str) -> bool:
    """Whether a line ends as a headline may: not as a statement does."""
    return not _STATEMENT_END.search(line.rstrip())


def _stub(line: str) -> bool:
    return len(line.split()) <= 4 and not SENTENCE_END.search(line)


_COUNTED = re.compile(r"\S\s+\(\d{1,6}\)$")
"""A link text with its count of comments or views ("Vikings beat the Broncos (145)")."""


def _headline(line: str) -> bool:
    words = line.split()
    if _COUNTED.search(line) and len(words) <= MAX_LINK_WORDS:
        return True
    if not 4 <= len(words) <= 16 or not _headline_end(line):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return capitalised / len(words) >= 0.6


MAX_LINK_WORDS = 20
DATED = re.compile(
    r"^(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\b"
)


def _dated(run: list[str]) -> bool:
    """Whether most lines of a run open with a date: a schedule (tour dates, fixtures)."""
    return sum(1 for line in run if DATED.match(line)) * 2 >= len(run)


def run_debris(
    lines: list[str], *, furniture: frozenset[int] = frozenset(), min_run: int = 3
) -> dict[int, DebrisRule]:
    """Lines that are debris because of their neighbours: runs of menu stubs or headlines.

    A single short line (a subheading) or one headline-like line stays; it takes three in a
    row, none ending like a sentence, to be page furniture. Lines in ``furniture`` (already
    known debris) count as members of any run. A run of headline-like lines most of which open
    with a date is a schedule in the article ("June 9 – Tampa, FL @ …") and stays.

    >>> sorted(run_debris(["Home", "World", "Sport", "Kerry said the talks would end."]))
    [0, 1, 2]
    """
    found: dict[int, DebrisRule] = {}
    for test, rule in ((_stub, MENU_RUN), (_headline, HEADLINE_RUN)):
        start = 0
        while start < len(lines):
            end = start
            while end < len(lines) and (end in furniture or test(lines[end])):
                end += 1
            if end - start >= min_run and not (rule is HEADLINE_RUN and _dated(lines[start:end])):
                found.update(
                    {i: rule for i in range(start, end) if i not in found and i not in furniture}
                )
            start = end + 1 if end == start else end
    return found


RELATED_LIST = DebrisRule("related-list", R.RECOMMENDATION, re.compile(r"^.{1,200}$"))
"""The story links under a "Related" / "More in …" / "Most read" heading."""
_RELATED_HEADING = re.compile(
    r"^(?:related|recommended|more|see also|also (?:read|see)|read (?:more|next|also)"
    r"|most (?:read|popular|viewed|shared)|popular|trending|top stories|latest"
    r"|you (?:may|might) also like|editor'?s picks|what to read next|up next|also on \S+"
    rf"|{FOREIGN_RELATED})"
    r"\b[^.!?;]{0,50}:?$",
    re.IGNORECASE,
)


def _listed(line: str) -> bool:
    return 1 <= len(line.split()) <= MAX_LINK_WORDS and _headline_end(line)


MAX_LEDE_WORDS = 40


def _pair_from(at: int, furniture: frozenset[int]) -> tuple[int, int]:
    """The first line from ``at`` that is not known debris, and the next such line after it."""
    while at in furniture:
        at += 1
    lede = at + 1
    while lede in furniture:
        lede += 1
    return at, lede


def _paired(lines: list[str], start: int, furniture: frozenset[int]) -> list[int]:
    """Link texts each followed by one sentence (a teaser's lede), from ``start``: two or more."""
    found: list[int] = []
    at = start
    while True:
        at, lede = _pair_from(at, furniture)
        if lede >= len(lines) or not _listed(lines[at]) or _listed(lines[lede]):
            break
        if len(lines[lede].split()) > MAX_LEDE_WORDS:
            break
        found += [at, lede]
        at = lede + 1
    return found if len(found) >= 4 else []


def related_lists(
    lines: list[str], *, furniture: frozenset[int] = frozenset()
) -> dict[int, DebrisRule]:
    """Lines listed under a recommendation heading: link texts, none ending like a sentence.

    The list ends at the first line that ends a sentence or is longer than a headline; known
    debris lines (``furniture``) inside it are passed over. The heading goes with its list.

    >>> sorted(related_lists(["More from the valley", "Ferry fares rise again",
    ...     "Library opens a new branch", "Kerry said the talks would end."]))
    [0, 1, 2]
    """
    found: dict[int, DebrisRule] = {}
    for number, line in enumerate(lines):
        if len(line.split()) > 8 or not _RELATED_HEADING.match(line.strip()):
            continue
        listed, end = [], number + 1
        while end < len(lines) and (end in furniture or _listed(lines[end])):
            if end not in furniture:
                listed.append(end)
            end += 1
        paired = _paired(lines, number + 1, furniture)
        listed = paired if len(paired) > len(listed) else listed
        if listed:
            found.update({i: RELATED_LIST for i in [number, *listed] if i not in furniture})
    return found


TEASER_LIST = DebrisRule("teaser-list", R.RECOMMENDATION, re.compile(r"^.+$"))
"""Other stories' headlines, each with the first line of its text, cut short."""
TEASER_WORDS = 10
_HEAD_END = re.compile(r"[.:;。]$")
"""A headline may end in a question, an exclamation or a quotation, never in a full stop."""
MIN_TEASERS = 3


def _truncated(line: str) -> bool:
    return line.rstrip().endswith(("…", "...")) or not SENTENCE_END.search(line)


def _teasers_from(lines: list[str], start: int, furniture: frozenset[int]) -> list[int]:
    """The headline and lede lines of the teasers that follow one another from ``start``."""
    found: list[int] = []
    at = start
    while True:
        at, lede = _pair_from(at, furniture)
        if lede >= len(lines) or not 3 <= len(lines[at].split()) <= 16:
            return found
        if _HEAD_END.search(lines[at]) or len(lines[lede].split()) < TEASER_WORDS:
            return found
        found += [at, lede]
        at = lede + 1


def _trimmed(lines: list[str], run: list[int]) -> list[int]:
    """A teaser run less its pairs at either end whose text is whole (an article's own lede).

    Empty when its headlines are mostly dated (a schedule in the article).
    """
    pairs = [run[i : i + 2] for i in range(0, len(run), 2)]
    while pairs and not _truncated(lines[pairs[-1][1]]):
        pairs.pop()
    while pairs and not _truncated(lines[pairs[0][1]]):
        pairs.pop(0)
    if _dated([lines[head] for head, _ in pairs]):
        return []
    return [i for pair in pairs for i in pair]


def teaser_lists(
    lines: list[str], *, furniture: frozenset[int] = frozenset()
) -> dict[int, DebrisRule]:
    """Runs of other stories' teasers: headline, then one line of text, again and again.

    It takes `MIN_TEASERS` pairs in a row, at least half of whose texts are cut short (they do
    not end a sentence, or end in "…"), the first and the last among them: an article's
    subheadings are followed by paragraphs that end their sentences.

    >>> sorted(teaser_lists(["Ferry fares rise again", "The ferry company said on Monday "
    ...     "that fares would rise by", "Library opens a new branch", "The new branch on Elm "
    ...     "Street will open its doors to readers and", "Storm closes the harbor", "Boats "
    ...     "stayed in port on Tuesday as the storm reached the coast and…"]))
    [0, 1, 2, 3, 4, 5]
    """
    found: dict[int, DebrisRule] = {}
    start = 0
    while start < len(lines):
        run = _trimmed(lines, _teasers_from(lines, start, furniture))
        ledes = [lines[i] for i in run[1::2]]
        if len(ledes) >= MIN_TEASERS and 2 * sum(map(_truncated, ledes)) >= len(ledes):
            found.update(dict.fromkeys(run, TEASER_LIST))
            start = run[-1] + 1
        else:
            start += 1
    return found


REPEATED_LINK = DebrisRule("repeated-link", R.RECOMMENDATION, re.compile(r"^.{1,200}$"))
"""A link text given twice in a row (a story's picture link and its headline link)."""
REPEAT_DISTANCE = 2


def repeated_links(
    lines: list[str], *, furniture: frozenset[int] = frozenset()
) -> dict[int, DebrisRule]:
    """Short lines that recur within `REPEAT_DISTANCE` lines: link texts, not article prose.

    An article does not say the same line twice in a row; a page links one story twice. The
    first line (the title, often given again as the headline) is never one of them. Distance
    is counted over the lines that are not ``furniture`` (known debris), so a link given twice
    around an advertisement is found, and cleaning a cleaned body finds nothing new.

    >>> sorted(repeated_links(["Talks end", "Business", "Ferry fares rise again", "Business",
    ...     "Ferry fares rise again", "Kerry said the talks would end."]))
    [1, 2, 3, 4]
    """
    found: dict[int, DebrisRule] = {}
    body = [i for i in range(len(lines)) if i not in furniture]
    for place, number in enumerate(body[1:], 1):
        if len(lines[number].split()) > MAX_LINK_WORDS:
            continue
        for other in body[place + 1 : place + REPEAT_DISTANCE + 1]:
            if lines[other] == lines[number]:
                found.update(dict.fromkeys([number, other], REPEATED_LINK))
    return found


SIGN_UP_BOX = DebrisRule("sign-up-box", R.MEMBERSHIP, re.compile(r"^.{1,400}$"))
"""The blurb of a sign-up box: between a newsletter or membership line and another notice."""


def sign_up_boxes(
    lines: list[str], *, membership: frozenset[int], notices: frozenset[int]
) -> dict[int, DebrisRule]:
    """Lines right between two site notices, one of them a newsletter or membership line.

    A blurb is no longer than a link text (`MAX_LINK_WORDS`): a paragraph between two
    notices is the article's.

    ``membership`` and ``notices`` are the indices of known debris lines of those kinds
    (``membership`` a part of ``notices``).

    >>> sorted(sign_up_boxes(["Sign up for our newsletter", "The valley's news each morning.",
    ...     "No spam. You can unsubscribe at any time."], membership=frozenset({0}),
    ...     notices=frozenset({0, 2})))
    [1]
    """
    found: dict[int, DebrisRule] = {}
    for number in range(1, len(lines) - 1):
        before, after = number - 1, number + 1
        if number in notices or before not in notices or after not in notices:
            continue
        if len(lines[number].split()) > MAX_LINK_WORDS:
            continue
        if before in membership or after in membership:
            found[number] = SIGN_UP_BOX
    return found
