"""Fuzzing every parser with hypothesis: zero crashes, zero hangs, bounded memory.

Each parser gets structured inputs (real-looking HTML, feeds, WARC archives, JSONL, multilingual word
soup) that are then damaged (cut, bytes flipped, junk spliced in), plus pathological repetitions that
expose super-linear regexes. Every call runs under ``bounded``: a per-call time limit (an interval
timer interrupts a runaway loop; the measured time is checked as well) and a cap on how far the
process's peak memory may rise during the call.

CI runs a fixed budget (``CI_EXAMPLES`` per test, the whole file well under a minute). ``make fuzz-long``
sets ``NEWSWEAVE_FUZZ_EXAMPLES`` for a much longer run.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import resource
import signal
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsweave.ingest import IngestError, read_path
from newsweave.ingest.base import InputRejected, metadata_date
from newsweave.ingest.decode import decode_bytes, html_declared_charset
from newsweave.ingest.feeds import parse_feed
from newsweave.ingest.html import extract_html, html_to_text
from newsweave.kb import names
from newsweave.model import Article, Mention, Segment
from newsweave.stages import segment
from newsweave.stages.language import LanguageStage
from newsweave.stages.quantities import extract_quantities, parse_number
from newsweave.stages.quotes import extract_quotes, quote_spans
from newsweave.stages.time import analyse, anchor_from
from newsweave.store import open_store

T = TypeVar("T")

#: Examples per test in CI; ``NEWSWEAVE_FUZZ_EXAMPLES`` overrides it for long runs.
CI_EXAMPLES = 40
EXAMPLES = int(os.environ.get("NEWSWEAVE_FUZZ_EXAMPLES") or 0)
#: A single parser call using more CPU seconds than this is a hang.
CALL_SECONDS = float(os.environ.get("NEWSWEAVE_FUZZ_CALL_SECONDS") or 10)
#: How far one call may raise the process's peak resident memory.
CALL_MAX_RSS_GROWTH_MB = 300


def budget(ci_examples: int = CI_EXAMPLES) -> Any:
    """Hypothesis settings: the CI budget, or the long-run one; no per-example deadline (``bounded`` times)."""
    return settings(max_examples=EXAMPLES or ci_examples, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.large_base_example])


class Hang(AssertionError):
    """A parser call ran past ``CALL_SECONDS``."""


def _alarm(signum: int, frame: Any) -> None:
    raise Hang(f"parser call used more than {CALL_SECONDS} s of CPU time")


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def bounded(call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run ``call`` with a CPU-time limit and a cap on peak-memory growth; fail the example on either.

    CPU time, not wall-clock time: on a shared, loaded machine a call may wait for a core for seconds
    without doing any work, and that is no hang.
    """
    before = _peak_rss_mb()
    previous = signal.signal(signal.SIGPROF, _alarm)
    signal.setitimer(signal.ITIMER_PROF, CALL_SECONDS)
    started = time.process_time()
    try:
        result = call(*args, **kwargs)
        if isinstance(result, Iterator):
            result = list(result)  # type: ignore[assignment]
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
    used = time.process_time() - started
    if used > CALL_SECONDS:  # C code that ignored the timer still counts as a hang
        raise Hang(f"parser call used {used:.1f} s of CPU time > {CALL_SECONDS} s")
    growth = _peak_rss_mb() - before
    assert growth < CALL_MAX_RSS_GROWTH_MB, f"one call raised peak memory by {growth:.0f} MB"
    return result


@contextmanager
def _file(name: str, data: bytes) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        yield path


# --- input material ---------------------------------------------------------------------------------

