"""Casefolded entity names with a trigram index, so a name lookup is an index search, not a scan.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.exc import SQLAlchemyError

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity_names",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("entity_id", sa.String(255), sa.ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name_fold", sa.Text, nullable=False),
    )
    op.create_index("ix_entity_names_entity_id", "entity_names", ["entity_id"])
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # trigram tokens make any substring of three or more characters an index lookup
        op.execute("CREATE VIRTUAL TABLE entity_names_fts USING fts5(name_fold, content='entity_names', "
                   "content_rowid='id', tokenize='trigram')")
        op.execute("CREATE TRIGGER entity_names_fts_ai AFTER INSERT ON entity_names BEGIN "
                   "INSERT INTO entity_names_fts(rowid, name_fold) VALUES (new.id, new.name_fold); END")
        op.execute("CREATE TRIGGER entity_names_fts_ad AFTER DELETE ON entity_names BEGIN "
                   "INSERT INTO entity_names_fts(entity_names_fts, rowid, name_fold) "
                   "VALUES ('delete', old.id, old.name_fold); END")
        op.execute("CREATE TRIGGER entity_names_fts_au AFTER UPDATE ON entity_names BEGIN "
                   "INSERT INTO entity_names_fts(entity_names_fts, rowid, name_fold) "
                   "VALUES ('delete', old.id, old.name_fold); "
                   "INSERT INTO entity_names_fts(rowid, name_fold) VALUES (new.id, new.name_fold); END")
    else:
        _pg_trigram_index(bind)
    rows = bind.execute(sa.text("SELECT id, name FROM entities UNION ALL SELECT entity_id, name FROM entity_variants"))
    names = [{"entity_id": eid, "name_fold": name.casefold()} for eid, name in dict.fromkeys(
        (eid, name.casefold()) for eid, name in rows)]
    if names:
        op.bulk_insert(sa.table("entity_names", sa.column("entity_id"), sa.column("name_fold")), names)


def _pg_trigram_index(bind: sa.Connection) -> None:
    """A pg_trgm GIN index serves ``LIKE '%x%'``; without the extension (not installed, or no right to
    create it) lookups still work, as a scan, so its absence must not stop the migration."""
    try:
        with bind.begin_nested():
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except SQLAlchemyError:
        return
    op.execute("CREATE INDEX ix_entity_names_trgm ON entity_names USING gin (name_fold gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("entity_names_fts_ai", "entity_names_fts_ad", "entity_names_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS entity_names_fts")
    op.drop_table("entity_names")
