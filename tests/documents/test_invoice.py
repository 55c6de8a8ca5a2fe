from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from livenon_desk.documents.data import Address, CompanyDetails, OrderLine
from livenon_desk.documents.invoice import invoice_pdf
from tests.documents import pdf_reading as pdf
from tests.documents import samples

LONG_NAME = ("Extendable solid oak dining table with two hidden butterfly leaves, hand-rubbed "
             "oil finish, tapered legs and matching storage bench, seats eight to ten guests "
             "comfortably, Scandinavian collection 2025 edition")


def test_invoice_holds_the_order(company: CompanyDetails) -> None:
    invoice = samples.invoice()
    data = invoice_pdf(invoice, company)
    text = pdf.squashed(data)
    order = invoice.order
    for value in (invoice.invoice_number, order.order_number, "EmilyJohnson", "LivenonInc.",
                  "LVN-TBL-0451", "LVN-CHR-0112", "899.00", "259.00", "1,158.00", "101.32",
                  "49.00", "USD1,308.32", "EIN00-0000000"):
        assert value in text, value
    assert "Visa••••4242" in text
    assert samples.FULL_CARD not in text


def test_sixty_lines_flow_onto_more_pages_with_the_header_on_each(company: CompanyDetails
                                                                  ) -> None:
    lines = samples.order_lines(60)
    data = invoice_pdf(samples.invoice(lines=lines), company)
    pages = [("".join(t.split())) for t in pdf.page_texts(data)]
    assert len(pages) >= 2
    for i, page in enumerate(pages, start=1):
        assert "Unitprice(USD)" in page  # the header row repeats
        assert f"Page{i}of{len(pages)}" in page
    everything = "".join(pages)
    for line in lines:
        assert line.sku in everything
    assert everything.count("LVN-ACC-") == 60


def test_a_very_long_product_name_wraps_inside_its_column(company: CompanyDetails) -> None:
    lines = (OrderLine(1, "LVN-TBL-9001", LONG_NAME, None, 1, Decimal("2499.00")),
             OrderLine(2, "LVN-X-" + "9" * 40, "W" * 120, None, 1, Decimal("1.00")))
    data = invoice_pdf(samples.invoice(lines=lines), company)
    text = pdf.text(data)
    assert "".join(LONG_NAME.split()) in "".join(text.split())
    assert "W" * 120 in "".join(text.split())
    # Wrapped: the long name takes several lines, each on the page.
    name_lines = [line for line in text.splitlines() if "hand-rubbed" in line or
                  "Scandinavian" in line]
    assert name_lines and all(len(line) < 120 for line in name_lines)
    assert "2,499.00" in text


def test_missing_address_parts_are_skipped(company: CompanyDetails) -> None:
    customer = replace(samples.american(), phone=None, email=None,
                       address=Address("Emily Johnson", "1458 Maple Avenue", None, "Portland",
                                       None, None, "US"))
    invoice = samples.invoice(customer)
    invoice = replace(invoice, order=replace(invoice.order, shipping_address=None))
    text = pdf.text(invoice_pdf(invoice, company))
    assert "None" not in text
    assert "Portland" in text and "1458 Maple Avenue" in text
