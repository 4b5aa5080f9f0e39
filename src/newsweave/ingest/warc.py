"""WARC / WARC.gz files of HTTP responses (Common Crawl's CC-NEWS format), read with warcio.

Each ``response`` record holding an HTML page goes through the HTML extractor; other records
(requests, metadata, images, redirects) are skipped silently because they are not articles.
The file is decompressed by us, through a byte budget, before warcio sees it: a decompression
bomb stops at ``NEWSWEAVE_MAX_DECOMPRESSED_BYTES`` and a cut-off file yields every record
before the damage and then one error naming the file and the offset (in the decompressed stream,
which is what ``warcio index`` reports for uncompressed files).
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsweave.ingest.base import (
    BoundedReader,
    IngestError,
    InputRejected,
    TooLarge,
    max_article_bytes,
    max_decompressed_bytes,
    stable_id,
)
from newsweave.ingest.html import extract_html
from newsweave.model import Article

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_GZIP_MAGIC = b"\x1f\x8b"


def is_warc(path: Path, head: bytes) -> bool:
    """True for ``.warc`` / ``.warc.gz`` names, or content that opens with a WARC header."""
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz", ".arc.gz")) or head.startswith(b"WARC/")


def _content_type(record: Any) -> tuple[str, str | None]:
    value = record.http_headers.get_header("Content-Type") or ""
    mime, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'") or None
    return mime.strip().lower(), charset


def _drain(record: Any) -> bool:
    """Read what is left of the record; False when the file ended before the record's declared length."""
    while record.raw_stream.read(1 << 16):
        pass
    return getattr(record.raw_stream, "limit", 0) <= 0


def _record_article(record: Any, origin: str, offset: int) -> Article | IngestError | None:
    """The article in one record, an error for a bad HTML response, None for a record that is not a page."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    mime, charset = _content_type(record)
    if not status.startswith("2") or (mime and mime not in _HTML_TYPES):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    record_id = record.rec_headers.get_header("WARC-Record-ID") or f"{origin}@{offset}"
    where = f"{origin}@{offset}" + (f" {uri}" if uri else "")
    limit = max_article_bytes()
    body = record.content_stream().read(limit + 1)
    if len(body) > limit:
        return IngestError(where, f"too large (payload > {limit} bytes)")
    if not mime and b"<html" not in body[:4096].lower():
        return None
    try:
        art = extract_html(body, stable_id(uri or record_id), where, url=uri, declared_charset=charset)
    except InputRejected as exc:
        return IngestError(where, str(exc))
    art.raw_type = "warc"
    art.meta["warc"] = {"record_id": record_id, "date": record.rec_headers.get_header("WARC-Date"),
                        "offset": offset}
    return art


def read_warc(path: Path) -> Iterator[Article | IngestError]:
    """Every HTML page in a WARC file, then at most one error if the file is damaged or too big."""
    origin = str(path)
    records: ArchiveIterator | None = None
    count = pages = 0
    try:
        with ExitStack() as stack:
            stream: BinaryIO = stack.enter_context(path.open("rb"))
            compressed = stream.read(2) == _GZIP_MAGIC
            stream.seek(0)
            if compressed:
                stream = stack.enter_context(gzip.GzipFile(fileobj=stream))
            bounded = BoundedReader(stream, max_decompressed_bytes())
            records = ArchiveIterator(bounded, arc2warc=True)
            for record in records:
                offset = records.offset
                item = _record_article(record, origin, offset)
                if not _drain(record):
                    yield IngestError(origin, f"truncated at offset {offset} (record cut short after "
                                              f"{count} complete records)")
                    return
                count += 1
                if item is not None:
                    pages += 1
                    yield item
            # warcio takes a gzip EOFError for the end of the archive; reading on tells the two apart.
            if compressed:
                stream.read(1)
        if count == 0:
            yield IngestError(origin, "no WARC records (empty, cut off in its first record, or not a WARC)")
        elif pages == 0:
            yield IngestError(origin, f"no HTML page among its {count} WARC records (requests, metadata or "
                                      "records warcio reads from damaged bytes)")
    except TooLarge as exc:
        yield IngestError(origin, f"{exc} at offset {records.offset if records is not None else 0} "
                                  "(NEWSWEAVE_MAX_DECOMPRESSED_BYTES bounds a whole archive)")
    # warcio itself fails with AttributeError/TypeError/IndexError on some malformed headers (a response
    # record without WARC-Target-URI); those are damaged input too, not a reason to stop the batch.
    except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError, AttributeError, TypeError,
            IndexError) as exc:
        damaged_at = records.offset if records is not None else 0
        yield IngestError(origin, f"truncated or damaged at offset {damaged_at} (after {count} complete "
                                  f"records): {type(exc).__name__}: {exc}")
