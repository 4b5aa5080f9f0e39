"""One poll of one source: conditional HTTP GET for feeds and pages, a scan for new files in folders.

A feed or page is requested with the validators of its last good response (``If-None-Match`` from
its ETag, ``If-Modified-Since`` from its Last-Modified), so an unchanged source costs a 304 and no
parsing. One ``httpx.Client`` is kept for a whole cycle (connection reuse; creating a client per
request costs an SSL context each time, which dominated an unchanged cycle). Every request passes
the ingest fetcher's SSRF checks, requests to one host are spaced by a politeness delay, and a
page is fetched only where the host's robots.txt (``urllib.robotparser``) allows it. Failures are
not retried in a loop here: the caller schedules the next attempt with exponential backoff
(``backoff_s``), honouring ``Retry-After``, so one failing host never stalls a cycle.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path

import httpx

from newsweave.config import setting
from newsweave.ingest import IngestError, read_path
from newsweave.ingest.base import InputRejected, max_article_bytes, stable_id
from newsweave.ingest.feeds import looks_like_feed, parse_feed
from newsweave.ingest.fetch import (
    MAX_REDIRECTS,
    TIMEOUT_S,
    USER_AGENT,
    FetchRefused,
    check_host,
    check_peer,
    private_allowed,
    read_body,
    without_credentials,
)
from newsweave.ingest.files import article_from_bytes
from newsweave.ingest.html import extract_html
from newsweave.model import Article
from newsweave.watch.sources import Source

#: Longest a failing source waits between attempts.
MAX_BACKOFF_S = 6 * 3600.0
#: How long a host's robots.txt is trusted before it is fetched again.
ROBOTS_TTL_S = 3600.0

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def backoff_s(failures: int, interval_s: float, retry_after: float | None = None) -> float:
    """Seconds until the next attempt after ``failures`` consecutive failures: the interval doubled per failure.

    Capped at ``MAX_BACKOFF_S`` (unless the server's ``Retry-After`` asks for longer), so a source that
    recovers is noticed within hours, while a dead one costs a request only every few hours.
    """
    wait = min(interval_s * 2 ** max(failures, 0), max(MAX_BACKOFF_S, interval_s))
    return max(wait, retry_after or 0.0)


@dataclass(slots=True)
class PollResult:
    """What one poll of a URL source gave."""

    status: str  # "changed", "not_modified" or "error"
    articles: list[Article] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    http_status: int | None = None
    error: str | None = None
    retry_after: float | None = None


@dataclass(slots=True)
class _Response:
    url: str
    status: int
    headers: httpx.Headers
    body: bytes


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), None when absent or unreadable."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(parsedate_to_datetime(value).timestamp() - time.time(), 0.0)
    except (TypeError, ValueError):
        return None


class Poller:
    """Polls URL and folder sources; use as a context manager (one per cycle or per service)."""

    def __init__(self, *, allow_private: bool | None = None, host_delay_s: float | None = None,
                 timeout: float = TIMEOUT_S, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.allow_private = private_allowed(allow_private)
        self.host_delay_s = float(setting("NEWSWEAVE_WATCH_HOST_DELAY")) if host_delay_s is None else host_delay_s
        self._clock, self._sleep = clock, sleep
        self._last_hit: dict[str, float] = {}
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser]] = {}
        self.client = httpx.Client(follow_redirects=False, timeout=timeout, trust_env=False,
                                   headers={"User-Agent": USER_AGENT})

    def close(self) -> None:
        """Close the pooled connections."""
        self.client.close()

    def __enter__(self) -> Poller:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ HTTP

    def _polite(self, host: str) -> None:
        """Wait until ``host_delay_s`` has passed since the last request to ``host``."""
        if self.host_delay_s > 0:
            last = self._last_hit.get(host)
            if last is not None:
                wait = last + self.host_delay_s - self._clock()
                if wait > 0:
                    self._sleep(wait)
        self._last_hit[host] = self._clock()

    def _get(self, url: str, headers: dict[str, str] | None = None) -> _Response:
        """GET with manual, re-checked redirects; raises ``FetchRefused``/``TooLarge`` with the reason."""
        current = httpx.URL(url)
        for _ in range(MAX_REDIRECTS + 1):
            check_host(current, self.allow_private)
            self._polite(current.host)
            try:
                with self.client.stream("GET", current, headers=headers) as response:
                    check_peer(response, self.allow_private)
                    if response.is_redirect and "Location" in response.headers:
                        current = current.join(response.headers["Location"])
                        continue
                    # the body is always drained (even a 304's empty one): an unread response closes
                    # its connection, and reconnecting per feed was most of an unchanged cycle's cost
                    body = read_body(response, max_article_bytes())
                    if response.status_code >= 300:
                        body = b""
                    return _Response(str(current), response.status_code, response.headers, body)
            except httpx.HTTPError as exc:
                raise FetchRefused(f"cannot fetch: {type(exc).__name__}: {exc}") from None
        raise FetchRefused(f"too many redirects (more than {MAX_REDIRECTS})")

    def robots_allow(self, url: str) -> bool:
        """Whether the host's robots.txt lets our user agent fetch ``url`` (no robots.txt: yes; 401/403: no)."""
        parsed = httpx.URL(url)
        origin = f"{parsed.scheme}://{parsed.netloc.decode('ascii')}"
        cached = self._robots.get(origin)
        if cached is None or self._clock() - cached[0] > ROBOTS_TTL_S:
            rules = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
            try:
                got = self._get(origin + "/robots.txt")
                if got.status in (401, 403):
                    rules.disallow_all = True
                elif got.status >= 400:
                    rules.allow_all = True
                else:
                    rules.parse(got.body.decode("utf-8", "replace").splitlines())
            except InputRejected:
                rules.allow_all = True  # unreachable robots.txt: RFC 9309 treats it as no restriction
            cached = (self._clock(), rules)
            self._robots[origin] = cached
        return cached[1].can_fetch(USER_AGENT, url)

    def poll_url(self, source: Source) -> PollResult:
        """Conditionally GET a feed or page source and parse what changed; never raises for bad input."""
        if source.kind == "page" and not self.robots_allow(source.location):
            return PollResult("error", error="disallowed by robots.txt")
        headers = {}
        if source.etag:
            headers["If-None-Match"] = source.etag
        if source.last_modified:
            headers["If-Modified-Since"] = source.last_modified
        try:
            got = self._get(source.location, headers)
        except InputRejected as exc:
            return PollResult("error", error=str(exc))
        if got.status == 304:
            return PollResult("not_modified", etag=source.etag, last_modified=source.last_modified, http_status=304)
        if got.status >= 400:
            return PollResult("error", http_status=got.status, error=f"HTTP {got.status}",
                              retry_after=_retry_after(got.headers.get("Retry-After")))
        result = PollResult("changed", etag=got.headers.get("ETag"), last_modified=got.headers.get("Last-Modified"),
                            http_status=got.status)
        for item in _parse(got, source.display):
            (result.errors if isinstance(item, IngestError) else result.articles).append(item)
        return result

    # ------------------------------------------------------------------ folders

    @staticmethod
    def scan_folder(source: Source, seen: dict[str, str]) -> Iterator[tuple[str, str, list[Article | IngestError]]]:
        """``(path, signature, items)`` for every file of a folder source that is new or changed since ``seen``.

        Hidden files and names ending in ``.part``/``.tmp`` are skipped: a writer drops a file
        under such a name and renames it when complete, so a half-written file is never read.
        """
        root = Path(source.location)
        if not root.is_dir():
            raise FetchRefused(f"folder is missing: {source.location}")
        for path in sorted(root.rglob("*")):
            rel = path.relative_to(root)
            if any(part.startswith(".") for part in rel.parts) or path.suffix in (".part", ".tmp"):
                continue
            try:
                info = path.stat()
            except OSError:
                continue  # removed while scanning
            if not path.is_file():
                continue
            signature = f"{info.st_size}:{info.st_mtime_ns}"
            if seen.get(str(rel)) == signature:
                continue
            yield str(rel), signature, list(read_path(path))


def _parse(got: _Response, origin: str) -> Iterator[Article | IngestError]:
    """The articles in a fetched body: a feed's entries, a page's main text, or plain text."""
    mime = got.headers.get("Content-Type", "").partition(";")[0].strip().lower()
    head = got.body[:4096]
    try:
        if looks_like_feed(head):
            yield from parse_feed(got.body, origin)
        elif mime in _HTML_TYPES or (not mime and b"<html" in head.lower()):
            yield extract_html(got.body, stable_id(got.url), origin, url=without_credentials(got.url))
        elif mime.startswith("text/"):
            art = article_from_bytes(got.body, stable_id(got.url), origin)
            art.url = without_credentials(got.url)
            yield art
        else:
            raise InputRejected(f"unsupported content type {mime or 'unknown'!r}")
    except InputRejected as exc:
        yield IngestError(origin, str(exc))
