"""cases per day and state kept by triggers (SQLite); indexes for the flag counts

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


FLAG_INDEXES = ("follow_up", "conflict", "escalated")


def upgrade() -> None:
    with op.batch_alter_table("feedback_cases") as batch:
        for flag in FLAG_INDEXES:
            batch.create_index(f"ix_feedback_cases_{flag}", ["deleted", flag], unique=False)
    if op.get_bind().dialect.name == "sqlite":  # PostgreSQL counts with its own indexes
        for statement in STATE_TOTALS_DDL:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in STATE_TOTALS_DROP:
            op.execute(statement)
    with op.batch_alter_table("feedback_cases") as batch:
        for flag in FLAG_INDEXES:
            batch.drop_index(f"ix_feedback_cases_{flag}")
