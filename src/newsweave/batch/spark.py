"""The Spark job behind ``newsweave batch``: read, deduplicate, analyse on executors, link, write Parquet.

The per-article work runs on the executors through ``mapPartitions``: each Python worker builds the
``Pipeline`` once (module-level cache; Spark reuses its Python workers across tasks), then calls
``Pipeline.pipe``, the very code ``newsweave analyze`` runs. Inputs are parsed by the project's own
readers (``read_warc`` for WARC files, ``record_to_article`` for JSONL lines and Parquet rows), so a
bad record becomes one ``IngestError`` that is counted and printed, and the job goes on.

The corpus steps (``link_corpus``: propagation, entities, speakers, events, stories, dates) run as
Spark jobs over blocks of related mentions and articles (``newsweave.batch.linking``, the default
``link="spark"``), or on the driver over the analysed articles collected in input order, exactly as
``analyze`` runs them (``link="driver"``; always with ``load_db``, which links against the stored
picture). docs/scale-out.md compares the two with ``analyze``.
"""

from __future__ import annotations

import dataclasses
import heapq
import importlib
import json
import logging
import os
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsweave.batch.linking import link_distributed, partitions, spreadable
from newsweave.batch.tables import SPAN_TABLES, article_rows, corpus_rows, spark_schema
from newsweave.batch.worker import steady_imports
from newsweave.corpus import CorpusPicture, inherit_analysis, link_corpus
from newsweave.dedupe import BatchDeduper
from newsweave.ingest.base import IngestError, InputRejected, max_article_bytes, max_decompressed_bytes
from newsweave.ingest.jsonl import record_to_article
from newsweave.ingest.warc import read_warc
from newsweave.model import Article
from newsweave.pipeline import _GIVEN, STAGES, Pipeline, PipelineError, freeze_long_lived

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

    from newsweave.store import CorpusState

log = logging.getLogger(__name__)

FORMATS = ("jsonl", "warc", "parquet")
#: Where the corpus steps run: Spark jobs over blocks (default) or the driver.
LINK_MODES = ("spark", "driver")

#: Where an input item came from, for ordering: (file URI, position in the file).
Key = tuple[str, int]
Item = tuple[Key, Article | IngestError]

_GZIP_MAGIC = b"\x1f\x8b"
#: The start of a gzip member as WARC writers make them (magic + deflate method).
_GZIP_MEMBER = b"\x1f\x8b\x08"

#: One Pipeline per executor process and stage list: models load once, not once per task.
_PIPELINES: dict[tuple[str, ...] | None, Pipeline] = {}

#: ``spark.python.worker.memory`` unless the caller sets it: the resident size at which a Python worker's
#: shuffle aggregation (``groupByKey``, ``partitionBy``) spills to disk. PySpark compares it with the whole
#: process's RSS, and a worker holding the models is ~1.4 GB resident, so Spark's default (512m) made every
#: shuffle task of the corpus steps spill, each spill ending in a full ``gc.collect()`` (bench_batch, py-spy:
#: ~40% of the link phase's worker CPU, once or more per task). Models plus Spark's default 512 MB for
#: the aggregation itself.
WORKER_MEMORY = "2g"
#: Articles handed to ``Pipeline.pipe`` at a time inside a partition (the embedder batches them).
CHUNK = 64
#: Analyse tasks per task slot (more than one, so that the tail of the phase is a fraction of a task), and
#: articles a task gets at least.
ANALYSE_TASKS_PER_SLOT, ANALYSE_MIN_ARTICLES = 4, 4


