"""Train the per-language CRF name taggers shipped in ``src/newsweave/stages/data/`` (``make ner-model``).

Training data: the training part (all but the third that ``newsweave eval ner`` holds out as its test
split) of the permissively licensed sets in ``../shared/dev/ner``: GermEval 2014 (de, CC BY 4.0),
KazNERD (kk, CC BY 4.0) and IL-NER (hi, ur, CC BY 4.0); FactRuEval 2016 (ru, MIT) only teaches the universal
model. SlavicNER (research-only) is never used, and the held-out third is never read here. Russian gets no CRF
of its own: natasha, trained on far more Russian news than FactRuEval's 80 training documents, already tags it (a
CRF that seemed to help on FactRuEval's small validation slice cost 9 points of F1 on its test third).

Hindi and Urdu, one spoken language in two scripts with small sets (~450 and ~270 training sentences), each
train on both sets (``PARTNERS``): the layers' cues (gazetteer hits, titles, frequencies) carry across scripts,
and cross-validated F1 rose by 2-4 points for both. GermEval's ``-deriv``/``-part`` words are taught as
:data:`~newsweave.stages.ner_tagger.DONT_CARE`, not as ``O``.

1. Each language's training part is cut into ``FOLDS`` folds of documents; a model trained on the other folds
   tags each fold, which decides (pooled over the folds) whether the tagger is used for that language and in
   which mode (``fill``, ``places`` or ``override``, see :mod:`newsweave.stages.ner_tagger`): the setting
   with the best F1, if it beats the rules alone by ``--min-gain``; among settings within ``--tolerance`` of
   the best, the one that keeps most of the rule layers' findings (fill, then places, then override). (A
   single validation slice held 7 Urdu names and 32 Hindi ones: too few to choose anything.)
2. The model of every language kept is then retrained on its whole training part and shipped.
3. The universal model (``ner_crf_xx``: no words or affixes among its features, only the cues every language
   shares) trains on all training parts, FactRuEval's too; it types the capitalised names that languages without
   a model of their own leave untyped. ``--universal-check`` first trains it without one language and scores it
   there (its held-out figure, recorded in the metadata).

    python scripts/train_ner.py                    # default: 100 L-BFGS iterations
    python scripts/train_ner.py --iterations 150
    python scripts/train_ner.py --languages hi,ur  # retrain some languages, keep the others' models
    python scripts/train_ner.py --languages none   # only the universal model
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
from newsweave.evaluate.ner import Doc, Score, evaluate_docs
from newsweave.evaluate.ner import datasets as ner_sets
from newsweave.stages.entities import _NATASHA_LANGS as NATASHA_LANGS
from newsweave.stages.entities import EntityStage, _Doc
from newsweave.stages.ner_tagger import (
    DONT_CARE,
    META_PATH,
    MODES,
    TYPES,
    UNIVERSAL,
    CRFTagger,
    Cues,
    dominant_script,
    features,
    model_path,
    prepare,
    sentences,
)

SOURCES = {
    "germeval": "GermEval 2014 NER (de), CC BY 4.0, Benikova et al. 2014",
    "kaznerd": "KazNERD (kk), CC BY 4.0, Yeshpanov et al. 2022",
    "factrueval": "FactRuEval 2016 (ru), MIT",
    "ilner-hi": "IL-NER Hindi (hi), CC BY 4.0",
    "ilner-ur": "IL-NER Urdu (ur), CC BY 4.0",
}
#: Languages whose model also trains on another language's whole training part (Hindustani in two scripts).
PARTNERS = {"hi": ("ur",), "ur": ("hi",)}
#: Folds of each training part that choose the mode (each is tagged by a model trained on the others).
FOLDS = 4
#: L1 / L2 regularisation (a grid of 0.01-0.3 moved cross-validated F1 by under a point in de, hi and ur).
C1, C2 = 0.05, 0.01

Sequence = tuple[list[list[str]], list[str]]


def piece_labels(doc: _Doc, gold: set[tuple[int, int, str]], ignore: list[tuple[int, int]] = ()) -> list[str]:
    """BIO labels of the document's pieces from gold character spans (types outside TYPES become O) and
    don't-care spans (words deriving from names: ``DONT_CARE``)."""
    labels = ["O"] * len(doc.toks)
    spans = [(s, e, k) for s, e, k in gold if k in TYPES] + [(s, e, DONT_CARE) for s, e in ignore]
    for start, end, kind in sorted(spans):
        inside = [k for k, t in enumerate(doc.toks) if t.start >= start and t.end <= end]
        for n, k in enumerate(inside):
            labels[k] = ("B-" if n == 0 else "I-") + kind
    return labels


