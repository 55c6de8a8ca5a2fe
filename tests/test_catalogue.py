"""The one catalogue of texts outside Qt: complete in every language, nothing unused, the
same fields in every translation, and a known error in both languages."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from livenon_desk.catalogue import (
    CATALOGUE_DIR,
    LANGUAGES,
    NAMESPACES,
    Localized,
    Message,
    read_catalogue,
    text,
)
from livenon_desk.errors import KnownError, ValidationError

PACKAGE = Path(__file__).resolve().parents[1] / "livenon_desk"
ID = re.compile(r"[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*[a-z0-9]")


def ids_in_code(root: Path = PACKAGE) -> dict[str, list[str]]:
    """Every message id the code names, with where: any string constant that is a whole id
    of a known namespace (``"error.no-database"``)."""
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and ID.fullmatch(node.value)
                    and node.value.split(".", 1)[0] in NAMESPACES):
                found.setdefault(node.value, []).append(f"{path.name}:{node.lineno}")
    return found


def catalogues() -> dict[str, dict[str, str]]:
    return {lang: read_catalogue(CATALOGUE_DIR / f"{lang}.po") for lang in LANGUAGES}


def fields(words: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(words) if name is not None}


def test_every_message_id_in_the_code_has_words_in_every_language() -> None:
    used = ids_in_code()
    assert len(used) > 50
    for lang, messages in catalogues().items():
        missing = {i: where for i, where in used.items() if i not in messages}
        assert not missing, f"add to {lang}.po: {missing}"


def test_every_entry_of_the_catalogue_is_used_and_named_by_a_known_namespace() -> None:
    used = ids_in_code()
    for lang, messages in catalogues().items():
        unused = sorted(set(messages) - set(used))
        assert not unused, f"remove from {lang}.po (no code names them): {unused}"
        assert all(i.split(".", 1)[0] in NAMESPACES and ID.fullmatch(i) for i in messages)


def test_every_translation_has_the_source_languages_fields() -> None:
    books = catalogues()
    source = books["en"]
    for lang, messages in books.items():
        assert set(messages) == set(source), lang
        wrong = {i: (source[i], w) for i, w in messages.items() if fields(w) != fields(source[i])}
        assert not wrong, f"{lang}.po: fields differ from English: {wrong}"


def test_the_extractor_finds_ids_and_ignores_other_strings(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(
        'raise KnownError("error.no-database", path=p)\n'
        'logging.getLogger("livenon_desk.store")\n'
        'x = {"a": "status.closed", "b": "policy.toml", "c": "Error. Text."}\n',
        encoding="utf-8")
    assert set(ids_in_code(tmp_path)) == {"error.no-database", "status.closed"}


def test_a_message_fills_its_fields_and_puts_nested_texts_in_the_same_language() -> None:
    closed = Message.of("status.closed")
    assert text("error.illegal-transition", "en", current=Message.of("status.received"),
                target=closed) == "A return that is received cannot become closed."
    assert text("error.illegal-transition", "zh_CN", current=Message.of("status.received"),
                target=closed) == "状态为“已收货”的退货不能变为“已关闭”。"
    found = Localized("Shows signs of use", "有使用痕迹")
    problem = Message.of("problem.photo-for-finding", rule="E4", found=found)
    assert problem.text() == "E4 (Shows signs of use): attach at least one photo as evidence."
    assert problem.text("zh") == "E4（有使用痕迹）：请至少附一张照片作为证据。"


def test_an_unknown_id_is_a_bug_not_a_text() -> None:
    with pytest.raises(KeyError):
        text("error.no-such-message")


def test_a_known_error_reads_in_english_and_chinese() -> None:
    error = ValidationError("error.text-missing", what=Message.of("field.carrier"))
    assert str(error) == error.message == error.text("en") == "Enter the carrier."
    assert error.message_zh == error.text("zh_CN") == "请填写承运商。"
    assert error.message_id == "error.text-missing"
    assert isinstance(error, KnownError)
