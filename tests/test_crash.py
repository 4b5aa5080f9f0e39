"""kill -9 at random points, several rounds in a row: while storing, while analysing and linking, while
re-clustering (``newsweave recluster``), during a KB import.

After every kill the store passes ``newsweave check`` and holds no duplicate; after the final run it holds
exactly the input, and the corpus picture (entity and event ids, which article is in which event) is the
one an uninterrupted run produces. The kills hit the real CLI processes; only the pipeline is cut down
to the fast stages (language, time, entities) so that several rounds fit in the CI budget.
"""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from newsweave.jobs import ingest
from newsweave.pipeline import Pipeline
from newsweave.store import open_store

NEWSWEAVE = str(Path(sys.executable).parent / "newsweave")
FAST_STAGES = "language,time,entities"

FIRST = ["Anna", "Pedro", "Olga", "Mehmet", "Rahul", "Jan", "Aigerim", "Lukas", "Sofia", "Tomasz"]
LAST = ["Kowalski", "Alvarez", "Petrova", "Yilmaz", "Sharma", "Novak", "Bekova", "Huber", "Rossi", "Lindqvist"]
CITIES = ["Vienna", "Warsaw", "Ankara", "Delhi", "Astana", "Berlin", "Prague", "Tashkent"]


def _corpus(path: Path, count: int, seed: int) -> Path:
    """News-like synthetic articles with recurring people and places, so linking builds entities and events."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            a, b = rng.sample(range(len(FIRST)), 2)
            city, day, pct = rng.choice(CITIES), rng.randint(1, 28), rng.randint(2, 40)
            text = (f"Minister {FIRST[a]} {LAST[a]} met {FIRST[b]} {LAST[b]} in {city} on {day} March 2024. "
                    f"Trade between the two countries rose by {pct} percent, the ministry said in report {i}. "
                    f"\"We agreed on {rng.randint(2, 9)} new projects,\" {LAST[a]} told reporters.")
            out.write(json.dumps({"id": f"art-{i:05d}", "text": text, "lang": "en", "source": f"wire{i % 4}",
                                  "date": f"2024-03-{day:02d}"}) + "\n")
    return path


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([NEWSWEAVE, *args], capture_output=True, text=True, timeout=300)


def _ok(*args: str) -> str:
    result = _run(*args)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def _count(db: Path, where: str = "1=1") -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute(f"SELECT count(*) FROM articles WHERE {where}").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet, or being migrated
        return 0


def _kill(cmd: list[str], ready: Callable[[], bool], delay: float = 0.0) -> bool:
    """Run ``cmd``; once ``ready()`` holds wait ``delay`` seconds more, then SIGKILL it. False if it finished first."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while proc.poll() is None and time.monotonic() < deadline and not ready():
            time.sleep(0.005)
        time.sleep(delay)
        finished = proc.poll() is not None
        if not finished:
            os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    return not finished


def _assert_sound(db: Path, total: int) -> None:
    """What must hold after any kill: integrity (the checks of ``newsweave check``), no duplicate, nothing extra."""
    with open_store(db) as store:
        assert store.check() == []
    with sqlite3.connect(db) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM articles")]
        hashes = [row[0] for row in conn.execute("SELECT content_hash FROM articles")]
    assert len(ids) == len(set(ids)) == len(set(hashes)) <= total


def _picture(db: Path) -> tuple[list[str], list[str], dict[str, str | None], dict[str, int]]:
    """Entity ids, event ids, each article's event and the status counts: what must not depend on kills."""
    with sqlite3.connect(db) as conn:
        entities = sorted(row[0] for row in conn.execute("SELECT id FROM entities"))
        events = sorted(row[0] for row in conn.execute("SELECT id FROM events"))
        membership = dict(conn.execute("SELECT id, event_id FROM articles").fetchall())
        statuses = dict(conn.execute("SELECT status, count(*) FROM articles GROUP BY status").fetchall())
    return entities, events, membership, statuses


