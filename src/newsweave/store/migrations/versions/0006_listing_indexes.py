"""Listings by language or source, newest first, read in index order instead of sorting every match.

``(lang, date)`` and ``(source, date)`` replace the single-column indexes they extend (they answer the
same lookups and the per-language and per-source counts), so a page of the newest Turkish articles
reads twenty index entries rather than sorting a quarter of the store.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for col in ("lang", "source"):
        op.create_index(f"ix_articles_{col}_date", "articles", [col, "date"])
        op.drop_index(f"ix_articles_{col}", "articles")


def downgrade() -> None:
    for col in ("lang", "source"):
        op.create_index(f"ix_articles_{col}", "articles", [col])
        op.drop_index(f"ix_articles_{col}_date", "articles")
