"""Alembic environment: always run online on the connection that ``open_store`` hands over.

The store opens its own transaction (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: an advisory lock),
so two processes opening a fresh database at once migrate it exactly once.
"""

from __future__ import annotations

from alembic import context

from newsweave.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
