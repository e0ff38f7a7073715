"""Who and what each article covers: speaker × outlet, cited source × outlet, entity × outlet.

Entities are merged across articles first (`merge_entities`), so "Kerry" in one outlet and
"Secretary of State John Kerry" in another are one row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from storylens.compare.entities import MergedEntities
from storylens.model import Analysis, Span
from storylens.model.comparison import CoverageCell, CoverageRow, QuoteRef
from storylens.names import name_key

Entry = tuple[str, str, str, str, Span]
"""(key, name, kind, article_id, span) of one occurrence."""


def speaker_coverage(refs: Iterable[QuoteRef], article_order: Sequence[str]) -> list[CoverageRow]:
    """Speaker × outlet: how many quotes each speaker gets in each article."""
    entries = [
        (
            ref.speaker_key or f"?{name_key(ref.speaker)}",
            ref.speaker,
            "speaker",
            ref.article_id,
            ref.content,
        )
        for ref in refs
    ]
    return _rows(entries, article_order)


def source_coverage(
    analyses: Sequence[Analysis], merged: MergedEntities, article_order: Sequence[str]
) -> list[CoverageRow]:
    """Cited source × outlet, sources merged by entity or by name."""
    entries: list[Entry] = []
    for analysis in analyses:
        article_id = analysis.article.id
        for source in analysis.cited_sources:
            key = merged.key(article_id, source.entity_id) if source.entity_id else None
            key = key or name_key(source.name)
            entries.append((key, source.name, source.kind.value, article_id, source.span))
    return _rows(entries, article_order)


def entity_coverage(
    analyses: Sequence[Analysis], merged: MergedEntities, article_order: Sequence[str]
) -> list[CoverageRow]:
    """Entity × outlet: mentions of each merged entity in each article."""
    entries: list[Entry] = []
    for analysis in analyses:
        article_id = analysis.article.id
        for entity in analysis.entities:
            key = merged.key(article_id, entity.id) or name_key(entity.name)
            name, kind = merged.names.get(key, entity.name), entity.label.value
            entries += [(key, name, kind, article_id, m.span) for m in entity.mentions]
    return _rows(entries, article_order)


def _rows(entries: Iterable[Entry], article_order: Sequence[str]) -> list[CoverageRow]:
    """Rows ordered by how many articles have them, then total count, then name."""
    grouped: dict[str, dict[str, list[Span]]] = {}
    names: dict[str, tuple[str, str]] = {}
    for key, name, kind, article_id, span in entries:
        grouped.setdefault(key, {}).setdefault(article_id, []).append(span)
        names.setdefault(key, (name, kind))
    rows = []
    for key, cells in grouped.items():
        ordered = tuple(
            CoverageCell(
                article_id=a,
                count=len(cells[a]),
                spans=tuple(sorted(cells[a], key=lambda s: s.start)),
            )
            for a in article_order
            if a in cells
        )
        rows.append(CoverageRow(key=key, name=names[key][0], kind=names[key][1], cells=ordered))
    rows.sort(key=lambda r: (-len(r.cells), -sum(c.count for c in r.cells), r.name.lower()))
    return rows
