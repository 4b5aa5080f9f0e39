"""Assemble the per-article stages in order and run them over a stream of articles.

Like spaCy's ``Language``: every stage declares what it needs (``requires``) and what it sets
(``assigns``); the pipeline checks the order once, loads each stage's resources once, and then
calls the stages on each article. A stage that raises on one article leaves that article with
the stage's fields empty and a recorded error, and the batch goes on.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable, Iterator
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

    def __init__(self, names: Iterable[str] | None = None) -> None:
        wanted = list(STAGES) if names is None else list(names)
        self.stages: list[Stage] = [load_stage(n) for n in wanted]
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
        """Run every stage over a stream of articles, in chunks of ``batch_size``.

        A stage with a ``batch(list) -> list`` method (the embedder: a transformer is several times
        faster on a batch) gets the whole chunk; the others see one article at a time.
        """
        chunk: list[Article] = []
        for article in articles:
            chunk.append(article)
            if len(chunk) >= batch_size:
                yield from self._run_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._run_chunk(chunk)

    def _run_chunk(self, chunk: list[Article]) -> list[Article]:
        for stage in self.stages:
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


def _run_one(stage: Stage, article: Article) -> Article:
    """One stage on one article; a failure leaves the article as it was, with the reason recorded."""
    try:
        return stage(article)
    except Exception as exc:
        log.warning("%s: stage %s failed: %s", article.id, stage.name, exc)
        article.meta.setdefault("errors", []).append(f"{stage.name}: {type(exc).__name__}: {exc}")
        return article
