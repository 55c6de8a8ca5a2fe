"""mail_answers: the answers desks sent to email applications (P2, T4)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('mail_answers',
    sa.Column('application_sha256', sa.String(length=64), nullable=False),
    sa.Column('rma_number', sa.String(length=32), nullable=True),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('received_by', sa.String(length=64), nullable=False),
    sa.Column('received_at', sa.String(length=32), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('application_sha256', name=op.f('pk_mail_answers')),
    sa.UniqueConstraint('seq', name=op.f('uq_mail_answers_seq'))
    )
    op.create_index(op.f('ix_mail_answers_rma_number'), 'mail_answers', ['rma_number'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_mail_answers_rma_number'), table_name='mail_answers')
    op.drop_table('mail_answers')
