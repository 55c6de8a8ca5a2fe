"""Photos on a report, two to a row, each with its caption and its SHA-256 checked.

The hash printed is the one recorded when the photo was taken; the file is hashed again
while printing, and a file that no longer matches (or is gone) says so on the page.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Sequence

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Paragraph, Table

from livenon_desk.documents.data import Lang, PhotoRef
from livenon_desk.documents.formatting import moment
from livenon_desk.documents.glyphs import markup
from livenon_desk.documents.styles import FAIL, RULE, styles, table_style
from livenon_desk.documents.texts import tr

log = logging.getLogger(__name__)

MAX_PHOTO_HEIGHT = 170.0


def photo_grid(photos: Sequence[PhotoRef], width: float, lang: Lang, zone: str) -> Table:
    column = width / 2
    cells = [_cell(photo, column - 12, lang, zone) for photo in photos]
    if len(cells) % 2:
        cells.append([])
    rows = [cells[i:i + 2] for i in range(0, len(cells), 2)]
    table = Table(rows, colWidths=[column, column])
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 12),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
    ]))
    return table


def _cell(photo: PhotoRef, width: float, lang: Lang, zone: str) -> list[Flowable]:
    st = styles()
    problem: str | None = None
    picture: Flowable | None = None
    try:
        data = photo.path.read_bytes()
    except OSError:
        log.warning("photo %s is missing", photo.sha256[:12])
        problem = tr("doc.photo.missing", lang)
    else:
        if hashlib.sha256(data).hexdigest() != photo.sha256.lower():
            log.warning("photo %s no longer matches its hash", photo.sha256[:12])
            problem = tr("doc.photo.hash-mismatch", lang)
        try:
            ImageReader(io.BytesIO(data)).getSize()  # the Image flowable reads it only later
            picture = Image(io.BytesIO(data), width=width, height=MAX_PHOTO_HEIGHT,
                            kind="proportional", hAlign="LEFT")
        except OSError:
            log.warning("photo %s cannot be read as an image", photo.sha256[:12])
            problem = tr("doc.photo.unreadable", lang)
    cell: list[Flowable] = []
    if picture is not None:
        cell.append(picture)
    else:
        box = Table([[Paragraph(markup(problem), st.centered)]], colWidths=[width],
                    rowHeights=[60])
        box.setStyle(table_style([("BOX", (0, 0), (-1, -1), 0.6, RULE),
                                 ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        cell.append(box)
    caption = photo.caption or ""
    if photo.taken_at:
        caption = f"{caption} · {moment(photo.taken_at, lang, zone)}" if caption \
            else moment(photo.taken_at, lang, zone)
    if caption:
        cell.append(Paragraph(markup(caption), st.small))
    cell.append(Paragraph(f"{tr('doc.sha256', lang)} {photo.sha256}", st.mono))
    if problem and picture is not None:
        cell.append(Paragraph(f'<font color="#{FAIL.hexval()[2:]}">{markup(problem)}</font>',
                              st.small))
    return cell
