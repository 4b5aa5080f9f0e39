"""Exact and near-duplicate articles: content hash, then MinHash/LSH over word shingles (datasketch).

A bottom-layer module like `model`: ingest, `analyze`, the store and batch all recognise copies the same way.

Exact duplicates share ``Article.content_hash``. Near-duplicates (the same story re-published with
a changed headline, a fixed typo, an added paragraph) are found in two steps, the usual
locality-sensitive-hashing recipe:

1. ``near_dup_keys(text)``: the MinHash signature cut into LSH bands; two texts whose word-shingle
   Jaccard similarity is about ``LSH_THRESHOLD`` or more share at least one band key with high
   probability. A store indexes these keys in a table to find candidates across runs.
2. ``similarity(a, b)``: the exact Jaccard similarity of the two shingle sets; a candidate is a
   near-duplicate when it reaches ``NEAR_DUP_THRESHOLD``.

Everything is deterministic (fixed seed, fixed hash scheme, no process-salted ``hash()``), so keys
computed in one run match keys stored by an earlier one. ``KEY_SCHEME`` is part of every key:
if the parameters ever change, old and new keys simply stop matching instead of colliding.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from newsweave.model import Article, normalize_text

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
SHINGLE_WORDS = 3
#: Similarity from which two texts count as the same article re-published (confirmation step).
NEAR_DUP_THRESHOLD = 0.7
#: Similarity the LSH bands are tuned for: lower than the confirmation threshold so that
#: candidates at NEAR_DUP_THRESHOLD are found with ~99% probability.
LSH_THRESHOLD = 0.5
#: Scheme tag inside every key (MinHash seed 1, affine32, 128 permutations, 3-word shingles).
KEY_SCHEME = "mh1"

#: Scripts written without spaces between words: each of their characters is a token, otherwise a
#: whole clause would be one "word". Elsewhere a token is a run of letters, combining marks (Indic
#: vowel signs are marks, not letters) and digits.
_UNSPACED = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Myanmar}\p{Khmer}"
_TOKEN = regex.compile(rf"[{_UNSPACED}]|[[\p{{L}}\p{{M}}\p{{N}}]--[{_UNSPACED}]]+", regex.V1)


@lru_cache(maxsize=1)
def _template() -> MinHash:
    """One MinHash whose permutations are reused: creating them is the costly part of a MinHash.

    datasketch is imported here, not at module level, because it pulls in SciPy (about a second)
    and most commands that import this module never hash a text.
    """
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32")


@lru_cache(maxsize=1)
def _bands() -> tuple[int, int]:
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalize_text(text).casefold())


def shingles(text: str) -> set[str]:
    """The set of overlapping ``SHINGLE_WORDS``-word sequences of a text (case-folded, punctuation-free)."""
    tokens = _tokens(text)
    if len(tokens) <= SHINGLE_WORDS:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + SHINGLE_WORDS]) for i in range(len(tokens) - SHINGLE_WORDS + 1)}


def _jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def similarity(a: str, b: str) -> float:
    """Exact Jaccard similarity (0..1) of the two texts' word shingles; confirms an LSH candidate."""
    return _jaccard(shingles(a), shingles(b))


def near_dup_keys(text: str) -> list[str]:
    """The LSH band keys of a text (``"mh1-07-<hex>"``); texts sharing any key are near-dup candidates.

    An empty or wordless text has no keys (it is nobody's near-duplicate).
    """
    items = shingles(text)
    if not items:
        return []
    template = _template()
    sig = type(template)(num_perm=NUM_PERM, seed=1, scheme="affine32", permutations=template.permutations)
    sig.update_batch([s.encode("utf-8") for s in items])
    bands, rows = _bands()
    values = sig.hashvalues
    return [f"{KEY_SCHEME}-{band:02d}-"
            + hashlib.blake2b(values[band * rows:(band + 1) * rows].tobytes(), digest_size=8).hexdigest()
            for band in range(bands)]


class BatchDeduper:
    """Marks ``Article.duplicate_of`` inside one batch so that a batch does not analyse a text twice.

    The first article seen with a given text is the original; a later exact copy (same content hash)
    or near copy (similarity >= ``threshold``) is linked to it, with ``meta["duplicate"]`` saying
    which kind and how similar. Only originals are indexed, so links never form chains.
    """

    def __init__(self, threshold: float = NEAR_DUP_THRESHOLD) -> None:
        self.threshold = threshold
        self._by_hash: dict[str, str] = {}
        self._by_key: dict[str, list[str]] = {}
        self._texts: dict[str, str] = {}

    def check(self, article: Article) -> str | None:
        """Link ``article`` to an earlier original in this batch if it copies one; return that id."""
        original = self._by_hash.get(article.content_hash)
        if original is not None and original != article.id:
            article.duplicate_of = original
            article.meta["duplicate"] = {"kind": "exact", "similarity": 1.0}
            return original
        keys = near_dup_keys(article.text)
        best_id, best_sim = None, 0.0
        seen: set[str] = set()
        for key in keys:
            for cand in self._by_key.get(key, ()):
                if cand in seen or cand == article.id:
                    continue
                seen.add(cand)
                sim = similarity(article.text, self._texts[cand])
                if sim > best_sim:
                    best_id, best_sim = cand, sim
        if best_id is not None and best_sim >= self.threshold:
            article.duplicate_of = best_id
            article.meta["duplicate"] = {"kind": "near", "similarity": round(best_sim, 4)}
            return best_id
        self._by_hash.setdefault(article.content_hash, article.id)
        self._texts[article.id] = article.text
        for key in keys:
            self._by_key.setdefault(key, []).append(article.id)
        return None

    def mark(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Every article, in order, with ``duplicate_of`` set on the copies."""
        for article in articles:
            self.check(article)
            yield article
