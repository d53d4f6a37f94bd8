"""case number index; a full-text insert trigger a bulk import can defer; a larger FTS buffer

The index serves looking a case up by the number people quote (and imports keeping it).
The insert trigger stands aside while a bulk import holds a flag row, and the import indexes
its cases in one pass (desktop/db/sqlite.py: FTS_INSERT_TRIGGER, defer_case_index).
FTS5 writes its pending terms to disk whenever 1 MB of them has gathered; 16 MB lets a
10,000-case import write them at once.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 09:40:55.472881
"""

from __future__ import annotations

from alembic import op
from desktop.db.sqlite import FTS_DDL, FTS_INSERT_TRIGGER, FTS_TABLE

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

FTS_HASHSIZE = 16 * 1024 * 1024


def upgrade() -> None:
    op.create_index("ix_feedback_cases_case_number", "feedback_cases", ["case_number"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS case_fts_insert")
        op.execute(FTS_INSERT_TRIGGER)
        op.execute(
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('hashsize', {FTS_HASHSIZE})"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('hashsize', 1048576)")
        op.execute("DROP TRIGGER IF EXISTS case_fts_insert")
        op.execute(FTS_DDL[1])  # the trigger as 0002 made it
    op.drop_index("ix_feedback_cases_case_number", table_name="feedback_cases")
