"""Measure entity canonicalisation alone: do gold mentions end up in the gold clusters?

Input mentions are the gold spans with their gold types, so recognition errors do not blur the
figure; only :func:`newsweave.corpus.entities.canonicalize` is measured. Two data sets from
``../shared/dev``:

* ``slavicner/docs.jsonl`` — news articles in bg, cs, pl, ru, sl, uk whose entity spans carry a
  cross-lingual ``entity_id`` (inflected forms, Latin and Cyrillic); scored twice: gold mentions alone,
  and ``+kb`` with the KB ids and lemmas the recogniser gives the same spans (as in production);
* ``name_variants/groups.jsonl`` — one entity's name in many languages and scripts per group (each
  form is scored as a one-mention article of unknown type), all groups and each half (A: tuning, B: unseen),
  and each half's *names* and *titles* apart (:func:`group_shape`): persons, places and organisations are
  spelled, transliterated or inflected across languages, but event titles (*2023 Chile wildfires*,
  *Incêndios florestais no Chile em 2023*) are translated, which name keys cannot follow.

Scores: pairwise precision/recall/F1 over mention pairs (all pairs, only pairs from different
documents, only pairs from different languages) and B³ precision/recall/F1 over mentions.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsweave.corpus.entities import canonicalize
from newsweave.model import Article, Mention

if TYPE_CHECKING:
    from newsweave.stages.entities import EntityStage

#: In the CI sample, every SAMPLE_STEP-th SlavicNER document (all languages and both topics stay in).
SAMPLE_STEP = 4


@dataclass(frozen=True, slots=True)
class Scores:
    """Precision, recall and F1 of one measure."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Item:
    """One scored mention: where it is, its gold cluster and the predicted entity."""

    doc: str
    lang: str
    gold: str
    pred: str


def _pairs(counts: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in counts)


def pairwise(items: list[Item], apart: str | None = None) -> Scores:
    """Pairwise P/R over mention pairs; ``apart="doc"``/``"lang"`` counts only pairs from different docs/langs.

    Computed from cluster sizes (pairs within a cell minus those within the same doc/lang), not all-pairs.
    """
    def count(key) -> int:
        total = _pairs(Counter(key(i) for i in items).values())
        if apart is None:
            return total
        return total - _pairs(Counter((*key(i), getattr(i, apart)) for i in items).values())

    tp = count(lambda i: (i.pred, i.gold))
    predicted = count(lambda i: (i.pred,))
    gold = count(lambda i: (i.gold,))
    return Scores(tp / predicted if predicted else 1.0, tp / gold if gold else 1.0)


def bcubed(items: list[Item]) -> Scores:
    """B³ precision and recall: per mention, the share of its predicted (gold) cluster that is correct."""
    if not items:
        return Scores(1.0, 1.0)
    cell = Counter((i.pred, i.gold) for i in items)
    pred = Counter(i.pred for i in items)
    gold = Counter(i.gold for i in items)
    p = sum(cell[(i.pred, i.gold)] / pred[i.pred] for i in items) / len(items)
    r = sum(cell[(i.pred, i.gold)] / gold[i.gold] for i in items) / len(items)
    return Scores(p, r)


def _score(articles: list[Article], gold: dict[int, str]) -> list[Item]:
    canonicalize(articles, [])
    items = []
    for art in articles:
        for m in art.mentions:
            items.append(Item(art.id, art.lang or "und", gold[id(m)], m.entity_id or f"none:{id(m)}"))
    return items


def slavicner_items(path: Path, full: bool, with_kb: bool = False) -> list[Item]:
    """Canonicalise SlavicNER's gold mentions (span, surface, type) and pair them with gold entity ids.

    ``with_kb``: a gold mention whose span the recogniser also finds gets that mention's KB id and lemma,
    as in production, where gazetteer links (*Германии*, *Niemcy* -> ``iso:DE``) merge exonyms.
    """
    recogniser = _recogniser() if with_kb else None
    articles, gold = [], {}
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if not full and n % SAMPLE_STEP:
                continue
            doc = json.loads(line)
            art = Article(id=doc["doc_id"], text=doc["text"], lang=doc["lang"])
            found = {(m.start, m.end): m for m in recogniser.recognise(art.text, art.lang)} if recogniser else {}
            for ent in doc["entities"]:
                m = Mention(ent["start"], ent["end"], ent["surface"], ent["type"])
                same = found.get((m.start, m.end))
                if same is not None:
                    m.kb_id, m.lemma = same.kb_id, same.lemma
                art.mentions.append(m)
                gold[id(m)] = ent["entity_id"]
            articles.append(art)
    return _score(articles, gold)


