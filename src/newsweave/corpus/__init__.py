"""Corpus steps: what needs many articles at once (canonical entities, events and stories, facts).

``link_corpus`` runs them over a batch in memory (``newsweave analyze``); the store runs the same
steps incrementally against its saved state (``newsweave ingest``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsweave.corpus.dating import refine_dates
from newsweave.corpus.entities import canonicalize
from newsweave.corpus.events import cluster
from newsweave.corpus.facts import attach_speakers
from newsweave.corpus.propagation import propagate_mentions
from newsweave.model import Article, Entity, Event, Story
from newsweave.pipeline import batch_gc_policy

if TYPE_CHECKING:
    from newsweave.pipeline import Pipeline


@dataclass
class CorpusPicture:
    """What the corpus steps produced for a batch: the ids are also set on the articles."""

    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)


def link_corpus(articles: list[Article], known: CorpusPicture | None = None) -> CorpusPicture:
    """Run the corpus steps over newly analysed articles, setting their ids.

    ``known`` is what the store already holds (entities, events, stories); the returned picture is the
    updated whole, which the store saves. Steps run in order: entities, then events and stories, then
    dating coarse articles from their event's siblings.
    """
    picture = known or CorpusPicture()
    link_mentions(articles, picture)
    link_events(articles, picture)
    return picture


def link_mentions(articles: list[Article], picture: CorpusPicture) -> None:
    """The steps that read no article vector: names propagated across articles, canonical entities (set on
    ``picture``), quote speakers. :func:`analyse_batch` runs them while the embedder finishes."""
    with batch_gc_policy():  # the steps, like the stages, make and drop many small objects
        propagate_mentions(articles)
        picture.entities = canonicalize(articles, picture.entities)
        attach_speakers(articles)


def link_events(articles: list[Article], picture: CorpusPicture) -> None:
    """The steps after :func:`link_mentions`, which need the vectors: events and stories, then dating coarse
    articles from their event's siblings."""
    with batch_gc_policy():
        picture.events, picture.stories = cluster(articles, picture.events, picture.stories)
        refine_dates(articles)


def analyse_batch(articles: list[Article], pipeline: Pipeline, known: CorpusPicture | None = None,
                  batch_size: int = 16) -> tuple[list[Article], CorpusPicture]:
    """The stages and then the corpus steps over a batch in memory: what ``link_corpus`` after
    ``pipeline.pipe`` gives, with the steps that need no vector run beside the embedder's last chunks
    (:meth:`Pipeline.run`) instead of after them, on an otherwise idle core.

    Returns the analysed articles, in order, and the picture as :func:`link_corpus` returns it.
    """
    picture = known or CorpusPicture()
    done = pipeline.run(articles, batch_size, meanwhile=lambda analysed: link_mentions(analysed, picture))
    link_events(done, picture)
    return done, picture


def inherit_analysis(copy: Article, original: Article) -> None:
    """Give a duplicate the article-level results of its original without analysing it again.

    Span lists stay empty: a near-duplicate's offsets differ from its original's, and the original
    already carries every mention, time, figure and quote once.
    """
    copy.lang, copy.script, copy.lang_confidence = original.lang, original.script, original.lang_confidence
    if copy.date is None:
        copy.date, copy.date_precision, copy.date_source = original.date, original.date_precision, original.date_source
    copy.event_id, copy.story_id = original.event_id, original.story_id
