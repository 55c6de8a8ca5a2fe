"""Country names in full, in English or Chinese, from Babel's CLDR data (ISO 3166 codes)."""

from __future__ import annotations

from functools import cache

from babel import Locale


@cache
def country_name(code: str, lang: str = "en") -> str:
    """``US`` -> ``United States`` / ``美国``; an unknown code is printed as it is."""
    locale = Locale.parse("zh_Hans" if lang == "zh" else "en")
    return str(locale.territories.get(code.upper(), code))
