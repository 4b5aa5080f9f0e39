"""Fit the pair-score mapping of ``newsweave compare`` and write it to ``corpus/data/pair_model.json``.

Fits the combiner (ridge maps to the sub-scores, stacked under a ridge map, with the lead-vector products and
sums under their own penalty, averaged with boosted trees on the named features) twice on the SemEval-2022
Task 8 pairs of ``../shared/dev``: on every pair (the shipped model) and on the *training* pairs only
(``evaluate/data/pair_model_train.json``, which ``newsweave eval pairs`` scores on the held-out pairs). Prints
the grouped 5-fold cross-validated r on the training pairs (folds never split pairs that share an article),
r on the held-out testing pairs per language pair, and the learning curve (half the held-out pairs scored by
the fit on the training pairs, and by the fit on them plus the other half).

    python scripts/fit_pairs.py                 # analyse + embed (cached), fit, write the model
    python scripts/fit_pairs.py --features F    # also keep the features in F; reuse F when it exists
    python scripts/fit_pairs.py --dry-run       # report only, keep the shipped model
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newsweave.config import shared_dir
from newsweave.evaluate.pairs import (
    DEFAULT_CACHE,
    EVAL_MODEL_FILE,
    fit_model,
    format_fit,
    labelled_features,
    load_pairs,
    write_model,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--features", type=Path, help="JSON file keeping the computed features (reused if present)")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="vector cache folder")
    parser.add_argument("--dry-run", action="store_true", help="report only; do not write the model")
    args = parser.parse_args()
    shared = shared_dir()
    if shared is None:
        print("shared folder not found (set NEWSWEAVE_SHARED)", file=sys.stderr)
        return 1
    if args.features and args.features.exists():
        rows, feats = load_pairs(shared), json.loads(args.features.read_text("utf-8"))
    else:
        rows, feats = labelled_features(shared, args.cache)
        if args.features:
            args.features.parent.mkdir(parents=True, exist_ok=True)
            args.features.write_text(json.dumps(feats), encoding="utf-8")
    result = fit_model(rows, feats)
    print(format_fit(result))
    if not args.dry_run:
        print(f"model written to {write_model(result['model'])}")
        print(f"evaluation model written to {write_model(result['eval_model'], EVAL_MODEL_FILE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
