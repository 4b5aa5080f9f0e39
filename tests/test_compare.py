"""Pair comparison on the SemEval-2022 Task 8 scale, the CLI, and the B³ metric of the cluster eval."""

from __future__ import annotations

import json

import numpy as np
import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.corpus.compare import (
    FEATURES,
    SUM_PREFIX,
    ViewEmbedder,
    Views,
    is_vector_feature,
    load_model,
    pair_features,
    product_names,
    read_pairs,
    score_pair,
    tail_text,
    title_text,
)
from newsweave.evaluate.cluster import bcubed, itn_gold
from newsweave.evaluate.pairs import (
    cross_validated_predictions,
    cross_validated_r,
    fit_linear,
    grouped_folds,
    pair_groups,
    pearson,
    split_pairs,
)
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
    assert set(FEATURES) <= set(f) and not any(name.startswith("lang:") for name in f)  # no language indicator
    assert f["cos"] == 0.0 and 0.0 < f["names"] <= 1.0
    model = load_model()
    assert all(name in FEATURES or is_vector_feature(name) or name in model.get("aspects", {})
               for name in model["features"])
    assert sum(f[n] for n in product_names(2)) == f["cos"]  # the products sum to the cosine
    assert [f[n] for n in product_names(2, SUM_PREFIX)] == [1.0, 1.0]


def test_compare_views_title_and_tail_texts() -> None:
    body = "Flood in Valencia kills 200. " + "Rescuers search the town of Paiporta for survivors. " * 30
    art = Article(id="a", text=body)
    assert title_text(art) == "Flood in Valencia kills 200."
    tail = tail_text(art)
    assert tail and tail in " ".join(body.split()) and len(tail) <= 600 and not tail.startswith(" ")
    assert tail_text(Article(id="s", text="Short note.")) == ""
    assert title_text(Article(id="t", text="body", title="  The   headline ")) == "The headline"


class _FakeEmbedder:
    """Deterministic unit vectors from a text hash: no model needed."""

    name, dim = "fake", 8

    def embed(self, texts: list[str]) -> np.ndarray:
        rows = [np.random.default_rng(abs(hash(t)) % 2**32).normal(size=8) for t in texts]
        return np.array([r / np.linalg.norm(r) for r in rows], dtype=np.float32).reshape(len(texts), 8)


def test_compare_view_features_use_title_and_tail() -> None:
    body = "Flood in Valencia kills 200. " + "Rescuers search the town of Paiporta for survivors. " * 30
    a, b = _art("a", body, [1.0] + [0.0] * 7), _art("b", body, [1.0] + [0.0] * 7)
    views = ViewEmbedder(embedder=_FakeEmbedder(), cache_dir="")([a, b, Article(id="e", text="")])
    assert views[2] == Views(title=None, tail=None)
    same = pair_features(a, b, views[0], views[1])
    assert same["cos_title"] == pytest.approx(1.0, abs=1e-5) and same["cos_tail"] == pytest.approx(1.0, abs=1e-5)
    assert same["align"] == pytest.approx(1.0, abs=1e-5)
    other = Views(title=-views[1].title, tail=views[1].tail)
    mixed = pair_features(a, b, views[0], other)
    assert mixed["cos_title"] == pytest.approx(-1.0, abs=1e-5) and mixed["align"] < same["align"]
    assert pair_features(a, b)["cos_title"] == pair_features(a, b)["cos"]  # no views: the lead stands in


def test_compare_cross_part_cosines_and_whole_text_cosine() -> None:
    unit = np.eye(8)
    a, b = _art("a", "Flood in Valencia.", unit[0].tolist()), _art("b", "Valencia flood.", unit[1].tolist())
    va = Views(title=unit[1], tail=unit[2])  # a's title says what b's lead says
    vb = Views(title=unit[3], tail=None)  # b has no tail: its cross cosines use what it has
    f = pair_features(a, b, va, vb)
    assert f["cos"] == 0.0 and f["cos_title_lead"] == pytest.approx(0.5)  # mean of a.title·b.lead=1, b.title·a.lead=0
    assert f["cos_title_tail"] == 0.0 and f["cos_lead_tail"] == 0.0  # one direction each (b has no tail)
    assert f["cos_whole"] == pytest.approx(1 / np.sqrt(6))  # mean(e0,e1,e2)·mean(e1,e3), normalised
    bare = pair_features(a, b)
    assert all(bare[n] == bare["cos"] for n in ("cos_title_lead", "cos_title_tail", "cos_lead_tail", "cos_whole"))


