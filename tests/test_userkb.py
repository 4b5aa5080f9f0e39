"""The user knowledge base: import from Wikidata/JRC/ParaNames/TSV files, add entries, match them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.kb import userkb
from newsweave.stages.entities import EntityStage


def _wikidata(path: Path) -> Path:
    ents = [
        {"id": "Q900001", "labels": {"en": {"language": "en", "value": "Grumbold Vexley"},
                                     "ru": {"language": "ru", "value": "Грумбольд Вексли"}},
         "aliases": {"de": [{"language": "de", "value": "G. Vexley"}]},
         "claims": {"P31": [{"mainsnak": {"datavalue": {"value": {"id": "Q5"}}}}]}},
        {"id": "Q900002", "labels": {"en": {"language": "en", "value": "Blue Lantern Union"}},
         "claims": {"P31": [{"mainsnak": {"datavalue": {"value": {"id": "Q43229"}}}}]}},
    ]
    path.write_text("[\n" + ",\n".join(json.dumps(e) for e in ents) + "\n]\n", encoding="utf-8")
    return path


def test_userkb_import_wikidata_json(tmp_path: Path) -> None:
    kb = tmp_path / "kb.tsv"
    read, added = userkb.import_file(_wikidata(tmp_path / "wd.json"), "wikidata", kb)
    assert (read, added) == (2, 2)
    recs = userkb.load(kb)
    assert recs["Q900001"].type == "PER" and "Грумбольд Вексли" in recs["Q900001"].aliases
    assert recs["Q900002"].type == "ORG"


def test_userkb_import_jrc_and_paranames_merge_by_id(tmp_path: Path) -> None:
    kb = tmp_path / "kb.tsv"
    jrc = tmp_path / "entities.txt"
    jrc.write_text("77\tP\tu\tOrlanda+Pweth\n77\tP\tru\tОрланда+Пвет\n78\tO\tu\tMossgrove+Council\n", encoding="utf-8")
    assert userkb.import_file(jrc, "jrc", kb) == (2, 2)
    para = tmp_path / "paranames.tsv"
    para.write_text("wikidata_id\teng\tlabel\tlanguage\ttype\nQ77\tOrlanda Pweth\tओरलांडा प्वेथ\thi\tPER\n"
                    "Q77\tOrlanda Pweth\tOrlanda Pweth\tde\tPER\n", encoding="utf-8")
    assert userkb.import_file(para, "paranames", kb) == (1, 1)
    recs = userkb.load(kb)
    assert recs["jrc:77"].aliases == ["Орланда Пвет"]
    assert recs["Q77"].name == "Orlanda Pweth" and "ओरलांडा प्वेथ" in recs["Q77"].aliases


def test_userkb_bad_files_raise_format_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(userkb.KBFormatError):
        userkb.import_file(bad, "wikidata", tmp_path / "kb.tsv")
    with pytest.raises(userkb.KBFormatError):
        userkb.import_file(bad, "nonsense", tmp_path / "kb.tsv")


def test_userkb_add_and_recognise_with_kb_id(tmp_path: Path) -> None:
    kb = tmp_path / "kb.tsv"
    userkb.add_entry("Zorblat Quince", "PER", ["Зорблат Квинс"], "Q123456789", kb)
    userkb.add_entry("Zorblat Quince", "PER", ["Z. Quince"], "Q123456789", kb)
    rec = userkb.load(kb)["Q123456789"]
    assert rec.aliases == ["Зорблат Квинс", "Z. Quince"]
    stage = EntityStage(kb_file=kb, use_natasha=False)
    found = stage.recognise("Вчера Зорблат Квинс приехал.", "ru")
    assert [(m.text, m.type, m.kb_id, m.layer) for m in found] == [("Зорблат Квинс", "PER", "Q123456789", "kb")]


def test_userkb_cli_add_and_import(tmp_path: Path) -> None:
    kb = tmp_path / "kb.tsv"
    runner = CliRunner()
    res = runner.invoke(app, ["kb", "add", "Vellamo Strint", "--type", "ORG", "--alias", "VST", "--kb", str(kb)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["kb", "import", str(_wikidata(tmp_path / "wd.json")), "--format", "wikidata",
                              "--kb", str(kb)])
    assert res.exit_code == 0 and "2 new" in res.output
    assert len(userkb.load(kb)) == 3
    res = runner.invoke(app, ["kb", "add", "x" * 500, "--kb", str(kb)])
    assert res.exit_code == 1
