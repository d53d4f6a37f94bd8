"""ledger print log

The ledgers printed or saved (desktop/db/ledger_prints.py): which kind, which station, which
year and month, on which day, to paper, PDF or workbook. A travelling table: a station's prints
reach the county, which rates whether each station printed its monthly ledgers. Plain Alembic
operations only (a new table and its indexes), the same on SQLite and PostgreSQL.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28 14:09:59.606397
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('ledger_prints',
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('printed_on', sa.Date(), nullable=False),
    sa.Column('output', sa.String(length=8), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_ledger_prints_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_prints'))
    )
    with op.batch_alter_table('ledger_prints', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ledger_prints_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index('ix_ledger_prints_year_station', ['year', 'station_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('ledger_prints', schema=None) as batch_op:
        batch_op.drop_index('ix_ledger_prints_year_station')
        batch_op.drop_index(batch_op.f('ix_ledger_prints_change_seq'))

    op.drop_table('ledger_prints')
