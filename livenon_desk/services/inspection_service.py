"""Inspecting a returned line: open or resume, save drafts, attach photos, finish, override."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from livenon_desk.catalogue import Localized, Message
from livenon_desk.domain.eligibility import LineFacts, evaluate_line
from livenon_desk.domain.enums import Answer, Decision, ReturnStatus
from livenon_desk.domain.inspection_completion import completion_problems
from livenon_desk.domain.lifecycle import status_label, transition
from livenon_desk.domain.policy import Policy, PolicySet
from livenon_desk.domain.receiving import CartonCount, missing_summary
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.domain.routing import RouteFacts
from livenon_desk.domain.values import Override, PhotoRef
from livenon_desk.errors import NotFoundError, ValidationError
from livenon_desk.models import Inspection, Order, OrderLine, Photo, ReturnLine, ReturnRequest
from livenon_desk.services import outbox
from livenon_desk.services.audit import AuditAction, record_event
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.services.guards import (
    load_return,
    refuse_if_restricted,
    require_text,
    restriction_reason,
)
from livenon_desk.services.inspection_dto import (
    OVERRIDE_REASON_MIN,
    ChecklistQuestion,
    DraftInput,
    InspectionSheet,
    Preview,
)
from livenon_desk.services.line_explanation import (
    claimed_quantity,
    latest_inspection,
    refund_inputs,
    refund_record,
    refunded_elsewhere,
)
from livenon_desk.services.refund_view import refund_view
from livenon_desk.services.unit_service import add_received_units, grade_units, reroute_line
from livenon_desk.services.value_rows import override_of, photo_of
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles

log = logging.getLogger(__name__)

_INSPECTABLE = frozenset({ReturnStatus.RECEIVED, ReturnStatus.INSPECTING})
_OVERRIDABLE = frozenset({Decision.NOT_ELIGIBLE, Decision.NEEDS_REVIEW})


class InspectionService:
    def __init__(
        self, store: Store, policies: PolicySet, photos: PhotoFiles, clock: Clock = utc_now
    ) -> None:
        self._store = store
        self._policies = policies
        self._photos = photos
        self._clock = clock

    # --- reading --------------------------------------------------------------------------

    def open_sheet(self, actor: Actor, return_line_id: int) -> InspectionSheet:
        """The line's inspection: resumed if a draft exists, begun if none, read-only if done."""
        actor.require(Action.LOOK_UP)
        with self._store.session() as s:
            line = s.get(ReturnLine, return_line_id)
            if line is None:
                raise NotFoundError(
                    "error.return-line-gone",
                    return_line_id=return_line_id,
                )
            ret = load_return(s, line.return_id)
            inspection = latest_inspection(s, line.id)
            if inspection is None:
                actor.require(Action.INSPECT)
                refuse_if_restricted(ret)
                self._check_inspectable(s, ret)
                inspection = self._begin(s, actor, ret, line)
            return self._sheet(s, ret, line, inspection)

    def preview(self, sheet: InspectionSheet, draft: DraftInput, photo_count: int) -> Preview:
        """The decision for these answers, computed without touching the database."""
        policy = self._policies.version(sheet.policy_version)
        facts = LineFacts(
            quantity=sheet.facts.quantity,
            reason_category=sheet.facts.reason_category,
            customized=sheet.facts.customized,
            customization=sheet.facts.customization,
            clearance=sheet.facts.clearance,
            delivered_at=sheet.facts.delivered_at,
            applied_at=sheet.facts.applied_at,
            answers=draft.answers,
            photo_count=photo_count,
        )
        evaluation = evaluate_line(policy, facts)
        eligible = evaluation.decision is Decision.ELIGIBLE or (
            sheet.override is not None and sheet.override.decision is Decision.ELIGIBLE)
        refund = refund_view(policy, sheet.refund_inputs) if eligible else None
        problems = completion_problems(policy, draft.answers, draft.grade, evaluation,
                                       sheet.facts.reason_category, draft.grade_reason)
        grading = policy.floor.grading
        proposal = policy.proposed_grade(draft.answers, sheet.refund_inputs.reason_category)
        route = zone = None
        if draft.grade is not None and grading.grade(draft.grade) is not None:
            decision = (sheet.override.decision if sheet.override is not None
                        else evaluation.decision)
            route = policy.floor.routing.route(RouteFacts(
                draft.grade, sheet.refund_inputs.reason_category, decision,
                sheet.refund_inputs.unit_price, sheet.refund_inputs.currency))
            found = policy.floor.layout.zone(route.zone)
            zone = found.words if found is not None else None
        return Preview(evaluation, refund, tuple(problems), proposal,
                       grading.reasons(proposal), route, zone)

    # --- writing --------------------------------------------------------------------------

    def save_draft(self, actor: Actor, inspection_id: int, draft: DraftInput) -> datetime:
        """Keep what was entered so far; nothing is judged or finished."""
        actor.require(Action.INSPECT)
        with self._store.session() as s:
            inspection, _ret = self._editable(s, inspection_id)
            self._write_draft(s, inspection, draft)
            now = self._clock()
            inspection.updated_at = now
            inspection.version += 1
            log.debug("draft of inspection %s saved", inspection.uuid)
            return now

    def finish(self, actor: Actor, inspection_id: int, draft: DraftInput) -> Preview:
        """Record the decision rule by rule with the policy version; refuse an incomplete one."""
        actor.require(Action.INSPECT)
        with self._store.session() as s:
            inspection, ret = self._editable(s, inspection_id)
            self._write_draft(s, inspection, draft)
            sheet = self._sheet(s, ret, s.get_one(ReturnLine, inspection.return_line_id),
                                inspection)
            result = self.preview(sheet, draft, len(sheet.photos))
            if result.problems:
                raise ValidationError("error.inspection-unfinished",
                                      problems=Localized.join(result.problems, " ", ""))
            now = self._clock()
            evaluation = result.evaluation
            inspection.decision = evaluation.decision
            inspection.rule_results = [r.to_dict() for r in evaluation.rules]
            inspection.policy_version = evaluation.policy_version
            # The route the policy's rules give the confirmed grade (R1...).
            inspection.disposition = result.route.disposition if result.route else None
            inspection.finished_at = now
            inspection.updated_at = now
            inspection.version += 1
            s.flush()
            # The line's units take the grade and that route (a line received before
            # units were kept gets them now).
            line = s.get_one(ReturnLine, inspection.return_line_id)
            add_received_units(s, line, ret.received_at or now, now)
            grade_units(s, self._policies.version(evaluation.policy_version), line,
                        inspection, actor, draft.grade or "", draft.grade_reason, now)
            all_done = self._all_lines_done(s, ret.id)
            if all_done and ret.status is ReturnStatus.INSPECTING:
                ret.status = transition(ret.status, ReturnStatus.INSPECTED)
                ret.version += 1
                ret.updated_at = now
            record_event(s, actor.username, AuditAction.INSPECTED, at=now,
                         entity_kind="inspection", entity_key=inspection.uuid,
                         after={"rma": ret.rma_number, "decision": evaluation.decision.value,
                                "policy": evaluation.policy_version,
                                "rules": list(evaluation.deciding_rule_ids)})
            if all_done:
                self._record_refund(s, actor, ret, now)
            outbox.queue_inspection(s, inspection, now)
            log.info("inspection %s of %s finished: %s", inspection.uuid, ret.rma_number,
                     evaluation.decision.value)
            return result

    def attach_photo(self, actor: Actor, inspection_id: int, source: Path) -> PhotoRef:
        """Copy the photo into the desk's store (once per content) and attach it."""
        actor.require(Action.INSPECT)
        stored = self._photos.add(source)
        with self._store.session() as s:
            inspection, ret = self._editable(s, inspection_id)
            photo = Photo(sha256=stored.sha256, return_id=ret.id, inspection_id=inspection.id,
                          file_name=stored.file_name, media_type=stored.media_type,
                          taken_at=self._clock(), caption=source.name[:200])
            s.add(photo)
            s.flush()
            outbox.queue_attached_photo(s, photo, self._clock())
            return photo_of(photo, self._photos)

    def remove_photo(self, actor: Actor, photo_id: int) -> None:
        """Detach a photo from an unfinished inspection; the file stays while others use it."""
        actor.require(Action.INSPECT)
        with self._store.session() as s:
            photo = s.get(Photo, photo_id)
            if photo is None or photo.inspection_id is None:
                return
            self._editable(s, photo.inspection_id)
            file_name = photo.file_name
            s.delete(photo)
            s.flush()
            still_used = s.scalar(
                select(func.count()).select_from(Photo).where(Photo.file_name == file_name))
        if not still_used:
            self._photos.remove(file_name)

    def override(self, actor: Actor, inspection_id: int, reason: str) -> Override:
        """A supervisor approves an exception; the rule decision stays on record beside it."""
        actor.require(Action.OVERRIDE)
        text = require_text(reason, "field.override-reason",
                            minimum=OVERRIDE_REASON_MIN)
        with self._store.session() as s:
            inspection, ret = self._with_return(s, inspection_id)
            if inspection.finished_at is None or inspection.decision not in _OVERRIDABLE:
                raise ValidationError("error.override-not-allowed")
            if inspection.override_decision is not None:
                raise ValidationError(
                    "error.override-exists",
                    override_by=inspection.override_by,
                )
            now = self._clock()
            inspection.override_decision = Decision.ELIGIBLE
            inspection.override_reason = text
            inspection.override_by = actor.username
            inspection.override_at = now
            inspection.version += 1
            inspection.updated_at = now
            record_event(s, actor.username, AuditAction.OVERRIDDEN, at=now,
                         entity_kind="inspection", entity_key=inspection.uuid,
                         before={"decision": inspection.decision.value if inspection.decision
                                 else None},
                         after={"decision": Decision.ELIGIBLE.value}, detail=text)
            outbox.queue_override(s, inspection, now)
            s.flush()
            reroute_line(s, self._policies, s.get_one(ReturnLine, inspection.return_line_id),
                         now)
            if self._all_lines_done(s, ret.id):
                self._record_refund(s, actor, ret, now)
            log.info("inspection %s overridden by %s", inspection.uuid, actor.username)
            return Override(Decision.ELIGIBLE, text, actor.username, now)

    # --- inside ---------------------------------------------------------------------------

    def _check_inspectable(self, s: Session, ret: ReturnRequest) -> None:
        if ret.status is ReturnStatus.PARTIALLY_RECEIVED:
            lines = s.scalars(select(ReturnLine).where(ReturnLine.return_id == ret.id))
            missing = missing_summary(
                [CartonCount(ln.tag_code, ln.cartons_expected, ln.cartons_received)
                 for ln in lines])
            what = ", ".join(f"{tag} {got}/{expected}" for tag, got, expected in missing)
            raise ValidationError(
                "error.cartons-missing",
                rma_number=ret.rma_number,
                what=what,
            )
        if ret.status not in _INSPECTABLE:
            raise ValidationError(
                "error.inspect-not-received",
                rma_number=ret.rma_number,
                status=status_label(ret.status),
            )

    def _begin(
        self, s: Session, actor: Actor, ret: ReturnRequest, line: ReturnLine
    ) -> Inspection:
        now = self._clock()
        inspection = Inspection(
            uuid=str(uuid.uuid4()), return_line_id=line.id, inspector=actor.username,
            started_at=now, checklist=_receipt_answers(self._policy_for(ret), ret),
            rule_results=[], version=1, updated_at=now)
        s.add(inspection)
        record_event(s, actor.username, AuditAction.INSPECTION_STARTED, at=now,
                     entity_kind="inspection", entity_key=inspection.uuid,
                     after={"rma": ret.rma_number, "tag": line.tag_code})
        if ret.status is ReturnStatus.RECEIVED:
            ret.status = transition(ret.status, ReturnStatus.INSPECTING)
            ret.version += 1
            ret.updated_at = now
        s.flush()
        return inspection

    def _with_return(self, s: Session, inspection_id: int) -> tuple[Inspection, ReturnRequest]:
        """The inspection and its return, refused if the return is restricted."""
        inspection = s.get(Inspection, inspection_id)
        if inspection is None:
            raise NotFoundError(
                "error.inspection-gone",
                inspection_id=inspection_id,
            )
        line = s.get_one(ReturnLine, inspection.return_line_id)
        ret = load_return(s, line.return_id)
        refuse_if_restricted(ret)
        return inspection, ret

    def _editable(self, s: Session, inspection_id: int) -> tuple[Inspection, ReturnRequest]:
        inspection, ret = self._with_return(s, inspection_id)
        if inspection.finished_at is not None:
            raise ValidationError("error.inspection-finished")
        return inspection, ret

    def _write_draft(self, s: Session, inspection: Inspection, draft: DraftInput) -> None:
        policy = self._policy_of(s, inspection)
        known = {item.id for item in policy.checklist}
        unknown = set(draft.answers) - known
        if unknown:
            raise ValueError(f"answers to unknown checklist items: {sorted(unknown)}")
        inspection.checklist = {k: v.value for k, v in draft.answers.items()
                                if v is not Answer.UNANSWERED}
        notes = draft.notes.strip()
        if notes:
            require_text(notes, "field.notes")
        inspection.notes = notes or None
        inspection.grade = draft.grade
        inspection.grade_reason = draft.grade_reason.strip() or None

    def _policy_of(self, s: Session, inspection: Inspection) -> Policy:
        if inspection.policy_version:
            return self._policies.version(inspection.policy_version)
        line = s.get_one(ReturnLine, inspection.return_line_id)
        ret = s.get_one(ReturnRequest, line.return_id)
        return self._policy_for(ret)

    def _policy_for(self, ret: ReturnRequest) -> Policy:
        return self._policies.for_application(ret.applied_at)

    def _record_refund(self, s: Session, actor: Actor, ret: ReturnRequest,
                       now: datetime) -> None:
        """Once every line is judged (and again after an exception), the return's refund
        goes on the audit trail, and so to the central server: one label, one deduction."""
        record_event(s, actor.username, AuditAction.REFUND_RECOMMENDED, at=now,
                     entity_kind="return", entity_key=ret.rma_number,
                     after={"refund": refund_record(s, self._policy_for(ret), ret)})

    def _all_lines_done(self, s: Session, return_id: int) -> bool:
        open_lines = s.scalar(
            select(func.count()).select_from(ReturnLine)
            .where(ReturnLine.return_id == return_id)
            .where(~select(Inspection.id)
                   .where(Inspection.return_line_id == ReturnLine.id)
                   .where(Inspection.finished_at.is_not(None)).exists()))
        return not open_lines

    def _sheet(
        self, s: Session, ret: ReturnRequest, line: ReturnLine, inspection: Inspection
    ) -> InspectionSheet:
        order = s.get_one(Order, ret.order_id)
        order_line = s.get_one(OrderLine, line.order_line_id)
        policy = self._policy_of(s, inspection)
        photos = s.scalars(select(Photo).where(Photo.inspection_id == inspection.id)
                           .order_by(Photo.id))
        answers = {k: Answer(v) for k, v in (inspection.checklist or {}).items()
                   if v in _ANSWERS}
        override = override_of(inspection)
        read_only = None
        if ret.restricted:
            read_only = Message.of("sheet.restricted",
                                   reason=restriction_reason(ret.restricted_reason))
        elif inspection.finished_at is not None:
            read_only = Message.of("sheet.finished")
        return InspectionSheet(
            inspection_id=inspection.id,
            uuid=inspection.uuid,
            return_id=ret.id,
            return_line_id=line.id,
            rma_number=ret.rma_number,
            tag_code=line.tag_code,
            sku=order_line.sku,
            product_name_en=order_line.product_name_en,
            product_name_zh=order_line.product_name_zh,
            policy_version=policy.version,
            questions=tuple(
                ChecklistQuestion(
                    i.id, i.rule, i.question_en, i.question_zh, i.photo_required_on_no,
                    na_allowed=i.na_allowed, photo_required_on_yes=i.photo_required_on_yes,
                    receipt_note=_receipt_note(i.receipt_field, ret))
                for i in policy.checklist_for(ret.reason_category)),
            facts=LineFacts(
                customized=order_line.customized, customization=order_line.customization,
                clearance=order_line.clearance, delivered_at=order.delivered_at,
                applied_at=ret.applied_at, answers={}, reason_category=ret.reason_category,
                quantity=claimed_quantity(s, ret, line, order_line)),
            refund_inputs=refund_inputs(ret, order, order_line, line.quantity,
                                        refunded_elsewhere(s, ret, order, line.id)),
            inspector=inspection.inspector,
            started_at=inspection.started_at,
            draft=DraftInput(answers, inspection.notes or "", inspection.grade,
                             inspection.grade_reason or ""),
            photos=tuple(photo_of(p, self._photos) for p in photos),
            finished_at=inspection.finished_at,
            decision=inspection.decision,
            override=override,
            read_only_reason=read_only,
            restricted=ret.restricted,
            grades=policy.floor.grading.grades,
        )


_ANSWERS = frozenset(a.value for a in Answer)

# What the receipt found (E5, P3) that answers a checklist item before the inspector does.
_RECEIPT_NOTES = {
    "invoice_enclosed": "sheet.no-invoice",
    "return_form_enclosed": "sheet.no-return-form",
}


def _receipt_value(field: str | None, ret: ReturnRequest) -> bool | None:
    if field == "invoice_enclosed":
        return ret.invoice_enclosed
    if field == "return_form_enclosed":
        return ret.return_form_enclosed
    return None


def _receipt_answers(policy: Policy, ret: ReturnRequest) -> dict[str, str]:
    """A new inspection starts with the receipt's "not enclosed" findings answered "no"
    (E5: "invoice enclosed: no" at the receipt is the invoice item's "no")."""
    return {item.id: Answer.NO.value for item in policy.checklist_for(ret.reason_category)
            if _receipt_value(item.receipt_field, ret) is False}


def _receipt_note(field: str | None, ret: ReturnRequest) -> Message | None:
    """The flag beside an item the receipt answered, so the inspector sees where it came from."""
    if field is None or _receipt_value(field, ret) is not False:
        return None
    return Message.of(_RECEIPT_NOTES[field])
