"""Checks every writing use case makes before it touches a return."""

from __future__ import annotations

from sqlalchemy.orm import Session

from livenon_desk.catalogue import Message
from livenon_desk.errors import NotFoundError, RestrictedError, ValidationError
from livenon_desk.models import ReturnRequest

MAX_TEXT = 4000


def load_return(s: Session, return_id: int) -> ReturnRequest:
    ret = s.get(ReturnRequest, return_id)
    if ret is None:
        raise NotFoundError("error.return-gone", return_id=return_id)
    return ret


def refuse_if_restricted(ret: ReturnRequest) -> None:
    """Privacy policy IV(3): a restricted return may be viewed, never processed."""
    if ret.restricted:
        raise RestrictedError("error.return-restricted", rma_number=ret.rma_number,
                              reason=restriction_reason(ret.restricted_reason))


def restriction_reason(reason: str | None) -> str | Message:
    """Why a return is restricted, as the central API said, or that it gave no reason."""
    return reason or Message.of("restricted.no-reason")


def require_text(value: str, what: str, minimum: int = 1) -> str:
    """``value`` stripped, refused when shorter than ``minimum`` or absurdly long; ``what``
    is the message id of the field's name."""
    text = value.strip()
    name = Message.of(what)
    if len(text) < minimum:
        if minimum <= 1:
            raise ValidationError("error.text-missing", what=name)
        raise ValidationError("error.text-too-short", what=name, minimum=minimum)
    if len(text) > MAX_TEXT:
        raise ValidationError("error.text-too-long", what=name, maximum=MAX_TEXT)
    return text
