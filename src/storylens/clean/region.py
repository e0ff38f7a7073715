"""The article's region in a plain-text scrape: lines before its prose or after it are debris."""

from __future__ import annotations

import re
from collections.abc import Mapping

from storylens.clean.debris import DebrisRule
from storylens.clean.runs import DATED
from storylens.model import DebrisReason

R = DebrisReason


OUTSIDE_ARTICLE = DebrisRule("outside-article", R.BOILERPLATE, re.compile(r"^.+$"))
"""A plain-text line before the article's first paragraph of prose or after its last."""
_PROSE_END = re.compile(r"[.!?:;\"”’')。！？」]$")
PROSE_WORDS = 10
"""A line of prose has this many words (or CJK-width characters / 6) and ends a sentence."""
EDGE_WORDS = 3
"""A sentence of this many words next to the prose still belongs to it (a short last line)."""


_COMMENTS = re.compile(
    r"^(?:\d+ (?:thoughts?|responses?|comments?|replies|reactions?) (?:on|to) .+"
    r"|(?:leave|post|add) a (?:reply|comment)|comments are closed\.?"
    r"|(?:[\w'’.-]+ ){1,4}on \w[\w ,]{4,30}\d(?: at|,)? \d{1,2}:\d\d ?(?:[ap]\.?m\.?)? said:)$",
    re.IGNORECASE,
)
"""The heading of a page's comment section: it and all below it are outside the article."""


def is_comment_heading(line: str) -> bool:
    """Whether a line opens a comment section ("3 thoughts on “…”", "Ann on May 4 at 6 am said:").

    >>> is_comment_heading("Leave a reply"), is_comment_heading("He left a reply.")
    (True, False)
    """
    return bool(_COMMENTS.match(line.strip()))


_NAME = r"(?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’.-]+"
_SIGN_OFF = re.compile(
    rf"^{_NAME},? (?:is|was|has been) (?:a|an|the)\b[^.]{{0,100}}?\b(?:writer|reporter|editor"
    r"|correspondent|columnist|contributor|journalist|author|producer|critic|photographer)s?\b"
    r"|\b(?:can|may) be reached at\b|^(?:e-?mail|contact|reach) (?:[A-Z][\w'’.-]+ ?){1,4}at \S+@"
)
"""An author's note ending a page ("Ann Lee is a staff writer at …", "… may be reached at …")."""


_LIST_ITEM = re.compile(rf"^(?:{DATED.pattern}|\d{{1,2}}[.)]\s)(?!(?:\S+\s+){{20}})")
"""A dated or numbered item of a list (under 20 words after its opening): a list the last
paragraph announces with a colon ("The tour dates:") is the article's."""


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


def outside_article(
    lines: list[str],
    *,
    header: frozenset[int] = frozenset(),
    footer: frozenset[int] = frozenset(),
    gaps: Mapping[int, int] | None = None,
) -> set[int]:
    """Lines of a plain-text scrape outside its article (menus, teasers, footers sit there).

    Outside: before the first line of prose or after the last, less the sentences right next
    to them and the end of a hard-wrapped last paragraph, and less the author's notes that
    end the prose; and a comment section (from its
    heading, "12 thoughts on “…”", "Leave a reply", down).

    ``header`` and ``footer`` say where known page furniture stands: ``k`` in ``header`` when a
    byline or timestamp comes right before line ``k``, in ``footer`` when a copyright notice
    does; ``gaps[k]`` is how many furniture lines come right before line ``k``. A byline after
    at most `HEAD_PROSE` lines of prose, in a block of `HEAD_GAP` or more lines that are not
    prose, marks those lines as the page's header (a standfirst, a photo caption); a dated
    copyright notice ends the article.

    Thresholds (`PROSE_WORDS`, `EDGE_WORDS`) were chosen by 5-fold cross-validation over pages
    (bench/debris_text.py --cv).

    >>> sorted(outside_article(["Home", "World", "Kerry said on Monday that the talks with "
    ...     "Russia would end this week.", "He left the room on Monday.", "Most read"]))
    [0, 1, 4]
    """
    prose = [n for n in range(len(lines)) if _prose(lines, n)]
    if not prose:
        return set()
    after = range(prose[0] + 1, len(lines))
    cut = next((n for n in after if n in footer or _COMMENTS.match(lines[n].strip())), len(lines))
    kept = _after_header([n for n in prose if n < cut], header, gaps or {})
    if not kept:
        return set()
    cut = _sign_off(lines, kept, cut)
    kept = [n for n in kept if n < cut]
    while len(kept) > 1 and _SIGN_OFF.search(lines[kept[-1]]):
        kept.pop()
    start, end = kept[0], kept[-1]
    floor = max((k for k in header if k <= start), default=0)
    while start > floor and _edge_sentence(lines[start - 1]):
        start -= 1
    end = _article_end(lines, end, cut)
    return set(range(start)) | set(range(end + 1, len(lines)))


def _article_end(lines: list[str], end: int, cut: int) -> int:
    """The last prose line ``end`` with the sentences, wrapped tail and list that follow it."""
    while (
        end + 1 < cut
        and not _SIGN_OFF.search(lines[end + 1])
        and (_edge_sentence(lines[end + 1]) or _runs_on(lines, end))
    ):
        end += 1
    if lines[end].rstrip().endswith(":") or _LIST_ITEM.match(lines[end]):
        while end + 1 < cut and _LIST_ITEM.match(lines[end + 1]):
            end += 1
    return end


_ABOUT = re.compile(
    r"^(?i:about|sobre|über|à propos de|acerca de)\s+"
    r"(?:the author|[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3})$"
)
"""The heading of an author's or a company's profile ("About Ann Lee", "Sobre Ana Lima")."""
TAIL_PROSE = 2


def _sign_off(lines: list[str], kept: list[int], cut: int) -> int:
    """Where an author's note or an "About …" heading followed by little prose ends the text."""
    for n in range(kept[0] + 1, cut):
        signed = _SIGN_OFF.search(lines[n]) or _ABOUT.match(lines[n].strip())
        if signed and sum(1 for k in kept if k > n) <= TAIL_PROSE:
            return n
    return cut


HEAD_PROSE = 2
"""At most this many lines of prose stand between a page's title and its byline."""


def _after_header(
    prose: list[int], header: frozenset[int], gaps: Mapping[int, int]
) -> list[int]:
    """The prose lines less those before a byline that follows the first few of them.

    The byline must stand in a header block: at least `HEAD_GAP` lines (furniture or short
    lines) between the prose before it and the prose after it.
    """
    before_all = prose
    for mark in sorted(header):
        before = [n for n in before_all if n < mark]
        after = [n for n in before_all if n >= mark]
        if len(before) > HEAD_PROSE or not after:
            break
        if not before:
            continue
        last, first = before[-1], after[0]
        between = first - last - 1 + sum(gaps.get(k, 0) for k in range(last + 1, first + 1))
        if between >= HEAD_GAP:
            prose = [n for n in prose if n >= mark]
    return prose


HEAD_GAP = 2
"""A byline, a timestamp, a share bar: a header block is at least two lines."""


def _edge_sentence(line: str) -> bool:
    return EDGE_WORDS > 0 and _words(line) >= EDGE_WORDS and bool(_PROSE_END.search(line))
