"""cases per state kept by triggers (SQLite)

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op
from desktop.db.sqlite import STATE_TOTALS_DDL, STATE_TOTALS_DROP

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":  # PostgreSQL counts with its own indexes
        for statement in STATE_TOTALS_DDL:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in STATE_TOTALS_DROP:
            op.execute(statement)
