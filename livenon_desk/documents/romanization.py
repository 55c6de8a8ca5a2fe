"""A Chinese address in pinyin, for a carrier whose systems read Latin letters only.

Written the way Chinese addresses are romanised for the post: a word for each place
name, its administrative or street suffix (市, 区, 路, 号, ...) as a word of its own, and
each word capitalised: 上海市 is "Shanghai Shi", 科技园路 8 号 is "Kejiyuan Lu 8 Hao".
Digits and Latin letters are kept as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

# The suffixes that stand as words of their own when they follow a place name.
SUFFIXES = frozenset("省市区县镇乡村路街道巷弄号楼座室栋层")
# Administrative suffixes the dictionary keeps inside a place name's phrase (福建省, 北京市):
# cut off again, so that the province and the city read as "Fujian Sheng", "Beijing Shi".
_ADMINISTRATIVE = frozenset("省市区县镇乡")
_WHOLE = frozenset({"新区", "治区"})  # Xinqu, Zizhiqu: one word each
_HAN_RUNS = re.compile("([\u3400-\u4dbf\u4e00-\u9fff]+)")


@cache
def _pinyin() -> tuple[Callable[[str], list[str]], Any]:
    """pypinyin's reader and its phrase cutter, loaded with the first Chinese text: its
    phrase dictionary holds some 55 MB, which a desk that prints Latin addresses only
    never needs."""
    from pypinyin import lazy_pinyin
    from pypinyin.seg.mmseg import seg

    return lazy_pinyin, seg


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _word(chinese: str) -> str:
    return "".join(_pinyin()[0](chinese)).capitalize()


def romanize(text: str) -> str:
    """``text`` with every run of Chinese characters in capitalised pinyin words."""
    out: list[str] = []
    for run in _HAN_RUNS.split(text):
        if not run:
            continue
        if _is_han(run[0]):
            out.extend(_words(run))
        else:
            out.append(run.strip())
    return " ".join(w for w in out if w)


def _words(han: str) -> list[str]:
    """A run of Chinese characters as pinyin words, cut by the dictionary's phrases."""
    words: list[str] = []
    pending = ""  # single characters the dictionary does not join, read as one word
    for piece in _pinyin()[1].cut(han):
        if len(piece) == 1 and piece not in SUFFIXES:
            pending += piece
            continue
        if pending:
            words.append(_word(pending))
            pending = ""
        words.extend(_place_words(piece))
    if pending:
        words.append(_word(pending))
    return words


def _place_words(piece: str) -> list[str]:
    """A phrase of the dictionary; one that ends in an administrative suffix is read whole
    (朝阳区 is Chaoyang, not Zhaoyang) and then written as the name and the suffix."""
    if len(piece) < 3 or piece[-1] not in _ADMINISTRATIVE or piece[-2:] in _WHOLE:
        return [_word(piece)]
    syllables = _pinyin()[0](piece)
    return ["".join(syllables[:-1]).capitalize(), syllables[-1].capitalize()]


def romanize_name(name: str) -> str:
    """A Chinese person's name as the post writes it: family name, then given name."""
    name = name.strip()
    if len(name) < 2 or not all(_is_han(c) for c in name):
        return romanize(name)
    return f"{_word(name[0])} {_word(name[1:])}"
