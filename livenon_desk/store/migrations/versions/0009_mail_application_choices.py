"""incoming_mails: a person's reason code and order line for an email application (P1)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('incoming_mails', schema=None) as batch_op:
        batch_op.add_column(sa.Column('chosen_reason_code', sa.Enum('defective', 'damaged_in_transit', 'wrong_item', 'not_as_described', 'size_mismatch', 'changed_mind', 'style_colour', 'found_cheaper', name='reasoncode', native_enum=False, create_constraint=False, length=32), nullable=True))
        batch_op.add_column(sa.Column('chosen_line_no', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('incoming_mails', schema=None) as batch_op:
        batch_op.drop_column('chosen_line_no')
        batch_op.drop_column('chosen_reason_code')
