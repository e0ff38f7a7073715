"""The language of an article's body, by py3langid (its model ships inside the package).

Nothing is downloaded: py3langid bundles its naive Bayes model (~97 languages). Text too short
to tell gets None, never a guess.
"""

from __future__ import annotations

import io
from functools import cache
from typing import Any

from storylens.model import Article, Issue, IssueCode

MIN_LETTERS = 60
"""Below this many letters a language call is not made."""
MIN_CONFIDENCE = 0.9
"""Normalised probability below which the call is not made either."""


@cache
def _identifier() -> Any:
    """The bundled model, read in memory.

    py3langid's own loader writes a temporary file, which fails on a full disk and would cost
    every article its cleaning.
    """
    import lzma

    import numpy as np
    from py3langid import modelio
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    with lzma.open(MODEL_DIR / MODEL_FILE) as packed:
        data = np.load(io.BytesIO(packed.read()), allow_pickle=False)
    return LanguageIdentifier(
        np.asarray(data["ptc"]),
        np.asarray(data["pc"]),
        data["classes"].tolist(),
        modelio._to_array(data["nextmove"]),
        data["out_feat"].tolist(),
        norm_probs=True,
        tk_row=modelio._to_array(data["nextmove_row"]),
    )


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when too short or unsure.

    >>> detect_language("The United States suspended talks with Russia on Monday, officials said.")
    'en'
    """
    sample = text[:5000]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    code, confidence = _identifier().classify(sample)
    return str(code) if float(confidence) >= MIN_CONFIDENCE else None


def language_issue(article: Article) -> Issue | None:
    """The one warning for an article not in English (it is kept out of English analysis)."""
    if article.language in (None, "en"):
        return None
    return Issue(
        input=article.input,
        code=IssueCode.NOT_ENGLISH,
        detail=f"the text is in language {article.language!r}, not English; "
        "left out of the English analysis and comparison",
        stage="clean",
        article_id=article.id,
        warning=True,
    )
