"""Compare one story across outlets: ``compare_analyses(analyses) -> Comparison``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from storylens.compare.agreement import apart
from storylens.compare.align import AlignmentSettings, link_facts
from storylens.compare.copies import accounts, copy_roots, with_accounts
from storylens.compare.coverage import entity_coverage, source_coverage, speaker_coverage
from storylens.compare.disputes import value_conflicts
from storylens.compare.entities import MergedEntities, merge_entities
from storylens.compare.evidence import short_label, story_title, with_evidence
from storylens.compare.facts import split_facts
from storylens.compare.features import (
    ContentWords,
    embed_facts,
    fact_features,
    lexical_candidates,
    termless,
)
from storylens.compare.near import loose_near
from storylens.compare.quote_groups import quote_groups, speaker_conflicts
from storylens.compare.quotes import QuoteHit, match_quotes, quote_refs
from storylens.compare.rows import build_rows, lexical_near, sibling_near
from storylens.compare.summary import summarize_rows
from storylens.compare.timeline import build_timeline
from storylens.compare.utterances import same_utterances
from storylens.embedding import Vectors, WordEncoder, default_encoder
from storylens.errors import ConfigError
from storylens.model import Analysis, FramingProfile, Issue, IssueCode, Span
from storylens.model.comparison import (
    AlignedFact,
    ArticleRef,
    Comparison,
    Conflict,
    Fact,
    Link,
    LinkKind,
    Omission,
    QuoteGroup,
    QuoteRef,
)

QUOTE_SCORE = 0.9
"""Score of a quote link (0.9 to 1.0 with the share of words matched): above most paraphrase
links' probabilities, below the surest."""


class TooFewArticles(ConfigError):
    """A comparison needs two or more articles."""


class UnframedAnalysis(ConfigError):
    """An analysis without its framing profile (made outside `storylens.pipeline`)."""


class DuplicateArticleIds(ConfigError):
    """Two analyses with one article id: their facts would be mixed (see `distinct_ids`)."""


def distinct_ids(analyses: Sequence[Analysis]) -> tuple[list[Analysis], list[Issue]]:
    """The analyses with the first of each article id kept; each later one is an `Issue`.

    Facts, rows and quotes are keyed by article id, so two inputs that share one would have
    their sentences mixed into one account. The later input is left out with one error line
    naming it and the input it collides with; the others are still compared.
    """
    first: dict[str, str] = {}
    kept: list[Analysis] = []
    dropped: list[Issue] = []
    for analysis in analyses:
        article = analysis.article
        if article.id in first:
            dropped.append(
                Issue(
                    input=article.input,
                    code=IssueCode.DUPLICATE_ID,
                    detail=f"left out: the article id {article.id!r} is also the id of "
                    f"{first[article.id]}; give each input its own id",
                    stage="compare",
                    article_id=article.id,
                )
            )
            continue
        first[article.id] = article.input
        kept.append(analysis)
    return kept, dropped


def compare_analyses(
    analyses: Sequence[Analysis],
    *,
    encoder: WordEncoder | None = None,
    settings: AlignmentSettings | None = None,
    issues: Sequence[Issue] = (),
) -> Comparison:
    """Compare analysed articles of one story: facts, quotes, conflicts, sources and entities.

    The comparison also carries the neutral summary, the timeline and each article's framing.

    Example:
        >>> from storylens.pipeline import analyze_paths
        >>> outcome = analyze_paths(["examples/"])
        >>> comparison = compare_analyses(outcome.analyses)
        >>> [a.outlet for a in comparison.articles]
        ['PJ Media', 'Opposing Views']
    """
    order = _checked_order(analyses)
    merged = merge_entities(analyses)
    facts = [fact for analysis in analyses for fact in split_facts(analysis)]
    refs = [ref for analysis in analyses for ref in quote_refs(analysis, merged)]
    hits = match_quotes(refs)
    settings = settings or AlignmentSettings()
    scores: dict[tuple[int, int], float] = {}
    encoder = encoder or default_encoder()
    links, embedded = _fact_links(analyses, facts, merged, hits, encoder, settings, scores)
    rows = build_rows(facts, links, scores, order, near=settings.near)
    roots = copy_roots(facts, order)
    vectors, words = _embed_rest(facts, encoder, *embedded)
    rows = _with_near(rows, facts, (vectors, words), roots, settings)
    conflicts, groups = _disputes(analyses, facts, rows, hits, scores, roots)
    return Comparison(
        articles=_article_refs(analyses, roots),
        facts=tuple(facts),
        rows=tuple(rows),
        omissions=_omissions(rows, order),
        quote_matches=tuple(h.match for h in hits),
        quote_groups=tuple(groups),
        speakers=tuple(speaker_coverage(refs, order)),
        conflicts=tuple(conflicts),
        sources=tuple(source_coverage(analyses, merged, order)),
        entities=tuple(entity_coverage(analyses, merged, order)),
        summary=summarize_rows(
            rows, analyses, conflicts, roots=roots, quoted=_quoted(conflicts, groups)
        ),
        timeline=build_timeline(analyses),
        framing=tuple(_profile(analysis) for analysis in analyses),
        issues=tuple(issues),
        title=story_title(analyses),
    )


