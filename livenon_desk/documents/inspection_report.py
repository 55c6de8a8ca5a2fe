"""The inspection report: every checklist answer, the decision rule by rule, the refund.

Carries the policy version and rule ids (E1-E5, X1-X3; P6, P7, T1, T2) so a supervisor
can see why, and the content hash of the inspection as text and QR so a copy can be
checked against the record later.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, PageBreak, Paragraph, Table

from livenon_desk.documents.barcodes import qr
from livenon_desk.documents.blocks import data_table, facts, gap, heading, keep, para, product_cell
from livenon_desk.documents.content_hash import inspection_hash, qr_payload
from livenon_desk.documents.data import CompanyDetails, InspectionRecord, Lang
from livenon_desk.documents.formatting import day, moment, money
from livenon_desk.documents.glyphs import markup
from livenon_desk.documents.page_frame import Frame, build_pdf, content_width
from livenon_desk.documents.photo_grid import photo_grid
from livenon_desk.documents.refund_block import refund_block
from livenon_desk.documents.styles import FAIL, PASS, REVIEW, RULE, SHADE, styles, table_style
from livenon_desk.documents.texts import both, enum_text, labelled, rule_title, tr
from livenon_desk.domain.enums import Answer, Decision, RuleOutcome

_OUTCOME_COLOURS = {RuleOutcome.PASS: PASS, RuleOutcome.FAIL: FAIL,
                    RuleOutcome.REVIEW: REVIEW, RuleOutcome.PENDING: REVIEW}
_ANSWER_COLOURS = {Answer.YES: PASS, Answer.NO: FAIL, Answer.UNANSWERED: REVIEW}
_DECISION_COLOURS = {Decision.ELIGIBLE: PASS, Decision.NOT_ELIGIBLE: FAIL,
                     Decision.NEEDS_REVIEW: REVIEW, Decision.PENDING: REVIEW}


def inspection_report_pdf(record: InspectionRecord, company: CompanyDetails,
                          lang: Lang = "en") -> bytes:
    frame = Frame(company, lang, "doc.title.inspection-report", record.rma_number)
    return build_pdf(frame, inspection_story(record, company, lang),
                     subject=f"{record.rma_number} {record.line.tag_code}")


def _window(due: tuple[date, date] | None, lang: Lang) -> str | None:
    """A deadline as target and latest day (P2, P5)."""
    if due is None:
        return None
    return tr("doc.due.window", lang, start=day(due[0], lang), end=day(due[1], lang))


def inspection_story(record: InspectionRecord, company: CompanyDetails, lang: Lang
                     ) -> list[Flowable]:
    """The report's content, also used as a section of the evidence package (T4)."""
    width = content_width(company)
    zone = company.time_zone
    line = record.line
    story: list[Flowable] = [
        facts([
            (tr("doc.rma", lang), record.rma_number),
            (tr("doc.order", lang), record.order_number),
            (tr("doc.tag", lang), line.tag_code),
            (tr("doc.inspector", lang), record.inspector),
            (tr("doc.started", lang), moment(record.started_at, lang, zone)),
            (tr("doc.finished", lang), moment(record.finished_at, lang, zone)),
            (tr("doc.policy-version", lang), record.policy_version),
            (tr("doc.disposition", lang),
             enum_text(record.disposition, lang) if record.disposition else None),
            (tr("doc.sku", lang), line.sku),
            (tr("doc.due.instructions", lang), _window(record.instructions_due, lang)),
            (tr("doc.due.inspection", lang), _window(record.inspection_due, lang)),
        ], width),
        gap(2),
        data_table([tr("doc.product", lang), tr("doc.qty", lang), tr("doc.unit-price", lang)],
                   [[product_cell(line.product_name_en, line.product_name_zh, lang),
                     str(line.quantity), money(line.unit_price)]],
                   [0.7 * width, 0.1 * width, 0.2 * width], right=(1, 2), lang=lang),
        _decision_banner(record, lang, width),
        heading(tr("doc.checklist", lang)),
        data_table(
            [tr("doc.rule", lang), tr("doc.question", lang), tr("doc.answer", lang)],
            [[a.rule_id, both(a.question_en, a.question_zh, lang),
              _coloured(enum_text(a.answer, lang), _ANSWER_COLOURS.get(a.answer))]
             for a in record.answers],
            [0.1 * width, 0.72 * width, 0.18 * width], lang=lang,
        ),
        # The decision is read as a whole: the rules stay on one page with their heading
        # (a table taller than a page still flows on).
        keep(heading(f"{tr('doc.decision-by-rule', lang)} · {tr('doc.policy-version', lang)} "
                     f"{record.policy_version}"),
             data_table(
                 [tr("doc.rule", lang), tr("doc.outcome", lang), tr("doc.why", lang)],
                 [[f"{r.rule_id}  {rule_title(r.rule_id, lang)}",
                   _coloured(enum_text(r.outcome, lang), _OUTCOME_COLOURS[r.outcome]),
                   r.reason.text(lang)] for r in record.rules],
                 [0.3 * width, 0.13 * width, 0.57 * width], lang=lang,
             )),
    ]
    if record.override:
        o = record.override
        story.append(keep(heading(tr("doc.override", lang)), facts([
            (tr("doc.computed-decision", lang), enum_text(record.decision, lang)),
            (tr("doc.final-decision", lang), enum_text(o.decision, lang)),
            (tr("doc.override.by", lang), f"{o.by}, {moment(o.at, lang, zone)}"),
        ], width), para(labelled("doc.override.reason", lang, o.reason))))
    story.append(keep(heading(tr("doc.refund.recommendation", lang)),
                      *refund_block(record.refund, lang, width)))
    if record.notes:
        story += [heading(tr("doc.notes", lang)), para(record.notes)]
    if record.photos:
        story += [heading(f"{tr('doc.photos', lang)} ({len(record.photos)})"),
                  photo_grid(record.photos, width, lang, zone)]
    story.append(gap(6))
    story.append(_hash_block(record, lang, width))
    return story


