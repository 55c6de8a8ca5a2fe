"""The detail pane writes an address as the documents print it: a Chinese address from the
postal code and province down to the street, the person last."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from livenon_desk.models import Address, Order, ReturnRequest
from livenon_desk.services.desk import Desk
from livenon_desk.store.database import Store
from livenon_desk.views.detail_html import detail_html
from tests.builders import add_return


def _shown(qtbot: QtBot, desk: Desk, return_id: int, chinese: bool) -> str:
    view = QTextBrowser()
    qtbot.addWidget(view)
    locale = QLocale("zh_CN" if chinese else "en_US")
    view.setHtml(detail_html(desk.returns.detail(return_id), chinese, locale))
    return view.toPlainText()


def test_a_chinese_address_reads_from_the_province_down_to_the_person(
    qtbot: QtBot, store: Store, desk: Desk
) -> None:
    built = add_return(store, customer_name="王芳")
    with store.session() as s:
        order = s.get_one(Order, s.get_one(ReturnRequest, built.return_id).order_id)
        address = s.get_one(Address, order.shipping_address_id)
        address.line1, address.line2 = "浦东新区世纪大道100号", "12楼"
        address.city, address.region = "上海市", "上海"
        address.postal_code, address.country_code = "200120", "CN"
    text = _shown(qtbot, desk, built.return_id, chinese=True)
    head = text.index("200120 中国上海上海市")
    assert head < text.index("浦东新区世纪大道100号") < text.index("12楼") \
        < text.rindex("王芳")


def test_an_english_address_starts_with_the_person(
    qtbot: QtBot, store: Store, desk: Desk
) -> None:
    built = add_return(store, customer_name="Emily Carter")
    text = _shown(qtbot, desk, built.return_id, chinese=False)
    ship_to = text[text.index("Ship to"):]
    assert ship_to.index("Emily Carter") < ship_to.index("100 Market St") \
        < ship_to.index("San Francisco CA 94105")
