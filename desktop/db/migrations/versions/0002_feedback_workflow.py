"""feedback workflow, attachments, calendar, search

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 07:45:03.855807
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from desktop.db import postgres
from desktop.db.sqlite import FTS_BACKFILL, FTS_DDL, FTS_DROP

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('calendar_days',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_days')),
    sa.UniqueConstraint('day', name=op.f('uq_calendar_days_day'))
    )
    with op.batch_alter_table('calendar_days', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendar_days_change_seq'), ['change_seq'], unique=False)

    op.create_table('calendar_years',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_years')),
    sa.UniqueConstraint('year', name=op.f('uq_calendar_years_year'))
    )
    with op.batch_alter_table('calendar_years', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendar_years_change_seq'), ['change_seq'], unique=False)

    op.create_table('case_attachments',
    sa.Column('case_id', sa.Uuid(), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('media_type', sa.String(length=60), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['feedback_cases.id'], name=op.f('fk_case_attachments_case_id_feedback_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_attachments'))
    )
    with op.batch_alter_table('case_attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_attachments_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_attachments_change_seq'), ['change_seq'], unique=False)

    with op.batch_alter_table('deputies', schema=None) as batch_op:
        # Filled for existing rows when the program opens the database (services layer).
        batch_op.add_column(sa.Column('name_sort', sa.String(length=400), nullable=False, server_default=sa.text("''")))
        batch_op.create_index(batch_op.f('ix_deputies_name_sort'), ['name_sort'], unique=False)

    # Paging and count indexes now lead with ``deleted`` (counts never visit the table).
    with op.batch_alter_table('feedback_cases', schema=None) as batch_op:
        batch_op.drop_index('ix_feedback_cases_received')
        batch_op.drop_index('ix_feedback_cases_state_received')
        batch_op.drop_index('ix_feedback_cases_station_received')
        batch_op.create_index('ix_feedback_cases_received', ['deleted', 'received_date', 'id'], unique=False)
        batch_op.create_index('ix_feedback_cases_state_received', ['deleted', 'state', 'received_date', 'id'], unique=False)
        batch_op.create_index('ix_feedback_cases_station_received', ['deleted', 'station_id', 'received_date', 'id'], unique=False)

    with op.batch_alter_table('feedback_cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('person_initials', sa.String(length=20), nullable=False, server_default=sa.text("''")))
        batch_op.add_column(sa.Column('case_number', sa.String(length=40), nullable=False, server_default=sa.text("''")))
        batch_op.add_column(sa.Column('department_id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('co_department_ids', sa.Text(), nullable=False, server_default=sa.text("'[]'")))
        batch_op.add_column(sa.Column('referred_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('deadline', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('deadline_exact', sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.add_column(sa.Column('replied_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('outcome', sa.String(length=1), nullable=False, server_default=sa.text("''")))
        batch_op.add_column(sa.Column('reply_text', sa.Text(), nullable=False, server_default=sa.text("''")))
        batch_op.add_column(sa.Column('answered_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('satisfaction', sa.String(length=24), nullable=False, server_default=sa.text("''")))
        batch_op.add_column(sa.Column('follow_up', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('escalated', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('merged_into_id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('conflict', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.create_index('ix_feedback_cases_person_initials', ['person_initials'], unique=False)
        batch_op.create_index('ix_feedback_cases_person_name', ['person_name'], unique=False)
        batch_op.create_index('ix_feedback_cases_state_deadline', ['state', 'deadline'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_feedback_cases_department_id_departments'), 'departments', ['department_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_feedback_cases_merged_into_id_feedback_cases'), 'feedback_cases', ['merged_into_id'], ['id'])

    dialect = op.get_bind().dialect.name
    # Exact-match search on initials: the first word of the pinyin keys ("zds zhaodashan").
    if dialect == "postgresql":
        op.execute("UPDATE feedback_cases SET person_initials = split_part(person_keys, ' ', 1)")
    else:
        op.execute(
            "UPDATE feedback_cases SET person_initials = "
            "substr(person_keys, 1, instr(person_keys || ' ', ' ') - 1)"
        )
    if dialect == "sqlite":
        for statement in FTS_DDL:
            op.execute(statement)
        op.execute(FTS_BACKFILL)  # the same search keys and terms the triggers write
    elif dialect == "postgresql":  # the same terms in a GIN-indexed tsvector (db/postgres.py)
        for statement in postgres.SEARCH_DDL:
            op.execute(statement)
        postgres.fill_terms(op.get_bind())



def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in FTS_DROP:
            op.execute(statement)
    elif op.get_bind().dialect.name == "postgresql":
        for statement in postgres.SEARCH_DROP:
            op.execute(statement)
    with op.batch_alter_table('feedback_cases', schema=None) as batch_op:
        batch_op.drop_index('ix_feedback_cases_received')
        batch_op.drop_index('ix_feedback_cases_state_received')
        batch_op.drop_index('ix_feedback_cases_station_received')
        batch_op.create_index('ix_feedback_cases_received', ['received_date', 'id'], unique=False)
        batch_op.create_index('ix_feedback_cases_state_received', ['state', 'received_date', 'id'], unique=False)
        batch_op.create_index('ix_feedback_cases_station_received', ['station_id', 'received_date', 'id'], unique=False)
    with op.batch_alter_table('deputies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deputies_name_sort'))
        batch_op.drop_column('name_sort')
    with op.batch_alter_table('feedback_cases', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_feedback_cases_merged_into_id_feedback_cases'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_feedback_cases_department_id_departments'), type_='foreignkey')
        batch_op.drop_index('ix_feedback_cases_state_deadline')
        batch_op.drop_index('ix_feedback_cases_person_name')
        batch_op.drop_index('ix_feedback_cases_person_initials')
        batch_op.drop_column('conflict')
        batch_op.drop_column('merged_into_id')
        batch_op.drop_column('escalated')
        batch_op.drop_column('follow_up')
        batch_op.drop_column('satisfaction')
        batch_op.drop_column('answered_on')
        batch_op.drop_column('reply_text')
        batch_op.drop_column('outcome')
        batch_op.drop_column('replied_on')
        batch_op.drop_column('deadline_exact')
        batch_op.drop_column('deadline')
        batch_op.drop_column('referred_on')
        batch_op.drop_column('co_department_ids')
        batch_op.drop_column('department_id')
        batch_op.drop_column('case_number')
        batch_op.drop_column('person_initials')

    with op.batch_alter_table('case_attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_attachments_change_seq'))
        batch_op.drop_index(batch_op.f('ix_case_attachments_case_id'))

    op.drop_table('case_attachments')
    with op.batch_alter_table('calendar_years', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendar_years_change_seq'))

    op.drop_table('calendar_years')
    with op.batch_alter_table('calendar_days', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendar_days_change_seq'))

    op.drop_table('calendar_days')
