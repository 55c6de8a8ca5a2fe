"""The reference central server: the central API's contract, implemented on SQLAlchemy.

Its tables are its own (``tables.py``); it shares nothing with the desk's database but the
demo data generator that ``--demo`` loads from.
"""
