from __future__ import annotations

import json

from storylens.io import dumps, from_json
from storylens.model import Analysis


def test_seed_analyses_round_trip_through_jsonl(seed_analyses):
    for analysis in seed_analyses.values():
        line = dumps(analysis)
        assert from_json(Analysis, json.loads(line)) == analysis