def test_compare_predict_matrix_matches_predict_and_follows_a_new_model() -> None:
    from newsweave.corpus.compare import predict, predict_matrix

    model = load_model()
    rng = np.random.default_rng(4)
    cols = [j for j, n in enumerate(model["features"]) if n not in model.get("aspects", {})]
    names = [model["features"][j] for j in cols]
    spread = np.array(model["scale"])[cols]
    x = np.array(model["mean"])[cols] + spread * rng.normal(scale=0.5, size=(5, len(cols)))  # pairs like the training
    each = [predict(dict(zip(names, row, strict=True)), model) for row in x]
    assert predict_matrix(x, names, model) == pytest.approx(each, abs=1e-9) and len({round(e, 6) for e in each}) == 5
    shifted = {**model, "intercept": model["intercept"] + 10.0, "trees": []}  # a new model object: its own arrays
    assert predict_matrix(x, names, shifted).tolist() == [4.0] * 5


def test_compare_fit_linears_solves_each_target_like_fit_linear() -> None:
    from newsweave.evaluate.pairs import fit_linears

    rng = np.random.default_rng(5)
    x = rng.normal(size=(60, 3))
    targets = np.column_stack([x[:, 0], 2.0 - x[:, 1], x[:, 2] * 0.5])
    names = ["a", "b", "vv0"]
    for j, model in enumerate(fit_linears(x, targets, names)):
        assert model == fit_linear(x, targets[:, j], names)


def test_compare_empty_text_scores_within_the_scale() -> None:
    a = _art("a", "Earthquake of magnitude 7 hits central Turkey.", [1.0, 0.0])
    empty = Article(id="e", text="", lang="en")
    assert 1.0 <= score_pair(a, empty) <= 4.0 and 1.0 <= score_pair(empty, empty) <= 4.0


def test_compare_groups_keep_shared_articles_on_one_side() -> None:
    rows = [{"pair_id": "1_2", "text1": "a", "text2": "b", "source_file": "training_set.csv"},
            {"pair_id": "2_3", "text1": "b", "text2": "c", "source_file": "testing_set.csv"},
            {"pair_id": "4_5", "text1": "d", "text2": "e", "source_file": "testing_set.csv"},
            {"pair_id": "6_7", "text1": "a", "text2": "f", "source_file": "testing_set.csv"},
            {"pair_id": "8_9", "text1": "g", "text2": "h", "source_file": "training_set.csv"}]
    groups = pair_groups(rows)
    assert groups[0] == groups[1] == groups[3] and len(set(groups)) == 3  # shared id 2, shared text "a"
    train, held = split_pairs(rows)
    assert held == [2] and train == [0, 1, 3, 4]
    folds = grouped_folds(groups, folds=2)
    assert sorted(i for f in folds for i in f) == [0, 1, 2, 3, 4]
    assert all(len({groups[i] for i in f} & {groups[i] for g in folds if g is not f for i in g}) == 0 for f in folds)


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


def test_compare_boosted_blend_recovers_a_threshold_signal() -> None:
    from newsweave.corpus.compare import predict
    from newsweave.evaluate.pairs import fit_blend

    rng = np.random.default_rng(1)
    names = ["a", "b", "c"]
    x = rng.uniform(size=(300, 3))
    y = np.where((x[:, 0] > 0.6) & (x[:, 1] > 0.5), 1.5, 3.5) + 0.05 * rng.normal(size=300)  # same story only if both
    model = fit_blend(x, y, names)
    assert json.loads(json.dumps(model)) == model  # plain data, committed as JSON
    linear_only = {k: v for k, v in model.items() if k != "trees"}
    blended = cross_validated_r(x, y, names)
    linear = pearson(cross_validated_predictions(x, y, names, fit=lambda rows: fit_linear(x[rows], y[rows], names)), y)
    assert blended > 0.85 and blended > linear + 0.02
    assert predict({"a": 0.9, "b": 0.9, "c": 0.5}, model) < predict({"a": 0.9, "b": 0.1, "c": 0.5}, model)
    assert predict({"a": 0.9, "b": 0.9}, linear_only) > predict({"a": 0.9, "b": 0.9}, model)


