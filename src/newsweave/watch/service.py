"""The ``newsweave watch`` loop: poll due sources, store, analyse, match watches, deliver alerts.

Built to run unattended and to be stopped at any moment. SIGTERM (or Ctrl-C) asks the loop to
stop: the batch being stored or analysed is finished and committed, then the loop exits; a second
signal exits at once, and the open transaction rolls back. Everything it does is idempotent on
restart: articles are deduplicated by content hash, files of a drop directory are marked seen only
after their articles are committed, an article stays pending until its analysis commits, and
alerts are unique per (watch, key). Logs are one JSON object per line on stderr.
"""

from __future__ import annotations

import json
import logging
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from types import FrameType
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update

from newsweave.ingest.fetch import FetchRefused
from newsweave.jobs import analyse_pending
from newsweave.model import Article
from newsweave.pipeline import Pipeline
from newsweave.store import Store
from newsweave.store import schema as t
from newsweave.watch.alerts import deliver, evaluate
from newsweave.watch.poll import Poller, backoff_s
from newsweave.watch.sources import Source, due_sources, now_iso, record_health

log = logging.getLogger("newsweave.watch")

#: Articles per storing transaction for a drop directory (a stop waits at most for one batch).
STORE_BATCH = 200
#: Articles analysed per transaction: a stop waits at most for one batch's analysis.
ANALYSE_BATCH = 20

