"""Long-running jobs over a store: ingest sources, then analyse and link what is pending.

The job is built to be killed at any moment and simply run again: raw articles are stored in
batches (each batch one transaction, re-adding stored content adds nothing), and an article stays
``pending`` until the transaction that saves its analysis together with the updated corpus picture
commits. A re-run therefore neither duplicates nor skips anything.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsweave.corpus import CorpusPicture, link_corpus
from newsweave.ingest import IngestError, read_sources
from newsweave.model import Article
from newsweave.pipeline import Pipeline
from newsweave.store import CorpusState, Store

log = logging.getLogger(__name__)

#: progress(phase, done, total): phase is "store" (total unknown: None) or "analyse".
Progress = Callable[[str, int, int | None], None]

#: Articles per storing transaction: large enough to amortise the commit, small enough to lose little on a kill.
STORE_BATCH = 500

#: Articles analysed between saves: each save also rewrites the corpus picture, so not too small.
ANALYSE_BATCH = 100


@dataclass
class IngestReport:
    """What an ingest run did; ``errors`` holds one entry per bad input."""

    added: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    analysed: int = 0
    errors: list[IngestError] = field(default_factory=list)

    def summary(self) -> str:
        """One line for people."""
        return (f"{self.added} added, {self.duplicates} duplicates, {self.near_duplicates} near-duplicates, "
                f"{self.analysed} analysed, {len(self.errors)} errors")

    def as_dict(self) -> dict[str, object]:
        """The machine-readable summary (``--jsonl``)."""
        return {"added": self.added, "duplicates": self.duplicates, "near_duplicates": self.near_duplicates,
                "analysed": self.analysed, "errors": len(self.errors)}


def store_sources(sources: Iterable[str | Path], store: Store, *, progress: Progress | None = None,
                  on_error: Callable[[IngestError], None] | None = None,
                  batch_size: int = STORE_BATCH) -> IngestReport:
    """Read every source and store its articles as pending, one transaction per batch."""
    report = IngestReport()
    batch: list[Article] = []

    def flush() -> None:
        for res in store.add_articles(batch):
            if res.status == "added":
                report.added += 1
            elif res.status == "duplicate":
                report.duplicates += 1
            else:
                report.near_duplicates += 1
        batch.clear()
        if progress:
            progress("store", report.added + report.duplicates + report.near_duplicates, None)

    for item in read_sources(sources):
        if isinstance(item, IngestError):
            report.errors.append(item)
            if on_error:
                on_error(item)
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return report


class LinkError(RuntimeError):
    """The corpus steps failed on a batch (a bug or a pathological article), not the store."""


def analyse_pending(store: Store, *, pipeline: Pipeline | None = None, progress: Progress | None = None,
                    batch_size: int = ANALYSE_BATCH) -> int:
    """Analyse and link every pending article; returns how many were analysed.

    Each batch runs the per-article stages outside any transaction, then saves the analyses and the
    corpus picture linked against the stored one in a single write transaction. When linking fails
    on a batch, its articles are linked one by one, and an article that still fails is saved
    analysed but unlinked, with the reason in ``meta["errors"]``: one bad article must not block
    every later run at the same batch.
    """
    pipeline = pipeline if pipeline is not None else Pipeline()
    total = store.count_pending()
    done = 0
    if progress:
        progress("analyse", 0, total)
    while batch := store.pending_articles(batch_size):
        analysed = list(pipeline.pipe(batch))
        try:
            done += store.commit_analysis(analysed, _link)
        except LinkError:
            done += sum(_commit_alone(store, art) for art in analysed)
        if progress:
            progress("analyse", done, max(total, done))
    return done


def _commit_alone(store: Store, article: Article) -> int:
    try:
        return store.commit_analysis([article], _link)
    except LinkError as exc:
        log.warning("%s: corpus linking failed: %s", article.id, exc.__cause__)
        article.meta.setdefault("errors", []).append(f"link: {type(exc.__cause__).__name__}: {exc.__cause__}")
        # ids the failed step may have set refer to entities/events that were never saved
        article.event_id = article.story_id = None
        for mention in article.mentions:
            mention.entity_id = None
        for quote in article.quotes:
            quote.speaker_entity_id = None
        return store.commit_analysis([article], lambda _arts, known: known)


def _link(articles: list[Article], known: CorpusState) -> CorpusPicture:
    try:
        return link_corpus(articles, CorpusPicture(known.entities, known.events, known.stories))
    except Exception as exc:
        raise LinkError(str(exc)) from exc


def ingest(sources: Iterable[str | Path], store: Store, *, analyze: bool = True, pipeline: Pipeline | None = None,
           progress: Progress | None = None, on_error: Callable[[IngestError], None] | None = None) -> IngestReport:
    """Store every article from ``sources``, then (unless ``analyze`` is False) analyse all pending ones.

    Pending articles left by an earlier, interrupted run are analysed too.
    """
    report = store_sources(sources, store, progress=progress, on_error=on_error)
    if analyze:
        report.analysed = analyse_pending(store, pipeline=pipeline, progress=progress)
    return report
