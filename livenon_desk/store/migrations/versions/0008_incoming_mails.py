"""incoming_mails: email applications kept byte for byte, and their photos (P1, T4)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('incoming_mails',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('message_key', sa.String(length=600), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('raw', sa.LargeBinary(), nullable=True),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('sender', sa.String(length=320), nullable=True),
    sa.Column('sender_name', sa.String(length=200), nullable=True),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('body_text', sa.Text(), nullable=True),
    sa.Column('order_number', sa.String(length=32), nullable=True),
    sa.Column('product_name', sa.Text(), nullable=True),
    sa.Column('reason_text', sa.Text(), nullable=True),
    sa.Column('contact', sa.Text(), nullable=True),
    sa.Column('state', sa.Enum('new', 'needs_person', 'answered', name='mailstate', native_enum=False, create_constraint=False, length=32), nullable=False),
    sa.Column('unreadable_reason', sa.String(length=64), nullable=True),
    sa.Column('purged_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incoming_mails')),
    sa.UniqueConstraint('message_key', name=op.f('uq_incoming_mails_message_key'))
    )
    with op.batch_alter_table('incoming_mails', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incoming_mails_order_number'), ['order_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_incoming_mails_received_at'), ['received_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_incoming_mails_sender'), ['sender'], unique=False)
        batch_op.create_index(batch_op.f('ix_incoming_mails_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_incoming_mails_state'), ['state'], unique=False)

    op.create_table('incoming_mail_photos',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mail_id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('media_type', sa.String(length=40), nullable=False),
    sa.Column('original_name', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['mail_id'], ['incoming_mails.id'], name=op.f('fk_incoming_mail_photos_mail_id_incoming_mails'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incoming_mail_photos'))
    )
    with op.batch_alter_table('incoming_mail_photos', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incoming_mail_photos_file_name'), ['file_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_incoming_mail_photos_mail_id'), ['mail_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('incoming_mail_photos', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incoming_mail_photos_mail_id'))
        batch_op.drop_index(batch_op.f('ix_incoming_mail_photos_file_name'))
    op.drop_table('incoming_mail_photos')
    with op.batch_alter_table('incoming_mails', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incoming_mails_state'))
        batch_op.drop_index(batch_op.f('ix_incoming_mails_sha256'))
        batch_op.drop_index(batch_op.f('ix_incoming_mails_sender'))
        batch_op.drop_index(batch_op.f('ix_incoming_mails_received_at'))
        batch_op.drop_index(batch_op.f('ix_incoming_mails_order_number'))
    op.drop_table('incoming_mails')
