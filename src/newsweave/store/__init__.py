"""Persistent store of articles, analyses and the corpus picture (SQLite by default, PostgreSQL by URL).

``open_store(path_or_url)`` is the one entry point; see ``Store`` for the API.
"""

from newsweave.store.core import (
    AddResult,
    ArticleSummary,
    CorpusState,
    FigureHit,
    MeasureCount,
    MentionHit,
    Page,
    Picture,
    QuantityHit,
    QuoteHit,
    SearchHit,
    Store,
    StoreError,
    StoreStats,
    database_url,
    display_location,
    open_store,
)

__all__ = [
    "AddResult", "ArticleSummary", "CorpusState", "FigureHit", "MeasureCount", "MentionHit", "Page", "Picture",
    "QuantityHit", "QuoteHit",
    "SearchHit", "Store", "StoreError", "StoreStats", "database_url", "display_location", "open_store",
]
