"""JSON Lines: one article per line, ``{"id","text","title"?,"date"?,"lang"?,"source"?,"url"?}``.

Lines are read one at a time with a length cap, so a huge file (or a ``.jsonl.gz`` that inflates
without end) is streamed, and one bad line costs one error line, not the file.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any, BinaryIO

from newsweave.ingest.base import (
    BoundedReader,
    IngestError,
    InputRejected,
    TooLarge,
    max_article_bytes,
    max_decompressed_bytes,
    metadata_date,
)
from newsweave.ingest.decode import decode_bytes
from newsweave.model import Article

#: Optional string fields copied from a record onto the Article (stripped).
_STRING_FIELDS = ("title", "lang", "source", "url", "author")
#: Lone UTF-16 surrogates: JSON may escape them (``"\\ud900"``) although they are no characters and cannot
#: be encoded, hashed or stored; each becomes U+FFFD, as decoding does with any other invalid sequence.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(value: str) -> str:
    return _LONE_SURROGATE.sub("\ufffd", value)


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)``; ``None`` for a line longer than ``limit`` (its rest is skipped unread)."""
    lineno = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield lineno, None
            continue
        yield lineno, line


def record_to_article(rec: Any, default_id: str, origin: str, raw: bytes) -> Article:
    """One parsed JSON record as an Article; raises ``InputRejected`` naming what is wrong."""
    if not isinstance(rec, dict):
        raise InputRejected(f"bad JSONL record: expected an object, got {type(rec).__name__}")
    text = rec.get("text")
    if not isinstance(text, str):
        raise InputRejected("bad JSONL record: no \"text\" string")
    if not text.strip():
        raise InputRejected("bad JSONL record: empty text")
    rec_id = rec.get("id")
    art = Article(id=_clean(str(rec_id)) if rec_id not in (None, "") else default_id, text=_clean(text),
                  origin=origin, raw=raw, raw_type="jsonl")
    for key in _STRING_FIELDS:
        value = rec.get(key)
        if isinstance(value, str) and value.strip():
            setattr(art, key, _clean(value.strip()))
    if rec.get("date") not in (None, ""):
        parsed = metadata_date(rec["date"])
        if parsed:
            art.date, art.date_precision = parsed
            art.date_source = "metadata"
        else:
            art.meta["ingest_warning"] = f"unreadable date {rec['date']!r} ignored"
    return art


def read_jsonl(path: Path) -> Iterator[Article | IngestError]:
    """Every record of a ``.jsonl`` / ``.ndjson`` file (optionally gzip-compressed)."""
    limit = max_article_bytes()
    produced = 0
    try:
        with ExitStack() as stack:
            stream: BinaryIO = stack.enter_context(path.open("rb"))
            if path.suffix.lower() == ".gz":
                inflated = stack.enter_context(gzip.GzipFile(fileobj=stream))
                stream = BoundedReader(inflated, max_decompressed_bytes())  # type: ignore[assignment]
            for lineno, line in _lines(stream, limit):
                if line is not None and not line.strip():
                    continue
                produced += 1
                where = f"{path}:{lineno}"
                if line is None:
                    yield IngestError(where, f"too large (line > {limit} bytes)")
                    continue
                try:
                    rec = json.loads(decode_bytes(line))
                    yield record_to_article(rec, f"{path.name}:{lineno}", where, line.rstrip(b"\r\n"))
                except json.JSONDecodeError as exc:
                    yield IngestError(where, f"bad JSONL record: {exc.msg} at column {exc.colno}")
                except InputRejected as exc:
                    yield IngestError(where, str(exc))
    except TooLarge as exc:
        yield IngestError(str(path), str(exc))
        return
    except (OSError, EOFError) as exc:
        yield IngestError(str(path), f"cannot read: {exc}")
        return
    if not produced:
        yield IngestError(str(path), "empty file (no JSONL records)")
