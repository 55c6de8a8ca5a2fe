"""work orders, RTV shipments and lots, as each station sends them (issue 17)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ('work_orders', 'rtv_shipments', 'lots')


def upgrade() -> None:
    present = set(sa.inspect(op.get_bind()).get_table_names())
    for name in _TABLES:
        # A database made by create_all after these tables were added, before migrations.
        if name in present:
            continue
        op.create_table(name,
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('seq', sa.BigInteger(), nullable=False),
        sa.Column('deleted', sa.Boolean(), nullable=False),
        sa.Column('data', sa.JSON(), nullable=True),
        sa.Column('changed_at', sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint('key', name=op.f(f'pk_{name}')),
        sa.UniqueConstraint('seq', name=op.f(f'uq_{name}_seq'))
        )


def downgrade() -> None:
    for name in reversed(_TABLES):
        op.drop_table(name)
