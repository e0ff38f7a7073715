"""Find page debris: lines that are not the article, each with the reason it was removed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from storylens.model import DebrisReason

MAX_DEBRIS_WORDS = 14
"""Lines longer than this are never treated as debris (but for `NOTICES`): body text is never
dropped."""


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
FOREIGN_RELATED = (
    r"mehr|mehr zum thema|auch interessant|das könnte sie auch interessieren|meistgelesen"
    r"|você (?:também )?pode gostar|veja também|leia também|mais lidas"
    r"|te puede interesar|lee también|más leídas|noticias relacionadas"
    r"|leggi anche(?: su)?|potrebbe interessarti|articoli correlati"
    r"|à lire aussi|lire aussi|voir aussi|sur le même sujet"
    r"|вам (?:также )?может быть интересно|читайте также|самые популярные|похожие статьи"
)
"""Recommendation headings in other languages ("Mehr:", "Leia também", "Читайте также")."""
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
        r"updated|by|tags?|loading|no thanks|author|publish(?:ed)? date|in this article",
        r"image|advert|permalink|polls?|image (?:copyright|caption|source)|view all(?: \(\d+\))?",
    ),
    _rule(
        "meta-line",
        R.NAVIGATION,
        r"(?=.*\b(?:permalink|comments?|posted in|share|tags?)\b)(?:[^|]{1,40}\|){2,}[^|]{0,40}",
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
        r"\[?(?:related|see also|also read|read also|read more|more|read next|recommended|also"
        r"|on [\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk))\s*:\s*(?!.*[.!?][\"”’]?$).+",
        r"(?:most read|more|trending|latest|top stories) in .{1,30}",
        FOREIGN_RELATED,
        rf"\((?:{FOREIGN_RELATED})\s*:\s*[^)]+\)",
    ),
    _rule(
        "counter",
        R.NAVIGATION,
        r"\(?\d+\)?|[^\w]*",
        r"(?:image|photo|picture|slide)s? \d+ (?:of|/) \d+",
        r"(?:updated |posted )?\d{1,3}\s*(?:s|m|h|d|w|mins?|minutes?|hrs?|hours?|days?|weeks?)"
        r"\s+ago",
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
        r"comments?(?: \(\d+\))?|\d+ comments?|view comments|show comments",
        r"click to (?:share|email|print|tweet)\b.*",
        r"follow .{1,60} on (?:facebook|twitter|instagram|youtube)\b.*",
        r"(?:like|enjoy(?:ed)?|love) this (?:story|article|post)\?.*",
    ),
    _rule(
        "call-to-action",
        R.CALL_TO_ACTION,
        r"click here.*|(?:download|get) (?:our|the) app.*|sign up.*|don'?t miss.*",
        r"please (?:share|like|subscribe|follow).*|tap (?:here|to) .+",
        r"listen to (?:this|the) (?:article|story)",
        r"sharing is caring!?|tell us what you think.*|have your say.*",
        r"give us (?:your )?feedback.*",
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
MAX_NOTICE_WORDS = 40
"""Newsletter calls, site notices and contact lines are longer than other debris lines."""
NOTICES: tuple[DebrisRule, ...] = (
    DebrisRule(
        "newsletter-call",
        R.MEMBERSHIP,
        re.compile(
            r"^(?=.*\bnewsletters?\b)(?:.{0,80}?[.!?:]\s+)?(?:please,? )?"
            r"(?:fill (?:in |out )?the form (?:below )?to |click here to )?(?:sign up|subscribe)\b",
            re.IGNORECASE,
        ),
    ),
    DebrisRule(
        "site-notice",
        R.BOILERPLATE,
        re.compile(
            r"^.*\bthis (?:site|website)\b.*\b(?:reproduced|user agreement|terms of (?:use|service)"
            r"|privacy policy|cookies?)\b|^.*\bcommunity (?:rules|guidelines|standards) apply\b"
            r"|^.*\b(?:comments powered by|submission guidelines|unsubscribe at any time"
            r"|activation link|successfully subscribed|requires javascript|enable javascript)\b"
            r"|^.*\bearns? (?:an? )?(?:small )?(?:affiliate )?commissions?\b.*"
            r"\b(?:links?|purchases?)\b"
            r"|^(?:.*[.!?]\s+)?click here\b|^.*\bby clicking here[.!]?$"
            r"|^(?=.*\bcommissions?\b)(?=.*\b(?:links?|purchases?)\b).*\b(?:earn|receive|get)s?\b",
            re.IGNORECASE,
        ),
    ),
    DebrisRule(
        "contact",
        R.BOILERPLATE,
        re.compile(
            r"^.*\b(?:may|can) be reached at \S+@\S+"
            r"|^e-?mail (?:[A-Z][\w.'’-]+ ){1,4}at \S+@\S+",
            re.IGNORECASE,
        ),
    ),
)
"""Whole sentences that are page furniture wherever they stand (checked up to 40 words)."""
_TAGS_OR_KEYWORDS = (
    r"&(?:amp;)*lt;/?[a-z]|^(?!.*[.!?。！？][\"”’]?$)(?:[^,]{0,40}[^\W\d],(?=[^\W\d])){3,}"
)
_NO_SHORTCODE = re.compile(_TAGS_OR_KEYWORDS)
"""`MARKUP` without its shortcode part: each "[" would scan the rest of a line in vain."""
MARKUP = DebrisRule(
    "markup",
    R.BOILERPLATE,
    re.compile(rf"\[(\w+)\b[^\]]*\].*\[/\1\]|{_TAGS_OR_KEYWORDS}"),
)
"""Page source shown as text: escaped tags ("&lt;span …"), shortcodes ("[button …]…[/button]"),
keyword lists run together by commas ("retire early,early retirement,…"; a list ends no
sentence: a line that does is prose whose commas lack their spaces)."""
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
    words = len(line.split())
    if (MARKUP.pattern if "[/" in line else _NO_SHORTCODE).search(line):
        return MARKUP
    if words <= MAX_NOTICE_WORDS:
        for rule in NOTICES:
            if rule.pattern.match(line.strip()):
                return rule
    if words > MAX_DEBRIS_WORDS:
        return None
    for rule in RULES:
        if rule.pattern.match(line.strip()):
            return rule
    if len(_RUN_TOGETHER.findall(line)) >= MIN_RUN_TOGETHER:
        return RUN_TOGETHER
    return None


RUN_TOGETHER = DebrisRule("run-together-links", R.NAVIGATION, _RUN_TOGETHER)


CAPS_LINK = DebrisRule(
    "capitals-link", R.RECOMMENDATION, re.compile(r"^(?=(?:\S+\s+){6})(?!.*[.!?:;]$).+$")
)
"""A headline in capitals of seven words or more, not ending a sentence, inside a text: a link
to another story ("MAYOR OPENS NEW LIBRARY BRANCH DOWNTOWN ON FRIDAY"). Subheadings in capitals
are shorter or ask a question. (Not for a text's first line, its title.)"""


def is_capitals_link(line: str) -> bool:
    """Whether a line (not a text's first) is another story's headline written in capitals.

    >>> is_capitals_link("MAYOR OPENS NEW LIBRARY BRANCH DOWNTOWN ON FRIDAY")
    True
    >>> is_capitals_link("WHAT HAPPENS NEXT"), is_capitals_link("WILL THE BOARD VOTE TO CLOSE IT?")
    (False, False)
    """
    text = line.strip()
    letters = [c for c in text if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return False
    return len(text.split()) <= MAX_DEBRIS_WORDS and bool(CAPS_LINK.pattern.match(text))
