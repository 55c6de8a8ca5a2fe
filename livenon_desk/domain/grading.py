"""Grades and the questions that lead to them: policy data, read from the checklist.

A grade says what state a returned unit is in (A like new ... D salvage). The policy file
lists the grades best first and the grading questions (``G1``...): each names a checklist
item and the answer that lowers the grade to at most its own. The desk proposes the worst
grade the answers lead to; the inspector confirms it or changes it with a reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from livenon_desk.catalogue import Localized
from livenon_desk.domain.enums import Answer

# A grade other than the proposed one needs a reason someone else can follow later.
GRADE_REASON_MIN = 10


@dataclass(frozen=True)
class Grade:
    id: str
    label_en: str
    label_zh: str

    @property
    def words(self) -> Localized:
        return Localized(self.label_en, self.label_zh)


@dataclass(frozen=True)
class GradingQuestion:
    """``item`` answered ``answer`` lowers the grade to at most ``grade`` (rule ``id``)."""

    id: str
    item: str
    answer: Answer
    grade: str
    reason_en: str
    reason_zh: str


@dataclass(frozen=True)
class GradeProposal:
    """The grade the answers lead to and the questions that led there (none: the best)."""

    grade: str
    rule_ids: tuple[str, ...]


@dataclass(frozen=True)
class Grading:
    grades: tuple[Grade, ...]
    questions: tuple[GradingQuestion, ...]

    def grade(self, grade_id: str) -> Grade | None:
        return next((g for g in self.grades if g.id == grade_id), None)

    def rank(self, grade_id: str) -> int:
        """0 for the best grade; a grade the policy does not know is a bug of the caller."""
        for n, grade in enumerate(self.grades):
            if grade.id == grade_id:
                return n
        raise ValueError(f"unknown grade {grade_id!r}")

    def reasons(self, proposal: GradeProposal) -> tuple[Localized, ...]:
        """What each question that set the proposal found ("G1: Not in its original
        packaging")."""
        return tuple(Localized(f"{q.id}: {q.reason_en}", f"{q.id}：{q.reason_zh}")
                     for q in self.questions if q.id in proposal.rule_ids)

    def propose(self, answers: Mapping[str, Answer]) -> GradeProposal:
        """The grade the checklist's answers lead to (G1...): the worst any answer leads to,
        with the ids of the questions that set it; no such answer leaves the best grade."""
        hits = [q for q in self.questions if answers.get(q.item) == q.answer]
        if not hits:
            return GradeProposal(self.grades[0].id, ())
        worst = max(self.rank(q.grade) for q in hits)
        grade = self.grades[worst].id
        return GradeProposal(grade, tuple(q.id for q in hits if q.grade == grade))
