"""Seed acceptance for events and stories: the five articles through the pipeline and corpus steps of `analyze`."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.corpus import CorpusPicture, link_corpus
from newsweave.corpus.events import cluster as cluster_events
from newsweave.corpus.events import date_range, timeline
from newsweave.ingest import read_sources
from newsweave.model import Article
from newsweave.pipeline import Pipeline


@pytest.fixture(scope="module")
def analysed(seeds_dir: Path) -> tuple[dict[str, Article], CorpusPicture]:
    arts = list(Pipeline().pipe(a for a in read_sources([seeds_dir]) if isinstance(a, Article)))
    picture = link_corpus(arts)
    return {a.id[:3]: a for a in arts}, picture


def test_events_seeds_same_visit_shares_event_others_distinct(analysed) -> None:
    arts, _ = analysed
    assert arts["000"].event_id == arts["001"].event_id
    others = [arts[k].event_id for k in ("000", "002", "003", "004")]
    assert len(set(others)) == 4 and None not in others


def test_events_seeds_share_one_story(analysed) -> None:
    arts, _ = analysed
    stories = {a.story_id for a in arts.values()}
    assert len(stories) == 1 and None not in stories


def test_events_seeds_timeline_runs_2022_to_2025_with_mentioned_events(analysed) -> None:
    arts, picture = analysed
    story = next(s for s in picture.stories if s.id == arts["000"].story_id)
    line = timeline(story, picture.events)
    starts = [date_range(e.date)[0] for e in line]
    assert starts == sorted(starts)
    assert line[0].date.startswith("2022-11") and line[-1].date.startswith("2025")
    mentioned = [e for e in line if e.kind == "mentioned"]
    assert any(e.date == "2024-11" and "002" in " ".join(e.mentioned_in) for e in mentioned)
    meeting = next(e for e in picture.events if e.id == arts["000"].event_id)
    assert meeting.date == "2022-11-28" and "Moscow" in meeting.label


def test_events_seeds_reclustering_keeps_ids(analysed) -> None:
    arts, picture = analysed
    before = {k: (a.event_id, a.story_id) for k, a in arts.items()}
    cluster_events(list(arts.values()), picture.events, picture.stories)
    assert {k: (a.event_id, a.story_id) for k, a in arts.items()} == before


def test_events_seeds_ingested_one_at_a_time_share_one_story(seeds_dir: Path, tmp_path: Path) -> None:
    from newsweave.jobs import ingest
    from newsweave.store import open_store

    pipeline = Pipeline()
    with open_store(tmp_path / "one-by-one.db") as store:
        for path in sorted(seeds_dir.iterdir()):
            assert not ingest([path], store, pipeline=pipeline).errors
        stories = {a.story_id for a in store.iter_articles()}
    assert len(stories) == 1 and None not in stories


def test_events_seeds_story_takes_in_no_unrelated_sample_article(web_store) -> None:
    arts = list(web_store.iter_articles())
    seed_stories = {a.story_id for a in arts if a.id[:3].isdigit()}
    others = {a.story_id for a in arts if not a.id[:3].isdigit()}
    assert len(seed_stories) == 1 and seed_stories.isdisjoint(others)
