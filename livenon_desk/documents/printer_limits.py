"""What a label printer's settings may be, without the drawing code: the desk's settings
check them at start-up, which must not wait for ReportLab and the QR encoder to load."""

from __future__ import annotations

PRINTER_DPIS = (203, 300, 600)
# The label printer's resolution unless the desk's settings name another ([label_stock]).
LABEL_DPI = 203
DARKNESS_RANGE = (-30, 30)  # ^MD: added to the darkness set on the printer itself
