"""Train the CRF name tagger shipped as ``src/newsweave/stages/data/ner_crf.crfsuite`` (``make ner-model``).

Training data: the training part (all but the first third, which ``newsweave eval ner`` holds out) of the
permissively licensed sets in ``../shared/dev/ner``: GermEval 2014 (de, CC BY 4.0), KazNERD (kk,
CC BY 4.0), IL-NER (hi, ur, CC BY 4.0) and FactRuEval 2016 (ru, MIT). SlavicNER (research-only) is never
used. After training, the stage is evaluated on the held-out part with and without the tagger; the
model's metadata lists the languages where the tagger raised F1, and only those are tagged at run time.

    python scripts/train_ner.py                    # default: 80 L-BFGS iterations, sampled evaluation
    python scripts/train_ner.py --iterations 150 --full-eval
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

from newsweave.config import shared_dir
from newsweave.evaluate.ner import datasets as ner_sets
from newsweave.evaluate.ner import evaluate
from newsweave.stages.entities import EntityStage, _Doc
from newsweave.stages.ner_tagger import (
    META_PATH,
    MODEL_PATH,
    TYPES,
    CRFTagger,
    dominant_script,
    features,
    prepare,
    sentences,
)

SOURCES = {
    "germeval": "GermEval 2014 NER (de), CC BY 4.0, Benikova et al. 2014",
    "kaznerd": "KazNERD (kk), CC BY 4.0, Yeshpanov et al. 2022",
    "ilner-hi": "IL-NER Hindi (hi), CC BY 4.0",
    "ilner-ur": "IL-NER Urdu (ur), CC BY 4.0",
    "factrueval": "FactRuEval 2016 (ru), MIT licence, Starostin et al. 2016",
}


def piece_labels(doc: _Doc, gold: set[tuple[int, int, str]]) -> list[str]:
    """BIO labels of the document's pieces from gold character spans (types outside TYPES become O)."""
    labels = ["O"] * len(doc.toks)
    for start, end, kind in sorted(gold):
        if kind not in TYPES:
            continue
        inside = [k for k, t in enumerate(doc.toks) if t.start >= start and t.end <= end]
        for n, k in enumerate(inside):
            labels[k] = ("B-" if n == 0 else "I-") + kind
    return labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=80)
    parser.add_argument("--full-eval", action="store_true", help="evaluate on the whole held-out part")
    parser.add_argument("--min-gain", type=float, default=0.005, help="F1 gain a language needs to be tagged")
    args = parser.parse_args()
    shared = shared_dir()
    if shared is None:
        raise SystemExit("shared data folder not found (set NEWSWEAVE_SHARED)")
    stage = EntityStage(use_tagger=False, use_natasha=False, kb_file=Path("/nonexistent"))
    trainer = pycrfsuite.Trainer(verbose=False)
    langs: set[str] = set()
    scripts: dict[str, Counter[str]] = {}
    n_sent = 0
    t0 = time.perf_counter()
    for _name, docs in ner_sets(shared, full=True, part="train").items():
        for gold_doc in docs:
            doc = _Doc(gold_doc.text, gold_doc.lang, [])
            prepare(doc, stage)
            labels = piece_labels(doc, gold_doc.gold)
            cues: dict[int, list[str]] = {}
            for sent in sentences(doc):
                trainer.append([features(doc, k, cues) for k in sent], [labels[k] for k in sent])
                scripts.setdefault(gold_doc.lang, Counter())[dominant_script(doc, sent)] += 1
                n_sent += 1
            langs.add(gold_doc.lang)
    t1 = time.perf_counter()
    trainer.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": args.iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 2})
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(MODEL_PATH))
    t2 = time.perf_counter()
    print(f"{n_sent} training sentences ({t1 - t0:.0f} s features, {t2 - t1:.0f} s training), "
          f"model {MODEL_PATH.stat().st_size / 1e6:.1f} MB")

    # The scripts each language was written in (at least 5% of its sentences): the model reads no other.
    seen = {lang: sorted(s for s, n in c.items() if s and n >= 0.05 * sum(c.values())) for lang, c in scripts.items()}
    without = EntityStage(use_tagger=False)
    with_tagger = EntityStage(use_tagger=False)
    with_tagger.tagger = CRFTagger(MODEL_PATH, sorted(langs), seen)
    before = evaluate(shared, full=args.full_eval, stage=without)
    after = evaluate(shared, full=args.full_eval, stage=with_tagger)
    gains = {}
    for (name, lang), score in after.rows.items():
        if name in SOURCES:
            gains[lang] = (round(before.rows[(name, lang)].f1, 4), round(score.f1, 4))
    enabled = sorted(lang for lang, (b, a) in gains.items() if a - b >= args.min_gain)
    for lang, (b, a) in sorted(gains.items()):
        print(f"{lang}: F1 {b:.3f} without tagger, {a:.3f} with -> {'tagged' if lang in enabled else 'not tagged'}")
    META_PATH.write_text(json.dumps({
        "languages": enabled, "scripts": seen, "f1_without_with": gains, "trained_on": SOURCES,
        "iterations": args.iterations,
        "training_sentences": n_sent, "evaluation": "full held-out third" if args.full_eval else "CI sample",
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
