"""receiving details, short closes, unexpected parcels, work-queue indexes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('return_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('invoice_enclosed', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('return_form_enclosed', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('received_by', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('receipt_notes', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('short_closed_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('short_closed_by', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('short_closed_at', sa.DateTime(), nullable=True))
        batch_op.create_index('ix_return_requests_status_received', ['status', 'received_at'], unique=False)
        batch_op.create_index('ix_return_requests_status_rma', ['status', 'rma_number'], unique=False)
        batch_op.create_index('ix_return_requests_reason_code', ['reason_code'], unique=False)
        batch_op.create_index('ix_return_requests_carrier', ['carrier'], unique=False)

    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customers_name'), ['name'], unique=False)

    with op.batch_alter_table('inspections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inspections_finished_at'), ['finished_at'], unique=False)

    op.create_table('unexpected_parcels',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scanned_code', sa.String(length=64), nullable=True),
    sa.Column('carrier', sa.String(length=40), nullable=True),
    sa.Column('tracking_number', sa.String(length=64), nullable=True),
    sa.Column('parcel_condition', sa.Enum('intact', 'damaged_outer_box', 'opened', name='parcelcondition', native_enum=False, length=32), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('received_by', sa.String(length=64), nullable=False),
    sa.Column('sender', sa.String(length=200), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('matched_return_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['matched_return_id'], ['return_requests.id'], name=op.f('fk_unexpected_parcels_matched_return_id_return_requests'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unexpected_parcels'))
    )
    with op.batch_alter_table('unexpected_parcels', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unexpected_parcels_scanned_code'), ['scanned_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_unexpected_parcels_tracking_number'), ['tracking_number'], unique=False)


def downgrade() -> None:
    op.drop_table('unexpected_parcels')
    with op.batch_alter_table('inspections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inspections_finished_at'))
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customers_name'))
    with op.batch_alter_table('return_requests', schema=None) as batch_op:
        batch_op.drop_index('ix_return_requests_carrier')
        batch_op.drop_index('ix_return_requests_reason_code')
        batch_op.drop_index('ix_return_requests_status_rma')
        batch_op.drop_index('ix_return_requests_status_received')
        for column in ('short_closed_at', 'short_closed_by', 'short_closed_reason',
                       'receipt_notes', 'received_by', 'return_form_enclosed',
                       'invoice_enclosed'):
            batch_op.drop_column(column)
