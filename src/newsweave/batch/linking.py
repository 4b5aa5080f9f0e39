"""The corpus steps of ``newsweave batch`` as Spark jobs: propagation, entities, speakers, events, dates.

Each step runs the embedded path's own functions (``newsweave.corpus``), on executors, over *blocks*:

* **Propagation** — every article's confident names (``names_to_spread``) are collected, added to one
  ``KnownNames`` in input order on the driver (names only, not articles), broadcast, and looked for in
  every article (``propagate_article``). Identical to ``propagate_mentions``.
* **Entities** — pass 1 (``article_units``) runs per article. Every unit gets the keys through which the
  embedded clustering can link it to another unit (``entities.blocking_keys``, kept beside the clustering
  it mirrors; :func:`entity_edges` keeps an exact-script loose key only where a lossy-script name has it);
  the connected components of the unit-key graph come from :func:`union_labels` on the driver (ids and keys
  only) or, for graphs over :data:`DRIVER_EDGES` edges, from min-label propagation on DataFrames
  (:func:`components`); each component is clustered by ``canonicalize_units``, the embedded pass 2, over
  its units in the embedded order. The clustering only ever links units that share a key, so each
  component gets the entities and ids the whole batch would. One exception: a bare surname that fits two
  persons is decided by the entities its article shares with each bearer's articles, and entities of
  *other* components are not seen inside a component (counted by the equivalence run).
* **Events** — articles are blocked by (entity key or vector LSH bucket, 14-day window); an oversized
  entity block (a frequent entity) is not used and an oversized vector block is paired by date window
  (:data:`MAX_BLOCK`); inside a block every pair is scored by ``event_score``, the embedded decision
  function (one article against the other as a one-article event), and pairs within :data:`EVENT_MARGIN`
  of the join threshold become edges, so components follow real candidate links. Each connected component
  of articles is clustered by ``cluster`` (the embedded online clustering) and dated by ``refine_dates``.
  A centroid can score higher than any of its members, so a link the embedded path makes through an
  event's centroid can fall between components; the margin keeps that rare.
* **Stories** — placed once over all events on the driver (:func:`place_stories`), in the embedded order,
  since a story chains events across components.

Few, large stages: a Spark task has a fixed cost, and this phase's cost is mostly per task at a few hundred
articles. Propagation is no job of its own (its names come with the analyse job, the spreading runs in the
entity step's first stage); while the unit-key and article-article graphs fit the driver
(:data:`DRIVER_EDGES`) their edges are collected once and their components found there, and the entity ids
go back to the articles in a broadcast applied in the event step's first stage, not through a join. Each
step is three jobs: its keys (one pass over the articles), the edges collected, the components clustered.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from newsweave.batch.worker import steady_imports
from newsweave.corpus.dating import refine_dates
from newsweave.corpus.entities import (
    article_units,
    blocking_keys,
    canonicalize_units,
    check_place_links,
    kb_display_name,
    unit_order,
)
from newsweave.corpus.events import EventIndex, EventState, Evidence, chain_stories, cluster, event_score, evidence
from newsweave.corpus.facts import attach_speakers
from newsweave.corpus.propagation import article_document, names_to_spread, propagate_article
from newsweave.model import Article, Entity, Event, Story
from newsweave.stages.entities import KnownNames

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession

log = logging.getLogger(__name__)

#: Pairs scoring at least ``join - EVENT_MARGIN`` against each other (one article against the other as a
#: one-article event) are linked: the embedded path scores an article against an event's centroid and
#: running entity counts, which can score a little higher than any one member does.
EVENT_MARGIN = 0.25
#: Days per time window of the event blocks (the embedded path vetoes pairs more than 14 days apart).
WINDOW_DAYS = 14
#: Vector LSH: bands of random-hyperplane bits (same-event leads, cosine ~0.95, share a band ~97% of the time).
LSH_BANDS, LSH_BITS = 6, 8
#: Blocks of more articles than ``MAX_BLOCK``: an entity's block is not used (a frequent entity, "Russia" in
#: a Russia-heavy fortnight, says little about which event an article reports; its articles still meet
#: through rarer entities and vector bands), a vector band's block pairs each article with its
#: ``BLOCK_WINDOW`` predecessors by date only. Both keep the scoring work per block bounded.
MAX_BLOCK, BLOCK_WINDOW = 100, 64
#: Iterations of min-label propagation before giving up (a path longer than this is not expected).
MAX_ITERATIONS = 200
#: Graphs with at most this many edges (ids only) get their components by union-find on the driver:
#: one Spark job instead of several per propagation round.
DRIVER_EDGES = 2_000_000
#: Upper bounds of the component size classes reported (the last class is everything larger).
SIZE_CLASSES = (1, 5, 20, 100, 500)

Key = tuple[str, int]


@dataclass
class LinkStats:
    """What the distributed corpus steps did: block counts and sizes, for the report."""

    propagated: int = 0
    entity_components: int = 0
    largest_entity_component: int = 0
    entity_iterations: int = 0
    entity_sizes: dict[str, int] = field(default_factory=dict)
    event_blocks: int = 0
    frequent_blocks: int = 0  # entity blocks over MAX_BLOCK articles, not used
    windowed_blocks: int = 0  # vector blocks over MAX_BLOCK articles, paired by date window
    event_pairs: int = 0  # pairs scored
    event_edges: int = 0  # pairs scoring at least join - EVENT_MARGIN
    event_components: int = 0
    largest_event_component: int = 0
    event_iterations: int = 0
    event_sizes: dict[str, int] = field(default_factory=dict)
    id_collisions: list[str] = field(default_factory=list)


def size_classes(counts: dict[int, int]) -> dict[str, int]:
    """Components per size class (``"1"``, ``"2-5"``, ..., ``">500"``) from ``{size: components}``."""
    out: dict[str, int] = {}
    low = 1
    for high in (*SIZE_CLASSES, None):
        name = f">{low - 1}" if high is None else str(high) if high == low else f"{low}-{high}"
        out[name] = sum(n for size, n in counts.items() if size >= low and (high is None or size <= high))
        low = (high or 0) + 1
    return out


# ---------------------------------------------------------------- connected components

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


def union_labels(edges: Iterable[tuple[int, Hashable]]) -> dict[int, int]:
    """``node -> smallest node id of its component`` for the nodes of a bipartite ``(node, key)`` edge list
    (nodes sharing a key are connected): :func:`components` by union-find, for graphs that fit the driver."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    first: dict[Hashable, int] = {}
    for node, key in edges:
        parent.setdefault(node, node)
        other = first.setdefault(key, node)
        a, b = find(node), find(other)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {node: find(node) for node in parent}


