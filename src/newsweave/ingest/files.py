"""Plain-text and Markdown files: one file, one article, raw bytes kept exactly as read.

Markdown is rendered (markdown-it, CommonMark) and reduced to plain text, so that the stages see
"the minister said" rather than "[the minister](https://...) said"; ``Article.raw`` keeps the Markdown source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from markdown_it import MarkdownIt

from newsweave.ingest.base import IngestError, InputRejected, load_bytes, max_article_bytes
from newsweave.ingest.decode import decode_bytes
from newsweave.ingest.html import html_to_text
from newsweave.model import Article

#: Suffixes read by this module.
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})

_MARKDOWN = MarkdownIt("commonmark")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")


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
    title = None
    if markdown:
        title = markdown_title(text)
        text = html_to_text(_MARKDOWN.render(text))
        if not text:
            raise InputRejected("no text (Markdown without content)")
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
