"""Fixtures every test module may use: the shared data folder and the seeds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsweave.config import shared_dir


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
