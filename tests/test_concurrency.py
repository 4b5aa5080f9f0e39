"""Two ingests write while the web app (uvicorn, own process) serves: no errors, no lost writes, no half articles.

The readers poll the API and the pages for articles that are being stored and analysed. Every answer
is 200 or 404; an article is either absent, stored raw (no analysis yet), or complete, and a complete
one is the very record seen at the end: its analysis never shows up in pieces.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import socket
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from newsweave.kb.userkb import add_entry, import_file, load
from newsweave.store import open_store

NEWSWEAVE = str(Path(sys.executable).parent / "newsweave")
FAST_STAGES = "language,time,entities,quantities,quotes"
PEOPLE = ["Anna Kowalski", "Pedro Alvarez", "Olga Petrova", "Mehmet Yilmaz", "Rahul Sharma", "Lukas Huber"]
CITIES = ["Vienna", "Warsaw", "Ankara", "Delhi", "Astana", "Berlin"]


def _records(count: int) -> list[dict[str, str]]:
    rng = random.Random(99)
    out = []
    for i in range(count):
        a, b = rng.sample(PEOPLE, 2)
        text = (f"{a} met {b} in {rng.choice(CITIES)} on {rng.randint(1, 28)} May 2024 for talks number {i}. "
                f"Exports grew by {rng.randint(2, 60)} percent, officials said. "
                f"\u201cThis is a good day for trade {i},\u201d {b.split()[1]} said.")
        out.append({"id": f"c-{i:04d}", "text": text, "lang": "en", "date": "2024-05-30", "source": "Wire"})
    return out


def _write(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _core(record: dict[str, Any]) -> dict[str, Any]:
    """The analysis of one article record, without the corpus links that later batches may refine."""
    return {"text": record["text"], "lang": record["lang"], "segments": record["segments"],
            "entities": [(e["start"], e["end"], e["text"], e["type"]) for e in record["entities"]],
            "times": record["times"], "quantities": record["quantities"], "quotes": record["quotes"]}


def _raw(record: dict[str, Any]) -> bool:
    return not (record["segments"] or record["entities"] or record["times"] or record["quotes"])


def test_concurrency_ingests_while_the_web_app_serves(tmp_path: Path) -> None:
    records = _records(500)
    first, second = _write(tmp_path / "a.jsonl", records[:300]), _write(tmp_path / "b.jsonl", records[200:])
    db, port = tmp_path / "live.db", _free_port()
    with open_store(db):  # created before anyone starts, as an operator's store would be
        pass
    env = {**os.environ, "NEWSWEAVE_REQUEST_TIMEOUT": "60"}
    server = subprocess.Popen([NEWSWEAVE, "serve", "--db", str(db), "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    seen: dict[str, list[dict[str, Any]]] = {}
    statuses: Counter[int] = Counter()
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            deadline = time.monotonic() + 120
            while True:
                try:
                    if client.get("/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
            ingests = [subprocess.Popen([NEWSWEAVE, "ingest", str(src), "--db", str(db), "--stages", FAST_STAGES,
                                         "--jsonl"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                       for src in (first, second)]
            rng = random.Random(5)
            while any(p.poll() is None for p in ingests):
                ident = f"c-{rng.randrange(500):04d}"
                for url in (f"/api/articles/{ident}", f"/articles/{ident}", "/api/articles?limit=20",
                            "/search?q=exports"):
                    resp = client.get(url)
                    statuses[resp.status_code] += 1
                    assert resp.status_code in (200, 404), (url, resp.status_code, resp.text[:300])
                    if url.startswith("/api/articles/") and resp.status_code == 200:
                        seen.setdefault(ident, []).append(resp.json())
            outputs = [p.communicate(timeout=60) for p in ingests]
            assert [p.returncode for p in ingests] == [0, 0], [err[-1500:] for _, err in outputs]
            summaries = [json.loads(out) for out, _ in outputs]
            assert sum(s["added"] + s["near_duplicates"] for s in summaries) == 500
            assert sum(s["duplicates"] for s in summaries) == 100
            final = {ident: client.get(f"/api/articles/{ident}").json() for ident in seen}
    finally:
        server.terminate()
        _, server_err = server.communicate(timeout=30)
    assert "Traceback" not in server_err, server_err[-2000:]
    assert statuses[200] > 50, statuses
    assert seen, "the readers must have seen articles while they were written"
    for ident, views in seen.items():
        truth = {r["id"]: r for r in records}[ident]
        for view in views:
            assert view["text"] == truth["text"], "an article was visible with another text"
            if not _raw(view):
                assert _core(view) == _core(final[ident]), f"{ident} was visible half-analysed"
    with open_store(db) as store:
        assert store.check() == []
        assert store.stats().articles == 500
        assert store.count_pending() == 0


def _kb_writer(kb: str, who: str, source: str) -> None:
    for i in range(10):
        add_entry(f"Person {who} Number {i}", "PER", [f"P. {who}{i}"], None, Path(kb))
    import_file(Path(source), "tsv", Path(kb))


def test_concurrency_kb_writers_lose_nothing(tmp_path: Path) -> None:
    kb = tmp_path / "kb.tsv"
    sources = []
    for who in "ABCD":
        source = tmp_path / f"{who}.tsv"
        source.write_text("kb_id\ttype\tname\taliases\tsource\n" + "".join(
            f"Q{who}{i}\tORG\tOrganisation {who} {i}\t\timport\n" for i in range(200)), encoding="utf-8")
        sources.append(str(source))
    with ProcessPoolExecutor(4, mp_context=multiprocessing.get_context("fork")) as pool:
        for done in [pool.submit(_kb_writer, str(kb), who, src) for who, src in zip("ABCD", sources, strict=True)]:
            done.result()
    records = load(kb)
    assert len(records) == 4 * (10 + 200), "a concurrent writer's entries were lost"
    assert not list(tmp_path.glob("kb.tsv.*.tmp")), "temporary files were left behind"