def _with_near(
    rows: Sequence[AlignedFact],
    facts: Sequence[Fact],
    embedded: tuple[Vectors, Sequence[ContentWords]],
    roots: dict[str, str],
    settings: AlignmentSettings,
) -> list[AlignedFact]:
    """The rows with each member's near statements in other articles (`loose_near`, siblings)."""
    vectors, words = embedded
    rows = loose_near(
        rows,
        facts,
        vectors,
        words,
        roots,
        cosine=settings.near_cosine,
        cover=settings.near_cover,
        per_account=settings.near_per_account,
    )
    return sibling_near(rows)


def _checked_order(analyses: Sequence[Analysis]) -> list[str]:
    """The article ids in input order; two or more, none repeated (else the error says which)."""
    ids = [a.article.id for a in analyses]
    if len(set(ids)) < len(ids):
        raise DuplicateArticleIds("two analyses share an article id: drop them with distinct_ids")
    if len(ids) < 2:
        raise TooFewArticles(f"compare needs two or more articles, got {len(analyses)}")
    return ids


def _disputes(
    analyses: Sequence[Analysis],
    facts: Sequence[Fact],
    rows: Sequence[AlignedFact],
    hits: Sequence[QuoteHit],
    scores: dict[tuple[int, int], float],
    roots: dict[str, str],
) -> tuple[list[Conflict], list[QuoteGroup]]:
    """Speaker and value conflicts, and the quote groups worth showing.

    A quote group is shown when a conflict is about it or independent accounts (copies of one
    text count once) carry it in more than one article.
    """
    order = [a.article.id for a in analyses]
    groups = quote_groups(hits, order)
    same = same_utterances(hits, _sentence_score(facts, scores))
    conflicts = speaker_conflicts(groups, _sentence_spans(analyses), same=same)
    conflicts += value_conflicts(rows, analyses, first_id=len(conflicts) + 1)
    conflicts, groups = with_accounts(conflicts, groups, roots)
    disputed = {c.quote_group for c in conflicts}
    shown = [
        g
        for g in groups
        if g.id in disputed or accounts([q.article_id for q in g.quotes], roots) > 1
    ]
    return conflicts, shown


def _quoted(
    conflicts: Sequence[Conflict], groups: Sequence[QuoteGroup]
) -> dict[str, list[tuple[str, Span]]]:
    """Each speaker conflict's id → its quote group's quotes (article id, quote span)."""
    by_id = {g.id: g for g in groups}
    return {
        c.id: [(q.article_id, q.content) for q in by_id[c.quote_group].quotes]
        for c in conflicts
        if c.quote_group in by_id
    }


def _profile(analysis: Analysis) -> FramingProfile:
    """The analysis's own framing profile (`storylens.pipeline` adds it to every analysis)."""
    if analysis.framing is None:
        raise UnframedAnalysis(
            f"{analysis.article.id}: the analysis has no framing profile; analyse it with "
            "storylens.pipeline (analyze_paths, analyze_articles) or add it with with_framing"
        )
    return analysis.framing


def _fact_links(
    analyses: Sequence[Analysis],
    facts: Sequence[Fact],
    merged: MergedEntities,
    hits: Sequence[QuoteHit],
    encoder: WordEncoder,
    settings: AlignmentSettings,
    scores: dict[tuple[int, int], float],
) -> tuple[list[Link], tuple[Vectors, list[ContentWords], list[bool]]]:
    """Embedding links between facts that pass the thresholds, plus the quote links.

    ``scores`` receives the pair probability of every candidate pair, and the near score
    (``settings.near``) of pairs where one fact's rare terms are mostly in the other
    (`lexical_near`), whatever their cosine. Also returns the vectors and words of the
    embedded facts, and which facts those are (`lexical_candidates`, and apart from them the
    facts with no term to judge them by: `termless`).
    """
    features = fact_features(analyses, facts, merged)
    embedded = lexical_candidates(facts, features)
    vectors, words = embed_facts(facts, encoder, only=embedded)
    bare = [t and not e for t, e in zip(termless(features), embedded, strict=True)]
    if any(bare):
        vectors, words = _embed_rest(facts, encoder, vectors, words, [not b for b in bare])
        embedded = [e or b for e, b in zip(embedded, bare, strict=True)]
    links = apart(
        link_facts(facts, features, vectors, words, settings=settings, scores=scores),
        facts,
        analyses,
        bare=frozenset(f.id for f, b in zip(facts, bare, strict=True) if b),
    )
    for pair in lexical_near(facts, features):
        scores[pair] = max(scores.get(pair, 0.0), settings.near)
    links += _quote_links(hits, facts, vectors)
    return with_evidence(links, facts, features, merged), (vectors, words, embedded)


