"""The same 300 articles through the local engine and a Ray cluster give the same store."""

from __future__ import annotations

import pytest

from tests.engine.conftest import ingest_cli, stored

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def ray_run(tmp_path_factory, ray_address, inputs, bad_inputs):
    db = tmp_path_factory.mktemp("ray") / "ray.db"
    options = ("--engine", "ray", "--address", ray_address, "--workers", "2")
    return db, ingest_cli(db, [*inputs, *bad_inputs], *options)


def test_ray_stores_every_article_once(local_run, ray_run):
    local, ray = stored(local_run[0]), stored(ray_run[0])
    assert local["count"] == ray["count"] == 300
    # Every article has its analysis; a syndicated copy joins its original's story and keeps
    # no story vector of its own (the 300 hold two versions of one AP live blog).
    assert all(analysis for analysis, _, _ in ray["rows"].values())
    assert all(vector or copy_of for _, vector, copy_of in ray["rows"].values())


def test_ray_gives_the_local_stories(local_run, ray_run):
    local, ray = stored(local_run[0]), stored(ray_run[0])
    assert ray["stories"] == local["stories"]
    assert len(set(local["stories"].values())) < 300  # stories of several articles exist


def test_ray_gives_the_local_analyses_vectors_and_copies(local_run, ray_run):
    local, ray = stored(local_run[0]), stored(ray_run[0])
    assert ray["rows"].keys() == local["rows"].keys()
    different = [key for key, row in ray["rows"].items() if row != local["rows"][key]]
    assert not different


def test_bad_inputs_get_their_one_line_on_ray_as_locally(local_run, ray_run):
    for _, result in (local_run, ray_run):
        assert result.exit_code == 1
        lines = [line for line in result.stderr.splitlines() if "empty.txt" in line]
        assert len(lines) == 1
        assert "empty" in lines[0]
        assert sum("broken.jsonl:1" in line for line in result.stderr.splitlines()) == 1
    assert local_run[1].stderr.splitlines()[-1] == ray_run[1].stderr.splitlines()[-1].replace(
        str(ray_run[0]), str(local_run[0])
    )
