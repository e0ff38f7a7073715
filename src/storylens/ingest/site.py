"""The names a page gives its own site, for clean to choose the outlet from.

Besides the extractor's site name (often JSON-LD ``publisher``): ``og:site_name``; the
capitalised phrase of the page that spells its host best ("Practical Horseman" on
practicalhorsemanmag.com, "Jaraguá do Sul" on jaraguadosul.sc.gov.br), exact spellings before
those that leave the host's generic suffix off; the site part of the ``<title>``
("Headline - Entermedia"); the holder of the page's copyright notice ("©2019 Ascom"). A name
that starts in lower case is a tagline, not a name, unless it is a domain.
"""

from __future__ import annotations

import html as html_lib
import re
from collections import Counter

from storylens.sitename import compact, host_of, label_forms, spelling_tier, strip_web_tail

_OG_SITE = (
    re.compile(r"""<meta[^>]+property=["']og:site_name["'][^>]*content=["']([^"'<>]+)""", re.I),
    re.compile(r"""<meta[^>]+content=["']([^"'<>]+)["'][^>]*property=["']og:site_name""", re.I),
)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_HIDDEN = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")
_TOKEN = re.compile(r"[^\W_][\w.'’&-]*")
_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s*[|»]\s*")
_COPYRIGHT = re.compile(
    r"(?:©|ⓒ|\(c\)|copyright)(?:\s*(?:©|ⓒ|\(c\)))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*"
    r"(?:by\s+)?(?P<name>[^\n,|;©]{2,60})",
    re.I,
)
_HOLDER_END = re.compile(r"\.\s|\s+all\s+rights|\s+\d{4}|\s*$", re.I)
_COMPANY = re.compile(r"[,\s]+(?:inc|llc|ltd|gmbh|plc|s\.a|ag|corp)\.?$", re.I)
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.I)
MAX_WORDS = 6
PHRASE_WORDS = 5


def page_site_names(
    html: str, *, url: str | None, declared: str | None, headline: str | None
) -> tuple[str, ...]:
    """The names a page gives its own site besides ``declared``, likeliest first (module doc)."""
    host = host_of(url)
    text = _visible_text(html)
    phrases = _spelling_phrases(text, host) if host else {}
    found = [
        _og_site_name(html),
        *(phrases.get(tier, [None])[0] for tier in (1, 2)),
        title_affix(_page_title(html), headline),
        copyright_holder(text),
    ]
    names: list[str] = []
    for name in found:
        if name and _looks_like_name(name) and name not in names and name != declared:
            names.append(name)
    return tuple(names)


def title_affix(title: str | None, headline: str | None) -> str | None:
    """The site part of a page title: what is left beside the headline, or its short last part.

    >>> title_affix("Seeking a bigger role - The Space Review", None)
    'The Space Review'
    """
    if not title:
        return None
    if headline and headline.strip() and headline.strip() in title and headline.strip() != title:
        rest = title.replace(headline.strip(), " ").strip(" :|-–—»·")
        return rest if 0 < len(rest.split()) <= MAX_WORDS else None
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(title) if p.strip()]
    if len(parts) >= 2 and len(parts[-1].split()) <= 4 and len(parts[-1]) < len(parts[0]):
        return parts[-1]
    return None


def copyright_holder(text: str) -> str | None:
    """The holder a copyright notice names ("© 2019 Ascom" -> 'Ascom'), company form dropped."""
    for found in _COPYRIGHT.finditer(text):
        name = found.group("name")
        end = _HOLDER_END.search(name)
        name = name[: end.start() if end else len(name)].strip(" .")
        name = _COMPANY.sub("", name).strip(" .,")
        if name and len(name.split()) <= 5 and _looks_like_name(name):
            return name
    return None


def _looks_like_name(name: str) -> bool:
    name = name.strip()
    if not name or "|" in name or len(name.split()) > MAX_WORDS:
        return False
    return not name[0].islower() or bool(_DOMAIN.match(name))


def _og_site_name(html: str) -> str | None:
    head = html[:200_000]
    for pattern in _OG_SITE:
        found = pattern.search(head)
        if found and found.group(1).strip():
            return html_lib.unescape(found.group(1)).strip()
    return None


def _page_title(html: str) -> str | None:
    found = _TITLE.search(html[:200_000])
    return " ".join(html_lib.unescape(found.group(1)).split()) if found else None


def _visible_text(html: str) -> str:
    """The page's text, one line per tag boundary (scripts, styles and comments dropped)."""
    return html_lib.unescape(_TAG.sub("\n", _HIDDEN.sub("\n", html)))


def _spelling_phrases(text: str, host: str) -> dict[int, list[str]]:
    """Capitalised phrases of the page that spell its host, by tier, the likeliest name first."""
    forms = label_forms(host)
    initials = {form[0] for form in forms}
    found: dict[int, Counter[str]] = {1: Counter(), 2: Counter()}
    for line in text.splitlines():
        tokens = [t.rstrip(".'’-") for t in _TOKEN.findall(line)]
        for start, token in enumerate(tokens):
            capital = token[:1].isupper() or token[:1].isdigit()
            if not capital or compact(token[:1]) not in initials:
                continue
            for end in range(start + 1, min(start + PHRASE_WORDS, len(tokens)) + 1):
                joined = compact(strip_web_tail("".join(tokens[start:end])))
                if not any(form.startswith(joined) for form in forms):
                    break
                phrase = " ".join(tokens[start:end])
                tier = spelling_tier(phrase, host)
                if tier:
                    found[tier][phrase] += 1
    return {tier: sorted(c, key=lambda p: _rank(p, c[p])) for tier, c in found.items() if c}


def _rank(phrase: str, count: int) -> tuple[bool, bool, int]:
    """Written as prose first (not a run-together handle, not all capitals), then frequency."""
    camel = bool(re.search(r"[a-z][A-Z]", phrase)) and " " not in phrase
    return (camel, phrase.isupper() and len(phrase) > 3, -count)