def sequences(gold_doc: Doc, stage: EntityStage, scripts: Counter[str], lexical: bool = True) -> list[Sequence]:
    """The (features, labels) sequence of each sentence of one document, counting the sentences' scripts."""
    doc = _Doc(gold_doc.text, gold_doc.lang, [])
    prepare(doc, stage)
    labels = piece_labels(doc, gold_doc.gold, gold_doc.ignore)
    cues = Cues(doc)
    out = []
    for sent in sentences(doc):
        out.append(([features(doc, k, cues, lexical) for k in sent], [labels[k] for k in sent]))
        scripts[dominant_script(doc, sent)] += 1
    return out


def train(seqs: list[Sequence], path: Path, iterations: int) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in seqs:
        trainer.append(xseq, yseq)
    trainer.set_params({"c1": C1, "c2": C2, "max_iterations": iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 1})
    trainer.train(str(path))


def choose_mode(lang: str, name: str, docs: list[Doc], seqs: list[list[Sequence]], extra: list[Sequence],
                scripts: dict[str, list[str]], rules: EntityStage, args: argparse.Namespace
                ) -> tuple[str | None, dict[str, float]]:
    """The mode (None: no tagger) that cross-validation over the training part's folds picks, and the F1s."""
    pooled = {setting: Score() for setting in ("rules", *MODES)}
    pooled["rules"] = evaluate_docs(rules, {name: docs}).rows[(name, lang)]
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(FOLDS):
            path = Path(tmp) / f"{lang}{fold}.crfsuite"
            train([s for n, doc in enumerate(seqs) if n % FOLDS != fold for s in doc] + extra, path, args.iterations)
            held = [d for n, d in enumerate(docs) if n % FOLDS == fold]
            for mode in MODES:
                stage = EntityStage(use_tagger=False, kb_file=Path("/nonexistent"))
                stage.tagger = CRFTagger({lang: path}, scripts, {lang: mode}, stage.gazetteer)
                pooled[mode].add(evaluate_docs(stage, {name: held}).rows[(name, lang)])
    score = {k: v.f1 for k, v in pooled.items()}
    top = max(score[m] for m in MODES)
    best = next(m for m in MODES if score[m] >= top - args.tolerance)
    return (best if score[best] - score["rules"] >= args.min_gain else None), score


