"""Parsing throughput (articles/s) of the ingest readers on synthetic HTML, WARC.gz and JSONL inputs.

Run: ``python benchmarks/bench_parse.py [--articles N]``. Inputs are generated in a temporary folder
(multi-paragraph news-like pages with navigation and metadata), parsed with ``read_sources``, and
the figures printed as a table; near-duplicate keys (``near_dup_keys``) are timed on the same texts.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsweave.dedupe import near_dup_keys
from newsweave.ingest import IngestError, read_sources

_VOCABULARY = ("minister council agreement exports percent budget talks capital region officials said on Monday "
               "Tuesday the and of in to a new deal million billion growth energy border trade visit president "
               "government parliament vote election court ruling company shares market")
WORDS = _VOCABULARY.split()


def _paragraph(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 70))).capitalize() + "."


def _article(rng: random.Random, i: int) -> tuple[str, list[str]]:
    return f"Synthetic story {i} about {rng.choice(WORDS)}", [_paragraph(rng) for _ in range(rng.randint(4, 8))]


def _html(title: str, paragraphs: list[str], i: int) -> str:
    nav = "".join(f'<li><a href="/s{k}">Section {k}</a></li>' for k in range(12))
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>'
            f'<link rel="canonical" href="https://bench.example/{i}"><meta name="author" content="Desk">'
            f'<meta property="article:published_time" content="2024-05-{i % 28 + 1:02d}"></head><body>'
            f"<nav><ul>{nav}</ul></nav><article><h1>{title}</h1>{body}</article>"
            f"<footer>Copyright Bench Example</footer></body></html>")


def make_inputs(folder: Path, n: int) -> dict[str, Path]:
    """One folder of ``n`` .html files, one .warc.gz and one .jsonl with ``n`` articles each."""
    rng = random.Random(7)
    articles = [_article(rng, i) for i in range(n)]
    html_dir = folder / "html"
    html_dir.mkdir()
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    lines = []
    for i, (title, paragraphs) in enumerate(articles):
        page = _html(title, paragraphs, i)
        (html_dir / f"{i:05d}.html").write_text(page, encoding="utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://bench.example/{i}", "response",
                                                      payload=io.BytesIO(page.encode()), http_headers=headers))
        lines.append(json.dumps({"id": f"j{i}", "title": title, "date": "2024-05-01", "text": "\n".join(paragraphs)}))
    (folder / "crawl.warc.gz").write_bytes(buf.getvalue())
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"html": html_dir, "warc.gz": folder / "crawl.warc.gz", "jsonl": folder / "batch.jsonl"}


def _timed(run: Callable[[], list]) -> tuple[float, list]:
    start = time.perf_counter()
    out = run()
    return time.perf_counter() - start, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300, help="articles per format (default 300)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inputs = make_inputs(Path(tmp), args.articles)
        print(f"{'input':<10} {'articles':>8} {'errors':>6} {'seconds':>8} {'articles/s':>11}")
        texts: list[str] = []
        for name, path in inputs.items():
            seconds, items = _timed(lambda path=path: list(read_sources([path])))
            good = [i for i in items if not isinstance(i, IngestError)]
            texts = [a.text for a in good]
            print(f"{name:<10} {len(good):>8} {len(items) - len(good):>6} {seconds:>8.2f} {len(good) / seconds:>11.0f}")
        seconds, _ = _timed(lambda: [near_dup_keys(t) for t in texts])
        print(f"{'dedupe keys':<10} {len(texts):>7} {0:>6} {seconds:>8.2f} {len(texts) / seconds:>11.0f}")


if __name__ == "__main__":
    main()
