"""URLs over HTTP(S) with httpx, guarded against server-side request forgery and oversized bodies.

A URL given to ``newsweave ingest`` (or the API) must not become a way to read the host's own
network: every hop of a redirect chain is checked, both the addresses the host name resolves to
and the address actually connected to (which defeats DNS rebinding between the two). Private,
loopback, link-local and other non-global addresses are refused unless ``allow_private`` (or
``NEWSWEAVE_FETCH_ALLOW_PRIVATE=1``) says otherwise. Redirects are followed by hand, a bounded
number of times, and the body is streamed and cut at the article size limit (after
Content-Encoding decoding, so a gzip bomb is bounded too).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import httpx

from newsweave.config import setting
from newsweave.ingest.base import IngestError, InputRejected, TooLarge, max_article_bytes, stable_id
from newsweave.ingest.feeds import looks_like_feed, parse_feed
from newsweave.ingest.files import article_from_bytes
from newsweave.ingest.html import extract_html
from newsweave.model import Article

MAX_REDIRECTS = 5
TIMEOUT_S = 20.0
USER_AGENT = "newsweave/0.1 (news article ingestion)"

#: XML that did not sniff as RSS/Atom is not read as text.
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                         "application/xml", "text/xml"})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


class FetchRefused(InputRejected):
    """A URL that may not or could not be fetched; the message is the one-line reason."""


@dataclass(slots=True)
class Fetched:
    """One HTTP response body, after redirects."""

    url: str  # the final URL
    status: int
    mime: str
    charset: str | None
    body: bytes


def private_allowed(allow_private: bool | None) -> bool:
    """Whether private and loopback addresses may be fetched: the caller's choice, else the setting.

    Shared by page fetching, feed polling and alert webhooks so that one switch governs every
    outgoing request (tests and intranet deployments turn it on; the default refuses, against SSRF).
    """
    return allow_private if allow_private is not None else setting("NEWSWEAVE_FETCH_ALLOW_PRIVATE") == "1"


def _forbidden(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def check_host(url: httpx.URL, allow_private: bool) -> None:
    """Refuse a URL before connecting: only http(s), and no private address unless allowed.

    Checked again on every redirect hop, because a public page may redirect to an internal one.
    """
    if url.scheme not in ("http", "https"):
        raise FetchRefused(f"refused: scheme {url.scheme!r} (only http and https)")
    if not url.host:
        raise FetchRefused("refused: URL has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(url.host, url.port or (443 if url.scheme == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchRefused(f"cannot resolve {url.host}: {exc}") from None
    for info in infos:
        address = str(info[4][0])
        if _forbidden(address):
            raise FetchRefused(f"refused: {url.host} resolves to non-public address {address} "
                               "(set NEWSWEAVE_FETCH_ALLOW_PRIVATE=1 to allow)")


def check_peer(response: httpx.Response, allow_private: bool) -> None:
    """Refuse a response whose connected address is private: DNS may resolve differently at connect time."""
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if not allow_private and peer and _forbidden(str(peer[0])):
        raise FetchRefused(f"refused: connected to non-public address {peer[0]}")


def read_body(response: httpx.Response, limit: int) -> bytes:
    """Read a streamed body up to ``limit`` bytes, raising ``TooLarge`` as soon as it is passed.

    Streaming with a running total bounds memory even when Content-Length is absent or lies.
    """
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge(int(declared), limit)
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > limit:
            raise TooLarge(total, limit)
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(url: str, *, allow_private: bool | None = None, max_bytes: int | None = None,
          max_redirects: int = MAX_REDIRECTS, timeout: float = TIMEOUT_S) -> Fetched:
    """GET ``url`` safely; raises ``FetchRefused`` / ``TooLarge`` with the reason when it cannot."""
    allow = private_allowed(allow_private)
    limit = max_bytes if max_bytes is not None else max_article_bytes()
    current = httpx.URL(url)
    with httpx.Client(follow_redirects=False, timeout=timeout, trust_env=False,
                      headers={"User-Agent": USER_AGENT}) as client:
        for _ in range(max_redirects + 1):
            check_host(current, allow)
            try:
                with client.stream("GET", current) as response:
                    check_peer(response, allow)
                    if response.is_redirect and "Location" in response.headers:
                        current = current.join(response.headers["Location"])
                        continue
                    if response.status_code >= 400:
                        raise FetchRefused(f"HTTP {response.status_code} {response.reason_phrase}")
                    body = read_body(response, limit)
                    mime = response.headers.get("Content-Type", "").partition(";")[0]
                    charset = response.charset_encoding
                    return Fetched(str(current), response.status_code, mime.strip().lower(), charset, body)
            except httpx.HTTPError as exc:
                raise FetchRefused(f"cannot fetch: {type(exc).__name__}: {exc}") from None
    raise FetchRefused(f"too many redirects (more than {max_redirects})")


def without_credentials(url: str) -> str:
    """The URL as it may be printed, logged or stored: any ``user:password@`` removed."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def read_url(url: str, *, allow_private: bool | None = None) -> Iterator[Article | IngestError]:
    """The article(s) at a URL: a feed gives its entries, a page its main text, plain text itself.

    Credentials in the URL are used for the request only; origins and error lines never show them.
    """
    origin = without_credentials(url)
    try:
        got = fetch(url, allow_private=allow_private)
        head = got.body[:4096]
        if got.mime in _HTML_TYPES or (not got.mime and b"<html" in head.lower()):
            yield extract_html(got.body, stable_id(got.url), origin, url=without_credentials(got.url),
                               declared_charset=got.charset)
            return
        if looks_like_feed(head):
            yield from parse_feed(got.body, origin)
            return
        if got.mime.startswith("text/") and got.mime not in _FEED_TYPES:
            art = article_from_bytes(got.body, stable_id(got.url), origin)
            art.url = without_credentials(got.url)
            yield art
            return
        raise InputRejected(f"unsupported content type {got.mime or 'unknown'!r}")
    except InputRejected as exc:
        yield IngestError(origin, str(exc))
