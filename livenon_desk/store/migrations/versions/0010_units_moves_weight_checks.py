"""units, their moves and weight checks; an inspection's grade (issue 17)

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('return_line_id', sa.Integer(), nullable=False),
    sa.Column('carton_index', sa.Integer(), nullable=False),
    sa.Column('state', sa.Enum('to_grade', 'to_put_away', 'stored', name='unitstate', native_enum=False, length=24), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('policy_version', sa.String(length=32), nullable=True),
    sa.Column('proposed_grade', sa.String(length=8), nullable=True),
    sa.Column('grade', sa.String(length=8), nullable=True),
    sa.Column('grade_rules', sa.JSON(), nullable=False),
    sa.Column('grade_reason', sa.Text(), nullable=True),
    sa.Column('graded_by', sa.String(length=64), nullable=True),
    sa.Column('graded_at', sa.DateTime(), nullable=True),
    sa.Column('disposition', sa.Enum('restock', 'refurbish', 'liquidate', 'dispose', 'return_to_customer', 'return_to_vendor', 'donate', name='disposition', native_enum=False, length=32), nullable=True),
    sa.Column('zone', sa.String(length=24), nullable=True),
    sa.Column('route_rule', sa.String(length=16), nullable=True),
    sa.Column('override_reason', sa.Text(), nullable=True),
    sa.Column('override_by', sa.String(length=64), nullable=True),
    sa.Column('override_at', sa.DateTime(), nullable=True),
    sa.Column('bin_code', sa.String(length=24), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_version', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['return_line_id'], ['return_lines.id'], name=op.f('fk_units_return_line_id_return_lines'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_units')),
    sa.UniqueConstraint('code', name=op.f('uq_units_code'))
    )
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_units_bin_code'), ['bin_code'], unique=False)
        batch_op.create_index('ix_units_disposition_state', ['disposition', 'state'], unique=False)
        batch_op.create_index(batch_op.f('ix_units_return_line_id'), ['return_line_id'], unique=False)
        batch_op.create_index('ix_units_state_id', ['state', 'id'], unique=False)

    op.create_table('unit_moves',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('from_bin', sa.String(length=24), nullable=True),
    sa.Column('to_bin', sa.String(length=24), nullable=False),
    sa.Column('moved_by', sa.String(length=64), nullable=False),
    sa.Column('moved_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_unit_moves_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_moves')),
    sa.UniqueConstraint('uuid', name=op.f('uq_unit_moves_uuid'))
    )
    with op.batch_alter_table('unit_moves', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_moves_unit_id'), ['unit_id'], unique=False)

    op.create_table('weight_checks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('expected_g', sa.Integer(), nullable=False),
    sa.Column('weighed_g', sa.Integer(), nullable=False),
    sa.Column('flagged', sa.Boolean(), nullable=False),
    sa.Column('policy_version', sa.String(length=32), nullable=False),
    sa.Column('weighed_by', sa.String(length=64), nullable=False),
    sa.Column('weighed_at', sa.DateTime(), nullable=False),
    sa.Column('cleared_by', sa.String(length=64), nullable=True),
    sa.Column('cleared_at', sa.DateTime(), nullable=True),
    sa.Column('cleared_note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_weight_checks_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_weight_checks'))
    )
    with op.batch_alter_table('weight_checks', schema=None) as batch_op:
        batch_op.create_index('ix_weight_checks_open', ['flagged', 'cleared_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_weight_checks_unit_id'), ['unit_id'], unique=False)

    op.add_column('order_lines', sa.Column('piece_weight_g', sa.Integer(), nullable=True))
    op.add_column('inspections', sa.Column('grade', sa.String(length=8), nullable=True))
    op.add_column('inspections', sa.Column('grade_reason', sa.Text(), nullable=True))


def downgrade() -> None:
    # SQLite drops a column in place (3.35+): copying order_lines, as a batch would, trips
    # the foreign keys of the return lines that name it.
    op.execute('ALTER TABLE order_lines DROP COLUMN piece_weight_g')
    op.execute('ALTER TABLE inspections DROP COLUMN grade_reason')
    op.execute('ALTER TABLE inspections DROP COLUMN grade')

    with op.batch_alter_table('weight_checks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_weight_checks_unit_id'))
        batch_op.drop_index('ix_weight_checks_open')

    op.drop_table('weight_checks')
    with op.batch_alter_table('unit_moves', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_moves_unit_id'))

    op.drop_table('unit_moves')
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_index('ix_units_state_id')
        batch_op.drop_index(batch_op.f('ix_units_return_line_id'))
        batch_op.drop_index('ix_units_disposition_state')
        batch_op.drop_index(batch_op.f('ix_units_bin_code'))

    op.drop_table('units')