def train_universal(delex: dict[str, list[Sequence]], names: dict[str, str], docs: dict[str, list[Doc]],
                    rules: EntityStage, args: argparse.Namespace) -> dict[str, object]:
    """Train the delexicalised model on every training part; first check it on a language it has not seen.

    The check (``--universal-check``) trains without that language and scores the rules with and without the
    model's types on its training part: an estimate of what the model does for a language with no data.
    """
    check = args.universal_check
    held: dict[str, float] = {}
    if check in delex:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "xx.crfsuite"
            train([s for lang, v in delex.items() if lang != check for s in v], path, args.iterations)
            held["rules"] = round(evaluate_docs(rules, {names[check]: docs[check]}).rows[(names[check], check)].f1, 4)
            stage = EntityStage(use_tagger=False, kb_file=Path("/nonexistent"))
            stage.tagger = CRFTagger({}, {}, {}, stage.gazetteer, path)
            held["retype"] = round(evaluate_docs(stage, {names[check]: docs[check]}).rows[(names[check], check)].f1, 4)
    train([s for v in delex.values() for s in v], model_path(UNIVERSAL), args.iterations)
    print(f"universal model: {model_path(UNIVERSAL).stat().st_size / 1e6:.1f} MB; without {check}, F1 there {held}",
          flush=True)
    return {"mode": "retype", "trained_on": sorted(delex), "held_out_language": check, "held_out_f1": held,
            "training_sentences": {lang: len(v) for lang, v in delex.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--min-gain", type=float, default=0.005, help="cross-validated F1 gain a language needs")
    parser.add_argument("--tolerance", type=float, default=0.025,
                        help="F1 below the best at which a mode keeping more rule findings is still preferred "
                             "(0.025: Hindi's folds hold a few hundred names, so smaller differences are noise, "
                             "and a deciding mode there overrules the rule layer's reporting-verb and acronym cues)")
    parser.add_argument("--languages", default="", help="comma-separated languages to retrain (default: all)")
    parser.add_argument("--universal-check", default="kk",
                        help="language left out of the universal model once, to score it on unseen data")
    args = parser.parse_args()
    shared = shared_dir()
    if shared is None:
        raise SystemExit("shared data folder not found (set NEWSWEAVE_SHARED)")
    rules = EntityStage(use_tagger=False, kb_file=Path("/nonexistent"))
    t0 = time.perf_counter()
    docs: dict[str, list[Doc]] = {}
    seqs: dict[str, list[list[Sequence]]] = {}
    scripts: dict[str, Counter[str]] = {}
    names: dict[str, str] = {}
    delex: dict[str, list[Sequence]] = {}
    for name, part in ner_sets(shared, full=True, part="train").items():
        part = list(part)
        if not part:
            continue
        lang = part[0].lang
        names[lang], docs[lang] = name, part
        delex[lang] = [s for d in part for s in sequences(d, rules, Counter(), lexical=False)]
        if lang in NATASHA_LANGS:
            continue
        counter = scripts.setdefault(lang, Counter())
        seqs[lang] = [sequences(d, rules, counter) for d in part]
    seen = {lang: sorted(s for s, n in c.items() if s and n >= 0.05 * sum(c.values())) for lang, c in scripts.items()}
    print(f"features of {sum(len(doc) for v in seqs.values() for doc in v)} sentences: "
          f"{time.perf_counter() - t0:.0f} s")

    wanted = set(args.languages.split(",")) - {""} or set(seqs)
    old = json.loads(META_PATH.read_text(encoding="utf-8")) if META_PATH.exists() and wanted != set(seqs) else {}
    chosen: dict[str, str] = {k: v for k, v in old.get("modes", {}).items() if k not in wanted and k in seqs}
    scores: dict[str, dict[str, float]] = {k: v for k, v in old.get("cv_f1", {}).items() if k not in wanted}
    for lang in sorted(wanted & set(seqs)):
        t1 = time.perf_counter()
        extra = [s for other in PARTNERS.get(lang, ()) for doc in seqs.get(other, []) for s in doc]
        mode, score = choose_mode(lang, names[lang], docs[lang], seqs[lang], extra, seen, rules, args)
        scores[lang] = {k: round(v, 4) for k, v in score.items()}
        model_path(lang).unlink(missing_ok=True)
        if mode is not None:
            chosen[lang] = mode
            train([s for doc in seqs[lang] for s in doc] + extra, model_path(lang), args.iterations)
            size = f"model {model_path(lang).stat().st_size / 1e6:.1f} MB"
        else:
            chosen.pop(lang, None)
            size = "no model"
        print(f"{lang}: cross-validated F1 {scores[lang]} -> {mode or 'not tagged'}, {size} "
              f"({time.perf_counter() - t1:.0f} s)", flush=True)
    universal = train_universal(delex, names, docs, rules, args)
    trained_on = {names[other]: SOURCES[names[other]] for lang in [*chosen, *delex]
                  for other in (lang, *PARTNERS.get(lang, ())) if other in names}
    META_PATH.write_text(json.dumps({
        "languages": sorted(chosen), "modes": chosen, "scripts": seen, "cv_f1": scores, "universal": universal,
        "trained_on": dict(sorted(trained_on.items())), "partners": PARTNERS, "iterations": args.iterations,
        "c1": C1, "c2": C2, "training_sentences": {lang: sum(len(doc) for doc in v) for lang, v in seqs.items()},
        "validation": f"{FOLDS}-fold cross-validation over documents of each training part "
                      "(the test third is never read)",
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
