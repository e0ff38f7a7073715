"""Hypothesis throws generated hostile records at the whole pipeline (read, clean, analyze).

Whatever the mix: no exception escapes, every good record comes out (hostile characters in
its fields included), and each bad record has exactly one issue, on one line.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storylens.ingest.bounds import MAX_ID_CHARS
from storylens.pipeline import analyze_paths
from tests.reliability.conftest import BRIDGE, FLOOD

TEXTS = BRIDGE + FLOOD

HOSTILE_CHARS = st.sampled_from(
    [
        "\x1b[2J",
        "\x1b]0;t\x07",
        "[/bold]",
        "[link=http://e.example]",
        "\ud800",
        "\u202e",
        "`",
        "<script>",
        "![i](http://e.example/i.png)",
        "\n",
        "\x00",
        "=cmd|",
        "é",
        "’",
    ]
)
FIELD = st.lists(st.one_of(HOSTILE_CHARS, st.text(max_size=8)), max_size=6).map("".join)


@st.composite
def good_record(draw: st.DrawFn, n: int) -> tuple[str, str]:
    """A valid article whose metadata may hold any hostile characters."""
    text = draw(st.sampled_from(TEXTS)) + draw(FIELD).replace("\x00", "")
    fields = {"id": f"good-{n}", "text": text, "outlet": draw(FIELD), "title": draw(FIELD)}
    if draw(st.booleans()):
        fields["date"] = draw(st.sampled_from(["2016-01-07", "2024-02-29", "not a date", ""]))
    if draw(st.booleans()):
        fields["extra"] = draw(st.recursive(FIELD, lambda c: st.lists(c, max_size=3), max_leaves=6))
    return f"good-{n}", json.dumps(fields)


@st.composite
def bad_record(draw: st.DrawFn, n: int) -> str:
    """A line that cannot be an article (each kind the reader must name)."""
    kind = draw(st.sampled_from(["broken", "array", "no text", "long id", "deep", "blank text"]))
    if kind == "broken":
        return '{"id": "bad-' + str(n) + '", "text": "unterminated'
    if kind == "array":
        return json.dumps([1, 2, n])
    if kind == "no text":
        return json.dumps({"id": f"bad-{n}", "title": draw(FIELD)})
    if kind == "long id":
        return json.dumps({"id": "i" * (MAX_ID_CHARS + 1 + n), "text": BRIDGE[0]})
    if kind == "deep":
        depth = draw(st.sampled_from([40, 5_000, 100_000]))
        return '{"text": "Some text.", "x": ' + "[" * depth + "]" * depth + "}"
    return json.dumps({"id": f"bad-{n}", "text": " \n\t "})


@st.composite
def corpus(draw: st.DrawFn) -> tuple[list[str], list[str], set[int]]:
    """JSONL lines, the good ids among them, and the line numbers of the bad ones."""
    lines: list[str] = []
    good: list[str] = []
    bad: set[int] = set()
    for n in range(draw(st.integers(2, 7))):
        if draw(st.booleans()):
            article_id, line = draw(good_record(n))
            good.append(article_id)
        else:
            line = draw(bad_record(n))
            bad.add(len(lines) + 1)
        lines.append(line)
    return lines, good, bad


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(corpus())
def test_no_hostile_record_stops_the_pipeline_or_costs_a_good_one(tmp_path: Path, drawn) -> None:
    lines, good, bad = drawn
    path = tmp_path / "fuzz.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    outcome = analyze_paths([str(path)])
    assert [a.article.id for a in outcome.analyses] == good
    failed = [i for i in outcome.issues if i.stage == "ingest" or i.code.value == "record_failed"]
    assert sorted(int(i.input.rsplit(":", 1)[1]) for i in failed) == sorted(bad)
    for issue in outcome.issues:
        assert "\n" not in issue.line()
        assert "\x1b" not in issue.line()
    for analysis in outcome.analyses:
        analysis.article.text.encode("utf-8")
        (analysis.article.outlet or "").encode("utf-8")
