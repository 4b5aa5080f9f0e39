"""The ``newsweave`` command: parsing and dispatch only; the work lives in the modules it calls."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from newsweave.corpus import analyse_batch, inherit_analysis
from newsweave.dedupe import BatchDeduper
from newsweave.ingest import IngestError, read_sources
from newsweave.pipeline import Pipeline

if TYPE_CHECKING:
    from newsweave.store import Store

app = typer.Typer(help="newsweave: one cross-lingual picture of a pile of news articles.", no_args_is_help=True)
eval_app = typer.Typer(help="Measure accuracy on labelled data (prints tables).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _shared_or_exit() -> Path:
    """The shared data folder that evaluations read, or exit 2 saying how to point at it."""
    from newsweave.config import shared_dir

    shared = shared_dir()
    if shared is None:
        _err("error: shared data folder not found (set NEWSWEAVE_SHARED)")
        raise typer.Exit(2)
    return shared


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
    articles = list(BatchDeduper().mark(articles))
    todo = [i for i, a in enumerate(articles) if a.duplicate_of is None]
    analysed, _ = analyse_batch([articles[i] for i in todo], Pipeline())
    for i, art in zip(todo, analysed, strict=True):
        articles[i] = art
    by_id = {articles[i].id: articles[i] for i in todo}
    for art in articles:
        if art.duplicate_of in by_id:
            inherit_analysis(art, by_id[art.duplicate_of])
        if jsonl:
            sys.stdout.write(json.dumps(art.to_contract(), ensure_ascii=False) + "\n")
        else:
            typer.echo(f"{art.id}\t{art.lang}\t{art.date}\t{len(art.mentions)} mentions\t"
                       f"event {art.event_id}\tstory {art.story_id}")
    if strict and bad:
        raise typer.Exit(1)


@app.command()
def compare(
    jsonl: Annotated[Path, typer.Option("--jsonl", help='Pairs file: {"pair_id","text1","text2","lang1"?,"lang2"?}.')],
) -> None:
    """Score article pairs on the SemEval-2022 Task 8 scale (1 = same story … 4 = unrelated)."""
    from newsweave.corpus.compare import compare_pairs, read_pairs
    from newsweave.evaluate.pairs import analyser

    good = []
    with jsonl.open(encoding="utf-8") as fh:
        for item in read_pairs(fh):
            if isinstance(item, str):
                _err(f"error: {item}")
            else:
                good.append(item)
    for rec in compare_pairs(good, analyser(None)):
        sys.stdout.write(json.dumps(rec) + "\n")


@eval_app.command("pairs")
def eval_pairs(
    full: Annotated[bool, typer.Option("--full", help="Score all held-out pairs, not the CI sample.")] = False,
    sample: Annotated[int, typer.Option("--sample", help="Pairs in the sample run.")] = 60,
) -> None:
    """Pearson r of `compare` scores on held-out SemEval-2022 Task 8 pairs (refit: scripts/fit_pairs.py)."""
    from newsweave.evaluate.pairs import evaluate, format_table

    shared = _shared_or_exit()
    typer.echo(format_table(evaluate(shared, full=full, sample=sample)))


@eval_app.command("cluster")
def eval_cluster(
    full: Annotated[bool, typer.Option("--full", help="Cluster all ITN blurbs, not the CI sample.")] = False,
    sample: Annotated[int, typer.Option("--sample", help="Subjects (qids) in the sample run.")] = 25,
) -> None:
    """B³ precision/recall/F1 of event clustering on ITN blurbs (and SlavicNER topics, coarse)."""
    from newsweave.evaluate.cluster import evaluate, format_table

    shared = _shared_or_exit()
    typer.echo(format_table(evaluate(shared, full=full, sample=sample)))


_Db = Annotated[str, typer.Option("--db", envvar="NEWSWEAVE_DB",
                                  help="Store: a SQLite file path or a postgresql:// URL.")]
_DEFAULT_DB = "newsweave.db"


def _open_store(db: str) -> Store:
    """Open the store or exit 2 with one line saying why (imported here to keep ``--help`` fast)."""
    from newsweave.store import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as exc:
        _err(f"error: {exc}")
        raise typer.Exit(2) from None


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, JSONL, feeds, WARC files or URLs.")],
    db: _Db = _DEFAULT_DB,
    analyze: Annotated[bool, typer.Option("--analyze/--no-analyze", help="Analyse and link after storing.")] = True,
    stages: Annotated[str | None, typer.Option("--stages", help="Comma-separated pipeline stages (default: all).")]
    = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any input was bad.")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Print the summary as one JSON object.")] = False,
) -> None:
    """Store articles (duplicates recognised), then analyse and link every pending one; safe to re-run."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TaskID,
        TextColumn,
        TimeElapsedColumn,
    )

    from newsweave.jobs import ingest as run_ingest
    from newsweave.pipeline import PipelineError

    try:
        pipeline = None if stages is None else Pipeline([s.strip() for s in stages.split(",") if s.strip()])
    except PipelineError as exc:
        _err(f"error: {exc}")
        raise typer.Exit(2) from None
    store = _open_store(db)
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with store, Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(phase: str, done: int, total: int | None) -> None:
            if phase not in tasks:
                tasks[phase] = bar.add_task("storing" if phase == "store" else "analysing", total=total)
            bar.update(tasks[phase], completed=done, total=total)

        report = run_ingest(sources, store, analyze=analyze, pipeline=pipeline, progress=progress,
                            on_error=lambda e: bar.console.print(f"error: {e}", markup=False, highlight=False,
                                                                 soft_wrap=True))
    if jsonl:
        sys.stdout.write(json.dumps(report.as_dict()) + "\n")
    else:
        typer.echo(report.summary())
    if strict and report.errors:
        raise typer.Exit(1)


