"""Turn sources (files, folders, feeds, WARC, JSONL, URLs) into ``Article`` objects.

``read_sources`` is the one entry point: it yields an ``Article`` for every good input and an
``IngestError`` (file + one-line reason) for every bad one, so a batch never stops on bad input.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsweave.model import Article


@dataclass(slots=True)
class IngestError:
    """One input that could not become an article, and why (printed as one line)."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def _read_text_file(path: Path) -> Iterator[Article | IngestError]:
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        yield IngestError(str(path), f"cannot read: {exc}")
        return
    if not text.strip():
        yield IngestError(str(path), "empty file")
        return
    yield Article(id=path.name, text=text, origin=str(path), raw=raw, raw_type="text")


def _read_jsonl(path: Path) -> Iterator[Article | IngestError]:
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                rec = json.loads(line)
                text = rec["text"]
                if not isinstance(text, str) or not text.strip():
                    raise ValueError("empty text")
            except (ValueError, KeyError, TypeError) as exc:
                yield IngestError(where, f"bad JSONL record: {exc}")
                continue
            yield Article(id=str(rec.get("id") or f"{path.name}:{lineno}"), text=text, title=rec.get("title"),
                          date=rec.get("date"), date_source="metadata" if rec.get("date") else None,
                          lang=rec.get("lang"), source=rec.get("source"), url=rec.get("url"),
                          origin=where, raw=line.encode("utf-8"), raw_type="jsonl")


def read_path(path: Path) -> Iterator[Article | IngestError]:
    """Articles from one file, chosen by its kind."""
    if path.suffix == ".jsonl":
        yield from _read_jsonl(path)
    else:
        yield from _read_text_file(path)


def read_sources(sources: Iterable[str | Path]) -> Iterator[Article | IngestError]:
    """Every article in the given files and folders (folders are walked in sorted order)."""
    for src in sources:
        path = Path(src)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                yield from read_path(child)
        elif path.is_file():
            yield from read_path(path)
        else:
            yield IngestError(str(src), "no such file or folder")