def test_crash_kill9_at_random_points_while_storing(tmp_path: Path) -> None:
    total = 3000
    source, db = _corpus(tmp_path / "c.jsonl", total, seed=21), tmp_path / "store.db"
    cmd = [NEWSWEAVE, "ingest", str(source), "--db", str(db), "--no-analyze"]
    rng = random.Random(2024)
    kills = 0
    for round_ in range(4):
        stored = _count(db)
        if round_ % 2 == 0:  # a random moment once storing has begun
            killed = _kill(cmd, lambda floor=stored: _count(db) > floor, delay=rng.uniform(0.0, 0.5))
        else:  # after a random number of rows
            target = rng.randint(stored + 1, total - 300)
            killed = _kill(cmd, lambda goal=target: _count(db) >= goal)
        kills += killed
        _assert_sound(db, total)
    print(f"storing: {kills} kills in 4 rounds, store sound after each")
    assert kills >= 3, "the rounds must land in the middle of a run"
    summary = json.loads(_ok("ingest", str(source), "--db", str(db), "--no-analyze", "--jsonl"))
    assert summary["added"] + summary["duplicates"] + summary["near_duplicates"] == total
    assert _run("check", "--db", str(db)).returncode == 0
    _assert_sound(db, total)
    assert _count(db) == total


def test_crash_kill9_while_analysing_and_linking_keeps_the_picture(tmp_path: Path) -> None:
    total = 700
    source = _corpus(tmp_path / "c.jsonl", total, seed=5)
    reference, db = tmp_path / "reference.db", tmp_path / "killed.db"
    with open_store(reference) as store:  # the uninterrupted run, in-process (same job code as the CLI)
        ingest([source], store, pipeline=Pipeline(FAST_STAGES.split(",")))
    _ok("ingest", str(source), "--db", str(db), "--no-analyze")
    cmd = [NEWSWEAVE, "ingest", str(source), "--db", str(db), "--stages", FAST_STAGES]
    rng = random.Random(7)
    kills = 0
    for _ in range(3):
        done = _count(db, "status = 'analysed'")
        if done >= total - 200:
            break
        target = rng.randint(done + 1, total - 200)
        kills += _kill(cmd, lambda goal=target: _count(db, "status = 'analysed'") >= goal)
        _assert_sound(db, total)
        assert _count(db) == total
    print(f"analysing and linking: {kills} kills, store sound after each")
    assert kills >= 2, "the kills must land in the middle of the analysis"
    summary = json.loads(_ok("ingest", str(source), "--db", str(db), "--stages", FAST_STAGES, "--jsonl"))
    assert summary["added"] == 0
    assert _run("check", "--db", str(db)).returncode == 0
    _assert_sound(db, total)
    picture = _picture(db)
    assert picture[0] and picture[1] and "pending" not in picture[3]
    assert picture == _picture(reference), "kills changed the corpus picture"


def _holds_open(pid: int, path: Path) -> bool:
    """Whether process ``pid`` has ``path`` open (Linux ``/proc``): the CLI is past its imports and in the store."""
    try:
        return any(os.readlink(fd) == str(path) for fd in Path(f"/proc/{pid}/fd").iterdir())
    except OSError:  # the process is gone, or a descriptor closed while listing
        return False


def _events_picture(db: Path) -> tuple[list[tuple[str, str]], list[str], list[tuple[str, str | None]],
                                        list[tuple[str, str]]]:
    """Events with their labels, entity ids, each article's event and the event redirects: what recluster rewrites."""
    with sqlite3.connect(db) as conn:
        return (conn.execute("SELECT id, label FROM events ORDER BY id").fetchall(),
                [row[0] for row in conn.execute("SELECT id FROM entities ORDER BY id")],
                conn.execute("SELECT id, event_id FROM articles ORDER BY id").fetchall(),
                conn.execute("SELECT old_id, new_id FROM event_redirects ORDER BY old_id").fetchall())


def _copy(db: Path, to: Path) -> Path:
    with sqlite3.connect(db) as src, sqlite3.connect(to) as dst:
        src.backup(dst)
    return to


def _fragment_events(store, count: int) -> None:
    """Cut the ``count`` largest events in two, as two shards clustered apart leave them: work that recluster
    must undo (merge) whatever its thresholds, so the kills below land in a pass that rewrites the picture."""
    from newsweave.model import Event

    state = store.load_corpus()
    stories = {s.id: s for s in state.stories}
    for event in sorted(state.events, key=lambda e: (-len(e.article_ids), e.id))[:count]:
        half = len(event.article_ids) // 2
        twin = Event(id=f"{event.id}-shard", label=event.label, date=event.date, date_end=event.date_end,
                     story_id=event.story_id, article_ids=event.article_ids[half:])
        event.article_ids = event.article_ids[:half]
        state.events.append(twin)
        if event.story_id in stories:
            stories[event.story_id].event_ids.append(twin.id)
    store.save_corpus(state)


