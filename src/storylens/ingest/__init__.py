"""Ingest: files, directories, stdin, HTML, JSON/JSONL and feeds → `RawArticle`."""

from storylens.ingest.files import read_bytes, read_inputs, read_path

__all__ = ["read_bytes", "read_inputs", "read_path"]
