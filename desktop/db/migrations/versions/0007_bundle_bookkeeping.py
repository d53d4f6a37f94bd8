"""bundle bookkeeping

Local bookkeeping for bundles (issue 6): the bundles this site sent (with their bytes, to write
a lost copy again), the receipts of those it imported, the ones set aside as forks or broken
chains, the records in conflict, and the records waiting for one they point to.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28 11:27:14.573578
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('bundles_quarantined',
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('bundle_id', sa.Uuid(), nullable=False),
    sa.Column('sender_id', sa.Uuid(), nullable=False),
    sa.Column('epoch', sa.Uuid(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=24), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('quarantined_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('file_sha256', name=op.f('pk_bundles_quarantined'))
    )
    with op.batch_alter_table('bundles_quarantined', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bundles_quarantined_sender_id'), ['sender_id'], unique=False)

    op.create_table('bundles_received',
    sa.Column('bundle_id', sa.Uuid(), nullable=False),
    sa.Column('sender_id', sa.Uuid(), nullable=False),
    sa.Column('epoch', sa.Uuid(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('previous', sa.String(length=64), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('counts', sa.Text(), nullable=False),
    sa.Column('reference_version', sa.BigInteger(), nullable=False),
    sa.Column('written_at', sa.String(length=40), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('bundle_id', name=op.f('pk_bundles_received')),
    sa.UniqueConstraint('file_sha256', name=op.f('uq_bundles_received_file_sha256')),
    sa.UniqueConstraint('sender_id', 'epoch', 'seq', name=op.f('uq_bundles_received_sender_id'))
    )
    with op.batch_alter_table('bundles_received', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bundles_received_sender_id'), ['sender_id'], unique=False)

    op.create_table('bundles_sent',
    sa.Column('bundle_id', sa.Uuid(), nullable=False),
    sa.Column('recipient_id', sa.Uuid(), nullable=False),
    sa.Column('epoch', sa.Uuid(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('after_seq', sa.BigInteger(), nullable=False),
    sa.Column('through_seq', sa.BigInteger(), nullable=False),
    sa.Column('acks_sent', sa.Integer(), nullable=False),
    sa.Column('counts', sa.Text(), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('written_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('acknowledged', sa.Boolean(), nullable=False),
    sa.Column('copies', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('bundle_id', name=op.f('pk_bundles_sent')),
    sa.UniqueConstraint('recipient_id', 'epoch', 'seq', name=op.f('uq_bundles_sent_recipient_id'))
    )
    with op.batch_alter_table('bundles_sent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bundles_sent_recipient_id'), ['recipient_id'], unique=False)

    op.create_table('sync_conflicts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('remote_version', sa.Integer(), nullable=False),
    sa.Column('remote_row', sa.Text(), nullable=False),
    sa.Column('sender_id', sa.Uuid(), nullable=False),
    sa.Column('found_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved', sa.Boolean(), nullable=False),
    sa.Column('resolution', sa.String(length=12), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflicts'))
    )
    with op.batch_alter_table('sync_conflicts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_conflicts_record_id'), ['record_id'], unique=False)

    op.create_table('sync_waiting',
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('remote_row', sa.Text(), nullable=False),
    sa.Column('sender_id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('table_name', 'record_id', name=op.f('pk_sync_waiting'))
    )


def downgrade() -> None:
    op.drop_table('sync_waiting')
    with op.batch_alter_table('sync_conflicts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_conflicts_record_id'))

    op.drop_table('sync_conflicts')
    with op.batch_alter_table('bundles_sent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bundles_sent_recipient_id'))

    op.drop_table('bundles_sent')
    with op.batch_alter_table('bundles_received', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bundles_received_sender_id'))

    op.drop_table('bundles_received')
    with op.batch_alter_table('bundles_quarantined', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bundles_quarantined_sender_id'))

    op.drop_table('bundles_quarantined')
