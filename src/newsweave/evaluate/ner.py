"""``newsweave eval ner``: span + type micro F1 of entity recognition, per language and per type.

The headline is the product's output: each set is analysed as one batch, as ``newsweave analyze`` does it (the
entity stage per document, then cross-document propagation, :func:`newsweave.corpus.propagation.propagate_mentions`,
over the set's documents), and that is scored. The entity stage alone is printed beside it (the "stage" table),
which is what this evaluation scored until 2026-11-22 and stays comparable with earlier figures. A set's documents
are one batch because they are one collection (the pseudo-documents of a token set are consecutive sentences of
the same sources; SlavicNER's documents are grouped by topic), as a user's batch of related news is.

Data (read from the shared folder at run time, never copied): ``dev/ner`` (German GermEval 2014,
Kazakh KazNERD, Hindi/Urdu IL-NER, Russian FactRuEval 2016) and ``dev/slavicner`` (bg cs pl ru sl uk).
A prediction counts when its span and type equal a gold mention's exactly. Each set is scored on the
types it annotates (its labels are mapped to PER/LOC/ORG, plus MISC/EVT/PRO where the set has them);
predictions of types a set does not annotate are left out, because the set cannot say whether they
are right. GermEval's ``-deriv``/``-part`` tokens (``deutsche``, ``EU-weit``, ``DFB-Pokal``) are not gold
names, but they do contain or derive from one, so they are "don't care" regions: a prediction lying wholly
inside such a token (``EU`` in ``EU-Budget``) is neither a hit nor a false alarm. (Until 2026-11 such
predictions counted as false positives, which punished finding ``EU`` in ``EU-Budget``.) Token sets are
grouped into pseudo-documents of ``GROUP`` sentences.

Some token sets stop being annotated part-way: in the IL-NER files only the first ~700 (hi) / ~400 (ur)
sentences carry labels (the rest is all ``O``, even for names labelled earlier, e.g. ``पूर्वोत्तर``). Such an
unlabelled tail (see :func:`_annotated`) is dropped before splitting; until 2026-11 it was kept, so the hi/ur
tagger trained mostly on sentences that taught it that nothing is a name.

Only a held-out third of each ``dev/ner`` set (after that trimming) is scored, the test split: the CRF taggers
train on the rest (``scripts/train_ner.py``). In token sets it is every third block of ``GROUP`` sentences
(blocks 0, 3, 6, ...), in FactRuEval the first third of the documents. (Until 2026-11 the token sets held out
their first third; but IL-NER is ordered by domain and all its person names stand in that first third, so the
Hindi tagger never saw one.) The CI sample (the default) takes the first ``SAMPLE_SENTENCES`` sentences /
``SAMPLE_DOCS`` documents of the held-out part (and a per-language sample of SlavicNER); ``full=True`` takes all.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsweave.corpus.propagation import propagate_mentions
from newsweave.model import Article, Mention, normalize_text
from newsweave.stages.entities import EntityStage

#: Sentences per pseudo-document for sets that come as tokenised sentences.
GROUP = 10
#: The CI sample: sentences per token set, documents per document set.
SAMPLE_SENTENCES = 400
SAMPLE_DOCS = 40
#: One block in ``HELD_OUT_EVERY`` (of ``GROUP`` sentences; of documents: the first third) is held out for
#: evaluation; the CRF taggers (scripts/train_ner.py) train only on the rest. SlavicNER is never trained on.
HELD_OUT_EVERY = 3

_KAZNERD = {"PERSON": "PER", "GPE": "LOC", "LOCATION": "LOC", "ORGANISATION": "ORG"}
_ILNER = {"NEP": "PER", "NEL": "LOC", "NEO": "ORG"}
_GERMEVAL = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}
#: Pseudo-type of tokens that are neither names nor non-names (GermEval ``-deriv``/``-part``).
IGNORE = "IGNORE"


@dataclass
class Doc:
    """One evaluation document: text, language, gold (start, end, type) spans, don't-care (start, end) spans."""

    lang: str
    text: str
    gold: set[tuple[int, int, str]]
    ignore: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        """Normalise the text as every article's is (:func:`normalize_text`: NFC, one kind of line end), moving the
        gold spans with it: the batch mode scores :class:`Article` objects, whose text is normalised, and a stage
        should be scored on the text ``analyze`` gives it. A few IL-NER and SlavicNER texts are not NFC."""
        norm = normalize_text(self.text)
        if norm == self.text:
            return

        def moved(i: int) -> int:
            return len(normalize_text(self.text[:i]))

        self.gold = {(moved(s), moved(e), kind) for s, e, kind in self.gold}
        self.ignore = [(moved(s), moved(e)) for s, e in self.ignore]
        self.text = norm


