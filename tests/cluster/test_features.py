"""Event cues: which names say who an event is about (fixtures written for these tests)."""

from __future__ import annotations

from storylens.cluster.features import name_cues
from storylens.model import (
    Analysis,
    Article,
    Entity,
    EntityLabel,
    Evidence,
    InputFormat,
    Mention,
    Sentence,
    Span,
)

TEXT = (
    "Denise Okafor fined Veltra Lines on Monday, a spokesman told the Harbor Courier. "
    "The Harbor Courier had reported the leak first."
)


def entity(ident: str, name: str, label: EntityLabel) -> Entity:
    spans = [i for i in range(len(TEXT)) if TEXT.startswith(name, i)]
    mentions = tuple(Mention(span=Span(start=i, end=i + len(name), text=name)) for i in spans)
    return Entity(id=ident, name=name, label=label, aliases=(), mentions=mentions)


def analysis(outlet: str) -> Analysis:
    article = Article(
        id="spill",
        input="-",
        format=InputFormat.TEXT,
        text=TEXT,
        title="Port fines shipper",
        title_span=None,
        outlet=outlet,
        outlet_evidence=Evidence.METADATA,
    )
    first = TEXT.index("The Harbor")
    return Analysis(
        article=article,
        sentences=(
            Sentence(span=Span(start=0, end=first - 1, text=TEXT[: first - 1]), paragraph=0),
            Sentence(span=Span(start=first, end=len(TEXT), text=TEXT[first:]), paragraph=0),
        ),
        entities=(
            entity("e1", "Denise Okafor", EntityLabel.PERSON),
            entity("e2", "Veltra Lines", EntityLabel.ORGANISATION),
            entity("e3", "Harbor Courier", EntityLabel.ORGANISATION),
        ),
    )


def test_the_outlet_naming_itself_is_not_an_event_cue():
    cues = name_cues(analysis("Harbor Courier"))
    assert "n:courier" not in cues
    assert "n:harbor" not in cues
    assert {"n:okafor", "n:veltra"} <= set(cues)


def test_another_outlet_named_in_the_text_stays_a_cue():
    cues = name_cues(analysis("Coastal Ledger"))
    assert "n:courier" in cues
