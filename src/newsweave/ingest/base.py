"""What every ingest reader shares: the error record, the size limits, stable ids and date metadata.

The readers live in one module per source kind (files, jsonl, html, feeds, warc, fetch); they all
yield ``Article | IngestError`` so that one bad input costs one line of output, never the batch.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from newsweave.config import int_setting


@dataclass(slots=True)
class IngestError:
    """One input that could not become an article, and why (printed as one line)."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


class InputRejected(ValueError):
    """Raised inside a reader when an input is refused; the reader turns it into an ``IngestError``."""


class TooLarge(InputRejected):
    """An input (or its decompressed form) is bigger than the configured limit."""

    def __init__(self, size: int, limit: int, what: str = "too large") -> None:
        super().__init__(f"{what} ({size} bytes > {limit})")
        self.size = size
        self.limit = limit


def max_article_bytes() -> int:
    """Largest article (text file, HTML page, JSONL line, WARC payload) accepted, read at call time."""
    return int_setting("NEWSWEAVE_MAX_ARTICLE_BYTES")


def max_decompressed_bytes() -> int:
    """Largest total a compressed input may expand to, so a decompression bomb stops early."""
    return int_setting("NEWSWEAVE_MAX_DECOMPRESSED_BYTES")


def stable_id(key: str) -> str:
    """A short id that is the same in every run for the same URL / record id (feed and WARC entries)."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


_DATE_RE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?\s*$")


def metadata_date(value: object) -> tuple[str, str] | None:
    """``(date, precision)`` from a metadata date such as ``2024``, ``2024-03``, ``2024-03-05T10:00Z``.

    The precision follows what the input states (year / month / day); a time of day is dropped because
    the contract's date is a calendar date. Anything that is not a real calendar date gives None.
    """
    if not isinstance(value, str):
        return None
    match = _DATE_RE.match(value)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    if day:
        return f"{year}-{int(month):02d}-{int(day):02d}", "day"
    if month:
        return f"{year}-{int(month):02d}", "month"
    return year, "year"


class BoundedReader:
    """A binary stream wrapper that refuses to hand out more than ``limit`` bytes in total.

    Wrapping a decompressing stream with it bounds decompression bombs while streaming: the
    reader stops as soon as the running total passes the limit, before the rest is inflated.
    """

    def __init__(self, stream: BinaryIO, limit: int, what: str = "decompressed input too large") -> None:
        self._stream = stream
        self._limit = limit
        self._what = what
        self.total = 0

    def _count(self, data: bytes) -> bytes:
        self.total += len(data)
        if self.total > self._limit:
            raise TooLarge(self.total, self._limit, self._what)
        return data

    def read(self, size: int = -1) -> bytes:
        """Read up to ``size`` bytes (a read of everything is capped at limit + 1 bytes).

        Uses the stream's ``read1`` when it has one: it returns what is already decoded instead of
        insisting on ``size`` bytes, so the data before a damaged spot of a compressed stream is
        handed out before the error is raised.
        """
        if size is None or size < 0:
            size = self._limit - self.total + 1
        read1 = getattr(self._stream, "read1", None)
        return self._count(read1(size) if read1 is not None else self._stream.read(size))

    def readline(self, size: int = -1) -> bytes:
        """Read one line like ``BinaryIO.readline``, counting it against the limit."""
        if size is None or size < 0:
            size = self._limit - self.total + 1
        return self._count(self._stream.readline(size))


def load_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes; refused from its size on disk before reading when over ``limit``."""
    size = path.stat().st_size
    if size > limit:
        raise TooLarge(size, limit)
    with path.open("rb") as handle:
        raw = handle.read(limit + 1)
    if len(raw) > limit:  # grew while we were reading it
        raise TooLarge(len(raw), limit)
    return raw