@dataclass
class Score:
    """True positives, predictions and gold counts."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Scores per (set, language) and per (set, language, type), with throughput."""

    rows: dict[tuple[str, str], Score] = field(default_factory=dict)
    by_type: dict[tuple[str, str, str], Score] = field(default_factory=dict)
    #: The entity stage alone per (set, language) when ``rows`` scores the batch output (empty otherwise).
    stage_rows: dict[tuple[str, str], Score] = field(default_factory=dict)
    docs: int = 0
    chars: int = 0
    seconds: float = 0.0
    #: Seconds of cross-document propagation (batch scoring only).
    batch_seconds: float = 0.0
    #: Errors by (set, language, kind, surface, type): kind "FP" (no gold span there), "FN" (gold span not found)
    #: or "TYPE" (span right, type wrong: ``type`` is "gold>predicted"). Counted only when ``errors`` is asked.
    errors: Counter[tuple[str, str, str, str, str]] = field(default_factory=Counter)


def _bio_spans(tokens: list[tuple[str, str]], mapping: dict[str, str]) -> tuple[str, set[tuple[int, int, str]]]:
    """Text (tokens joined by spaces) and gold spans from (token, BIO label) pairs."""
    text_parts: list[str] = []
    spans: set[tuple[int, int, str]] = set()
    pos = 0
    cur: list | None = None
    for tok, label in tokens:
        start = pos
        text_parts.append(tok)
        pos += len(tok) + 1
        tag, _, kind = label.partition("-")
        kind = mapping.get(kind) if kind else None
        if tag == "I" and cur is not None and kind == cur[2]:
            cur[1] = start + len(tok)
            continue
        if cur is not None:
            spans.add(tuple(cur))
            cur = None
        if tag in ("B", "I") and kind:
            cur = [start, start + len(tok), kind]
    if cur is not None:
        spans.add(tuple(cur))
    return " ".join(text_parts), spans


def _grouped(sentences: list[list[tuple[str, str]]], lang: str, mapping: dict[str, str]) -> Iterator[Doc]:
    for g in range(0, len(sentences), GROUP):
        texts, gold, ignore, offset = [], set(), [], 0
        for sent in sentences[g: g + GROUP]:
            text, spans = _bio_spans(sent, mapping)
            for s, e, t in spans:
                if t == IGNORE:
                    ignore.append((s + offset, e + offset))
                else:
                    gold.add((s + offset, e + offset, t))
            texts.append(text)
            offset += len(text) + 1
        yield Doc(lang, "\n".join(texts), gold, ignore)


#: A set's annotated part ends with the last window of this many sentences holding at least
#: ``TAIL_MIN_LABELS`` labelled tokens (any label but ``O``, numbers and dates included).
TAIL_WINDOW = 50
TAIL_MIN_LABELS = 5


def _annotated(sentences: list[list[tuple[str, str]]]) -> list[list[tuple[str, str]]]:
    """The sentences up to the end of the last densely labelled window: an unlabelled tail is not data."""
    labelled = [sum(label != "O" for _, label in sent) for sent in sentences]
    end = len(sentences)
    while end > TAIL_WINDOW and sum(labelled[end - TAIL_WINDOW: end]) < TAIL_MIN_LABELS:
        end -= TAIL_WINDOW
    return sentences[:end]


def _part(items: list, part: str, limit: int | None) -> list:
    """The held-out first third ("heldout", cut to ``limit``) or the training rest ("train") of a document set."""
    cut = len(items) // HELD_OUT_EVERY
    if part == "train":
        return items[cut:]
    held = items[:cut]
    return held[:limit] if limit else held


