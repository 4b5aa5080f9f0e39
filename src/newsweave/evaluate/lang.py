"""``newsweave eval lang``: document- and sentence-level language accuracy on labelled dev data.

Documents are the SlavicNER articles (``dev/slavicner/docs.jsonl``) and the Wikipedia "In the news"
blurbs (``dev/itn/blurbs.jsonl``, 55 languages); each is run through the language stage exactly as
in production. Sentences are those of at least 40 characters cut from the same texts by the
segmenter, each identified on its own. Accuracy is reported per language with a macro average over
languages with at least ``MIN_EXAMPLES`` examples.

Gold labels are Wikipedia edition codes; they are mapped to ISO codes (``be-tarask`` is Belarusian,
``zh-yue`` Cantonese). ``sh`` (Serbo-Croatian) is a macrolanguage: an answer of one of its standard
varieties (``hr``, ``bs``, ``sr``) counts as right.

Known ceiling: half the Cantonese (``zh-yue``) blurbs are standard written Chinese with Hong Kong
transliterations and no Cantonese word (no 嘅 咗 喺 係 唔 佢 ...); nothing in their text tells them from
Mandarin, so they are answered ``zh`` and counted wrong. ``--errors`` lists every wrong document.

The default run takes a fixed, stratified sample (at most ``sample`` examples per language, fast
enough for CI); ``--full`` uses everything.
"""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from newsweave.lang.scripts import LABEL_ALIASES
from newsweave.model import Article
from newsweave.stages.language import LanguageStage, identify
from newsweave.stages.segment import sentences

SOURCES = {"slavicner": Path("dev/slavicner/docs.jsonl"), "itn": Path("dev/itn/blurbs.jsonl")}
MIN_EXAMPLES = 10
MIN_SENTENCE_CHARS = 40
#: Gold macrolanguage -> answers that name one of its members.
ACCEPT: dict[str, frozenset[str]] = {"sh": frozenset({"sh", "hr", "bs", "sr"})}


@dataclass(slots=True)
class Scores:
    """Right/total counts per language and the most frequent confusions."""

    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, gold: str, answer: str) -> None:
        self.total[gold] += 1
        if answer in ACCEPT.get(gold, frozenset({gold})):
            self.right[gold] += 1
        else:
            self.confusions[gold, answer] += 1

    def accuracy(self, lang: str) -> float:
        return self.right[lang] / self.total[lang] if self.total[lang] else 0.0

    def macro(self) -> float:
        langs = [g for g, n in self.total.items() if n >= MIN_EXAMPLES]
        return sum(self.accuracy(g) for g in langs) / len(langs) if langs else 0.0

    def micro(self) -> float:
        n = sum(self.total.values())
        return sum(self.right.values()) / n if n else 0.0


@dataclass(slots=True, frozen=True)
class DocError:
    """A document whose answer is wrong: what error analysis needs to see at a glance."""

    gold: str
    answer: str
    script: str
    chars: int
    excerpt: str


@dataclass(slots=True)
class LangEval:
    """Document and sentence scores of one run, and the documents answered wrongly."""

    docs: Scores
    sentences: Scores
    sampled: bool
    errors: list[DocError] = field(default_factory=list)


def gold_label(label: str) -> str:
    return LABEL_ALIASES.get(label, label)


def load_texts(shared: Path) -> list[tuple[str, str]]:
    """(gold language, text) of every labelled document that exists in the shared folder."""
    out = []
    for rel in SOURCES.values():
        path = shared / rel
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    out.append((gold_label(rec["lang"]), rec["text"]))
    return out


def stratified(items: list[tuple[str, str]], per_lang: int, seed: int = 13) -> list[tuple[str, str]]:
    """At most ``per_lang`` items of each language, drawn with a fixed seed (the same sample every run)."""
    by_lang: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for item in items:
        by_lang[item[0]].append(item)
    rng = random.Random(seed)
    out = []
    for lang in sorted(by_lang):
        group = by_lang[lang]
        out.extend(group if len(group) <= per_lang else rng.sample(group, per_lang))
    return out


def evaluate(shared: Path, *, full: bool = False, sample: int = 40) -> LangEval:
    """Score the language stage on documents and ``identify`` on single sentences."""
    docs = load_texts(shared)
    sents = [(lang, text[s:e]) for lang, text in docs for s, e in sentences(text, lang)
             if e - s >= MIN_SENTENCE_CHARS]
    if not full:
        docs, sents = stratified(docs, sample), stratified(sents, sample)
    stage = LanguageStage()
    doc_scores, sent_scores = Scores(), Scores()
    errors = []
    for i, (gold, text) in enumerate(docs):
        art = stage(Article(id=str(i), text=text))
        answer = art.lang or "und"
        doc_scores.add(gold, answer)
        if answer not in ACCEPT.get(gold, frozenset({gold})):
            errors.append(DocError(gold, answer, art.script or "Zyyy", len(text), " ".join(text[:80].split())))
    for gold, text in sents:
        sent_scores.add(gold, identify(text).lang)
    return LangEval(doc_scores, sent_scores, not full, errors)


def format_table(result: LangEval, *, errors: bool = False) -> str:
    """Per-language table, macro averages over languages with enough examples, and top confusions;
    with ``errors``, every wrongly answered document too (gold, answer, script, length, opening)."""
    d, s = result.docs, result.sentences
    langs = sorted(set(d.total) | set(s.total), key=lambda g: (-(d.total[g] + s.total[g]), g))
    lines = [f"language accuracy ({'sample' if result.sampled else 'full'} run)",
             f"{'lang':<6} {'docs':>5} {'doc acc':>8} {'sents':>6} {'sent acc':>9}"]
    for g in langs:
        doc_acc = f"{d.accuracy(g):8.1%}" if d.total[g] else f"{'-':>8}"
        sent_acc = f"{s.accuracy(g):9.1%}" if s.total[g] else f"{'-':>9}"
        lines.append(f"{g:<6} {d.total[g]:>5} {doc_acc} {s.total[g]:>6} {sent_acc}")
    n_doc = sum(1 for g in d.total if d.total[g] >= MIN_EXAMPLES)
    n_sent = sum(1 for g in s.total if s.total[g] >= MIN_EXAMPLES)
    lines.append(f"documents: macro {d.macro():.2%} over {n_doc} languages with >= {MIN_EXAMPLES} examples; "
                 f"micro {d.micro():.2%} of {sum(d.total.values())}")
    lines.append(f"sentences (>= {MIN_SENTENCE_CHARS} chars): macro {s.macro():.2%} over {n_sent} languages; "
                 f"micro {s.micro():.2%} of {sum(s.total.values())}")
    for name, sc in (("documents", d), ("sentences", s)):
        top = ", ".join(f"{g}->{a} {n}" for (g, a), n in sc.confusions.most_common(10))
        lines.append(f"top confusions, {name}: {top or 'none'}")
    if errors:
        lines.append(f"document errors ({len(result.errors)}): gold -> answer, script, characters, opening")
        for e in sorted(result.errors, key=lambda e: (e.gold, e.answer, e.excerpt)):
            lines.append(f"  {e.gold:<6} -> {e.answer:<6} {e.script:<5} {e.chars:>6}  {e.excerpt}")
    return "\n".join(lines)
