"""Units on the floor for the put-away and weight-check tests: a one-carton chair received,
or received and graded (a unit to put away)."""

from __future__ import annotations

from datetime import timedelta

from livenon_desk.domain.enums import Answer, ParcelCondition, ReasonCode
from livenon_desk.services.desk import Desk
from livenon_desk.services.receiving_dto import ReceiptInput
from livenon_desk.store.database import Store
from tests.builders import NOW, Built, LineSpec, add_return, confirmed
from tests.views.conftest import INSPECTOR


def received_chair(store: Store, desk: Desk) -> tuple[Built, int]:
    """A one-carton chair received (a unit to grade), and its line."""
    built = add_return(store, reason=ReasonCode.CHANGED_MIND, lines=[LineSpec(cartons=1)])
    line = desk.returns.detail(built.return_id).lines[0]
    desk.receiving.receive(INSPECTOR, built.return_id, ReceiptInput(
        received_at=NOW - timedelta(minutes=5), carrier="UPS", tracking_number="1Z9",
        parcel_condition=ParcelCondition.INTACT, invoice_enclosed=True,
        return_form_enclosed=True, returned_goods_marked=None,
        cartons={line.return_line_id: 1}, scanned={line.return_line_id: 1}))
    return built, line.return_line_id


def graded_chair(store: Store, desk: Desk) -> Built:
    """A one-carton chair received and inspected all yes: grade A, to restock."""
    built, line_id = received_chair(store, desk)
    sheet = desk.inspections.open_sheet(INSPECTOR, line_id)
    answers = {q.item_id: Answer.YES for q in sheet.questions}
    desk.inspections.finish(INSPECTOR, sheet.inspection_id, confirmed(sheet, answers))
    return built
