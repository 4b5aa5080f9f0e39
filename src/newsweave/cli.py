"""The ``newsweave`` command: parsing and dispatch only; the work lives in the modules it calls."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from newsweave.corpus import link_corpus
from newsweave.ingest import IngestError, read_sources
from newsweave.pipeline import Pipeline

app = typer.Typer(help="newsweave: one cross-lingual picture of a pile of news articles.", no_args_is_help=True)
eval_app = typer.Typer(help="Measure accuracy on labelled data (prints tables).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


def _err(message: str) -> None:
    typer.echo(message, err=True)


@app.command()
def analyze(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders or JSONL files of articles.")],
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Print one JSON object per article (the contract).")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any input was bad.")] = False,
) -> None:
    """Analyse articles without a store and print the result (docs/contract.md)."""
    articles, bad = [], 0
    for item in read_sources(paths):
        if isinstance(item, IngestError):
            bad += 1
            _err(f"error: {item}")
        else:
            articles.append(item)
    pipeline = Pipeline()
    analysed = list(pipeline.pipe(articles))
    link_corpus(analysed)
    for art in analysed:
        if jsonl:
            sys.stdout.write(json.dumps(art.to_contract(), ensure_ascii=False) + "\n")
        else:
            typer.echo(f"{art.id}\t{art.lang}\t{art.date}\t{len(art.mentions)} mentions\t"
                       f"event {art.event_id}\tstory {art.story_id}")
    if strict and bad:
        raise typer.Exit(1)
