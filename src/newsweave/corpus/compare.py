"""How alike are two news articles? A score on the SemEval-2022 Task 8 scale (1 = same story … 4 = unrelated).

The score comes from the same evidence the event clustering weighs: the cosine between the
embeddings of title + lead, shared entities, shared figures and dates, and the overlap of
script-neutral name-like words (names and numbers survive translation: "Tokajew" and "Tokayev"
fold to nearly the same ASCII). A small linear model maps the features to the 1–4 scale; its
coefficients are data (``data/pair_model.json``), fitted on labelled pairs by
``newsweave eval pairs --fit`` (``newsweave.evaluate.pairs.fit_pair_model``).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from anyascii import anyascii
from wordfreq import zipf_frequency

from newsweave.corpus.events import date_range, evidence, salience_overlap
from newsweave.model import Article

MODEL_FILE = "data/pair_model.json"

_WORD = re.compile(r"\w+")
_NAMEISH = re.compile(r"(?:^|(?<=[\s(\"'«„“]))(?:[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁІЇЄЎҚҒҲӘӨҮҰҺ][\w-]+|\d[\d.,]*)")


def _fold(word: str) -> str:
    return re.sub(r"[^0-9a-z]", "", anyascii(word).lower())


@lru_cache(maxsize=200_000)
def _rarity(word: str, lang: str) -> float:
    """How informative a word is in its language: 8 minus its Zipf frequency (wordfreq), at least 0.5.

    A shared "the" says nothing, a shared "Chandrayaan" says a lot; wordfreq knows which is which
    for ~40 languages offline, and unknown words (names) count as rare.
    """
    try:
        return max(0.5, 8.0 - zipf_frequency(word, lang))
    except (LookupError, ValueError):
        return 4.0


def _word_vector(text: str, lang: str | None) -> dict[str, float]:
    counts = Counter(w.lower() for w in _WORD.findall(text[:4000]) if len(w) > 1)
    code = (lang or "en").split("-")[0]
    return {w: (1.0 + math.log(n)) * _rarity(w, code) for w, n in counts.items()}


def _char_vector(text: str, n: int = 4) -> Counter[str]:
    flat = " ".join(text[:4000].lower().split())
    return Counter(flat[i:i + n] for i in range(len(flat) - n + 1))


def _cosine(a: dict[str, float] | Counter[str], b: dict[str, float] | Counter[str]) -> float:
    if len(a) > len(b):
        a, b = b, a
    num = sum(v * b[k] for k, v in a.items() if k in b)
    den = math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))
    return num / den if den else 0.0


_SOUND = str.maketrans({"c": "k", "q": "k", "j": "y", "w": "v", "z": "s", "x": "k"})


def _skeleton(folded: str) -> str:
    """First letter plus the next consonants, with letters that spell one sound across languages merged.

    Transliterations and inflections differ mostly in vowels, endings and j/y, w/v, c/k spellings:
    Tokajew, Tokayev and Токаев all give "tkyv"; Moskwy and Moscow give "mskv".
    """
    if folded.isdigit():
        return folded
    rest = re.sub(r"[aeiouh]", "", folded[1:].translate(_SOUND))
    return (folded[0].translate(_SOUND) + re.sub(r"(.)\1+", r"\1", rest))[:4]


def _names(text: str) -> set[str]:
    """Capitalised words and numbers as sound skeletons: names and figures, the words that survive translation."""
    out = set()
    for m in _NAMEISH.finditer(text[:4000]):
        f = _fold(m.group(0))
        if len(f) >= 3:
            out.add(_skeleton(f))
    return out


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _overlap(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / min(len(sa), len(sb)) if sa and sb else 0.0


#: Feature names every pair has; the model adds one ``lang:xx`` feature per language seen in training
#: (how e5 similarities run in that language: a per-language offset, learnt from data).
_BASE = ("cos", "cos2", "cos3", "names", "words", "chars", "entities", "figures", "dates", "date_gap", "same_lang")
#: The main signals also enter as pairwise products: shared words mean more when the embeddings agree too.
_CORE = ("cos", "names", "words", "chars", "entities", "figures")
_PRODUCTS = tuple((a, b) for i, a in enumerate(_CORE) for b in _CORE[i:])
FEATURES = _BASE + tuple(f"{a}*{b}" for a, b in _PRODUCTS)


def pair_features(a: Article, b: Article) -> dict[str, float]:
    """The evidence for "same story" between two analysed articles, as numbers."""
    ea, eb = evidence(a), evidence(b)
    cos = float(ea.vector @ eb.vector) if ea.vector is not None and eb.vector is not None else 0.0
    ta, tb = f"{a.title or ''}\n{a.text}", f"{b.title or ''}\n{b.text}"
    gap = 0.0
    ra, rb = date_range(a.date), date_range(b.date)
    if ra and rb:
        gap = math.log1p(max(0, max(ra[0], rb[0]) - min(ra[1], rb[1])))
    feats = {
        "cos": cos,
        "cos2": cos * cos,
        "cos3": cos**3,
        "names": _jaccard(_names(ta), _names(tb)),
        "words": _cosine(_word_vector(ta, a.lang), _word_vector(tb, b.lang)),
        "chars": _cosine(_char_vector(ta), _char_vector(tb)),
        "entities": salience_overlap(ea.keys, eb.keys),
        "figures": _overlap(ea.figures, eb.figures),
        "dates": _overlap(ea.dates, eb.dates),
        "date_gap": gap,
        "same_lang": 1.0 if a.lang and a.lang == b.lang else 0.0,
    }
    for x, y in _PRODUCTS:
        feats[f"{x}*{y}"] = feats[x] * feats[y]
    for lang in (a.lang, b.lang):
        if lang:
            feats[f"lang:{lang}"] = feats.get(f"lang:{lang}", 0.0) + 0.5
    return feats


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> dict[str, Any]:
    """The fitted mapping: ``{"features": [...], "coef": [...], "intercept": x}`` (mean/scale optional)."""
    if path:
        return json.loads(Path(path).read_text("utf-8"))
    return json.loads(resources.files("newsweave.corpus").joinpath(MODEL_FILE).read_text("utf-8"))


def predict(features: dict[str, float], model: dict[str, Any]) -> float:
    """Apply the linear mapping and clip to the 1–4 scale."""
    x = np.array([features.get(name, 0.0) for name in model["features"]], dtype=np.float64)
    mean = np.array(model.get("mean", [0.0] * len(x)))
    scale = np.array(model.get("scale", [1.0] * len(x)))
    raw = float(model["intercept"] + np.dot((x - mean) / scale, np.array(model["coef"])))
    return min(4.0, max(1.0, raw))


def score_pair(a: Article, b: Article, model: dict[str, Any] | None = None) -> float:
    """Similarity of two analysed articles on the SemEval-2022 Task 8 scale (1 = same story, 4 = unrelated)."""
    return predict(pair_features(a, b), model or load_model())


def read_pairs(lines: Iterable[str]) -> Iterator[tuple[str, Article, Article] | str]:
    """Parse ``{"pair_id","text1","text2","lang1"?,"lang2"?}`` lines; a bad line yields its one-line reason."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            pid = str(rec["pair_id"])
            a = Article(id=f"{pid}/1", text=str(rec.get("text1") or ""), lang=rec.get("lang1"))
            b = Article(id=f"{pid}/2", text=str(rec.get("text2") or ""), lang=rec.get("lang2"))
        except (ValueError, KeyError, TypeError) as exc:
            yield f"line {n}: not a pair record ({type(exc).__name__}: {exc})"
            continue
        yield pid, a, b


def compare_pairs(pairs: Iterable[tuple[str, Article, Article]], analyse: Any, batch: int = 32,
                  model: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
    """Analyse pairs in batches with ``analyse`` (list of articles -> list) and yield ``{"pair_id","score"}``."""
    chunk: list[tuple[str, Article, Article]] = []

    def flush() -> Iterator[dict[str, Any]]:
        done = analyse([x for _, a, b in chunk for x in (a, b)])
        for i, (pid, _, _) in enumerate(chunk):
            yield {"pair_id": pid, "score": round(score_pair(done[2 * i], done[2 * i + 1], model), 4)}
        chunk.clear()

    for item in pairs:
        chunk.append(item)
        if len(chunk) >= batch:
            yield from flush()
    if chunk:
        yield from flush()