@dataclass
class BatchReport:
    """What a batch run did; ``errors`` holds one line per bad input (record, line or file)."""

    read: int = 0
    analysed: int = 0
    duplicates: int = 0
    entities: int = 0
    events: int = 0
    stories: int = 0
    errors: list[str] = field(default_factory=list)
    #: wall seconds per phase: read (parse + dedupe), analyse (executors), link (driver), write
    seconds: dict[str, float] = field(default_factory=dict)
    #: CPU seconds the executors' Python workers spent in the per-article stages (all their threads)
    executor_cpu_s: float = 0.0
    #: how the corpus steps ran ("spark" or "driver") and, for "spark", their blocks (``LinkStats`` fields)
    link: str = "driver"
    link_stats: dict[str, Any] = field(default_factory=dict)
    #: called with each phase's name as it ends (the benchmark reads the CPU of the process tree there)
    on_phase: Callable[[str], None] | None = field(default=None, repr=False, compare=False)

    def summary(self) -> str:
        """The one line printed at the end of a run."""
        return (f"batch: {self.read} articles read, {self.analysed} analysed, {self.duplicates} duplicates, "
                f"{len(self.errors)} bad inputs; {self.entities} entities, {self.events} events, "
                f"{self.stories} stories")


def input_format(path: str) -> str:
    """The input format named by a path: WARC by its suffix, Parquet by ``.parquet``, JSONL otherwise."""
    name = path.rstrip("/").lower()
    if name.endswith((".warc", ".warc.gz", ".arc.gz")):
        return "warc"
    if name.endswith(".parquet"):
        return "parquet"
    return "jsonl"


def check_stages(names: tuple[str, ...] | None) -> None:
    """Refuse an unknown or mis-ordered stage list on the driver, before any Spark work.

    Reads the stage classes' declarations only: constructing a ``Pipeline`` here would load every model
    into the driver, which never analyses an article.
    """
    have = set(_GIVEN)
    for name in names if names is not None else STAGES:
        if name not in STAGES:
            raise PipelineError(f"unknown stage {name!r}; known stages: {', '.join(STAGES)}")
        module_name, _, cls_name = STAGES[name].partition(":")
        cls = getattr(importlib.import_module(module_name), cls_name)
        missing = [r for r in cls.requires if r not in have]
        if missing:
            raise PipelineError(f"stage {name!r} needs {missing}, set by no earlier stage")
        have.update(cls.assigns)


def get_pipeline(stages: tuple[str, ...] | None) -> Pipeline:
    """The executor's Pipeline for these stages, built on first use and kept for the process's life.

    Stages run in the task's thread (``overlap=False``; the output is the same): a Spark task slot is one
    core, and an embedder thread beside each task would make one slot use more than one core.
    """
    if stages not in _PIPELINES:
        _PIPELINES[stages] = Pipeline(stages, overlap=False)
        freeze_long_lived(min_objects=0)  # the models live as long as the worker: out of every later collection
    return _PIPELINES[stages]