def test_compare_stacked_aspects_feed_the_overall_score() -> None:
    from newsweave.corpus.compare import ASPECT_PREFIX, predict
    from newsweave.evaluate.pairs import ASPECTS, fit_stacked, stacked_fit

    rng = np.random.default_rng(3)
    names = ["a", "b", "c", "d", "vv0", "vv1"]
    x = rng.uniform(size=(300, 6))
    aspects = 1.0 + 3.0 * x[:, :4] + 0.1 * rng.normal(size=(300, 4))  # each sub-score follows one feature
    y = np.where((aspects[:, 1] < 2.5) & (aspects[:, 3] < 2.5), 1.5, 3.5) + 0.05 * rng.normal(size=300)
    groups = list(range(300))
    model = fit_stacked(x, y, names, aspects, groups)
    assert json.loads(json.dumps(model)) == model
    stacked = [f"{ASPECT_PREFIX}{a.lower()}" for a in ASPECTS]
    assert list(model["aspects"]) == stacked and model["features"] == names[:4] + stacked + names[4:]
    r = pearson(cross_validated_predictions(x, y, names, groups, fit=stacked_fit(x, y, names, aspects, groups)), y)
    assert r > 0.85
    same = dict(zip(names, [0.5, 0.1, 0.5, 0.1, 0.0, 0.0], strict=True))
    other = {**same, "d": 0.9}
    assert predict(same, model) < predict(other, model)


def test_compare_fit_model_ships_every_pair_and_evaluates_the_training_fit() -> None:
    from newsweave.evaluate.pairs import ASPECTS, fit_model

    rng = np.random.default_rng(5)
    rows, feats = [], []
    for i in range(160):
        cos = float(rng.uniform())
        overall = 4.0 - 3.0 * cos + 0.2 * float(rng.normal())
        rows.append({"pair_id": f"{2 * i}_{2 * i + 1}", "text1": f"a{i}", "text2": f"b{i}", "Overall": overall,
                     "source_file": "training_set.csv" if i < 100 else "testing_set.csv",
                     **dict.fromkeys(ASPECTS, overall)})
        feats.append({"cos": cos, "names": float(rng.uniform())})
    result = fit_model(rows, feats)
    assert result["train"] == 100 and result["held"] == 60 and result["held_r"] > 0.8
    assert "training pairs" in result["eval_model"]["fitted_on"] and "all 160" in result["model"]["fitted_on"]
    flipped = [{**r, "Overall": 5.0 - r["Overall"]} if i >= 100 else r for i, r in enumerate(rows)]
    again = fit_model(flipped, feats)  # labels of held-out pairs reach the shipped model only
    assert again["eval_model"]["coef"] == result["eval_model"]["coef"]
    assert again["model"]["coef"] != result["model"]["coef"]
    alone, more = result["curve"]
    assert 0.8 < alone <= 1.0 and 0.8 < more <= 1.0


def test_compare_vector_products_come_last_with_their_own_penalty() -> None:
    from newsweave.evaluate.pairs import feature_names, fit_blend

    feats = [{**dict.fromkeys(FEATURES, 0.0), "vs0": 1.0, "vv10": 0.1, "vv2": 0.2}]
    names = feature_names(feats)
    assert names[:len(FEATURES)] == list(FEATURES) and names[len(FEATURES):] == ["vv2", "vv10", "vs0"]
    rng = np.random.default_rng(2)
    x = rng.normal(size=(200, 4))
    y = x[:, 0] + x[:, 2] + 0.1 * rng.normal(size=200)
    cols = ["a", "b", "vv0", "vv1"]
    model = fit_blend(x, y, cols)
    weak = fit_linear(x, y, cols, product_ridge=1e6)
    assert abs(weak["coef"][2]) < 0.1 * abs(model["coef"][2])  # the products' penalty is their own
    used: set[int] = set()
    stack = list(model["trees"])
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            used.add(node[0])
            stack += node[2:]
    assert used and max(used) < 2  # the trees never split on a product


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
    assert result["pairs"] == 60 and result["r"] >= 0.70 and "training pairs" in result["fitted_on"]


@pytest.mark.slow
def test_compare_eval_cluster_sample_bcubed_floor(shared) -> None:
    from newsweave.evaluate.cluster import evaluate

    result = evaluate(shared, sample=25)
    assert result["itn"]["F1"] >= 0.80 and result["slavicner"]["P"] >= 0.95


def test_compare_tree_split_between_values_a_rounding_error_apart_keeps_both_sides() -> None:
    from newsweave.evaluate.pairs import _best_split, _grow

    low, high = 0.49999999999999994, 0.5  # their midpoint rounds to 0.5: "<= middle" would take every row
    x = np.array([[low]] * 30 + [[high]] * 30)
    r = np.array([-1.0] * 30 + [1.0] * 30)
    _, threshold = _best_split(x, r, min_leaf=5)
    assert low <= threshold < high
    tree = _grow(x, r, depth=1, min_leaf=5)
    assert tree[2] == -1.0 and tree[3] == 1.0
