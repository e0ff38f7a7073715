"""The JSON API on the store built from the fixtures: every endpoint, its errors, its limits."""

from __future__ import annotations

import json
import sqlite3

import httpx
import jsonschema
import pytest

from storylens.schema import comparison_schema
from storylens.serve.service import Gate
from tests.conftest import OPPOSING_VIEWS, PJ_MEDIA
from tests.serve.conftest import LiveServer, ingest

SECURITY_HEADERS = ("content-security-policy", "x-content-type-options")


def assert_error(response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert "Traceback" not in response.text


def test_stories_lists_each_with_outlets_and_dates(client, stories):
    body = client.get("/api/stories").json()
    assert body["total"] == 3
    bridge = stories["Bridge"]
    assert {"Riverton Ledger", "Valley Courier", "Metro Wire"} <= set(bridge["outlets"])
    assert (bridge["first"], bridge["last"]) == ("2024-05-14", "2024-05-15")


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"q": "harlan"}, {"Harlan"}),
        ({"q": "Maria Chen"}, {"Harlan"}),  # a speaker's name (entity)
        ({"q": "Riverton Ledger"}, {"Bridge"}),  # an outlet
        ({"q": "plutonium"}, {"Kerry"}),  # a word of the text only
        ({"q": "harlan bridge"}, set()),  # every word must match
        ({"outlet": "Harlan Herald"}, {"Harlan"}),
        ({"min_outlets": "4"}, {"Bridge"}),
        ({"since": "2024-05-15", "until": "2024-05-15"}, {"Bridge", "Harlan"}),
        ({"until": "2024-05-14"}, {"Bridge"}),
    ],
)
def test_stories_search_and_filters(client, stories, params, words):
    found = {s["id"] for s in client.get("/api/stories", params=params).json()["stories"]}
    assert found == {stories[w]["id"] for w in words}


def test_stories_sort_and_paging(client, stories):
    by_outlets = client.get("/api/stories", params={"sort": "outlets"}).json()["stories"]
    assert by_outlets[0]["id"] == stories["Bridge"]["id"]
    first = client.get("/api/stories", params={"per_page": 1, "page": 1}).json()
    second = client.get("/api/stories", params={"per_page": 1, "page": 2}).json()
    assert first["total"] == second["total"] == 3
    assert first["stories"][0]["id"] != second["stories"][0]["id"]


@pytest.mark.parametrize(
    "params",
    [
        {"since": "yesterday"},
        {"sort": "random"},
        {"page": "0"},
        {"per_page": "1000"},
        {"min_outlets": "x"},
    ],
)
def test_stories_bad_parameters(client, params):
    assert_error(client.get("/api/stories", params=params), 400, "bad_request")


def test_search_syntax_is_never_fts_syntax(client):
    for text in ['"', "NEAR(", "a OR", "*", "title:x", "') ; DROP TABLE stories; --"]:
        assert client.get("/api/stories", params={"q": text}).status_code == 200
    assert client.get("/api/stories").json()["total"] == 3


def test_story_is_a_comparison_document(client, stories):
    body = client.get(f"/api/stories/{stories['Harlan']['id']}").json()
    story = body.pop("story")
    assert story["title"].startswith("Storm closes")
    jsonschema.validate(body, comparison_schema())
    outlets = {a["outlet"] for a in body["comparison"]["articles"]}
    assert outlets == {"Valley Courier", "Metro Wire", "Harlan Herald"}


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/stories/abc", 400, "bad_id"),
        ("/api/stories/-1", 400, "bad_id"),
        ("/api/stories/99999", 404, "not_found"),
        ("/api/articles/no-such-article", 404, "not_found"),
        ("/api/articles/" + "x" * 300, 400, "bad_id"),
        ("/api/nothing-here", 404, "not_found"),
    ],
)
def test_bad_ids(client, path, status, code):
    assert_error(client.get(path), status, code)


def test_article_with_its_analysis(client):
    body = client.get("/api/articles/storm-2").json()
    assert body["schema"] == "storylens.analysis"
    assert body["article"]["outlet"] == "Harlan Herald"
    assert any("Maria Chen" in e["name"] for e in body["analysis"]["entities"])
    assert isinstance(body["story_id"], int)


def records() -> list[dict]:
    return [
        {"text": PJ_MEDIA.read_text(encoding="utf-8"), "outlet": "PJ Media"},
        {"text": OPPOSING_VIEWS.read_text(encoding="utf-8"), "outlet": "Opposing Views"},
    ]


