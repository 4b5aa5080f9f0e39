"""Export a store to JSONL / CSV / Parquet and import a JSONL export back, losslessly.

A JSONL export of ``what="all"`` is a whole-store backup: one record per line with a ``record``
field ("article", "story", "event", "entity"); articles carry their raw input (base64), analysis JSON
and embedding, so ``import`` rebuilds every table. CSV and Parquet hold one kind per file with
nested values as JSON text, for analysts' tools.
"""

from __future__ import annotations

import base64
import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Float, Integer

from newsweave.model import Entity, Event, Story, Variant
from newsweave.store.core import CorpusState, Store
from newsweave.store.schema import articles

#: What can be exported; "all" only as JSONL (a backup).
WHATS = ("articles", "entities", "events", "stories", "all")
FORMATS = ("jsonl", "csv", "parquet")

#: Records written or read per batch (one import transaction each).
_BATCH = 500

#: Parquet column types that are not strings; every other column is a string (nested values as JSON).
_ARROW_TYPES = {
    **{c.name: pa.float64() for c in articles.c if isinstance(c.type, Float)},
    **{c.name: pa.int64() for c in articles.c if isinstance(c.type, Integer)},
    "raw": pa.binary(), "article_count": pa.int64(), "embedding": pa.list_(pa.float32()),
}


@dataclass
class ImportReport:
    """What ``import_jsonl`` restored and what it skipped (already present or unreadable)."""

    articles: int = 0
    skipped_articles: int = 0
    entities: int = 0
    events: int = 0
    stories: int = 0
    bad_lines: int = 0


def export_records(store: Store, what: str) -> Iterator[dict[str, Any]]:
    """Records of one kind, or of every kind for ``"all"`` (articles first, so an import can link to them)."""
    if what not in WHATS:
        raise ValueError(f"cannot export {what!r}; choose one of {', '.join(WHATS)}")
    if what in ("articles", "all"):
        for row in store.iter_article_rows():
            raw = row["raw"]
            yield {"record": "article", **row, "raw": None if raw is None else base64.b64encode(raw).decode("ascii")}
    if what in ("stories", "events", "entities", "all"):
        state = store.load_corpus()
        parts = (("stories", "story", state.stories), ("events", "event", state.events),
                 ("entities", "entity", state.entities))
        for name, record, items in parts:
            if what in (name, "all"):
                yield from ({"record": record, **asdict(item)} for item in items)


#: Cell openings that spreadsheets evaluate as formulas (CSV injection, OWASP): "=HYPERLINK(...)" in a title.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text: a formula-like string gets a leading apostrophe."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def _flat(record: dict[str, Any], binary: bool) -> dict[str, Any]:
    """One CSV/Parquet row: nested values as JSON text; raw as bytes (Parquet) or base64 (CSV).

    CSV cells are made inert for spreadsheets (articles come from the open web); Parquet keeps values
    exactly, and the JSONL backup is always exact.
    """
    out: dict[str, Any] = {}
    for key, value in record.items():
        if key == "record":
            continue
        if key == "raw" and value is not None and binary:
            value = base64.b64decode(value)
        elif isinstance(value, dict | list) and not (key == "embedding" and binary):
            value = json.dumps(value, ensure_ascii=False)
        out[key] = value if binary else _inert(value)
    return out


def write_export(store: Store, what: str, fmt: str, out: IO[str] | Path) -> int:
    """Write an export to a text stream (JSONL, CSV) or a file path (any format); returns the record count."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if what == "all" and fmt != "jsonl":
        raise ValueError("a whole-store export (--what all) is JSONL only; CSV and Parquet hold one kind each")
    records = export_records(store, what)
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise ValueError("Parquet needs an output file (--output)")
        return _write_parquet(records, out)
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as handle:
            return _write_text(records, fmt, handle)
    return _write_text(records, fmt, out)


def _write_text(records: Iterable[dict[str, Any]], fmt: str, handle: IO[str]) -> int:
    count = 0
    writer: csv.DictWriter[str] | None = None
    for rec in records:
        if fmt == "jsonl":
            handle.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            row = _flat(rec, binary=False)
            if writer is None:
                writer = csv.DictWriter(handle, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
        count += 1
    return count


def _write_parquet(records: Iterable[dict[str, Any]], path: Path) -> int:
    count = 0
    writer: pq.ParquetWriter | None = None
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal writer
        if writer is None:
            schema = pa.schema([(k, _ARROW_TYPES.get(k, pa.string())) for k in batch[0]])
            writer = pq.ParquetWriter(path, schema)
        writer.write_table(pa.Table.from_pylist(batch, schema=writer.schema))
        batch.clear()

    for rec in records:
        batch.append(_flat(rec, binary=True))
        count += 1
        if len(batch) >= _BATCH:
            flush()
    if batch:
        flush()
    if writer is not None:
        writer.close()
    return count


def import_jsonl(store: Store, lines: Iterable[str]) -> ImportReport:
    """Restore a JSONL export: articles in batches (re-running skips what is there), then the corpus picture."""
    report = ImportReport()
    articles: list[dict[str, Any]] = []
    state = CorpusState()

    def flush() -> None:
        added = store.import_article_rows(articles)
        report.articles += added
        report.skipped_articles += len(articles) - added
        articles.clear()

    for line in lines:
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            kind = rec.pop("record")
            if kind == "article":
                if rec.get("raw") is not None:
                    rec["raw"] = base64.b64decode(rec["raw"])
                articles.append(rec)
            elif kind == "entity":
                rec["variants"] = [Variant(**v) for v in rec.get("variants", [])]
                state.entities.append(Entity(**rec))
            elif kind == "event":
                state.events.append(Event(**rec))
            elif kind == "story":
                state.stories.append(Story(**rec))
            else:
                raise ValueError(f"unknown kind {kind!r}")
        except (ValueError, KeyError, TypeError):
            report.bad_lines += 1
            continue
        if len(articles) >= _BATCH:
            flush()
    if articles:
        flush()
    if state.entities or state.events or state.stories:
        store.import_corpus(state)
    report.entities, report.events, report.stories = len(state.entities), len(state.events), len(state.stories)
    return report
