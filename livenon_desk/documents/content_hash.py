"""The content hash printed on an inspection report, so that the paper can be checked
against the record later (``livenon-desk verify-report``).

The hash covers the inspection as it was recorded when it was finished, not a record
rebuilt at print time: its answers, the rule results and decision stored with it, the
supervisor's override, and what the report prints beside them. Question texts, product
names and the refund come from the policy file and the order at print time, so a software
or policy update would change them; they are left out. Times are in UTC to the minute, as
precise as the paper prints them. The canonical form, version 1 (README, "Checking a
printed inspection report"), is the JSON object

    {"answers": {ITEM: ANSWER, ...}, "decision": D, "disposition": D or null,
     "finished": "YYYY-MM-DDTHH:MMZ", "inspection": UUID, "inspector": NAME,
     "notes": TEXT or null, "override": null or {"at": TIME, "by": NAME, "decision": D,
     "reason": TEXT}, "photos": [SHA-256, ...], "policy": VERSION, "rma": RMA,
     "rules": [[RULE, OUTCOME, REASON_EN, REASON_ZH], ...], "started": TIME, "tag": TAG,
     "v": 1}

with the answered checklist items only (an unanswered item is left out), the rules and
photos in the record's order, keys sorted, no spaces, UTF-8 (no escapes); the hash is the
SHA-256 of those bytes, in hexadecimal. The report's QR code carries
``livenon-inspection/1;RMA;INSPECTION ID;HASH``.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from livenon_desk.documents.data import InspectionRecord
from livenon_desk.domain.enums import Answer

CANONICAL_VERSION = 1
QR_PREFIX = f"livenon-inspection/{CANONICAL_VERSION}"
_PAYLOAD = re.compile(rf"{re.escape(QR_PREFIX)};([^;]+);([^;]+);([0-9a-f]{{64}})")


@dataclass(frozen=True)
class ReportReference:
    """What a report's QR code says: which inspection, and its hash when printed."""

    rma_number: str
    inspection_id: str
    content_hash: str


def inspection_hash(record: InspectionRecord) -> str:
    return hashlib.sha256(canonical_json(record).encode("utf-8")).hexdigest()


def canonical_json(record: InspectionRecord) -> str:
    return json.dumps(_canonical(record), sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False)


def qr_payload(record: InspectionRecord) -> str:
    return f"{QR_PREFIX};{record.rma_number};{record.inspection_id};{inspection_hash(record)}"


def parse_payload(text: str) -> ReportReference | None:
    """The reference in a report's QR code; None for any other code."""
    match = _PAYLOAD.fullmatch(text.strip())
    return ReportReference(*match.groups()) if match else None


def _canonical(record: InspectionRecord) -> dict[str, Any]:
    override = None
    if record.override is not None:
        o = record.override
        override = {"at": _minute(o.at), "by": o.by, "decision": o.decision.value,
                    "reason": o.reason}
    return {
        "v": CANONICAL_VERSION,
        "inspection": record.inspection_id,
        "rma": record.rma_number,
        "tag": record.line.tag_code,
        "inspector": record.inspector,
        "started": _minute(record.started_at),
        "finished": _minute(record.finished_at),
        "policy": record.policy_version,
        "answers": {a.item_id: a.answer.value for a in record.answers
                    if a.answer is not Answer.UNANSWERED},
        "decision": record.decision.value,
        "rules": [[r.rule_id, r.outcome.value, r.reason_en, r.reason_zh]
                  for r in record.rules],
        "override": override,
        "disposition": record.disposition.value if record.disposition else None,
        "notes": record.notes or None,
        "photos": [p.sha256 for p in record.photos],
    }


def _minute(at: datetime | None) -> str | None:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ") if at is not None else None
