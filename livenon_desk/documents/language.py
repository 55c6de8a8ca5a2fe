"""Which language a document is printed in: the one asked for, else the customer's."""

from __future__ import annotations

from livenon_desk.documents.data import Address, Lang, Party


def has_chinese(text: str | None) -> bool:
    return bool(text) and any(
        "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" for c in text or ""
    )


def document_language(party: Party | None, asked: Lang | None = None) -> Lang:
    """Chinese when asked, or when the customer's language, name or address is Chinese."""
    if asked is not None:
        return asked
    if party is None:
        return "en"
    if party.language.lower().startswith("zh"):
        return "zh"
    texts = [party.name, *(_address_texts(party.address))]
    return "zh" if any(has_chinese(t) for t in texts) else "en"


def _address_texts(address: Address | None) -> list[str]:
    return address.lines() if address else []
