"""What customers and the desk wrote: return reasons and the messages kept as evidence (T4).

The application e-mail follows P1 (subject 【Return Application + order number】, body
fields Order Number, Product Name, Return Reason, Contact Info); the instructions follow
P2-P4 and T3; the decision notices P6 and P7.
"""

from __future__ import annotations

from livenon_desk.domain.enums import ReasonCode

R = ReasonCode
REASON_WEIGHTS = (
    (R.DEFECTIVE, 18), (R.DAMAGED_IN_TRANSIT, 15), (R.WRONG_ITEM, 6), (R.NOT_AS_DESCRIBED, 10),
    (R.SIZE_MISMATCH, 16), (R.CHANGED_MIND, 15), (R.STYLE_COLOUR, 12), (R.FOUND_CHEAPER, 8),
)
REASON_TEXT_EN: dict[ReasonCode, tuple[str, ...]] = {
    R.DEFECTIVE: ("Quality issue: a leg arrived cracked", "Drawer runner broken out of the box",
                  "Recliner mechanism does not lock"),
    R.DAMAGED_IN_TRANSIT: ("Box crushed in delivery, frame scratched",
                           "Glass door shattered in transit", "Corner of the top dented"),
    R.WRONG_ITEM: ("Received a different colour than ordered",
                   "Got the loveseat, ordered the sofa"),
    R.NOT_AS_DESCRIBED: ("Fabric not as shown on the product page",
                         "Wood tone much darker than the photos"),
    R.SIZE_MISMATCH: ("Size mismatch: does not fit the room", "Too deep for our living room",
                      "Does not fit through the stairwell"),
    R.CHANGED_MIND: ("Changed my mind", "No longer needed after moving"),
    R.STYLE_COLOUR: ("Colour does not match our interior", "Style too modern for our home"),
    R.FOUND_CHEAPER: ("Found a better offer", "Found the same item cheaper locally"),
}
REASON_TEXT_ZH: dict[ReasonCode, tuple[str, ...]] = {
    R.DEFECTIVE: ("质量问题:桌腿开裂", "抽屉滑轨损坏"),
    R.DAMAGED_IN_TRANSIT: ("运输中包装被压坏,框架有划痕", "玻璃门运输途中破碎"),
    R.WRONG_ITEM: ("收到的颜色与订购的不一致",),
    R.NOT_AS_DESCRIBED: ("面料与商品页面描述不符",),
    R.SIZE_MISMATCH: ("尺寸不合适,放不进房间",),
    R.CHANGED_MIND: ("不想要了",),
    R.STYLE_COLOUR: ("颜色与家里装修不搭",),
    R.FOUND_CHEAPER: ("找到了更便宜的",),
}
RESTRICTION_REASONS = (
    "Customer asked to restrict processing while a dispute is open (privacy policy), "
    "ticket #{ticket}",
    "Card issuer chargeback in progress; processing restricted by the central API, "
    "case #{ticket}",
    "Data-protection request pending: customer contests the accuracy of the address, "
    "ticket #{ticket}",
)

WAREHOUSE = "Livenon Returns, 2801 E 12th St, Los Angeles, CA 90023, USA"
SIGNATURE = "\n\nLivenon Customer Service\nservices@livenon.com"
SIGNATURE_ZH = "\n\nLivenon 客户服务\nservices@livenon.com"


def application_email(order: str, product: str, reason: str, contact: str) -> tuple[str, str]:
    """P1: the customer's e-mail application, subject and body."""
    return (
        f"【Return Application + {order}】",
        f"Order Number: {order}\nProduct Name: {product}\nReturn Reason: {reason}\n"
        f"Contact Info: {contact}",
    )


def instructions_email(
    zh: bool, name: str, rma: str, order: str, carrier: str | None, tracking: str | None,
    cross_border: bool, personal: bool,
) -> tuple[str, str]:
    """P2-P4, T2, T3: where and how to send the goods back."""
    if zh:
        label = (
            f"随信附上预付 {carrier} 退货标签(运单号 {tracking}),请送至任一 {carrier} 网点。"
            if tracking else "请自选可追踪的快递寄回,并回复运单号。"
        )
        body = (
            f"{name} 您好:\n\n您的退货 {rma}(订单 {order})已受理。\n退货地址:{WAREHOUSE}\n"
            f"{label}\n请使用原包装(或用气泡膜和纸板加固)包装商品,并附上订单发票和退货单。"
            + ("\n请在报关单上注明“Returned Goods(退运货物)”,以免重复缴纳关税。"
               if cross_border else "")
            + ("\n因退货原因属个人原因,国际退货运费由您承担,可能从退款中扣除。"
               if personal else "")
            + SIGNATURE_ZH
        )
        return f"退货说明 {rma} - 订单 {order}", body
    label = (
        f"Your pre-paid {carrier} label is attached (tracking number {tracking}); drop the "
        f"parcel off at any {carrier} location."
        if tracking else
        "Please ship with a trackable courier of your choice and reply with the tracking number."
    )
    body = (
        f"Dear {name},\n\nYour return {rma} for order {order} is accepted for shipping.\n"
        f"Ship to: {WAREHOUSE}\n{label}\nPlease pack the item in its original packaging (or "
        "reinforce it with bubble wrap and cardboard) and enclose the order invoice and the "
        "return form."
        + ('\nMark the parcel "Returned Goods" on the customs form so that no second duty is '
           "charged." if cross_border else "")
        + ("\nAs the reason is personal, the return shipping cost may be deducted from your "
           "refund." if personal else "")
        + SIGNATURE
    )
    return f"Return instructions for {rma} - order {order}", body


def decision_email(
    zh: bool, name: str, rma: str, order: str, approved: bool, payment: str, deducted: bool
) -> tuple[str, str]:
    """P6 (refund within 1-7 days, to the original payment method), P7 (deduction told)."""
    if zh:
        if approved:
            return f"退款已批准 {rma}", (
                f"{name} 您好:\n\n您的退货 {rma}(订单 {order})已检验通过,退款将在 1-7 天内"
                f"退回原支付方式({payment})。"
                + ("\n退货运费已从退款中扣除。" if deducted else "") + SIGNATURE_ZH
            )
        return f"退货未通过 {rma}", (
            f"{name} 您好:\n\n很抱歉,您的退货 {rma}(订单 {order})未通过退货资格检验,"
            "详见所附检验报告。" + SIGNATURE_ZH
        )
    if approved:
        return f"Refund approved for {rma}", (
            f"Dear {name},\n\nWe inspected your return {rma} (order {order}) and approved the "
            f"refund to your original payment method ({payment}); it reaches you within 1-7 days."
            + ("\nThe return shipping label cost is deducted from the refund." if deducted else "")
            + SIGNATURE
        )
    return f"Return not accepted: {rma}", (
        f"Dear {name},\n\nWe are sorry: your return {rma} (order {order}) did not pass our "
        "return-eligibility check. The inspection report is attached." + SIGNATURE
    )


FOLLOW_UPS = (
    ("chat", "Customer asked when the refund will arrive; told 1-7 days after approval."),
    ("phone", "Customer called to confirm the pick-up address; confirmed."),
    ("chat", "Customer sent photos of the damage on arrival; attached to the case."),
    ("phone", "Customer asked whether the parcel arrived; told it is in the queue."),
)
