"""Assemble the per-article stages in order and run them over a stream of articles.

Like spaCy's ``Language``: every stage declares what it needs (``requires``) and what it sets
(``assigns``); the pipeline checks the order once, loads each stage's resources once, and then
calls the stages on each article. A stage that raises on one article leaves that article with
the stage's fields empty and a recorded error, and the batch goes on.

On a stream, a stage that declares ``background = True`` (the embedder: native code that releases the
GIL) runs in a worker thread on a chunk while the Python stages work on the same chunk in the calling
thread, so on a multi-core machine the per-article stages hide behind the transformer.
"""

from __future__ import annotations

import gc
import importlib
import logging
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Protocol

from newsweave.model import Article

log = logging.getLogger(__name__)


class Stage(Protocol):
    """What a stage looks like: a name, declared inputs/outputs, and a call on one article."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


#: Stage name -> "module:Class", in pipeline order. Modules are imported only when used.
#: The order is: language, time, entities, quantities, quotes, embed.
STAGES: dict[str, str] = {
    "language": "newsweave.stages.language:LanguageStage",
    "time": "newsweave.stages.time:TimeStage",
    "entities": "newsweave.stages.entities:EntityStage",
    "quantities": "newsweave.stages.quantities:QuantityStage",
    "quotes": "newsweave.stages.quotes:QuoteStage",
    "embed": "newsweave.stages.embed:EmbedStage",
}

#: Fields that exist before any stage runs.
_GIVEN = {"text", "title", "date", "lang", "source", "url"}

#: Chunks a background stage may lag behind the calling thread: enough to keep the worker busy, few
#: enough that memory stays bounded on an endless stream.
_AHEAD = 2


#: Objects in the collector's oldest generation above which ``Pipeline.pipe`` freezes them (:func:`freeze_long_lived`).
FREEZE_MIN_OBJECTS = 50_000


def freeze_long_lived(min_objects: int = FREEZE_MIN_OBJECTS) -> bool:
    """Take the long-lived objects (models, per-language tables, knowledge-base indexes loaded so far) out of
    the cyclic garbage collector's full passes, when there are at least ``min_objects`` of them.

    A full collection walks every tracked object, and after the stages and corpus steps have loaded their
    tables there are ~270,000: measured on 78 news articles of 505 words, the one full collection during their
    analysis and linking cost 3.8 ms CPU per article, 0.2 ms once they were frozen. Garbage is collected first,
    so only live objects are frozen (they are still freed by reference counting when dropped); the check costs
    a walk of the oldest generation, which freezing empties, so the collect-and-freeze repeats only after as
    many new long-lived objects (a newly loaded language, a store's picture). Returns whether it froze.
    """
    if len(gc.get_objects(generation=2)) < min_objects:
        return False
    gc.collect()
    gc.freeze()
    return True


#: Allocations between young-generation collections while a batch runs (``Pipeline.pipe``/``run``, the corpus
#: steps; CPython's default: 700).
BATCH_GEN0_THRESHOLD = 10_000

_gc_lock = threading.Lock()
_gc_users = 0
_gc_saved: tuple[int, int, int] | None = None


@contextmanager
def batch_gc_policy(gen0: int = BATCH_GEN0_THRESHOLD) -> Iterator[None]:
    """Collect the young generation after ``gen0`` net allocations instead of 700 while a batch runs.

    The stages allocate and drop hundreds of thousands of short-lived objects per batch (tokens, matches,
    candidate spans), nearly all freed by reference counting; at CPython's default every 700 allocations start a
    young collection that also promotes the survivors, which then cost older-generation passes. Measured on the
    45 news articles of 645 words of ``bench_analyze --min-words 600``: 183 young, 16 middle and one full
    collection cost 51 ms CPU in all (1.1 ms per article); at 10,000 they were 6 young ones, 14 ms. Cycles are
    still collected, a little later. Nested and concurrent batches share one setting: the first to enter saves
    the thresholds, the last to leave restores them; a threshold of 0 (collection off) is left alone.
    """
    global _gc_users, _gc_saved
    with _gc_lock:
        if _gc_users == 0:
            _gc_saved = gc.get_threshold()
            if 0 < _gc_saved[0] < gen0:
                gc.set_threshold(gen0, *_gc_saved[1:])
        _gc_users += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_users -= 1
            if _gc_users == 0 and _gc_saved is not None:
                gc.set_threshold(*_gc_saved)
                _gc_saved = None


class PipelineError(ValueError):
    """A pipeline that cannot run as asked (unknown stage, stages in the wrong order)."""


def load_stage(name: str) -> Stage:
    """Import and construct one stage by its registered name."""
    try:
        target = STAGES[name]
    except KeyError:
        raise PipelineError(f"unknown stage {name!r}; known stages: {', '.join(STAGES)}") from None
    module_name, _, cls_name = target.partition(":")
    return getattr(importlib.import_module(module_name), cls_name)()


class Pipeline:
    """The ordered stages; build once, call on many articles."""

    def __init__(self, names: Iterable[str] | None = None, *, overlap: bool = True) -> None:
        """``names``: the stages to run (default all, in ``STAGES`` order); ``overlap=False`` runs background
        stages in line (one thread), for measuring what the overlap gains."""
        wanted = list(STAGES) if names is None else list(names)
        self.stages: list[Stage] = [load_stage(n) for n in wanted]
        self.overlap = overlap
        have = set(_GIVEN)
        for stage in self.stages:
            missing = [r for r in stage.requires if r not in have]
            if missing:
                raise PipelineError(f"stage {stage.name!r} needs {missing}, set by no earlier stage")
            have.update(stage.assigns)

    def __call__(self, article: Article) -> Article:
        for stage in self.stages:
            article = _run_one(stage, article)
        return article

    def pipe(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Article]:
        """Run every stage over a stream of articles, in chunks of ``batch_size``, yielding them in order.

        A stage with a ``batch(list) -> list`` method (the embedder: a transformer is several times
        faster on a batch) gets the whole chunk; the others see one article at a time. Background
        stages (see :meth:`_background`) run on chunk k in a worker thread while the other stages
        run on chunk k here; at most ``_AHEAD`` chunks wait for the worker. While it runs, young garbage
        collections are rarer (:func:`batch_gc_policy`); a stream left unfinished keeps that setting until the
        generator is closed or dropped.
        """
        freeze_long_lived()
        with batch_gc_policy():
            yield from self._pipe(articles, batch_size)

    def run(self, articles: Iterable[Article], batch_size: int = 16,
            meanwhile: Callable[[list[Article]], object] | None = None) -> list[Article]:
        """Every stage over a batch held in memory, returned as a list in order (what ``list(pipe(...))`` gives);
        ``meanwhile(articles)`` is called once on the whole batch as soon as the non-background stages have run on
        every article, while the background stages (the embedder) may still be working on the last chunks.

        Why: ``pipe`` bounds how far the calling thread runs ahead, so on a batch it ends waiting idle for the
        embedder's last chunks, and whatever the caller does next (the corpus steps) runs after the embedder, on
        one core. A batch already in memory needs no bound: work that reads no field a background stage sets can
        fill that wait. ``meanwhile`` gets the very objects returned, and must not read the background stages'
        fields (``embedding``): the worker sets them meanwhile. Without background stages it runs after them all.
        """
        freeze_long_lived()
        with batch_gc_policy():
            return list(self._pipe(articles, batch_size, ahead=None, meanwhile=meanwhile))

    def _pipe(self, articles: Iterable[Article], batch_size: int, ahead: int | None = _AHEAD,
              meanwhile: Callable[[list[Article]], object] | None = None) -> Iterator[Article]:
        """The loop of :meth:`pipe` and :meth:`run`, without their freeze and collection policy: at most ``ahead``
        chunks wait for the background worker (None: no bound, for a batch already in memory), and ``meanwhile``
        (see :meth:`run`) is called once every chunk has been through the other stages."""
        back = self._background()
        if not back:
            if meanwhile is None:
                for chunk in _chunks(articles, batch_size):
                    yield from _run_stages(self.stages, chunk)
                return
            done = [article for chunk in _chunks(articles, batch_size) for article in _run_stages(self.stages, chunk)]
            meanwhile(done)
            yield from done
            return
        front = [s for s in self.stages if s not in back]
        pending: deque[tuple[list[Article], Future[list[Article]]]] = deque()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsweave-background") as worker:
            for chunk in _chunks(articles, batch_size):
                later = worker.submit(_run_stages, back, list(chunk))
                pending.append((_run_stages(front, chunk), later))
                while ahead is not None and len(pending) > ahead:
                    yield from _merge(back, *pending.popleft())
            if meanwhile is not None:
                meanwhile([article for mine, _ in pending for article in mine])
            while pending:
                yield from _merge(back, *pending.popleft())

    def _background(self) -> list[Stage]:
        """Stages that may run beside the others: marked ``background``, batch-capable, reading only
        given fields that no stage changes, and setting fields that no stage reads."""
        if not self.overlap:
            return []
        assigned = {f for s in self.stages for f in s.assigns}
        required = {f for s in self.stages for f in s.requires}
        return [s for s in self.stages
                if getattr(s, "background", False) and callable(getattr(s, "batch", None))
                and all(f in _GIVEN and f not in assigned for f in s.requires)
                and not any(f in required for f in s.assigns)]


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run_stages(stages: list[Stage], chunk: list[Article]) -> list[Article]:
    """The stages in order over one chunk: batch-capable ones on the whole chunk, the others one by one."""
    for stage in stages:
        batch = getattr(stage, "batch", None)
        if batch is None:
            chunk = [_run_one(stage, a) for a in chunk]
            continue
        try:
            chunk = list(batch(chunk))
        except Exception as exc:
            log.warning("stage %s failed on a batch (%s); retrying one by one", stage.name, exc)
            chunk = [_run_one(stage, a) for a in chunk]
    return chunk


def _merge(back: list[Stage], front: list[Article], later: Future[list[Article]]) -> list[Article]:
    """The chunk with the background stages' fields, also where a stage returned a new article object."""
    for mine, theirs in zip(front, later.result(), strict=True):
        if mine is not theirs:
            for field in (f for s in back for f in s.assigns):
                setattr(mine, field, getattr(theirs, field))
            for error in theirs.meta.get("errors", []):
                if error not in mine.meta.get("errors", []):
                    mine.meta.setdefault("errors", []).append(error)
    return front


def _run_one(stage: Stage, article: Article) -> Article:
    """One stage on one article; a failure leaves the article as it was, with the reason recorded."""
    try:
        return stage(article)
    except Exception as exc:
        log.warning("%s: stage %s failed: %s", article.id, stage.name, exc)
        article.meta.setdefault("errors", []).append(f"{stage.name}: {type(exc).__name__}: {exc}")
        return article
