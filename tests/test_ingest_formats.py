"""Each source kind on its own: text/Markdown, JSONL, HTML, RSS/Atom, WARC, and the size limits."""

from __future__ import annotations

import gzip
import io
import json
import unicodedata
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsweave.ingest import IngestError, read_sources
from newsweave.ingest.base import metadata_date, stable_id
from newsweave.ingest.html import html_to_text
from newsweave.model import Article

PARAGRAPH = ("The finance ministry said on Tuesday that exports rose by 7 percent in the first quarter, "
             "driven by grain and metals, while imports of machinery fell for the third month running.")


def _items(*sources: Path) -> tuple[list[Article], list[IngestError]]:
    items = list(read_sources(list(sources)))
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, IngestError)])


# --- text and Markdown ------------------------------------------------------------------------------

def test_files_raw_kept_exactly_text_normalised(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Zürich café\r\nsecond line")
    raw = b"\xef\xbb\xbf" + decomposed.encode("utf-8")
    (tmp_path / "a.txt").write_bytes(raw)
    (art,), errors = _items(tmp_path / "a.txt")
    assert not errors
    assert art.raw == raw
    assert art.text == "Zürich café\nsecond line"
    assert art.id == "a.txt" and art.raw_type == "text"


def test_files_markdown_rendered_to_plain_text(tmp_path: Path) -> None:
    source = f"# Exports rise\n\n{PARAGRAPH}\n\n* said **[the minister](https://gov.example/m)**\n"
    (tmp_path / "n.md").write_text(source, encoding="utf-8")
    (art,), _ = _items(tmp_path / "n.md")
    assert art.title == "Exports rise"
    assert art.text == f"Exports rise\n{PARAGRAPH}\nsaid the minister"
    assert art.raw == source.encode("utf-8") and art.id == "n.md"


def test_files_whitespace_only_is_error(tmp_path: Path) -> None:
    (tmp_path / "w.txt").write_bytes(b" \n\t\n")
    _, (err,) = _items(tmp_path / "w.txt")
    assert err.reason == "no text (only whitespace)"


def test_files_limit_from_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWEAVE_MAX_ARTICLE_BYTES", "100")
    (tmp_path / "big.txt").write_bytes(b"x" * 101)
    _, (err,) = _items(tmp_path / "big.txt")
    assert err.reason == "too large (101 bytes > 100)"


# --- JSONL -----------------------------------------------------------------------------------------

def test_jsonl_fields_and_metadata_dates(tmp_path: Path) -> None:
    records = [
        {"id": "r1", "text": PARAGRAPH, "title": "Exports", "date": "2024-03-05T10:00:00Z", "lang": "en",
         "source": "Daily Example", "url": "https://daily.example/exports"},
        {"id": "r2", "text": PARAGRAPH + " More.", "date": "2024-03"},
        {"text": PARAGRAPH + " Again.", "date": "2024"},
        {"id": "r4", "text": PARAGRAPH + " Bad date.", "date": "2024-13-45"},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    arts, errors = _items(path)
    assert not errors
    by_id = {a.id: a for a in arts}
    first = by_id["r1"]
    assert (first.title, first.lang, first.source, first.url) == ("Exports", "en", "Daily Example",
                                                                  "https://daily.example/exports")
    assert (first.date, first.date_precision, first.date_source) == ("2024-03-05", "day", "metadata")
    assert (by_id["r2"].date, by_id["r2"].date_precision) == ("2024-03", "month")
    assert (by_id["batch.jsonl:3"].date, by_id["batch.jsonl:3"].date_precision) == ("2024", "year")
    assert by_id["r4"].date is None and "ingest_warning" in by_id["r4"].meta
    assert first.raw == json.dumps(records[0], ensure_ascii=False).encode("utf-8")


def test_jsonl_bad_lines_one_error_each(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": "ok", "text": "Fine text."}\n{not json}\n[1, 2]\n{"id": "x", "text": "  "}\n\n'
                    '{"id": "ok2", "text": "More fine text."}\n', encoding="utf-8")
    arts, errors = _items(path)
    assert [a.id for a in arts] == ["ok", "ok2"]
    assert [e.origin.rsplit(":", 1)[1] for e in errors] == ["2", "3", "4"]
    assert all(e.reason.startswith("bad JSONL record") for e in errors)


def test_jsonl_empty_file_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "none.jsonl").write_bytes(b"\n \n")
    _, (err,) = _items(tmp_path / "none.jsonl")
    assert err.reason == "empty file (no JSONL records)"


def test_jsonl_overlong_line_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWEAVE_MAX_ARTICLE_BYTES", "200")
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "y" * 5000}) + "\n" + json.dumps({"id": "s", "text": "ok"})
                    + "\n", encoding="utf-8")
    arts, errors = _items(path)
    assert [a.id for a in arts] == ["s"]
    assert len(errors) == 1 and errors[0].reason.startswith("too large")