@app.command()
def export(
    db: _Db = _DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    what: Annotated[str, typer.Option("--what", help="articles, entities, events, stories, or all (JSONL backup).")]
    = "articles",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
) -> None:
    """Write the store's articles, entities, events or stories; `--what all` is a lossless backup."""
    from newsweave.store.backup import write_export

    with _open_store(db) as store:
        try:
            count = write_export(store, what, fmt, output if output is not None else sys.stdout)
        except ValueError as exc:
            _err(f"error: {exc}")
            raise typer.Exit(2) from None
    _err(f"exported {count} records")


@app.command("import")
def import_(
    path: Annotated[Path, typer.Argument(help="A JSONL export (newsweave export --what all).")],
    db: _Db = _DEFAULT_DB,
) -> None:
    """Restore a JSONL export into the store; records already there are skipped, so it can be re-run."""
    from newsweave.store.backup import import_jsonl

    with _open_store(db) as store, path.open(encoding="utf-8") as handle:
        report = import_jsonl(store, handle)
    typer.echo(f"{report.articles} articles imported, {report.skipped_articles} already present, "
               f"{report.entities} entities, {report.events} events, {report.stories} stories, "
               f"{report.bad_lines} unreadable lines")
    if report.bad_lines:
        raise typer.Exit(1)


@app.command()
def stats(
    db: _Db = _DEFAULT_DB,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Print one JSON object.")] = False,
) -> None:
    """Counts of articles by status, language and source, and of entities, events and stories."""
    from dataclasses import asdict

    with _open_store(db) as store:
        result = store.stats()
    if jsonl:
        sys.stdout.write(json.dumps(asdict(result), ensure_ascii=False) + "\n")
        return
    typer.echo(f"articles  {result.articles}  " + "  ".join(f"{k} {v}" for k, v in result.by_status.items()))
    typer.echo(f"entities  {result.entities}  events {result.events}  stories {result.stories}  "
               f"mentions {result.mentions}  quantities {result.quantities}  quotes {result.quotes}")
    typer.echo("by language")
    for lang, n in result.by_lang.items():
        typer.echo(f"  {lang:<10} {n}")
    typer.echo("by source")
    for source, n in result.by_source.items():
        typer.echo(f"  {source:<30} {n}")


