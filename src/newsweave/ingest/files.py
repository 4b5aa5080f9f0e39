"""Plain-text and Markdown files: one file, one article, raw bytes kept exactly as read."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from newsweave.ingest.base import IngestError, InputRejected, TooLarge, max_article_bytes
from newsweave.ingest.decode import decode_bytes
from newsweave.model import Article

#: Suffixes read by this module.
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")


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


def markdown_title(text: str) -> str | None:
    """The first ATX heading (``# Title``) when it opens the document, the usual Markdown title."""
    for line in text.splitlines():
        if not line.strip():
            continue
        match = _MD_HEADING.match(line)
        return match.group(1) if match else None
    return None


def article_from_bytes(raw: bytes, article_id: str, origin: str, *, markdown: bool = False) -> Article:
    """Decode one text article; raises ``InputRejected`` for binary, undecodable or empty input."""
    if not raw:
        raise InputRejected("empty file")
    text = decode_bytes(raw)
    if not text.strip():
        raise InputRejected("no text (only whitespace)")
    title = markdown_title(text) if markdown else None
    return Article(id=article_id, text=text, title=title, origin=origin, raw=raw, raw_type="text")


def read_text_file(path: Path) -> Iterator[Article | IngestError]:
    """The article in a ``.txt`` / ``.md`` file (or an unknown file that sniffs as text); id = file name."""
    origin = str(path)
    try:
        raw = load_bytes(path, max_article_bytes())
        yield article_from_bytes(raw, path.name, origin, markdown=path.suffix.lower() in {".md", ".markdown"})
    except InputRejected as exc:
        yield IngestError(origin, str(exc))
    except OSError as exc:
        yield IngestError(origin, f"cannot read: {exc.strerror or exc}")
