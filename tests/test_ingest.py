"""read_sources over mixed folders: the bad-input folder of issue 2, dispatch by name and content."""

from __future__ import annotations

import gzip
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsweave.dedupe import BatchDeduper
from newsweave.ingest import IngestError, read_sources
from newsweave.model import Article

LATIN1_TEXT = ("Die Bürgerinnen und Bürger von Köln haben am Montag über die Erweiterung des Flughafens "
               "abgestimmt. Eine große Mehrheit äußerte sich dafür; der Oberbürgermeister sprach von einem "
               "»klaren Signal« für die Region.")
CP1251_TEXT = ("Президент Казахстана заявил в понедельник, что переговоры с российской стороной прошли "
               "успешно. Товарооборот между странами вырос на 12 процентов, сообщили в министерстве.")
FIFTY_MB = 50 * 1024 * 1024


def _page(title: str, paragraphs: int = 4) -> bytes:
    body = "".join(f"<p>{title}: paragraph {i} reports that the regional council approved the budget of "
                   f"{i + 3} million euros after a long debate on Tuesday evening.</p>" for i in range(paragraphs))
    return (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{body}</article></body></html>").encode()


def write_warc(path: Path, pages: list[tuple[str, bytes]], *, gzip: bool = True) -> bytes:
    """A WARC of HTTP responses written with warcio's own writer; returns the bytes written."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for uri, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    data = buf.getvalue()
    path.write_bytes(data)
    return data


def _nav_page() -> bytes:
    links = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(40))
    return (f"<html><head><title>Menu</title></head><body><nav><ul>{links}</ul></nav>"
            "<footer><a href='/about'>About</a> | <a href='/contact'>Contact</a></footer></body></html>").encode()


@pytest.fixture()
def bad_folder(tmp_path: Path, seeds_dir: Path) -> Path:
    """The bad-input folder of issue 2, built fresh: five seeds plus one of each kind of trouble."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    for seed in seeds:
        shutil.copy(seed, folder / seed.name)
    shutil.copy(seeds[1], folder / "zz_copy_of_seed.txt")
    (folder / "blob.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    (folder / "latin1.txt").write_bytes(LATIN1_TEXT.encode("latin-1"))
    (folder / "cp1251.txt").write_bytes(CP1251_TEXT.encode("cp1251"))
    (folder / "empty.txt").write_bytes(b"")
    with (folder / "huge.txt").open("wb") as handle:
        chunk = b"lorem ipsum dolor sit amet " * 40_000
        while handle.tell() < FIFTY_MB:
            handle.write(chunk)
    (folder / "nav.html").write_bytes(_nav_page())
    (folder / "broken.rss").write_bytes(b"<?xml version='1.0'?><rss><channel><title>X</title><item><title>cut")
    data = write_warc(tmp_path / "full.warc.gz", [(f"https://news.example/{i}", _page(f"Story {i}"))
                                                  for i in range(3)])
    (folder / "cut.warc.gz").write_bytes(data[: len(data) - 150])
    return folder


def test_ingest_bad_folder_one_error_per_bad_file(bad_folder: Path) -> None:
    items = list(read_sources([bad_folder]))
    errors = [i for i in items if isinstance(i, IngestError)]
    articles = [i for i in items if isinstance(i, Article)]
    by_file = {Path(e.origin).name: e.reason for e in errors}
    assert len(errors) == len(by_file) == 6, [str(e) for e in errors]
    assert by_file["blob.bin"].startswith("binary content")
    assert by_file["empty.txt"] == "empty file"
    assert by_file["huge.txt"].startswith("too large (")
    assert "> " in by_file["huge.txt"]
    assert by_file["nav.html"].startswith("no main text")
    assert by_file["broken.rss"].startswith("malformed feed")
    assert by_file["cut.warc.gz"].startswith("truncated or damaged at offset ")
    ids = [a.id for a in articles]
    seed_names = sorted(p.name for p in bad_folder.glob("0*.txt"))
    assert set(seed_names) <= set(ids)
    assert {"latin1.txt", "cp1251.txt", "zz_copy_of_seed.txt"} <= set(ids)
    assert sum(a.raw_type == "warc" for a in articles) == 2  # the records before the damage
    assert len(articles) == 10


def test_ingest_bad_folder_legacy_encodings_decoded(bad_folder: Path) -> None:
    texts = {a.id: a.text for a in read_sources([bad_folder / "latin1.txt", bad_folder / "cp1251.txt"])
             if isinstance(a, Article)}
    assert texts == {"latin1.txt": LATIN1_TEXT, "cp1251.txt": CP1251_TEXT}


def test_ingest_bad_folder_duplicate_seed_marked(bad_folder: Path) -> None:
    articles = [a for a in read_sources([bad_folder]) if isinstance(a, Article)]
    marked = list(BatchDeduper().mark(articles))
    dups = {a.id: a.duplicate_of for a in marked if a.duplicate_of}
    seeds = sorted(p.name for p in bad_folder.glob("0*.txt"))
    assert dups == {"zz_copy_of_seed.txt": seeds[1]}


def test_ingest_folder_walk_sorted_and_hidden_skipped(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "sub/c.txt", ".hidden.txt", ".git/d.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Text of {name} with some words.", encoding="utf-8")
    ids = [a.id for a in read_sources([tmp_path]) if isinstance(a, Article)]
    assert ids == ["a.txt", "b.txt", "c.txt"]


def test_ingest_unknown_suffix_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page.dat").write_bytes(_page("Sniffed page"))
    write_warc(tmp_path / "archive.bin", [("https://news.example/x", _page("In a WARC"))], gzip=True)
    (tmp_path / "notes").write_bytes(b"Plain notes without a suffix.")
    kinds = {a.id: a.raw_type for a in read_sources(sorted(tmp_path.iterdir())) if isinstance(a, Article)}
    assert sorted(kinds.values()) == ["html", "text", "warc"]
    assert kinds["page.dat"] == "html"


def test_ingest_unsupported_compressed_and_xml(tmp_path: Path) -> None:
    (tmp_path / "notes.txt.gz").write_bytes(gzip.compress(b"some text"))
    (tmp_path / "sitemap.xml").write_bytes(b'<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>')
    reasons = sorted(e.reason for e in read_sources([tmp_path]) if isinstance(e, IngestError))
    assert reasons == ["XML that is not an RSS/Atom feed",
                       "unsupported compressed file (only .warc.gz and .jsonl.gz are read)"]


def test_ingest_missing_path_is_error(tmp_path: Path) -> None:
    items = list(read_sources([tmp_path / "nope.txt"]))
    assert len(items) == 1 and isinstance(items[0], IngestError)
    assert items[0].reason == "no such file or folder"


def test_ingest_a_warc_with_records_but_no_page_says_so(tmp_path: Path) -> None:
    # warcio reads a record out of these two bytes; the file gave neither an article nor an error
    path = tmp_path / "a.warc"
    path.write_bytes(b"\n\x00")
    items = list(read_sources([path]))
    assert len(items) == 1 and isinstance(items[0], IngestError) and "no HTML page" in items[0].reason


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000),
       name=st.sampled_from(["a.txt", "a.md", "a.html", "a.rss", "a.xml", "a.jsonl", "a.warc", "a.warc.gz", "a"]))
def test_ingest_arbitrary_bytes_never_raise(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    items = list(read_sources([path]))
    assert items and all(isinstance(i, Article | IngestError) for i in items)
    assert all(i.reason for i in items if isinstance(i, IngestError))
