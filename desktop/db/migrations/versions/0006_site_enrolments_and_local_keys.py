"""site enrolments and local keys

Local bookkeeping for enrollment (issue 6): at the county, the stations and township centres it
enrolled with their public keys; at every site, the keys this database holds (its own private
halves only here, never in a bundle) and, at a station, the county office's public keys.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 10:59:10.562604
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('local_keys',
    sa.Column('site_id', sa.Uuid(), nullable=False),
    sa.Column('sign_public', sa.LargeBinary(), nullable=False),
    sa.Column('box_public', sa.LargeBinary(), nullable=False),
    sa.Column('sign_private', sa.LargeBinary(), nullable=True),
    sa.Column('box_private', sa.LargeBinary(), nullable=True),
    sa.Column('key_generation', sa.Integer(), nullable=False),
    sa.Column('stored_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('site_id', name=op.f('pk_local_keys'))
    )
    op.create_table('site_enrolments',
    sa.Column('site_id', sa.Uuid(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('township_name', sa.String(length=100), nullable=False),
    sa.Column('station_id', sa.Uuid(), nullable=True),
    sa.Column('township_id', sa.Uuid(), nullable=True),
    sa.Column('sign_public', sa.LargeBinary(), nullable=False),
    sa.Column('box_public', sa.LargeBinary(), nullable=False),
    sa.Column('key_generation', sa.Integer(), nullable=False),
    sa.Column('revoked', sa.Boolean(), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_site_enrolments_station_id_stations')),
    sa.ForeignKeyConstraint(['township_id'], ['townships.id'], name=op.f('fk_site_enrolments_township_id_townships')),
    sa.PrimaryKeyConstraint('site_id', name=op.f('pk_site_enrolments')),
    sa.UniqueConstraint('code', name=op.f('uq_site_enrolments_code'))
    )


def downgrade() -> None:
    op.drop_table('site_enrolments')
    op.drop_table('local_keys')
