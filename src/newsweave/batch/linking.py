"""The corpus steps of ``newsweave batch`` as Spark jobs: propagation, entities, speakers, events, dates.

Each step runs the embedded path's own functions (``newsweave.corpus``), on executors, over *blocks*:

* **Propagation** — every article's confident names (``names_to_spread``) are collected, added to one
  ``KnownNames`` in input order on the driver (names only, not articles), broadcast, and looked for in
  every article (``propagate_article``). Identical to ``propagate_mentions``.
* **Entities** — pass 1 (``article_units``) runs per article. Every unit gets the keys through which the
  embedded clustering can link it to another unit (:func:`unit_keys`: KB ids, name keys, concept bags,
  phonetic keys, surname keys); the connected components of the unit-key graph are found by iterated
  min-label propagation on DataFrames (:func:`components`); each component is clustered by
  ``canonicalize_units``, the embedded pass 2, over its units in the embedded order. The clustering only
  ever links units that share a key, so each component gets the entities and ids the whole batch would.
  One exception: a bare surname that fits two persons is decided by the entities its article shares with
  each bearer's articles, and entities of *other* components are not seen inside a component, so such a
  surname stays unattached where the embedded path would pick one (counted by the equivalence run).
* **Events** — articles are blocked by (entity key or vector LSH bucket, 14-day window); inside a block
  every pair is scored by ``event_score``, the embedded decision function (one article against the
  other as a one-article event), and pairs within :data:`EVENT_MARGIN` of the join threshold become
  edges. Each connected component of articles is clustered by ``cluster`` (the embedded online
  clustering: events, mentioned events, stories) and dated by ``refine_dates``. A centroid can score
  higher than any of its members, so a link the embedded path makes through an event's centroid can
  fall between components; the margin keeps that rare, and stories (which chain events over years) are
  only built within a component — the equivalence run reports both.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from newsweave.corpus.dating import refine_dates
from newsweave.corpus.entities import (
    _deletions,
    _loose_candidate,
    article_units,
    canonicalize_units,
    kb_display_name,
    unit_order,
)
from newsweave.corpus.events import EventState, Evidence, cluster, event_score, evidence
from newsweave.corpus.facts import attach_speakers
from newsweave.corpus.propagation import article_document, names_to_spread, propagate_article
from newsweave.kb.names import name_key, phonetic_key
from newsweave.model import Article, Entity, Event, Story
from newsweave.stages.entities import KnownNames

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession

log = logging.getLogger(__name__)

#: Pairs scoring at least ``join - EVENT_MARGIN`` join one component: the embedded path scores an article
#: against an event's centroid, which can exceed the article's score against each member alone.
EVENT_MARGIN = 1.0
#: Days per time window of the event blocks (the embedded path vetoes pairs more than 14 days apart).
WINDOW_DAYS = 14
#: Vector LSH: bands of random-hyperplane bits (same-event leads, cosine ~0.95, share a band ~97% of the time).
LSH_BANDS, LSH_BITS = 6, 8
#: A block larger than this pairs each article with the previous ``BLOCK_WINDOW`` (by date) only, as the
#: embedded path looks at the most recent events of an entity only.
MAX_BLOCK, BLOCK_WINDOW = 400, 64
#: Iterations of min-label propagation before giving up (a path longer than this is not expected).
MAX_ITERATIONS = 200

Key = tuple[str, int]


@dataclass
class LinkStats:
    """What the distributed corpus steps did: block counts and sizes, for the report."""

    propagated: int = 0
    entity_components: int = 0
    largest_entity_component: int = 0
    entity_iterations: int = 0
    event_pairs: int = 0
    event_components: int = 0
    largest_event_component: int = 0
    event_iterations: int = 0
    id_collisions: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- connected components (DataFrames)

def components(spark: SparkSession, edges: DataFrame, nodes: DataFrame) -> tuple[DataFrame, int]:
    """``(node, label)`` for every node: the smallest node id of its connected component, and the iterations.

    ``edges`` is a bipartite graph ``(node, key)``: nodes sharing a key are connected. Each iteration gives
    every key the smallest label of its nodes and every node the smallest label of its keys (min-label
    propagation); it stops when no label changes. Checkpointed each round so the plan stays small.
    """
    from pyspark.sql import functions as F

    labels = nodes.select("node", F.col("node").alias("label")).localCheckpoint()
    for iteration in range(1, MAX_ITERATIONS + 1):
        by_key = edges.join(labels, "node").groupBy("key").agg(F.min("label").alias("label"))
        by_node = edges.join(by_key, "key").groupBy("node").agg(F.min("label").alias("new"))
        merged = (labels.join(by_node, "node", "left")
                  .select("node", F.least("label", F.coalesce("new", "label")).alias("label"),
                          (F.coalesce("new", "label") < F.col("label")).alias("changed"))
                  .localCheckpoint())
        labels = merged.select("node", "label")
        if merged.filter("changed").limit(1).count() == 0:
            return labels, iteration
    raise RuntimeError(f"connected components did not converge in {MAX_ITERATIONS} iterations")


def _grouped(spark: SparkSession, keyed: RDD[tuple[int, Any]], edges: RDD[tuple[int, str]]
             ) -> tuple[RDD[list[Any]], int, int, int]:
    """The payloads of ``keyed`` grouped by connected component; (groups, count, largest, iterations)."""
    from pyspark.sql import types as st

    node_schema = st.StructType([st.StructField("node", st.LongType(), False)])
    edge_schema = st.StructType([st.StructField("node", st.LongType(), False),
                                 st.StructField("key", st.StringType(), False)])
    nodes = spark.createDataFrame(keyed.map(lambda kv: (kv[0],)), node_schema)
    labels, iterations = components(spark, spark.createDataFrame(edges, edge_schema), nodes)
    groups = (keyed.join(labels.rdd.map(lambda r: (r["node"], r["label"])))
              .map(lambda kv: (kv[1][1], kv[1][0])).groupByKey().map(lambda kv: list(kv[1])).persist())
    sizes = groups.map(len).stats()
    return groups, sizes.count(), int(sizes.max()) if sizes.count() else 0, iterations


# ---------------------------------------------------------------- propagation

def propagate(sc: Any, articles: RDD[tuple[Key, Article]], stats: LinkStats) -> RDD[tuple[Key, Article]]:
    """``propagate_mentions`` over a distributed batch: names collected in input order, then spread per article."""
    names = sorted(articles.mapValues(lambda a: names_to_spread(article_document(a)))
                   .filter(lambda kv: bool(kv[1])).collect())
    known = KnownNames()
    for _, found in names:
        for name in found:
            known.add(name)
    if not len(known):
        return articles
    shared = sc.broadcast(known)
    counter = sc.accumulator(0)

    def spread(art: Article) -> Article:
        counter.add(propagate_article(art, article_document(art), shared.value))
        return art

    out = articles.mapValues(spread).persist()
    out.count()
    stats.propagated = counter.value
    return out


# ---------------------------------------------------------------- entities

def unit_keys(unit: Any) -> set[str]:
    """Every key through which ``canonicalize_units`` can link this unit to another.

    The buckets of the embedded clustering: KB ids; name keys, concept bags and acronym keys (exact and
    bare-surname buckets); phonetic keys (similar spellings); surname phonetic keys (full names and bare
    surnames of persons); the one-deletion variants of loose cross-script keys (its ``_link_loose``
    buckets, through the clustering's own helpers). A key shared is a possible link, never a decision:
    the blocks only need to hold every pair the clustering could join, so a new kind of link in
    ``newsweave.corpus.entities`` needs its bucket key here too.
    """
    keys = {f"kb:{k}" for k in unit.kb_ids}
    person = unit.type == "PER"
    for name in unit.names:
        keys.update(f"x:{k}" for k in name.keys)
        if name.concepts:
            keys.add(f"x:{name.concepts}")
        if name.phonetic:
            keys.add(f"p:{name.phonetic}")
        if person and name.tokens:
            keys.add(f"s:{phonetic_key(name.tokens[-1])}")
        if _loose_candidate(name, unit.type):
            keys.update(f"l:{k}" for k in _deletions(name.loose))
        if not name_key(name.surface, name.lang):  # founded under its surface ("Ъ"): ids suffixed -2, -3 in one block
            keys.add(f"f:{name.surface}")
    return keys


def _units_of(key: Key, art: Article) -> Iterator[tuple[tuple, Key, list[int], Any]]:
    """``(embedded order, article key, mention positions, unit)`` for the units of one article."""
    position = {id(m): i for i, m in enumerate(art.mentions)}
    for u, unit in enumerate(article_units(art)):
        yield (unit_order(unit), key, u), key, [position[id(m)] for m in unit.mentions], unit


def _cluster_units(block: list[tuple[tuple, Key, list[int], Any]]) -> Iterator[tuple[str, Any]]:
    """Entities of one block: ``("m", (article key, [(mention position, id, name)]))`` and ``("e", Entity)``."""
    block.sort(key=lambda b: b[0])
    entities = canonicalize_units([b[3] for b in block], [], None, kb_display_name)
    updates: dict[Key, list[tuple[int, str | None, str | None]]] = {}
    for _, key, positions, unit in block:
        updates.setdefault(key, []).extend((p, m.entity_id, m.entity_name)
                                           for p, m in zip(positions, unit.mentions, strict=True))
    for key, rows in updates.items():
        yield "m", (key, rows)
    for entity in entities:
        yield "e", entity


def _apply_entities(art: Article, rows: list[tuple[int, str | None, str | None]] | None) -> Article:
    for position, eid, name in rows or ():
        art.mentions[position].entity_id, art.mentions[position].entity_name = eid, name
    attach_speakers([art])
    return art


def link_entities(spark: SparkSession, articles: RDD[tuple[Key, Article]], stats: LinkStats
                  ) -> tuple[RDD[tuple[Key, Article]], list[Entity]]:
    """Canonical entities over a distributed batch (ids on every mention, speakers attached)."""
    units = articles.flatMap(lambda kv: _units_of(*kv)).zipWithUniqueId().map(lambda uv: (uv[1], uv[0])).persist()
    edges = units.flatMap(lambda kv: ((kv[0], k) for k in unit_keys(kv[1][3])))
    blocks, stats.entity_components, stats.largest_entity_component, stats.entity_iterations = \
        _grouped(spark, units, edges)
    out = blocks.flatMap(_cluster_units).persist()
    entities = out.filter(lambda kv: kv[0] == "e").map(lambda kv: kv[1]).collect()
    seen: dict[str, int] = {}
    for e in entities:
        seen[e.id] = seen.get(e.id, 0) + 1
    stats.id_collisions = sorted(eid for eid, n in seen.items() if n > 1)
    updates = out.filter(lambda kv: kv[0] == "m").map(lambda kv: kv[1]).reduceByKey(lambda a, b: a + b)
    linked = articles.leftOuterJoin(updates).mapValues(lambda ar: _apply_entities(*ar)).persist()
    linked.count()
    units.unpersist()
    blocks.unpersist()
    out.unpersist()
    return linked, sorted(entities, key=lambda e: e.id)


# ---------------------------------------------------------------- events

@lru_cache(maxsize=4)
def _planes(dim: int) -> np.ndarray:
    """Fixed random hyperplanes (the same on every executor: a seeded generator)."""
    return np.random.default_rng(9).standard_normal((LSH_BANDS * LSH_BITS, dim)).astype(np.float32)


def event_keys(ev: Evidence) -> list[str]:
    """Block keys of one article: (entity key or LSH band, 14-day window), or ``u`` windows when undated.

    Two articles at most 14 days apart share a window (each takes its span's windows and the next one);
    an undated article's blocks are ``(key, "u")``, which dated articles join too (see :func:`_block_pairs`).
    """
    content = [f"k:{k}" for k in ev.keys]
    if ev.vector is not None:
        bits = (_planes(len(ev.vector)) @ ev.vector > 0).reshape(LSH_BANDS, LSH_BITS)
        content += [f"v{b}:{int(np.packbits(row)[0])}" for b, row in enumerate(bits)]
    if ev.span is None:
        return [f"{c}|u" for c in content]
    windows = range(ev.span[0] // WINDOW_DAYS, ev.span[1] // WINDOW_DAYS + 2)
    return [f"{c}|{w}" for c in content for w in windows] + [f"{c}|u" for c in content]


def _solo(art_id: str, ev: Evidence) -> EventState:
    """One article as a one-article event, the form ``event_score`` compares an article with."""
    state = EventState(event=Event(id=art_id, label=""))
    state.add(Article(id=art_id, text=""), ev)
    return state


def _block_pairs(block: list[tuple[int, str, Evidence]], undated_only: bool, threshold: float
                 ) -> Iterator[tuple[int, int]]:
    """Pairs of a block whose embedded score reaches ``threshold`` (``undated_only``: a side must be undated)."""
    if undated_only and all(b[2].span is not None for b in block):
        return
    block.sort(key=lambda b: ((b[2].span or (10**7, 0))[0], b[1]))
    states = [_solo(art_id, ev) for _, art_id, ev in block]
    for j in range(len(block)):
        lo = 0 if len(block) <= MAX_BLOCK else max(0, j - BLOCK_WINDOW)
        for i in range(lo, j):
            if undated_only and block[i][2].span is not None and block[j][2].span is not None:
                continue
            if event_score(block[j][2], states[i]) >= threshold:
                yield block[i][0], block[j][0]


def _cluster_events(arts: list[tuple[Key, Article]]) -> Iterator[tuple[str, Any]]:
    """Events, stories and refined dates of one component of articles, by the embedded clustering."""
    arts.sort(key=lambda kv: kv[0])
    articles = [a for _, a in arts]
    events, stories = cluster(articles, [], [])
    refine_dates(articles)
    for kv in arts:
        yield "a", kv
    for event in events:
        yield "v", event
    for story in stories:
        yield "s", story


def link_events(spark: SparkSession, articles: RDD[tuple[Key, Article]], stats: LinkStats
                ) -> tuple[RDD[tuple[Key, Article]], list[Event], list[Story]]:
    """Events and stories over a distributed batch (``event_id``/``story_id`` set, coarse dates refined)."""
    from newsweave.corpus.events import WEIGHTS

    threshold = WEIGHTS.join - EVENT_MARGIN
    numbered = articles.zipWithUniqueId().map(lambda kv: (kv[1], kv[0])).persist()
    evidences = numbered.map(lambda nv: (nv[0], nv[1][1].id, evidence(nv[1][1]))).persist()
    blocks = (evidences.flatMap(lambda e: ((k, e) for k in event_keys(e[2])))
              .groupByKey().filter(lambda kv: len(kv[1]) > 1))
    pairs = blocks.flatMap(lambda kv: _block_pairs(list(kv[1]), kv[0].endswith("|u"), threshold)).distinct()
    edges = pairs.flatMap(lambda p: ((p[0], f"{p[0]}-{p[1]}"), (p[1], f"{p[0]}-{p[1]}"))).persist()
    stats.event_pairs = edges.count() // 2
    groups, stats.event_components, stats.largest_event_component, stats.event_iterations = \
        _grouped(spark, numbered, edges)
    out = groups.flatMap(_cluster_events).persist()
    corpus = out.filter(lambda kv: kv[0] != "a").collect()
    events = _merge_events(value for kind, value in corpus if kind == "v")
    stories = sorted((value for kind, value in corpus if kind == "s"), key=lambda s: s.id)
    linked = out.filter(lambda kv: kv[0] == "a").map(lambda kv: kv[1]).persist()
    linked.count()
    for rdd in (numbered, evidences, edges, groups, out):
        rdd.unpersist()
    return linked, events, stories


def _merge_events(events: Iterable[Event]) -> list[Event]:
    """One event per id: a mentioned event (its id is its happening's) found in several components is one."""
    merged: dict[str, Event] = {}
    for event in events:
        have = merged.get(event.id)
        if have is None:
            merged[event.id] = event
            continue
        have.mentioned_in += [a for a in event.mentioned_in if a not in have.mentioned_in]
        have.article_ids += [a for a in event.article_ids if a not in have.article_ids]
    return sorted(merged.values(), key=lambda e: e.id)


def link_distributed(spark: SparkSession, articles: RDD[tuple[Key, Article]]
                     ) -> tuple[RDD[tuple[Key, Article]], list[Entity], list[Event], list[Story], LinkStats]:
    """``link_corpus`` as Spark jobs: propagation, entities and speakers, events and stories, dates."""
    stats = LinkStats()
    propagated = propagate(spark.sparkContext, articles, stats)
    with_entities, entities = link_entities(spark, propagated, stats)
    if propagated is not articles:
        propagated.unpersist()
    linked, events, stories = link_events(spark, with_entities, stats)
    with_entities.unpersist()
    return linked, entities, events, stories, stats
