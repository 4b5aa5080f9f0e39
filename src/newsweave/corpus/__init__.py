"""Corpus steps: what needs many articles at once (canonical entities, events and stories, facts).

``link_corpus`` runs them over a batch in memory (``newsweave analyze``); the store runs the same
steps incrementally against its saved state (``newsweave ingest``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsweave.corpus.entities import canonicalize
from newsweave.corpus.events import cluster
from newsweave.corpus.facts import attach_speakers
from newsweave.corpus.propagation import propagate_mentions
from newsweave.model import Article, Entity, Event, Story


@dataclass
class CorpusPicture:
    """What the corpus steps produced for a batch: the ids are also set on the articles."""

    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)


def link_corpus(articles: list[Article], known: CorpusPicture | None = None) -> CorpusPicture:
    """Run the corpus steps over newly analysed articles, setting their ids.

    ``known`` is what the store already holds (entities, events, stories); the returned picture is the
    updated whole, which the store saves. Steps run in order: entities, then events and stories.
    """
    picture = known or CorpusPicture()
    propagate_mentions(articles)
    picture.entities = canonicalize(articles, picture.entities)
    attach_speakers(articles)
    picture.events, picture.stories = cluster(articles, picture.events, picture.stories)
    return picture
