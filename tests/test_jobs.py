"""The ingest job: store in batches, analyse what is pending, link against the stored picture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave import jobs
from newsweave.jobs import IngestReport, analyse_pending, ingest, store_sources
from newsweave.model import Article
from newsweave.pipeline import Pipeline
from newsweave.store import Store, open_store

TEXTS = [
    "Kazakhstan and Russia signed a grain transit agreement in Astana on Monday, the ministry said.",
    "Die Regierung in Berlin kündigte am Freitag neue Hilfen für Landwirte in Brandenburg an.",
    "Президент провёл встречу с губернаторами в Москве и обсудил бюджет на следующий год.",
    "Turkish exporters reported record hazelnut sales to European buyers in the third quarter.",
]


class _Counting:
    """A stage that records what it sees, to prove nothing is analysed twice."""

    name, requires, assigns = "count", (), ("lang",)

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, article: Article) -> Article:
        self.seen.append(article.id)
        article.lang = "xx"
        return article


def _pipeline(stage: _Counting) -> Pipeline:
    pipe = Pipeline([])
    pipe.stages = [stage]
    return pipe


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with open_store(tmp_path / "jobs.db") as opened:
        yield opened


def _write_sources(folder: Path) -> Path:
    folder.mkdir()
    lines = [json.dumps({"id": f"j{i}", "text": t, "source": "wire"}, ensure_ascii=False) for i, t in enumerate(TEXTS)]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n{not json\n", encoding="utf-8")
    (folder / "note.txt").write_text("A plain text note about the harvest in the north of the country.", "utf-8")
    (folder / "copy.txt").write_text(TEXTS[0], encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_jobs_ingest_twice_adds_and_analyses_nothing_new(store: Store, tmp_path: Path) -> None:
    folder = _write_sources(tmp_path / "in")
    stage = _Counting()
    first = ingest([folder], store, pipeline=_pipeline(stage))
    assert (first.added, first.duplicates, first.analysed, len(first.errors)) == (5, 1, 5, 2)
    second = ingest([folder], store, pipeline=_pipeline(stage))
    assert (second.added, second.duplicates, second.analysed) == (0, 6, 0)
    assert sorted(stage.seen) == sorted(a.id for a in store.list_articles().items)
    assert store.check() == []


def test_jobs_bad_inputs_are_reported_one_each(store: Store, tmp_path: Path) -> None:
    folder = _write_sources(tmp_path / "in")
    seen = []
    report = store_sources([folder, tmp_path / "missing"], store, on_error=seen.append)
    assert seen == report.errors
    origins = sorted(Path(e.origin.split(":")[0]).name for e in report.errors)
    assert origins == ["batch.jsonl", "empty.txt", "missing"]


def test_jobs_analysis_resumes_where_it_stopped(store: Store, tmp_path: Path) -> None:
    folder = _write_sources(tmp_path / "in")
    stored = store_sources([folder], store)
    assert stored.added == 5 and store.count_pending() == 5
    stage = _Counting()
    # an earlier run that died after one batch: that batch is saved, the rest still pending
    first = store.pending_articles(2)
    store.commit_analysis(list(_pipeline(stage).pipe(first)), lambda arts, known: known)
    assert store.count_pending() == 3
    assert analyse_pending(store, pipeline=_pipeline(stage), batch_size=2) == 3
    assert len(stage.seen) == len(set(stage.seen)) == 5
    assert store.count_pending() == 0 and store.stats().by_lang == {"xx": 5}


def test_jobs_progress_reports_both_phases(store: Store, tmp_path: Path) -> None:
    folder = _write_sources(tmp_path / "in")
    calls: list[tuple[str, int, int | None]] = []
    report = ingest([folder], store, pipeline=_pipeline(_Counting()), progress=lambda *c: calls.append(c))
    assert calls[0][0] == "store" and calls[-1] == ("analyse", 5, 5)
    assert isinstance(report, IngestReport) and report.as_dict()["errors"] == 2


def test_jobs_link_failure_on_one_article_blocks_nothing(store: Store, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def fragile_link(articles: list[Article], known: object) -> object:
        if any(a.id == "j1" for a in articles):
            raise ValueError("cannot link j1")
        for art in articles:
            art.event_id = None
        return known

    monkeypatch.setattr(jobs, "link_corpus", fragile_link)
    report = ingest([_write_sources(tmp_path / "in")], store, pipeline=_pipeline(_Counting()))
    assert report.analysed == 5 and store.count_pending() == 0
    assert store.get_article("j1").meta["errors"] == ["link: ValueError: cannot link j1"]
    assert "errors" not in store.get_article("j0").meta
    assert store.check() == []
