"""case number index: looking a case up by the number people quote (and imports keeping it)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 09:40:55.472881
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_feedback_cases_case_number", "feedback_cases", ["case_number"])


def downgrade() -> None:
    op.drop_index("ix_feedback_cases_case_number", table_name="feedback_cases")