@app.command()
def check(db: _Db = _DEFAULT_DB) -> None:
    """Check the store's integrity (foreign keys, full-text index, duplicate hashes); exit 1 on problems."""
    with _open_store(db) as store:
        problems = store.check()
    for line in problems:
        _err(f"problem: {line}")
    if problems:
        raise typer.Exit(1)
    typer.echo("ok")


@app.command()
def recluster(db: _Db = _DEFAULT_DB) -> None:
    """Re-cluster the stored events with hindsight: merge events that belong together, split drifted ones.

    Merged-away event ids keep resolving to the event that absorbed them.
    """
    from newsweave.corpus.events import recluster_store

    with _open_store(db) as store:
        result = recluster_store(store)
    for gone, kept in result.merged:
        typer.echo(f"merged {gone} -> {kept}")
    for origin, parts in result.split:
        typer.echo(f"split {origin} -> {', '.join([origin, *parts])}")
    typer.echo(f"{len(result.merged)} merged, {len(result.split)} split, {len(result.events)} events")


@eval_app.command("lang")
def eval_lang(
    full: Annotated[bool, typer.Option("--full", help="Score every document and sentence, not the CI sample.")] = False,
    sample: Annotated[int, typer.Option("--sample", help="Examples per language in the sample run.")] = 40,
    errors: Annotated[bool, typer.Option("--errors", help="Also list every wrongly answered document.")] = False,
) -> None:
    """Language accuracy of documents and single sentences on SlavicNER and ITN dev data."""
    from newsweave.evaluate.lang import evaluate, format_table

    shared = _shared_or_exit()
    typer.echo(format_table(evaluate(shared, full=full, sample=sample), errors=errors))


@eval_app.command("time")
def eval_time(
    full: Annotated[bool, typer.Option("--full", help="Score every document and spec case, not a sample.")] = False,
) -> None:
    """Time expressions: TimeBank en/es span F1 and value accuracy; Recognizers-Text de/hi/tr pass rate."""
    from newsweave.evaluate.time import evaluate, format_table

    shared = _shared_or_exit()
    typer.echo(format_table(evaluate(shared, full=full)))


@eval_app.command("search")
def eval_search(
    full: Annotated[bool, typer.Option("--full", help="Search all ITN subjects, not the CI sample.")] = False,
    sample: Annotated[int, typer.Option("--sample", help="Subjects (qids) in the sample run.")] = 15,
) -> None:
    """Cross-lingual retrieval (MRR@10, recall@10) of hybrid search on ITN dev blurbs and subject names."""
    from newsweave.evaluate.search import evaluate, format_table

    shared = _shared_or_exit()
    typer.echo(format_table(evaluate(shared, full=full, sample=sample)))


@eval_app.command("merge")
def eval_merge(
    full: Annotated[bool, typer.Option("--full", help="All SlavicNER documents, also with KB links.")] = False,
) -> None:
    """Pairwise and B³ F1 of cross-document, cross-lingual entity merging (gold mentions in, clusters out)."""
    from newsweave.evaluate.merge import format_table, run

    shared = _shared_or_exit()
    typer.echo(format_table(run(shared, full=full)))


@eval_app.command("facts")
def eval_facts(
    full: Annotated[bool, typer.Option("--full", help="Score every spec case, not the CI sample.")] = False,
) -> None:
    """Figures and quotes: Recognizers-Text Number/Percent/Currency specs (de, hi, tr) and own labelled examples."""
    from newsweave.config import shared_dir
    from newsweave.evaluate.facts import evaluate, format_table

    shared = shared_dir()
    if shared is None:
        _err("warning: shared data folder not found (set NEWSWEAVE_SHARED); scoring own examples only")
    typer.echo(format_table(evaluate(shared, full=full)))