#: Tokens that parsers treat specially, from many languages and scripts, plus Unicode oddities.
TOKENS = [
    "2024", "1999", "12.03.2024", "2024-02-30", "31/12/2023", "3/4", "22.04.", "1,5", "1.500.000", "1 500",
    "10^9", "-", "–", "—", "%", "$", "€", "₹", "so'm", "млрд", "mln", "milyar", "करोड़", "लाख", "bln", "Mrd.",
    "trillion", "half", "dozen", "yüzde", "procent", "January", "Ocak", "stycznia", "März", "января", "yanvar",
    "2-yanvar", "kecha", "yesterday", "gestern", "wczoraj", "dün", "कल", "परसों", "last", "week", "next", "year",
    "ago", "önce", "temu", "назад", "2020-2022", "1990s", "Q3", "H1", "quarter", "midnight", "12:30", "BC",
    "«", "»", "„", "“", "”", '"', "'", "‘", "’", "‚", "「", "」", "『", "』", "‹", "›", ":", "said", "dedi",
    "powiedział", "sagte", "ने कहा", "деди", "заявил", "Mr.", "Dr.", "U.S.", "Tokayev", "Ахмет", "Kraków",
    "İstanbul", "ı", "ß", "ﬁ", "١٢٣", "٣٫٥", "१२३", "१,२३,४५६", "一千二百", "三月", "年", "\u200f", "\u200b",
    "\u200d", "\u0301", "e\u0301", "\ufeff", "\u2028", "🇺🇦", "👩‍👩‍👧", "\n", "\n\n", "\t", "\r\n", "...", "…",
    "http://x.example/a?b=1", "@user", "#tag", "<b>", "&amp;", "&#0;", "\\", "\x7f",
]
LANGS = [None, "", "und", "en", "de", "pl", "tr", "uz", "uz-Cyrl", "kk", "ru", "hi", "zh", "ar", "fr", "es",
         "xx", "zz-Qaaa", "de-AT", "EN"]
CHARSETS = [None, "utf-8", "UTF8", "latin-1", "windows-1251", "cp1252", "koi8-r", "utf-16", "utf-16-be",
            "shift_jis", "gb18030", "iso-2022-jp", "x-user-defined", "bogus", "utf-7", "", "rot13", "base64", "zlib",
            "hex", "idna", "punycode", "undefined", "unicode_escape"]

word_soup = st.lists(st.sampled_from(TOKENS) | st.text(max_size=12), max_size=80).map(" ".join)
#: One token repeated many times: the shape that makes a backtracking regex blow up.
repetition = st.builds(lambda parts, n: "".join(parts) * n,
                       st.lists(st.sampled_from(TOKENS) | st.text(min_size=1, max_size=3), min_size=1, max_size=3),
                       st.integers(1, 3000))
