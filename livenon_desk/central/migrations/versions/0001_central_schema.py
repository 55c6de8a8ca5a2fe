"""the central schema as create_all made it before migrations: entities, the seq counter,
audit events, refund decisions, photos, users, tokens, idempotency

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('audit_events',
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('received_by', sa.String(length=64), nullable=False),
    sa.Column('received_at', sa.String(length=32), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('uuid', name=op.f('pk_audit_events')),
    sa.UniqueConstraint('seq', name=op.f('uq_audit_events_seq'))
    )
    op.create_table('counters',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_counters'))
    )
    op.create_table('customers',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=True),
    sa.Column('changed_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_customers')),
    sa.UniqueConstraint('seq', name=op.f('uq_customers_seq'))
    )
    op.create_table('idempotency',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('claimed_at', sa.Integer(), nullable=False),
    sa.Column('status', sa.Integer(), nullable=True),
    sa.Column('response', sa.JSON(), nullable=True),
    sa.Column('etag', sa.String(length=40), nullable=True),
    sa.PrimaryKeyConstraint('username', 'key', name=op.f('pk_idempotency'))
    )
    op.create_table('inspections',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=True),
    sa.Column('changed_at', sa.String(length=32), nullable=False),
    sa.Column('rma_number', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_inspections')),
    sa.UniqueConstraint('seq', name=op.f('uq_inspections_seq'))
    )
    op.create_index(op.f('ix_inspections_rma_number'), 'inspections', ['rma_number'], unique=False)
    op.create_table('orders',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=True),
    sa.Column('changed_at', sa.String(length=32), nullable=False),
    sa.Column('customer_number', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_orders')),
    sa.UniqueConstraint('seq', name=op.f('uq_orders_seq'))
    )
    op.create_index(op.f('ix_orders_customer_number'), 'orders', ['customer_number'], unique=False)
    op.create_table('photos',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('uploaded_by', sa.String(length=64), nullable=False),
    sa.Column('uploaded_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_photos'))
    )
    op.create_table('refund_decisions',
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('rma_number', sa.String(length=32), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('received_by', sa.String(length=64), nullable=False),
    sa.Column('received_at', sa.String(length=32), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('uuid', name=op.f('pk_refund_decisions')),
    sa.UniqueConstraint('seq', name=op.f('uq_refund_decisions_seq'))
    )
    op.create_index(op.f('ix_refund_decisions_rma_number'), 'refund_decisions', ['rma_number'], unique=False)
    op.create_table('returns',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=True),
    sa.Column('changed_at', sa.String(length=32), nullable=False),
    sa.Column('order_number', sa.String(length=32), nullable=True),
    sa.Column('restricted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_returns')),
    sa.UniqueConstraint('seq', name=op.f('uq_returns_seq'))
    )
    op.create_index(op.f('ix_returns_order_number'), 'returns', ['order_number'], unique=False)
    op.create_table('tokens',
    sa.Column('token_sha256', sa.String(length=64), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('expires_at', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('token_sha256', name=op.f('pk_tokens'))
    )
    op.create_index(op.f('ix_tokens_username'), 'tokens', ['username'], unique=False)
    op.create_table('users',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('username', name=op.f('pk_users'))
    )
    op.bulk_insert(sa.table('counters', sa.column('name', sa.String), sa.column('value', sa.BigInteger)),
                   [{'name': 'seq', 'value': 0}])


def downgrade() -> None:
    op.drop_table('users')
    op.drop_table('tokens')
    op.drop_table('returns')
    op.drop_table('refund_decisions')
    op.drop_table('photos')
    op.drop_table('orders')
    op.drop_table('inspections')
    op.drop_table('idempotency')
    op.drop_table('customers')
    op.drop_table('counters')
    op.drop_table('audit_events')
