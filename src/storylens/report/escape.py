"""One escaping rule per output format, applied where article strings enter a renderer.

Article text (and ids, outlets, titles) is untrusted. Whatever it holds, it shows as text:

- **terminal** (`terminal_text`, `terminal_safe`): C0/C1 control characters and ESC/CSI/OSC
  sequences cannot reach the terminal (each control character becomes its visible Unicode
  picture, so lengths and offsets are kept); rich markup is never interpreted (the report
  consoles run with ``markup=False``; `terminal_markup` escapes for a console that has it).
- **Markdown** (`markdown_text`, `markdown_code`): ``& < >`` become entities (no raw HTML)
  and every other character that can open a CommonMark construct inline (code spans,
  emphasis, links, images, table pipes) is backslash-escaped; a line cannot start a heading
  or list; ids go in code spans whose fence is longer than any run of backticks inside.
- **CSV** (`csv_cell`): a cell starting with ``= + - @`` tab or carriage return gets a leading
  ``'`` (OWASP's advice against formula injection); the csv module quotes the rest.
- **HTML** (`html_text`): `html.escape`, quotes included.

In every format the bidirectional embedding, override and isolate controls (U+202A–U+202E,
U+2066–U+2069, "Trojan Source") are replaced by U+FFFD, so text cannot reorder what is shown
around it.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import re
from typing import Any, TypeVar

import orjson
from rich.markup import escape as rich_escape

T = TypeVar("T")

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Embedding, override and isolate controls; the marks (U+200E, U+200F) are left alone."""

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What `terminal_text` replaces: C0 but tab and newline, DEL, C1, bidi controls."""

_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]!|~$])")
_MARKDOWN_LINE_START = re.compile(r"^(\s*\d*)([#+=.)-])")

CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def strip_bidi(text: str) -> str:
    """``text`` with bidi embedding/override/isolate controls replaced by U+FFFD."""
    return BIDI_CONTROLS.sub("\ufffd", text)


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def terminal_text(text: str) -> str:
    r"""``text`` that cannot control a terminal: control characters shown as their pictures.

    ESC becomes ␛, so ``ESC[2J`` prints as the harmless text ``␛[2J``; same length as before.

    >>> terminal_text("a\x1b[2Jb\x07")
    'a␛[2Jb␇'
    """
    return _CONTROLS.sub(_picture, text) if _CONTROLS.search(text) else text


def terminal_markup(text: str) -> str:
    """`terminal_text`, with rich markup escaped, for a console that interprets markup."""
    return rich_escape(terminal_text(text))


def terminal_safe(value: T) -> T:
    """``value`` (a model object, tuple, list, dict or str) with `terminal_text` on every string.

    Renderers call this once on what they are given, so no string can enter a terminal
    report unescaped; objects without such a string are returned as they are. Whether there
    is such a string at all is first looked up in the value's JSON text (`_may_control`),
    which is much faster than walking every object of a large comparison.
    """
    if not _may_control(value):
        return value
    return _walk(value, terminal_text)  # type: ignore[no-any-return]


_CONTROLS_IN_JSON = re.compile(
    rb"\\(?:[bfr]|u00[01][0-9a-fA-F])|\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]"
)
"""What `_CONTROLS` matches, as orjson writes it: C0 escaped (``\\b``, ``\\u001b``; tab and
newline are ``\\t``, ``\\n``), DEL, C1 and the bidi controls as their UTF-8 bytes."""


def _may_control(value: Any) -> bool:
    """False only when no string in ``value`` holds a character `terminal_text` replaces.

    Read from the value's JSON text: a value orjson cannot write (a lone surrogate, a type it
    does not know) counts as holding one, and so does an escaped backslash before ``b``, ``f``
    or ``r`` (a harmless false alarm: the value is then walked).
    """
    try:
        text = orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS)
    except (TypeError, orjson.JSONEncodeError):
        return True
    return _CONTROLS_IN_JSON.search(text) is not None


def _walk(value: Any, clean: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, int | float | bool) or value is None:
        return value
    if isinstance(value, tuple):
        items = tuple(_walk(v, clean) for v in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(value, list):
        return [_walk(v, clean) for v in value]
    if isinstance(value, dict):
        return {_walk(k, clean): _walk(v, clean) for k, v in value.items()}
    names = _field_names(type(value))  # type: ignore[arg-type]
    if not names:
        return value
    changes = {}
    for name in names:
        old = getattr(value, name)
        new = _walk(old, clean)
        if new is not old:
            changes[name] = new
    return dataclasses.replace(value, **changes) if changes else value


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    """The init fields of a dataclass type (none for any other type)."""
    if not dataclasses.is_dataclass(kind):
        return ()
    return tuple(f.name for f in dataclasses.fields(kind) if f.init)


def markdown_text(text: str) -> str:
    r"""``text`` as literal Markdown: no code span, emphasis, link, image, HTML or table cell.

    ``& < >`` become entities (no raw HTML, no entity of the article's own); the other
    characters that open a construct are backslash-escaped.

    >>> markdown_text("![x](http://e.example) `a` <b>")
    '\\!\\[x\\](http://e.example) \\`a\\` &lt;b&gt;'
    >>> markdown_text("# not a heading")
    '\\# not a heading'
    >>> markdown_text("1. not a list")
    '1\\. not a list'
    """
    entities = html.escape(terminal_text(strip_bidi(text)), quote=False)
    escaped = _MARKDOWN_INLINE.sub(r"\\\1", entities)
    return _MARKDOWN_LINE_START.sub(r"\1\\\2", escaped, count=1)


def markdown_code(text: str) -> str:
    """``text`` as one Markdown code span, whatever backticks it holds.

    >>> markdown_code("a`b")
    '``a`b``'
    """
    flat = " ".join(terminal_text(strip_bidi(text)).split())
    runs = [len(r) for r in re.findall("`+", flat)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def csv_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula (OWASP).

    >>> csv_cell("=cmd|' /C calc'!A0")
    "'=cmd|' /C calc'!A0"
    >>> csv_cell(3)
    3
    """
    if not isinstance(value, str):
        return value
    value = strip_bidi(value)
    return f"'{value}" if value.startswith(CSV_FORMULA_STARTS) else value


def html_text(text: str) -> str:
    """``text`` escaped for HTML text and attribute values.

    >>> html_text('<a href="x">')
    '&lt;a href=&quot;x&quot;&gt;'
    """
    return html.escape(strip_bidi(text), quote=True)
