"""Analyze: `Article` → `Analysis` (sentences, entities, quotes, sources, dates, numbers)."""

from storylens.analyze.article import analyze_parsed
from storylens.analyze.nlp import load_pipeline, parse_articles

__all__ = ["analyze_parsed", "load_pipeline", "parse_articles"]