def _flat(fn: Callable[[Any], Iterable[Any]]) -> Callable[[Iterable[Any]], Iterator[Any]]:
    """``flatMap(fn)`` as a partition function for ``mapPartitions`` that first calls ``steady_imports``:
    the stages that start a job's work run through it, so every Python worker drops the per-task re-reading
    of its zip archives before its first task of the corpus steps (:mod:`newsweave.batch.worker`)."""
    def run(rows: Iterable[Any]) -> Iterator[Any]:
        steady_imports()
        for row in rows:
            yield from fn(row)
    return run


def _grouped(spark: SparkSession, keyed: RDD[tuple[int, Any]],
             edges: list[tuple[int, Hashable]] | RDD[tuple[int, Hashable]], nodes: int, tasks: int
             ) -> tuple[RDD[list[Any]], int, int, int, dict[str, int]]:
    """The payloads of ``keyed`` (``nodes`` of them) grouped by connected component, over ``tasks`` tasks;
    (groups, count, largest, propagation rounds, size classes).

    ``edges`` collected on the driver (a list) get their components by :func:`union_labels` there (0
    rounds), and the labels reach the payloads in a broadcast: no Spark job. An ``edges`` RDD (a graph over
    :data:`DRIVER_EDGES`) gets them by :func:`components` on DataFrames, joined to the payloads.
    """
    from pyspark.sql import types as st

    sc = spark.sparkContext
    if isinstance(edges, list):
        labels = union_labels(edges)
        counts = Counter(Counter(labels.values()).values())
        counts[1] += nodes - len(labels)  # nodes without an edge are components of one
        shared = sc.broadcast(labels)
        by_label = keyed.map(lambda kv: (shared.value.get(kv[0], kv[0]), kv[1]))
        iterations = 0
    else:
        node_schema = st.StructType([st.StructField("node", st.LongType(), False)])
        edge_schema = st.StructType([st.StructField("node", st.LongType(), False),
                                     st.StructField("key", st.StringType(), False)])
        frame, iterations = components(spark, spark.createDataFrame(edges.mapValues(str), edge_schema),
                                       spark.createDataFrame(keyed.map(lambda kv: (kv[0],)), node_schema))
        by_label = keyed.join(frame.rdd.map(lambda r: (r["node"], r["label"]))).map(lambda kv: (kv[1][1], kv[1][0]))
        counts = Counter(frame.groupBy("label").count().groupBy("count").count().rdd
                         .map(lambda r: (r[0], r[1])).collectAsMap())
    counts = Counter({size: n for size, n in counts.items() if n > 0})
    groups = by_label.groupByKey(tasks).map(lambda kv: list(kv[1]))
    return groups, sum(counts.values()), max(counts, default=0), iterations, size_classes(dict(counts))


