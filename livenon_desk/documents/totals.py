"""The right-aligned block of amounts under a table: subtotal, deductions, total."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Paragraph, Table

from livenon_desk.documents.glyphs import markup
from livenon_desk.documents.styles import BRAND, styles, table_style


def totals(rows: Sequence[tuple[str, str]], total: tuple[str, str], width: float) -> Table:
    """Label and amount rows, then the total under a rule, in the right part of the page."""
    st = styles()
    body = [[Paragraph(markup(k), st.cell_right), Paragraph(markup(v), st.cell_right)]
            for k, v in rows]
    body.append([Paragraph(markup(total[0]), st.total), Paragraph(markup(total[1]), st.total)])
    table = Table(body, colWidths=[0.5 * width, 0.5 * width], hAlign="RIGHT")
    table.setStyle(table_style([
        ("LINEABOVE", (0, -1), (-1, -1), 1, BRAND),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, -1), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table
