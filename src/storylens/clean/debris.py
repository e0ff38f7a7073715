"""Find page debris: lines that are not the article, each with the reason it was removed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from storylens.model import DebrisReason

MAX_DEBRIS_WORDS = 14
"""Lines longer than this are never treated as debris: body text is never dropped."""


@dataclass(frozen=True, slots=True)
class DebrisRule:
    """A full-line pattern and the reason a matching line is debris."""

    name: str
    reason: DebrisReason
    pattern: re.Pattern[str]


def _rule(name: str, reason: DebrisReason, *alternatives: str) -> DebrisRule:
    pattern = "|".join(alternatives)
    return DebrisRule(name, reason, re.compile(rf"^(?:{pattern})[\s.:!»›>|-]*$", re.IGNORECASE))


R = DebrisReason
_ACCOUNT = (
    r"(?:subscribe|register|log ?in|sign ?in|sign ?up|log ?out|sign ?out|my account|account"
    r"|e-?edition|newsletters?|donate|manage subscription)"
)
RULES: tuple[DebrisRule, ...] = (
    _rule(
        "advertisement",
        R.ADVERTISEMENT,
        r"advertisements?|ad|ads|sponsored(?: content| links?)?|paid (?:content|post)|promoted",
        r"story continues below(?: advertisement)?|continue reading(?: the main story| below)?",
    ),
    _rule(
        "skip-link",
        R.NAVIGATION,
        r"skip to (?:main |the )?(?:content|navigation|article|search)",
        r"jump to (?:content|navigation)",
    ),
    _rule(
        "menu",
        R.NAVIGATION,
        r"(?:main )?menu|search|home|back to top|close|next (?:article|story|page)",
        r"previous (?:article|story|page)|log ?in|sign ?in|log ?out|page \d+ of \d+",
    ),
    _rule(
        "recommended",
        R.RECOMMENDATION,
        r"recommended(?: for you| stories| videos?| reading)?|popular videos?",
        r"(?:most )?popular(?: now)?|trending(?: now| stories| videos?)?|trending on .+",
        r"related(?: articles| stories| coverage| content| videos?| links)?|read more(?: .+)?",
        r"you (?:may|might) also like.*|more from .+|more stories|editor'?s picks",
        r"what to read next|around the web|from our partners|up next",
        r"(?:top|latest|more) (?:stories|news|videos)|watch(?: the)? video",
        r"(?:related|see also|also read|read also|read more|more|read next|recommended)\s*:\s*"
        r"(?!.*[.!?][\"”’]?$).+",
        r"(?:most read|more|trending|latest|top stories) in .{1,30}",
    ),
    _rule(
        "counter",
        R.NAVIGATION,
        r"\(?\d{1,5}\)?",
        r"(?:image|photo|picture|slide)s? \d+ (?:of|/) \d+",
        r"\d{1,3}\s*(?:s|m|h|d|w|mins?|minutes?|hrs?|hours?|days?|weeks?)\s+ago",
        r"true|false|null|undefined|nan",
    ),
    _rule(
        "membership",
        R.MEMBERSHIP,
        r"join the conversation.*|become an? (?:vip )?(?:member|subscriber).*",
        r"subscribe(?: now| today)?.*|already an? (?:member|subscriber).*",
        r"support (?:our|independent) journalism.*|(?:sign up|register) (?:for|to) .+",
        r"get (?:our|the) newsletter.*|unlock .+",
    ),
    _rule(
        "social",
        R.SOCIAL,
        r"share(?: this)?(?: article| story| post)?(?: on \w+)?|(?:follow|like) us(?: on .+)?",
        r"tweet(?: this)?|email(?: this)?|print(?: this)?",
        r"facebook|twitter|whatsapp|pinterest|linkedin",
        r"comments?(?: \(\d+\))?|\d+ comments?|click to share.*|view comments|show comments",
        r"follow .{1,60} on (?:facebook|twitter|instagram|youtube)\b.*",
    ),
    _rule(
        "call-to-action",
        R.CALL_TO_ACTION,
        r"click here.*|(?:download|get) (?:our|the) app.*|sign up.*|don'?t miss.*",
        r"please (?:share|like|subscribe|follow).*|tap (?:here|to) .+",
        r"listen to (?:this|the) (?:article|story)",
    ),
    _rule(
        "account-menu",
        R.MEMBERSHIP,
        rf"{_ACCOUNT}(?:\s*[|/•·,]?\s*{_ACCOUNT})+",
    ),
    _rule(
        "donate",
        R.CALL_TO_ACTION,
        r"(?:.{0,40}[–—:|-]\s*)?(?:please\s+)?(?:donate(?: now| today)?|make an? (?:charitable |"
        r"tax-deductible |one-time |monthly )?donation|give now|support us)\b.*",
    ),
    _rule(
        "newspaper-plug",
        R.CALL_TO_ACTION,
        r"read (?:today'?s|\w+day'?s|this week'?s|the (?:e-?edition|print edition|digital edition"
        r"|full (?:story|article|report))|our (?:e-?edition|print edition)).*",
        r"(?:view|see) (?:the )?(?:e-?edition|print edition|photo gallery|gallery).*",
    ),
    _rule(
        "newsletter",
        R.MEMBERSHIP,
        r"(?:sign up for|get|receive|subscribe to|join) .{0,44}newsletters?.*",
        r"(?:[\w'’-]+ ){0,4}newsletters?(?: sign[- ]?up)?",
        r"enter your e-?mail(?: address)?.*|your e-?mail address",
    ),
    _rule("copyright", R.BOILERPLATE, r"(?:copyright|©) .+|all rights reserved.*"),
)
_RUN_TOGETHER = re.compile(r"(?<![A-Z])(?<!\bM[ac])(?<!\bMac)[a-z]{2,}[A-Z][a-z]")
"""A lower-case word run into a capitalised one ("KerryJohn"): link texts joined by a scraper."""
MIN_RUN_TOGETHER = 2


def match_debris(line: str) -> DebrisRule | None:
    """The rule that makes this line debris, or None if it may be article text.

    >>> match_debris("Advertisement").reason.value
    'advertisement'
    >>> match_debris("Kerry said the talks would end.") is None
    True
    """
    if len(line.split()) > MAX_DEBRIS_WORDS:
        return None
    for rule in RULES:
        if rule.pattern.match(line.strip()):
            return rule
    if len(_RUN_TOGETHER.findall(line)) >= MIN_RUN_TOGETHER:
        return RUN_TOGETHER
    return None


RUN_TOGETHER = DebrisRule("run-together-links", R.NAVIGATION, _RUN_TOGETHER)


MENU_RUN = DebrisRule("menu-run", R.NAVIGATION, re.compile(r"^.{1,40}$"))
"""Three or more stub lines in a row (menu items, section names, tags): page navigation."""
HEADLINE_RUN = DebrisRule("headline-list", R.RECOMMENDATION, re.compile(r"^.{1,160}$"))
"""Three or more headline-style lines in a row: a list of links to other stories."""
_SENTENCE_END = re.compile(r"[.!?:;\"”’)。！？」]$")


def _stub(line: str) -> bool:
    return len(line.split()) <= 4 and not _SENTENCE_END.search(line)


def _headline(line: str) -> bool:
    words = line.split()
    if not 4 <= len(words) <= 16 or _SENTENCE_END.search(line):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return capitalised / len(words) >= 0.6


def run_debris(
    lines: list[str], *, furniture: frozenset[int] = frozenset(), min_run: int = 3
) -> dict[int, DebrisRule]:
    """Lines that are debris because of their neighbours: runs of menu stubs or headlines.

    A single short line (a subheading) or one headline-like line stays; it takes three in a
    row, none ending like a sentence, to be page furniture. Lines in ``furniture`` (already
    known debris) count as members of any run.

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
            if end - start >= min_run:
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
    r"|you (?:may|might) also like|editor'?s picks|what to read next|up next)"
    r"\b[^.!?;]{0,50}:?$",
    re.IGNORECASE,
)
MAX_LINK_WORDS = 20