#: Articles a task of the corpus steps gets at least, so that its fixed cost (~20 ms: the worker's set-up
#: and the (de)serialisation of its function, bench_batch) stays small beside its work, and at most, since a
#: task holds its groups in memory.
MIN_PER_TASK, MAX_PER_TASK = 16, 5_000


def partitions(sc: Any, items: int | None = None) -> int:
    """Tasks per stage of the corpus steps for a batch of ``items`` articles: two per task slot, so that no
    slot idles behind one long task, but none with fewer than ``MIN_PER_TASK`` articles, and more than two
    per slot where a task would get over ``MAX_PER_TASK``. Without ``items``: two per slot."""
    slots = max(1, sc.defaultParallelism)
    if items is None:
        return 2 * slots
    return max(1, min(-(-items // MIN_PER_TASK), max(2 * slots, -(-items // MAX_PER_TASK))))


# ---------------------------------------------------------------- propagation

def spreadable(art: Article) -> list[Any]:
    """The confident names one analysed article lends to the others (``names_to_spread``): the batch
    collects them with the analyse job, so propagation needs no pass over the articles of its own."""
    return names_to_spread(article_document(art))


def propagate(sc: Any, articles: RDD[tuple[Key, Article]], names: Iterable[tuple[Key, list[Any]]]
              ) -> tuple[RDD[tuple[Key, Article]], Any]:
    """``propagate_mentions`` over a distributed batch: ``names`` (:func:`spreadable` per article) added to
    one ``KnownNames`` in input order here, then spread per article, lazily (the entity step's first stage
    runs it). Returns the articles and the accumulator of mentions added (read once that stage ran)."""
    known = KnownNames()
    for _, found in sorted(names, key=lambda kv: kv[0]):
        for name in found:
            known.add(name)
    counter = sc.accumulator(0)
    if not len(known):
        return articles, counter
    shared = sc.broadcast(known)

    def spread(art: Article) -> Article:
        counter.add(propagate_article(art, article_document(art), shared.value))
        return art

    return articles.mapValues(spread), counter


# ---------------------------------------------------------------- entities

def entity_edges(keyed: Iterable[tuple[int, str]]) -> list[tuple[int, str]]:
    """The unit-key edges :func:`link_entities` builds from ``(unit, blocking key)`` pairs, on one machine:
    an exact-script loose key (``le:``) is kept, as ``l:``, only where a lossy-script name has it."""
    keyed = list(keyed)
    lossy = {k for _, k in keyed if k.startswith("l:")}
    return [(u, k) for u, k in keyed if not k.startswith("le:")] + [
        (u, f"l:{k[3:]}") for u, k in keyed if k.startswith("le:") and f"l:{k[3:]}" in lossy]


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
    check_place_links(art)  # what article_units did to the units' copy, done to the article that is written
    for position, eid, name in rows or ():
        art.mentions[position].entity_id, art.mentions[position].entity_name = eid, name
    attach_speakers([art])
    return art


def link_entities(spark: SparkSession, articles: RDD[tuple[Key, Article]], stats: LinkStats, tasks: int
                  ) -> tuple[RDD[tuple[Key, Article]], list[Entity], list[RDD[Any]]]:
    """Canonical entities over a distributed batch (ids on every mention, speakers attached, lazily: the
    next step's first stage applies them); also the RDDs it left cached.

    Three jobs while the unit-key graph fits the driver: the units and their keys (counted), the keys
    collected, the components clustered (entities and mention ids collected, sent back in a broadcast).
    """
    sc = spark.sparkContext
    units = (articles.mapPartitions(_flat(lambda kv: _units_of(*kv))).zipWithUniqueId()
             .map(lambda uv: (uv[1], uv[0])).persist())
    unit_keys = units.map(lambda kv: (kv[0], blocking_keys(kv[1][3]))).persist()
    n_units, n_keys = unit_keys.map(lambda kv: (1, len(kv[1]))).fold((0, 0), lambda a, b: (a[0] + b[0], a[1] + b[1]))
    edges: list[tuple[int, str]] | RDD[tuple[int, str]]
    if n_keys <= DRIVER_EDGES:
        edges = entity_edges((u, k) for u, keys in unit_keys.collect() for k in keys)
    else:
        keyed = unit_keys.flatMapValues(lambda keys: keys)
        lossy = keyed.filter(lambda e: e[1].startswith("l:")).map(lambda e: (e[1][2:], None)).distinct(tasks)
        exact = (keyed.filter(lambda e: e[1].startswith("le:")).map(lambda e: (e[1][3:], e[0])).join(lossy, tasks)
                 .map(lambda kv: (kv[1][0], f"l:{kv[0]}")))
        edges = keyed.filter(lambda e: not e[1].startswith("le:")).union(exact)
    (blocks, stats.entity_components, stats.largest_entity_component, stats.entity_iterations,
     stats.entity_sizes) = _grouped(spark, units, edges, n_units, tasks)
    out = blocks.mapPartitions(_flat(_cluster_units))
    cached: list[RDD[Any]] = [units, unit_keys]
    if n_keys <= DRIVER_EDGES:  # as many mention ids as units' keys: they fit the driver too
        entities, rows = [], defaultdict(list)  # an article's units can fall into several components
        for kind, value in out.collect():
            if kind == "e":
                entities.append(value)
            else:
                rows[value[0]] += value[1]
        ids = sc.broadcast(dict(rows))
        linked = articles.map(lambda kv: (kv[0], _apply_entities(kv[1], ids.value.get(kv[0]))))
    else:
        out = out.persist()
        cached.append(out)
        entities = out.filter(lambda kv: kv[0] == "e").map(lambda kv: kv[1]).collect()
        updates = out.filter(lambda kv: kv[0] == "m").map(lambda kv: kv[1]).reduceByKey(lambda a, b: a + b, tasks)
        linked = articles.leftOuterJoin(updates, tasks).mapValues(lambda ar: _apply_entities(*ar))
    seen = Counter(e.id for e in entities)
    stats.id_collisions = sorted(eid for eid, n in seen.items() if n > 1)
    return linked, sorted(entities, key=lambda e: e.id), cached


# ---------------------------------------------------------------- events

@lru_cache(maxsize=4)
def _planes(dim: int) -> np.ndarray:
    """Fixed random hyperplanes (the same on every executor: a seeded generator)."""
    return np.random.default_rng(9).standard_normal((LSH_BANDS * LSH_BITS, dim)).astype(np.float32)


def event_keys(ev: Evidence) -> list[str]:
    """Block keys of one article: (entity key or LSH band, 14-day window), or ``u`` windows when undated.

    Two articles at most 14 days apart share a window (each takes its span's windows and the next one);
    an undated article's blocks are ``(key, "u")``, which dated articles join too (see :func:`block_pairs`).
    Entity keys start ``k:``, vector bands ``v``.
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


def block_pairs(key: str, block: list[tuple[int, str, Evidence]], threshold: float
                ) -> Iterator[tuple[str, int, int]]:
    """What one block yields: ``("edge", i, j)`` for each pair whose embedded score reaches ``threshold``,
    ``("pairs", n, 0)`` for the pairs scored, ``("frequent" | "windowed", 1, 0)`` for an oversized block.

    In an undated block (``…|u``) a side of each pair must be undated (dated pairs meet in their windows).
    An entity block over ``MAX_BLOCK`` articles is not used; a vector block over it pairs each article with
    its ``BLOCK_WINDOW`` predecessors by date.
    """
    undated_only = key.endswith("|u")
    if undated_only and all(b[2].span is not None for b in block):
        return
    if len(block) > MAX_BLOCK:
        if key.startswith("k:"):
            yield "frequent", 1, 0
            return
        yield "windowed", 1, 0
    block.sort(key=lambda b: ((b[2].span or (10**7, 0))[0], b[1]))
    states = [_solo(art_id, ev) for _, art_id, ev in block]
    scored = 0
    for j in range(len(block)):
        lo = 0 if len(block) <= MAX_BLOCK else max(0, j - BLOCK_WINDOW)
        for i in range(lo, j):
            if undated_only and block[i][2].span is not None and block[j][2].span is not None:
                continue
            scored += 1
            if event_score(block[j][2], states[i]) >= threshold:
                yield "edge", *sorted((block[i][0], block[j][0]))
    yield "pairs", scored, 0


def _cluster_events(arts: list[tuple[Key, Article]]) -> Iterator[tuple[str, Any]]:
    """Events and refined dates of one component of articles, by the embedded clustering (its stories are
    placed again over all events, :func:`place_stories`)."""
    arts.sort(key=lambda kv: kv[0])
    articles = [a for _, a in arts]
    events, _ = cluster(articles, [], [])
    refine_dates(articles)
    for kv in arts:
        yield "a", kv
    for event in events:
        yield "v", event


def place_stories(events: list[Event]) -> tuple[list[Event], list[Story]]:
    """Stories over all events of the batch at once, on the driver, as the embedded clustering places them.

    Stories chain events over up to three years by actors and theme, so a story's events often fall in
    different components. ``cluster`` places stories after all its events exist: reported events in
    date order, each with the events its articles mention, then mentioned events in the story of the
    articles that mention them. This replays that order with the same ``EventIndex`` methods over the
    events (never their articles): identical events give identical stories.
    """
    states = [EventState.from_event(e) for e in events]
    for state in states:
        state.event.story_id = None
    index = EventIndex()
    index.add_states(states)
    event_of = {a: e.id for e in events if e.kind == "reported" for a in e.article_ids}
    chain_stories(index, states, lambda st: st.event.meta.get("mentions", ()),
                  lambda st: [event_of[a] for a in st.event.mentioned_in if a in event_of])
    index.touched = {s.event.id for s in states}
    placed, stories = index.finish()
    return sorted(placed, key=lambda e: e.id), sorted(stories, key=lambda s: s.id)


def _set_story(art: Article, story_of: dict[str, str | None]) -> Article:
    art.story_id = story_of.get(art.event_id or "")
    return art


def link_events(spark: SparkSession, articles: RDD[tuple[Key, Article]], stats: LinkStats, nodes: int, tasks: int
                ) -> tuple[RDD[tuple[Key, Article]], list[Event], list[Story], list[RDD[Any]]]:
    """Events and stories over a distributed batch of ``nodes`` articles (``event_id``/``story_id`` set,
    coarse dates refined); also the RDDs it left cached (the articles returned are a map over them).

    Blocks by :func:`event_keys`; inside each block the pairs are scored by ``event_score`` and only those
    reaching ``join - EVENT_MARGIN`` become edges, so a component holds articles the embedded clustering
    could put in one event (and the events those could chain), not everything a block key touches. Three
    jobs while the edges fit the driver: the edges found (counted), collected, the components clustered.
    """
    from newsweave.corpus.events import WEIGHTS

    sc = spark.sparkContext
    threshold = WEIGHTS.join - EVENT_MARGIN
    numbered = articles.zipWithUniqueId().map(lambda kv: (kv[1], kv[0])).persist()
    tally = {kind: sc.accumulator(0) for kind in ("pairs", "frequent", "windowed")}

    def keyed(nv: tuple[int, tuple[Key, Article]]) -> Iterator[tuple[str, tuple[int, str, Evidence]]]:
        ev = evidence(nv[1][1])
        return ((k, (nv[0], nv[1][1].id, ev)) for k in event_keys(ev))

    def edges_of(block: tuple[str, Iterable[tuple[int, str, Evidence]]]) -> Iterator[tuple[int, int]]:
        for kind, a, b in block_pairs(block[0], list(block[1]), threshold):
            if kind == "edge":
                yield a, b
            else:
                tally[kind].add(a)

    found = (numbered.mapPartitions(_flat(keyed)).groupByKey(tasks).filter(lambda kv: len(kv[1]) > 1)
             .mapPartitions(_flat(edges_of)).persist())
    edges: list[tuple[int, tuple[int, int]]] | RDD[tuple[int, tuple[int, int]]]
    if found.count() <= DRIVER_EDGES:
        pairs = set(found.collect())
        stats.event_edges = len(pairs)
        edges = [(node, pair) for pair in pairs for node in pair]  # union_labels: labels do not depend on order
    else:
        distinct = found.distinct(tasks)
        stats.event_edges = distinct.count()
        edges = distinct.flatMap(lambda p: ((p[0], p), (p[1], p)))
    stats.event_pairs, stats.frequent_blocks, stats.windowed_blocks = (tally["pairs"].value, tally["frequent"].value,
                                                                       tally["windowed"].value)
    groups, stats.event_components, stats.largest_event_component, stats.event_iterations, stats.event_sizes = \
        _grouped(spark, numbered, edges, nodes, tasks)
    out = groups.mapPartitions(_flat(_cluster_events)).persist()
    events, stories = place_stories(_merge_events(out.filter(lambda kv: kv[0] == "v").values().collect()))
    story_of = sc.broadcast({e.id: e.story_id for e in events if e.kind == "reported"})
    linked = out.filter(lambda kv: kv[0] == "a").values().mapValues(lambda a: _set_story(a, story_of.value))
    return linked, events, stories, [numbered, found, out]


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


@dataclass
class Linked:
    """What :func:`link_distributed` gives: the linked articles (computed from cached RDDs), the corpus
    lists, the blocking figures, and the cached RDDs to release once the articles are written."""

    articles: RDD[tuple[Key, Article]]
    entities: list[Entity]
    events: list[Event]
    stories: list[Story]
    stats: LinkStats
    cached: list[RDD[Any]]

    def release(self) -> None:
        """Drop the cached RDDs the linked articles are computed from."""
        for rdd in self.cached:
            rdd.unpersist()


def link_distributed(spark: SparkSession, articles: RDD[tuple[Key, Article]], names: list[tuple[Key, list[Any]]]
                     ) -> Linked:
    """``link_corpus`` as Spark jobs: propagation, entities and speakers, events and stories, dates.

    ``articles`` are the analysed articles (cached by the caller), ``names`` their :func:`spreadable` names,
    one entry per article. Six jobs while the graphs fit the driver, over ``partitions(sc, len(names))``
    tasks per stage.
    """
    stats = LinkStats()
    sc = spark.sparkContext
    tasks = partitions(sc, len(names))
    sc.setJobDescription("link: entities")
    propagated, spread = propagate(sc, articles, names)
    propagated = propagated.persist()  # read by the units' stage and, with the entity ids, by the events' first
    with_entities, entities, cached = link_entities(spark, propagated, stats, tasks)
    cached.append(propagated)
    stats.propagated = spread.value
    sc.setJobDescription("link: events")
    linked, events, stories, more = link_events(spark, with_entities, stats, len(names), tasks)
    for rdd in cached:
        rdd.unpersist()
    return Linked(linked, entities, events, stories, stats, more)
