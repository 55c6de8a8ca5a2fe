"""Printed documents (ReportLab): one module per document, with shared styles and fonts.

Each document is a function from plain data (``documents.data``) to PDF bytes; nothing
here imports Qt or the database.
"""
