"""Turning what a user types into safe FTS5 queries, and text into indexable terms."""

from __future__ import annotations

import re

_CJK = re.compile(r"([\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff])")
_TOKEN = re.compile(r"\w+", re.UNICODE)


def spread_cjk(text: str) -> str:
    """Put spaces between Chinese characters so that each is a term of its own: a phrase
    of them then finds any run of characters inside a longer name (沙发 in 三人位亚麻沙发).
    """
    if not _CJK.search(text):
        return text
    return " ".join(_CJK.sub(r" \1 ", text).split())


def digits_only(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression for search-as-you-type: every word must appear, the last
    one as a prefix. Words are quoted, so operators and quotes in the input are just text.
    """
    words = _TOKEN.findall(spread_cjk(text))
    if not words:
        return ""
    terms = [f'"{w}"' for w in words]
    if not _CJK.fullmatch(words[-1]):
        terms[-1] += "*"
    return " ".join(terms)