def _embed_rest(
    facts: Sequence[Fact],
    encoder: WordEncoder,
    vectors: Vectors,
    words: list[ContentWords],
    embedded: list[bool],
) -> tuple[Vectors, list[ContentWords]]:
    """Every fact's vector and words: alignment's, and the rest's for `loose_near` only."""
    rest = [not e for e in embedded]
    if not any(rest):
        return vectors, words
    more, more_words = embed_facts(facts, encoder, only=rest)
    return vectors + more, [m if r else w for w, m, r in zip(words, more_words, rest, strict=True)]


def _article_refs(analyses: Sequence[Analysis], roots: dict[str, str]) -> tuple[ArticleRef, ...]:
    totals = Counter(a.article.outlet for a in analyses)
    seen: Counter[str] = Counter()
    refs: list[ArticleRef] = []
    for analysis in analyses:
        article = analysis.article
        seen[article.outlet] += 1
        label = (
            article.outlet
            if totals[article.outlet] == 1
            else (f"{article.outlet} ({seen[article.outlet]})")
        )
        refs.append(
            ArticleRef(
                id=article.id,
                outlet=article.outlet,
                label=label,
                title=article.title,
                input=article.input,
                short=short_label(len(refs)),
                copy_of=roots[article.id] if roots[article.id] != article.id else None,
                url=article.url,
                published=article.published,
            )
        )
    return tuple(refs)


def _quote_links(hits: Sequence[QuoteHit], facts: Sequence[Fact], vectors: Vectors) -> list[Link]:
    """A matched quote aligns the facts where its shared words start."""
    index = {fact.id: n for n, fact in enumerate(facts)}
    links = []
    for hit in hits:
        ends = [
            _fact_at(facts, q.article_id, offset)
            for q, offset in zip(hit.match.quotes, hit.offsets, strict=True)
        ]
        if ends[0] is None or ends[1] is None:
            continue
        cosine = float(vectors[index[ends[0].id]] @ vectors[index[ends[1].id]])
        links.append(
            Link(
                source=ends[0].id,
                target=ends[1].id,
                kind=LinkKind.QUOTE,
                cosine=round(cosine, 4),
                score=round(QUOTE_SCORE + 0.1 * hit.match.overlap, 4),
            )
        )
    return links


def _fact_at(facts: Sequence[Fact], article_id: str, offset: int) -> Fact | None:
    for fact in facts:
        if fact.article_id == article_id and fact.span.start <= offset < fact.span.end:
            return fact
    return None


def _sentence_score(
    facts: Sequence[Fact], scores: dict[tuple[int, int], float]
) -> Callable[[QuoteRef, QuoteRef], float]:
    """The pair probability of the facts where two quotes start (0 when not compared)."""
    index = {fact.id: n for n, fact in enumerate(facts)}

    def score(first: QuoteRef, second: QuoteRef) -> float:
        ends = [_fact_at(facts, q.article_id, q.content.start) for q in (first, second)]
        if ends[0] is None or ends[1] is None:
            return 0.0
        i, j = sorted((index[ends[0].id], index[ends[1].id]))
        return scores.get((i, j), 0.0)

    return score


def _sentence_spans(analyses: Sequence[Analysis]) -> dict[str, Span]:
    return {
        f"{a.article.id}:{n}": sentence.span
        for a in analyses
        for n, sentence in enumerate(a.sentences)
    }


def _omissions(rows: Sequence[AlignedFact], order: Sequence[str]) -> tuple[Omission, ...]:
    """Per article, the rows it neither carries nor comes near (see `AlignedFact.near`).

    Rows of page text (`Fact.kind`: a headline, a furniture line) are nobody's omission.
    """
    stated = [(r.id, {*r.article_ids, *r.near}) for r in rows if any(f.statement for f in r.facts)]
    return tuple(
        Omission(
            article_id=article_id,
            rows=tuple(row for row, reached in stated if article_id not in reached),
        )
        for article_id in order
    )