def _decision_banner(record: InspectionRecord, lang: Lang, width: float) -> Table:
    st = styles()
    final = record.final_decision
    colour = _DECISION_COLOURS[final]
    text = markup(labelled("doc.final-decision", lang, "")) + \
        f'<font color="#{colour.hexval()[2:]}" size="13">{markup(enum_text(final, lang))}</font>'

    if record.override:
        text += f'  <font size="8">({markup(tr("doc.override", lang))})</font>'
    table = Table([[Paragraph(text, st.value)]], colWidths=[width])
    table.setStyle(table_style([("BACKGROUND", (0, 0), (-1, -1), SHADE),
                               ("LINEBEFORE", (0, 0), (0, -1), 4, colour),
                               ("TOPPADDING", (0, 0), (-1, -1), 7),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                               ("LEFTPADDING", (0, 0), (-1, -1), 10)]))
    table.spaceBefore = 10
    return table


def _hash_block(record: InspectionRecord, lang: Lang, width: float) -> Flowable:
    st = styles()
    digest = inspection_hash(record)
    halves = f"{digest[:32]}<br/>{digest[32:]}"
    text = Paragraph(
        f"{markup(tr('doc.content-hash', lang))}<br/><font size='9.5'>{halves}</font><br/>"
        f"<font size='7' color='#5F6B7A'>{markup(tr('doc.inspection-id', lang))} "
        f"{markup(record.inspection_id)}<br/>{markup(tr('doc.content-hash.note', lang))}"
        f"</font>", st.small)
    size = 90.0  # the code carries the RMA, the inspection id and the hash
    table = Table([[qr(qr_payload(record), size), text]],
                  colWidths=[size + 10, width - size - 10])
    table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                               ("LEFTPADDING", (0, 0), (-1, -1), 4)]))
    return keep(table)


def _coloured(text: str, colour: Color | None) -> Paragraph:
    st = styles()
    if colour is None:
        return Paragraph(markup(text), st.cell)
    return Paragraph(f'<font color="#{colour.hexval()[2:]}">{markup(text)}</font>', st.cell)


def inspection_reports_pdf(records: Sequence[InspectionRecord], company: CompanyDetails,
                           lang: Lang = "en") -> bytes:
    """Every inspection of a return, one after another, each starting on a new page."""
    if len(records) == 1:
        return inspection_report_pdf(records[0], company, lang)
    story: list[Flowable] = []
    for index, record in enumerate(records):
        if index:
            story.append(PageBreak())
        story.extend(inspection_story(record, company, lang))
    frame = Frame(company, lang, "doc.title.inspection-report", records[0].rma_number)
    return build_pdf(frame, story, subject=records[0].rma_number)
