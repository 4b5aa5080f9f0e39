"""`newsweave export --what all` / `newsweave import` round-trip a whole analysed store losslessly.

Beyond the store's own round-trip test (hand-made records), this one backs up a store built by the real
job: analysed articles, entities linked to the user's own KB entries (their manual knowledge: kb ids and
spellings), events and stories; restores it into an empty store (SQLite, and PostgreSQL when configured)
and checks that the restored store exports byte for byte the same and answers the API identically.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsweave.jobs import ingest
from newsweave.kb.userkb import add_entry
from newsweave.pipeline import Pipeline
from newsweave.store import open_store
from newsweave.web.app import create_app

NEWSWEAVE = str(Path(sys.executable).parent / "newsweave")
STAGES = ["language", "time", "entities", "quantities", "quotes"]
STORIES = [
    ("Minister Anna Kowalski met Pedro Alvarez in Vienna on 4 March 2024 to sign a grain transit deal. "
     "Shipments will rise by 12 percent, the ministry said. \u201cThis deal opens the Danube route,\u201d "
     "Kowalski said."),
    ("Anna Kowalski and Pedro Alvarez signed the grain transit agreement in Vienna on Monday, 4 March 2024. "
     "The deal covers 2.5 million tonnes a year."),
    ("Ministerin Anna Kowalski traf Pedro Alvarez am 4. März 2024 in Wien. Das Getreideabkommen soll die "
     "Transporte um 12 Prozent steigern, teilte das Ministerium mit."),
    ("Olga Petrova opened a new rail link between Astana and Tashkent on 20 May 2024. Travel time falls to "
     "nine hours, the operator said. \u201cWe connected two capitals,\u201d Petrova said."),
    ("The Astana-Tashkent rail link opened on 20 May 2024 with Olga Petrova on board; 40,000 passengers "
     "are expected in the first year."),
]


def _build(db: Path, kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWEAVE_KB", str(kb))
    add_entry("Anna Kowalski", "PER", ["A. Kowalski", "Kowalska"], "Q990001", kb)
    add_entry("Olga Petrova", "PER", ["Ольга Петрова"], "Q990002", kb)
    source = db.parent / "stories.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for i, story in enumerate(STORIES):
            out.write(json.dumps({"id": f"s{i}", "text": story, "date": "2024-05-21" if i > 2 else "2024-03-05",
                                  "source": f"wire{i % 2}", "title": story[:40]}, ensure_ascii=False) + "\n")
    with open_store(db) as store:
        report = ingest([source], store, pipeline=Pipeline(STAGES))
        assert report.analysed == len(STORIES) and not report.errors
        stats = store.stats()
        assert stats.entities and stats.events and stats.mentions and stats.quotes


def _cli(*args: str) -> str:
    result = subprocess.run([NEWSWEAVE, *args], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def _api_answers(db: str) -> dict[str, object]:
    """Every entity, event, story and article as the API shows it."""
    with open_store(db) as store, TestClient(create_app(store)) as client:
        answers: dict[str, object] = {}
        for kind in ("articles", "entities", "events", "stories"):
            listing = client.get(f"/api/{kind}", params={"limit": 500}).json()
            answers[kind] = listing
            for item in listing["items"]:
                answers[f"{kind}/{item['id']}"] = client.get(f"/api/{kind}/{item['id']}").json()
        return answers


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, fresh_store: Callable[[str, str], str]) -> str:
    """An empty store to restore into."""
    return fresh_store(request.param, "restored.db")


def test_backup_whole_store_round_trip(tmp_path: Path, target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    db, kb, dump = tmp_path / "original.db", tmp_path / "kb.tsv", tmp_path / "backup.jsonl"
    _build(db, kb, monkeypatch)
    _cli("export", "--db", str(db), "--what", "all", "-o", str(dump))
    records = [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines()]
    assert {r["record"] for r in records} == {"article", "entity", "event", "story"}
    kb_linked = [r for r in records if r["record"] == "entity"
                 and {"Q990001", "Q990002"} & set(r.get("kb_ids", {}).values())]
    assert kb_linked, "entities carry the user's KB ids"
    restored = _cli("import", str(dump), "--db", target)
    assert restored.startswith(f"{len(STORIES)} articles imported")
    assert subprocess.run([NEWSWEAVE, "check", "--db", target], capture_output=True).returncode == 0
    assert _cli("export", "--db", target, "--what", "all") == dump.read_text(encoding="utf-8")
    assert _api_answers(target) == _api_answers(str(db))
    again = _cli("import", str(dump), "--db", target)
    assert again.startswith("0 articles imported, 5 already present")
