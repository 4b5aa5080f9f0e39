"""The list of sources ``newsweave watch`` polls, with one health record per source.

A source is a feed URL (RSS/Atom), a page URL (an HTML article, fetched only where robots.txt
allows), or a folder (a drop directory receiving text, HTML, JSONL, feed or WARC files). Each has
a polling interval and a health row: the validators of the last good response (ETag,
Last-Modified), when it last succeeded or failed and why, consecutive failures (which push the
next poll back exponentially), and how many articles it has brought.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import listparser
from sqlalchemy import delete, insert, select, update

from newsweave.ingest.fetch import without_credentials
from newsweave.store import Store
from newsweave.store import schema as t

#: Default seconds between two polls of one source (Europe Media Monitor's cycle).
DEFAULT_INTERVAL_S = 600

KINDS = ("feed", "page", "folder")

_URL = re.compile(r"^https?://", re.IGNORECASE)
_OPML_SUFFIXES = (".opml",)


class SourceError(ValueError):
    """A source that cannot be added; the message says why in one line."""


@dataclass(slots=True)
class Source:
    """One polled source and its health."""

    id: int
    location: str
    kind: str
    interval_s: int
    title: str | None
    added_at: str
    etag: str | None = None
    last_modified: str | None = None
    last_poll_at: str | None = None
    last_success_at: str | None = None
    last_error: str | None = None
    last_error_at: str | None = None
    failures: int = 0
    next_poll_at: float = 0.0
    polls: int = 0
    not_modified: int = 0
    articles_gained: int = 0

    @property
    def display(self) -> str:
        """The location as it may be shown or logged: credentials in a URL (``user:pw@``) removed."""
        return without_credentials(self.location)

    @property
    def healthy(self) -> bool:
        """True when the last poll succeeded (or none failed yet)."""
        return self.failures == 0

    def as_dict(self) -> dict[str, Any]:
        """The JSON form (API, ``sources list --json``)."""
        return {"id": self.id, "location": self.display, "kind": self.kind, "interval_s": self.interval_s,
                "title": self.title, "added_at": self.added_at, "healthy": self.healthy,
                "health": {"last_poll_at": self.last_poll_at, "last_success_at": self.last_success_at,
                           "last_error": self.last_error, "last_error_at": self.last_error_at,
                           "failures": self.failures, "polls": self.polls, "not_modified": self.not_modified,
                           "articles_gained": self.articles_gained,
                           "next_poll_at": now_iso(self.next_poll_at) if self.next_poll_at else None}}


def now_iso(epoch: float | None = None) -> str:
    """An ISO-8601 UTC timestamp (seconds) for ``epoch`` (default: now)."""
    moment = datetime.now(UTC) if epoch is None else datetime.fromtimestamp(epoch, UTC)
    return moment.isoformat(timespec="seconds")


def guess_kind(location: str) -> str:
    """``folder`` for a local path, ``feed`` for a URL (``page`` must be asked for)."""
    return "feed" if _URL.match(location) else "folder"


def _normalise(location: str, kind: str) -> str:
    if kind == "folder":
        path = Path(location).expanduser()
        if not path.is_dir():
            raise SourceError(f"not a folder: {location}")
        return str(path.resolve())
    if not _URL.match(location):
        raise SourceError(f"a {kind} source must be an http(s) URL: {location}")
    return location.strip()


def add_source(store: Store, location: str, *, kind: str | None = None, interval_s: int = DEFAULT_INTERVAL_S,
               title: str | None = None) -> Source:
    """Add a source (or return the existing one for the same location); raises ``SourceError`` when invalid."""
    kind = kind or guess_kind(location)
    if kind not in KINDS:
        raise SourceError(f"unknown source kind {kind!r} (one of {', '.join(KINDS)})")
    if interval_s < 1:
        raise SourceError("interval must be at least 1 second")
    location = _normalise(location, kind)
    s = t.sources
    with store.engine.execution_options(write=True).begin() as conn:
        found = conn.execute(select(s.c.id).where(s.c.location == location)).scalar()
        if found is None:
            found = conn.execute(insert(s).values(location=location, kind=kind, interval_s=interval_s, title=title,
                                                  added_at=now_iso())).inserted_primary_key[0]
            conn.execute(insert(t.source_health).values(source_id=found))
    source = get_source(store, found)
    assert source is not None  # just written in a committed transaction
    return source


def import_opml(store: Store, data: bytes | str, *, interval_s: int = DEFAULT_INTERVAL_S) -> list[Source]:
    """Add every feed listed in an OPML subscription list (parsed by listparser, which never fetches)."""
    parsed = listparser.parse(data.decode("utf-8", "replace") if isinstance(data, bytes) else data)
    if not parsed.feeds:
        reason = parsed.get("bozo_exception") or "no feeds listed"
        raise SourceError(f"not a usable OPML subscription list: {reason}")
    return [add_source(store, feed.url, kind="feed", interval_s=interval_s, title=feed.title or None)
            for feed in parsed.feeds if _URL.match(feed.url or "")]


def is_opml(location: str) -> bool:
    """True for a local file whose name says it is an OPML list."""
    return location.lower().endswith(_OPML_SUFFIXES) and Path(location).is_file()


def _select() -> Any:
    s, h = t.sources, t.source_health
    return select(s, h.c.etag, h.c.last_modified, h.c.last_poll_at, h.c.last_success_at, h.c.last_error,
                  h.c.last_error_at, h.c.failures, h.c.next_poll_at, h.c.polls, h.c.not_modified,
                  h.c.articles_gained).join(h, h.c.source_id == s.c.id)


def _source(row: Any) -> Source:
    return Source(**dict(row._mapping))


def list_sources(store: Store) -> list[Source]:
    """Every source, in the order added."""
    with store.engine.connect() as conn:
        return [_source(r) for r in conn.execute(_select().order_by(t.sources.c.id))]


def get_source(store: Store, source_id: int) -> Source | None:
    """One source with its health, or None."""
    with store.engine.connect() as conn:
        row = conn.execute(_select().where(t.sources.c.id == source_id)).first()
    return _source(row) if row else None


def find_source(store: Store, ref: str) -> Source | None:
    """A source by id or by location (as given or normalised)."""
    if ref.isdigit():
        return get_source(store, int(ref))
    candidates = {ref}
    if not _URL.match(ref):
        candidates.add(str(Path(ref).expanduser().resolve()))
    with store.engine.connect() as conn:
        row = conn.execute(_select().where(t.sources.c.location.in_(candidates))).first()
    return _source(row) if row else None


def remove_source(store: Store, source_id: int) -> bool:
    """Remove a source, its health and its seen-files record; False when there was none."""
    with store.engine.execution_options(write=True).begin() as conn:
        for table, col in ((t.source_files, t.source_files.c.source_id),
                           (t.source_health, t.source_health.c.source_id)):
            conn.execute(delete(table).where(col == source_id))
        return conn.execute(delete(t.sources).where(t.sources.c.id == source_id)).rowcount == 1


def due_sources(store: Store, now: float) -> list[Source]:
    """Sources whose next poll time has come, the longest-waiting first."""
    h = t.source_health
    with store.engine.connect() as conn:
        rows = conn.execute(_select().where(h.c.next_poll_at <= now).order_by(h.c.next_poll_at, t.sources.c.id))
        return [_source(r) for r in rows]


def record_health(store: Store, source: Source, **values: Any) -> None:
    """Write a poll's outcome into the source's health row."""
    with store.engine.execution_options(write=True).begin() as conn:
        conn.execute(update(t.source_health).where(t.source_health.c.source_id == source.id).values(**values))
