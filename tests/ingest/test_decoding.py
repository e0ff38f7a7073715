"""Truthful decoding: each test is named for the failure it pins."""

from __future__ import annotations

import json

from click.testing import CliRunner

from storylens.cli import main
from storylens.ingest import read_inputs
from storylens.ingest.decode import Decoded, decode_bytes
from storylens.model import Issue, IssueCode, RawArticle

BODY = "The mayor said the café on Main Street would reopen on Monday after repairs."
RUSSIAN = "Министр иностранных дел заявил в понедельник, что переговоры о Сирии прекращены."


def _read(path):
    items = list(read_inputs([str(path)]))
    return (
        [i for i in items if isinstance(i, RawArticle)],
        [i for i in items if isinstance(i, Issue)],
    )


def test_utf8_file_with_stray_bytes_is_not_decoded_wholesale_as_cp1252():
    raw = BODY.encode("utf-8") + b" He called it \x93a fresh start\x94."
    decoded = decode_bytes(raw)
    assert isinstance(decoded, Decoded)
    assert "café" in decoded.text
    assert "cafÃ©" not in decoded.text
    assert "“a fresh start”" in decoded.text
    assert decoded.warning
    assert "stray" in decoded.warning


def test_html_meta_charset_windows_1251_is_honoured(tmp_path):
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        f"<title>Переговоры</title></head><body><article><p>{RUSSIAN}</p><p>{RUSSIAN}</p>"
        "</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1251"))
    articles, issues = _read(path)
    assert not issues
    assert RUSSIAN in articles[0].text


def test_html5_meta_charset_is_honoured_over_a_guess():
    page = f'<!doctype html><meta charset="koi8-r"><p>{RUSSIAN}</p>'.encode("koi8-r")
    decoded = decode_bytes(page)
    assert isinstance(decoded, Decoded)
    assert decoded.encoding == "koi8-r"
    assert RUSSIAN in decoded.text
    assert decoded.warning is None


def test_feed_declaring_iso_8859_1_is_read_in_that_charset(tmp_path):
    feed = (
        '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel>'
        "<title>Le Café du Commerce</title><item><title>Réouverture</title>"
        f"<description>{BODY}</description></item></channel></rss>"
    )
    path = tmp_path / "feed.xml"
    path.write_bytes(feed.encode("latin-1"))
    articles, _ = _read(path)
    assert articles[0].outlet == "Le Café du Commerce"
    assert "café" in articles[0].text


def test_undeclared_cyrillic_is_guessed_as_cyrillic_and_warned(tmp_path):
    path = tmp_path / "note.txt"
    path.write_bytes((RUSSIAN + "\n\n" + RUSSIAN).encode("cp1251"))
    articles, issues = _read(path)
    assert RUSSIAN in articles[0].text
    assert [i.code for i in issues] == [IssueCode.CHARSET_GUESSED]
    assert issues[0].warning


def test_utf16_jsonl_is_read(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"text": BODY, "outlet": "Gazette"}, ensure_ascii=False)] * 2
    path.write_bytes("\n".join(lines).encode("utf-16"))
    articles, issues = _read(path)
    assert not issues
    assert [a.text for a in articles] == [BODY, BODY]


def test_utf16_feed_without_bom_is_read(tmp_path):
    feed = (
        '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Gazette'
        f"</title><item><title>T</title><description>{BODY}</description></item></channel></rss>"
    )
    path = tmp_path / "feed.rss"
    path.write_bytes(feed.encode("utf-16-le"))
    articles, _ = _read(path)
    assert articles
    assert "café" in articles[0].text


def test_jsonl_line_with_stray_byte_is_kept_and_warned(tmp_path):
    good = json.dumps({"text": BODY}, ensure_ascii=False).encode("utf-8")
    bad = json.dumps({"text": "The council met on Tuesday. X"}).encode().replace(b"X", b"\x96 late")
    (tmp_path / "c.jsonl").write_bytes(good + b"\n" + bad + b"\n")
    articles, issues = _read(tmp_path / "c.jsonl")
    assert len(articles) == 2
    assert "– late" in articles[1].text
    assert [i.code for i in issues] == [IssueCode.CHARSET_GUESSED]


def test_empty_inputs_say_no_articles_found_and_exit_nonzero(tmp_path):
    (tmp_path / "empty.json").write_text("[]", encoding="utf-8")
    (tmp_path / "blank.jsonl").write_text("\n\n", encoding="utf-8")
    (tmp_path / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing</title></channel></rss>',
        encoding="utf-8",
    )
    for name in ("empty.json", "blank.jsonl", "feed.xml"):
        articles, issues = _read(tmp_path / name)
        assert not articles
        assert [i.code for i in issues] == [IssueCode.NO_ARTICLES], name
    result = CliRunner().invoke(main, ["analyze", str(tmp_path / "empty.json")])
    assert result.exit_code == 1
    assert "empty.json: no_articles: no articles found" in result.stderr
