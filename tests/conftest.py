"""Fixtures every test module may use: the shared data folder and the seeds."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from newsweave.config import shared_dir

if TYPE_CHECKING:
    from newsweave.store import Store


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder; skipped when absent, a failure when NEWSWEAVE_REQUIRE_SHARED=1."""
    found = shared_dir()
    if found is None:
        if os.environ.get("NEWSWEAVE_REQUIRE_SHARED") == "1":
            pytest.fail("NEWSWEAVE_REQUIRE_SHARED=1 but no shared folder found (set NEWSWEAVE_SHARED)")
        pytest.skip("shared data folder not found (set NEWSWEAVE_SHARED to run this test)")
    return found


@pytest.fixture(scope="session")
def seeds_dir(shared: Path) -> Path:
    """The five reference articles."""
    return shared / "seeds"


@pytest.fixture(scope="session")
def web_store(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The seeds and the sample corpus ingested and analysed ONCE (about a minute), shared by web/API/browser tests."""
    from newsweave.jobs import ingest
    from newsweave.store import open_store

    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    with open_store(tmp_path_factory.mktemp("web") / "web.db") as store:
        report = ingest([seeds_dir, corpus], store)
        assert not report.errors, report.errors
        yield store


@pytest.fixture
def fresh_store(tmp_path: Path) -> Callable[[str, str], str]:
    """Make a fresh, empty store location: ``make("sqlite", "x.db")`` or ``make("postgresql", ...)``.

    PostgreSQL means the test database named by ``NEWSWEAVE_TEST_PG_URL``, emptied; without it the test
    is skipped, or fails when ``NEWSWEAVE_REQUIRE_PG=1`` (CI).
    """

    def make(kind: str, filename: str = "store.db") -> str:
        if kind == "sqlite":
            return str(tmp_path / filename)
        url = os.environ.get("NEWSWEAVE_TEST_PG_URL", "")
        if not url:
            if os.environ.get("NEWSWEAVE_REQUIRE_PG") == "1":
                pytest.fail("NEWSWEAVE_REQUIRE_PG=1 but NEWSWEAVE_TEST_PG_URL is not set")
            pytest.skip("set NEWSWEAVE_TEST_PG_URL to run this test on PostgreSQL")
        engine = create_engine("postgresql+psycopg://" + url.split("://", 1)[1], poolclass=NullPool)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        return url

    return make
