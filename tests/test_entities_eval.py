"""``newsweave eval ner`` readers and scoring, on small files in the shared sets' formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.evaluate.ner import Doc, Score, evaluate, format_errors, format_report
from newsweave.stages.entities import EntityStage


def _write_sets(root: Path) -> None:
    ner = root / "dev" / "ner"
    ner.mkdir(parents=True)
    rows = ["#\tsource\t[2010]", "1\tEr\tO\tO", "2\tflog\tO\tO", "3\tnach\tO\tO", "4\tKasachstan\tB-LOC\tO",
            "5\t.\tO\tO", ""]
    filler = ["#\tsource\t[2010]", "1\tJa\tO\tO", ""]
    (ner / "de_germeval2014_dev.tsv").write_text("\n".join(rows + filler * 2) + "\n", encoding="utf-8")
    (ner / "hi_ilner_dev.txt").write_text("रूस\tB-NEL\nगया\tO\n\nहाँ\tO\n\nनहीं\tO\n", encoding="utf-8")
    slav = root / "dev" / "slavicner"
    slav.mkdir(parents=True)
    text = "Prezydent Polski przyjechał do Rosji."
    rec = {"lang": "pl", "text": text, "entities": [{"start": 31, "end": 36, "type": "LOC", "surface": "Rosji"}]}
    (slav / "docs.jsonl").write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")


def test_entities_eval_scores_small_sets(tmp_path: Path) -> None:
    _write_sets(tmp_path)
    report = evaluate(tmp_path, full=True, stage=EntityStage(use_natasha=False))
    assert report.rows[("germeval", "de")].tp == 1
    assert report.rows[("ilner-hi", "hi")].gold == 1
    assert report.rows[("slavicner", "pl")].tp == 1
    table = format_report(report)
    assert "germeval" in table and "ALL" in table


def test_entities_eval_unknown_set_is_named_with_the_sets_there_are(tmp_path: Path) -> None:
    _write_sets(tmp_path)
    with pytest.raises(ValueError, match="unknown set 'ilner': one of germeval, ilner-hi, slavicner"):
        evaluate(tmp_path, full=True, stage=EntityStage(use_natasha=False), only="ilner")
    report = evaluate(tmp_path, full=True, stage=EntityStage(use_natasha=False), only="ilner-hi")
    assert set(report.rows) == {("ilner-hi", "hi")}


def test_entities_eval_score_arithmetic() -> None:
    sc = Score(tp=3, pred=4, gold=6)
    assert (sc.precision, sc.recall) == (0.75, 0.5)
    assert abs(sc.f1 - 0.6) < 1e-9
    assert Score().f1 == 0.0


def test_entities_eval_germeval_part_tokens_are_dont_care(tmp_path: Path) -> None:
    ner = tmp_path / "dev" / "ner"
    ner.mkdir(parents=True)
    rows = ["1\tDas\tO\tO", "2\tEU-Budget\tB-ORGpart\tO", "3\twächst\tO\tO", "4\tin\tO\tO", "5\tPolen\tB-LOC\tO", ""]
    (ner / "de_germeval2014_dev.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    report = evaluate(tmp_path, full=True, stage=EntityStage(use_natasha=False))
    score = report.rows[("germeval", "de")]
    assert (score.gold, score.tp) == (1, 1)
    assert score.pred == 1  # "EU" inside "EU-Budget" neither hits nor counts against


def test_entities_eval_unlabelled_tail_is_dropped_and_blocks_interleave() -> None:
    from newsweave.evaluate.ner import GROUP, TAIL_WINDOW, _annotated, _interleaved

    labelled = [[("Ram", "B-NEP"), ("Delhi", "B-NEL")]] * (TAIL_WINDOW * 2)
    unlabelled = [[("gaya", "O")]] * (TAIL_WINDOW * 3)
    assert len(_annotated(labelled + unlabelled)) == TAIL_WINDOW * 2
    sents = list(range(GROUP * 6))
    held, train = _interleaved(sents, "heldout", None), _interleaved(sents, "train", None)
    assert held == list(range(GROUP)) + list(range(GROUP * 3, GROUP * 4))
    assert sorted(held + train) == sents


def test_entities_eval_error_listing_names_misses_and_false_alarms(tmp_path: Path) -> None:
    _write_sets(tmp_path)
    report = evaluate(tmp_path, full=True, stage=EntityStage(use_natasha=False), only="slavicner", errors=True)
    assert set(report.rows) == {("slavicner", "pl")}
    # "Polski" (of Poland) is no gold mention in the made-up record: a false alarm, listed by its surface
    assert report.errors[("slavicner", "pl", "FP", "Polski", "LOC")] == 1
    assert "== slavicner pl FP (1 in all)" in format_errors(report, 5)


def test_entities_eval_scores_the_batch_output_beside_the_stage(tmp_path: Path) -> None:
    slav = tmp_path / "dev" / "slavicner"
    slav.mkdir(parents=True)
    # a surname with no telltale ending (a -wicz one is a person on its own), opening the second article
    texts = ["Prezydent Zbigniew Wąsowski przyjechał do Warszawy.", "Wąsowski i goście rozmawiali o handlu."]
    golds = [[(10, 28, "PER"), (42, 50, "LOC")], [(0, 8, "PER")]]
    recs = [{"lang": "pl", "text": t, "entities": [{"start": s, "end": e, "type": k} for s, e, k in g]}
            for t, g in zip(texts, golds, strict=True)]
    (slav / "docs.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n",
                                     encoding="utf-8")
    report = evaluate(tmp_path, full=True, stage=EntityStage(use_natasha=False))
    stage, batch = report.stage_rows[("slavicner", "pl")], report.rows[("slavicner", "pl")]
    assert (stage.gold, batch.gold) == (3, 3)
    assert batch.tp == stage.tp + 1  # the bare surname of the second article, found only by propagation
    table = format_report(report)
    assert "batch output" in table and "entity stage alone" in table


def test_entities_eval_documents_are_normalised_with_their_gold_spans() -> None:
    # "Jose\u0301" (decomposed é) and a CRLF before the name: NFC and one line end shorten the text before it.
    text = "Jose\u0301 met\r\nPetr Pavel in Praha."
    doc = Doc("cs", text, {(11, 21, "PER"), (25, 30, "LOC")}, [(0, 5)])
    assert doc.text == "José met\nPetr Pavel in Praha."
    assert {(doc.text[s:e], kind) for s, e, kind in doc.gold} == {("Petr Pavel", "PER"), ("Praha", "LOC")}
    assert [doc.text[s:e] for s, e in doc.ignore] == ["José"]
