"""Turn sources (files, folders, feeds, WARC, JSONL, URLs) into ``Article`` objects.

``read_sources`` is the one entry point: it yields an ``Article`` for every good input and an
``IngestError`` (file + one-line reason) for every bad one, so a batch never stops on bad input.
Each source kind has its own module (files, jsonl, html, feeds, warc, fetch); this one only
chooses between them, by file name first and by the first bytes when the name says nothing.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from newsweave.ingest.base import IngestError
from newsweave.ingest.feeds import FEED_SUFFIXES, looks_like_feed, read_feed_file
from newsweave.ingest.fetch import read_url
from newsweave.ingest.files import TEXT_SUFFIXES, read_text_file
from newsweave.ingest.html import HTML_SUFFIXES, read_html_file
from newsweave.ingest.jsonl import read_jsonl
from newsweave.ingest.warc import is_warc, read_warc
from newsweave.model import Article

__all__ = ["IngestError", "read_path", "read_sources"]

Reader = Callable[[Path], Iterator[Article | IngestError]]

_JSONL_NAMES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
#: ``Path("https://x")`` collapses the double slash; both spellings are recognised as URLs.
_URL = re.compile(r"^(https?):/+(.*)$", re.IGNORECASE)


def _refuse(reason: str) -> Reader:
    def refuse(path: Path) -> Iterator[Article | IngestError]:
        yield IngestError(str(path), reason)

    return refuse


def _sniff(path: Path) -> Reader:
    """The reader for a file whose name does not say what it is, chosen from its first bytes."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
        if head.startswith(b"\x1f\x8b"):
            with gzip.open(path, "rb") as inflated:
                head = inflated.read(8)
            if not head.startswith(b"WARC/"):
                return _refuse("unsupported compressed file (only .warc.gz and .jsonl.gz are read)")
    except (OSError, EOFError):
        return read_text_file  # reports the read error itself
    if is_warc(path, head):
        return read_warc
    if looks_like_feed(head):
        return read_feed_file
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered[:1024]:
        return read_html_file
    if lowered.startswith(b"<?xml"):
        return _refuse("XML that is not an RSS/Atom feed")
    return read_text_file


def reader_for(path: Path) -> Reader:
    """The reader for one file: by its name (``.warc.gz``, ``.jsonl``, ``.html``, ...), else by content."""
    name = path.name.lower()
    suffix = path.suffix.lower()
    if name.endswith(_JSONL_NAMES):
        return read_jsonl
    if is_warc(path, b""):
        return read_warc
    if suffix in HTML_SUFFIXES:
        return read_html_file
    if suffix in FEED_SUFFIXES and suffix != ".xml":
        return read_feed_file
    if suffix in TEXT_SUFFIXES:
        return read_text_file
    return _sniff(path)


def read_path(path: Path) -> Iterator[Article | IngestError]:
    """Articles from one file, chosen by its kind."""
    yield from reader_for(path)(path)


def _walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` in sorted order (deterministic ids and batch order), hidden ones skipped."""
    for child in sorted(folder.rglob("*")):
        rel = child.relative_to(folder)
        if child.is_file() and not any(part.startswith(".") for part in rel.parts):
            yield child


def read_sources(sources: Iterable[str | Path], *, allow_private: bool | None = None
                 ) -> Iterator[Article | IngestError]:
    """Every article in the given files, folders and URLs (folders are walked in sorted order).

    ``allow_private`` lets URLs reach private/loopback addresses (default: the
    ``NEWSWEAVE_FETCH_ALLOW_PRIVATE`` setting). Never raises for bad input: each bad file, record or
    URL is one ``IngestError``.
    """
    for src in sources:
        url = _URL.match(str(src))
        if url:
            yield from read_url(f"{url.group(1)}://{url.group(2)}", allow_private=allow_private)
            continue
        path = Path(src)
        try:
            if path.is_dir():
                for child in _walk(path):
                    yield from read_path(child)
            elif path.is_file():
                yield from read_path(path)
            else:
                yield IngestError(str(src), "no such file or folder")
        except OSError as exc:
            yield IngestError(str(src), f"cannot read: {exc.strerror or exc}")
