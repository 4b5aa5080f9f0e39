"""Event-id redirects: events merged by a re-clustering pass keep resolving to the event that absorbed them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_redirects",
        sa.Column("old_id", sa.String(255), primary_key=True),
        sa.Column("new_id", sa.String(255), nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
    )
    op.create_index("ix_event_redirects_new_id", "event_redirects", ["new_id"])


def downgrade() -> None:
    op.drop_table("event_redirects")
