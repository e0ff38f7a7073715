"""A stored copy through the real server: the API and the article page say whether it is partial."""

from __future__ import annotations

import json

import httpx
import jsonschema

from tests.serve.conftest import LiveServer, ingest

ORIGINAL = [
    "The county water board voted on Tuesday to close the Millbrook reservoir for six months "
    "while engineers replace the spillway gates, which were installed in 1962.",
    "Board chair Denise Albright said the gates had failed two inspections in a row and that "
    "the repair could not wait for the dry season. Residents of the eastern districts will "
    "draw water from the Pine Hollow treatment plant until the work is finished.",
    "The contract, worth 14 million dollars, went to a firm from Dayton that has rebuilt "
    "three other dams in the state. Work is due to begin on the first of March.",
    "Anglers and boat owners objected at the meeting. A marina owner told the board that "
    "half of his summer income came from visitors to the lake and asked for a delay.",
    "The board answered that the lake would reopen before the Labor Day weekend if the "
    "weather allowed, and that a fund for affected businesses would be discussed in April.",
    "Engineers will lower the water level by about a foot a day starting next week, the "
    "board said, and the boat ramps will close once the level falls below the docks.",
]


def _records() -> list[dict[str, str]]:
    body = "\n\n".join(ORIGINAL)
    full = "Home | News | Sports\n\n" + body + "\n\nShare this story\n\nComments (3)"
    cut = "\n\n".join(ORIGINAL[:3]) + "\n\nRead more"
    common = {"title": "Millbrook reservoir to close for spillway repair"}
    return [
        {**common, "id": "reservoir-original", "outlet": "Millbrook Gazette", "text": body},
        {**common, "id": "reservoir-full", "outlet": "Tri-County Post", "text": full},
        {**common, "id": "reservoir-cut", "outlet": "Lakeside Weekly", "text": cut},
    ]


def test_api_and_page_show_whether_a_copy_is_partial(tmp_path):
    corpus = tmp_path / "reservoir.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in _records()), encoding="utf-8")
    db = tmp_path / "copies.db"
    ingest(db, corpus)
    with LiveServer(db) as server, httpx.Client(base_url=server.url, timeout=30) as http:
        found = {
            name: http.get(f"/api/articles/reservoir-{name}").json()
            for name in ("original", "full", "cut")
        }
        described = http.get("/api/openapi.json").json()["paths"]["/api/articles/{article_id}"]
        page = http.get("/articles/reservoir-cut").text
        full_page = http.get("/articles/reservoir-full").text
    assert found["original"]["copy_of"] is None
    assert found["original"]["partial_copy"] is None
    assert found["full"]["copy_of"] == found["cut"]["copy_of"] == "reservoir-original"
    assert (found["full"]["partial_copy"], found["cut"]["partial_copy"]) == (False, True)
    schema = described["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    for body in found.values():
        jsonschema.validate(body, schema)
    assert "partial_copy" in schema["properties"]
    assert "partial syndicated copy of" in page
    assert "syndicated copy of" in full_page
    assert "partial syndicated copy" not in full_page
