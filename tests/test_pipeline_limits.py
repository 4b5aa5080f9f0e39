"""Bad input through the whole analysis (issue 7): 10,000 copies of one article, an article with no date and no
entities, an article of 200,000 words. Each must finish in bounded memory with a sensible result."""

from __future__ import annotations

import json
import resource
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsweave import cli
from newsweave.corpus import link_corpus
from newsweave.ingest import read_sources
from newsweave.model import Article
from newsweave.pipeline import Pipeline

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def english() -> Article:
    """The English sample article (real news prose with names, dates, figures and quotes)."""
    return next(a for a in read_sources([CORPUS]) if isinstance(a, Article) and a.id == "sample-en-chandrayaan")


def _fresh(art: Article, new_id: str, text: str | None = None) -> Article:
    return Article(id=new_id, text=art.text if text is None else text, title=art.title, lang=art.lang)


def test_pipeline_limits_ten_thousand_copies_are_analysed_once(english: Article, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []

    class Counting(Pipeline):
        def run(self, articles: Iterable[Article], batch_size: int = 16,
                meanwhile: Callable[[list[Article]], object] | None = None) -> list[Article]:
            done = super().run(articles, batch_size, meanwhile)
            seen.extend(art.id for art in done)
            return done

    source = tmp_path / "copies.jsonl"
    with source.open("w", encoding="utf-8") as fh:
        for i in range(10_000):
            fh.write(json.dumps({"id": f"copy{i}", "title": english.title, "text": english.text}) + "\n")
    monkeypatch.setattr(cli, "Pipeline", Counting)
    result = CliRunner().invoke(cli.app, ["analyze", "--jsonl", str(source)])
    assert result.exit_code == 0, result.output[-500:]
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(seen) == 1 and len(records) == 10_000
    assert {r["event_id"] for r in records} == {records[0]["event_id"]} and records[0]["event_id"]
    assert all(r["duplicate_of"] == "copy0" for r in records[1:])
    assert records[0]["entities"] and all(r["lang"] == "en" for r in records)


def test_pipeline_limits_article_without_date_or_entities(pipeline: Pipeline) -> None:
    plain = Article(id="plain", text="The wind calmed down, and the river stayed quiet, as rivers often do.")
    (done,) = list(pipeline.pipe([plain]))
    link_corpus([done])
    assert done.lang == "en" and done.date is None and done.mentions == [] and done.times == []
    assert done.embedding is not None and len(done.embedding) == 384
    assert done.event_id and not done.meta.get("errors")


def test_pipeline_limits_article_of_200_000_words(pipeline: Pipeline, english: Article) -> None:
    (one,) = list(pipeline.pipe([_fresh(english, "one")]))
    copies = 200_000 // len(english.text.split()) + 1
    huge = _fresh(english, "huge", "\n\n".join([english.text] * copies))
    assert len(huge.text.split()) >= 200_000
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    (done,) = list(pipeline.pipe([huge]))
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    assert grown_mib < 600, f"analysing a 1.2 MB article took {grown_mib:.0f} MiB more memory"
    assert not done.meta.get("errors")
    assert done.lang == "en" and done.embedding == one.embedding  # identity text: title + lead, the same
    # Every copy yields its figures and dates again: nothing dropped, nothing quadratic blew up.
    assert len(done.quantities) >= 0.9 * copies * len(one.quantities) > 0
    assert len(done.times) >= 0.9 * copies * len(one.times) > 0
    assert len(done.mentions) >= 0.9 * copies * len(one.mentions) > 0


def test_pipeline_limits_overlap_index_agrees_with_the_pairwise_check() -> None:
    import random

    from newsweave.stages.facttext import Overlaps

    rng = random.Random(7)
    spans = [(s, s + rng.randint(1, 40)) for s in (rng.randint(0, 1000) for _ in range(60))]
    index = Overlaps(spans)
    for _ in range(2000):
        start = rng.randint(0, 1050)
        end = start + rng.randint(1, 12)
        assert index.hit(start, end) == any(s < end and start < e for s, e in spans), (start, end)
    assert not Overlaps([]).hit(0, 10)