def _listed(line: str) -> bool:
    return 2 <= len(line.split()) <= MAX_LINK_WORDS and not _SENTENCE_END.search(line)


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
        if listed:
            found.update({i: RELATED_LIST for i in [number, *listed] if i not in furniture})
    return found


OUTSIDE_ARTICLE = DebrisRule("outside-article", R.BOILERPLATE, re.compile(r"^.+$"))
"""A plain-text line before the article's first paragraph of prose or after its last."""
_PROSE_END = re.compile(r"[.!?:;\"”’')。！？」]$")
PROSE_WORDS = 10
"""A line of prose has this many words (or CJK-width characters / 6) and ends a sentence."""
EDGE_WORDS = 6
"""A sentence of this many words next to the prose still belongs to it (a short last line)."""


def _words(line: str) -> int:
    count = len(line.split())
    return count if line.isascii() else max(count, len(line) // 6)


def _prose(lines: list[str], number: int) -> bool:
    """A long line that ends a sentence, or runs on into the next line (hard-wrapped text)."""
    line = lines[number]
    if _words(line) < PROSE_WORDS:
        return False
    return bool(_PROSE_END.search(line)) or _runs_on(lines, number)


def _runs_on(lines: list[str], number: int) -> bool:
    """Whether line ``number`` is cut mid-sentence and the next line carries the sentence on."""
    if number + 1 >= len(lines) or _PROSE_END.search(lines[number]):
        return False
    after = lines[number + 1]
    return after[:1].islower() or (_words(after) >= PROSE_WORDS and bool(_PROSE_END.search(after)))


def outside_article(lines: list[str]) -> set[int]:
    """Lines of a plain-text scrape outside its article (menus, teasers, footers sit there).

    Outside: before the first line of prose or after the last, less the sentences right next
    to them and the end of a hard-wrapped last paragraph.

    Thresholds (`PROSE_WORDS`, `EDGE_WORDS`) were chosen by 5-fold cross-validation over pages
    (bench/debris_text.py --cv).

    >>> sorted(outside_article(["Home", "World", "Kerry said on Monday that the talks with "
    ...     "Russia would end this week.", "He left the room on Monday.", "Most read"]))
    [0, 1, 4]
    """
    prose = [n for n in range(len(lines)) if _prose(lines, n)]
    if not prose:
        return set()
    start, end = prose[0], prose[-1]
    while start > 0 and _edge_sentence(lines[start - 1]):
        start -= 1
    while end + 1 < len(lines) and (_edge_sentence(lines[end + 1]) or _runs_on(lines, end)):
        end += 1
    return set(range(start)) | set(range(end + 1, len(lines)))


def _edge_sentence(line: str) -> bool:
    return EDGE_WORDS > 0 and _words(line) >= EDGE_WORDS and bool(_PROSE_END.search(line))