def test_jsonl_gz_bomb_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWEAVE_MAX_DECOMPRESSED_BYTES", str(1 << 20))
    line = (json.dumps({"text": "z" * 1000}) + "\n").encode()
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(line * 20_000))  # ~20 MB inflated, a few KB on disk
    arts, errors = _items(path)
    assert 0 < len(arts) < 1100
    assert len(errors) == 1 and errors[0].reason.startswith("decompressed input too large")


# --- HTML -------------------------------------------------------------------------------------------

ARTICLE_PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Exports rise again | Daily Example</title>
<link rel="canonical" href="https://daily.example/2024/03/exports-rise">
<meta property="og:site_name" content="Daily Example">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-05T10:00:00+00:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Exports rise again</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH.replace("Tuesday", "Wednesday")}</p>
<p>Analysts expect the trend to continue into the summer months, the ministry added.</p></article>
<footer><p>Copyright Daily Example. All rights reserved.</p></footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    raw = ARTICLE_PAGE.encode("utf-8")
    (tmp_path / "page.html").write_bytes(raw)
    (art,), errors = _items(tmp_path / "page.html")
    assert not errors
    assert art.id == "page.html" and art.raw == raw and art.raw_type == "html"
    assert art.title == "Exports rise again"
    assert art.author == "Jane Roe"
    assert art.source == "Daily Example"
    assert art.url == "https://daily.example/2024/03/exports-rise"
    assert (art.date, art.date_precision, art.date_source) == ("2024-03-05", "day", "metadata")
    assert "exports rose by 7 percent" in art.text and art.text.endswith("the ministry added.")
    assert "Copyright" not in art.text and "Sport" not in art.text


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    page = ARTICLE_PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "Analysts expect", "Économistes à Genève expect")
    (tmp_path / "legacy.htm").write_bytes(page.encode("cp1252"))
    (art,), _ = _items(tmp_path / "legacy.htm")
    assert "Économistes à Genève expect" in art.text


def test_html_to_text_keeps_paragraphs() -> None:
    fragment = ("<p>First <b>bold</b> line<br>broken</p><script>evil()</script>"
                "<ul><li>one</li><li>two</li></ul>x &amp; y")
    assert html_to_text(fragment) == "First bold line\nbroken\none\ntwo\nx & y"


