"""``newsweave batch`` on Spark (local[2]) gives what ``newsweave analyze`` gives, and bad input is counted.

One SparkSession is shared by the test session (start-up costs 10-20 s, and every Python worker loads the
models once); the corpus is the seeds plus a dozen generated and a few SlavicNER articles with one
malformed line in the middle, run once through each path. The blocking logic is checked without Spark.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.model import Article, Mention

pytestmark = pytest.mark.slow

_PEOPLE = ["Angela Merkel", "Emmanuel Macron", "Olaf Scholz", "Ursula von der Leyen", "Pedro Sánchez",
           "Giorgia Meloni", "Mark Rutte", "Donald Tusk"]
_CITIES = ["Berlin", "Paris", "Madrid", "Rome", "Warsaw", "Brussels"]
_MONTHS = ["January", "February", "March", "April", "May", "June"]


def _generated(n: int) -> list[dict[str, str]]:
    """English news-like articles: pairs of leaders meeting on a date, with a figure and a quote."""
    rng = random.Random(9)
    out = []
    for i in range(n):
        a, b = rng.sample(_PEOPLE, 2)
        city, month, day = rng.choice(_CITIES), rng.randrange(6), rng.randrange(1, 28)
        amount, share = rng.randrange(2, 900), rng.randrange(1, 40)
        text = (f"{a} met {b} in {city} on {day} {_MONTHS[month]} 2024 to discuss trade and energy.\n\n"
                f"Trade between the two countries reached ${amount} million last year, up {share}% on 2022. "
                f'"We agreed to work more closely," {a} said after the talks. '
                f"{b} is expected to visit again next month.")
        out.append({"id": f"gen{i:03d}", "text": text, "date": f"2024-{month + 1:02d}-{day:02d}",
                    "source": rng.choice(["Wire A", "Wire B"])})
    return out


#: Articles in the equivalence corpus: 5 seeds + 12 generated + 6 SlavicNER + 1 exact copy.
_ARTICLES = 24


@pytest.fixture(scope="module")
def corpus(seeds_dir: Path, shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeds + 12 generated + 6 SlavicNER articles + one exact copy, with a malformed line in the middle."""
    records = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(seeds_dir.glob("*.txt"))]
    records += _generated(12)
    with (shared / "dev/slavicner/docs.jsonl").open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    records += [{"id": f"slavic{i}", "text": d["text"]} for i, d in enumerate(random.Random(3).sample(docs, 6))]
    records.append({"id": "copy-of-gen000", "text": records[5]["text"]})
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(10, '{"id": "broken", "text": "unterminated')
    path = tmp_path_factory.mktemp("batch") / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local[2] session for the test session; ``newsweave batch`` picks it up via getOrCreate."""
    from newsweave.batch import spark_session

    session = spark_session("local[2]")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def analyzed(corpus: Path) -> dict[str, dict[str, Any]]:
    """``newsweave analyze --jsonl`` over the corpus, by article id.

    It runs in its own process under the string-hash seed Spark gives its Python workers (PYTHONHASHSEED,
    0 unless set): some stage output still depends on set order (docs/scale-out.md), and this test is
    about the two paths running the same code, not about that.
    """
    env = {**os.environ, "PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED", "0")}
    result = subprocess.run([str(Path(sys.executable).with_name("newsweave")), "analyze", "--jsonl", str(corpus)],
                            capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return {r["id"]: r for r in records}


@pytest.fixture(scope="module")
def batched(corpus: Path, spark: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """``newsweave batch`` over the corpus: the output folder and the printed summary."""
    out = tmp_path_factory.mktemp("batch-out")
    result = CliRunner().invoke(app, ["batch", str(corpus), "--out", str(out), "--master", "local[2]"])
    assert result.exit_code == 0, result.output
    return out, result.output


def _table(out: Path, name: str) -> list[dict[str, Any]]:
    return pq.read_table(out / name).to_pylist()


def test_batch_bad_line_counted_and_rest_kept(batched: tuple[Path, str], analyzed: dict[str, dict[str, Any]]) -> None:
    out, output = batched
    assert "1 bad inputs" in output
    assert "corpus.jsonl:11: bad JSONL record" in output
    ids = {row["id"] for row in _table(out, "articles")}
    assert ids == set(analyzed)
    assert len(ids) == _ARTICLES  # only the broken line is missing


@pytest.fixture(scope="module")
def comparison(batched: tuple[Path, str], analyzed: dict[str, dict[str, Any]]) -> Any:
    from newsweave.batch.equivalence import compare, read_batch

    return compare(analyzed, read_batch(batched[0]))


def test_batch_per_article_results_equal_analyze(comparison: Any) -> None:
    assert not comparison.missing and not comparison.extra
    for name, (same, total) in comparison.fields.items():
        assert same == total == _ARTICLES, (name, comparison.examples[name])
    for key, (same, in_analyze, in_batch, lists) in comparison.spans.items():
        assert same == in_analyze == in_batch and lists == _ARTICLES, (key, comparison.examples[key])
    assert comparison.spans["entities"][0] > 300  # the comparison saw real work


def test_batch_distributed_entities_events_stories_equal_analyze(comparison: Any, batched: tuple[Path, str]) -> None:
    """Linking on Spark (blocks, connected components, the embedded clustering per block) gives analyze's groups.

    Entities are identical, ids included. Events and stories are equivalent, not identical (docs/scale-out.md):
    an article the embedded path joins through an event's centroid can fall outside the block of pairs, and
    stories are built within a block only. Events are checked by pairwise F1 against analyze's; stories to be
    (nearly) a refinement of analyze's: a story split across blocks costs recall, never a wrong pair.
    """
    for label in ("entities", "entity names", "quote speakers"):
        agreement = comparison.groups[label]
        assert agreement.identical_groups == agreement.groups_ref == agreement.groups_got, label
        assert agreement.same_ids == agreement.items, label  # the ids themselves, not only the groups
    assert comparison.groups["events"].f1 >= 0.9, comparison.groups["events"]
    assert comparison.groups["stories"].precision >= 0.95, comparison.groups["stories"]
    out, _ = batched
    articles = _table(out, "articles")
    events = {e["id"] for e in _table(out, "events")}
    assert events >= {r["event_id"] for r in articles if r["event_id"]}
    entities = {e["id"] for e in _table(out, "entities")}
    assert entities >= {r["entity_id"] for r in _table(out, "mentions") if r["entity_id"]}


def _named(aid: str, lang: str, names: list[tuple[str, str]]) -> Article:
    art = Article(id=aid, text=" … ".join(n for n, _ in names), lang=lang)
    for name, etype in names:
        start = art.text.index(name, art.mentions[-1].end if art.mentions else 0)
        art.mentions.append(Mention(start, start + len(name), name, etype))
    return art


def _name_batch() -> list[Article]:
    """Recognised mentions in five languages and two lossy scripts: inflections, acronyms, two Aliyevs, and a
    name only a loose cross-script key links (Liz Truss / ليز تراس)."""
    return [_named("a", "pl", [("Kassym-Żomart Tokajew", "PER"), ("Tokajewem", "PER"), ("Rosji", "LOC"),
                               ("Organizacja Traktatu Północnoatlantyckiego", "ORG"), ("NATO", "ORG")]),
            _named("b", "de", [("Kassym-Schomart Tokajew", "PER"), ("Wladimir Putin", "PER"), ("NATO", "ORG")]),
            _named("c", "tr", [("Kasım Cömert Tokayev", "PER"), ("Putin'le", "PER"), ("Ankara", "LOC")]),
            _named("d", "en", [("Ilham Aliyev", "PER"), ("Heydar Aliyev", "PER"), ("Aliyev", "PER"),
                               ("Liz Truss", "PER")]),
            _named("e", "ar", [("ليز تراس", "PER"), ("موسكو", "LOC")])]


def test_batch_linking_blocks_give_the_embedded_entities() -> None:
    """Units split into the connected components of ``blocking_keys``, each clustered alone, give the ids
    that clustering all units at once gives, cross-script links included (no Spark: the components by
    ``union_labels``, the driver's union-find)."""
    from newsweave.batch.linking import _cluster_units, _units_of, entity_edges, union_labels
    from newsweave.corpus.entities import blocking_keys, canonicalize

    whole = _name_batch()
    canonicalize(whole, [])
    units = [u for i, art in enumerate(_name_batch()) for u in _units_of(("in", i), art)]
    labels = union_labels(entity_edges((i, key) for i, unit in enumerate(units) for key in blocking_keys(unit[3])))
    blocks: dict[int, list[Any]] = defaultdict(list)
    for i, unit in enumerate(units):
        blocks[labels.get(i, i)].append(unit)
    assert 1 < len(blocks) < len(units)  # some units share keys, not all
    got = {}
    for block in blocks.values():
        for kind, value in _cluster_units(block):
            if kind == "m":
                key, rows = value
                got.update({(key[1], pos): (eid, name) for pos, eid, name in rows})
    want = {(i, pos): (m.entity_id, m.entity_name) for i, art in enumerate(whole) for pos, m in enumerate(art.mentions)}
    assert got == want
    assert want[(3, 3)][0] == want[(4, 0)][0]  # Liz Truss and ليز تراس: a loose cross-script link, kept in one block


def test_batch_entity_keys_kept_by_driver_and_by_rdd_joins_agree(spark: Any, monkeypatch: Any) -> None:
    """An exact-script loose key counts only where a lossy-script name has it: ``entity_edges`` decides that on
    the driver, RDD joins decide it for a graph over ``DRIVER_EDGES``; both give the same entities."""
    from newsweave.batch import linking

    def linked_ids(driver_edges: int) -> dict[int, list[tuple[str | None, str | None]]]:
        monkeypatch.setattr(linking, "DRIVER_EDGES", driver_edges)
        rdd = spark.sparkContext.parallelize([(("in", i), art) for i, art in enumerate(_name_batch())], 2)
        linked, _, cached = linking.link_entities(spark, rdd, linking.LinkStats(), 2)
        out = {key[1]: [(m.entity_id, m.entity_name) for m in art.mentions] for key, art in linked.collect()}
        for kept in cached:
            kept.unpersist()
        return out

    on_driver, by_joins = linked_ids(linking.DRIVER_EDGES), linked_ids(0)
    assert on_driver == by_joins
    assert on_driver[3][3][0] == on_driver[4][0][0]  # Liz Truss / ليز تراس, linked in both


def test_batch_components_by_min_label_propagation_and_union_find(spark: Any) -> None:
    """The DataFrame propagation (large graphs) and the driver's union-find (graphs that fit the driver) label
    every node with its component's smallest id."""
    from newsweave.batch.linking import components, union_labels

    pairs = [(1, "a"), (2, "a"), (2, "b"), (3, "b"), (4, "c"), (5, "c"), (6, "d"), (9, "e"), (8, "e"), (8, "b")]
    edges = spark.createDataFrame(pairs, "node long, key string")
    nodes = spark.createDataFrame([(n,) for n in range(1, 10)], "node long")
    frame, iterations = components(spark, edges, nodes)
    labels = {r["node"]: r["label"] for r in frame.collect()}
    assert labels == {1: 1, 2: 1, 3: 1, 4: 4, 5: 4, 6: 6, 7: 7, 8: 1, 9: 1}
    assert iterations >= 2
    assert union_labels(pairs) == {n: label for n, label in labels.items() if n != 7}  # 7 has no edge



def test_batch_grouped_by_driver_union_find_and_by_dataframes_agree(spark: Any) -> None:
    """The payloads grouped by component, and the component figures, are the same whether the edges were
    collected to the driver (a list) or stay an RDD (min-label propagation on DataFrames)."""
    from newsweave.batch.linking import _grouped

    pairs = [(1, "a"), (2, "a"), (2, "b"), (3, "b"), (4, "c"), (5, "c"), (6, "d"), (9, "e"), (8, "e"), (8, "b")]
    keyed = spark.sparkContext.parallelize([(n, f"p{n}") for n in range(1, 10)], 2)
    on_driver = _grouped(spark, keyed, pairs, 9, 2)
    on_frames = _grouped(spark, keyed, spark.sparkContext.parallelize(pairs, 2), 9, 2)
    groups = [sorted(sorted(g) for g in found[0].collect()) for found in (on_driver, on_frames)]
    assert groups[0] == groups[1] == [["p1", "p2", "p3", "p8", "p9"], ["p4", "p5"], ["p6"], ["p7"]]
    assert on_driver[1:3] == on_frames[1:3] == (4, 5)
    assert on_driver[4] == on_frames[4]
    assert on_driver[3] == 0 < on_frames[3]

def _evidence(aid: str, day: str | None, vector: list[float], entity: str = "loc-astana") -> Any:
    from newsweave.corpus.events import evidence

    art = Article(id=aid, text="Talks in Astana.", date=day, embedding=vector)
    art.mentions.append(Mention(9, 15, "Astana", "LOC", entity_id=entity))
    return evidence(art)


def test_batch_event_blocks_link_only_pairs_that_score_and_skip_frequent_entities(monkeypatch: Any) -> None:
    """Inside a block only pairs reaching the threshold become edges; an oversized entity block links
    nothing (a frequent entity), an oversized vector block pairs by date window."""
    from newsweave.batch import linking
    from newsweave.corpus.events import WEIGHTS

    threshold = WEIGHTS.join - linking.EVENT_MARGIN
    same = [(i, aid, _evidence(aid, "2024-03-01", [1.0, 0.2, 0.0])) for i, aid in enumerate("ab")]
    other = (2, "c", _evidence("c", "2024-03-09", [0.0, 0.1, 1.0], entity="per-someone-else"))
    found = list(linking.block_pairs("k:loc-astana|100", [*same, other], threshold))
    assert [f for f in found if f[0] == "edge"] == [("edge", 0, 1)]
    assert ("pairs", 3, 0) in found
    monkeypatch.setattr(linking, "MAX_BLOCK", 2)
    monkeypatch.setattr(linking, "BLOCK_WINDOW", 1)
    assert list(linking.block_pairs("k:loc-astana|100", [*same, other], threshold)) == [("frequent", 1, 0)]
    windowed = list(linking.block_pairs("v0:17|100", [*same, other], threshold))
    assert ("windowed", 1, 0) in windowed and ("pairs", 2, 0) in windowed  # each with its one predecessor


def test_batch_size_classes() -> None:
    from newsweave.batch.linking import size_classes

    assert size_classes({1: 7, 3: 2, 5: 1, 40: 1, 900: 1}) == {"1": 7, "2-5": 3, "6-20": 0, "21-100": 1,
                                                                  "101-500": 0, ">500": 1}


def test_batch_event_keys_pair_articles_within_the_veto_window() -> None:
    from newsweave.batch.linking import event_keys

    def keys(day: str | None) -> set[str]:
        return set(event_keys(_evidence(day or "undated", day, [1.0, 0.5, 0.25])))

    assert keys("2024-03-01") & keys("2024-03-15")  # 14 days apart: one window
    dated = {k for k in keys("2024-03-01") & keys("2024-04-01") if not k.endswith("|u")}
    assert not dated  # a month apart: only the undated blocks, where dated pairs are never scored
    assert keys(None) & keys("2024-03-01") and all(k.endswith("|u") for k in keys(None))


def _page(i: int) -> bytes:
    return (f"<html><head><title>Harbour story {i}</title></head><body><article><h1>Harbour story {i}</h1>"
            f"<p>The port authority said on Tuesday that container traffic rose by {i + 3} percent in the first "
            f"quarter, driven by grain and metals, while imports of machinery fell for the third month.</p>"
            f"<p>Officials expect the new terminal number {i} to open next spring after two years of work.</p>"
            "</article></body></html>").encode()


def _warc_gz(pages: int) -> tuple[bytes, list[int]]:
    """A WARC.gz of HTML responses (one gzip member each) and the byte offset where each record starts."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    starts = []
    for i in range(pages):
        starts.append(buf.tell())
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://port.example/story-{i}", "response",
                                                      payload=io.BytesIO(_page(i)), http_headers=headers))
    return buf.getvalue(), starts


def test_batch_corrupt_warc_record_costs_only_that_record(spark: Any, tmp_path: Path) -> None:
    from newsweave.batch import run_batch
    from newsweave.store import open_store

    data, starts = _warc_gz(5)
    damaged = bytearray(data)
    middle = starts[2] + (starts[3] - starts[2]) // 2
    damaged[middle:middle + 16] = b"\x00" * 16  # garble the deflate stream of the third record
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "crawl.warc.gz").write_bytes(bytes(damaged))
    errors: list[str] = []
    db = tmp_path / "store.db"
    report = run_batch([str(tmp_path / "in" / "crawl.warc.gz")], str(tmp_path / "out"), spark=spark,
                       stages=["language", "time"], on_error=errors.append, load_db=str(db))
    urls = sorted(row["url"] for row in _table(tmp_path / "out", "articles"))
    assert urls == [f"https://port.example/story-{i}" for i in (0, 1, 3, 4)]
    assert report.read == 4
    assert len(errors) == 1 and "damaged WARC.gz record" in errors[0] and f"@{starts[2]}" in errors[0]
    with open_store(db) as store:  # --load-db: the same articles, analysed, in the store
        assert store.stats().articles == 4
        assert store.count_pending() == 0


def test_batch_input_format_by_name() -> None:
    from newsweave.batch.spark import input_format

    assert input_format("s3a://b/crawl/CC-NEWS-1.warc.gz") == "warc"
    assert input_format("hdfs:///data/part-0001.parquet") == "parquet"
    assert input_format("/data/articles.jsonl") == "jsonl"


def test_batch_check_stages_refuses_unknown_and_misordered() -> None:
    from newsweave.batch.spark import check_stages
    from newsweave.pipeline import PipelineError

    check_stages(("language", "time"))
    with pytest.raises(PipelineError, match="unknown stage"):
        check_stages(("language", "sentiment"))
    with pytest.raises(PipelineError, match="needs"):
        check_stages(("entities",))


def test_batch_reads_parquet_rows_like_jsonl_records(spark: Any, tmp_path: Path) -> None:
    import pyarrow as pa

    from newsweave.batch import run_batch

    rows = _generated(3)
    rows[1]["text"] = "   "  # a row without text is one bad input, like a JSONL record without text
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "articles.parquet")
    errors: list[str] = []
    report = run_batch([str(tmp_path / "articles.parquet")], str(tmp_path / "out"), spark=spark,
                       stages=["language", "time"], on_error=errors.append, link="driver")  # reading is tested
    got = {r["id"]: r for r in _table(tmp_path / "out", "articles")}
    assert set(got) == {"gen000", "gen002"} and report.read == 2
    assert got["gen000"]["date"] == rows[0]["date"] and got["gen000"]["date_source"] == "metadata"
    assert got["gen000"]["source"] == rows[0]["source"] and got["gen000"]["lang"] == "en"
    assert len(errors) == 1 and "articles.parquet:2: bad JSONL record: empty text" in errors[0]


def test_batch_analyse_plan_deals_longest_first_into_balanced_tasks() -> None:
    from newsweave.batch.spark import analyse_plan

    sizes = [(("f", i), n) for i, n in enumerate([5000, 100, 2600, 2400, 300, 2000, 700, 900] * 4)]
    plan = analyse_plan(sizes, 2)
    text: dict[int, int] = defaultdict(int)
    for key, n in sizes:
        text[plan[key]] += n
    assert sorted(text) == list(range(8))  # four tasks per slot
    assert plan[("f", 0)] == 0  # the longest article is in the first task, which Spark starts first
    assert max(text.values()) - min(text.values()) <= max(n for _, n in sizes)
    assert set(analyse_plan(sizes[:5], 2).values()) == {0}  # a handful of articles: one task


def test_batch_partitions_follow_the_batch_size_and_the_slots() -> None:
    from types import SimpleNamespace

    from newsweave.batch.linking import partitions

    sc = SimpleNamespace(defaultParallelism=2)
    assert partitions(sc) == 4  # two per slot
    assert partitions(sc, 20) == 2  # no task with fewer than MIN_PER_TASK articles
    assert partitions(sc, 240) == 4
    assert partitions(sc, 100_000) == 20  # none with more than MAX_PER_TASK


def test_batch_steady_imports_stops_rereading_zip_directories(tmp_path: Path) -> None:
    """What PySpark's worker does before every task (``importlib.invalidate_caches``) re-reads every imported
    zip archive's directory until ``steady_imports`` runs (in a child process: it changes the process)."""
    import zipfile

    archive = tmp_path / "lib.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("zipped_mod.py", "VALUE = 1\n")
    code = (f"import importlib, sys, zipimport\nsys.path.insert(0, {str(archive)!r})\nimport zipped_mod\n"
            "reads = []\nread = zipimport._read_directory\n"
            "zipimport._read_directory = lambda path: reads.append(path) or read(path)\n"
            "importlib.invalidate_caches()\nbefore = len(reads)\n"
            "from newsweave.batch.worker import steady_imports\nsteady_imports()\n"
            "importlib.invalidate_caches()\nprint(before, len(reads) - before, zipped_mod.VALUE)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["1", "0", "1"]


def test_batch_worker_freeze_leaves_loaded_objects_out_of_collections() -> None:
    """After the freeze a worker makes once its pipeline is built (``freeze_long_lived(min_objects=0)``) what it
    held is in the permanent generation (no collection walks it) and garbage made before it was collected, not
    frozen (in a child process: it changes the process)."""
    code = ("import gc, weakref\nclass Node: pass\n"
            "held = [Node() for _ in range(1000)]\n"
            "cycle = Node(); cycle.me = cycle; gone = weakref.ref(cycle); del cycle\n"
            "from newsweave.pipeline import freeze_long_lived\nfreeze_long_lived(min_objects=0)\n"
            "print(gc.get_freeze_count() >= len(held), gone() is None)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "True"]


def test_batch_session_spills_only_beyond_the_models(spark: Any) -> None:
    """Python workers' shuffles spill at ``WORKER_MEMORY`` resident, not Spark's 512m (below a worker with
    the models), unless the caller sets ``spark.python.worker.memory``."""
    from newsweave.batch.spark import WORKER_MEMORY

    assert spark.sparkContext.getConf().get("spark.python.worker.memory") == WORKER_MEMORY
