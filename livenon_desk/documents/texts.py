"""The documents' words: message ids of the catalogue, and the enums' and rules' labels.

The words themselves are in ``resources/i18n/messages/`` (``livenon_desk.catalogue``).
"""

from __future__ import annotations

from enum import StrEnum

from livenon_desk.catalogue import text
from livenon_desk.documents.data import Lang
from livenon_desk.domain.labels import ENUM_LABELS

RULE_TITLES: dict[str, str] = {
    "E1": "rule.e1",
    "E2": "rule.e2",
    "E3": "rule.e3",
    "E4": "rule.e4",
    "E5": "rule.e5",
    "X1": "rule.x1",
    "X2": "rule.x2",
    "X3": "rule.x3",
}


def tr(message_id: str, lang: Lang, **values: str) -> str:
    """The catalogue's message ``message_id`` in ``lang``, its ``{name}`` fields filled in."""
    return text(message_id, lang, **values)


def enum_text(value: StrEnum, lang: Lang) -> str:
    return text(ENUM_LABELS[value], lang)


def rule_title(rule_id: str, lang: Lang) -> str:
    message_id = RULE_TITLES.get(rule_id)
    return text(message_id, lang) if message_id else rule_id


def labelled(message_id: str, lang: Lang, value: str) -> str:
    """``Label: value``, with the full-width colon in Chinese."""
    return f"{tr(message_id, lang)}{'：' if lang == 'zh' else ': '}{value}"


def both(en: str, zh: str, lang: Lang) -> str:
    """One of a stored record's two texts (a rule's reason as it was recorded)."""
    return zh if lang == "zh" else en
