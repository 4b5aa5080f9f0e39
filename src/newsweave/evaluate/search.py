"""``newsweave eval search``: cross-lingual retrieval quality of the hybrid search on ITN dev blurbs.

Every blurb of the sampled subjects becomes a stored article (dated by its timestamp, its language as
metadata) and goes through the real path: all registered stages, corpus linking, the store. Then:

* blurb queries: the text of one blurb; relevant are the blurbs about the same subject (``qid``) in
  *other* languages. The query itself and same-language blurbs of its subject are left out of the
  ranking (they are neither hits nor misses of a cross-lingual search).
* name queries: the subject's name in one language (``subject_names.jsonl``), as an analyst would type
  it; relevant are that subject's blurbs in the other languages.

MRR@10 is the mean reciprocal rank of the first relevant result in the top 10 (0 when none);
recall@10 is the share of relevant results in the top 10, out of at most 10. Both are reported for the
hybrid search and for it without vectors (full text and entity variants only), which shows what the
multilingual embeddings add. The default run samples 15 subjects and at most 80 queries of each kind
(CI); ``--full`` takes every subject and query.
"""

from __future__ import annotations

import json
import random
import tempfile
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsweave.jobs import analyse_pending
from newsweave.model import Article
from newsweave.search import Searcher
from newsweave.store import Store, open_store

ITN_FILE = Path("dev/itn/blurbs.jsonl")
NAMES_FILE = Path("dev/itn/subject_names.jsonl")
K = 10
#: Longest query sent, as the web and API forms allow.
MAX_QUERY = 500
#: Name queries per subject (languages taken in a fixed random order).
NAMES_PER_SUBJECT = 3
#: Queries of each kind in the CI sample run (each costs one embedding of the query).
SAMPLE_QUERIES = 80


@dataclass(slots=True)
class Query:
    """One query, the article ids that count as relevant, and those left out of the ranking."""

    text: str
    relevant: set[str]
    ignored: set[str]
    lang: str


def load_rows(shared: Path, full: bool, sample: int, seed: int = 17) -> list[dict[str, Any]]:
    """The ITN blurbs of every subject, or of ``sample`` subjects picked at random (fixed seed)."""
    with (shared / ITN_FILE).open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    if not full:
        qids = sorted({r["qid"] for r in rows})
        keep = set(random.Random(seed).sample(qids, min(sample, len(qids))))
        rows = [r for r in rows if r["qid"] in keep]
    return rows


def build_store(rows: Sequence[dict[str, Any]], folder: Path) -> tuple[Store, list[str]]:
    """Store and analyse the blurbs as articles; returns the store and each row's article id."""
    store = open_store(folder / "itn-search.db")
    arts = []
    for i, r in enumerate(rows):
        day = datetime.fromtimestamp(r["timestamp"], tz=UTC).date().isoformat()
        arts.append(Article(id=f"itn{i}", text=r["text"], lang=r["lang"], date=day, date_precision="day",
                            date_source="metadata", source=f"wikipedia-{r['lang']}", origin="itn",
                            raw=r["text"].encode(), raw_type="text"))
    ids = [res.id for res in store.add_articles(arts)]
    analyse_pending(store)
    return store, ids


def make_queries(rows: Sequence[dict[str, Any]], ids: Sequence[str],
                 names: dict[str, dict[str, list[str]]]) -> dict[str, list[Query]]:
    """Blurb queries and name queries, each with its relevant and ignored article ids."""
    by_qid: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_qid[r["qid"]].append(i)

    def split(qid: str, lang: str) -> tuple[set[str], set[str]]:
        same = {ids[j] for j in by_qid[qid] if rows[j]["lang"] == lang}
        return {ids[j] for j in by_qid[qid]} - same, same

    blurbs = []
    for r in rows:
        relevant, same = split(r["qid"], r["lang"])
        if relevant - same:
            blurbs.append(Query(r["text"][:MAX_QUERY], relevant - same, same, r["lang"]))
    by_name = []
    rng = random.Random(23)
    for qid in sorted(by_qid):
        langs = sorted(names.get(qid, {}))
        rng.shuffle(langs)
        for lang in langs[:NAMES_PER_SUBJECT]:
            name = names[qid][lang][0]
            relevant, same = split(qid, lang)
            if name.strip() and relevant - same:
                by_name.append(Query(name[:MAX_QUERY], relevant - same, same, lang))
    return {"blurb": blurbs, "name": by_name}


def score(queries: Sequence[Query], search: Callable[[str, int], list[str]]) -> dict[str, float]:
    """MRR@10 and recall@10 of a search function (query, limit) -> ranked article ids."""
    mrr = recall = 0.0
    for q in queries:
        ranked = [aid for aid in search(q.text, K + len(q.ignored)) if aid not in q.ignored][:K]
        first = next((rank for rank, aid in enumerate(ranked, 1) if aid in q.relevant), None)
        mrr += 1.0 / first if first else 0.0
        recall += len(q.relevant.intersection(ranked)) / min(len(q.relevant), K)
    n = max(len(queries), 1)
    return {"queries": len(queries), "MRR@10": mrr / n, "recall@10": recall / n}


def evaluate(shared: Path, full: bool = False, sample: int = 15) -> dict[str, Any]:
    """Build the store from the blurbs, then score blurb and name queries, hybrid and without vectors."""
    rows = load_rows(shared, full, sample)
    names: dict[str, dict[str, list[str]]] = {}
    with (shared / NAMES_FILE).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                names[rec["qid"]] = rec["names"]
    with tempfile.TemporaryDirectory(prefix="nw-eval-search-") as tmp:
        store, ids = build_store(rows, Path(tmp))
        with store:
            queries = make_queries(rows, ids, names)
            if not full:
                rng = random.Random(29)
                queries = {k: rng.sample(qs, min(SAMPLE_QUERIES, len(qs))) for k, qs in queries.items()}
            result: dict[str, Any] = {"articles": len(rows), "subjects": len({r["qid"] for r in rows}),
                                      "languages": len({r["lang"] for r in rows}), "rows": []}
            for mode, searcher in (("hybrid", Searcher(store)), ("no vectors", Searcher(store, use_vectors=False))):
                def run(text: str, limit: int, s: Searcher = searcher) -> list[str]:
                    return [r.article.id for r in s.search(text, limit=limit).results]

                for kind, qs in queries.items():
                    result["rows"].append({"kind": kind, "mode": mode, **score(qs, run)})
    return result


def format_table(result: dict[str, Any]) -> str:
    """The evaluation as a plain-text table."""
    lines = [f"ITN dev: {result['articles']} blurbs, {result['subjects']} subjects, {result['languages']} languages",
             "queries  mode        n      MRR@10  recall@10"]
    lines += [f"{r['kind']:<8} {r['mode']:<11} {r['queries']:<6} {r['MRR@10']:.3f}   {r['recall@10']:.3f}"
              for r in result["rows"]]
    return "\n".join(lines)