def analyse_partition(rows: Iterable[tuple[Key, Article]], stages: tuple[str, ...] | None
                      ) -> Iterator[tuple[Key, Article]]:
    """Run the pipeline over one partition, in chunks, keeping each article's input key."""
    steady_imports()
    pipeline = get_pipeline(stages)
    chunk: list[tuple[Key, Article]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK:
            yield from _analyse_chunk(pipeline, chunk)
            chunk = []
    if chunk:
        yield from _analyse_chunk(pipeline, chunk)


def _timed(rows: Iterator[Any], cpu: Any) -> Iterator[Any]:
    """Pass ``rows`` through, adding the process CPU time spent producing them to the ``cpu`` accumulator."""
    start = time.process_time()
    yield from rows
    cpu.add(time.process_time() - start)


def _analyse_chunk(pipeline: Pipeline, chunk: list[tuple[Key, Article]]) -> Iterator[tuple[Key, Article]]:
    keys = [key for key, _ in chunk]
    yield from zip(keys, pipeline.pipe(art for _, art in chunk), strict=True)


# ---------------------------------------------------------------- readers (run on executors)

def _record_item(rec: Any, file: str, position: int, raw: bytes) -> Item:
    """One JSON-like record (a JSONL line's object or a Parquet row) as an article or an error."""
    where = f"{file}:{position}"
    try:
        return (file, position), record_to_article(rec, f"{Path(file).name}:{position}", where, raw)
    except InputRejected as exc:
        return (file, position), IngestError(where, str(exc))


def jsonl_item(file: str, lineno: int, line: str) -> Item | None:
    """One JSONL line (None for a blank one), parsed as ``read_jsonl`` parses it; bad lines become errors."""
    if not line.strip():
        return None
    raw = line.encode("utf-8")
    where = f"{file}:{lineno}"
    limit = max_article_bytes()
    if len(raw) > limit:
        return (file, lineno), IngestError(where, f"too large (line > {limit} bytes)")
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        return (file, lineno), IngestError(where, f"bad JSONL record: {exc.msg} at column {exc.colno}")
    return _record_item(rec, file, lineno, raw)


def parquet_item(file: str, position: int, rec: dict[str, Any]) -> Item:
    """One Parquet row (``id``, ``text`` and the optional JSONL fields) as an article or an error."""
    clean = {k: v.isoformat() if isinstance(v, date | datetime) else v for k, v in rec.items()}
    return _record_item(clean, file, position, json.dumps(clean, ensure_ascii=False, default=str).encode("utf-8"))


def _read_warc_bytes(content: bytes, uri: str) -> list[Article | IngestError]:
    """``read_warc`` over bytes (through a temporary file), with the temporary path replaced by ``uri``."""
    suffix = ".warc.gz" if content[:2] == _GZIP_MAGIC else ".warc"
    with tempfile.TemporaryDirectory(prefix="newsweave-warc-") as tmp:
        local = Path(tmp) / f"input{suffix}"
        local.write_bytes(content)
        items = list(read_warc(local))
    for i, item in enumerate(items):
        if isinstance(item, IngestError):
            items[i] = IngestError(item.origin.replace(str(local), uri), item.reason.replace(str(local), uri))
        else:
            item.origin = (item.origin or "").replace(str(local), uri)
    return items


def _gzip_members(content: bytes, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """``(offset, inflated member)`` of every gzip member; None for a damaged one.

    After a damaged member, reading resumes at the next gzip header: WARC.gz files (CC-NEWS) hold one
    record per member, so one bad record costs that record only.
    """
    view = memoryview(content)
    pos = 0
    while pos < len(content):
        inflater = zlib.decompressobj(wbits=31)
        try:
            data = inflater.decompress(view[pos:], limit + 1)
        except zlib.error:
            data = None
        if data is not None and inflater.eof and data.startswith(b"WARC/"):
            yield pos, data
            pos = len(content) - len(inflater.unused_data)
            continue
        yield pos, None
        if data is not None and not inflater.eof and not inflater.unconsumed_tail:
            return  # cut off at the end of the file
        pos = content.find(_GZIP_MEMBER, pos + 1)
        if pos < 0:
            return


def warc_items(uri: str, content: bytes) -> Iterator[Item]:
    """Every page (or error) of one WARC file, read by ``read_warc``.

    ``read_warc`` stops at the first damaged record of a file. For a damaged WARC.gz the file is read
    again member by member: the damaged members become one error each, and every other record is kept.
    """
    items = _read_warc_bytes(content, uri)
    damaged = bool(items) and isinstance(items[-1], IngestError) and content[:2] == _GZIP_MAGIC
    if damaged:
        errors: list[Article | IngestError] = []
        good = bytearray()
        for offset, member in _gzip_members(content, max_decompressed_bytes()):
            if member is None:
                errors.append(IngestError(f"{uri}@{offset}", "damaged WARC.gz record skipped (compressed offset)"))
            else:
                good += member
        if good:
            items = _read_warc_bytes(bytes(good), uri) + errors
    for position, item in enumerate(items):
        yield (uri, position), item


# ---------------------------------------------------------------- the job (driver)

def spark_session(master: str = "local[*]", app_name: str = "newsweave-batch",
                  conf: dict[str, str] | None = None) -> SparkSession:
    """A SparkSession for the job (or the active one); executors run this very Python interpreter.

    ``conf`` adds or overrides Spark settings (the benchmark turns on the event log to time every stage).
    """
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = (SparkSession.builder.master(master).appName(app_name)
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.python.worker.reuse", "true")
               .config("spark.python.worker.memory", WORKER_MEMORY)
               # one native thread per task slot (the embedder's OpenMP would take every core of the machine)
               .config("spark.executorEnv.OMP_NUM_THREADS", os.environ.get("OMP_NUM_THREADS", "1")))
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    if "spark.sql.shuffle.partitions" not in (conf or {}):  # as many tasks per stage as the RDD stages
        spark.conf.set("spark.sql.shuffle.partitions", str(partitions(spark.sparkContext)))
    return spark


def _indexed(df: Any) -> RDD[tuple[str, int, Any]]:
    """``(file, position from 1, row)`` for every row of a file-based DataFrame, positions per file.

    Spark keeps a file's rows in order across its splits, so a global ``zipWithIndex`` minus the first
    index of the file is the row's position in the file (its line number for text input).
    """
    from pyspark.sql import functions as F

    rows = df.select(F.input_file_name().alias("_file"), "*").rdd.zipWithIndex()
    first = rows.map(lambda r: (r[0][0], r[1])).reduceByKey(min).collectAsMap()
    starts = df.sparkSession.sparkContext.broadcast(first)
    return rows.map(lambda r: (r[0][0], r[1] - starts.value[r[0][0]] + 1, r[0]))


def read_inputs(spark: SparkSession, inputs: list[str], fmt: str | None = None) -> RDD[Item]:
    """Every input item as ``(key, Article | IngestError)``, read by Spark's readers."""
    groups: dict[str, list[str]] = {}
    for path in inputs:
        groups.setdefault(fmt or input_format(path), []).append(path)
    parts = []
    for kind, paths in groups.items():
        if kind == "warc":
            files = spark.sparkContext.binaryFiles(",".join(paths))
            parts.append(files.flatMap(lambda kv: warc_items(kv[0], bytes(kv[1]))))
        elif kind == "parquet":
            rows = _indexed(spark.read.parquet(*paths))
            parts.append(rows.map(lambda r: parquet_item(r[0], r[1], {k: v for k, v in r[2].asDict().items()
                                                                       if k != "_file"})))
        elif kind == "jsonl":
            lines = _indexed(spark.read.text(paths))
            parts.append(lines.map(lambda r: jsonl_item(r[0], r[1], r[2]["value"])).filter(lambda x: x is not None))
        else:
            raise ValueError(f"unknown input format {kind!r}; known: {', '.join(FORMATS)}")
    return spark.sparkContext.union(parts)


def _mark_duplicates(articles: list[tuple[Key, str, str]]) -> dict[Key, tuple[str, dict[str, Any]]]:
    """Input key -> (original id, duplicate note) for copies, decided in input order as ``analyze`` does."""
    deduper = BatchDeduper()
    copies = {}
    for key, art_id, text in articles:
        art = Article(id=art_id, text=text)
        original = deduper.check(art)
        if original is not None:
            copies[key] = (original, art.meta["duplicate"])
    return copies


def run_batch(inputs: list[str], out: str, *, spark: SparkSession | None = None, master: str = "local[*]",
              fmt: str | None = None, stages: Iterable[str] | None = None, load_db: str | None = None,
              on_error: Callable[[str], None] | None = None, link: str = "spark",
              on_phase: Callable[[str], None] | None = None) -> BatchReport:
    """Analyse every input on Spark and write the Parquet tables under ``out`` (one folder per table).

    Bad inputs are counted in the report (and passed to ``on_error``), never fatal. With ``load_db`` the
    articles are also stored there and linked against what the store already holds (on the driver, whatever
    ``link`` says); else ``link`` says where the corpus steps run (``LINK_MODES``). ``on_phase`` is called
    with each phase's name (read, analyse, link, write) as it ends.
    """
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown input format {fmt!r}; known: {', '.join(FORMATS)}")
    if link not in LINK_MODES:
        raise ValueError(f"unknown link mode {link!r}; known: {', '.join(LINK_MODES)}")
    stage_names = tuple(stages) if stages is not None else None
    check_stages(stage_names)
    spark = spark or spark_session(master)
    sc = spark.sparkContext
    report = BatchReport(on_phase=on_phase)
    clock = time.perf_counter()
    sc.setJobDescription("read")
    items = read_inputs(spark, inputs, fmt).persist()
    try:
        read = sorted(items.map(lambda kv: (kv[0], str(kv[1])) if isinstance(kv[1], IngestError)
                                else (kv[0], kv[1].id, kv[1].text)).collect())
        for _, err in (r for r in read if len(r) == 2):
            report.errors.append(err)
            if on_error:
                on_error(err)
        texts = [r for r in read if len(r) == 3]
        report.read = len(texts)
        copies = _mark_duplicates(texts)
        marked = sc.broadcast(copies)
        clock = _lap(report, "read", clock)
        sc.setJobDescription("analyse")
        plan = analyse_plan([(key, len(text)) for key, _, text in texts if key not in copies], sc.defaultParallelism)
        tasks, where = max(plan.values(), default=0) + 1, sc.broadcast(plan)
        cpu = sc.accumulator(0.0)
        analysed_rdd = (items.filter(lambda kv: kv[0] in where.value).map(lambda kv: (where.value[kv[0]], kv))
                        .partitionBy(tasks, lambda part: part).values()
                        .mapPartitions(lambda rows: _timed(analyse_partition(rows, stage_names), cpu)))
        dupes = dict(items.filter(lambda kv: kv[0] in marked.value).collect()) if copies else {}
        for key, art in dupes.items():
            art.duplicate_of, art.meta["duplicate"] = copies[key]
        if link == "spark" and not load_db:
            analysed_rdd = analysed_rdd.persist()
            names = analysed_rdd.mapValues(spreadable).collect()  # the analyse job: every article, once
            report.analysed = len(names)
            report.executor_cpu_s = round(cpu.value, 3)
            clock = _lap(report, "analyse", clock)
            _link_on_spark(spark, report, analysed_rdd, names, dupes, out, clock)
            return report
        analysed = dict(analysed_rdd.collect())
        report.executor_cpu_s = round(cpu.value, 3)
    finally:
        items.unpersist()
    clock = _lap(report, "analyse", clock)
    ordered_keys = sorted(analysed)
    originals = [analysed[k] for k in ordered_keys]
    by_id = {a.id: a for a in originals}
    picture = _link_store(load_db, originals, dupes) if load_db else link_corpus(originals)
    for art in dupes.values():
        if art.duplicate_of in by_id:
            inherit_analysis(art, by_id[art.duplicate_of])
    everything = [*analysed.items(), *dupes.items()]
    final = [a for _, a in sorted(everything, key=lambda kv: kv[0])]
    report.analysed, report.duplicates = len(originals), len(dupes)
    report.entities, report.events, report.stories = (len(picture.entities), len(picture.events),
                                                      len(picture.stories))
    clock = _lap(report, "link", clock)
    sc.setJobDescription("write")
    write_tables(spark, out, final, picture)
    _lap(report, "write", clock)
    return report


def _link_on_spark(spark: SparkSession, report: BatchReport, analysed: RDD[tuple[Key, Article]],
                   names: list[tuple[Key, list[Any]]], dupes: dict[Key, Article], out: str, clock: float) -> None:
    """The corpus steps as Spark jobs, then the tables written from the executors (the driver holds no articles)."""
    report.link = "spark"
    linked = link_distributed(spark, analysed, names)
    analysed.unpersist()
    report.link_stats = dataclasses.asdict(linked.stats)
    if dupes:
        wanted = spark.sparkContext.broadcast({art.duplicate_of for art in dupes.values()})
        by_id = dict(linked.articles.values().filter(lambda a: a.id in wanted.value).map(lambda a: (a.id, a))
                     .collect())
        for art in dupes.values():
            if art.duplicate_of in by_id:
                inherit_analysis(art, by_id[art.duplicate_of])
    report.duplicates = len(dupes)
    report.entities, report.events, report.stories = len(linked.entities), len(linked.events), len(linked.stories)
    clock = _lap(report, "link", clock)
    spark.sparkContext.setJobDescription("write")
    everything = linked.articles.values()
    if dupes:
        everything = everything.union(spark.sparkContext.parallelize(list(dupes.values()), 1))
    write_tables(spark, out, everything, CorpusPicture(linked.entities, linked.events, linked.stories))
    linked.release()
    _lap(report, "write", clock)
    spark.sparkContext.setJobDescription(None)


def analyse_plan(sizes: list[tuple[Key, int]], slots: int) -> dict[Key, int]:
    """Input key -> analyse task for articles of the given text lengths: ``ANALYSE_TASKS_PER_SLOT`` tasks per
    slot (fewer for a small batch) of about equal total text length.

    The per-article stages cost roughly in proportion to the text, and the phase ends with its last task:
    articles are dealt longest first, each to the task with the least text so far (so task 0 holds the
    longest article, and Spark, which starts tasks in index order, starts it first), and with several tasks
    per slot a slot that finishes early takes the next task instead of idling behind one long one.
    """
    tasks = max(1, min(ANALYSE_TASKS_PER_SLOT * max(1, slots), len(sizes) // ANALYSE_MIN_ARTICLES))
    load = [(0, task) for task in range(tasks)]
    plan = {}
    for key, size in sorted(sizes, key=lambda ks: (-ks[1], ks[0])):
        total, task = heapq.heappop(load)
        plan[key] = task
        heapq.heappush(load, (total + size, task))
    return plan


def _lap(report: BatchReport, phase: str, since: float) -> float:
    now = time.perf_counter()
    report.seconds[phase] = round(now - since, 3)
    if report.on_phase:
        report.on_phase(phase)
    return time.perf_counter()


def _link_store(url: str, originals: list[Article], dupes: dict[Key, Article]) -> CorpusPicture:
    """Store the articles at ``url`` and link the new ones against the stored picture, in one transaction."""
    from newsweave.store import open_store

    linked: list[CorpusPicture] = []

    def link(todo: list[Article], known: CorpusState) -> CorpusPicture:
        linked.append(link_corpus(todo, CorpusPicture(known.entities, known.events, known.stories)))
        return linked[-1]

    with open_store(url) as store:
        results = store.add_articles([*originals, *dupes.values()])
        added = [(art, res) for art, res in zip(originals, results, strict=False) if res.status == "added"]
        for art, res in added:
            art.id = res.id
        store.commit_analysis([art for art, _ in added], link)
        if linked:
            return linked[-1]
        state = store.load_corpus()
        return CorpusPicture(state.entities, state.events, state.stories)


def write_tables(spark: SparkSession, out: str, articles: list[Article] | RDD[Article], picture: CorpusPicture
                 ) -> None:
    """Write the eight Parquet tables (overwriting earlier output of the same names).

    Articles given as an RDD are turned into rows on the executors, one pass per table.
    """
    base = out.rstrip("/")
    tables: dict[str, Any] = corpus_rows(picture.entities, picture.events, picture.stories)
    if isinstance(articles, list):
        tables.update(article_rows(articles))
    else:
        rows = articles.mapPartitions(lambda arts: ((name, row) for name, table in article_rows(arts).items()
                                                    for row in table)).persist()
        for name in ("articles", *SPAN_TABLES):
            tables[name] = rows.filter(lambda kv, n=name: kv[0] == n).map(lambda kv: kv[1])
    for name, table in tables.items():
        df = spark.createDataFrame(table, schema=spark_schema(name))
        if isinstance(table, list):
            df = df.coalesce(max(1, min(8, len(table) // 20_000)))
        df.write.mode("overwrite").parquet(f"{base}/{name}")
    if not isinstance(articles, list):
        rows.unpersist()
