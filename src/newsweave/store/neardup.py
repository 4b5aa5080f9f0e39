"""The one place where the store calls the near-duplicate functions of `newsweave.dedupe`.

``newsweave.dedupe`` turns a text into MinHash/LSH band keys (two texts sharing a key are
candidates) and scores a candidate pair; the store keeps the keys of original articles in a table
and asks for the score, so the dedupe method can change without touching the schema.
"""

from __future__ import annotations

from newsweave import dedupe

#: Similarity at or above which a candidate counts as the same article re-published with small edits.
THRESHOLD: float = dedupe.NEAR_DUP_THRESHOLD

#: How many of the best candidates (most shared keys) are scored; bounds the work per article.
MAX_CANDIDATES = 5


def keys(text: str) -> list[str]:
    """The band keys of a text, deduplicated and in a stable order."""
    return sorted(set(dedupe.near_dup_keys(text)))


def similarity(text: str, other: str) -> float:
    """How alike two texts are (0..1); from ``THRESHOLD`` on they are the same article with small edits."""
    return dedupe.similarity(text, other)
