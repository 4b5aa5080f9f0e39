"""Data derived once from installed packages and kept in the user cache (``$XDG_CACHE_HOME/newsweave``, else
``~/.cache/newsweave``): the gazetteer's index, the person-name lists. Building them takes seconds or tenths of one,
loading them back a few milliseconds; a file name carries a digest of what the data was built from, so a new
package version or schema builds afresh.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


def cache_file(stem: str, source: bytes) -> Path:
    """Where the data named ``stem`` built from ``source`` (versions, schema, input bytes) is kept."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "newsweave" / f"{stem}-{hashlib.sha256(source).hexdigest()[:16]}.pickle"


def load_or_build(stem: str, source: bytes, build: Callable[[], T], kind: type) -> T:
    """The cached data if a usable copy of type ``kind`` is there, else ``build()``, written for next time (an
    unwritable cache only costs the rebuild)."""
    path = cache_file(stem, source)
    try:
        with path.open("rb") as fh:
            data = pickle.load(fh)
        if isinstance(data, kind):
            return data
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    data = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError as exc:
        log.info("%s cache not written (%s); it will be rebuilt next time", stem, exc)
    return data
