"""Print every article of one ECB+ story with numbered sentences and their character offsets.

What the judges read (GUIDE.md):

    python3 bench/gold/ecbplus_judged/print_event.py 14_ecb
"""

import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[4] / "shared" / "data" / "ecbplus-dev" / "articles.jsonl"

story = sys.argv[1]
with DATA.open(encoding="utf-8") as lines:
    for line in lines:
        a = json.loads(line)
        if a["story_id"] != story:
            continue
        print(f"\n=== article {a['id']}  outlet={a['outlet']}  url={a['url']}")
        for i, (s, e) in enumerate(a["sentences"]):
            print(f"  [{i}] ({s}-{e}) {a['text'][s:e]}")
