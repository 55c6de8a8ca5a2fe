"""The detail pane's units: each received carton's licence plate, grade, route and bin,
and every move it made (who, when, from, to)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QLocale

from livenon_desk.services.unit_dto import UnitDetail
from livenon_desk.views.formatting import format_date
from livenon_desk.views.labels import disposition_texts, unit_state_texts


def _words() -> dict[str, str]:
    """Words used inside the block, translated once per rendering."""
    return {
        "units": QCoreApplication.translate(
            "UnitHistory", "Units"),
        "held": QCoreApplication.translate(
            "UnitHistory", "held until decided"),
        "supervisor": QCoreApplication.translate(
            "UnitHistory", "supervisor {who}: {reason}"),
        "grade": QCoreApplication.translate(
            "UnitHistory", "grade {grade}"),
        "bin": QCoreApplication.translate(
            "UnitHistory", "bin {bin}"),
        "regraded": QCoreApplication.translate(
            "UnitHistory", "graded {grade}, not the proposed {proposed}: {reason}"),
        "move": QCoreApplication.translate(
            "UnitHistory", "{when} · {who}: {origin} → {to}"),
        "receiving": QCoreApplication.translate(
            "UnitHistory", "receiving"),
        "weighed": QCoreApplication.translate(
            "UnitHistory",
            "{when} · {who}: weighed {weighed} kg, the catalogue says {expected} kg"),
        "swap": QCoreApplication.translate(
            "UnitHistory", "possible item swap, for a supervisor to check"),
        "cleared": QCoreApplication.translate(
            "UnitHistory", "checked by {who}: {note}"),
    }


def units_html(units: tuple[UnitDetail, ...], chinese: bool, loc: QLocale) -> str:
    """One block per unit; nothing when the return has none (not received yet)."""
    if not units:
        return ""
    e = escape
    w = _words()
    parts = [f"<div class='line'><b>{e(w['units'])}</b>"]
    states = unit_state_texts()
    dispositions = disposition_texts()
    for unit in units:
        row = unit.row
        route = (dispositions[row.disposition] if row.disposition
                 else w["held"] if row.zone else "")
        rule = (w["supervisor"].format(who=unit.override_by, reason=unit.override_reason or "")
                if unit.override_by else row.route_rule or "")
        head = " · ".join(p for p in (
            f"<b>{e(row.code)}</b>", e(states[row.state]),
            e(w["grade"].format(grade=row.grade)) if row.grade else "",
            e(route), e(unit.zone_name.text("zh" if chinese else "en") if unit.zone_name
                        else row.zone or ""), e(rule),
            e(w["bin"].format(bin=row.bin_code)) if row.bin_code else "") if p)
        parts.append(f"<div>{head}</div>")
        if unit.grade_reason and row.grade != row.proposed_grade:
            parts.append("<div class='muted'>" + e(w["regraded"].format(
                grade=row.grade, proposed=row.proposed_grade, reason=unit.grade_reason))
                + "</div>")
        for move in unit.moves:
            parts.append("<div class='muted'>" + e(w["move"].format(
                when=format_date(move.moved_at, loc), who=move.moved_by,
                origin=move.from_bin or w["receiving"], to=move.to_bin)) + "</div>")
        for check in unit.weight_checks:
            text = e(w["weighed"].format(
                when=format_date(check.weighed_at, loc), who=check.weighed_by,
                weighed=check.weighed_kg, expected=check.expected_kg))
            if check.flagged and check.cleared_at is None:
                text += f" · <span class='overdue'>{e(w['swap'])}</span>"
            elif check.flagged:
                text += " · " + e(w["cleared"].format(who=check.cleared_by,
                                                       note=check.cleared_note or ""))
            parts.append(f"<div class='muted'>{text}</div>")
    parts.append("</div>")
    return "".join(parts)
