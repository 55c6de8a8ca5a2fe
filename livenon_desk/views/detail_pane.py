"""The detail pane: one return explained; an empty state when nothing is chosen."""

from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser, QWidget

from livenon_desk.services.dto import ReturnDetail


class DetailPane(QTextBrowser):
    def __init__(self, chinese: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chinese = chinese
        self.detail: ReturnDetail | None = None
        self.setOpenLinks(False)
        self.setObjectName("detailPane")
        self.show_empty()

    def show_empty(self, hint: str | None = None) -> None:
        self.detail = None
        text = hint or self.tr("Scan a parcel or type an RMA, order, tracking number or name.")
        self.setHtml(f"<p style='color:#5f6368; margin-top:40px' align='center'>{text}</p>")

    def show_detail(self, detail: ReturnDetail) -> None:
        self.detail = detail
        from livenon_desk.views.detail_html import detail_html  # on the first record shown

        self.setHtml(detail_html(detail, self._chinese))
