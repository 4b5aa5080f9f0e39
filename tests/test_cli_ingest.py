"""`newsweave ingest/export/import/stats/check` end to end, including kill -9 in the middle of a run."""

from __future__ import annotations

import gzip
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.pool import NullPool

NEWSWEAVE = str(Path(sys.executable).parent / "newsweave")


def _synthetic(path: Path, count: int, seed: int = 7) -> Path:
    """``count`` short articles of random pseudo-words: unique, and far from near-duplicates of each other."""
    rng = random.Random(seed)
    vocab = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9))) for _ in range(5000)]
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            words = rng.choices(vocab, k=rng.randint(40, 90))
            out.write(json.dumps({"id": f"syn-{i:05d}", "title": " ".join(words[:5]), "text": " ".join(words) + ".",
                                  "lang": "en", "source": f"wire{i % 5}", "date": f"2024-{1 + i % 12:02d}-01"}) + "\n")
    return path


def _run(*args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run([NEWSWEAVE, *args], capture_output=True, text=True, timeout=300, check=check)


def _count(db: Path | str, where: str = "1=1") -> int:
    """Rows of ``articles`` matching ``where``, read from outside the process under test."""
    if str(db).startswith("postgresql://"):
        engine = create_engine("postgresql+psycopg://" + str(db).split("://", 1)[1], poolclass=NullPool)
        try:
            with engine.connect() as conn:
                return conn.execute(text(f"SELECT count(*) FROM articles WHERE {where}")).scalar_one()
        except ProgrammingError:  # the schema is not created yet
            return 0
        finally:
            engine.dispose()
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute(f"SELECT count(*) FROM articles WHERE {where}").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet, or the schema is being migrated
        return 0


def _kill_when(cmd: list[str], db: Path | str, where: str, at_least: int) -> int:
    """Start ``cmd``, SIGKILL it once ``at_least`` rows match ``where``; return how many matched then."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while proc.poll() is None and time.monotonic() < deadline:
            if _count(db, where) >= at_least:
                break
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    return _count(db, where)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, fresh_store: Callable[[str, str], str]) -> Path | str:
    """A fresh store location: a SQLite file, or the test PostgreSQL database emptied."""
    location = fresh_store(request.param, "kill.db")
    return Path(location) if request.param == "sqlite" else location


def _stats(db: Path | str) -> dict:
    return json.loads(_run("stats", "--db", str(db), "--jsonl", check=True).stdout)


def test_cli_ingest_survives_kill9_while_storing(tmp_path: Path, db: Path | str) -> None:
    source = _synthetic(tmp_path / "syn.jsonl", 10_000)
    cmd = [NEWSWEAVE, "ingest", str(source), "--db", str(db), "--no-analyze"]
    stored = 0
    for target in (1000, 4000, 7000):  # three rounds: each run is killed further in, then resumed
        at_kill = _kill_when(cmd, db, "1=1", target)
        assert stored < at_kill < 10_000, "each kill must land in the middle of a run that made progress"
        stored = at_kill
    again = _run("ingest", str(source), "--db", str(db), "--no-analyze", "--jsonl", check=True)
    summary = json.loads(again.stdout)
    assert summary["added"] + summary["duplicates"] == 10_000 and summary["duplicates"] >= stored
    assert _stats(db)["articles"] == 10_000
    assert _run("check", "--db", str(db)).returncode == 0
    exported = _run("export", "--db", str(db), check=True).stdout.splitlines()
    assert sorted(json.loads(line)["id"] for line in exported) == [f"syn-{i:05d}" for i in range(10_000)]


def test_cli_ingest_survives_kill9_while_analysing(tmp_path: Path, db: Path | str) -> None:
    source = _synthetic(tmp_path / "syn.jsonl", 600, seed=11)
    _run("ingest", str(source), "--db", str(db), "--no-analyze", check=True)
    cmd = [NEWSWEAVE, "ingest", str(source), "--db", str(db), "--stages", ""]
    at_kill = _kill_when(cmd, db, "status = 'analysed'", 1)
    assert 0 < at_kill < 600, "the kill must land in the middle of the analysis"
    again = json.loads(_run("ingest", str(source), "--db", str(db), "--stages", "", "--jsonl", check=True).stdout)
    assert again["added"] == 0 and again["analysed"] == 600 - at_kill
    assert _stats(db)["by_status"] == {"analysed": 600}
    assert _run("check", "--db", str(db)).returncode == 0


def test_cli_concurrent_ingests_lose_and_duplicate_nothing(tmp_path: Path, db: Path | str) -> None:
    first, second = _synthetic(tmp_path / "a.jsonl", 1500, seed=5), tmp_path / "b.jsonl"
    lines = first.read_text(encoding="utf-8").splitlines()
    extra = _synthetic(tmp_path / "extra.jsonl", 500, seed=6).read_text(encoding="utf-8").splitlines()
    second.write_text("\n".join(lines[500:] + [line.replace("syn-", "more-") for line in extra]) + "\n", "utf-8")
    procs = [subprocess.Popen([NEWSWEAVE, "ingest", str(src), "--db", str(db), "--no-analyze", "--jsonl"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for src in (first, second)]
    outputs = [proc.communicate(timeout=300) for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], [err for _, err in outputs]
    summaries = [json.loads(out) for out, _ in outputs]
    assert sum(s["added"] for s in summaries) == 2000 and sum(s["duplicates"] for s in summaries) == 1000
    assert _stats(db)["articles"] == 2000
    assert _run("check", "--db", str(db)).returncode == 0


def _bad_folder(folder: Path, seeds: Path) -> list[str]:
    """The issue's mixed folder: the seeds plus every kind of bad input; returns the bad files' names."""
    folder.mkdir()
    for seed in sorted(seeds.iterdir()):
        shutil.copy(seed, folder / seed.name)
    first = sorted(seeds.iterdir())[0]
    shutil.copy(first, folder / ("copy-of-" + first.name))
    latin1 = "Le président a visité la région, a déclaré le ministère à Genève."
    (folder / "latin1.txt").write_bytes(latin1.encode("latin-1"))
    cyrillic = "Президент посетил выставку в Алматы и встретился с фермерами."
    (folder / "cp1251.txt").write_bytes(cyrillic.encode("cp1251"))
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 64)
    (folder / "empty.txt").write_bytes(b"")
    with (folder / "huge.txt").open("wb") as big:
        block = b"Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 1000
        while big.tell() < 50 * 1024 * 1024:
            big.write(block)
    menu = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(40))
    (folder / "nav.html").write_text(f"<html><head><title>Menu</title></head><body><nav><ul>{menu}</ul></nav>"
                                     "<footer><a href='/about'>About</a></footer></body></html>", encoding="utf-8")
    (folder / "broken.rss").write_text("<rss version='2.0'><channel><item><title>Cut", encoding="utf-8")
    warc_head = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9999\r\n"
    (folder / "cut.warc.gz").write_bytes(gzip.compress(warc_head)[:40])
    return ["binary.bin", "empty.txt", "huge.txt", "nav.html", "broken.rss", "cut.warc.gz"]


def test_cli_ingest_bad_input_folder_twice(tmp_path: Path, seeds_dir: Path) -> None:
    bad = _bad_folder(tmp_path / "mixed", seeds_dir)
    db = tmp_path / "bad.db"
    first = _run("ingest", str(tmp_path / "mixed"), "--db", str(db), "--no-analyze", "--jsonl")
    assert first.returncode == 0, first.stderr
    errors = [line for line in first.stderr.splitlines() if line.startswith("error: ")]
    for name in bad:
        assert sum(name in line for line in errors) >= 1, f"no error line for {name}: {errors}"
    assert not any(good in line for line in errors for good in ("latin1.txt", "cp1251.txt", "000_"))
    summary = json.loads(first.stdout)
    assert (summary["added"], summary["duplicates"]) == (7, 1)
    second = _run("ingest", str(tmp_path / "mixed"), "--db", str(db), "--no-analyze", "--jsonl", "--strict")
    assert second.returncode == 1
    assert json.loads(second.stdout)["added"] == 0 and _stats(db)["articles"] == 7
    assert _run("check", "--db", str(db)).returncode == 0


def test_cli_export_import_round_trip(tmp_path: Path) -> None:
    source = _synthetic(tmp_path / "syn.jsonl", 40, seed=3)
    db, copy, dump = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "all.jsonl"
    _run("ingest", str(source), "--db", str(db), "--stages", "", check=True)
    _run("export", "--db", str(db), "--what", "all", "-o", str(dump), check=True)
    restored = _run("import", str(dump), "--db", str(copy), check=True)
    assert restored.stdout.startswith("40 articles imported")
    assert _stats(copy) == _stats(db)
    again = _run("export", "--db", str(copy), "--what", "all", check=True).stdout
    assert again == dump.read_text(encoding="utf-8")
    assert _run("export", "--db", str(db), "--format", "parquet", "-o", str(tmp_path / "a.parquet")).returncode == 0
    csv_out = _run("export", "--db", str(db), "--format", "csv", check=True).stdout
    assert len(csv_out.splitlines()) == 41
    assert _run("export", "--db", str(db), "--format", "xml").returncode == 2


@pytest.mark.parametrize("command", ["stats", "check", "export"])
def test_cli_store_commands_report_unusable_db(tmp_path: Path, command: str) -> None:
    result = _run(command, "--db", str(tmp_path / "missing-dir" / "x.db"))
    assert result.returncode == 2 and result.stderr.startswith("error: cannot open store")