def test_compare_two_articles_without_storing(client, store_db):
    before = client.get("/api/stories").json()["total"]
    response = client.post("/api/compare", json={"articles": records()})
    assert response.status_code == 200, response.text
    body = response.json()
    jsonschema.validate(body, comparison_schema())
    assert [a["outlet"] for a in body["comparison"]["articles"]] == ["PJ Media", "Opposing Views"]
    assert body["comparison"]["summary"]["sentences"]
    assert client.get("/api/stories").json()["total"] == before


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (b"{not json", 400, "malformed_json"),
        (b"\xff\xfe\x00", 400, "malformed_json"),
        (b"[1, 2]", 400, "bad_request"),
        (json.dumps({"articles": "two"}).encode(), 400, "bad_request"),
        (json.dumps({"articles": [{"text": "One article."}]}).encode(), 422, "too_few_articles"),
        (json.dumps({"articles": [{"text": "x"}] * 31}).encode(), 413, "too_many_articles"),
        (
            json.dumps({"articles": [{"title": "no text"}, {"text": "b"}]}).encode(),
            422,
            "bad_article",
        ),
        (
            json.dumps({"articles": [{"text": "a" * 250_000}, {"text": "b"}]}).encode(),
            413,
            "too_large",
        ),
    ],
)
def test_compare_refuses_bad_bodies(client, body, status, code):
    response = client.post(
        "/api/compare", content=body, headers={"content-type": "application/json"}
    )
    assert_error(response, status, code)


def test_compare_refuses_oversized_body(client):
    response = client.post("/api/compare", content=b"x" * (5 * 1024 * 1024))
    assert_error(response, 413, "too_large")


def test_compare_refused_when_busy(app, client):
    service = app.state.service
    saved, service.compare_gate = service.compare_gate, Gate(slots=1, queue=0)
    try:
        with service.compare_gate.enter():
            response = client.post("/api/compare", json={"articles": records()})
        assert_error(response, 503, "busy")
    finally:
        service.compare_gate = saved


def test_security_headers_everywhere(client, stories):
    for path in (
        "/",
        "/api/stories",
        "/api/stories/abc",
        "/nothing",
        f"/stories/{stories['Harlan']['id']}",
    ):
        response = client.get(path)
        csp = response.headers["content-security-policy"]
        assert "default-src 'none'" in csp
        assert "script" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"


def test_foreign_host_refused(client):
    assert client.get("/api/stories", headers={"host": "attacker.example"}).status_code == 400


def test_openapi_names_every_endpoint_and_error_code(client):
    body = client.get("/api/openapi.json").json()
    assert set(body["paths"]) == {
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/articles/{article_id}",
        "/api/compare",
    }
    codes = body["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"]
    assert {"bad_id", "not_found", "malformed_json", "too_large", "busy"} <= set(codes["enum"])


def test_store_is_read_only(app):
    connection = app.state.service.connection()
    with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only|query_only"):
        connection.execute("CREATE TABLE intruder (x)")


def test_real_server_errors_then_still_serves(live):
    with httpx.Client(base_url=live.url, timeout=30) as http:
        assert_error(http.post("/api/compare", content=b"{oops"), 400, "malformed_json")
        assert_error(http.post("/api/compare", content=b"x" * (5 * 1024 * 1024)), 413, "too_large")
        assert_error(http.get("/api/stories/zero"), 400, "bad_id")
        response = http.get("/api/stories")
        assert response.status_code == 200
        assert response.json()["total"] >= 3
        assert http.get("/").headers["x-content-type-options"] == "nosniff"


NEW_STORY = {
    "id": "ferry-0",
    "outlet": "Coast Daily",
    "title": "Ferry service to Gull Island resumes after engine repairs",
    "text": "The Gull Island ferry carried passengers again on Monday after two weeks in dry dock "
    "for engine repairs.\n\nThe harbor authority said the boat would run its full summer "
    "timetable, eight crossings a day, from June.",
    "date": "2024-05-20T09:00:00Z",
}


def test_ingest_while_serving_shows_on_reload(tmp_path):
    db = tmp_path / "growing.db"
    ingest(db, PJ_MEDIA, OPPOSING_VIEWS)
    with LiveServer(db) as server, httpx.Client(base_url=server.url, timeout=30) as http:
        assert http.get("/api/stories").json()["total"] == 1
        extra = tmp_path / "new.jsonl"
        extra.write_text(json.dumps(NEW_STORY) + "\n", encoding="utf-8")
        ingest(db, extra)
        found = http.get("/api/stories", params={"q": "ferry"}).json()
        assert found["total"] == 1
        assert found["stories"][0]["outlets"] == ["Coast Daily"]
        assert http.get("/articles/ferry-0").status_code == 200


def test_serve_refuses_a_missing_or_older_store(tmp_path):
    from click.testing import CliRunner

    from storylens.cli import main

    missing = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1
    assert "no storylens store" in missing.output
    old = tmp_path / "old.db"
    with sqlite3.connect(old) as connection:
        connection.execute("CREATE TABLE articles (id INTEGER)")
        connection.execute("PRAGMA user_version = 3")
    result = CliRunner().invoke(main, ["serve", "--db", str(old)])
    assert result.exit_code == 1
    assert "older than this storylens" in result.output
    assert "Traceback" not in result.output