def _interleaved(sentences: list, part: str, limit: int | None) -> list:
    """The held-out blocks 0, 3, 6, ... of ``GROUP`` sentences ("heldout", cut to ``limit``) or the rest ("train").

    Blocks match the pseudo-documents, so no document mixes held-out and training sentences.
    """
    held = part != "train"
    picked = [s for n, s in enumerate(sentences) if ((n // GROUP) % HELD_OUT_EVERY == 0) == held]
    return picked[:limit] if held and limit else picked


def _read_columns(path: Path, token_col: int, label_col: int, sep: str | None = "\t"
                  ) -> list[list[tuple[str, str]]]:
    sentences: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            cols = line.split(sep) if sep else line.split()
            if len(cols) <= max(token_col, label_col) or not cols[token_col].strip():
                if cur:
                    sentences.append(cur)
                    cur = []
                continue
            cur.append((cols[token_col], cols[label_col].strip() or "O"))
    if cur:
        sentences.append(cur)
    return sentences


def germeval(path: Path, limit: int | None, part: str = "heldout") -> Iterator[Doc]:
    """GermEval 2014 (outer level): ``idx token outer nested`` rows."""
    sents = _interleaved(_annotated(_read_columns(path, 1, 2)), part, limit)
    return _grouped([[(t, lab if "deriv" not in lab and "part" not in lab else f"B-{IGNORE}") for t, lab in s]
                     for s in sents], "de", {**_GERMEVAL, IGNORE: IGNORE})


def kaznerd(path: Path, limit: int | None, part: str = "heldout") -> Iterator[Doc]:
    """KazNERD IOB2: ``token label`` rows separated by spaces."""
    return _grouped(_interleaved(_annotated(_read_columns(path, 0, 1, sep=None)), part, limit), "kk", _KAZNERD)


def ilner(path: Path, lang: str, limit: int | None, part: str = "heldout") -> Iterator[Doc]:
    """IL-NER Hindi/Urdu: ``token<TAB>label`` rows."""
    return _grouped(_interleaved(_annotated(_read_columns(path, 0, 1)), part, limit), lang, _ILNER)


def factrueval(folder: Path, limit: int | None, part: str = "heldout") -> Iterator[Doc]:
    """FactRuEval 2016: objects (Person, Org, Location, LocOrg) over the spans of each book."""
    for txt in _part(sorted(folder.glob("*.txt")), part, limit):
        text = txt.read_text(encoding="utf-8")
        spans: dict[str, tuple[int, int, str]] = {}
        for line in txt.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
            cols = line.split("#")[0].split()
            if len(cols) >= 4:
                spans[cols[0]] = (int(cols[2]), int(cols[2]) + int(cols[3]), cols[1])
        gold = set()
        for line in txt.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
            cols = line.split("#")[0].split()
            if len(cols) < 3:
                continue
            kind = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}.get(cols[1])
            wanted = {"PER": ("name", "surname", "patronymic", "nickname"), "ORG": ("org_name",),
                      "LOC": ("loc_name", "geo_adj")}.get(kind or "", ())
            parts = [spans[s] for s in cols[2:] if s in spans and spans[s][2] in wanted]
            if kind and parts:
                gold.add((min(p[0] for p in parts), max(p[1] for p in parts), kind))
        yield Doc("ru", text, gold)


def slavicner(path: Path, limit: int | None) -> Iterator[Doc]:
    """SlavicNER documents (research-only licence: evaluation only, never training)."""
    by_lang: Counter[str] = Counter()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            lang = rec["lang"]
            if limit and by_lang[lang] >= max(1, limit // 6):
                continue
            by_lang[lang] += 1
            gold = {(e["start"], e["end"], e["type"]) for e in rec.get("entities", [])}
            yield Doc(lang, rec["text"], gold)


def datasets(shared: Path, full: bool, part: str = "heldout") -> dict[str, Iterator[Doc]]:
    """The sets present in ``shared``, by name: their held-out part (sampled unless ``full``) or training part.

    SlavicNER (research-only licence) is only ever an evaluation set; it has no training part.
    """
    ner = shared / "dev" / "ner"
    sents = None if full else SAMPLE_SENTENCES
    docs = None if full else SAMPLE_DOCS
    found: dict[str, Iterator[Doc]] = {}
    if (ner / "de_germeval2014_dev.tsv").exists():
        found["germeval"] = germeval(ner / "de_germeval2014_dev.tsv", sents, part)
    if (ner / "kk_kaznerd_valid.iob2").exists():
        found["kaznerd"] = kaznerd(ner / "kk_kaznerd_valid.iob2", sents, part)
    for lang in ("hi", "ur"):
        if (ner / f"{lang}_ilner_dev.txt").exists():
            found[f"ilner-{lang}"] = ilner(ner / f"{lang}_ilner_dev.txt", lang, sents, part)
    if (ner / "ru_factrueval2016_dev").is_dir():
        found["factrueval"] = factrueval(ner / "ru_factrueval2016_dev", docs, part)
    if part == "train":
        return found
    if (shared / "dev" / "slavicner" / "docs.jsonl").exists():
        found["slavicner"] = slavicner(shared / "dev" / "slavicner" / "docs.jsonl", docs * 3 if docs else None)
    return found


def evaluate(shared: Path, full: bool = False, stage: EntityStage | None = None, only: str | None = None,
             errors: bool = False) -> Report:
    """Score what ``newsweave analyze`` outputs on every set (or the one named ``only``): each set is one batch,
    the entity stage per document and then cross-document propagation over the set; the stage's own figures
    are kept beside (``Report.stage_rows``). ``errors`` also lists the batch output's misses."""
    available = datasets(shared, full)
    if only is not None and only not in available:
        raise ValueError(f"unknown set {only!r}: one of {', '.join(sorted(available))}")
    sets = {k: v for k, v in available.items() if only is None or k == only}
    return evaluate_docs(stage or EntityStage(), sets, errors, batch=True)


def _count_errors(report: Report, name: str, doc: Doc, pred: set[tuple[int, int, str]]) -> None:
    """Tally one document's false positives, false negatives and type confusions by surface string."""
    gold_span = {(s, e): t for s, e, t in doc.gold}
    pred_span = {(s, e): t for s, e, t in pred}
    for s, e, t in pred - doc.gold:
        gold_type = gold_span.get((s, e))
        kind, label = ("TYPE", f"{gold_type}>{t}") if gold_type else ("FP", t)
        report.errors[(name, doc.lang, kind, doc.text[s:e], label)] += 1
    for s, e, t in doc.gold - pred:
        if (s, e) not in pred_span:
            report.errors[(name, doc.lang, "FN", doc.text[s:e], t)] += 1


def _scored_types(name: str, doc: Doc) -> set[str]:
    types = {t for _, _, t in doc.gold} | {"PER", "LOC", "ORG"}
    if name == "germeval":
        types.add("MISC")
    return types


def _predicted(mentions: Iterable[Mention], doc: Doc, types: set[str]) -> set[tuple[int, int, str]]:
    """The (start, end, type) of the mentions the set can judge: its types, outside don't-care regions."""
    return {(m.start, m.end, m.type) for m in mentions
            if m.type in types and not any(s <= m.start and m.end <= e for s, e in doc.ignore)}


def _score_doc(rows: dict[tuple[str, str], Score], by_type: dict[tuple[str, str, str], Score] | None, name: str,
               doc: Doc, pred: set[tuple[int, int, str]], types: set[str]) -> None:
    for kind in types:
        g = {x for x in doc.gold if x[2] == kind}
        p = {x for x in pred if x[2] == kind}
        sc = Score(len(g & p), len(p), len(g))
        if by_type is not None:
            by_type.setdefault((name, doc.lang, kind), Score()).add(sc)
        rows.setdefault((name, doc.lang), Score()).add(sc)


def evaluate_docs(stage: EntityStage, sets: dict[str, Iterable[Doc]], errors: bool = False,
                  batch: bool = False) -> Report:
    """Score the entity stage on documents grouped by set name (also used to choose the tagger's modes).

    ``batch``: each set is also analysed as one batch, as ``newsweave analyze`` does it (the stage per document,
    then :func:`newsweave.corpus.propagation.propagate_mentions` over the set's documents): ``rows``,
    ``by_type`` and ``errors`` then score that output, and ``stage_rows`` the stage alone. Without it ``rows``
    scores the stage alone.
    """
    report = Report()
    for name, docs in sets.items():
        arts: list[tuple[Doc, Article]] = []
        for doc in docs:
            t0 = time.perf_counter()
            mentions = stage.recognise(doc.text, doc.lang)
            report.seconds += time.perf_counter() - t0
            report.docs += 1
            report.chars += len(doc.text)
            types = _scored_types(name, doc)
            pred = _predicted(mentions, doc, types)
            if not batch:
                if errors:
                    _count_errors(report, name, doc, pred)
                _score_doc(report.rows, report.by_type, name, doc, pred, types)
                continue
            _score_doc(report.stage_rows, None, name, doc, pred, types)
            art = Article(id=str(len(arts)), text=doc.text, lang=doc.lang)
            art.mentions = mentions
            arts.append((doc, art))
        if not batch:
            continue
        t0 = time.perf_counter()
        propagate_mentions([art for _, art in arts])
        report.batch_seconds += time.perf_counter() - t0
        for doc, art in arts:
            types = _scored_types(name, doc)
            pred = _predicted(art.mentions, doc, types)
            if errors:
                _count_errors(report, name, doc, pred)
            _score_doc(report.rows, report.by_type, name, doc, pred, types)
    return report


def format_report(report: Report) -> str:
    """The report as a plain-text table (per set and language, then per type, then overall); when it scores the
    batch output, the stage alone follows as a second table, comparable with figures from before 2026-11-22."""
    batch = bool(report.stage_rows)
    lines = [f"{'set':<12} {'lang':<5} {'type':<5} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    if batch:
        lines.insert(0, "batch output (entity stage + cross-document propagation, as newsweave analyze):")
    total = Score()
    for (name, lang), sc in sorted(report.rows.items()):
        total.add(sc)
        lines.append(_row(name, lang, "all", sc))
        for (n2, l2, kind), ts in sorted(report.by_type.items()):
            if (n2, l2) == (name, lang) and ts.gold + ts.pred:
                lines.append(_row("", "", kind, ts))
    lines.append(_row("ALL", "", "all", total))
    if batch:
        lines.append("entity stage alone (per document, no propagation):")
        stage_total = Score()
        for (name, lang), sc in sorted(report.stage_rows.items()):
            stage_total.add(sc)
            lines.append(_row(name, lang, "all", sc))
        lines.append(_row("ALL", "", "all", stage_total))
    rate = report.docs / report.seconds if report.seconds else 0.0
    lines.append(f"{report.docs} documents, {report.chars} characters, {report.seconds:.1f} s recognition "
                 f"({rate:.0f} documents/s)" + (f", {report.batch_seconds:.1f} s propagation" if batch else ""))
    return "\n".join(lines)


def _row(name: str, lang: str, kind: str, sc: Score) -> str:
    return (f"{name:<12} {lang:<5} {kind:<5} {sc.precision:6.3f} {sc.recall:6.3f} {sc.f1:6.3f} "
            f"{sc.gold:6d} {sc.pred:6d}")


def format_errors(report: Report, top: int) -> str:
    """The ``top`` most frequent false positives, false negatives and type confusions of each set and language."""
    lines: list[str] = []
    for name, lang in sorted(report.rows):
        for kind in ("FP", "FN", "TYPE"):
            rows = Counter({(surface, label): n for (n2, l2, k, surface, label), n in report.errors.items()
                            if (n2, l2, k) == (name, lang, kind)})
            if not rows:
                continue
            lines.append(f"== {name} {lang} {kind} ({sum(rows.values())} in all)")
            lines.extend(f"{n:5d}  {label:<9} {surface}" for (surface, label), n in rows.most_common(top))
    return "\n".join(lines)
