"""returns: the parcel's weight at receipt, as its desk weighed it (grams)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    columns = {c['name'] for c in sa.inspect(op.get_bind()).get_columns('returns')}
    # A database made by create_all after this column was added, before migrations.
    if 'receipt_weight_grams' not in columns:
        op.add_column('returns', sa.Column('receipt_weight_grams', sa.Integer(),
                                           nullable=True))


def downgrade() -> None:
    op.drop_column('returns', 'receipt_weight_grams')
