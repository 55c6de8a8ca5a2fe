"""return_requests: the parcel's weight at receipt, from the station's scale or typed (grams)

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0016'
down_revision: str | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Added and dropped in place: a batch copy of return_requests would trip the triggers other
# tables keep on it (the inspection tallies').
def upgrade() -> None:
    op.add_column('return_requests',
                  sa.Column('receipt_weight_grams', sa.Integer(), nullable=True))


def downgrade() -> None:
    op.execute('ALTER TABLE return_requests DROP COLUMN receipt_weight_grams')
