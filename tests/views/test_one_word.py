"""One word for one thing: a label the documents print is the word the screens show."""

from __future__ import annotations

from enum import StrEnum

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from livenon_desk.documents.data import Lang
from livenon_desk.documents.texts import enum_text
from livenon_desk.domain.enums import Answer, Decision, ReasonCode
from livenon_desk.views.app import install_translators
from livenon_desk.views.labels import (
    answer_texts,
    decision_texts,
    disposition_texts,
    outcome_texts,
    parcel_condition_texts,
    reason_texts,
)

SHARED = (reason_texts, outcome_texts, decision_texts, parcel_condition_texts,
          disposition_texts, answer_texts)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_screens_and_the_documents_name_each_label_alike(qapp: QApplication,
                                                             lang: Lang) -> None:
    translators = install_translators(qapp, lang)
    try:
        for words in SHARED:
            shown: list[tuple[StrEnum, str]] = list(words().items())
            assert shown and all(word == enum_text(m, lang) for m, word in shown), words
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        install_translators(qapp, "en")


def test_the_labels_that_had_drifted_read_one_way(qapp: QApplication) -> None:
    install_translators(qapp, "en")
    assert reason_texts()[ReasonCode.WRONG_ITEM] == "Wrong item sent"
    assert reason_texts()[ReasonCode.SIZE_MISMATCH] == "Size does not fit"
    assert decision_texts()[Decision.PENDING] == enum_text(Decision.PENDING, "en")
    assert answer_texts()[Answer.NOT_APPLICABLE] == "N/A" == enum_text(Answer.NOT_APPLICABLE,
                                                                       "en")
