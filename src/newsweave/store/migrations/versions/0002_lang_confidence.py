"""Keep the language stage's confidence, which the contract record does not carry.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("lang_confidence", sa.Float))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("lang_confidence")
