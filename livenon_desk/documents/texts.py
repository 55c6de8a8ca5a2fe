"""Every printed label, in English and Simplified Chinese: the documents' one phrase book."""

from __future__ import annotations

from enum import StrEnum

from livenon_desk.documents.data import Lang
from livenon_desk.domain.enums import (
    Answer,
    Channel,
    CommunicationChannel,
    Decision,
    Direction,
    Disposition,
    LabelType,
    ParcelCondition,
    ReasonCode,
    ReturnStatus,
    RuleOutcome,
)

_TEXTS: dict[str, tuple[str, str]] = {
    # Titles
    "title.return_form": ("Return Form", "退货单"),
    "title.invoice": ("Invoice", "发票"),
    "title.invoice_copy": ("Copy of the order invoice", "订单发票副本"),
    "title.item_tag": ("Item tag", "商品标签"),
    "title.inspection_report": ("Inspection Report", "检验报告"),
    "title.credit_note": ("Credit Note", "贷项通知单（退款）"),
    "title.evidence_package": ("Evidence Package", "争议证据材料"),
    # Fields
    "rma": ("RMA number", "退货授权号（RMA）"),
    "rma.short": ("RMA", "RMA"),
    "order": ("Order number", "订单号"),
    "order.date": ("Order date", "下单日期"),
    "delivered": ("Delivery sign-off", "签收时间"),
    "invoice.number": ("Invoice number", "发票号"),
    "invoice.date": ("Invoice date", "开票日期"),
    "credit_note.number": ("Credit note number", "贷项通知单号"),
    "date": ("Date", "日期"),
    "issued": ("Issued", "开具日期"),
    "customer": ("Customer", "客户"),
    "contact": ("Contact", "联系方式"),
    "email": ("Email", "电子邮箱"),
    "phone": ("Phone", "电话"),
    "tax_id": ("Tax ID", "税号"),
    "reason": ("Return reason", "退货原因"),
    "reason.customer_words": ("The return reason in the customer's words: “{text}”",
                              "客户填写的退货原因：“{text}”"),
    "applied": ("Applied on", "申请日期"),
    "channel": ("Applied by", "申请方式"),
    "status": ("Status", "状态"),
    "line": ("Line", "行"),
    "sku": ("SKU", "货号"),
    "tag": ("Item tag", "商品标签号"),
    "product": ("Product", "商品"),
    "qty": ("Qty", "数量"),
    "cartons": ("Cartons", "箱数"),
    "unit_price": ("Unit price", "单价"),
    "amount": ("Amount", "金额"),
    "subtotal": ("Subtotal", "小计"),
    "tax": ("Tax", "税费"),
    "shipping": ("Shipping", "运费"),
    "total": ("Total", "合计"),
    "payment": ("Payment", "支付方式"),
    "seller": ("Seller", "销售方"),
    "bill_to": ("Bill to", "账单地址"),
    "ship_to": ("Ship to", "收货地址"),
    "return_address": ("Return address", "退货地址"),
    "from": ("FROM", "寄件人"),
    "to": ("TO", "收件人"),
    "carrier": ("Carrier", "承运商"),
    "service": ("Service", "服务"),
    "tracking": ("Tracking number", "运单号"),
    "weight": ("Weight", "重量"),
    "parcel": ("Parcel", "包裹"),
    "ship_date": ("Ship date", "寄出日期"),
    "label_type": ("Label", "退货标签"),
    "cross_border": ("Cross-border", "跨境"),
    "returned_goods": ("RETURNED GOODS", "退运货物"),
    "returned_goods.note": (
        "Returned goods: the goods were exported from this address and are returned, "
        "not sold again (T3).",
        "退运货物：本货物系原出口商品退回，非再次销售（T3）。",
    ),
    "disposition": ("Disposition", "处置方式"),
    "bin": ("Bin", "库位"),
    "inspected_by": ("Inspected by", "检验员"),
    "inspected_at": ("Inspected", "检验时间"),
    "decision": ("Decision", "结论"),
    "inspector": ("Inspector", "检验员"),
    "started": ("Started", "开始"),
    "finished": ("Finished", "完成"),
    "policy_version": ("Policy version", "政策版本"),
    "due.instructions": ("Instructions due (P2)", "退货说明期限（P2）"),
    "due.inspection": ("Inspect by (P5)", "检验期限（P5）"),
    "due.window": ("{start}, {end} at the latest", "{start}，最迟 {end}"),
    "checklist": ("Checklist", "检验清单"),
    "question": ("Check", "检验项"),
    "answer": ("Answer", "结果"),
    "rule": ("Rule", "规则"),
    "outcome": ("Outcome", "结果"),
    "why": ("Why", "依据"),
    "decision_by_rule": ("Decision, rule by rule", "逐条规则判定"),
    "override": ("Supervisor override", "主管改判"),
    "override.by": ("By", "改判人"),
    "override.reason": ("Written reason", "书面理由"),
    "computed_decision": ("Computed decision", "系统判定"),
    "final_decision": ("Final decision", "最终结论"),
    "refund": ("Refund", "退款"),
    "refund.recommendation": ("Refund recommendation", "退款建议"),
    "refund.price_paid": ("Price paid", "实付金额"),
    "refund.less": ("Less", "扣除"),
    "refund.amount": ("Refund due", "应退金额"),
    "refund.due": ("Refunded to the original payment method by {end} (P6).",
                   "最迟于 {end} 退回原支付方式（P6）。"),
    "refund.due_between": ("Refunded to the original payment method between {start} and "
                           "{end} (P6).", "于 {start} 至 {end} 之间退回原支付方式（P6）。"),
    "refund.rules": ("Rules applied", "适用规则"),
    "refund.none": ("No refund recommendation: the line is not eligible.",
                    "无退款建议：该商品不符合退货条件。"),
    "refund.notify": ("The customer is told of the deduction (P7).", "扣款已告知客户（P7）。"),
    "notes": ("Notes", "备注"),
    "photos": ("Photos", "照片"),
    "caption": ("Caption", "说明"),
    "photo.missing": ("Photo file not found", "照片文件缺失"),
    "photo.unreadable": ("Photo file cannot be read", "照片文件无法读取"),
    "photo.hash_mismatch": ("The file no longer matches its recorded SHA-256",
                            "文件与记录的 SHA-256 不一致"),
    "sha256": ("SHA-256", "SHA-256"),
    "content_hash": ("Content hash (SHA-256) of this inspection",
                     "本检验记录的内容哈希（SHA-256）"),
    "inspection_id": ("Inspection", "检验编号"),
    "content_hash.note": ("Check this paper against the record: livenon-desk verify-report.",
                          "核对本文件与原始记录：livenon-desk verify-report。"),
    "approved_by": ("Approved by", "批准人"),
    "deductions": ("Deductions", "扣款"),
    "no_deductions": ("No deductions (T1: Livenon pays the shipping of quality returns).",
                      "无扣款（T1：质量问题退货由 Livenon 承担运费）。"),
    "no_deductions.personal": (
        "No deductions: no Livenon pre-paid label is charged to this return (P7, T2).",
        "无扣款：本次退货不收取 Livenon 预付标签的费用（P7、T2）。",
    ),
    "deduction.label_cost": (
        "Return shipping (P7, T2): as this is a return for a personal reason, the cost of "
        "Livenon's pre-paid return label, {cost}, is deducted.",
        "退货运费（P7、T2）：本次为个人原因退货，Livenon 预付退货标签的费用 {cost} 从退款中扣除。",
    ),
    "deduction.estimate": (
        "Return shipping (P7, T2): as this is a return for a personal reason, the cost of "
        "Livenon's pre-paid return label is deducted. Its cost is not known yet, so it is "
        "estimated at {percent} of the price paid ({price}): {estimate}.",
        "退货运费（P7、T2）：本次为个人原因退货，Livenon 预付退货标签的费用从退款中扣除；"
        "该费用尚未确定，按实付金额（{price}）的 {percent} 估算：{estimate}。",
    ),
    "deduction.capped": (
        "The deduction is capped at {percent} of the price paid: {amount}.",
        "扣款以实付金额的 {percent} 为上限：{amount}。",
    ),
    "deduction.share": ("this line's share of the {amount} deduction for the return",
                        "为整单退货扣款 {amount} 分摊到本行的部分"),
    "deduction.other": ("{what} ({rule}): {amount} is deducted.",
                        "{what}（{rule}）：扣除 {amount}。"),
    "credit.lines": ("Returned items", "退货商品"),
    "credit.copy": ("COPY of the credit note issued on {issued}, printed on {printed}.",
                    "副本：本贷项通知单于 {issued} 开具，{printed} 重印。"),
    "credit.body": ("We have received and inspected your return.", "我们已收到并检验您的退货。"),
    "credit.refund_between": (
        "{amount} is refunded to {payment}, the payment method of your order, between "
        "{start} and {end} (P6).",
        "{amount} 将于 {start} 至 {end} 之间退回您下单时的支付方式 {payment}（P6）。",
    ),
    "credit.refund_by": (
        "{amount} is refunded to {payment}, the payment method of your order, by {end} "
        "(P6).",
        "{amount} 将最迟于 {end} 退回您下单时的支付方式 {payment}（P6）。",
    ),
    "credit.refund_within": (
        "{amount} is refunded to {payment}, the payment method of your order, within "
        "1-7 days (P6).",
        "{amount} 将在 1-7 天内退回您下单时的支付方式 {payment}（P6）。",
    ),
    "timeline": ("Timeline of the return", "退货时间线"),
    "event": ("Event", "事件"),
    "when": ("When", "时间"),
    "receipt": ("Receipt at the warehouse", "仓库收货记录"),
    "received_by": ("Received by", "收货人"),
    "received_at": ("Received", "收货时间"),
    "parcel_condition": ("Parcel condition", "包裹状况"),
    "cartons_received": ("Cartons received", "实收箱数"),
    "returned_goods_marked": ("Marked \"Returned Goods\" (T3)", "标注“退运货物”（T3）"),
    "communications": ("Communications on file (T4)", "沟通记录（T4）"),
    "direction": ("Direction", "方向"),
    "subject": ("Subject", "主题"),
    "order_section": ("The order", "订单"),
    "inspection_section": ("Inspection of {tag}", "{tag} 的检验"),
    "prepared_by": ("Prepared by", "编制人"),
    "prepared_at": ("Prepared", "编制时间"),
    "purpose": ("Purpose", "用途"),
    "contents": ("Contents", "目录"),
    "none_on_file": ("None on file.", "无记录。"),
    "yes": ("Yes", "是"),
    "no": ("No", "否"),
    "page_of": ("Page {page} of {pages}", "第 {page} 页，共 {pages} 页"),
    "continued": ("continued", "续"),
    # Return form (P3)
    "form.intro": (
        "Please print this form and put it in the parcel with the goods. Write the RMA "
        "number on the outside of every carton.",
        "请打印本退货单并随货物一同放入包裹，并在每个纸箱外侧写明 RMA 号。",
    ),
    "form.lines": ("Items being returned", "退货商品"),
    "form.packing": ("How to pack (P3)", "包装要求（P3）"),
    "form.packing.1": (
        "Use the original packaging. If it is gone, wrap each piece in bubble wrap and "
        "pack it in sturdy cardboard.",
        "请使用原包装；如原包装已丢失，请用气泡膜包裹每件商品并装入结实的纸箱。",
    ),
    "form.packing.2": ("Do not assemble the furniture; keep every part and accessory.",
                       "请勿组装家具，保留全部零件和配件。"),
    "form.packing.3": ("Seal every carton and number them (1 of 2, 2 of 2).",
                       "封好每个纸箱并编号（1/2、2/2）。"),
    "form.enclose": ("Put in the parcel", "包裹内须附"),
    "form.enclose.1": ("the goods, with all accessories", "商品及全部配件"),
    "form.enclose.2": ("the order invoice", "订单发票"),
    "form.enclose.3": ("this return form", "本退货单"),
    "form.ship": ("Shipping (P4)", "寄送方式（P4）"),
    "form.ship.prepaid": (
        "Attach Livenon's pre-paid {carrier} label and drop the parcel off at a {carrier} "
        "point. Keep your receipt.",
        "请贴上 Livenon 提供的 {carrier} 预付标签，并送至 {carrier} 网点寄出，保留寄件凭证。",
    ),
    "form.ship.own": (
        "Send the parcel with a trackable courier and keep the tracking number.",
        "请使用可追踪的快递寄出，并保留运单号。",
    ),
    "form.who_pays.quality": (
        "Quality-related return: Livenon pays the return shipping (T1).",
        "质量问题退货：退货运费由 Livenon 承担（T1）。",
    ),
    "form.who_pays.prepaid": (
        "Personal-reason return: the return shipping is yours, so the pre-paid label's cost "
        "is deducted from your refund (P7, T2).",
        "个人原因退货：退货运费由您承担，预付标签的费用将从您的退款中扣除（P7、T2）。",
    ),
    "form.who_pays.own": (
        "Personal-reason return: you pay your courier for the return shipping, and nothing "
        "is deducted from your refund for it (T2).",
        "个人原因退货：退货运费由您直接支付给快递公司，退款中不再扣除运费（T2）。",
    ),
    "form.ship.prepaid_any": (
        "Attach Livenon's pre-paid label and drop the parcel off with the carrier it names. "
        "Keep your receipt.",
        "请贴上 Livenon 提供的预付标签，并交给标签上注明的承运商寄出，保留寄件凭证。",
    ),
    "form.who_pays.personal": (
        "Personal-reason return: the return shipping is yours; with our pre-paid label its "
        "cost is deducted from the refund (P7, T2).",
        "个人原因退货：退货运费由您承担；如使用我们的预付标签，运费将从退款中扣除（P7、T2）。",
    ),
    "form.refund": (
        "We inspect the goods within 3-5 business days of receipt (P5) and refund passed "
        "items to the original payment method within 1-7 days (P6).",
        "我们将在收货后 3-5 个工作日内完成检验（P5），"
        "检验通过的商品将在 1-7 天内退回原支付方式（P6）。",
    ),
    "form.questions": ("Questions: {email}, subject 【Return Application + {order}】.",
                       "如有疑问：{email}，邮件主题【退货申请 + {order}】。"),
    "form.signature": ("Customer signature", "客户签名"),
    # Invoice
    "invoice.copy_note": (
        "Copy of the invoice issued with order {order}, printed for the return. Amounts "
        "as the order holds them; prices include logistics, customs and taxes.",
        "订单 {order} 发票的副本，供退货使用。金额以订单记录为准；价格已含物流、关税及税费。",
    ),
    "invoice.paid_by": ("Paid by", "支付方式"),
    # Item tag
    "tag.not_inspected": ("not inspected yet", "尚未检验"),
    "carton": ("Carton", "箱号"),
}

