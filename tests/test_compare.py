"""Pair comparison on the SemEval-2022 Task 8 scale, the CLI, and the B³ metric of the cluster eval."""

from __future__ import annotations

import json

import numpy as np
import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.corpus.compare import FEATURES, load_model, pair_features, read_pairs, score_pair
from newsweave.evaluate.cluster import bcubed, itn_gold
from newsweave.evaluate.pairs import cross_validated_r, fit_linear
from newsweave.model import Article


def _art(aid: str, text: str, vec: list[float]) -> Article:
    art = Article(id=aid, text=text, lang="en")
    art.embedding = vec
    return art


def test_compare_same_story_scores_lower_than_unrelated() -> None:
    base = np.ones(8) / np.sqrt(8)
    near = base + 0.05 * np.arange(8) / 8
    far = np.array([1, -1, 1, -1, 1, -1, 1, -1]) / np.sqrt(8)
    a = _art("a", "Flood in Valencia kills 200, Spain declares mourning", base.tolist())
    b = _art("b", "Valencia flood toll reaches 200; Spain mourns", near.tolist())
    c = _art("c", "Apple releases new phone with faster chip", far.tolist())
    same, other = score_pair(a, b), score_pair(a, c)
    assert 1.0 <= same < other <= 4.0


def test_compare_features_are_complete_and_bounded() -> None:
    a = _art("a", "Tokajew przybył do Moskwy", [1.0, 0.0])
    b = _art("b", "Tokayev arrived in Moscow", [0.0, 1.0])
    f = pair_features(a, b)
    assert set(FEATURES) <= set(f) and f["lang:en"] == 1.0
    assert f["cos"] == 0.0 and 0.0 < f["names"] <= 1.0
    assert all(name in FEATURES or name.startswith("lang:") for name in load_model()["features"])


def test_compare_read_pairs_reports_bad_lines() -> None:
    lines = ['{"pair_id": "p1", "text1": "a", "text2": "b", "lang1": "en"}', "not json", '{"text1": "x"}', ""]
    out = list(read_pairs(lines))
    assert out[0][0] == "p1" and out[0][1].lang == "en"
    assert [o.split(":")[0] for o in out[1:]] == ["line 2", "line 3"]


def test_compare_cli_prints_one_score_per_pair(tmp_path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("\n".join(json.dumps(r) for r in [
        {"pair_id": "same", "text1": "Earthquake of magnitude 7 hits central Turkey, hundreds dead.",
         "text2": "Ein Erdbeben der Stärke 7 trifft die Zentraltürkei, Hunderte Tote.", "lang1": "en", "lang2": "de"},
        {"pair_id": "other", "text1": "Earthquake of magnitude 7 hits central Turkey, hundreds dead.",
         "text2": "The central bank raised interest rates to fight inflation."},
    ]) + "\nbroken\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["compare", "--jsonl", str(pairs)])
    assert result.exit_code == 0, result.output
    recs = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    scores = {r["pair_id"]: r["score"] for r in recs}
    assert set(scores) == {"same", "other"} and scores["same"] < scores["other"]


def test_compare_fit_recovers_a_linear_signal() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, len(FEATURES)))
    y = 2.5 - 0.8 * x[:, 0] + 0.05 * rng.normal(size=200)
    model = fit_linear(x, y, FEATURES)
    assert model["features"] == list(FEATURES)
    assert cross_validated_r(x, y, FEATURES) > 0.9


def test_compare_bcubed_perfect_and_merged() -> None:
    gold = ["a", "a", "b", "b"]
    assert bcubed(["x", "x", "y", "y"], gold) == (1.0, 1.0, 1.0)
    p, r, _ = bcubed(["x", "x", "x", "x"], gold)
    assert p == 0.5 and r == 1.0
    p, r, _ = bcubed([None, None, None, None], gold)
    assert p == 1.0 and r == 0.5


def test_compare_itn_gold_splits_subjects_on_two_week_gaps() -> None:
    day = 86400
    rows = [{"qid": "Q1", "timestamp": 0}, {"qid": "Q1", "timestamp": 10 * day}, {"qid": "Q1", "timestamp": 40 * day},
            {"qid": "Q2", "timestamp": 0}]
    gold = itn_gold(rows)
    assert gold[0] == gold[1] != gold[2] and gold[3] != gold[0]


@pytest.mark.slow
def test_compare_eval_pairs_sample_pearson_floor(shared) -> None:
    from newsweave.evaluate.pairs import evaluate

    result = evaluate(shared, sample=60)
    assert result["pairs"] == 60 and result["r"] >= 0.70


@pytest.mark.slow
def test_compare_eval_cluster_sample_bcubed_floor(shared) -> None:
    from newsweave.evaluate.cluster import evaluate

    result = evaluate(shared, sample=25)
    assert result["itn"]["F1"] >= 0.80 and result["slavicner"]["P"] >= 0.95
