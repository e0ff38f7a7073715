"""No article text escapes its output: Markdown, terminal, CSV, HTML, error lines."""

from __future__ import annotations

import csv
import io
import os
import pty
import re
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from storylens.model import Span
from storylens.report.escape import (
    csv_cell,
    markdown_code,
    markdown_text,
    terminal_safe,
    terminal_text,
)
from tests.reliability.conftest import BRIDGE, record, run_cli

PWN = "document.body.setAttribute('data-pwned','1')"
HOSTILE_ID = f'x`<img src=x onerror="{PWN}">`'
HOSTILE_OUTLET = "![x](http://127.0.0.1:9/beacon.png) [/bold] \x1b]0;owned\x07Wire"
HOSTILE_TITLE = (
    "[link=http://evil.example]Click[/link] \x1b[2J\x1b]8;;http://evil.example\x07here"
    '\x1b]8;;\x07 \u202egnp.exe =HYPERLINK("http://evil.example")'
)
HOSTILE_TEXT = (
    f"<script>{PWN}</script> {BRIDGE[1]} "
    f'<img src=x onerror="{PWN}"> `code` **bold** [a](javascript:alert(1)) | pipe |'
)
SGR = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def hostile_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One honest account and one whose every field is hostile, of one story."""
    path = tmp_path_factory.mktemp("hostile") / "hostile.jsonl"
    path.write_text(
        record(BRIDGE[0], id="honest", outlet="Harbor Gazette", title="Bridge closes")
        + record(HOSTILE_TEXT, id=HOSTILE_ID, outlet=HOSTILE_OUTLET, title=HOSTILE_TITLE)
        + record(BRIDGE[2], id="third", outlet="=cmd|' /C calc'!A0", title="@SUM(1+1)"),
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def markdown_report(hostile_jsonl: Path) -> str:
    result = run_cli("compare", str(hostile_jsonl), "--format", "markdown")
    assert result.returncode == 0, result.stderr
    return result.stdout


def _dom(html_page: str, folder: Path) -> str:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    page = folder / "page.html"
    page.write_text(html_page, encoding="utf-8")
    result = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


def test_markdown_rendered_by_commonmark_in_chromium_runs_no_script_and_loads_no_image(
    markdown_report, tmp_path
):
    body = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown_report)
    dom = _dom(f"<!doctype html><html><body>{body}</body></html>", tmp_path)
    assert "<body>" in dom
    assert 'data-pwned="1"' not in dom
    assert "<img" not in dom
    assert "<script" not in dom
    assert 'href="javascript' not in dom
    assert "**bold**" in dom  # shown as written, not as emphasis


def test_a_backtick_in_an_id_cannot_break_out_of_its_code_span(markdown_report):
    body = MarkdownIt("commonmark", {"html": True}).render(markdown_report)
    assert "&lt;img src=x onerror" in body
    assert "<img" not in body


def test_an_image_in_an_outlet_is_no_image_request(markdown_report):
    body = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown_report)
    assert "127.0.0.1:9/beacon.png" in body
    assert "<img" not in body


def test_markdown_escape_keeps_every_character_readable():
    hostile = "a*b_c `d` [e](f) <g> & | # ~h~ $i$"
    rendered = MarkdownIt("commonmark").enable("table").render(markdown_text(hostile))
    assert (
        rendered.strip()
        == f"<p>{hostile.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</p>"
    )


def test_markdown_code_span_holds_any_backticks():
    for text in ("a`b", "``x``", "`lead", "trail`", "plain"):
        rendered = MarkdownIt("commonmark").renderInline(markdown_code(text))
        assert rendered == f"<code>{text}</code>"


def test_show_markdown_of_a_one_account_story_is_escaped(tmp_path):
    corpus = tmp_path / "one.jsonl"
    corpus.write_text(record(HOSTILE_TEXT, id="solo", outlet=HOSTILE_OUTLET, title=HOSTILE_TITLE))
    db = tmp_path / "one.db"
    assert run_cli("ingest", str(corpus), "--db", str(db), "--quiet").returncode == 0
    result = run_cli("show", "1", "--db", str(db), "--format", "markdown")
    assert result.returncode == 0, result.stderr
    body = MarkdownIt("commonmark", {"html": True}).render(result.stdout)
    assert "<img" not in body
    assert "\x1b" not in result.stdout
    assert "\u202e" not in result.stdout


def _through_a_terminal(*args: str) -> str:
    """Run the CLI with its standard output on a pseudo-terminal; everything it wrote there."""
    main, child = pty.openpty()
    command = [sys.executable, "-c", "from storylens.cli import main; main()", *args]
    env = {**os.environ, "COLUMNS": "120", "TERM": "xterm-256color"}
    # the report is on the terminal; stderr (progress spinner, issue lines) is not examined
    process = subprocess.Popen(
        command, stdin=child, stdout=child, stderr=subprocess.DEVNULL, env=env
    )
    os.close(child)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([main], [], [], 600)
        if not ready:
            break
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=600)
    os.close(main)
    assert process.returncode == 0, b"".join(chunks)[-2000:]
    return b"".join(chunks).decode("utf-8", errors="replace")


def test_terminal_report_passes_no_escape_sequence_or_markup_through(hostile_jsonl):
    output = _through_a_terminal("compare", str(hostile_jsonl))
    assert "\x1b[" in output  # it is a terminal: rich styles the report
    bare = SGR.sub("", output)
    assert "\x1b" not in bare  # no OSC title/hyperlink, no clear-screen, only colour
    assert "\x9b" not in bare
    assert "[/bold]" in bare  # markup shown as written, never interpreted
    assert "[link=http://evil.example]" in bare
    assert "\u202e" not in bare


def test_analyze_terminal_report_passes_no_escape_sequence_through(hostile_jsonl):
    bare = SGR.sub("", _through_a_terminal("analyze", str(hostile_jsonl)))
    assert "\x1b" not in bare
    assert "[/bold]" in bare


def test_stories_table_with_markup_in_a_title_does_not_crash(tmp_path, hostile_jsonl):
    db = tmp_path / "h.db"
    assert run_cli("ingest", str(hostile_jsonl), "--db", str(db), "--quiet").returncode == 0
    result = run_cli("stories", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout


def test_csv_export_neutralises_formula_cells(tmp_path, hostile_jsonl):
    db = tmp_path / "csv.db"
    assert run_cli("ingest", str(hostile_jsonl), "--db", str(db), "--quiet").returncode == 0
    result = run_cli("export", "--format", "csv", "--db", str(db))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    cells = [value for row in rows for value in row.values() if value]
    assert len(rows) == 3
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert "'=cmd|' /C calc'!A0" in {row["outlet"] for row in rows}
    assert "'@SUM(1+1)" in {row["title"] for row in rows}


def test_csv_cell_follows_owasp_for_every_formula_prefix():
    for prefix in ("=", "+", "-", "@", "\t", "\r"):
        assert csv_cell(f"{prefix}1+1") == f"'{prefix}1+1"
    assert csv_cell("plain") == "plain"
    assert csv_cell("a\u202eb") == "a\ufffdb"


def test_html_report_neutralises_bidi_overrides_and_runs_no_script(hostile_jsonl, tmp_path):
    result = run_cli("compare", str(hostile_jsonl), "--format", "html")
    assert result.returncode == 0, result.stderr
    assert "\u202e" not in result.stdout
    dom = _dom(result.stdout, tmp_path)
    assert 'data-pwned="1"' not in dom


def test_a_newline_in_a_file_name_cannot_forge_an_error_line(tmp_path):
    bad = tmp_path / "evil\nstorylens: error: forged.txt: empty: x.txt"
    bad.write_bytes(b"")
    result = run_cli("analyze", str(bad))
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert result.returncode == 1


def test_terminal_text_keeps_length_so_offsets_still_hold():
    text = "a\x1b[2J\x07\x9b\u202eb\n\tc"
    safe = terminal_text(text)
    assert len(safe) == len(text)
    for control in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert control not in safe
    assert safe.endswith("b\n\tc")


@pytest.mark.parametrize(
    "control",
    [chr(c) for c in range(0x110000) if terminal_text(chr(c)) != chr(c)],
    ids=lambda c: f"U+{ord(c):04X}",
)
def test_terminal_safe_escapes_every_control_character_inside_a_model_object(control):
    # terminal_safe skips objects whose JSON text shows no control character: that shortcut
    # must see every character terminal_text replaces, wherever it sits in a string.
    span = Span(start=0, end=3, text=f"a{control}b")
    assert terminal_safe((span,))[0].text == terminal_text(span.text)
    assert control not in terminal_safe({"k": [span]})["k"][0].text
