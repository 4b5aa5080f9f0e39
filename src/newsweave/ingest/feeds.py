"""RSS and Atom feeds by feedparser: each entry becomes one Article with its title, date, link and outlet.

feedparser is lenient and sets ``bozo`` for every irregularity; a feed is refused only when it is
bozo *and* yields no entry with text (a feed cut off mid-entry gives one empty entry), so a slightly
broken feed still gives its articles.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
from lxml import etree

from newsweave.ingest.base import (
    IngestError,
    InputRejected,
    load_bytes,
    max_article_bytes,
    max_decompressed_bytes,
    metadata_date,
    stable_id,
)
from newsweave.ingest.html import html_to_text
from newsweave.model import Article

#: Suffixes read by this module (``.xml`` is sniffed: only an RSS/Atom/RDF root counts as a feed).
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})

_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf", b"<rdf")


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes of a document open an RSS, Atom or RDF root element."""
    lowered = head[:2048].lower()
    return any(root in lowered for root in _FEED_ROOTS)


def _entry_text(entry: Any) -> str:
    """The fullest text an entry carries: ``content`` (full body) before ``summary`` (teaser)."""
    candidates = [c.get("value", "") for c in entry.get("content", []) or []]
    candidates.append(entry.get("summary", "") or "")
    texts = [html_to_text(c) for c in candidates if c and c.strip()]
    return max(texts, key=len, default="")


def _entry_sources(raw: bytes, count: int) -> list[bytes | None]:
    """The XML of each ``<item>`` / ``<entry>`` element in document order, feedparser's entry order.

    An entry's raw input is its own element (re-serialised by lxml), not the whole feed, so a store
    keeps each article's source once. Entities are not resolved and nothing is fetched (XXE-safe).
    """
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(raw, parser=parser)
    except etree.XMLSyntaxError:
        root = None
    if root is None:
        return [None] * count
    found = [etree.tostring(el, encoding="utf-8") for el in root.iter("{*}item", "{*}entry")]
    return found if len(found) == count else [None] * count


def _entry_date(entry: Any) -> tuple[str, str] | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed: time.struct_time | None = dict.get(entry, key)  # plain lookup: no deprecated key aliasing
        if parsed:
            return metadata_date(time.strftime("%Y-%m-%d", parsed))
    return None


def parse_feed(raw: bytes, origin: str) -> Iterator[Article | IngestError]:
    """Every entry of a feed document; one ``IngestError`` if the document is not a usable feed."""
    parsed = feedparser.parse(raw, sanitize_html=False, resolve_relative_uris=False)
    texts = [_entry_text(entry) for entry in parsed.entries]
    if not any(text.strip() for text in texts):
        if parsed.bozo:
            exc = parsed.get("bozo_exception")
            yield IngestError(origin, f"malformed feed: {exc}" if exc else "malformed feed")
        else:
            yield IngestError(origin, "feed has no entries with text")
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    limit = max_article_bytes()
    sources = _entry_sources(raw, len(parsed.entries))
    for index, entry in enumerate(parsed.entries):
        link = (entry.get("link") or "").strip() or None
        key = link or (entry.get("id") or "").strip() or f"{origin}#{index}"
        where = f"{origin}#{index + 1}"
        text = texts[index]
        if not text.strip():
            yield IngestError(where, "feed entry has no text")
            continue
        size = len(text.encode("utf-8"))
        if size > limit:
            yield IngestError(where, f"too large ({size} bytes > {limit})")
            continue
        art = Article(id=stable_id(key), text=text, title=(entry.get("title") or "").strip() or None, url=link,
                      source=outlet, author=(entry.get("author") or "").strip() or None, origin=where,
                      raw=sources[index], raw_type="feed")
        art.meta["feed_entry"] = {k: dict.get(entry, k) for k in ("id", "link", "published", "updated")
                                  if dict.get(entry, k)}
        found = _entry_date(entry)
        if found:
            art.date, art.date_precision = found
            art.date_source = "metadata"
        yield art


def read_feed_file(path: Path) -> Iterator[Article | IngestError]:
    """The entries of an RSS/Atom file."""
    try:
        raw = load_bytes(path, max_decompressed_bytes())
    except InputRejected as exc:
        yield IngestError(str(path), str(exc))
        return
    except OSError as exc:
        yield IngestError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    yield from parse_feed(raw, str(path))
