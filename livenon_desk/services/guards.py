"""Checks every writing use case makes before it touches a return."""

from __future__ import annotations

from sqlalchemy.orm import Session

from livenon_desk.errors import NotFoundError, RestrictedError, ValidationError
from livenon_desk.models import ReturnRequest

MAX_TEXT = 4000


def load_return(s: Session, return_id: int) -> ReturnRequest:
    ret = s.get(ReturnRequest, return_id)
    if ret is None:
        raise NotFoundError(f"Return {return_id} is no longer in the database.",
                            f"退货 {return_id} 已不在数据库中。")
    return ret


def refuse_if_restricted(ret: ReturnRequest) -> None:
    """Privacy policy IV(3): a restricted return may be viewed, never processed."""
    if ret.restricted:
        reason = ret.restricted_reason or "no reason given"
        raise RestrictedError(
            f"{ret.rma_number} is restricted ({reason}): it can be viewed but not changed, "
            "printed or exported.",
            f"{ret.rma_number} 已被限制处理（{ret.restricted_reason or '未注明原因'}）："
            "只能查看，不能修改、打印或导出。",
        )


def require_text(value: str, what_en: str, what_zh: str, minimum: int = 1) -> str:
    """``value`` stripped, refused when shorter than ``minimum`` or absurdly long."""
    text = value.strip()
    if len(text) < minimum:
        if minimum <= 1:
            raise ValidationError(f"Enter the {what_en}.", f"请填写{what_zh}。")
        raise ValidationError(
            f"Write the {what_en} in at least {minimum} characters.",
            f"{what_zh}至少需要 {minimum} 个字符。",
        )
    if len(text) > MAX_TEXT:
        raise ValidationError(
            f"The {what_en} is longer than {MAX_TEXT} characters; shorten it.",
            f"{what_zh}超过 {MAX_TEXT} 个字符，请缩短。",
        )
    return text
