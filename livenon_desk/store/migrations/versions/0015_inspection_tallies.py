"""inspection_tallies: finished inspections counted by quarter hour and reason, kept by
triggers, so that the work queue's week sums a few hundred rows, not a million

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from livenon_desk.store.inspection_tallies import RECOUNT, TRIGGER_PREFIX, passed_of, quarter_of

revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_ADD = ("ON CONFLICT (quarter, reason_code) DO UPDATE SET "
        "inspected = inspected + excluded.inspected, passed = passed + excluded.passed;")


def _one(row: str, sign: str) -> str:
    """Count one inspection (``NEW``) in, or (``OLD``) out, under its return's reason."""
    return (
        "INSERT INTO inspection_tallies (quarter, reason_code, inspected, passed) "
        f"SELECT {quarter_of(row + '.finished_at')}, r.reason_code, {sign}1, "
        f"{sign}{passed_of(row)} "
        "FROM return_lines AS l JOIN return_requests AS r ON r.id = l.return_id "
        f"WHERE l.id = {row}.return_line_id AND {row}.finished_at IS NOT NULL " + _ADD)


def _all_of(where: str, reason: str, sign: str) -> str:
    """Count every finished inspection of the lines ``where`` selects in or out."""
    return (
        "INSERT INTO inspection_tallies (quarter, reason_code, inspected, passed) "
        f"SELECT {quarter_of('i.finished_at')}, {reason}, {sign}count(*), "
        f"{sign}sum({passed_of('i')}) "
        "FROM inspections AS i JOIN return_lines AS l ON l.id = i.return_line_id "
        "JOIN return_requests AS r ON r.id = l.return_id "
        f"WHERE {where} AND i.finished_at IS NOT NULL GROUP BY 1 " + _ADD)


_REASON_OF_OLD_RETURN = "(SELECT reason_code FROM return_requests WHERE id = OLD.return_id)"

# A parent's row is gone by the time its children's delete triggers run (foreign-key
# cascades), so a return or line takes its inspections out before it is deleted, and an
# inspection's own trigger then finds nothing to take out twice.
TRIGGERS = {f"{TRIGGER_PREFIX}{name}": body for name, body in {
    "insert":
        f"AFTER INSERT ON inspections BEGIN {_one('NEW', '')} END",
    "update":
        "AFTER UPDATE OF finished_at, decision, override_decision, return_line_id "
        f"ON inspections BEGIN {_one('OLD', '-')} {_one('NEW', '')} END",
    "delete":
        f"AFTER DELETE ON inspections BEGIN {_one('OLD', '-')} END",
    "reason":
        "AFTER UPDATE OF reason_code ON return_requests "
        "WHEN OLD.reason_code IS NOT NEW.reason_code BEGIN "
        f"{_all_of('l.return_id = NEW.id', 'OLD.reason_code', '-')} "
        f"{_all_of('l.return_id = NEW.id', 'NEW.reason_code', '')} END",
    "return_deleted":
        "BEFORE DELETE ON return_requests BEGIN "
        f"{_all_of('l.return_id = OLD.id', 'OLD.reason_code', '-')} END",
    "line_moved":
        "AFTER UPDATE OF return_id ON return_lines BEGIN "
        f"{_all_of('l.id = NEW.id', _REASON_OF_OLD_RETURN, '-')} "
        f"{_all_of('l.id = NEW.id', 'r.reason_code', '')} END",
    "line_deleted":
        "BEFORE DELETE ON return_lines BEGIN "
        f"{_all_of('l.id = OLD.id', 'r.reason_code', '-')} END",
}.items()}


def upgrade() -> None:
    op.create_table(
        'inspection_tallies',
        sa.Column('quarter', sa.DateTime(), nullable=False),
        sa.Column('reason_code', sa.Enum('defective', 'damaged_in_transit', 'wrong_item', 'not_as_described', 'size_mismatch', 'changed_mind', 'style_colour', 'found_cheaper', name='reasoncode', native_enum=False, create_constraint=False, length=32), nullable=False),
        sa.Column('inspected', sa.Integer(), nullable=False),
        sa.Column('passed', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('quarter', 'reason_code', name=op.f('pk_inspection_tallies')),
    )
    # Sent as they are: the statements' ':00' is no bound parameter.
    run = op.get_bind().exec_driver_sql
    # What is there already, counted in one pass; the triggers keep it from now on.
    run(RECOUNT)
    for name, body in TRIGGERS.items():
        run(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.drop_table('inspection_tallies')