def test_crash_kill9_during_recluster_leaves_old_or_new_picture(tmp_path: Path) -> None:
    total = 700
    source, db = _corpus(tmp_path / "c.jsonl", total, seed=5), tmp_path / "killed.db"
    with open_store(db) as store:
        ingest([source], store, pipeline=Pipeline(FAST_STAGES.split(",")))
        _fragment_events(store, 5)
    reference, pristine = _copy(db, tmp_path / "reference.db"), _copy(db, tmp_path / "pristine.db")
    before = _events_picture(db)
    proc = subprocess.Popen([NEWSWEAVE, "recluster", "--db", str(reference)], stdout=subprocess.PIPE, text=True)
    while proc.poll() is None and not _holds_open(proc.pid, reference):
        time.sleep(0.002)
    opened = time.monotonic()
    while proc.poll() is None and _events_picture(reference) == before:
        time.sleep(0.01)
    span = time.monotonic() - opened  # from opening the store to the commit: what the kills should land in
    out, _ = proc.communicate(timeout=300)
    assert proc.returncode == 0 and " merged, " in out
    after = _events_picture(reference)
    assert after != before, "the synthetic corpus must give recluster something to change"
    rng = random.Random(13)
    kills, outcomes, limit = 0, [], 1.2 * span  # kills mostly before the commit, now and then just after
    while outcomes.count("old") < 3 and len(outcomes) < 12:
        proc = subprocess.Popen([NEWSWEAVE, "recluster", "--db", str(db)], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        try:
            while proc.poll() is None and not _holds_open(proc.pid, db):
                time.sleep(0.002)
            time.sleep(rng.uniform(0.0, limit))
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                kills += 1
        finally:
            proc.wait()
        _assert_sound(db, total)
        picture = _events_picture(db)
        assert picture in (before, after), "a kill left a half-rewritten picture"
        outcomes.append("new" if picture == after else "old")
        if picture == after:  # the pass committed first: start again from the old store, and aim earlier
            _copy(pristine, db)
            limit *= 0.7
    print(f"recluster: {kills} kills in {len(outcomes)} rounds, {span:.2f} s from store open to commit, "
          f"store left {outcomes}")
    assert kills >= 3 and outcomes.count("old") >= 3, f"the kills must land while recluster runs ({outcomes})"
    if _events_picture(db) == before:
        _ok("recluster", "--db", str(db))
    assert _run("check", "--db", str(db)).returncode == 0
    assert _events_picture(db) == after, "kills changed what recluster produces"


def _kb_names(path: Path) -> set[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows and rows[0][:3] == ["kb_id", "type", "name"], "the KB file lost its header"
    assert all(len(r) == 5 for r in rows), "a KB row was cut short"
    return {(r[0], r[2]) for r in rows[1:]}


def test_crash_kill9_during_kb_import_leaves_old_or_new_kb(tmp_path: Path) -> None:
    kb, source = tmp_path / "kb.tsv", tmp_path / "names.tsv"
    _ok("kb", "add", "Anna Kowalski", "--type", "PER", "--kb", str(kb))
    old = _kb_names(kb)
    with source.open("w", encoding="utf-8") as out:
        out.write("kb_id\ttype\tname\taliases\tsource\n")
        for i in range(60_000):
            out.write(f"Q{i}\tPER\tPerson {i} Example\tP. {i} Example|Person{i}\timport\n")
    new = old | {(f"Q{i}", f"Person {i} Example") for i in range(60_000)}
    rng = random.Random(11)
    kills = 0
    def writing() -> bool:
        return any(tmp_path.glob(kb.name + ".*.tmp"))

    for _ in range(4):  # a random moment once the new KB is being written
        kills += _kill([NEWSWEAVE, "kb", "import", str(source), "--kb", str(kb)], writing,
                       delay=rng.uniform(0.0, 0.3))
        assert _kb_names(kb) in (old, new), "a kill left a partial KB"
    print(f"KB import: {kills} kills in 4 rounds, old or new KB after each")
    assert kills >= 2, "the kills must land in the middle of the import"
    _ok("kb", "import", str(source), "--kb", str(kb))
    assert _kb_names(kb) == new
