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
            try:
                article = stage(article)
            except Exception as exc:
                log.warning("%s: stage %s failed: %s", article.id, stage.name, exc)
                article.meta.setdefault("errors", []).append(f"{stage.name}: {type(exc).__name__}: {exc}")
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Run every stage over a stream of articles, one at a time."""
        for article in articles:
            yield self(article)
