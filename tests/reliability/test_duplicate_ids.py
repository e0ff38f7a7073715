"""Two inputs with one article id never have their sentences mixed in a comparison."""

from __future__ import annotations

import json

from click.testing import CliRunner

from storylens.cli import main
from tests.conftest import OPPOSING_VIEWS, PJ_MEDIA


def test_compare_of_two_inputs_sharing_an_id_leaves_the_second_out_with_one_line(tmp_path):
    council = (
        "Riverton council approves budget\n\nThe Riverton city council voted 7-2 on Tuesday "
        "to approve a $412 million budget, adding three bus routes.\n"
    )
    records = tmp_path / "same_id.jsonl"
    records.write_text(
        "\n".join(
            json.dumps({"id": "story-1", "outlet": outlet, "text": text})
            for outlet, text in [
                ("PJ Media", PJ_MEDIA.read_text(encoding="utf-8")),
                ("Riverton Ledger", council),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["compare", str(records), str(OPPOSING_VIEWS), "--format", "json"]
    )
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if "duplicate_id" in line]
    assert len(errors) == 1
    assert "same_id.jsonl:2" in errors[0]
    document = json.loads(result.stdout)["comparison"]
    outlets = {a["outlet"] for a in document["articles"]}
    assert outlets == {"PJ Media", "Opposing Views"}
    texts = " ".join(f["span"]["text"] for f in document["facts"])
    assert "Riverton" not in texts
