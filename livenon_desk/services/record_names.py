"""What a person calls a record: the RMA (and the item's tag), not the uuid or the photo's
hash the desk keys it by. The audit and sync views show these names."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from livenon_desk.models import Inspection, Photo, ReturnLine, ReturnRequest


def inspection_names(s: Session, uuids: Iterable[str]) -> dict[str, str]:
    """``{inspection uuid: "RMA-… · TAG-…"}`` for those still on this desk."""
    wanted = set(uuids)
    if not wanted:
        return {}
    rows = s.execute(
        select(Inspection.uuid, ReturnRequest.rma_number, ReturnLine.tag_code)
        .join(ReturnLine, ReturnLine.id == Inspection.return_line_id)
        .join(ReturnRequest, ReturnRequest.id == ReturnLine.return_id)
        .where(Inspection.uuid.in_(wanted)))
    return {uuid: f"{rma} · {tag}" for uuid, rma, tag in rows}


def photo_names(s: Session, hashes: Iterable[str]) -> dict[str, str]:
    """``{photo hash: "RMA-…"}``: the return a photo was taken for."""
    wanted = set(hashes)
    if not wanted:
        return {}
    rows = s.execute(
        select(Photo.sha256, ReturnRequest.rma_number)
        .join(ReturnRequest, ReturnRequest.id == Photo.return_id)
        .where(Photo.sha256.in_(wanted)))
    names: dict[str, str] = {}
    for sha, rma in rows:
        names[sha] = rma
    return names


def record_names(s: Session, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """``{(kind, key): name}`` for outbox and audit keys. Kinds keyed by an RMA, a user
    name or a customer number keep it; an inspection or a photo is named by its return."""
    pairs = set(keys)
    inspections = inspection_names(
        s, (k for kind, k in pairs if kind in ("inspection", "override")))
    photos = photo_names(s, (k for kind, k in pairs if kind == "photo"))
    names: dict[tuple[str, str], str] = {}
    for kind, key in pairs:
        if kind in ("inspection", "override"):
            names[(kind, key)] = inspections.get(key, "")
        elif kind == "photo":
            names[(kind, key)] = photos.get(key, "")
        elif kind in ("audit_event", "parcel", "retention", "batch"):
            names[(kind, key)] = ""
        else:
            names[(kind, key)] = key
    return names
