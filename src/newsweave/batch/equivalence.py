"""Does ``newsweave batch`` give what ``newsweave analyze`` gives? Field-by-field counts and clustering agreement.

Used by ``benchmarks/batch_equivalence.py`` (the issue's ≥ 2,000-article acceptance run) and by the CI test.
Both outputs are read as contract-like records keyed by article id: ``analyze --jsonl`` lines as they are,
the batch's Parquet tables joined back into one record per article. Per-article results are compared for
identity (every field of every span except the corpus-level ids and names); corpus-level groupings
(mentions into entities, articles into events and stories) are compared as partitions, by pairwise
precision/recall/F1 of the batch's grouping against analyze's, because the two paths may name a group
differently while agreeing on who is in it.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Article fields compared for identity (dates include the corpus step that dates articles from their event).
ARTICLE_FIELDS = ("lang", "script", "date", "date_precision", "date_source", "date_earliest", "date_latest",
                  "duplicate_of")
#: Contract key -> batch table of the per-article spans.
SPAN_TABLES = {"entities": "mentions", "times": "times", "quantities": "quantities", "quotes": "quotes"}
#: Span fields set by the corpus steps (entity canonicalisation, speaker attribution): compared as groupings.
CORPUS_SPAN_FIELDS = frozenset({"entity_id", "entity_name", "speaker_entity_id", "speaker_name"})


@dataclass
class Agreement:
    """Pairwise agreement of one partition with a reference partition of the same items."""

    items: int = 0
    groups_ref: int = 0
    groups_got: int = 0
    identical_groups: int = 0
    precision: float = 1.0
    recall: float = 1.0
    same_ids: int = 0  # items whose group id is the same string in both
    #: a few reference groups the other partition splits or extends: (reference group, the other's groups)
    differing: list[tuple[list[Any], list[list[Any]]]] = field(default_factory=list)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Comparison:
    """What differs between the two outputs."""

    articles_ref: int = 0
    articles_got: int = 0
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    #: field -> (identical articles, compared articles)
    fields: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: span kind -> (identical spans, spans in analyze, spans in batch, articles with identical lists)
    spans: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)
    #: "entities" (mentions), "entity names" (mentions by display name), "events", "stories" (articles)
    groups: dict[str, Agreement] = field(default_factory=dict)
    #: a few differing article ids per field, to look at
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def read_analyze(path: Path) -> dict[str, dict[str, Any]]:
    """``analyze --jsonl`` output by article id."""
    records = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("{"):
                rec = json.loads(line)
                records[rec["id"]] = rec
    return records


def read_batch(out: Path) -> dict[str, dict[str, Any]]:
    """The batch's Parquet tables as contract-like records by article id (spans under the contract's keys)."""
    import pyarrow.parquet as pq

    records = {row["id"]: {**row, **{key: [] for key in SPAN_TABLES}} for row in pq.read_table(out / "articles")
               .to_pylist()}
    for key, table in SPAN_TABLES.items():
        for row in pq.read_table(out / table).to_pylist():
            records[row.pop("article_id")][key].append(row)
    return records


def _span_key(span: dict[str, Any]) -> tuple:
    return tuple(sorted((k, json.dumps(v, sort_keys=True)) for k, v in span.items() if k not in CORPUS_SPAN_FIELDS))


def pairwise(ref: dict[Hashable, str | None], got: dict[Hashable, str | None], examples: int = 5) -> Agreement:
    """Pairwise precision/recall of ``got``'s grouping against ``ref``'s over their common items.

    An item without a group is a group of its own. Counted from the contingency table, so an entity with
    thousands of mentions costs no more than its size.
    """
    items = [i for i in ref if i in got]
    ref_of = {i: ref[i] if ref[i] is not None else ("solo", i) for i in items}
    got_of = {i: got[i] if got[i] is not None else ("solo", i) for i in items}

    def pairs(counts: Iterable[int]) -> int:
        return sum(n * (n - 1) // 2 for n in counts)

    cells = pairs(Counter((ref_of[i], got_of[i]) for i in items).values())
    ref_pairs = pairs(Counter(ref_of.values()).values())
    got_pairs = pairs(Counter(got_of.values()).values())
    ref_groups: dict[Any, set] = defaultdict(set)
    got_groups: dict[Any, set] = defaultdict(set)
    for i in items:
        ref_groups[ref_of[i]].add(i)
        got_groups[got_of[i]].add(i)
    got_sets = {frozenset(g) for g in got_groups.values()}
    identical = len({frozenset(g) for g in ref_groups.values()} & got_sets)
    differing = []
    for group in sorted(ref_groups.values(), key=lambda g: (-len(g), sorted(map(str, g)))):
        if frozenset(group) not in got_sets and len(differing) < examples:
            others = sorted({got_of[i] for i in group}, key=str)
            differing.append((sorted(group, key=str), [sorted(got_groups[o], key=str) for o in others]))
    return Agreement(items=len(items), groups_ref=len(ref_groups), groups_got=len(got_groups),
                     identical_groups=identical, precision=cells / got_pairs if got_pairs else 1.0,
                     recall=cells / ref_pairs if ref_pairs else 1.0,
                     same_ids=sum(ref[i] == got[i] for i in items), differing=differing)


def compare(ref: dict[str, dict[str, Any]], got: dict[str, dict[str, Any]], examples: int = 5) -> Comparison:
    """Compare the batch's records (``got``) with analyze's (``ref``)."""
    cmp = Comparison(articles_ref=len(ref), articles_got=len(got), missing=sorted(set(ref) - set(got)),
                     extra=sorted(set(got) - set(ref)))
    common = [a for a in ref if a in got]
    for name in ARTICLE_FIELDS:
        same = [a for a in common if ref[a].get(name) == got[a].get(name)]
        cmp.fields[name] = (len(same), len(common))
        cmp.examples[name] = sorted(set(common) - set(same))[:examples]
    for key in SPAN_TABLES:
        identical = total_ref = total_got = same_lists = 0
        bad = []
        for a in common:
            want, have = Counter(map(_span_key, ref[a][key])), Counter(map(_span_key, got[a][key]))
            identical += sum((want & have).values())
            total_ref, total_got = total_ref + sum(want.values()), total_got + sum(have.values())
            if want == have:
                same_lists += 1
            else:
                bad.append(a)
        cmp.spans[key] = (identical, total_ref, total_got, same_lists)
        cmp.examples[key] = bad[:examples]
    mentions_ref = {(a, m["start"], m["end"], m["text"]): m for a in common for m in ref[a]["entities"]}
    mentions_got = {(a, m["start"], m["end"], m["text"]): m for a in common for m in got[a]["entities"]}
    for label, name in (("entities", "entity_id"), ("entity names", "entity_name")):
        cmp.groups[label] = pairwise({k: m[name] for k, m in mentions_ref.items()},
                                     {k: m[name] for k, m in mentions_got.items()})
    quotes_ref = {(a, q["start"], q["end"]): q for a in common for q in ref[a]["quotes"]}
    quotes_got = {(a, q["start"], q["end"]): q for a in common for q in got[a]["quotes"]}
    cmp.groups["quote speakers"] = pairwise({k: q["speaker_entity_id"] for k, q in quotes_ref.items()},
                                            {k: q["speaker_entity_id"] for k, q in quotes_got.items()})
    for label, name in (("events", "event_id"), ("stories", "story_id")):
        cmp.groups[label] = pairwise({a: ref[a][name] for a in common}, {a: got[a][name] for a in common})
    return cmp


def format_comparison(cmp: Comparison) -> str:
    """The printed report: identity counts per field, then the corpus-level agreement."""
    lines = [f"articles: analyze {cmp.articles_ref}, batch {cmp.articles_got}, missing from batch "
             f"{len(cmp.missing)}, only in batch {len(cmp.extra)}", "", "per-article field   identical / compared"]
    for name, (same, total) in cmp.fields.items():
        lines.append(f"  {name:17} {same:>6} / {total:<6}" + (f"  e.g. {cmp.examples[name]}" if same < total else ""))
    lines += ["", "spans               identical   analyze     batch   articles with identical lists"]
    for key, (same, ref_n, got_n, lists) in cmp.spans.items():
        lines.append(f"  {key:17} {same:>9} {ref_n:>9} {got_n:>9}   {lists}"
                     + (f"  e.g. {cmp.examples[key]}" if same < max(ref_n, got_n) else ""))
    lines += ["", "corpus grouping     items  groups(analyze) groups(batch) identical groups  pairwise P / R / F1"
              "      same ids"]
    for label, g in cmp.groups.items():
        lines.append(f"  {label:17} {g.items:>6} {g.groups_ref:>15} {g.groups_got:>13} {g.identical_groups:>16}  "
                     f"{g.precision:.4f} / {g.recall:.4f} / {g.f1:.4f}  {g.same_ids}")
    for label, g in cmp.groups.items():
        for group, others in g.differing:
            lines.append(f"  {label} differ: analyze {_short(group)} -> batch {[_short(o) for o in others]}")
    return "\n".join(lines)


def _short(items: list[Any], n: int = 4) -> str:
    """A group in a line: its first items (a mention's text, an article's id) and how many there are."""
    shown = [i[-1] if isinstance(i, tuple) else i for i in items[:n]]
    return f"{shown}{f' +{len(items) - n}' if len(items) > n else ''}"
