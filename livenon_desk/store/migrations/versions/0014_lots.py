"""liquidation lots and their units (issue 17)

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('lots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=24), nullable=False),
    sa.Column('state', sa.Enum('open', 'closed', name='lotstate', native_enum=False, length=16), nullable=False),
    sa.Column('weight_g', sa.Integer(), nullable=True),
    sa.Column('opened_by', sa.String(length=64), nullable=False),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('closed_by', sa.String(length=64), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_version', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lots')),
    sa.UniqueConstraint('code', name=op.f('uq_lots_code')),
    sa.UniqueConstraint('uuid', name=op.f('uq_lots_uuid'))
    )
    with op.batch_alter_table('lots', schema=None) as batch_op:
        batch_op.create_index('ix_lots_state_opened', ['state', 'opened_at'], unique=False)

    op.create_table('lot_units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('recovery_cents', sa.Integer(), nullable=False),
    sa.Column('added_by', sa.String(length=64), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['lot_id'], ['lots.id'], name=op.f('fk_lot_units_lot_id_lots'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_lot_units_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lot_units')),
    sa.UniqueConstraint('unit_id', name=op.f('uq_lot_units_unit_id'))
    )
    with op.batch_alter_table('lot_units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lot_units_lot_id'), ['lot_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('lot_units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lot_units_lot_id'))

    op.drop_table('lot_units')
    with op.batch_alter_table('lots', schema=None) as batch_op:
        batch_op.drop_index('ix_lots_state_opened')

    op.drop_table('lots')
