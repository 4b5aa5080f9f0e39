"""Train the per-language CRF name taggers shipped in ``src/newsweave/stages/data/`` (``make ner-model``).

Training data: the training part (all but the third that ``newsweave eval ner`` holds out as its test
split) of the permissively licensed sets in ``../shared/dev/ner``: GermEval 2014 (de, CC BY 4.0),
KazNERD (kk, CC BY 4.0) and IL-NER (hi, ur, CC BY 4.0); FactRuEval 2016 (ru, MIT) only tests. SlavicNER
(research-only) is never used, and the held-out third is never read here. Russian gets no CRF: natasha, trained
on far more Russian news than FactRuEval's 80 training documents, already tags it (a CRF that seemed to help on
FactRuEval's small validation slice cost 9 points of F1 on its test third).

1. Each language's training part is split: every ``VALIDATE_EVERY``-th document is for validation, the rest
   trains a model; validation decides
   whether the tagger is used for that language and in which mode (``fill``, ``places`` or ``override``, see
   :mod:`newsweave.stages.ner_tagger`): the setting with the best validation F1, if it beats the rules
   alone by ``--min-gain``; among settings within ``--tolerance`` of the best, the one that keeps most of the
   rule layers' findings (fill, then places, then override), since a validation slice of a few hundred
   sentences cannot tell a point of F1 from noise.
2. The model of every language kept is then retrained on its whole training part and shipped.

    python scripts/train_ner.py                    # default: 100 L-BFGS iterations
    python scripts/train_ner.py --iterations 150
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

from newsweave.config import shared_dir
from newsweave.evaluate.ner import Doc, evaluate_docs
from newsweave.evaluate.ner import datasets as ner_sets
from newsweave.stages.entities import _NATASHA_LANGS as NATASHA_LANGS
from newsweave.stages.entities import EntityStage, _Doc
from newsweave.stages.ner_tagger import (
    META_PATH,
    MODES,
    TYPES,
    CRFTagger,
    dominant_script,
    features,
    model_path,
    prepare,
    sentences,
)

SOURCES = {
    "germeval": "GermEval 2014 NER (de), CC BY 4.0, Benikova et al. 2014",
    "kaznerd": "KazNERD (kk), CC BY 4.0, Yeshpanov et al. 2022",
    "ilner-hi": "IL-NER Hindi (hi), CC BY 4.0",
    "ilner-ur": "IL-NER Urdu (ur), CC BY 4.0",
}
#: Every this-many-th training document validates (chooses the mode); the others fit the model.
VALIDATE_EVERY = 7

Sequence = tuple[list[list[str]], list[str]]


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


def sequences(gold_doc: Doc, stage: EntityStage, scripts: Counter[str]) -> list[Sequence]:
    """The (features, labels) sequence of each sentence of one document, counting the sentences' scripts."""
    doc = _Doc(gold_doc.text, gold_doc.lang, [])
    prepare(doc, stage)
    labels = piece_labels(doc, gold_doc.gold)
    cues: dict[int, list[str]] = {}
    out = []
    for sent in sentences(doc):
        out.append(([features(doc, k, cues) for k in sent], [labels[k] for k in sent]))
        scripts[dominant_script(doc, sent)] += 1
    return out


def train(seqs: list[Sequence], path: Path, iterations: int) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in seqs:
        trainer.append(xseq, yseq)
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 1})
    trainer.train(str(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--min-gain", type=float, default=0.005, help="validation F1 gain a language needs")
    parser.add_argument("--tolerance", type=float, default=0.01,
                        help="F1 below the best at which a mode keeping more rule findings is still preferred")
    args = parser.parse_args()
    shared = shared_dir()
    if shared is None:
        raise SystemExit("shared data folder not found (set NEWSWEAVE_SHARED)")
    rules = EntityStage(use_tagger=False, kb_file=Path("/nonexistent"))
    t0 = time.perf_counter()
    fit: dict[str, list[Sequence]] = {}
    rest: dict[str, list[Sequence]] = {}
    validation: dict[str, dict[str, list[Doc]]] = {}
    scripts: dict[str, Counter[str]] = {}
    names: dict[str, str] = {}
    for name, docs in ner_sets(shared, full=True, part="train").items():
        docs = list(docs)
        if not docs or docs[0].lang in NATASHA_LANGS:
            continue
        held = [d for n, d in enumerate(docs) if n % VALIDATE_EVERY == VALIDATE_EVERY - 1]
        lang = docs[0].lang
        names[lang] = name
        counter = scripts.setdefault(lang, Counter())
        fit[lang] = [s for n, d in enumerate(docs) if n % VALIDATE_EVERY != VALIDATE_EVERY - 1
                     for s in sequences(d, rules, counter)]
        rest[lang] = [s for d in held for s in sequences(d, rules, counter)]
        validation[lang] = {name: held}
    seen = {lang: sorted(s for s, n in c.items() if s and n >= 0.05 * sum(c.values())) for lang, c in scripts.items()}
    print(f"features of {sum(len(v) + len(rest[k]) for k, v in fit.items())} sentences: "
          f"{time.perf_counter() - t0:.0f} s")

    chosen: dict[str, str] = {}
    scores: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for lang, seqs in fit.items():
            t1 = time.perf_counter()
            path = Path(tmp) / f"{lang}.crfsuite"
            train(seqs, path, args.iterations)
            score = {"rules": evaluate_docs(rules, validation[lang]).rows[(names[lang], lang)].f1}
            for mode in MODES:
                stage = EntityStage(use_tagger=False, kb_file=Path("/nonexistent"))
                stage.tagger = CRFTagger({lang: path}, seen, {lang: mode}, stage.gazetteer)
                score[mode] = evaluate_docs(stage, validation[lang]).rows[(names[lang], lang)].f1
            top = max(score[m] for m in MODES)
            best = next(m for m in MODES if score[m] >= top - args.tolerance)
            if score[best] - score["rules"] >= args.min_gain:
                chosen[lang] = best
            scores[lang] = {k: round(v, 4) for k, v in score.items()}
            print(f"{lang}: validation F1 {scores[lang]} -> {chosen.get(lang, 'not tagged')} "
                  f"({time.perf_counter() - t1:.0f} s)")
    for old in model_path("*").parent.glob(model_path("*").name):
        old.unlink()
    for lang in chosen:
        train(fit[lang] + rest[lang], model_path(lang), args.iterations)
        print(f"{lang}: model {model_path(lang).stat().st_size / 1e6:.1f} MB")
    META_PATH.write_text(json.dumps({
        "languages": sorted(chosen), "modes": chosen, "scripts": seen, "validation_f1": scores,
        "trained_on": {names[lang]: SOURCES[names[lang]] for lang in sorted(chosen)}, "iterations": args.iterations,
        "training_sentences": {lang: len(fit[lang]) + len(rest[lang]) for lang in fit},
        "validation": f"every {VALIDATE_EVERY}th document of each training part (the test third is never read)",
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
