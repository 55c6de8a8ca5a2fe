"""units and their moves, as each station sends them (issue 17)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _missing(name: str) -> bool:
    # A database made by create_all after these tables were added, before migrations.
    return name not in sa.inspect(op.get_bind()).get_table_names()


def upgrade() -> None:
    if _missing('units'):
        op.create_table('units',
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('seq', sa.BigInteger(), nullable=False),
        sa.Column('deleted', sa.Boolean(), nullable=False),
        sa.Column('data', sa.JSON(), nullable=True),
        sa.Column('changed_at', sa.String(length=32), nullable=False),
        sa.Column('rma_number', sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_units')),
        sa.UniqueConstraint('seq', name=op.f('uq_units_seq'))
        )
        op.create_index(op.f('ix_units_rma_number'), 'units', ['rma_number'], unique=False)
    if _missing('unit_moves'):
        op.create_table('unit_moves',
        sa.Column('uuid', sa.String(length=36), nullable=False),
        sa.Column('unit_code', sa.String(length=64), nullable=False),
        sa.Column('seq', sa.BigInteger(), nullable=False),
        sa.Column('received_by', sa.String(length=64), nullable=False),
        sa.Column('received_at', sa.String(length=32), nullable=False),
        sa.Column('data', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('uuid', name=op.f('pk_unit_moves')),
        sa.UniqueConstraint('seq', name=op.f('uq_unit_moves_seq'))
        )
        op.create_index(op.f('ix_unit_moves_unit_code'), 'unit_moves', ['unit_code'],
                        unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_unit_moves_unit_code'), table_name='unit_moves')
    op.drop_table('unit_moves')
    op.drop_index(op.f('ix_units_rma_number'), table_name='units')
    op.drop_table('units')