_ENUMS: dict[StrEnum, tuple[str, str]] = {
    ReasonCode.DEFECTIVE: ("Defective", "商品有缺陷"),
    ReasonCode.DAMAGED_IN_TRANSIT: ("Damaged in transit", "运输途中损坏"),
    ReasonCode.WRONG_ITEM: ("Wrong item sent", "发错商品"),
    ReasonCode.NOT_AS_DESCRIBED: ("Not as described", "与描述不符"),
    ReasonCode.SIZE_MISMATCH: ("Size does not fit", "尺寸不合适"),
    ReasonCode.CHANGED_MIND: ("Changed mind", "不想要了"),
    ReasonCode.STYLE_COLOUR: ("Style or colour", "款式或颜色不喜欢"),
    ReasonCode.FOUND_CHEAPER: ("Found cheaper", "找到更便宜的"),
    ReturnStatus.APPLIED: ("Return applied for", "提交退货申请"),
    ReturnStatus.INSTRUCTIONS_SENT: ("Return instructions sent", "已发送退货说明"),
    ReturnStatus.IN_TRANSIT: ("Shipped by the customer", "客户已寄出"),
    ReturnStatus.PARTIALLY_RECEIVED: ("Partly received", "部分收货"),
    ReturnStatus.RECEIVED: ("Received at the warehouse", "仓库已收货"),
    ReturnStatus.INSPECTING: ("Inspection started", "开始检验"),
    ReturnStatus.INSPECTED: ("Inspected", "检验完成"),
    ReturnStatus.REFUND_APPROVED: ("Refund approved", "退款已批准"),
    ReturnStatus.REFUND_REJECTED: ("Refund rejected", "退款被拒绝"),
    ReturnStatus.CLOSED: ("Closed", "已结案"),
    Decision.ELIGIBLE: ("Eligible", "符合退货条件"),
    Decision.NOT_ELIGIBLE: ("Not eligible", "不符合退货条件"),
    Decision.NEEDS_REVIEW: ("Needs supervisor review", "需主管审核"),
    Decision.PENDING: ("Pending", "待定"),
    RuleOutcome.PASS: ("Pass", "通过"),
    RuleOutcome.FAIL: ("Fail", "不通过"),
    RuleOutcome.REVIEW: ("Review", "需审核"),
    RuleOutcome.PENDING: ("Pending", "待定"),
    Answer.YES: ("Yes", "是"),
    Answer.NO: ("No", "否"),
    Answer.NOT_APPLICABLE: ("n/a", "不适用"),
    Answer.UNANSWERED: ("Not answered", "未回答"),
    Disposition.RESTOCK: ("Restock", "重新上架"),
    Disposition.REFURBISH: ("Refurbish", "翻新"),
    Disposition.LIQUIDATE: ("Liquidate", "清仓处理"),
    Disposition.DISPOSE: ("Dispose", "报废"),
    Disposition.RETURN_TO_CUSTOMER: ("Return to customer", "退回客户"),
    ParcelCondition.INTACT: ("Intact", "完好"),
    ParcelCondition.DAMAGED_OUTER_BOX: ("Outer box damaged", "外箱破损"),
    ParcelCondition.OPENED: ("Opened", "已开封"),
    Channel.WEB: ("Order page", "订单页面"),
    Channel.EMAIL: ("Email", "电子邮件"),
    CommunicationChannel.EMAIL: ("Email", "电子邮件"),
    CommunicationChannel.CHAT: ("Chat", "在线客服"),
    CommunicationChannel.PHONE: ("Phone", "电话"),
    CommunicationChannel.WEB: ("Web", "网页"),
    Direction.INBOUND: ("From the customer", "客户来信"),
    Direction.OUTBOUND: ("To the customer", "发给客户"),
    LabelType.PREPAID: ("Livenon pre-paid label", "Livenon 预付标签"),
    LabelType.OWN_COURIER: ("Customer's own courier", "客户自选快递"),
}