texts = st.one_of(st.text(max_size=500), word_soup, repetition).map(lambda t: unicodedata.normalize("NFC", t))


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` cut, with bytes flipped, junk spliced in or a slice repeated (or left whole)."""
    for _ in range(draw(st.integers(0, 3))):
        if not data:
            break
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["cut", "flip", "splice", "repeat"]))
        if kind == "cut":
            data = data[:at]
        elif kind == "flip" and at < len(data):
            data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1:]
        elif kind == "splice":
            data = data[:at] + draw(st.binary(max_size=64)) + data[at:]
        else:
            data = data[:at] + data[at:at + 200] * draw(st.integers(2, 50)) + data[at:]
    return data


def _attr_value(text: str) -> str:
    return text.replace('"', "&quot;")


html_elements = st.recursive(
    texts.map(lambda t: t.replace("<", "&lt;")),
    lambda inner: st.builds(
        lambda tag, attrs, kids: f"<{tag}{attrs}>{''.join(kids)}</{tag}>",
        st.sampled_from(["p", "div", "article", "main", "nav", "footer", "script", "style", "h1", "h2", "a", "span",
                         "table", "td", "li", "ul", "iframe", "svg", "math", "template", "noscript", "time",
                         "blockquote", "pre", "form", "textarea", "title"]),
        st.sampled_from(["", ' class="content"', ' href="javascript:alert(1)"', " onload=x()", ' datetime="2024-13-45"',
                         ' itemprop="datePublished" content="0000-00-00"', " hidden", ' lang="zz"']),
        st.lists(inner, max_size=5)),
    max_leaves=25)


@st.composite
def html_documents(draw: st.DrawFn) -> bytes:
    """A page with head metadata and a random body, encoded with a random (maybe mismatching) charset."""
    charset = draw(st.sampled_from(CHARSETS)) or "utf-8"
    title = draw(texts)[:200]
    metas = "".join(f'<meta {k}="{_attr_value(v)}">' for k, v in draw(st.lists(st.tuples(
        st.sampled_from(["name=\"author\" content", "property=\"article:published_time\" content", "charset",
                         "name=\"date\" content", "property=\"og:site_name\" content", "http-equiv"]),
        st.sampled_from(TOKENS) | st.text(max_size=30)), max_size=4)))
    body = "".join(draw(st.lists(html_elements, max_size=6)))
    page = (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title>{metas}</head>'
            f"<body>{body}</body></html>")
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1251", "latin-1", "shift_jis"]))
    return draw(damaged(page.encode(encoding, errors="replace")))


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


@st.composite
def feed_documents(draw: st.DrawFn) -> bytes:
    """An RSS 2.0 or Atom document with random entries, then damaged."""
    atom = draw(st.booleans())
    entries = []
    for _ in range(draw(st.integers(0, 5))):
        title, body, link = _xml(draw(texts)[:100]), draw(texts), _xml(draw(st.sampled_from(TOKENS)))
        date = _xml(draw(st.sampled_from(["Tue, 10 Jun 2003 04:00:00 GMT", "2024-02-30T25:61:00Z", "yesterday", ""])
                         | st.text(max_size=30)))
        wrapped = f"<![CDATA[{body.replace(']]>', '')}]]>" if draw(st.booleans()) else _xml(body)
        if atom:
            entries.append(f"<entry><title>{title}</title><link href=\"{_attr_value(link)}\"/><id>{link}</id>"
                           f"<updated>{date}</updated><content type=\"html\">{wrapped}</content></entry>")
        else:
            entries.append(f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>"
                           f"<description>{wrapped}</description></item>")
    if atom:
        doc = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>{"".join(entries)}</feed>'
    else:
        doc = f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{"".join(entries)}</channel></rss>'
    return draw(damaged(doc.encode("utf-8")))


@st.composite
def warc_archives(draw: st.DrawFn) -> tuple[bytes, bool]:
    """A WARC (maybe gzipped) of HTML and other responses with random headers, then damaged."""
    compressed = draw(st.booleans())
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=compressed)
    for i in range(draw(st.integers(0, 4))):
        fixed = {"WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{i:012d}>", "WARC-Date": "2024-03-05T10:00:00Z"}
        kind = draw(st.sampled_from(["response", "response", "resource", "metadata"]))
        content_type = draw(st.sampled_from(["text/html; charset=utf-8", "text/html; charset=bogus", "image/png",
                                             "application/xhtml+xml", "", "text/html;;;"]))
        status = draw(st.sampled_from(["200 OK", "404 Not Found", "301 Moved", "999 ?"]))
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        payload = draw(html_documents()) if draw(st.booleans()) else draw(st.binary(max_size=300))
        uri = draw(st.sampled_from([f"https://news.example/{i}", "", "not a uri", "https://[::1]/"]))
        if kind == "response":
            writer.write_record(writer.create_warc_record(uri, kind, payload=io.BytesIO(payload),
                                                          http_headers=headers, warc_headers_dict=fixed))
        else:
            writer.write_record(writer.create_warc_record(uri, kind, payload=io.BytesIO(payload),
                                                          warc_content_type=content_type or "text/html",
                                                          warc_headers_dict=fixed))
    return draw(damaged(buf.getvalue())), compressed


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                        max_size=4),
                           max_leaves=10)


@st.composite
def jsonl_files(draw: st.DrawFn) -> tuple[bytes, bool]:
    """JSONL lines: article records with fields of any type, other JSON values, or junk bytes; maybe gzipped."""
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        shape = draw(st.sampled_from(["record", "value", "junk"]))
        if shape == "record":
            rec = {key: draw(st.one_of(texts, json_values)) for key in ("id", "text", "title", "date", "lang",
                                                                        "source", "url") if draw(st.booleans())}
            lines.append(json.dumps(rec, ensure_ascii=draw(st.booleans())).encode("utf-8"))
        elif shape == "value":
            lines.append(json.dumps(draw(json_values)).encode("utf-8"))
        else:
            lines.append(draw(st.binary(max_size=80)))
    data = draw(damaged(b"\n".join(lines)))
    compressed = draw(st.booleans())
    return (gzip.compress(data) if compressed else data), compressed


def _check_items(items: list[Article | IngestError]) -> None:
    """Readers answer only articles (NFC text, non-empty) or one-line errors with a reason."""
    for item in items:
        assert isinstance(item, Article | IngestError), type(item)
        if isinstance(item, IngestError):
            assert item.reason and "\n" not in str(item).strip(), repr(item)
        else:
            assert item.text.strip() and item.text == unicodedata.normalize("NFC", item.text)


def _segments(article: Article) -> list[Segment]:
    """Paragraphs and sentences as the language stage lays them out (without its cost)."""
    lang = article.lang or "und"
    return ([Segment(s, e, "paragraph", lang) for s, e in segment.paragraphs(article.text)]
            + [Segment(s, e, "sentence", lang) for s, e in segment.sentences(article.text, lang)])


# --- ingest parsers ---------------------------------------------------------------------------------

@budget(30)
@given(html_documents(), st.sampled_from(CHARSETS))
def test_fuzz_html_extraction(raw: bytes, declared: str | None) -> None:
    try:
        art = bounded(extract_html, raw, "fuzz", "fuzz.html", declared_charset=declared)
    except InputRejected as exc:
        assert str(exc)
        return
    assert art.text.strip() and art.raw == raw


@budget()
@given(html_elements)
def test_fuzz_html_fragment_to_text(fragment: str) -> None:
    assert isinstance(bounded(html_to_text, fragment), str)


@budget()
@given(feed_documents())
def test_fuzz_feeds(raw: bytes) -> None:
    items = bounded(parse_feed, raw, "fuzz.rss")
    assert items
    _check_items(items)


@budget(30)
@given(warc_archives())
def test_fuzz_warc(archive: tuple[bytes, bool]) -> None:
    data, compressed = archive
    with _file("crawl.warc.gz" if compressed else "crawl.warc", data) as path:
        items = bounded(read_path, path)
    _check_items(items)
    whole = [i for i in items if isinstance(i, IngestError) and i.origin == str(path)]
    assert len(whole) <= 1, f"a damaged archive is one error, not many: {whole}"


@budget()
@given(jsonl_files())
def test_fuzz_jsonl(lines: tuple[bytes, bool]) -> None:
    data, compressed = lines
    with _file("a.jsonl.gz" if compressed else "a.jsonl", data) as path:
        items = bounded(read_path, path)
    assert items
    _check_items(items)


@budget(60)
@given(st.one_of(st.binary(max_size=2000), texts.map(lambda t: t.encode("utf-8")),
                 st.tuples(texts, st.sampled_from(["cp1251", "latin-1", "utf-16", "shift_jis", "koi8-r"]))
                 .map(lambda p: p[0].encode(p[1], errors="replace"))),
       st.sampled_from(CHARSETS))
def test_fuzz_text_decoding(raw: bytes, declared: str | None) -> None:
    try:
        text = bounded(decode_bytes, raw, declared)
    except InputRejected as exc:
        assert str(exc)
        return
    assert isinstance(text, str)
    assert bounded(html_declared_charset, raw) is None or isinstance(html_declared_charset(raw), str)


@budget(60)
@given(st.one_of(json_values, st.sampled_from(TOKENS), st.from_regex(r"\d{1,6}(-\d{1,3}(-\d{1,3})?)?(T.*)?")))
def test_fuzz_metadata_dates(value: object) -> None:
    parsed = bounded(metadata_date, value)
    assert parsed is None or (parsed[1] in ("year", "month", "day") and parsed[0][:4].isdigit())
    if parsed:
        bounded(anchor_from, parsed[0])


# --- analysis stages --------------------------------------------------------------------------------

@budget()
@given(texts, st.sampled_from(LANGS), st.sampled_from([None, "2022-11-28", "2024", "2024-02", "0001-01-01",
                                                        "9999-12-31", "2024-02-30", "garbage"]))
def test_fuzz_time_stage(text: str, lang: str | None, date: str | None) -> None:
    article = Article(id="fuzz", text=text, lang=lang or None, date=date)
    article.segments = _segments(article)
    times, _ = bounded(analyse, article)
    for t in times:
        assert article.text[t.start:t.end] == t.text


@budget()
@given(texts, st.sampled_from(LANGS))
def test_fuzz_quantities(text: str, lang: str | None) -> None:
    article = Article(id="fuzz", text=text, lang=lang or None)
    for q in bounded(extract_quantities, article):
        assert article.text[q.start:q.end] == q.text
    for token in text.split()[:20]:
        bounded(parse_number, token, lang or "und")


@budget()
@given(texts, st.sampled_from(LANGS), st.lists(st.tuples(st.integers(0, 500), st.integers(0, 40)), max_size=6))
def test_fuzz_quotes(text: str, lang: str | None, spans: list[tuple[int, int]]) -> None:
    article = Article(id="fuzz", text=text, lang=lang or None)
    article.segments = _segments(article)
    for start, length in spans:  # person mentions anywhere, as a confused recogniser might give them
        start = min(start, len(article.text))
        end = min(start + length, len(article.text))
        article.mentions.append(Mention(start=start, end=end, text=article.text[start:end], type="PER"))
    for q in bounded(extract_quotes, article):
        assert article.text[q.start:q.end] == q.text
    for opened, closed in bounded(quote_spans, article.text):
        assert 0 <= opened < closed <= len(article.text)


@budget(80)
@given(st.one_of(texts, st.text(max_size=300)), st.sampled_from(LANGS))
def test_fuzz_name_folding(name: str, lang: str | None) -> None:
    for call in (names.fold, names.translit, names.name_key, names.spelling_key, names.phonetic_key):
        assert isinstance(bounded(call, name, lang), str)
    assert isinstance(bounded(names.base_lang, lang), str | None)


@budget(30)
@given(texts)
def test_fuzz_language_stage(text: str) -> None:
    article = bounded(LanguageStage(), Article(id="fuzz", text=text))
    assert "error" not in article.meta.get("lang_reason", ""), article.meta["lang_reason"]
    assert article.lang and article.script
    for s in article.segments:
        assert 0 <= s.start <= s.end <= len(article.text)


# --- what the fuzzing found, kept as plain regression tests ----------------------------------------

def test_fuzz_found_non_text_codec_declared_by_a_page(tmp_path: Path) -> None:
    page = ('<html><head><meta charset="rot13"></head><body><article><p>The ministry said on Tuesday that '
            "exports rose by seven percent in the first quarter of the year.</p></article></body></html>")
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    items = list(read_path(tmp_path / "a.html"))
    assert len(items) == 1 and isinstance(items[0], Article) and "exports rose" in items[0].text
    for codec in ("zlib", "hex", "idna", "punycode", "undefined"):
        assert decode_bytes(b"plain text xn-- \\u", codec) == "plain text xn-- \\u"


def test_fuzz_found_warc_response_without_target_uri(tmp_path: Path) -> None:
    record = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
              b"Content-Type: application/http; msgtype=response\r\nContent-Length: 19\r\n\r\n"
              b"HTTP/1.1 200 OK\r\n\r\n\r\n\r\n")
    (tmp_path / "a.warc").write_bytes(record)
    items = list(read_path(tmp_path / "a.warc"))
    assert len(items) == 1 and isinstance(items[0], IngestError) and "damaged" in items[0].reason


def test_fuzz_found_superscript_digits_and_digit_runs_in_time_stage() -> None:
    article = Article(id="t", text="Area: 10² km, on 5 March 2024 ¹ " + "2024" * 1100, lang="en", date="2024-03-06")
    times, _ = analyse(article)
    assert "2024-03-05" in [t.value for t in times]


def test_fuzz_found_lone_surrogate_escapes_in_jsonl(tmp_path: Path) -> None:
    line = '{"id": "a\\ud900", "text": "Exports rose \\ud900by 12 percent\\udc6e.", "title": "T\\udfff"}\n'
    (tmp_path / "a.jsonl").write_text(line, encoding="ascii")
    items = list(read_path(tmp_path / "a.jsonl"))
    assert len(items) == 1 and isinstance(items[0], Article)
    art = items[0]
    assert art.text == "Exports rose \ufffdby 12 percent\ufffd." and art.id == "a\ufffd" and art.title == "T\ufffd"
    with open_store(tmp_path / "s.db") as store:  # storable: every field encodes as UTF-8
        assert [r.status for r in store.add_articles([art])] == ["added"]