@eval_app.command("ner")
def eval_ner(
    full: Annotated[bool, typer.Option("--full", help="Use every sentence/document, not the CI sample.")] = False,
    only: Annotated[str | None, typer.Option("--set", help="Score only this set (germeval, slavicner, ...).")] = None,
    errors: Annotated[int, typer.Option("--errors", help="Also list the N most frequent FP/FN/type errors.")] = 0,
) -> None:
    """Span + type micro F1 of entity recognition per set, language and type (dev/ner, dev/slavicner)."""
    from newsweave.evaluate.ner import evaluate, format_errors, format_report

    shared = _shared_or_exit()
    try:
        report = evaluate(shared, full=full, only=only, errors=errors > 0)
    except ValueError as exc:
        typer.echo(f"newsweave eval ner: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(format_report(report))
    if errors > 0:
        typer.echo(format_errors(report, errors))


kb_app = typer.Typer(help="The user knowledge base of names (NEWSWEAVE_KB).", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


@kb_app.command("import")
def kb_import(
    file: Annotated[Path, typer.Argument(help="File to import (.gz allowed).")],
    fmt: Annotated[str, typer.Option("--format", help="wikidata | jrc | paranames | tsv")] = "tsv",
    kb: Annotated[Path | None, typer.Option("--kb", help="KB file (default: NEWSWEAVE_KB).")] = None,
) -> None:
    """Import names from a Wikidata JSON dump, JRC-Names, ParaNames or KB TSV file."""
    from newsweave.kb.userkb import KBFormatError, import_file

    try:
        read, added = import_file(file, fmt, kb)
    except (KBFormatError, OSError, UnicodeDecodeError) as exc:
        _err(f"error: {exc}")
        raise typer.Exit(1) from None
    typer.echo(f"{read} entries read, {added} new")


@kb_app.command("add")
def kb_add(
    name: Annotated[str, typer.Argument(help="The entity's main name.")],
    type_: Annotated[str, typer.Option("--type", help="PER | ORG | LOC | EVT | PRO | MISC")] = "PER",
    alias: Annotated[list[str] | None, typer.Option("--alias", help="Another spelling (repeatable).")] = None,
    wikidata: Annotated[str | None, typer.Option("--wikidata", help="Wikidata id (Q...), used as kb_id.")] = None,
    kb: Annotated[Path | None, typer.Option("--kb", help="KB file (default: NEWSWEAVE_KB).")] = None,
) -> None:
    """Add one entity (or more spellings of an existing one) to the user KB."""
    from newsweave.kb.userkb import add_entry

    try:
        rec = add_entry(name, type_, alias or [], wikidata, kb)
    except ValueError as exc:
        _err(f"error: {exc}")
        raise typer.Exit(1) from None
    typer.echo(f"{rec.kb_id}\t{rec.type}\t{rec.name}\t{len(rec.aliases)} aliases")


@app.command()
def serve(
    db: _Db = _DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes (PostgreSQL stores only; SQLite uses one).")] = 1,
) -> None:
    """Serve the web app and the REST API over a store."""
    import uvicorn

    from newsweave.web.app import create_app

    store = _open_store(db)
    from newsweave.store import display_location

    typer.echo(f"newsweave: serving {display_location(db)} at http://{host}:{port}/ (API docs at /api/docs)",
               err=True)
    if workers > 1 and store.dialect != "sqlite":
        store.close()
        os.environ["NEWSWEAVE_DB"] = db
        uvicorn.run("newsweave.web.asgi:app", host=host, port=port, workers=workers, log_level="warning")
    else:
        uvicorn.run(create_app(store), host=host, port=port, log_level="warning")


@app.command()
def watch(
    db: _Db = _DEFAULT_DB,
    once: Annotated[bool, typer.Option("--once", help="Run one cycle, print its summary as JSON, and exit.")] = False,
    interval: Annotated[float, typer.Option(help="Most seconds between cycles (watches are matched each cycle).")]
    = 60.0,
    stages: Annotated[str | None, typer.Option("--stages", help="Comma-separated pipeline stages (default: all).")]
    = None,
) -> None:
    """Keep polling the sources (`newsweave sources add`), analyse what is new, send alerts; stop with SIGTERM."""
    from newsweave.pipeline import PipelineError
    from newsweave.watch.service import Service, configure_logging

    try:
        pipeline = None if stages is None else Pipeline([s.strip() for s in stages.split(",") if s.strip()])
    except PipelineError as exc:
        _err(f"error: {exc}")
        raise typer.Exit(2) from None
    configure_logging()
    with _open_store(db) as store:
        report = Service(store, pipeline=pipeline).run(once=once, interval_s=interval)
    if once:
        sys.stdout.write(json.dumps(report.as_dict()) + "\n")


sources_app = typer.Typer(help="The sources `newsweave watch` polls: feeds, pages, folders, OPML lists.",
                          no_args_is_help=True)
app.add_typer(sources_app, name="sources")


@sources_app.command("add")
def sources_add(
    locations: Annotated[list[str], typer.Argument(help="Feed or page URLs, folders, or .opml subscription lists.")],
    db: _Db = _DEFAULT_DB,
    kind: Annotated[str | None, typer.Option(help="feed, page or folder (default: URL = feed, path = folder).")]
    = None,
    interval: Annotated[int, typer.Option(help="Seconds between polls of each source.")] = 600,
) -> None:
    """Add sources (adding one twice keeps one)."""
    from newsweave.watch.sources import SourceError, add_source, import_opml, is_opml

    with _open_store(db) as store:
        for location in locations:
            try:
                added = import_opml(store, Path(location).read_bytes(), interval_s=interval) if is_opml(location) \
                    else [add_source(store, location, kind=kind, interval_s=interval)]
            except SourceError as exc:
                _err(f"error: {exc}")
                raise typer.Exit(1) from None
            for src in added:
                typer.echo(f"{src.id}\t{src.kind}\t{src.display}")


@sources_app.command("list")
def sources_list(db: _Db = _DEFAULT_DB,
                 jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per source.")] = False) -> None:
    """List the sources."""
    from newsweave.watch.sources import list_sources

    with _open_store(db) as store:
        for src in list_sources(store):
            typer.echo(json.dumps(src.as_dict()) if jsonl else f"{src.id}\t{src.kind}\t{src.interval_s}s\t"
                       f"{src.display}")


@sources_app.command("status")
def sources_status(db: _Db = _DEFAULT_DB,
                   jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per source.")] = False) -> None:
    """Each source's health: last success, last error, failures, articles gained."""
    from newsweave.watch.sources import list_sources

    with _open_store(db) as store:
        for src in list_sources(store):
            if jsonl:
                typer.echo(json.dumps(src.as_dict()))
                continue
            state = "ok" if src.healthy else f"FAILING x{src.failures}: {src.last_error}"
            typer.echo(f"{src.id}\t{src.display}\t{state}\tlast success {src.last_success_at or 'never'}\t"
                       f"{src.articles_gained} articles in {src.polls} polls ({src.not_modified} unchanged)")


@sources_app.command("remove")
def sources_remove(ref: Annotated[str, typer.Argument(help="Source id or location.")], db: _Db = _DEFAULT_DB) -> None:
    """Remove a source (its articles stay in the store)."""
    from newsweave.watch.sources import find_source, remove_source

    with _open_store(db) as store:
        found = find_source(store, ref)
        if found is None or not remove_source(store, found.id):
            _err(f"error: no such source: {ref}")
            raise typer.Exit(1)


watches_app = typer.Typer(help="Watches: alerts on entities, queries, stories and measures.", no_args_is_help=True)
app.add_typer(watches_app, name="watches")


@watches_app.command("add")
def watches_add(
    kind: Annotated[str, typer.Argument(help="entity, query, story, measure or disagreement.")],
    target: Annotated[str, typer.Argument(help="Entity id or any of its names; query words; story id; measure key "
                                            "(disagreement: a measure key or *).")],
    db: _Db = _DEFAULT_DB,
    webhook: Annotated[list[str] | None, typer.Option(help="URL to POST each alert to as JSON (repeatable).")]
    = None,
    email: Annotated[list[str] | None, typer.Option(help="Address to e-mail alerts to (repeatable).")] = None,
    digest: Annotated[str | None, typer.Option(help="Group alerts: hourly or daily.")] = None,
    label: Annotated[str | None, typer.Option(help="Name shown in alerts.")] = None,
) -> None:
    """Save a watch; it alerts on articles analysed from now on (an Atom feed at /api/watches/ID/atom)."""
    from newsweave.watch.alerts import WatchError, add_watch

    channels = [{"type": "webhook", "url": u} for u in webhook or []] + [{"type": "email", "to": a}
                                                                         for a in email or []]
    with _open_store(db) as store:
        try:
            saved = add_watch(store, kind, target, channels=channels, digest=digest, label=label)
        except WatchError as exc:
            _err(f"error: {exc}")
            raise typer.Exit(1) from None
    typer.echo(f"{saved.id}\t{saved.kind}\t{saved.target}\t{saved.label}")


@watches_app.command("list")
def watches_list(db: _Db = _DEFAULT_DB) -> None:
    """List the watches."""
    from newsweave.watch.alerts import list_watches

    with _open_store(db) as store:
        for w in list_watches(store):
            channels = ", ".join(c.get("url") or c.get("to", "") for c in w.channels) or "atom only"
            typer.echo(f"{w.id}\t{w.kind}\t{w.target}\t{w.label}\t{w.digest or 'immediate'}\t{channels}")


@watches_app.command("remove")
def watches_remove(watch_id: Annotated[int, typer.Argument(help="Watch id.")], db: _Db = _DEFAULT_DB) -> None:
    """Remove a watch and its alerts."""
    from newsweave.watch.alerts import remove_watch

    with _open_store(db) as store:
        if not remove_watch(store, watch_id):
            _err(f"error: no such watch: {watch_id}")
            raise typer.Exit(1)


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(help="WARC/WARC.gz, JSONL or Parquet files or folders "
                                                     "(local paths or any Hadoop URI).")],
    out: Annotated[str, typer.Option("--out", help="Folder (or URI) for the Parquet tables.")],
    master: Annotated[str, typer.Option("--master", help="Spark master URL.")] = "local[*]",
    fmt: Annotated[str | None, typer.Option("--format", help="jsonl | warc | parquet (default: by file name).")]
    = None,
    load_db: Annotated[str | None, typer.Option("--load-db", help="Also store the results there (SQLite path or "
                                                                  "postgresql:// URL).")] = None,
    stages: Annotated[str | None, typer.Option("--stages", help="Comma-separated pipeline stages (default: all).")]
    = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any input was bad.")] = False,
    link: Annotated[str, typer.Option("--link", help="Corpus steps as Spark jobs (spark) or on the driver "
                                                     "(driver); --load-db links on the driver.")] = "spark",
) -> None:
    """Analyse a large corpus on Apache Spark and write Parquet tables (docs/scale-out.md)."""
    from newsweave.batch import run_batch
    from newsweave.pipeline import PipelineError

    try:
        report = run_batch(inputs, out, master=master, fmt=fmt, load_db=load_db, link=link,
                           stages=None if stages is None else [s.strip() for s in stages.split(",") if s.strip()],
                           on_error=lambda line: _err(f"error: {line}"))
    except (PipelineError, ValueError) as exc:
        _err(f"error: {exc}")
        raise typer.Exit(2) from None
    typer.echo(report.summary())
    if strict and report.errors:
        raise typer.Exit(1)
