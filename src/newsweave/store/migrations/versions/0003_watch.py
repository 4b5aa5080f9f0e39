"""Monitoring: polled sources with their health, folder files seen, watches and their alerts.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _source_fk() -> sa.ForeignKey:
    return sa.ForeignKey("sources.id", ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("location", sa.Text, nullable=False, unique=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("interval_s", sa.Integer, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("added_at", sa.Text, nullable=False),
    )
    op.create_table(
        "source_health",
        sa.Column("source_id", sa.Integer, _source_fk(), primary_key=True),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_poll_at", sa.Text),
        sa.Column("last_success_at", sa.Text),
        sa.Column("last_error", sa.Text),
        sa.Column("last_error_at", sa.Text),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_poll_at", sa.Float, nullable=False, server_default="0"),
        sa.Column("polls", sa.Integer, nullable=False, server_default="0"),
        sa.Column("not_modified", sa.Integer, nullable=False, server_default="0"),
        sa.Column("articles_gained", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_table(
        "source_files",
        sa.Column("source_id", sa.Integer, _source_fk(), primary_key=True),
        sa.Column("path", sa.Text, primary_key=True),
        sa.Column("signature", sa.Text, nullable=False),
    )
    op.create_table(
        "watches",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("channels", sa.JSON, nullable=False),
        sa.Column("digest", sa.Text),
        sa.Column("cursor", sa.Integer, nullable=False, server_default="0"),
        sa.Column("meta", sa.JSON),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("last_digest_at", sa.Text),
    )
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("watch_id", sa.Integer, sa.ForeignKey("watches.id", ondelete="CASCADE"), nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("article_id", sa.String(255)),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("delivered", sa.JSON),
        sa.Column("delivered_at", sa.Text),
        sa.Column("delivery_error", sa.Text),
        sa.UniqueConstraint("watch_id", "key", name="uq_alerts_watch_key"),
    )
    op.create_index("ix_alerts_watch_id_delivered_at", "alerts", ["watch_id", "delivered_at"])


def downgrade() -> None:
    for table in ("alerts", "watches", "source_files", "source_health", "sources"):
        op.drop_table(table)