def _recogniser() -> EntityStage:
    """The recognition stage, imported only when asked for (it loads the gazetteer)."""
    from newsweave.stages.entities import EntityStage

    return EntityStage()


def in_half(group_id: str, half: str | None) -> bool:
    """Whether a group belongs to ``half`` ("A" or "B", fixed by a hash of its id; None: both).

    Thresholds of :mod:`newsweave.corpus.entities` are tuned on half A; half B measures them unseen.
    """
    return half is None or (hashlib.sha1(group_id.encode()).digest()[0] % 2 == 0) == (half == "A")


#: A group is name-shaped when most of its forms have at most this many words and no digit.
NAME_MAX_WORDS = 3


def group_shape(forms: list[str]) -> str:
    """``"names"`` when most forms look like a name (few words, no digits), else ``"titles"``."""
    named = sum(len(f.split()) <= NAME_MAX_WORDS and not any(c.isdigit() for c in f) for f in forms)
    return "names" if 2 * named > len(forms) else "titles"


def group_shapes(path: Path) -> dict[str, str]:
    """Group id -> :func:`group_shape` of its forms."""
    with path.open(encoding="utf-8") as fh:
        groups = [json.loads(line) for line in fh]
    return {g["group_id"]: group_shape([f["form"] for f in g["forms"]]) for g in groups}


def name_variant_items(path: Path, half: str | None = None) -> list[Item]:
    """Canonicalise every form of every name group (of ``half``) as a one-mention article of unknown type."""
    articles, gold = [], {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            group = json.loads(line)
            if not in_half(group["group_id"], half):
                continue
            for k, form in enumerate(group["forms"]):
                text = form["form"]
                art = Article(id=f"{group['group_id']}#{k}", text=text, lang=form.get("lang"))
                m = Mention(0, len(art.text), art.text, group.get("type") or "MISC")
                art.mentions.append(m)
                gold[id(m)] = group["group_id"]
                articles.append(art)
    return _score(articles, gold)


def run(shared: Path, full: bool = False) -> list[dict[str, object]]:
    """Score every available data set; one row per data set (``full``: all of SlavicNER, also with KB links)."""
    rows = []
    slavic = shared / "dev/slavicner/docs.jsonl"
    sets = [("slavicner" + ("" if full else f" (1/{SAMPLE_STEP})"), slavic, lambda p: slavicner_items(p, full))]
    if full:  # the recogniser's KB links take minutes over the whole set: not in the CI sample
        sets.append(("slavicner +kb", slavic, lambda p: slavicner_items(p, full, True)))
    variants = shared / "dev/name_variants/groups.jsonl"
    sets.append(("name_variants", variants, name_variant_items))
    sets += [(f"name_variants {half}", variants, lambda p, h=half: name_variant_items(p, h)) for half in "AB"]
    for label, path, loader in sets:
        if not path.exists():
            continue
        started = time.perf_counter()
        items = loader(path)
        seconds = time.perf_counter() - started
        rows.append(_row(label, items, seconds))
        if label.startswith("name_variants "):  # a half: its names and titles apart, from the same clustering
            shapes = group_shapes(path)
            for shape in ("names", "titles"):
                rows.append(_row(f"{label} {shape}", [i for i in items if shapes[i.gold] == shape], 0.0))
    return rows


def _row(label: str, items: list[Item], seconds: float) -> dict[str, object]:
    row: dict[str, object] = {"data": label, "mentions": len(items), "gold": len({i.gold for i in items}),
                              "pred": len({i.pred for i in items}), "seconds": seconds}
    for scope, scores in (("pair", pairwise(items)), ("xdoc", pairwise(items, "doc")),
                          ("xlang", pairwise(items, "lang")), ("b3", bcubed(items))):
        row[f"{scope}_p"], row[f"{scope}_r"], row[f"{scope}_f1"] = scores.precision, scores.recall, scores.f1
    return row


def format_table(rows: list[dict[str, object]]) -> str:
    """The rows as a plain-text table (what ``newsweave eval merge`` prints)."""
    head = ["data", "mentions", "gold", "pred"]
    scopes = ["pair", "xdoc", "xlang", "b3"]
    cols = head + [f"{s} {m}" for s in scopes for m in ("P", "R", "F1")] + ["s"]
    lines = ["\t".join(cols)]
    for row in rows:
        vals = [str(row[h]) for h in head]
        vals += [f"{row[f'{s}_{m}']:.3f}" for s in scopes for m in ("p", "r", "f1")]
        vals.append(f"{row['seconds']:.1f}")
        lines.append("\t".join(vals))
    return "\n".join(lines)