RULE_TITLES: dict[str, tuple[str, str]] = {
    "E1": ("Not customized", "非定制商品"),
    "E2": ("Within 30 days of sign-off", "签收后 30 天内申请"),
    "E3": ("Unassembled", "未组装"),
    "E4": ("Undamaged and unused", "无损坏、未使用"),
    "E5": ("Packaging, accessories, invoice intact", "包装、配件、发票齐全"),
    "X1": ("Customized: never returnable", "定制商品不可退"),
    "X2": ("Clearance: never returnable", "清仓商品不可退"),
    "X3": ("Used or damaged: not returnable", "已使用或损坏不可退"),
}


def tr(key: str, lang: Lang, **values: str) -> str:
    """The label ``key`` in ``lang``, with ``{name}`` placeholders filled in."""
    en, zh = _TEXTS[key]
    text = zh if lang == "zh" else en
    return text.format(**values) if values else text


def enum_text(value: StrEnum, lang: Lang) -> str:
    en, zh = _ENUMS[value]
    return zh if lang == "zh" else en


def rule_title(rule_id: str, lang: Lang) -> str:
    en, zh = RULE_TITLES.get(rule_id, (rule_id, rule_id))
    return zh if lang == "zh" else en


def labelled(key: str, lang: Lang, value: str) -> str:
    """``Label: value``, with the full-width colon in Chinese."""
    return f"{tr(key, lang)}{'：' if lang == 'zh' else ': '}{value}"


def both(en: str, zh: str, lang: Lang) -> str:
    return zh if lang == "zh" else en
