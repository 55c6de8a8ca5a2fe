"""Guessing an application's reason code and order line from the customer's words."""

from __future__ import annotations

import pytest

from livenon_desk.domain.enums import ReasonCategory, ReasonCode
from livenon_desk.domain.mail_matching import OrderLineName, guess_reason, matching_lines


@pytest.mark.parametrize(("text", "code"), [
    ("The left armrest is cracked", ReasonCode.DEFECTIVE),
    ("桌腿有裂缝", ReasonCode.DEFECTIVE),
    ("抽屜卡住打不開", ReasonCode.DEFECTIVE),
    ("Arrived broken & bent", ReasonCode.DAMAGED_IN_TRANSIT),
    ("运输途中损坏", ReasonCode.DAMAGED_IN_TRANSIT),
    ("Wrong colour delivered", ReasonCode.WRONG_ITEM),
    ("颜色与图片不符", ReasonCode.NOT_AS_DESCRIBED),
    ("Too big for the room", ReasonCode.SIZE_MISMATCH),
    ("尺寸不合适，放不进卧室", ReasonCode.SIZE_MISMATCH),
    ("The colour does not go with our floor", ReasonCode.STYLE_COLOUR),
    ("Found it cheaper elsewhere", ReasonCode.FOUND_CHEAPER),
    ("Changed mind", ReasonCode.CHANGED_MIND),
    ("不想要了", ReasonCode.CHANGED_MIND),
    ("please call me", None),
    (None, None),
])
def test_the_reason_words_point_to_a_code(text: str | None, code: ReasonCode | None) -> None:
    assert guess_reason(text) == code


def test_quality_words_win_over_personal_ones_so_the_shop_pays_when_it_should() -> None:
    # T1 before T2: a cracked frame that is also too big is a quality return.
    guess = guess_reason("too big, and the frame is cracked")
    assert guess is ReasonCode.DEFECTIVE
    assert guess.category is ReasonCategory.QUALITY


LINES = [OrderLineName(1, "LVN-SOF-0001", "Harlow 3-Seat Linen Sofa, Oatmeal",
                       "哈洛 三人位亚麻沙发 燕麦色"),
         OrderLineName(2, "LVN-TBL-0002", "Bergen Oak Dining Table", "卑尔根 橡木餐桌"),
         OrderLineName(3, "LVN-CHR-0003", "Bergen Oak Dining Chair", "卑尔根 橡木餐椅")]


@pytest.mark.parametrize(("product", "expected"), [
    ("Harlow 3-Seat Linen Sofa, Oatmeal", (1,)),
    ("lvn-tbl-0002", (2,)),
    ("the linen sofa", (1,)),
    ("橡木餐桌", (2,)),
    ("Bergen Oak", (2, 3)),
    ("a lamp", (1, 2, 3)),
    (None, (1, 2, 3)),
])
def test_the_product_named_picks_the_order_lines_it_may_be(
        product: str | None, expected: tuple[int, ...]) -> None:
    assert matching_lines(product, LINES) == expected


def test_an_order_of_one_line_is_that_line() -> None:
    assert matching_lines("something else entirely", LINES[:1]) == (1,)
