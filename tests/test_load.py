"""A short load run in CI: concurrent clients over every kind of page and API read, zero failures.

The same machinery as ``benchmarks/bench_load.py`` (``make load``: 100,000 articles, 50 clients,
60 s) on a smaller store and for seconds, so that it fits the CI budget: a few thousand synthetic
articles stored through ``Store.add_articles``, some of them analysed and linked with the fast stages
so that entities, events and stories exist; ``newsweave serve`` on 127.0.0.1 in its own process;
concurrent httpx clients over search, article, entity and event pages and the API. Every request
must answer 200 and the server must log no traceback. Latency is printed, never asserted.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

ARTICLES = int(os.environ.get("NEWSWEAVE_LOAD_ARTICLES") or 3000)
ANALYSED = 120
CLIENTS = 12
SECONDS = 8.0


def _bench_load() -> ModuleType:
    """``benchmarks/bench_load.py`` as a module (benchmarks are scripts, not a package)."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_load.py"
    spec = importlib.util.spec_from_file_location("bench_load", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_load_concurrent_clients_over_pages_and_api_get_no_errors(tmp_path: Path) -> None:
    bench = _bench_load()
    db = tmp_path / "load.db"
    bench.build(db, ARTICLES, ANALYSED)
    ids = bench.ids(db)
    assert len(ids["article"]) >= min(ARTICLES, 5000) and ids["entity"] and ids["event"], "the store has no picture"
    with bench.serving(db, tmp_path / "serve.log") as server:
        result = asyncio.run(bench.load(server.base, ids, CLIENTS, SECONDS))
        log = server.log()
    print(f"\n{ARTICLES} articles ({ANALYSED} analysed)\n{result.table()}")
    kinds = {"search page", "api search", "article page", "api article", "api articles list", "entity page",
             "api entity", "event page", "api event"}
    assert set(result.timings) == kinds, f"kinds without a single request: {kinds - set(result.timings)}"
    assert result.error_count == 0, result.table()
    assert "Traceback" not in log, log[-3000:]
