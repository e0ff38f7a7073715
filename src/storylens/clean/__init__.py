"""Clean: `RawArticle` → `Article` (body paragraphs, debris with reasons, captions, credits)."""

from storylens.clean.article import body_text, clean_article

__all__ = ["body_text", "clean_article"]
