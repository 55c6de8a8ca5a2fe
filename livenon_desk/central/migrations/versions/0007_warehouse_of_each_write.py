"""warehouse_id: the warehouse whose desk wrote each change (the Warehouse-Id header), on
every entity and every append-only record, the audit events included

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ('customers', 'orders', 'returns', 'inspections', 'units', 'work_orders',
           'rtv_shipments', 'lots', 'audit_events', 'refund_decisions', 'mail_answers',
           'unit_moves')


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    for name in _TABLES:
        # A database made by create_all after this column was added, before migrations.
        if 'warehouse_id' in {c['name'] for c in inspector.get_columns(name)}:
            continue
        op.add_column(name, sa.Column('warehouse_id', sa.String(length=40), nullable=True))


def downgrade() -> None:
    for name in reversed(_TABLES):
        op.drop_column(name, 'warehouse_id')
