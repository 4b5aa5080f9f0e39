"""``newsweave batch`` on Spark (local[2]) gives what ``newsweave analyze`` gives, and bad input is counted.

One SparkSession is shared by the module (start-up costs 10-20 s); the corpus is the seeds plus a few
dozen generated articles with one malformed line in the middle, run once through each path.
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

pytestmark = pytest.mark.slow

_PEOPLE = ["Angela Merkel", "Emmanuel Macron", "Olaf Scholz", "Ursula von der Leyen", "Pedro Sánchez",
           "Giorgia Meloni", "Mark Rutte", "Donald Tusk"]
_CITIES = ["Berlin", "Paris", "Madrid", "Rome", "Warsaw", "Brussels"]
_MONTHS = ["January", "February", "March", "April", "May", "June"]
_SPAN_FIELDS = {"mentions": "entities", "times": "times", "quantities": "quantities", "quotes": "quotes"}
_ARTICLE_FIELDS = ("lang", "script", "date", "date_precision", "date_source", "date_earliest", "date_latest")


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


@pytest.fixture(scope="module")
def corpus(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeds + 30 generated articles + one exact copy, with a malformed line in the middle."""
    records = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(seeds_dir.glob("*.txt"))]
    records += _generated(30)
    records.append({"id": "copy-of-gen000", "text": records[5]["text"]})
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(20, '{"id": "broken", "text": "unterminated')
    path = tmp_path_factory.mktemp("batch") / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """One local[2] session for the module; ``newsweave batch`` picks it up via getOrCreate."""
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


def _spans(rows: list[dict[str, Any]], drop: set[str]) -> dict[str, list[dict[str, Any]]]:
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        art = row.pop("article_id")
        by_article[art].append({k: v for k, v in row.items() if k not in drop})
    return {k: sorted(v, key=lambda r: (r["start"], r["end"])) for k, v in by_article.items()}


def _groups(pairs: list[tuple[str, str | None]]) -> set[frozenset[str]]:
    """The partition of items by group id (items without a group left out): ids may differ, groups not."""
    groups: dict[str, set[str]] = defaultdict(set)
    for item, group in pairs:
        if group is not None:
            groups[group].add(item)
    return {frozenset(g) for g in groups.values()}


def test_batch_bad_line_counted_and_rest_kept(batched: tuple[Path, str], analyzed: dict[str, dict[str, Any]]) -> None:
    out, output = batched
    assert "1 bad inputs" in output
    assert "corpus.jsonl:21: bad JSONL record" in output
    ids = {row["id"] for row in _table(out, "articles")}
    assert ids == set(analyzed)
    assert len(ids) == 36  # 5 seeds + 30 generated + 1 copy; only the broken line is missing


def test_batch_per_article_results_equal_analyze(batched: tuple[Path, str],
                                                 analyzed: dict[str, dict[str, Any]]) -> None:
    out, _ = batched
    for row in _table(out, "articles"):
        want = analyzed[row["id"]]
        assert {f: row[f] for f in _ARTICLE_FIELDS} == {f: want[f] for f in _ARTICLE_FIELDS}, row["id"]
        assert row["duplicate_of"] == want["duplicate_of"]
    for table, key in _SPAN_FIELDS.items():
        # entity ids are compared as groups below; everything else about a span must be equal
        drop = {"entity_id", "speaker_entity_id"}
        got = _spans(_table(out, table), drop)
        for art_id, record in analyzed.items():
            want = sorted(({k: v for k, v in item.items() if k not in drop} for item in record[key]),
                          key=lambda r: (r["start"], r["end"]))
            assert got.get(art_id, []) == want, (table, art_id)


def test_batch_entity_and_event_groups_equal_analyze(batched: tuple[Path, str],
                                                     analyzed: dict[str, dict[str, Any]]) -> None:
    out, _ = batched
    mentions = [((r["article_id"], r["start"], r["end"]), r["entity_id"]) for r in _table(out, "mentions")]
    want_mentions = [((a, m["start"], m["end"]), m["entity_id"])
                     for a, rec in analyzed.items() for m in rec["entities"]]
    assert _groups(mentions) == _groups(want_mentions)
    articles = _table(out, "articles")
    for field in ("event_id", "story_id"):
        assert _groups([(r["id"], r[field]) for r in articles]) == \
            _groups([(a, rec[field]) for a, rec in analyzed.items()])
    events = _table(out, "events")
    assert {e["id"] for e in events} >= {r["event_id"] for r in articles if r["event_id"]}
    entities = {e["id"] for e in _table(out, "entities")}
    assert entities >= {r["entity_id"] for r in _table(out, "mentions") if r["entity_id"]}


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
                       stages=["language", "time"], on_error=errors.append)
    got = {r["id"]: r for r in _table(tmp_path / "out", "articles")}
    assert set(got) == {"gen000", "gen002"} and report.read == 2
    assert got["gen000"]["date"] == rows[0]["date"] and got["gen000"]["date_source"] == "metadata"
    assert got["gen000"]["source"] == rows[0]["source"] and got["gen000"]["lang"] == "en"
    assert len(errors) == 1 and "articles.parquet:2: bad JSONL record: empty text" in errors[0]
