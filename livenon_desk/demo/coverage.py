"""The first demo returns, fixed so that even a small demo shows every case the desk knows.

Every status and reason, both channels and label types, customers in China, Canada and the
UK with the "Returned Goods" mark present, missing and unknown (T3), customized and
clearance lines (E1/X1, X2), an order with no sign-off date, applications on day 30 and
day 31 after sign-off (E2's edge), a multi-carton parcel partly received, restricted
returns and supervisor overrides. The rest of the demo is drawn at random.
"""

from __future__ import annotations

from dataclasses import dataclass

from livenon_desk.demo.outcomes import ALL_YES, Story
from livenon_desk.domain.enums import Channel, Decision, LabelType, ReasonCode, ReturnStatus

S = ReturnStatus
R = ReasonCode
EMAIL, WEB = Channel.EMAIL, Channel.WEB
PREPAID, OWN = LabelType.PREPAID, LabelType.OWN_COURIER
UNSET = "unset"  # the T3 mark of a cross-border return left to chance


@dataclass(frozen=True, slots=True)
class Traits:
    status: ReturnStatus
    reason: ReasonCode
    channel: Channel
    label: LabelType
    country: str | None = None  # the customer's country; None = any customer
    marking: bool | str | None = UNSET  # T3 "Returned Goods" mark, for cross-border receipts
    story: Story | None = None
    restricted: bool = False
    approved: bool = True  # how a closed return was decided


def _open(e2: int | None, customized: bool = False, clearance: bool = False) -> Story:
    return Story(e2, customized, clearance, False, ALL_YES, ALL_YES, None, None)


_OVERRIDDEN = Story(
    None, False, False, False, ALL_YES, ALL_YES, Decision.ELIGIBLE,
    "No carrier sign-off on file; the carrier confirmed delivery by phone.",
)

FORCED: tuple[Traits, ...] = (
    # Every status, every reason, both channels and label types.
    Traits(S.APPLIED, R.DEFECTIVE, EMAIL, PREPAID),
    Traits(S.INSTRUCTIONS_SENT, R.DAMAGED_IN_TRANSIT, WEB, OWN),
    Traits(S.IN_TRANSIT, R.WRONG_ITEM, EMAIL, OWN),
    Traits(S.PARTIALLY_RECEIVED, R.NOT_AS_DESCRIBED, WEB, PREPAID),
    Traits(S.RECEIVED, R.SIZE_MISMATCH, EMAIL, PREPAID),
    Traits(S.INSPECTING, R.CHANGED_MIND, WEB, PREPAID),
    Traits(S.INSPECTED, R.STYLE_COLOUR, EMAIL, OWN),
    Traits(S.REFUND_APPROVED, R.FOUND_CHEAPER, WEB, PREPAID),
    Traits(S.REFUND_REJECTED, R.DEFECTIVE, EMAIL, OWN),
    Traits(S.CLOSED, R.SIZE_MISMATCH, WEB, PREPAID),
    Traits(S.CLOSED, R.DAMAGED_IN_TRANSIT, EMAIL, OWN, approved=False),
    # Cross-border (T3): marked, not marked, not yet checked; and one still on its way.
    Traits(S.RECEIVED, R.CHANGED_MIND, EMAIL, OWN, country="CN", marking=True),
    Traits(S.INSPECTED, R.DEFECTIVE, WEB, PREPAID, country="CA", marking=False),
    Traits(S.RECEIVED, R.STYLE_COLOUR, WEB, PREPAID, country="GB", marking=None),
    Traits(S.IN_TRANSIT, R.SIZE_MISMATCH, EMAIL, PREPAID, country="CN"),
    Traits(S.REFUND_APPROVED, R.WRONG_ITEM, EMAIL, OWN, country="CN", marking=True),
    # E1/X1 customized, X2 clearance, E2 with no sign-off and on days 30 and 31.
    Traits(S.RECEIVED, R.CHANGED_MIND, WEB, PREPAID, story=_open(12, customized=True)),
    Traits(S.RECEIVED, R.SIZE_MISMATCH, EMAIL, OWN, story=_open(7, clearance=True)),
    Traits(S.RECEIVED, R.DEFECTIVE, WEB, PREPAID, story=_open(None)),
    Traits(S.RECEIVED, R.NOT_AS_DESCRIBED, WEB, OWN, story=_open(30)),
    Traits(S.RECEIVED, R.FOUND_CHEAPER, EMAIL, PREPAID, story=_open(31)),
    Traits(S.IN_TRANSIT, R.DEFECTIVE, WEB, PREPAID, story=_open(30)),
    Traits(S.IN_TRANSIT, R.CHANGED_MIND, WEB, OWN, story=_open(31)),
    # Partly received multi-carton parcels, restricted returns, a supervisor's override.
    Traits(S.PARTIALLY_RECEIVED, R.DAMAGED_IN_TRANSIT, EMAIL, PREPAID, country="CN"),
    Traits(S.RECEIVED, R.WRONG_ITEM, WEB, PREPAID, restricted=True),
    Traits(S.INSTRUCTIONS_SENT, R.CHANGED_MIND, EMAIL, PREPAID, restricted=True),
    Traits(S.REFUND_APPROVED, R.DEFECTIVE, WEB, PREPAID, story=_OVERRIDDEN),
)
