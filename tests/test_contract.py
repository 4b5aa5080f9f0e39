"""The ``analyze --jsonl`` contract, end to end through the CLI."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.model import CONTRACT_KEYS


def test_contract_analyze_seeds_has_every_key(seeds_dir):
    result = CliRunner().invoke(app, ["analyze", str(seeds_dir), "--jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(records) == 5
    texts = {p.name: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    for rec in records:
        assert set(CONTRACT_KEYS) <= rec.keys()
        text = texts[rec["id"]]
        for key in ("entities", "times", "quantities"):
            for span in rec[key]:
                assert text[span["start"]:span["end"]] == span["text"]


def test_contract_jsonl_input_keeps_given_id_and_date(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a1", "text": "Hello world.", "date": "2023-05-01"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(src), "--jsonl"])
    assert result.exit_code == 0, result.output
    rec = json.loads(result.stdout.splitlines()[0])
    assert rec["id"] == "a1"
    assert rec["date"] == "2023-05-01"
    assert rec["date_source"] == "metadata"


def test_contract_analyze_links_duplicate_copy_without_reanalysis(tmp_path):
    text = "The mayor of Lyon, Anna Martin, opened the new bridge on Monday. " * 5
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(tmp_path), "--jsonl"])
    assert result.exit_code == 0, result.output
    records = {r["id"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert records["a.txt"]["duplicate_of"] is None
    assert records["b.txt"]["duplicate_of"] == "a.txt"
    assert records["b.txt"]["entities"] == []
    assert records["b.txt"]["lang"] == records["a.txt"]["lang"] == "en"
