"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-28 07:25:33.477576
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('activity_kinds',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('unit', sa.String(length=16), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_kinds'))
    )
    with op.batch_alter_table('activity_kinds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_kinds_change_seq'), ['change_seq'], unique=False)

    op.create_table('app_settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_settings'))
    )
    op.create_table('change_counter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_counter'))
    )
    # One row: bumped once per writing transaction (the local change sequence).
    op.bulk_insert(sa.table('change_counter', sa.column('id'), sa.column('value')), [{'id': 1, 'value': 0}])
    op.create_table('deputies',
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('name_keys', sa.String(length=200), nullable=False),
    sa.Column('gender', sa.String(length=8), nullable=True),
    sa.Column('ethnicity', sa.String(length=20), nullable=False),
    sa.Column('is_county_level', sa.Boolean(), nullable=False),
    sa.Column('is_township_level', sa.Boolean(), nullable=False),
    sa.Column('constituency', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('workplace', sa.String(length=100), nullable=False),
    sa.Column('occupation', sa.String(length=100), nullable=False),
    sa.Column('term', sa.String(length=40), nullable=False),
    sa.Column('household_sign', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('roster_status', sa.String(length=16), nullable=False),
    sa.Column('county_record_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['county_record_id'], ['deputies.id'], name=op.f('fk_deputies_county_record_id_deputies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deputies'))
    )
    with op.batch_alter_table('deputies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deputies_change_seq'), ['change_seq'], unique=False)

    op.create_table('feedback_categories',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback_categories'))
    )
    with op.batch_alter_table('feedback_categories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feedback_categories_change_seq'), ['change_seq'], unique=False)

    op.create_table('townships',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_townships'))
    )
    with op.batch_alter_table('townships', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_townships_change_seq'), ['change_seq'], unique=False)

    op.create_table('departments',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('township_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['township_id'], ['townships.id'], name=op.f('fk_departments_township_id_townships')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_departments'))
    )
    with op.batch_alter_table('departments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_departments_change_seq'), ['change_seq'], unique=False)

    op.create_table('stations',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('township_id', sa.Uuid(), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['township_id'], ['townships.id'], name=op.f('fk_stations_township_id_townships')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stations'))
    )
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stations_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_stations_township_id'), ['township_id'], unique=False)

    op.create_table('activities',
    sa.Column('kind_id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('location', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['kind_id'], ['activity_kinds.id'], name=op.f('fk_activities_kind_id_activity_kinds')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_activities_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activities'))
    )
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activities_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index('ix_activities_day', ['day', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activities_kind_id'), ['kind_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activities_station_id'), ['station_id'], unique=False)

    op.create_table('deputy_stations',
    sa.Column('deputy_id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputies.id'], name=op.f('fk_deputy_stations_deputy_id_deputies')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_deputy_stations_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deputy_stations')),
    sa.UniqueConstraint('deputy_id', 'station_id', name=op.f('uq_deputy_stations_deputy_id'))
    )
    with op.batch_alter_table('deputy_stations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deputy_stations_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_deputy_stations_station_id'), ['station_id'], unique=False)

    op.create_table('duty_days',
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('people_received', sa.Integer(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_duty_days_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_duty_days'))
    )
    with op.batch_alter_table('duty_days', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duty_days_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_duty_days_day'), ['day'], unique=False)
        batch_op.create_index('ix_duty_days_station_day', ['station_id', 'day', 'id'], unique=False)

    op.create_table('sites',
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('township_id', sa.Uuid(), nullable=True),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_sites_station_id_stations')),
    sa.ForeignKeyConstraint(['township_id'], ['townships.id'], name=op.f('fk_sites_township_id_townships')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sites'))
    )
    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sites_change_seq'), ['change_seq'], unique=False)

    op.create_table('visits',
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('other_visitors', sa.String(length=200), nullable=False),
    sa.Column('visited_people', sa.Text(), nullable=False),
    sa.Column('people_count', sa.Integer(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_visits_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits'))
    )
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visits_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_day'), ['day'], unique=False)
        batch_op.create_index('ix_visits_station_day', ['station_id', 'day', 'id'], unique=False)

    op.create_table('activity_participants',
    sa.Column('activity_id', sa.Uuid(), nullable=False),
    sa.Column('deputy_id', sa.Uuid(), nullable=False),
    sa.Column('attendance', sa.String(length=12), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_activity_participants_activity_id_activities')),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputies.id'], name=op.f('fk_activity_participants_deputy_id_deputies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_participants')),
    sa.UniqueConstraint('activity_id', 'deputy_id', name=op.f('uq_activity_participants_activity_id'))
    )
    with op.batch_alter_table('activity_participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_participants_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_participants_deputy_id'), ['deputy_id'], unique=False)

    op.create_table('duty_day_deputies',
    sa.Column('duty_day_id', sa.Uuid(), nullable=False),
    sa.Column('deputy_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputies.id'], name=op.f('fk_duty_day_deputies_deputy_id_deputies')),
    sa.ForeignKeyConstraint(['duty_day_id'], ['duty_days.id'], name=op.f('fk_duty_day_deputies_duty_day_id_duty_days')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_duty_day_deputies')),
    sa.UniqueConstraint('duty_day_id', 'deputy_id', name=op.f('uq_duty_day_deputies_duty_day_id'))
    )
    with op.batch_alter_table('duty_day_deputies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duty_day_deputies_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_duty_day_deputies_deputy_id'), ['deputy_id'], unique=False)

    op.create_table('feedback_cases',
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('received_date', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.Column('person_name', sa.String(length=50), nullable=False),
    sa.Column('person_keys', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=False),
    sa.Column('village', sa.String(length=100), nullable=False),
    sa.Column('category_id', sa.Uuid(), nullable=True),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('duty_day_id', sa.Uuid(), nullable=True),
    sa.Column('visit_id', sa.Uuid(), nullable=True),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('last_event_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['feedback_categories.id'], name=op.f('fk_feedback_cases_category_id_feedback_categories')),
    sa.ForeignKeyConstraint(['duty_day_id'], ['duty_days.id'], name=op.f('fk_feedback_cases_duty_day_id_duty_days')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_feedback_cases_station_id_stations')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_feedback_cases_visit_id_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback_cases'))
    )
    with op.batch_alter_table('feedback_cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feedback_cases_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_cases_duty_day_id'), ['duty_day_id'], unique=False)
        batch_op.create_index('ix_feedback_cases_received', ['received_date', 'id'], unique=False)
        batch_op.create_index('ix_feedback_cases_state_received', ['state', 'received_date', 'id'], unique=False)
        batch_op.create_index('ix_feedback_cases_station_received', ['station_id', 'received_date', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_cases_visit_id'), ['visit_id'], unique=False)

    op.create_table('visit_people',
    sa.Column('visit_id', sa.Uuid(), nullable=False),
    sa.Column('deputy_id', sa.Uuid(), nullable=False),
    sa.Column('role', sa.String(length=12), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputies.id'], name=op.f('fk_visit_people_deputy_id_deputies')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_visit_people_visit_id_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_people')),
    sa.UniqueConstraint('visit_id', 'deputy_id', 'role', name=op.f('uq_visit_people_visit_id'))
    )
    with op.batch_alter_table('visit_people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_people_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_people_deputy_id'), ['deputy_id'], unique=False)

    op.create_table('case_deputies',
    sa.Column('case_id', sa.Uuid(), nullable=False),
    sa.Column('deputy_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['feedback_cases.id'], name=op.f('fk_case_deputies_case_id_feedback_cases')),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputies.id'], name=op.f('fk_case_deputies_deputy_id_deputies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_deputies')),
    sa.UniqueConstraint('case_id', 'deputy_id', name=op.f('uq_case_deputies_case_id'))
    )
    with op.batch_alter_table('case_deputies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_deputies_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_deputies_deputy_id'), ['deputy_id'], unique=False)

    op.create_table('case_events',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('case_id', sa.Uuid(), nullable=False),
    sa.Column('previous_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('state_after', sa.String(length=20), nullable=False),
    sa.Column('actor', sa.String(length=50), nullable=False),
    sa.Column('site_id', sa.Uuid(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['feedback_cases.id'], name=op.f('fk_case_events_case_id_feedback_cases')),
    sa.ForeignKeyConstraint(['previous_id'], ['case_events.id'], name=op.f('fk_case_events_previous_id_case_events')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_events'))
    )
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_events_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_events_change_seq'), ['change_seq'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_events_change_seq'))
        batch_op.drop_index(batch_op.f('ix_case_events_case_id'))

    op.drop_table('case_events')
    with op.batch_alter_table('case_deputies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_deputies_deputy_id'))
        batch_op.drop_index(batch_op.f('ix_case_deputies_change_seq'))

    op.drop_table('case_deputies')
    with op.batch_alter_table('visit_people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_people_deputy_id'))
        batch_op.drop_index(batch_op.f('ix_visit_people_change_seq'))

    op.drop_table('visit_people')
    with op.batch_alter_table('feedback_cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feedback_cases_visit_id'))
        batch_op.drop_index('ix_feedback_cases_station_received')
        batch_op.drop_index('ix_feedback_cases_state_received')
        batch_op.drop_index('ix_feedback_cases_received')
        batch_op.drop_index(batch_op.f('ix_feedback_cases_duty_day_id'))
        batch_op.drop_index(batch_op.f('ix_feedback_cases_change_seq'))

    op.drop_table('feedback_cases')
    with op.batch_alter_table('duty_day_deputies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duty_day_deputies_deputy_id'))
        batch_op.drop_index(batch_op.f('ix_duty_day_deputies_change_seq'))

    op.drop_table('duty_day_deputies')
    with op.batch_alter_table('activity_participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_participants_deputy_id'))
        batch_op.drop_index(batch_op.f('ix_activity_participants_change_seq'))

    op.drop_table('activity_participants')
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index('ix_visits_station_day')
        batch_op.drop_index(batch_op.f('ix_visits_day'))
        batch_op.drop_index(batch_op.f('ix_visits_change_seq'))

    op.drop_table('visits')
    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sites_change_seq'))

    op.drop_table('sites')
    with op.batch_alter_table('duty_days', schema=None) as batch_op:
        batch_op.drop_index('ix_duty_days_station_day')
        batch_op.drop_index(batch_op.f('ix_duty_days_day'))
        batch_op.drop_index(batch_op.f('ix_duty_days_change_seq'))

    op.drop_table('duty_days')
    with op.batch_alter_table('deputy_stations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deputy_stations_station_id'))
        batch_op.drop_index(batch_op.f('ix_deputy_stations_change_seq'))

    op.drop_table('deputy_stations')
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activities_station_id'))
        batch_op.drop_index(batch_op.f('ix_activities_kind_id'))
        batch_op.drop_index('ix_activities_day')
        batch_op.drop_index(batch_op.f('ix_activities_change_seq'))

    op.drop_table('activities')
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stations_township_id'))
        batch_op.drop_index(batch_op.f('ix_stations_change_seq'))

    op.drop_table('stations')
    with op.batch_alter_table('departments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_departments_change_seq'))

    op.drop_table('departments')
    with op.batch_alter_table('townships', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_townships_change_seq'))

    op.drop_table('townships')
    with op.batch_alter_table('feedback_categories', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feedback_categories_change_seq'))

    op.drop_table('feedback_categories')
    with op.batch_alter_table('deputies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deputies_change_seq'))

    op.drop_table('deputies')
    op.drop_table('change_counter')
    op.drop_table('app_settings')
    with op.batch_alter_table('activity_kinds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_kinds_change_seq'))

    op.drop_table('activity_kinds')
