"""Cluster: syndicated copies (MinHash LSH) and stories (incremental, ANN, date-aware)."""

from storylens.cluster.features import story_text, time_bucket, window_buckets
from storylens.cluster.index import BucketedIndex, Neighbour
from storylens.cluster.stories import (
    Assignment,
    ClusterSettings,
    StoryState,
    assign_story,
)
from storylens.cluster.syndication import Original, Signature, find_original, sign_article

__all__ = [
    "Assignment",
    "BucketedIndex",
    "ClusterSettings",
    "Neighbour",
    "Original",
    "Signature",
    "StoryState",
    "assign_story",
    "find_original",
    "sign_article",
    "story_text",
    "time_bucket",
    "window_buckets",
]
