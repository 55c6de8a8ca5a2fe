"""Livenon Desk: the returns warehouse's back-office desk."""

__version__ = "0.1.0"
