"""Coverage-guided fuzzing (atheris / libFuzzer) of the byte-level ingest parsers.

Hypothesis (``tests/test_fuzz.py``) fuzzes every parser from structured, damaged inputs; atheris adds
the other angle for the parsers that take raw bytes: it instruments newsweave, warcio and feedparser
and mutates bytes towards inputs that reach new branches. Each target asserts the readers' contract:
``decode_bytes`` and ``extract_html`` return text or raise ``InputRejected`` with a reason; the file
readers (WARC, JSONL, feeds, text) never raise and yield only articles (non-empty NFC text) or
one-line errors. Anything else is a crash: libFuzzer prints the input and saves it as ``crash-*``.
An input running past ``-timeout`` seconds is a hang; past ``-rss_limit_mb`` a memory blow-up.

    python benchmarks/fuzz_atheris.py html -max_total_time=60        # one target for a minute
    python benchmarks/fuzz_atheris.py warc -runs=20000 CORPUS_DIR    # a fixed number of inputs
    make fuzz-atheris FUZZ_SECONDS=120                                # every target, FUZZ_SECONDS each

Targets: decode, html, feed, warc, jsonl, text. Seed inputs (a valid page, feed, archive, JSONL
file) are written into a fresh corpus folder unless one is given. The end of a run prints libFuzzer's
``Done N runs in T second(s)``: N is the number of inputs tried.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["newsweave", "warcio", "feedparser"]):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from newsweave.ingest import IngestError, read_path
    from newsweave.ingest.base import InputRejected
    from newsweave.ingest.decode import decode_bytes, html_declared_charset
    from newsweave.ingest.feeds import parse_feed
    from newsweave.ingest.html import extract_html
    from newsweave.model import Article

#: Charsets a page or a server may declare, real and bogus; the first input byte picks one.
CHARSETS = [None, "utf-8", "latin-1", "windows-1251", "koi8-r", "utf-16", "shift_jis", "gb18030", "iso-2022-jp",
            "bogus", "utf-7", "rot13", "zlib", "unicode_escape", ""]
_WORK = Path(tempfile.mkdtemp(prefix="newsweave-atheris-"))

PAGE = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Grain talks</title>"
        "<meta property=\"article:published_time\" content=\"2024-03-05\"></head><body><article>"
        "<h1>Grain talks in Vienna</h1><p>Anna Kowalski met Pedro Alvarez in Vienna on 5 March 2024. "
        "Exports rose by 12 percent, officials said.</p><p>\u201cWe agreed on three projects,\u201d "
        "Alvarez said.</p></article></body></html>").encode("utf-8")
FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Grain talks</title>'
        b"<link>https://news.example/1</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>"
        b"<description><![CDATA[<p>Exports rose by 12 percent, officials said.</p>]]></description></item>"
        b'</channel></rss>')
JSONL = b"\n".join(json.dumps(r).encode("utf-8") for r in [  # json.dumps escapes non-ASCII as \\uXXXX
    {"id": "a1", "text": "Exports rose by 12 percent, officials said.", "lang": "en", "date": "2024-03-05"},
    {"id": "a2", "text": "Die Exporte stiegen um 12 Prozent, sagte Müller.", "title": "Exporte", "source": "Wire"}])


def _warc(compressed: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=compressed)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://news.example/1", "response", payload=io.BytesIO(PAGE),
                                                  http_headers=headers))
    return buf.getvalue()


def _check_items(items: Iterable[object]) -> None:
    """The readers' contract: articles with non-empty NFC text, or one-line errors with a reason."""
    for item in items:
        if isinstance(item, IngestError):
            if not item.reason or "\n" in str(item).strip():
                raise AssertionError(f"error without a one-line reason: {item!r}")
        elif isinstance(item, Article):
            if not item.text.strip() or item.text != unicodedata.normalize("NFC", item.text):
                raise AssertionError("article with empty or non-NFC text")
        else:
            raise AssertionError(f"reader yielded {type(item).__name__}")


def _declared(fdp: atheris.FuzzedDataProvider) -> str | None:
    return CHARSETS[fdp.ConsumeIntInRange(0, len(CHARSETS) - 1)]


def fuzz_decode(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    declared, raw = _declared(fdp), fdp.ConsumeBytes(fdp.remaining_bytes())
    html_declared_charset(raw)
    try:
        text = decode_bytes(raw, declared)
    except InputRejected as exc:
        if not str(exc):
            raise AssertionError("rejection without a reason") from exc
        return
    if not isinstance(text, str):
        raise AssertionError(f"decode_bytes returned {type(text).__name__}")


def fuzz_html(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    declared, raw = _declared(fdp), fdp.ConsumeBytes(fdp.remaining_bytes())
    try:
        art = extract_html(raw, "fuzz", "fuzz.html", declared_charset=declared)
    except InputRejected as exc:
        if not str(exc):
            raise AssertionError("rejection without a reason") from exc
        return
    if not art.text.strip() or art.raw != raw:
        raise AssertionError("an extracted page without text or without its raw bytes")


def fuzz_feed(data: bytes) -> None:
    items = list(parse_feed(data, "fuzz.rss"))
    if not items:
        raise AssertionError("a feed gave neither articles nor an error")
    _check_items(items)


def _file_target(names: tuple[str, str]) -> Callable[[bytes], None]:
    """A target writing the input to a file (first byte: as it is, or gzip-compressed) and reading it back."""

    def target(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        compress = fdp.ConsumeBool()
        body = fdp.ConsumeBytes(fdp.remaining_bytes())
        path = _WORK / names[compress]
        path.write_bytes(gzip.compress(body, mtime=0) if compress else body)
        _check_items(read_path(path))

    return target


TARGETS: dict[str, tuple[Callable[[bytes], None], list[bytes]]] = {
    "decode": (fuzz_decode, [b"\x01" + PAGE, b"\x04" + "Привет, мир".encode("cp1251")]),
    "html": (fuzz_html, [b"\x01" + PAGE]),
    "feed": (fuzz_feed, [FEED]),
    "warc": (_file_target(("crawl.warc", "crawl.warc.gz")), [b"\x00" + _warc(False), b"\x00" + _warc(True)]),
    "jsonl": (_file_target(("a.jsonl", "a.jsonl.gz")), [b"\x00" + JSONL, b"\x01" + JSONL]),
    "text": (_file_target(("a.txt", "a.txt.gz")), [b"\x00" + "Exports rose by 12 percent, Ахмет said.\n".encode()]),
}


def main(argv: list[str]) -> None:
    if len(argv) < 2 or argv[1] not in TARGETS:
        raise SystemExit(f"usage: {argv[0]} {{{','.join(TARGETS)}}} [libFuzzer options] [corpus folder]")
    target, seeds = TARGETS[argv[1]]
    args = [argv[0], *argv[2:]]
    if not any(not a.startswith("-") for a in args[1:]):  # no corpus folder given: a fresh one with the seeds
        corpus = _WORK / f"corpus-{argv[1]}"
        corpus.mkdir()
        for i, seed in enumerate(seeds):
            (corpus / f"seed-{i}").write_bytes(seed)
        args.append(str(corpus))
    atheris.Setup(args, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