_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message and every ``extra`` field."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {"time": now_iso(record.created), "level": record.levelname.lower(),
                                 "logger": record.name, "message": record.getMessage()}
        entry.update((k, v) for k, v in vars(record).items() if k not in _STANDARD)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure_logging(level: int = logging.INFO) -> None:
    """Send newsweave's logs to stderr as JSON lines (what a service manager or log shipper reads)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger("newsweave")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


class Stopping(Exception):
    """Raised between committed batches once a stop was requested."""


@dataclass(slots=True)
class CycleReport:
    """What one cycle did."""

    polled: int = 0
    changed: int = 0
    not_modified: int = 0
    failed: int = 0
    added: int = 0
    duplicates: int = 0
    analysed: int = 0
    alerts: int = 0
    delivered: int = 0
    delivery_failures: int = 0
    stopped: bool = False

    def as_dict(self) -> dict[str, Any]:
        """The JSON form (logs, ``watch --once`` output)."""
        return asdict(self)


class Service:
    """Runs watch cycles over one store; ``request_stop`` (the signal handler) ends it cleanly."""

    def __init__(self, store: Store, *, pipeline: Pipeline | None = None, poller: Poller | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.pipeline = pipeline
        self.poller = poller or Poller()
        self.clock = clock
        self._stop = threading.Event()
        self._signals = 0
        self._unchanged: list[dict[str, Any]] = []

    # ------------------------------------------------------------------ stopping

    def request_stop(self) -> None:
        """Finish the current batch, then stop."""
        self._stop.set()

    @property
    def stopping(self) -> bool:
        """True once a stop was requested."""
        return self._stop.is_set()

    def _check(self) -> None:
        if self._stop.is_set():
            raise Stopping

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        self._signals += 1
        if self._signals > 1:
            log.warning("second signal: exiting now; the open transaction rolls back", extra={"signal": signum})
            raise SystemExit(128 + signum)
        log.info("stop requested: finishing the current batch", extra={"signal": signum})
        self.request_stop()

    # ------------------------------------------------------------------ one cycle

    def run_cycle(self, now: float | None = None) -> CycleReport:
        """Poll every due source, store and analyse what is new, then match watches and deliver alerts."""
        now = self.clock() if now is None else now
        report = CycleReport()
        try:
            try:
                for source in due_sources(self.store, now):
                    self._check()
                    report.polled += 1
                    if source.kind == "folder":
                        self._poll_folder(source, now, report)
                    else:
                        self._poll_url(source, now, report)
            finally:
                self._flush_unchanged()
            self._check()
            report.analysed = analyse_pending(self.store, pipeline=self.pipeline, batch_size=ANALYSE_BATCH,
                                              progress=lambda *_: self._check())
            self._check()
            report.alerts = evaluate(self.store)
            sent = deliver(self.store)
            report.delivered, report.delivery_failures = sent.sent, sent.failed
        except Stopping:
            report.stopped = True
        log.info("cycle", extra=report.as_dict())
        return report

    def _store(self, articles: list[Article], report: CycleReport) -> int:
        added = 0
        for res in self.store.add_articles(articles):
            if res.status == "duplicate":
                report.duplicates += 1
            else:
                added += 1
        report.added += added
        return added

    def _failed(self, source: Source, now: float, error: str, retry_after: float | None,
                report: CycleReport) -> None:
        report.failed += 1
        failures = source.failures + 1
        wait = backoff_s(failures, source.interval_s, retry_after)
        h = t.source_health.c
        record_health(self.store, source, last_poll_at=now_iso(now), polls=h.polls + 1, last_error=error,
                      last_error_at=now_iso(now), failures=failures, next_poll_at=now + wait)
        log.warning("poll failed", extra={"source": source.display, "error": error, "failures": failures,
                                          "retry_in_s": round(wait)})

    def _poll_url(self, source: Source, now: float, report: CycleReport) -> None:
        result = self.poller.poll_url(source)
        if result.status == "error":
            self._failed(source, now, result.error or "error", result.retry_after, report)
            return
        for err in result.errors:
            log.warning("bad entry", extra={"source": source.display, "error": str(err)})
        added = self._store(result.articles, report) if result.articles else 0
        h = t.source_health.c
        unchanged = result.status == "not_modified"
        report.not_modified += unchanged
        report.changed += not unchanged
        if unchanged:  # the common case: recorded in one transaction per cycle (see _flush_unchanged)
            self._unchanged.append({"sid": source.id, "at": now_iso(now), "due": now + source.interval_s})
            return
        # validators are saved only after the articles are committed: a crash in between re-fetches in full
        record_health(self.store, source, etag=result.etag, last_modified=result.last_modified,
                      last_poll_at=now_iso(now), last_success_at=now_iso(now), failures=0, polls=h.polls + 1,
                      not_modified=h.not_modified + int(unchanged), articles_gained=h.articles_gained + added,
                      next_poll_at=now + source.interval_s)
        log.info("polled", extra={"source": source.display, "status": result.status, "http": result.http_status,
                                  "entries": len(result.articles), "added": added})

    def _flush_unchanged(self) -> None:
        """Record the cycle's unchanged polls at once: one write per feed was most of an idle cycle's CPU.

        Losing them in a crash is harmless: those sources are simply polled again.
        """
        if not self._unchanged:
            return
        h = t.source_health
        with self.store.engine.execution_options(write=True).begin() as conn:
            conn.execute(update(h).where(h.c.source_id == bindparam("sid")).values(
                last_poll_at=bindparam("at"), last_success_at=bindparam("at"), failures=0, polls=h.c.polls + 1,
                not_modified=h.c.not_modified + 1, next_poll_at=bindparam("due")), self._unchanged)
        log.info("unchanged", extra={"sources": len(self._unchanged)})
        self._unchanged.clear()

    def _poll_folder(self, source: Source, now: float, report: CycleReport) -> None:
        f = t.source_files.c
        with self.store.engine.connect() as conn:
            seen = dict(conn.execute(select(f.path, f.signature).where(f.source_id == source.id)).all())
        articles: list[Article] = []
        files: list[tuple[str, str]] = []
        gained = 0

        def flush() -> None:
            nonlocal gained
            added = self._store(articles, report) if articles else 0
            gained += added
            with self.store.engine.execution_options(write=True).begin() as conn:
                names = [name for name, _ in files]
                conn.execute(delete(t.source_files).where(f.source_id == source.id, f.path.in_(names)))
                conn.execute(insert(t.source_files), [{"source_id": source.id, "path": name, "signature": sig}
                                                      for name, sig in files])
                conn.execute(update(t.source_health).where(t.source_health.c.source_id == source.id)
                             .values(articles_gained=t.source_health.c.articles_gained + added))
            articles.clear()
            files.clear()

        try:
            for name, signature, items in Poller.scan_folder(source, seen):
                for item in items:
                    if isinstance(item, Article):
                        articles.append(item)
                    else:
                        log.warning("bad input", extra={"source": source.display, "error": str(item)})
                files.append((name, signature))
                if len(articles) >= STORE_BATCH or len(files) >= STORE_BATCH or self.stopping:
                    flush()
                    self._check()
        except OSError as exc:
            self._failed(source, now, f"cannot read folder: {exc}", None, report)
            return
        except FetchRefused as exc:  # the folder is gone
            self._failed(source, now, str(exc), None, report)
            return
        if files:
            flush()
        report.changed += gained > 0
        report.not_modified += gained == 0
        h = t.source_health.c
        record_health(self.store, source, last_poll_at=now_iso(now), last_success_at=now_iso(now), failures=0,
                      polls=h.polls + 1, not_modified=h.not_modified + int(gained == 0),
                      next_poll_at=now + source.interval_s)
        log.info("polled", extra={"source": source.display, "status": "folder", "added": gained})

    # ------------------------------------------------------------------ the loop

    def _next_due(self) -> float | None:
        with self.store.engine.connect() as conn:
            return conn.execute(select(t.source_health.c.next_poll_at).order_by(t.source_health.c.next_poll_at)
                                .limit(1)).scalar()

    def run(self, *, once: bool = False, interval_s: float = 60.0) -> CycleReport:
        """Run cycles until stopped (``once``: a single cycle); SIGTERM/SIGINT stop it gracefully.

        Between cycles it sleeps until the next source is due, at most ``interval_s`` (watches are
        matched at least that often, e.g. for articles that another process ingested).
        """
        handlers = {}
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGTERM, signal.SIGINT):
                handlers[sig] = signal.signal(sig, self._on_signal)
        try:
            while True:
                report = self.run_cycle()
                if once or report.stopped or self.stopping:
                    return report
                due = self._next_due()
                wait = interval_s if due is None else min(max(due - self.clock(), 0.0), interval_s)
                if self._stop.wait(wait):
                    report.stopped = True
                    return report
        finally:
            for sig, previous in handlers.items():
                signal.signal(sig, previous)
            self.poller.close()
