"""Records to print: an American and a Chinese customer, and the awkward cases."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from livenon_desk.catalogue import Localized, Message
from livenon_desk.documents.data import (
    Address,
    ChecklistAnswer,
    CommunicationRecord,
    CreditNoteInfo,
    Deduction,
    EvidenceCase,
    InspectionRecord,
    InvoiceInfo,
    ItemTagInfo,
    LabelInfo,
    OrderInfo,
    OrderLine,
    Override,
    Party,
    Payment,
    PhotoRef,
    ReceiptRecord,
    Refund,
    ReturnInfo,
    ReturnLine,
    RuleResult,
    TimelineEvent,
)
from livenon_desk.domain.enums import (
    Answer,
    Channel,
    CommunicationChannel,
    Decision,
    Direction,
    Disposition,
    LabelType,
    ParcelCondition,
    PaymentMethod,
    ReasonCode,
    ReturnStatus,
    RuleOutcome,
)

FULL_CARD = "4111111111114242"
CHINESE_NAME = "王晓明"
CHINESE_PRODUCT = "北欧实木餐桌（胡桃色）"


def at(month: int, dom: int, hour: int = 17, minute: int = 0) -> datetime:
    return datetime(2025, month, dom, hour, minute, tzinfo=UTC)


def american() -> Party:
    return Party(
        name="Emily Johnson", email="emily.johnson@example.com", phone="+1 415 555 0199",
        address=Address("Emily Johnson", "1458 Maple Avenue", "Apt 3B", "Portland", "OR",
                        "97205", "US"),
    )


def chinese() -> Party:
    return Party(
        name=CHINESE_NAME, email="wang.xm@example.cn", phone="+86 138 0013 8000",
        address=Address(CHINESE_NAME, "浦东新区世纪大道 100 号", "环球金融中心 25 楼",
                        "上海市", None, "200120", "CN"),
        language="zh-CN",
    )


def order_lines(count: int = 2) -> tuple[OrderLine, ...]:
    base = (
        OrderLine(1, "LVN-TBL-0451", "Nordic solid wood dining table, walnut", CHINESE_PRODUCT,
                  1, Decimal("899.00")),
        OrderLine(2, "LVN-CHR-0112", "Oak dining chair, set of 2", "橡木餐椅（两把装）", 2,
                  Decimal("129.50")),
    )
    if count <= len(base):
        return base[:count]
    return tuple(
        OrderLine(i, f"LVN-ACC-{i:04d}", f"Cabinet hinge pack no. {i}", f"柜门铰链套装 {i} 号", i,
                  Decimal("4.75") + i)
        for i in range(1, count + 1)
    )


def order(customer: Party | None = None, lines: tuple[OrderLine, ...] | None = None
          ) -> OrderInfo:
    customer = customer or american()
    lines = lines or order_lines()
    subtotal = sum((line.amount for line in lines), Decimal(0))
    tax = (subtotal * Decimal("0.0875")).quantize(Decimal("0.01"))
    return OrderInfo(
        order_number="LVN2025070100042", placed_at=at(7, 1, 18, 30), currency="USD",
        customer=customer, billing_address=customer.address,
        shipping_address=customer.address, lines=lines, subtotal=subtotal, tax=tax,
        shipping=Decimal("49.00"), total=subtotal + tax + Decimal("49.00"),
        payment=Payment(PaymentMethod.CREDIT_CARD, "Visa", FULL_CARD),
        delivered_at=at(7, 9), cross_border=customer.address is not None
        and customer.address.country_code != "US",
    )


def return_lines(count: int = 1) -> tuple[ReturnLine, ...]:
    return tuple(
        ReturnLine(f"TAG-2025000123-{line.line_no}", line.sku, line.product_name_en,
                   line.product_name_zh, line.quantity, line.unit_price, cartons=2)
        for line in order_lines(max(count, 1))[:count]
    )


def a_return(customer: Party | None = None, lines: tuple[ReturnLine, ...] | None = None
             ) -> ReturnInfo:
    customer = customer or american()
    cross = customer.address is not None and customer.address.country_code != "US"
    return ReturnInfo(
        rma_number="RMA-2025-000123", order_number="LVN2025070100042", applied_at=at(7, 20),
        status=ReturnStatus.RECEIVED, reason_code=ReasonCode.CHANGED_MIND,
        reason_text="The table is larger than we expected." if customer.language == "en"
        else "桌子比预想的大。",
        channel=Channel.WEB, customer=customer, lines=lines or return_lines(),
        label_type=LabelType.PREPAID, carrier="DHL" if cross else "UPS",
        tracking_number="1Z8V4R730312345678" if not cross else "4829105736",
        cross_border=cross,
    )


def photos(folder: Path, count: int = 2, shade: int = 0) -> tuple[PhotoRef, ...]:
    """Small real JPEGs on disk, with their true SHA-256."""
    from PIL import Image, ImageDraw

    refs = []
    for i in range(count):
        path = folder / f"photo-{i}.jpg"
        image = Image.new("RGB", (640, 480), (200 - 40 * i, 170 - shade, 140 + 30 * i))
        draw = ImageDraw.Draw(image)
        draw.rectangle((120, 120, 520, 360), outline=(60, 40, 20), width=12)
        draw.line((120, 360, 520, 120), fill=(150, 30, 30), width=8)
        image.save(path, "JPEG", quality=80)
        refs.append(PhotoRef(i + 1, path, hashlib.sha256(path.read_bytes()).hexdigest(),
                             caption=("Corner of the table top, scratch" if i == 0
                                      else "Carton, side B"), taken_at=at(7, 28, 16, 10 + i)))
    return tuple(refs)


def answers(undamaged: Answer = Answer.YES) -> tuple[ChecklistAnswer, ...]:
    return (
        ChecklistAnswer("not_customized", "E1", "No engraving and no custom size found on the "
                        "item", "商品无刻字、非定制尺寸", Answer.YES),
        ChecklistAnswer("unassembled", "E3", "The item is unassembled", "商品未组装", Answer.YES),
        ChecklistAnswer("undamaged", "E4", "The item is undamaged", "商品无损坏", undamaged),
        ChecklistAnswer("packaging", "E5", "Original packaging intact", "原包装完好", Answer.YES),
        ChecklistAnswer("accessories", "E5", "All accessories present", "配件齐全", Answer.YES),
        ChecklistAnswer("invoice", "E5", "Order invoice enclosed", "附有订单发票", Answer.YES),
        ChecklistAnswer("return_form", "E5", "Return form enclosed", "附有退货单",
                        Answer.NOT_APPLICABLE),
    )


def rules() -> tuple[RuleResult, ...]:
    ok = RuleOutcome.PASS
    return (
        RuleResult("E1", ok, Localized("Not customized (order line and inspection).",
                   "非定制商品（订单与检验一致）。")),
        RuleResult("E2", ok, Localized("Applied on day 11 of 30 after sign-off (2025-07-09).",
                   "在签收（2025-07-09）后第 11 天申请，未超过 30 天。")),
        RuleResult("E3", ok, Localized("Checked: The item is unassembled.",
                                       "已检验：商品未组装。")),
        RuleResult("E4", ok, Localized("Checked: The item is undamaged.",
                                       "已检验：商品无损坏。")),
        RuleResult("E5", ok, Localized("Checked: packaging; accessories; invoice.",
                   "已检验：包装；配件；发票。")),
        RuleResult("X1", ok, Localized("Not a customized item.", "非定制商品。")),
        RuleResult("X2", ok, Localized("Not a clearance product.", "非清仓商品。")),
        RuleResult("X3", ok, Localized("Neither used nor damaged (E4).", "未使用且无损坏（E4）。")),
    )


def refund() -> Refund:
    return Refund(
        currency="USD", price_paid=Decimal("899.00"),
        deductions=(Deduction("P7", Message.of("shipping.label-cost"),
                              Decimal("86.40"), label_cost=Decimal("86.40")),),
        amount=Decimal("812.60"), rule_ids=("P7", "T2", "P6"), notify_customer=True,
        due_from=date(2025, 7, 30), due_by=date(2025, 8, 5),
    )


def inspection(folder: Path, customer: Party | None = None) -> InspectionRecord:
    line = a_return(customer).lines[0]
    return InspectionRecord(
        inspection_id="3f2b9c1e-8d4a-4f6b-9a51-2c7e0d1f4a88", rma_number="RMA-2025-000123",
        order_number="LVN2025070100042", line=line, inspector="Maria Lopez",
        started_at=at(7, 28, 16, 0), finished_at=at(7, 28, 16, 25), answers=answers(),
        decision=Decision.ELIGIBLE, policy_version="2025.1", rules=rules(), refund=refund(),
        disposition=Disposition.RESTOCK,
        notes="Light scuff under the table top, not visible when assembled; cartons intact.",
        photos=photos(folder),
    )


def overridden(folder: Path) -> InspectionRecord:
    record = inspection(folder)
    failed = tuple(
        replace(r, outcome=RuleOutcome.FAIL, reason=Localized(
            "Applied on day 33 after sign-off (2025-07-09): past the 30-day window.",
            "在签收（2025-07-09）后第 33 天申请，超过 30 天期限。"))
        if r.rule_id == "E2" else r for r in record.rules
    )
    return replace(record, decision=Decision.NOT_ELIGIBLE, rules=failed, override=Override(
        Decision.ELIGIBLE, "The carrier's sign-off date was entered late by the carrier; the "
        "customer's delivery photo shows day 28.", "Sam Carter (supervisor)", at(7, 29, 9)))


def label(sender: Party | None = None, cross_border: bool = False) -> LabelInfo:
    sender = sender or american()
    assert sender.address is not None
    return LabelInfo(
        rma_number="RMA-2025-000123", order_number="LVN2025070100042", sender=sender.address,
        carrier="DHL" if cross_border else "UPS",
        tracking_number="4829105736" if cross_border else "1Z8V4R730312345678",
        cross_border=cross_border, service="Express Worldwide" if cross_border else "Ground",
        weight_kg=Decimal("38.5"), parcel_index=1, parcel_count=2, ship_date=date(2025, 7, 22),
    )


def item_tag() -> ItemTagInfo:
    line = return_lines()[0]
    return ItemTagInfo(
        rma_number="RMA-2025-000123", tag_code=line.tag_code, sku=line.sku,
        product_name_en=line.product_name_en, product_name_zh=line.product_name_zh,
        disposition=Disposition.RESTOCK, bin_location="B-14-03", inspected_by="Maria Lopez",
        inspected_at=at(7, 28, 16, 25), decision=Decision.ELIGIBLE,
    )


def invoice(customer: Party | None = None, lines: tuple[OrderLine, ...] | None = None
            ) -> InvoiceInfo:
    return InvoiceInfo("INV-2025-0700042", at(7, 1, 18, 31), order(customer, lines))


def credit_note(customer: Party | None = None) -> CreditNoteInfo:
    ret = a_return(customer)
    return CreditNoteInfo(
        credit_note_number="CN-2025-000087", issued_at=at(7, 29, 18), rma_number=ret.rma_number,
        order_number=ret.order_number, customer=ret.customer, reason_code=ret.reason_code,
        lines=ret.lines, refund=refund(),
        payment=Payment(PaymentMethod.CREDIT_CARD, "Visa", FULL_CARD),
        approved_by="Sam Carter",
    )


def evidence(folder: Path, customer: Party | None = None) -> EvidenceCase:
    ret = a_return(customer)
    receipt_dir = folder / "receipt"
    receipt_dir.mkdir(parents=True, exist_ok=True)
    receipt_photos = tuple(replace(p, caption="Both cartons on arrival, dock 7")
                           for p in photos(receipt_dir, 1, shade=60))
    return EvidenceCase(
        order=order(customer), ret=ret,
        timeline=(
            TimelineEvent(at(7, 20), ReturnStatus.APPLIED, "Apply for Return, order page"),
            TimelineEvent(at(7, 21, 16), ReturnStatus.INSTRUCTIONS_SENT,
                          "Return address and pre-paid label emailed"),
            TimelineEvent(at(7, 22, 20), ReturnStatus.IN_TRANSIT, ret.tracking_number),
            TimelineEvent(at(7, 25, 15), ReturnStatus.RECEIVED, "2 of 2 cartons"),
            TimelineEvent(at(7, 28, 16, 25), ReturnStatus.INSPECTED, "Eligible"),
        ),
        receipt=ReceiptRecord(
            received_at=at(7, 25, 15), received_by="Dock 7 / J. Kim", carrier=ret.carrier,
            tracking_number=ret.tracking_number, parcel_condition=ParcelCondition.INTACT,
            cartons_received=2, cartons_expected=2, returned_goods_marked=ret.cross_border,
            notes="Both cartons sealed, RMA written on each.", photos=receipt_photos,
        ),
        inspections=(inspection(folder, customer),),
        communications=(
            CommunicationRecord(at(7, 20, 17, 5), CommunicationChannel.EMAIL,
                                Direction.INBOUND,
                                "【Return Application + LVN2025070100042】",
                                "Order Number: LVN2025070100042\nProduct Name: Nordic solid "
                                "wood dining table\nReturn Reason: too large\n"
                                "Contact Info: +1 415 555 0199"),
            CommunicationRecord(at(7, 21, 16), CommunicationChannel.EMAIL, Direction.OUTBOUND,
                                "Your return RMA-2025-000123",
                                "Thank you. Your return address and pre-paid UPS label are "
                                "attached. Shipping is deducted from the refund (P7)."),
        ),
        prepared_by="Sam Carter (supervisor)", prepared_at=at(8, 2, 17),
        purpose="Customer dispute of the shipping deduction",
    )
