"""sign-in lockouts, audit anchors and rate-limit buckets, shared by every server process

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _missing(name: str) -> bool:
    # A database made by create_all after these tables were added, before migrations.
    return name not in sa.inspect(op.get_bind()).get_table_names()


def upgrade() -> None:
    if _missing('audit_anchors'):
        op.create_table('audit_anchors',
        sa.Column('desk_id', sa.String(length=36), nullable=False),
        sa.Column('event_id', sa.BigInteger(), nullable=False),
        sa.Column('hash', sa.String(length=64), nullable=False),
        sa.Column('events', sa.BigInteger(), nullable=False),
        sa.Column('sent_by', sa.String(length=64), nullable=False),
        sa.Column('updated_at', sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint('desk_id', name=op.f('pk_audit_anchors'))
        )
    if _missing('sign_in_failures'):
        op.create_table('sign_in_failures',
        sa.Column('username', sa.String(length=64), nullable=False),
        sa.Column('failures', sa.Integer(), nullable=False),
        sa.Column('locked_until', sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint('username', name=op.f('pk_sign_in_failures'))
        )
    op.create_table('rate_buckets',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('tokens', sa.Float(), nullable=False),
    sa.Column('at', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_rate_buckets'))
    )


def downgrade() -> None:
    op.drop_table('rate_buckets')
    op.drop_table('audit_anchors')
    op.drop_table('sign_in_failures')
