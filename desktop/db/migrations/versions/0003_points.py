"""performance points

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 08:07:45.594855
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('point_period_events',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=8), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_point_period_events'))
    )
    with op.batch_alter_table('point_period_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_point_period_events_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_point_period_events_year'), ['year'], unique=False)

    op.create_table('point_rule_sets',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('scope', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('example', sa.Boolean(), nullable=False),
    sa.Column('items', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_point_rule_sets')),
    sa.UniqueConstraint('year', 'scope', name=op.f('uq_point_rule_sets_year'))
    )
    with op.batch_alter_table('point_rule_sets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_point_rule_sets_change_seq'), ['change_seq'], unique=False)

    op.create_table('session_periods',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('first_day', sa.Date(), nullable=False),
    sa.Column('last_day', sa.Date(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_periods'))
    )
    with op.batch_alter_table('session_periods', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_periods_change_seq'), ['change_seq'], unique=False)

    op.create_table('point_disputes',
    sa.Column('deputy_id', sa.Uuid(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('record_id', sa.Uuid(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('delta', sa.String(length=16), nullable=False),
    sa.Column('resolution', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputies.id'], name=op.f('fk_point_disputes_deputy_id_deputies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_point_disputes'))
    )
    with op.batch_alter_table('point_disputes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_point_disputes_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_point_disputes_deputy_id'), ['deputy_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_point_disputes_year'), ['year'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('point_disputes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_point_disputes_year'))
        batch_op.drop_index(batch_op.f('ix_point_disputes_deputy_id'))
        batch_op.drop_index(batch_op.f('ix_point_disputes_change_seq'))

    op.drop_table('point_disputes')
    with op.batch_alter_table('session_periods', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_periods_change_seq'))

    op.drop_table('session_periods')
    with op.batch_alter_table('point_rule_sets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_point_rule_sets_change_seq'))

    op.drop_table('point_rule_sets')
    with op.batch_alter_table('point_period_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_point_period_events_year'))
        batch_op.drop_index(batch_op.f('ix_point_period_events_change_seq'))

    op.drop_table('point_period_events')
