"""``newsweave eval pairs``: Pearson r of pair scores against SemEval-2022 Task 8 labels.

Reads ``dev/semeval2022_task8/pairs_dev.jsonl`` from the shared folder. The default run scores a
fixed random sample (fast enough for CI); ``--full`` scores every pair. ``--fit`` refits the linear
mapping of :mod:`newsweave.corpus.compare` on all pairs, reports its 5-fold cross-validated r (the
honest, held-out figure) and writes the coefficients to the package data file.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsweave.corpus.compare import FEATURES, MODEL_FILE, pair_features, predict
from newsweave.model import Article
from newsweave.pipeline import STAGES, Pipeline
from newsweave.stages.embed import EmbedStage

PAIRS_FILE = Path("dev/semeval2022_task8/pairs_dev.jsonl")
DEFAULT_CACHE = Path("artifacts/vector-cache")


def load_pairs(shared: Path) -> list[dict[str, Any]]:
    with (shared / PAIRS_FILE).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def analyser(cache_dir: Path | None = DEFAULT_CACHE) -> Any:
    """All registered stages, with the embedding done in batches (3× faster) and cached on disk."""
    pipeline = Pipeline([n for n in STAGES if n != "embed"])
    embed = EmbedStage(cache_dir=cache_dir or "")

    def run(articles: list[Article]) -> list[Article]:
        done = list(pipeline.pipe(articles))
        return embed.batch(done)

    return run


def features_for(rows: Sequence[dict[str, Any]], analyse: Any, batch: int = 32) -> list[dict[str, float]]:
    """Features of each labelled pair record (the article language comes from the record when given)."""
    out: list[dict[str, float]] = []
    for i in range(0, len(rows), batch):
        chunk = rows[i:i + batch]
        arts = []
        for r in chunk:
            arts.append(Article(id=f"{r['pair_id']}/1", text=r["text1"], lang=r.get("lang1")))
            arts.append(Article(id=f"{r['pair_id']}/2", text=r["text2"], lang=r.get("lang2")))
        given = [a.lang for a in arts]
        done = analyse(arts)
        for art, lang in zip(done, given, strict=True):  # a language the record states wins over detection
            art.lang = lang or art.lang
        out += [pair_features(done[2 * j], done[2 * j + 1]) for j in range(len(chunk))]
    return out


def feature_names(feats: Sequence[dict[str, float]]) -> list[str]:
    """The fixed features plus every ``lang:xx`` seen."""
    return list(FEATURES) + sorted({k for f in feats for k in f if k not in FEATURES})


def matrix(feats: Sequence[dict[str, float]], names: Sequence[str]) -> np.ndarray:
    return np.array([[f.get(n, 0.0) for n in names] for f in feats], dtype=np.float64).reshape(len(feats), len(names))


def fit_linear(x: np.ndarray, y: np.ndarray, names: Sequence[str], ridge: float = 10.0) -> dict[str, Any]:
    """Ridge least squares on standardised features; returns the model dict compare.predict reads."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    a = z.T @ z + ridge * np.eye(z.shape[1])
    coef = np.linalg.solve(a, z.T @ (y - y.mean()))
    return {"features": list(names), "mean": mean.round(6).tolist(), "scale": scale.round(6).tolist(),
            "coef": coef.round(6).tolist(), "intercept": round(float(y.mean()), 6)}


def _predict_all(x: np.ndarray, names: Sequence[str], model: dict[str, Any]) -> np.ndarray:
    return np.array([predict(dict(zip(names, row, strict=True)), model) for row in x])


def cross_validated_r(x: np.ndarray, y: np.ndarray, names: Sequence[str], folds: int = 5, seed: int = 0) -> float:
    """Pearson r of predictions made by models that never saw the pair (k-fold)."""
    order = np.random.default_rng(seed).permutation(len(y))
    pred = np.zeros(len(y))
    for k in range(folds):
        test = order[k::folds]
        train = np.setdiff1d(order, test)
        pred[test] = _predict_all(x[test], names, fit_linear(x[train], y[train], names))
    return float(np.corrcoef(pred, y)[0, 1])


def evaluate(shared: Path, full: bool = False, sample: int = 60, fit: bool = False,
             cache_dir: Path | None = DEFAULT_CACHE) -> dict[str, Any]:
    """Score the pairs, return Pearson r overall and per language pair (and the refit, with ``fit``)."""
    rows = load_pairs(shared)
    if not (full or fit):
        rows = random.Random(8).sample(rows, min(sample, len(rows)))
    feats = features_for(rows, analyser(cache_dir))
    names = feature_names(feats)
    x = matrix(feats, names)
    y = np.array([float(r["Overall"]) for r in rows])
    result: dict[str, Any] = {"pairs": len(rows)}
    if fit:
        result["cv_r"] = cross_validated_r(x, y, names)
        model = fit_linear(x, y, names)
        target = Path(__file__).resolve().parents[1] / "corpus" / MODEL_FILE
        target.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        result["written"] = str(target)
    from newsweave.corpus.compare import load_model

    load_model.cache_clear()
    pred = _predict_all(x, names, load_model())
    result["r"] = float(np.corrcoef(pred, y)[0, 1])
    result["r_cos_only"] = float(np.corrcoef(-x[:, names.index("cos")], y)[0, 1])
    groups: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        groups[f"{r.get('lang1')}-{r.get('lang2')}"].append(i)
    result["by_lang"] = {
        k: (len(ix), float(np.corrcoef(pred[ix], y[ix])[0, 1]) if len(ix) > 2 else float("nan"))
        for k, ix in sorted(groups.items())
    }
    return result


def format_table(result: dict[str, Any]) -> str:
    lines = [f"pairs: {result['pairs']}", f"Pearson r: {result['r']:.3f}",
             f"Pearson r, embedding cosine alone: {result['r_cos_only']:.3f}"]
    if "cv_r" in result:
        lines.append(f"Pearson r, 5-fold cross-validated refit: {result['cv_r']:.3f} (model written to "
                     f"{result['written']})")
    lines.append("lang pair  n    r")
    lines += [f"{k:<10} {n:<4} {r:.3f}" for k, (n, r) in result["by_lang"].items()]
    return "\n".join(lines)
