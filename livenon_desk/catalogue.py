"""The one catalogue of every user-facing text outside Qt: message ids to words.

Errors, the domain's reasons, the printed documents and the command line name a text by
its message id (``error.no-database``, ``doc.title.invoice``); the words are in one
gettext catalogue per language, ``resources/i18n/messages/<language>.po``, English being
the source language. The ``.po`` files are read with Babel when a text is first asked for,
so no compiled binary is kept beside them. Placeholders are ``str.format`` fields,
``{path}``, filled from the keyword arguments. Qt's widgets keep their own ``.ts`` files.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

from livenon_desk.paths import RESOURCES_DIR

CATALOGUE_DIR = RESOURCES_DIR / "i18n" / "messages"
LANGUAGES = ("en", "zh")
SOURCE_LANGUAGE = "en"

# The first part of every message id: what kind of text it is. The catalogue's tests take
# any string in the code that starts with one of these and a dot for a message id.
NAMESPACES = frozenset({
    "action",           # what a role may do, inside "may not ..."
    "answer",           # a checklist answer (yes, no, N/A)
    "audit",            # why the audit trail's chain does not hold
    "audit-key",        # where the audit key is kept
    "channel",          # how a return was applied for
    "cli",              # the command line's own lines (explain)
    "contact-channel",  # how the customer and Livenon spoke (T4)
    "database",         # why a file is not a desk database
    "decision",         # a line's decision
    "direction",        # who wrote to whom
    "doctor",           # what `livenon-desk doctor` found on the workstation
    "disposition",      # what happens to the goods
    "doc",              # the printed documents' titles, fields and sentences
    "error",            # a KnownError's message
    "event",            # a step of a return's timeline (the evidence package)
    "field",            # a field's name inside a message ("Enter the carrier.")
    "label-type",       # whose label the parcel came back on
    "lot-state",        # whether a liquidation lot is open or closed
    "mailbox",          # an incoming email: why it is not readable, what an import took
    "outcome",          # a rule's outcome
    "parcel",           # the parcel's condition on arrival
    "payment",          # a payment method's name
    "problem",          # what an inspection still lacks before it can be finished
    "reason",           # why a rule decided as it did (E1-E5, X1-X3, P1)
    "reason-code",      # the customer's reason for the return
    "repair-outcome",   # what came of a refurbishment
    "refused",          # why a record pulled from the server was not taken
    "reply",            # the answer to an email application (P2): instructions, refusal
    "restricted",       # a restricted return's missing reason
    "role",             # a role inside a message
    "rtv-state",        # whether a return-to-vendor shipment is open or shipped
    "rule",             # a rule's title (E1-E5, X1-X3)
    "sheet",            # notes on the inspection form: read-only, answered by the receipt
    "shipping",         # the return shipping a refund deducts (P7, T2)
    "status",           # a return's status inside a message
    "sum",              # how a refund's amount is worked out, step by step
    "unit-state",       # where a unit (one received carton, its LPN) stands
    "work-order-state", # whether a refurbishment work order is open or done
})


def language_of(language: str) -> str:
    """The catalogue's language for a locale name: ``zh_CN`` and ``zh`` are Chinese."""
    return "zh" if language.lower().startswith("zh") else SOURCE_LANGUAGE


def read_catalogue(path: Path) -> dict[str, str]:
    """Every translated message of one ``.po`` file, by id (the header left out)."""
    # Babel loads when a message is first needed, not with every start of the program.
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalogue = read_po(handle)
    return {str(m.id): str(m.string) for m in catalogue if m.id and m.string}


@cache
def _messages(language: str) -> Mapping[str, str]:
    return MappingProxyType(read_catalogue(CATALOGUE_DIR / f"{language}.po"))


def text(message_id: str, language: str = SOURCE_LANGUAGE, /, **values: object) -> str:
    """The message ``message_id`` in ``language``, its ``{name}`` fields filled in.

    A field whose value is a ``Message`` (a status, a role) or ``Localized`` words are put
    into words in the same language. An id missing from the catalogue is a bug (the
    catalogue's tests catch it first), so it raises ``KeyError`` rather than printing the id
    to a user.
    """
    words = _messages(language_of(language))[message_id]
    if not values:
        return words
    return words.format(**{
        name: value.text(language) if isinstance(value, Message | Localized) else value
        for name, value in values.items()
    })


@dataclass(frozen=True)
class Message:
    """A text not yet put into words: its id and the values of its fields.

    What the domain and the services return when the caller chooses the language: a
    reason, a refused request. ``text(language)`` puts it into words.
    """

    id: str
    fields: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, message_id: str, /, **values: object) -> Message:
        return cls(message_id, tuple(values.items()))

    @property
    def values(self) -> dict[str, object]:
        return dict(self.fields)

    def text(self, language: str = SOURCE_LANGUAGE) -> str:
        return text(self.id, language, **self.values)


@dataclass(frozen=True)
class Localized:
    """Words that a data file gives in each language (the policy's checklist questions),
    not the catalogue: a field of a message takes the form in the message's language."""

    en: str
    zh: str

    def text(self, language: str = SOURCE_LANGUAGE) -> str:
        return self.zh if language_of(language) == "zh" else self.en

    @staticmethod
    def join(parts: Sequence[Message | Localized], en_separator: str,
             zh_separator: str) -> Localized:
        """Several texts as one, each language with its own separator ("; " and "；")."""
        return Localized(en_separator.join(p.text("en") for p in parts),
                         zh_separator.join(p.text("zh") for p in parts))
