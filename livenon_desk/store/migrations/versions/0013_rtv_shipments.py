"""return-to-vendor shipments and their lines (issue 17)

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('rtv_shipments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=24), nullable=False),
    sa.Column('supplier_id', sa.String(length=32), nullable=False),
    sa.Column('state', sa.Enum('open', 'shipped', name='rtvstate', native_enum=False, length=16), nullable=False),
    sa.Column('opened_by', sa.String(length=64), nullable=False),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('shipped_by', sa.String(length=64), nullable=True),
    sa.Column('shipped_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_version', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rtv_shipments')),
    sa.UniqueConstraint('code', name=op.f('uq_rtv_shipments_code')),
    sa.UniqueConstraint('uuid', name=op.f('uq_rtv_shipments_uuid'))
    )
    with op.batch_alter_table('rtv_shipments', schema=None) as batch_op:
        batch_op.create_index('ix_rtv_shipments_supplier_state', ['supplier_id', 'state'], unique=False)

    op.create_table('rtv_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('shipment_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('defect', sa.Text(), nullable=False),
    sa.Column('claim_cents', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('added_by', sa.String(length=64), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['shipment_id'], ['rtv_shipments.id'], name=op.f('fk_rtv_lines_shipment_id_rtv_shipments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_rtv_lines_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rtv_lines')),
    sa.UniqueConstraint('unit_id', name=op.f('uq_rtv_lines_unit_id'))
    )
    with op.batch_alter_table('rtv_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rtv_lines_shipment_id'), ['shipment_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('rtv_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rtv_lines_shipment_id'))

    op.drop_table('rtv_lines')
    with op.batch_alter_table('rtv_shipments', schema=None) as batch_op:
        batch_op.drop_index('ix_rtv_shipments_supplier_state')

    op.drop_table('rtv_shipments')
