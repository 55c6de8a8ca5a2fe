"""Matching an email application to its order (P1): which order line the product named
is, and which reason code the customer's words are (T1 quality or T2 personal).

Both are guesses a person sees and can change; neither decides anything alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from livenon_desk.domain.enums import ReasonCode


@dataclass(frozen=True)
class OrderLineName:
    line_no: int
    sku: str
    name_en: str
    name_zh: str | None


# Words that name each reason, English and Chinese (both scripts); the first code whose
# words appear wins, so the quality reasons, which cost the shop the shipping (T1), are
# looked for before the personal ones.
_REASON_WORDS: tuple[tuple[ReasonCode, tuple[str, ...]], ...] = (
    (ReasonCode.DAMAGED_IN_TRANSIT, (
        "transit", "in transport", "during shipping", "during delivery", "arrived broken",
        "arrived damaged", "arrived with", "courier", "运输", "運輸", "物流", "快递", "快遞",
        "送货", "送貨", "途中")),
    (ReasonCode.WRONG_ITEM, (
        "wrong item", "wrong product", "wrong colour delivered", "wrong color delivered",
        "not what i ordered", "wrong model", "sent the wrong", "发错", "發錯", "寄错",
        "寄錯", "不是我买的", "不是我訂的")),
    (ReasonCode.NOT_AS_DESCRIBED, (
        "not as described", "differs from the photo", "different from the photo",
        "differs from the picture", "not like the picture", "与图片不符", "與圖片不符",
        "与描述不符", "與描述不符", "色差")),
    (ReasonCode.DEFECTIVE, (
        "defect", "broken", "crack", "faulty", "does not work", "doesn't work",
        "not working", "scratch", "missing", "bent", "stain", "loose", "wobbl", "won't close",
        "don't close", "doesn't close", "damaged", "质量", "質量", "品質", "坏", "壞", "裂",
        "破", "损坏", "損壞", "缺", "划痕", "劃痕", "变形", "變形", "卡住", "瑕疵")),
    (ReasonCode.SIZE_MISMATCH, (
        "size", "too big", "too large", "too small", "too wide", "too long", "too high",
        "does not fit", "doesn't fit", "didn't fit", "not fit", "尺寸", "太大", "太小",
        "放不下", "放不进", "放不進", "不合适", "不合適")),
    (ReasonCode.STYLE_COLOUR, (
        "colour", "color", "style", "does not match", "doesn't match", "look", "颜色",
        "顏色", "款式", "风格", "風格")),
    (ReasonCode.FOUND_CHEAPER, (
        "cheaper", "better price", "lower price", "更便宜", "便宜", "降价", "降價")),
    (ReasonCode.CHANGED_MIND, (
        "changed my mind", "change of mind", "changed mind", "no longer need",
        "don't need", "do not need", "don't want", "do not want", "not needed", "不想要",
        "不要了", "不需要", "改变主意", "改變主意", "后悔", "後悔")),
)


def guess_reason(text: str | None) -> ReasonCode | None:
    """The reason code the customer's words point to, or None when they name none (P1's
    Return Reason is optional). Quality words are looked for first (T1 before T2)."""
    if not text:
        return None
    words = _plain(text)
    for code, names in _REASON_WORDS:
        if any(name in words for name in names):
            return code
    return None


def matching_lines(product: str | None, lines: Sequence[OrderLineName]) -> tuple[int, ...]:
    """The order lines the product named may be, best first: the line whose SKU or name
    the text holds (or that holds the text); else the lines sharing the most words with
    it. An order of one line is that line; no words in common leaves every line for a
    person to pick."""
    if len(lines) == 1:
        return (lines[0].line_no,)
    if not product:
        return tuple(line.line_no for line in lines)
    text = _plain(product)
    exact = [line.line_no for line in lines if any(
        name and (name in text or (len(text) >= 2 and text in name))
        for name in (_plain(line.sku), _plain(line.name_en), _plain(line.name_zh or "")))]
    if exact:
        return tuple(exact)
    wanted = _words(text)
    scores = {line.line_no: len(wanted & (_words(_plain(line.name_en))
                                          | _words(_plain(line.name_zh or ""))))
              for line in lines}
    best = max(scores.values(), default=0)
    if best == 0:
        return tuple(line.line_no for line in lines)
    return tuple(n for n, score in scores.items() if score == best)


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def _words(text: str) -> set[str]:
    # Latin words of three letters or more, and each Chinese character pair.
    latin = set(re.findall(r"[a-z0-9]{3,}", text))
    han = re.sub(r"[^\u4e00-\u9fff]", "", text)
    return latin | {han[i:i + 2] for i in range(len(han) - 1)}
