"""A site's name as its host spells it: "The Real Deal" for therealdeal.com.

Shared by ingest (which gathers the names a page gives its site) and clean (which decides which
one stands for the outlet). A name *spells* a host when its letters, folded to plain lower case
where they can be, are one of the host's labels: "Jaraguá do Sul" spells jaraguadosul.sc.gov.br,
"ProFootballTalk" spells profootballtalk.nbcsports.com, "The GiveWell Blog" spells
blog.givewell.org. A label's generic suffix may be written out ("Smithsonian Magazine",
smithsonianmag.com: tier 1) or left off ("Practical Horseman", practicalhorsemanmag.com: tier 2).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib import resources
from urllib.parse import urlparse

_SECOND_LEVEL = frozenset(
    {"co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go", "gob", "nic", "mil", "gv"}
)
_SUBDOMAINS = ("www.", "m.", "amp.", "mobile.")
_GENERIC_LABELS = frozenset({"www", "m", "amp", "mobile", "edition", "beta", "en", "origin"})
_WRITTEN_OUT = {"mag": "magazine"}
_GENERIC_SUFFIXES = ("mag", "news", "online", "daily", "tv", "now", "today", "web", "digital")
_WEB_TAIL = re.compile(r"(?:\.(?:com|net|org|info|news|[a-z]{2}))+\.?$", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")
COMPANY_WORDS = frozenset(
    {
        "media",
        "group",
        "inc",
        "llc",
        "ltd",
        "limited",
        "network",
        "networks",
        "publishing",
        "publications",
        "company",
        "corporation",
        "corp",
        "holdings",
        "gmbh",
        "plc",
        "co",
    }
)
EDITION_WORDS = frozenset(
    {
        "edition",
        "international",
        "global",
        "us",
        "usa",
        "uk",
        "deutschland",
        "españa",
        "espana",
        "italia",
        "brasil",
        "méxico",
        "mexico",
        "france",
        "india",
        "nederland",
        "polska",
        "schweiz",
        "suisse",
        "österreich",
        "sverige",
        "norge",
        "danmark",
        "türkiye",
        "nigeria",
        "africa",
        "asia",
        "europe",
        "australia",
        "canada",
        "japan",
        "россия",
        "україна",
    }
)


def host_of(url: str | None) -> str:
    """The lower-case host of a URL (or bare domain), without www./m./amp. ('' when none)."""
    if not url:
        return ""
    try:
        host = (urlparse(url if "//" in url else f"//{url}").hostname or "").lower()
    except ValueError:
        return ""
    for prefix in _SUBDOMAINS:
        host = host.removeprefix(prefix)
    return host


def host_labels(host: str) -> list[str]:
    """The host's name-bearing labels, registrable one first ('cnn' for edition.cnn.com).

    >>> host_labels("www.jaraguadosul.sc.gov.br"), host_labels("blog.givewell.org")
    (['jaraguadosul'], ['givewell', 'blog', 'givewellblog', 'bloggivewell'])
    """
    labels = [label for label in host.lower().split(".") if label][:-1]
    while len(labels) > 1 and (labels[-1] in _SECOND_LEVEL or len(labels[-1]) == 2):
        labels.pop()
    labels = [compact(lb) for lb in labels if lb not in _GENERIC_LABELS]
    labels = [lb for lb in labels if lb and lb not in _SECOND_LEVEL]
    if not labels:
        return []
    main, subs = labels[-1], labels[:-1][::-1]
    joined = [form for sub in subs[:1] for form in (main + sub, sub + main)]
    return [main, *subs, *joined]


def compact(text: str) -> str:
    """Letters and digits only, lower case, accents folded ("Jaraguá do Sul" -> 'jaraguadosul')."""
    folded = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in folded if c.isalnum() and not unicodedata.combining(c))


def strip_web_tail(name: str) -> str:
    """The name without a trailing web suffix ("Snopes.com" -> 'Snopes'), or the name itself."""
    return _WEB_TAIL.sub("", name.strip(), count=1) or name.strip()


def spelling_tier(name: str, host: str) -> int:
    """1 when ``name`` spells one of the host's labels, 2 when it does without a generic suffix.

    A trailing web suffix of the name (".com", ".co.kr") and a leading "The" are optional.

    >>> spelling_tier("The Real Deal", "therealdeal.com")
    1
    >>> spelling_tier("Smithsonian", "smithsonianmag.com")
    2
    """
    forms = _name_forms(name)
    exact, shorter = _label_forms(host)
    return 1 if forms & exact else 2 if forms & shorter else 0


def label_forms(host: str) -> frozenset[str]:
    """Every compact form a name may take to spell the host (for a quick prefix test)."""
    exact, shorter = _label_forms(host)
    return frozenset(exact | shorter | {"the" + form for form in exact | shorter})


def names_site(name: str, host: str) -> bool:
    """Whether a name can be the site's: it spells the host, or is a title-case name sharing a word.

    A tagline ("Expert how-to for riders", "Kabar tentang Dunia Islam") is neither; a name that
    starts in lower case is not a name unless it is a domain. Without a host any name will do.
    """
    name = name.strip()
    if not name or (name[0].islower() and not _WEB_TAIL.search(name)):
        return False
    if not host or spelling_tier(name, host):
        return True
    words = [w for w in _WORD.findall(strip_web_tail(name)) if len(w) >= 3]
    if any(w[0].islower() for w in words if len(w) >= 4):
        return False
    labels = [label for label in re.split(r"[.-]", host) if len(label) >= 4]
    return any(w.lower() in host or any(w.lower().startswith(lb) for lb in labels) for w in words)


def without_edition(name: str, host: str) -> str:
    """The name without a company or edition tail when the rest spells the host.

    >>> without_edition("Business Insider Deutschland", "businessinsider.de")
    'Business Insider'
    >>> without_edition("The Spokesman-Review", "spokesman.com")
    'The Spokesman-Review'
    """
    words = name.split()
    for cut in range(len(words) - 1, 0, -1):
        head, tail = " ".join(words[:cut]), words[cut:]
        generic = all(_generic_tail_word(w) for w in tail) or _is_place(" ".join(tail))
        if generic and spelling_tier(head, host) == 1:
            return head.rstrip(" ,")
    return name


def _generic_tail_word(word: str) -> bool:
    bare = word.strip(".,()").lower()
    return bare in COMPANY_WORDS or bare in EDITION_WORDS or _is_place(word.strip(".,()"))


def _label_forms(host: str) -> tuple[set[str], set[str]]:
    exact: set[str] = set()
    shorter: set[str] = set()
    for label in host_labels(host):
        exact.add(label)
        for short, long in _WRITTEN_OUT.items():
            if label.endswith(short):
                exact.add(label.removesuffix(short) + long)
        for suffix in _GENERIC_SUFFIXES:
            if label.endswith(suffix) and len(label) - len(suffix) >= 3:
                shorter.add(label.removesuffix(suffix))
    return exact, shorter - exact


def _name_forms(name: str) -> set[str]:
    bare = strip_web_tail(name).lower()
    forms = {compact(bare)}
    if re.match(r"the\s", bare):
        forms.add(compact(bare[4:]))
    return {form for form in forms if form}


def _is_place(name: str) -> bool:
    """A city or country name ("New York" too, which the city list writes "New York City")."""
    return name in _places() or f"{name} City" in _places()


@cache
def _places() -> frozenset[str]:
    """Single-word city and country names (resources/cities.json and places.json)."""
    folder = resources.files("storylens.resources")
    cities = json.loads(folder.joinpath("cities.json").read_text(encoding="utf-8"))["cities"]
    places = json.loads(folder.joinpath("places.json").read_text(encoding="utf-8"))
    names = {*cities, *places["demonyms"].values(), *places["capitals"]}
    return frozenset(str(n) for n in names)
