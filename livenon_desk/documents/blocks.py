"""Building blocks of the office documents: headings, fact grids, address boxes, tables.

Every cell is a Paragraph, so long text wraps inside its column instead of running over
the next one; tables repeat their header row on each page they flow onto.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeAlias

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from livenon_desk.documents.data import Address, Lang, Party
from livenon_desk.documents.glyphs import markup
from livenon_desk.documents.styles import BRAND, MUTED_HEX, RULE, SHADE, styles, table_style
from livenon_desk.documents.texts import tr

Cell: TypeAlias = str | Flowable


def heading(text: str) -> Paragraph:
    return Paragraph(markup(text), styles().heading)


def para(text: str | None, style: str = "body") -> Paragraph:
    return Paragraph(markup(text), getattr(styles(), style))


def facts(pairs: Sequence[tuple[str, str | None]], width: float, columns: int = 3) -> Table:
    """Key above value, ``columns`` to a row: the reference numbers at the top of a page."""
    st = styles()
    cells: list[list[Flowable] | str] = [
        [Paragraph(markup(k), st.key), Paragraph(markup(v or "—"), st.value)] for k, v in pairs
    ]
    rows: list[list[list[Flowable] | str]] = []
    for start in range(0, len(cells), columns):
        chunk = cells[start:start + columns]
        rows.append(chunk + [""] * (columns - len(chunk)))
    table = Table(rows, colWidths=[width / columns] * columns)
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def address_paragraph(address: Address | None, party: Party | None = None) -> Paragraph:
    """The address lines, then the party's email and phone; missing parts are skipped."""
    lines = list(address.lines()) if address else []
    if party is not None:
        if party.name not in lines:  # a Chinese address names the person last
            lines.insert(0, party.name)
        lines += [p for p in (party.email, party.phone) if p]
    elif address is not None and address.phone:
        lines.append(address.phone)
    return Paragraph("<br/>".join(markup(line) for line in lines) or "—", styles().value)


def boxes(titled: Sequence[tuple[str, Flowable]], width: float) -> Table:
    """Side-by-side boxes, each with a small title: seller / bill to / ship to."""
    st = styles()
    column = width / len(titled)
    table = Table([[Paragraph(markup(t), st.key) for t, _ in titled],
                   [body for _, body in titled]], colWidths=[column] * len(titled))
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, 0), 5),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
        ("BACKGROUND", (0, 0), (-1, -1), SHADE),
        ("LINEAFTER", (0, 0), (-2, -1), 2, colors.white),
    ]))
    return table


def product_cell(name_en: str, name_zh: str | None, lang: Lang, detail: str | None = None
                 ) -> Paragraph:
    """The product in the document's language; the other language below it, smaller."""
    st = styles()
    first, second = (name_zh, name_en) if lang == "zh" and name_zh else (name_en, name_zh)
    text = markup(first)
    if second and lang == "zh":
        text += f'<br/><font size="7" color="{MUTED_HEX}">{markup(second)}</font>'
    if detail:
        text += f'<br/><font size="7" color="{MUTED_HEX}">{markup(detail)}</font>'
    return Paragraph(text, st.cell)


def data_table(
    header: Sequence[str], rows: Sequence[Sequence[Cell]], widths: Sequence[float],
    *, right: Sequence[int] = (), lang: Lang = "en",
) -> Table:
    """A ruled table with a header band that repeats on every page it flows onto."""
    st = styles()
    head = [Paragraph(markup(h), st.cell_head_right if i in right else st.cell_head)
            for i, h in enumerate(header)]
    body = [
        [c if isinstance(c, Flowable) else
         Paragraph(markup(c), st.cell_right if i in right else st.cell) for i, c in enumerate(r)]
        for r in rows
    ]
    table = Table([head, *body], colWidths=list(widths), repeatRows=1)
    commands: list[Any] = [
        ("BACKGROUND", (0, 0), (-1, 0), BRAND),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
    ]
    commands += [("BACKGROUND", (0, i), (-1, i), SHADE) for i in range(2, len(body) + 1, 2)]
    table.setStyle(table_style(commands))
    if not rows:
        empty = Table([[table], [para(tr("doc.none-on-file", lang), "muted")]])
        # Without a style of its own the wrapper names Helvetica, which is not embedded.
        empty.setStyle(table_style([("LEFTPADDING", (0, 0), (-1, -1), 0),
                                    ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return empty
    return table


def bullets(items: Sequence[str]) -> list[Flowable]:
    st = styles()
    return [Paragraph(markup(item), st.bullet, bulletText="•") for item in items]


def checkboxes(items: Sequence[str]) -> list[Flowable]:
    """Items to tick by hand: an empty box before each."""
    st = styles()
    return [Paragraph(markup(item), st.checkbox, bulletText="□") for item in items]


def columns(cells: Sequence[Sequence[Flowable]], width: float) -> Table:
    """Stacks of flowables side by side, top-aligned, in equal columns."""
    table = Table([list(cells)], colWidths=[width / len(cells)] * len(cells))
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
    ]))
    return table


def returned_goods(lang: Lang, width: float) -> KeepTogether:
    """T3: the "Returned Goods" marking of a cross-border paper, so that no second duty is
    charged. Customs read English; a Chinese paper says it in Chinese as well.
    """
    st = styles()
    mark = tr("doc.returned-goods", "en")
    notes = [tr("doc.returned-goods.note", lang)]
    if lang != "en":
        mark = f"{mark}  ·  {tr('doc.returned-goods', lang)}"
        notes.append(tr("doc.returned-goods.note", "en"))
    band = Table([[Paragraph(f'<font size="13" color="white">{markup(mark)}</font>',
                             st.centered)]], colWidths=[width])
    band.setStyle(table_style([("BACKGROUND", (0, 0), (-1, -1), colors.black),
                               ("TOPPADDING", (0, 0), (-1, -1), 5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]))
    return keep(band, gap(2), *(para(note, "small") for note in notes))


def gap(height: float = 6) -> Spacer:
    return Spacer(1, height)


def keep(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))