# --- feeds ------------------------------------------------------------------------------------------

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Daily Example</title><link>https://daily.example/</link>
<item><title>Exports rise</title><link>https://daily.example/a</link><guid>a-1</guid>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><author>desk@daily.example (Jane Roe)</author>
<description>&lt;p&gt;{PARAGRAPH}&lt;/p&gt;&lt;p&gt;Second &lt;b&gt;paragraph&lt;/b&gt;.&lt;/p&gt;</description></item>
<item><title>Empty one</title><link>https://daily.example/b</link></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:wire</id>
<updated>2024-03-06T00:00:00Z</updated>
<entry><title>Grain deal</title><link href="https://wire.example/grain"/><id>urn:wire:1</id>
<updated>2024-03-06T08:30:00Z</updated><summary>Short teaser.</summary>
<content type="html">&lt;p&gt;{PARAGRAPH}&lt;/p&gt;</content></entry></feed>"""


def test_feeds_rss_entries(tmp_path: Path) -> None:
    (tmp_path / "news.rss").write_text(RSS, encoding="utf-8")
    arts, errors = _items(tmp_path / "news.rss")
    (art,) = arts
    assert art.id == stable_id("https://daily.example/a")
    assert (art.title, art.url, art.source) == ("Exports rise", "https://daily.example/a", "Daily Example")
    assert (art.date, art.date_precision, art.date_source) == ("2024-03-05", "day", "metadata")
    assert art.text == f"{PARAGRAPH}\nSecond paragraph."
    assert art.raw is not None and b"https://daily.example/a" in art.raw and b"Empty one" not in art.raw
    assert [e.reason for e in errors] == ["feed entry has no text"]


def test_feeds_atom_content_preferred_to_summary(tmp_path: Path) -> None:
    (tmp_path / "wire.xml").write_text(ATOM, encoding="utf-8")
    (art,), errors = _items(tmp_path / "wire.xml")
    assert not errors
    assert art.text == PARAGRAPH
    assert (art.source, art.date, art.url) == ("Atom Wire", "2024-03-06", "https://wire.example/grain")


def test_feeds_not_a_feed(tmp_path: Path) -> None:
    (tmp_path / "junk.rss").write_bytes(b"<<< definitely not xml >>>")
    _, (err,) = _items(tmp_path / "junk.rss")
    assert err.reason.startswith("malformed feed")


# --- WARC -------------------------------------------------------------------------------------------

def _warc(path: Path, *, gzip_: bool, extra_records: bool = True, pages: int = 2) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip_)
    if extra_records:
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
    for i in range(pages):
        uri = f"https://daily.example/story-{i}"
        body = ARTICLE_PAGE.replace("Exports rise again", f"Story {i}").encode("utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
        if extra_records:
            req = StatusAndHeaders(f"GET /story-{i} HTTP/1.1", [("Host", "daily.example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(uri, "request", http_headers=req))
            img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri + ".png", "response",
                                                          payload=io.BytesIO(b"\x89PNG" + bytes(64)),
                                                          http_headers=img))
    path.write_bytes(buf.getvalue())
    return buf.getvalue()


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_only(tmp_path: Path, name: str) -> None:
    _warc(tmp_path / name, gzip_=name.endswith(".gz"))
    arts, errors = _items(tmp_path / name)
    assert not errors
    assert [a.title for a in arts] == ["Story 0", "Story 1"]
    assert [a.id for a in arts] == [stable_id(f"https://daily.example/story-{i}") for i in range(2)]
    assert all(a.raw_type == "warc" and a.date == "2024-03-05" and a.raw for a in arts)
    assert arts[0].meta["warc"]["record_id"].startswith("<urn:uuid:")


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_warc_truncated_yields_records_before_damage(tmp_path: Path, name: str) -> None:
    data = _warc(tmp_path / "full", gzip_=name.endswith(".gz"), extra_records=False, pages=3)
    (tmp_path / name).write_bytes(data[: len(data) - 300])
    arts, errors = _items(tmp_path / name)
    assert [a.title for a in arts] == ["Story 0", "Story 1"]
    (err,) = errors
    assert err.origin == str(tmp_path / name)
    assert "truncated" in err.reason and "at offset " in err.reason


def test_warc_decompressed_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _warc(tmp_path / "big.warc.gz", gzip_=True, extra_records=False, pages=6)
    monkeypatch.setenv("NEWSWEAVE_MAX_DECOMPRESSED_BYTES", "5000")
    arts, errors = _items(tmp_path / "big.warc.gz")
    assert len(arts) < 6
    assert len(errors) == 1 and errors[0].reason.startswith("decompressed input too large")


# --- shared helpers ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    ("2024", ("2024", "year")), ("2024-3", ("2024-03", "month")), ("2024-03-05", ("2024-03-05", "day")),
    ("2024-03-05 10:00", ("2024-03-05", "day")), ("2024-02-30", None), ("March 2024", None), (20240305, None),
])
def test_base_metadata_date_precision(value: object, expected: tuple[str, str] | None) -> None:
    assert metadata_date(value) == expected
