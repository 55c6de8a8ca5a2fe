"""desk users, the append-only audit trail, purged returns

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('return_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('purged_at', sa.DateTime(), nullable=True))
    op.create_table('desk_users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.Enum('inspector', 'supervisor', 'admin', name='role', native_enum=False, length=32), nullable=False),
    sa.Column('verifier', sa.String(length=200), nullable=False),
    sa.Column('confirmed_online_at', sa.DateTime(), nullable=True),
    sa.Column('local_only', sa.Boolean(), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_desk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_desk_users_username'))
    )
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('entity_kind', sa.String(length=32), nullable=True),
    sa.Column('entity_key', sa.String(length=64), nullable=True),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events')),
    sa.UniqueConstraint('hash', name=op.f('uq_audit_events_hash'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index('ix_audit_events_actor', ['actor'], unique=False)
        batch_op.create_index('ix_audit_events_at', ['at'], unique=False)
        batch_op.create_index('ix_audit_events_entity', ['entity_kind', 'entity_key'], unique=False)
    # Append-only: the desk never changes or deletes an event; the hash chain shows it if
    # someone does so behind its back.
    op.execute("CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
               "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END")
    op.execute("CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
               "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END")


def downgrade() -> None:
    op.execute("DROP TRIGGER audit_events_no_delete")
    op.execute("DROP TRIGGER audit_events_no_update")
    op.drop_table('audit_events')
    op.drop_table('desk_users')
    with op.batch_alter_table('return_requests', schema=None) as batch_op:
        batch_op.drop_column('purged_at')
