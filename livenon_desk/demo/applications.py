"""A few email applications for the demo (P1): what a mailbox holds on a usual morning.

Each names one of the demo's orders, so the desk's queue shows every case the check knows:
a clean application in English and one in Chinese, a sender who is not the customer, an
order of several lines where the product could be more than one, an order number nobody
knows, an HTML-only email with a remote image, and one past its P2 deadline. The messages
and the moments they arrive are computed from ``today`` and the orders on file, never from
the clock, so the same demo database gives the same applications.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from email.utils import format_datetime, formataddr
from zoneinfo import ZoneInfo

from sqlalchemy import select

from livenon_desk.domain.business_days import BusinessCalendar
from livenon_desk.models import Customer, Order, OrderLine, ReturnRequest
from livenon_desk.store.database import Store


@dataclass(frozen=True)
class DemoMail:
    received_at: datetime
    raw: bytes


@dataclass(frozen=True)
class _Order:
    number: str
    email: str
    name: str
    products: tuple[tuple[str, str | None], ...]  # (English, Chinese) per line


def demo_applications(store: Store, today: date, calendar: BusinessCalendar,
                      zone: ZoneInfo) -> list[DemoMail]:
    """The demo's email applications, oldest first; none when the demo has too few
    orders."""
    days = _business_days_back(today, calendar, 5)
    # Delivered before the oldest email and well inside E2's 30 days of the newest.
    orders = _delivered_between(store, datetime.combine(today - timedelta(days=20), time(),
                                                        tzinfo=zone),
                                datetime.combine(days[-1], time(), tzinfo=zone))
    single = [o for o in orders if len(o.products) == 1]
    several = [o for o in orders if len(o.products) > 1]
    if len(single) < 4 or not several:
        return []

    def at(day: date, hour: int, minute: int) -> datetime:
        return datetime.combine(day, time(hour, minute), tzinfo=zone)

    english, chinese, stranger, html = single[:4]
    multi = several[0]
    table, chair = multi.products[0][0], multi.products[1][0]
    shared = _shared_word(table, chair)
    return [
        # Past its P2 deadline: received four business days ago, never answered.
        _mail(at(days[4], 9, 12), "overdue", english.email, english.name, english.number,
              english.products[0][0], "The drawer runners are broken and it wobbles."),
        _mail(at(days[1], 16, 40), "several", multi.email, multi.name, multi.number,
              shared or "the furniture", "changed my mind"),
        _mail(at(days[0], 8, 5), "unknown", "r.ortiz@example.org", "Rosa Ortiz",
              "LVN2099010100001", "Coffee table", "too big for the room"),
        _chinese(at(days[0], 9, 30), chinese),
        _mail(at(days[0], 10, 2), "stranger", "a.friend@example.com", "A Friend",
              stranger.number, stranger.products[0][0],
              "My sister ordered it; the colour does not match her room."),
        _html(at(days[0], 11, 47), html),
    ]


def _delivered_between(store: Store, start: datetime, end: datetime) -> list[_Order]:
    with store.read_session() as s:
        recent = list(s.execute(
            select(Order.id, Order.order_number, Customer.email, Customer.name)
            .join(Customer, Customer.id == Order.customer_id)
            .where(Order.delivered_at >= start, Order.delivered_at < end,
                   Customer.email.is_not(None),
                   # A restricted return's email is kept but not processed: not a demo.
                   ~select(ReturnRequest.id).where(ReturnRequest.order_id == Order.id,
                                                   ReturnRequest.restricted.is_(True))
                   .exists())
            .order_by(Order.delivered_at.desc(), Order.order_number).limit(40)))
        lines: dict[int, list[tuple[str, str | None]]] = {}
        for order_id, en, zh in s.execute(
                select(OrderLine.order_id, OrderLine.product_name_en, OrderLine.product_name_zh)
                .where(OrderLine.order_id.in_([r[0] for r in recent]))
                .order_by(OrderLine.order_id, OrderLine.line_no)):
            lines.setdefault(order_id, []).append((en, zh))
    return [_Order(number, email or "", name, tuple(lines.get(order_id, ())))
            for order_id, number, email, name in recent if lines.get(order_id)]


def _business_days_back(today: date, calendar: BusinessCalendar, n: int) -> list[date]:
    """Today (or the last business day before it) and the ``n`` business days before."""
    found: list[date] = []
    day = today
    while len(found) <= n:
        if calendar.is_business_day(day):
            found.append(day)
        day -= timedelta(days=1)
    return found


def _shared_word(first: str, second: str) -> str | None:
    """A word both product names hold (their range, say), to leave the line to a person."""
    words = [w for w in first.split() if len(w) > 3 and w in second.split()]
    return words[0] if words else None


def _headers(when: datetime, key: str, sender: str, name: str, subject: str,
             content_type: str) -> str:
    return (f"From: {formataddr((name, sender))}\r\nTo: services@livenon.com\r\n"
            f"Subject: {subject}\r\nDate: {format_datetime(when)}\r\n"
            f"Message-ID: <demo-{key}@mail.example.com>\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: {content_type}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")


def _mail(when: datetime, key: str, sender: str, name: str, order: str, product: str,
          reason: str) -> DemoMail:
    body = (f"Hello,\r\n\r\nOrder Number: {order}\r\nProduct Name: {product}\r\n"
            f"Return Reason: {reason}\r\nContact Info: {sender}\r\n\r\nThank you,\r\n"
            f"{name}\r\n")
    head = _headers(when, key, sender, name, f"[Return Application + {order}]",
                    "text/plain; charset=utf-8")
    return DemoMail(when, (head + body).encode())


def _chinese(when: datetime, order: _Order) -> DemoMail:
    product = order.products[0][1] or order.products[0][0]
    body = (f"您好：\r\n\r\n订单号：{order.number}\r\n商品名称：{product}\r\n"
            f"退货原因：尺寸太大，放不进房间\r\n联系方式：{order.email}\r\n\r\n谢谢！\r\n")
    head = _headers(when, "chinese", order.email, order.name,
                    f"=?UTF-8?B?{_b64(f'【退货申请+{order.number}】')}?=",
                    "text/plain; charset=utf-8")
    return DemoMail(when, (head + body).encode())


def _html(when: datetime, order: _Order) -> DemoMail:
    # The image and the link point at a tracker: the desk shows the text and fetches none.
    body = ("<html><body><p>Dear Livenon,</p>"
            f"<p><b>Order Number:</b> {order.number}<br><b>Product Name:</b> "
            f"{order.products[0][0]}<br><b>Return Reason:</b> arrived damaged, the "
            f"corner is cracked<br><b>Contact Info:</b> {order.email}</p>"
            "<img src=\"https://tracker.example.com/open.gif\">"
            "<p><a href=\"https://tracker.example.com/click\">My photos</a></p>"
            "<p>Sent from my phone</p></body></html>\r\n")
    head = _headers(when, "html", order.email, order.name,
                    f"Return Application + {order.number}", "text/html; charset=utf-8")
    return DemoMail(when, (head + body).encode())


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()
