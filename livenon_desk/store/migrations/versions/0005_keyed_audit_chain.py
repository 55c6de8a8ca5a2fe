"""the desk's own id, for its keyed and anchored audit chain

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30

Events written before this revision keep their plain SHA-256 links and still verify; the
first event written after it starts the keyed part of the chain (HMAC-SHA256 with the
desk's key), and ``audit_keyed_from`` (kept with the key as well) says where that is.
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table('desk_identity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('desk_id', sa.String(length=36), nullable=False),
    sa.Column('audit_keyed_from', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_desk_identity')),
    sa.UniqueConstraint('desk_id', name=op.f('uq_desk_identity_desk_id'))
    )
    op.bulk_insert(table, [{'id': 1, 'desk_id': str(uuid.uuid4()), 'audit_keyed_from': None}])


def downgrade() -> None:
    op.drop_table('desk_identity')
