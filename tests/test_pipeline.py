"""Pipeline.pipe: background stages run beside the others, results and order are those of a plain run."""

from __future__ import annotations

import gc
import threading
from collections.abc import Sequence

import numpy as np

from newsweave.corpus import analyse_batch, link_corpus
from newsweave.model import Article, Mention
from newsweave.pipeline import BATCH_GEN0_THRESHOLD, Pipeline, batch_gc_policy


class ThreadRecordingEmbedder:
    """A fake model that remembers which thread embedded each text."""

    name = "fake"
    dim = 3

    def __init__(self, fail: bool = False) -> None:
        self.threads: list[str] = []
        self.fail = fail

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.threads.append(threading.current_thread().name)
        if self.fail and len(texts) > 1:
            raise RuntimeError("batch refused")
        rows = np.array([[len(t), t.count("e") + 1.0, 1.0] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


class Shouter:
    """A per-article stage that returns a NEW article object (allowed by the Stage protocol)."""

    name = "shouter"
    requires = ("text",)
    assigns = ("mentions",)

    def __init__(self) -> None:
        self.threads: set[str] = set()

    def __call__(self, article: Article) -> Article:
        self.threads.add(threading.current_thread().name)
        fresh = Article(id=article.id, text=article.text, title=article.title)
        fresh.embedding = article.embedding
        fresh.mentions = [Mention(0, 4, article.text[:4], "MISC")]
        return fresh


def _pipeline(embedder: ThreadRecordingEmbedder, overlap: bool = True) -> tuple[Pipeline, Shouter]:
    pipeline = Pipeline(["embed"], overlap=overlap)
    pipeline.stages[0].embedder = embedder
    shouter = Shouter()
    pipeline.stages.insert(0, shouter)
    return pipeline, shouter


def _articles(n: int) -> list[Article]:
    return [Article(id=str(i), text=f"article number {i} " + "e" * (i % 7)) for i in range(n)]


def test_pipeline_background_stage_runs_in_a_worker_and_keeps_order_and_fields() -> None:
    fake = ThreadRecordingEmbedder()
    pipeline, shouter = _pipeline(fake)
    out = list(pipeline.pipe(_articles(37), batch_size=8))
    assert [a.id for a in out] == [str(i) for i in range(37)]
    assert all(a.mentions and a.embedding and len(a.embedding) == 3 for a in out)
    assert all(name.startswith("newsweave-background") for name in fake.threads)
    assert shouter.threads == {threading.current_thread().name}


def test_pipeline_overlap_gives_the_same_results_as_one_thread() -> None:
    together = list(_pipeline(ThreadRecordingEmbedder())[0].pipe(_articles(20), batch_size=6))
    fake = ThreadRecordingEmbedder()
    alone = list(_pipeline(fake, overlap=False)[0].pipe(_articles(20), batch_size=6))
    assert set(fake.threads) == {threading.current_thread().name}
    assert [(a.id, a.embedding, a.mentions) for a in together] == [(a.id, a.embedding, a.mentions) for a in alone]


def test_pipeline_background_batch_failure_falls_back_to_one_by_one() -> None:
    pipeline, _ = _pipeline(ThreadRecordingEmbedder(fail=True))
    out = list(pipeline.pipe(_articles(5), batch_size=5))
    assert all(a.embedding for a in out) and not any(a.meta.get("errors") for a in out)


def test_pipeline_stage_reading_a_changed_field_is_not_run_in_background() -> None:
    pipeline = Pipeline(["language", "time", "embed"])
    assert pipeline._background() == [pipeline.stages[2]]
    pipeline.stages[2].requires = ("text", "date")  # "time" changes the date: the embedder would race it
    assert pipeline._background() == []


def test_pipeline_stops_early_without_leaving_work_behind() -> None:
    fake = ThreadRecordingEmbedder()
    pipeline, _ = _pipeline(fake)
    stream = pipeline.pipe(_articles(1000), batch_size=4)
    first = [next(stream) for _ in range(3)]
    stream.close()
    assert [a.id for a in first] == ["0", "1", "2"]
    assert len(fake.threads) <= 4  # the chunk asked for plus at most the look-ahead, not the 250 chunks


class _Node:
    """An object that refers to itself: garbage that only the cyclic collector frees."""

    def __init__(self) -> None:
        self.me = self


def test_pipeline_freeze_long_lived_freezes_only_above_the_threshold_and_after_collecting() -> None:
    import gc
    import weakref

    from newsweave.pipeline import freeze_long_lived

    gc.collect()
    before = gc.get_freeze_count()
    try:
        # nothing newly frozen; objects an earlier test froze may meanwhile be freed by reference counting
        assert not freeze_long_lived(min_objects=10**9) and gc.get_freeze_count() <= before
        node = _Node()
        gone = weakref.ref(node)
        del node
        assert gone() is not None  # a cycle: reference counting alone does not free it
        assert freeze_long_lived(min_objects=0) and gc.get_freeze_count() > before
        assert gone() is None  # collected before the freeze, not frozen for ever
    finally:
        gc.unfreeze()


def test_pipeline_batch_gc_policy_raises_the_young_threshold_and_restores_it() -> None:
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with batch_gc_policy(5000):
            assert gc.get_threshold() == (5000, 10, 10)
            with batch_gc_policy(9000):  # nested: the outer setting stands, restored only by the last to leave
                assert gc.get_threshold() == (5000, 10, 10)
            assert gc.get_threshold() == (5000, 10, 10)
        assert gc.get_threshold() == (700, 10, 10)
        gc.set_threshold(0)
        with batch_gc_policy(5000):
            assert gc.get_threshold()[0] == 0  # collection turned off by the user stays off
        assert gc.get_threshold()[0] == 0
    finally:
        gc.set_threshold(*before)


def test_pipeline_pipe_restores_the_gc_thresholds_when_done() -> None:
    before = gc.get_threshold()
    pipeline, _ = _pipeline(ThreadRecordingEmbedder())
    stream = pipeline.pipe(_articles(3), batch_size=2)
    next(stream)
    assert gc.get_threshold()[0] >= BATCH_GEN0_THRESHOLD or before[0] == 0
    list(stream)
    assert gc.get_threshold() == before


def test_pipeline_run_gives_pipe_results_and_meanwhile_sees_the_returned_objects() -> None:
    streamed = list(_pipeline(ThreadRecordingEmbedder())[0].pipe(_articles(20), batch_size=6))
    seen: list[list[Article]] = []
    pipeline, _ = _pipeline(ThreadRecordingEmbedder())
    out = pipeline.run(_articles(20), batch_size=6, meanwhile=seen.append)
    assert [(a.id, a.mentions, a.embedding) for a in out] == [(a.id, a.mentions, a.embedding) for a in streamed]
    assert len(seen) == 1 and all(x is y for x, y in zip(seen[0], out, strict=True))


def test_pipeline_run_without_overlap_calls_meanwhile_after_every_stage() -> None:
    embeddings: list[list[float] | None] = []
    pipeline, _ = _pipeline(ThreadRecordingEmbedder(), overlap=False)
    out = pipeline.run(_articles(5), batch_size=2, meanwhile=lambda arts: embeddings.extend(a.embedding for a in arts))
    assert embeddings == [a.embedding for a in out] and all(e is not None for e in embeddings)


def test_pipeline_analyse_batch_links_as_link_corpus_after_pipe() -> None:
    texts = ["Berlin hosts the summit today.", "Berlin hosts the summit today!", "Rain falls over Lisbon."]
    one = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    two = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    streamed = list(_pipeline(ThreadRecordingEmbedder())[0].pipe(one, batch_size=2))
    picture = link_corpus(streamed)
    done, batched = analyse_batch(two, _pipeline(ThreadRecordingEmbedder())[0], batch_size=2)
    assert [(a.event_id, a.story_id, [m.entity_id for m in a.mentions]) for a in done] == \
        [(a.event_id, a.story_id, [m.entity_id for m in a.mentions]) for a in streamed]
    assert done[0].event_id is not None
    assert (len(batched.entities), len(batched.events), len(batched.stories)) == \
        (len(picture.entities), len(picture.events), len(picture.stories))
