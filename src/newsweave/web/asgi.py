"""ASGI entry point for multi-worker serving: each worker opens the store named by ``NEWSWEAVE_DB``."""

from newsweave.config import setting
from newsweave.store import open_store
from newsweave.web.app import create_app

app = create_app(open_store(setting("NEWSWEAVE_DB")))
