"""`storylens ingest` keeps a non-English article out of the store: one warning, no failure."""

from __future__ import annotations

from storylens.model import IssueCode
from storylens.store import CorpusWriter, Store, ingest_inputs

ENGLISH = (
    "Bridge closes to trucks\n\nThe county board voted on Tuesday to close the old river bridge "
    "to trucks after engineers found cracks in two of its supports, officials said.\n"
)
ARABIC = (
    "إغلاق الجسر\n\nصوت مجلس المقاطعة يوم الثلاثاء على إغلاق جسر النهر القديم أمام الشاحنات "
    "بعد أن وجد المهندسون شقوقا في اثنين من دعاماته.\n"
)


def test_non_english_article_is_not_stored_and_is_warned_not_failed(tmp_path):
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "ar.txt").write_text(ARABIC, encoding="utf-8")
    events = []
    with Store(tmp_path / "corpus.db") as store:
        summary = ingest_inputs(
            CorpusWriter(store),
            [str(tmp_path / "en.txt"), str(tmp_path / "ar.txt")],
            on_event=events.append,
        )
        stored = store.connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert stored == 1
    assert summary.ingested == 1
    assert not summary.issues
    warnings = [e.issue for e in events if e.issue is not None]
    assert [(w.code, w.warning) for w in warnings] == [(IssueCode.NOT_ENGLISH, True)]
