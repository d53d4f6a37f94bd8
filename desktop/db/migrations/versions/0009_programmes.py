"""programmes

The county's programmes through its deputies (desktop/db/programmes.py): voted livelihood
projects with their votes, milestones and supervising deputies; special-fund projects; the
supervision visits; draft laws, the legislative contact network and the comments gathered;
training batches and attendance; legal-service officers, their stations and events; deputies'
stories and media reports. Sixteen new travelling tables and their indexes, plain Alembic
operations, the same on SQLite and PostgreSQL.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28 16:58:58.345559
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('law_drafts',
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('issuing_body', sa.String(length=200), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_law_drafts'))
    )
    with op.batch_alter_table('law_drafts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_law_drafts_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_law_drafts_received_on'), ['received_on'], unique=False)

    op.create_table('legal_officers',
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('body', sa.String(length=16), nullable=False),
    sa.Column('unit', sa.String(length=200), nullable=False),
    sa.Column('post', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_legal_officers'))
    )
    with op.batch_alter_table('legal_officers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_legal_officers_change_seq'), ['change_seq'], unique=False)

    op.create_table('livelihood_projects',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('proposer', sa.String(length=200), nullable=False),
    sa.Column('department', sa.String(length=200), nullable=False),
    sa.Column('budget_fen', sa.BigInteger(), nullable=False),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('first_year', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_livelihood_projects'))
    )
    with op.batch_alter_table('livelihood_projects', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_livelihood_projects_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_livelihood_projects_year'), ['year'], unique=False)

    op.create_table('project_milestones',
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('percent', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['livelihood_projects.id'], name=op.f('fk_project_milestones_project_id_livelihood_projects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_milestones'))
    )
    with op.batch_alter_table('project_milestones', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_milestones_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_milestones_project_id'), ['project_id'], unique=False)

    op.create_table('project_supervisors',
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('deputy_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputies.id'], name=op.f('fk_project_supervisors_deputy_id_deputies')),
    sa.ForeignKeyConstraint(['project_id'], ['livelihood_projects.id'], name=op.f('fk_project_supervisors_project_id_livelihood_projects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_supervisors')),
    sa.UniqueConstraint('project_id', 'deputy_id', name=op.f('uq_project_supervisors_project_id'))
    )
    with op.batch_alter_table('project_supervisors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_supervisors_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_supervisors_deputy_id'), ['deputy_id'], unique=False)

    op.create_table('project_votes',
    sa.Column('project_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('present', sa.Integer(), nullable=False),
    sa.Column('issued', sa.Integer(), nullable=False),
    sa.Column('valid', sa.Integer(), nullable=False),
    sa.Column('invalid', sa.Integer(), nullable=False),
    sa.Column('first', sa.Integer(), nullable=False),
    sa.Column('second', sa.Integer(), nullable=False),
    sa.Column('third', sa.Integer(), nullable=False),
    sa.Column('abstain', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['livelihood_projects.id'], name=op.f('fk_project_votes_project_id_livelihood_projects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_votes'))
    )
    with op.batch_alter_table('project_votes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_votes_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_votes_project_id'), ['project_id'], unique=False)

    op.create_table('deputy_stories',
    sa.Column('deputy_id', sa.Uuid(), nullable=True),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('outlet', sa.String(length=200), nullable=False),
    sa.Column('published_on', sa.Date(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputies.id'], name=op.f('fk_deputy_stories_deputy_id_deputies')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_deputy_stories_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deputy_stories'))
    )
    with op.batch_alter_table('deputy_stories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deputy_stories_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_deputy_stories_deputy_id'), ['deputy_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deputy_stories_published_on'), ['published_on'], unique=False)

    op.create_table('legal_events',
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('officer_id', sa.Uuid(), nullable=True),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('topic', sa.String(length=200), nullable=False),
    sa.Column('people', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['officer_id'], ['legal_officers.id'], name=op.f('fk_legal_events_officer_id_legal_officers')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_legal_events_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_legal_events'))
    )
    with op.batch_alter_table('legal_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_legal_events_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_legal_events_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_legal_events_station_id'), ['station_id'], unique=False)

    op.create_table('legal_officer_stations',
    sa.Column('officer_id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['officer_id'], ['legal_officers.id'], name=op.f('fk_legal_officer_stations_officer_id_legal_officers')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_legal_officer_stations_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_legal_officer_stations')),
    sa.UniqueConstraint('officer_id', 'station_id', name=op.f('uq_legal_officer_stations_officer_id'))
    )
    with op.batch_alter_table('legal_officer_stations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_legal_officer_stations_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_legal_officer_stations_station_id'), ['station_id'], unique=False)

    op.create_table('legislative_contacts',
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_legislative_contacts_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_legislative_contacts'))
    )
    with op.batch_alter_table('legislative_contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_legislative_contacts_change_seq'), ['change_seq'], unique=False)

    op.create_table('training_batches',
    sa.Column('level', sa.String(length=12), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('topic', sa.String(length=200), nullable=False),
    sa.Column('hours', sa.Integer(), nullable=False),
    sa.Column('organizer', sa.String(length=200), nullable=False),
    sa.Column('location', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_training_batches_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_batches'))
    )
    with op.batch_alter_table('training_batches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_batches_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index('ix_training_batches_day', ['day', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_batches_station_id'), ['station_id'], unique=False)

    op.create_table('draft_comments',
    sa.Column('draft_id', sa.Uuid(), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('contact_id', sa.Uuid(), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('article', sa.String(length=100), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('commenter', sa.String(length=100), nullable=False),
    sa.Column('reported', sa.Boolean(), nullable=False),
    sa.Column('adopted', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['legislative_contacts.id'], name=op.f('fk_draft_comments_contact_id_legislative_contacts')),
    sa.ForeignKeyConstraint(['draft_id'], ['law_drafts.id'], name=op.f('fk_draft_comments_draft_id_law_drafts')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_draft_comments_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_draft_comments'))
    )
    with op.batch_alter_table('draft_comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draft_comments_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_draft_comments_draft_id'), ['draft_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_draft_comments_station_id'), ['station_id'], unique=False)

    op.create_table('training_attendance',
    sa.Column('batch_id', sa.Uuid(), nullable=False),
    sa.Column('deputy_id', sa.Uuid(), nullable=False),
    sa.Column('attendance', sa.String(length=12), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['training_batches.id'], name=op.f('fk_training_attendance_batch_id_training_batches')),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputies.id'], name=op.f('fk_training_attendance_deputy_id_deputies')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_attendance')),
    sa.UniqueConstraint('batch_id', 'deputy_id', name=op.f('uq_training_attendance_batch_id'))
    )
    with op.batch_alter_table('training_attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_attendance_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_attendance_deputy_id'), ['deputy_id'], unique=False)

    op.create_table('fund_projects',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('case_id', sa.Uuid(), nullable=True),
    sa.Column('suggestion_id', sa.Uuid(), nullable=True),
    sa.Column('department', sa.String(length=200), nullable=False),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('requested_fen', sa.BigInteger(), nullable=False),
    sa.Column('approved_fen', sa.BigInteger(), nullable=False),
    sa.Column('spent_fen', sa.BigInteger(), nullable=False),
    sa.Column('applied_on', sa.Date(), nullable=True),
    sa.Column('verified_on', sa.Date(), nullable=True),
    sa.Column('accepted_on', sa.Date(), nullable=True),
    sa.Column('satisfaction', sa.String(length=24), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['feedback_cases.id'], name=op.f('fk_fund_projects_case_id_feedback_cases')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_fund_projects_station_id_stations')),
    sa.ForeignKeyConstraint(['suggestion_id'], ['activities.id'], name=op.f('fk_fund_projects_suggestion_id_activities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fund_projects'))
    )
    with op.batch_alter_table('fund_projects', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fund_projects_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_fund_projects_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_fund_projects_station_id'), ['station_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_fund_projects_year'), ['year'], unique=False)

    op.create_table('supervisions',
    sa.Column('project_id', sa.Uuid(), nullable=True),
    sa.Column('fund_project_id', sa.Uuid(), nullable=True),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['fund_project_id'], ['fund_projects.id'], name=op.f('fk_supervisions_fund_project_id_fund_projects')),
    sa.ForeignKeyConstraint(['project_id'], ['livelihood_projects.id'], name=op.f('fk_supervisions_project_id_livelihood_projects')),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_supervisions_station_id_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervisions'))
    )
    with op.batch_alter_table('supervisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supervisions_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_supervisions_fund_project_id'), ['fund_project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_supervisions_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_supervisions_station_id'), ['station_id'], unique=False)

    op.create_table('supervision_deputies',
    sa.Column('supervision_id', sa.Uuid(), nullable=False),
    sa.Column('deputy_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_site_id', sa.Uuid(), nullable=False),
    sa.Column('owner_site_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['deputy_id'], ['deputies.id'], name=op.f('fk_supervision_deputies_deputy_id_deputies')),
    sa.ForeignKeyConstraint(['supervision_id'], ['supervisions.id'], name=op.f('fk_supervision_deputies_supervision_id_supervisions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_deputies')),
    sa.UniqueConstraint('supervision_id', 'deputy_id', name=op.f('uq_supervision_deputies_supervision_id'))
    )
    with op.batch_alter_table('supervision_deputies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supervision_deputies_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_supervision_deputies_deputy_id'), ['deputy_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('supervision_deputies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supervision_deputies_deputy_id'))
        batch_op.drop_index(batch_op.f('ix_supervision_deputies_change_seq'))

    op.drop_table('supervision_deputies')
    with op.batch_alter_table('supervisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supervisions_station_id'))
        batch_op.drop_index(batch_op.f('ix_supervisions_project_id'))
        batch_op.drop_index(batch_op.f('ix_supervisions_fund_project_id'))
        batch_op.drop_index(batch_op.f('ix_supervisions_change_seq'))

    op.drop_table('supervisions')
    with op.batch_alter_table('fund_projects', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fund_projects_year'))
        batch_op.drop_index(batch_op.f('ix_fund_projects_station_id'))
        batch_op.drop_index(batch_op.f('ix_fund_projects_change_seq'))
        batch_op.drop_index(batch_op.f('ix_fund_projects_case_id'))

    op.drop_table('fund_projects')
    with op.batch_alter_table('training_attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_attendance_deputy_id'))
        batch_op.drop_index(batch_op.f('ix_training_attendance_change_seq'))

    op.drop_table('training_attendance')
    with op.batch_alter_table('draft_comments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draft_comments_station_id'))
        batch_op.drop_index(batch_op.f('ix_draft_comments_draft_id'))
        batch_op.drop_index(batch_op.f('ix_draft_comments_change_seq'))

    op.drop_table('draft_comments')
    with op.batch_alter_table('training_batches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_batches_station_id'))
        batch_op.drop_index('ix_training_batches_day')
        batch_op.drop_index(batch_op.f('ix_training_batches_change_seq'))

    op.drop_table('training_batches')
    with op.batch_alter_table('legislative_contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_legislative_contacts_change_seq'))

    op.drop_table('legislative_contacts')
    with op.batch_alter_table('legal_officer_stations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_legal_officer_stations_station_id'))
        batch_op.drop_index(batch_op.f('ix_legal_officer_stations_change_seq'))

    op.drop_table('legal_officer_stations')
    with op.batch_alter_table('legal_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_legal_events_station_id'))
        batch_op.drop_index(batch_op.f('ix_legal_events_day'))
        batch_op.drop_index(batch_op.f('ix_legal_events_change_seq'))

    op.drop_table('legal_events')
    with op.batch_alter_table('deputy_stories', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deputy_stories_published_on'))
        batch_op.drop_index(batch_op.f('ix_deputy_stories_deputy_id'))
        batch_op.drop_index(batch_op.f('ix_deputy_stories_change_seq'))

    op.drop_table('deputy_stories')
    with op.batch_alter_table('project_votes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_votes_project_id'))
        batch_op.drop_index(batch_op.f('ix_project_votes_change_seq'))

    op.drop_table('project_votes')
    with op.batch_alter_table('project_supervisors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_supervisors_deputy_id'))
        batch_op.drop_index(batch_op.f('ix_project_supervisors_change_seq'))

    op.drop_table('project_supervisors')
    with op.batch_alter_table('project_milestones', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_milestones_project_id'))
        batch_op.drop_index(batch_op.f('ix_project_milestones_change_seq'))

    op.drop_table('project_milestones')
    with op.batch_alter_table('livelihood_projects', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_livelihood_projects_year'))
        batch_op.drop_index(batch_op.f('ix_livelihood_projects_change_seq'))

    op.drop_table('livelihood_projects')
    with op.batch_alter_table('legal_officers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_legal_officers_change_seq'))

    op.drop_table('legal_officers')
    with op.batch_alter_table('law_drafts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_law_drafts_received_on'))
        batch_op.drop_index(batch_op.f('ix_law_drafts_change_seq'))

    op.drop_table('law_drafts')
