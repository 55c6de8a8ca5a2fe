"""What an inspection still lacks before it can be finished (saved as a draft, it may lack all)."""

from __future__ import annotations

from collections.abc import Mapping

from livenon_desk.catalogue import Localized, Message
from livenon_desk.domain.eligibility import Evaluation
from livenon_desk.domain.enums import Answer, ReasonCategory
from livenon_desk.domain.grading import GRADE_REASON_MIN
from livenon_desk.domain.policy import ChecklistItem, Policy

Problem = Message


def completion_problems(
    policy: Policy,
    answers: Mapping[str, Answer],
    grade: str | None,
    evaluation: Evaluation,
    category: ReasonCategory | None = None,
    grade_reason: str = "",
) -> list[Problem]:
    """Every reason the inspection cannot be finished yet, in the order the form asks.
    N/A is an answer only where the policy allows it for the item. The grade is the
    inspector's to confirm (G1...): one other than the answers' proposal needs a reason."""
    problems: list[Problem] = []
    asked = policy.checklist_for(category)
    open_items = [i for i in asked
                  if answers.get(i.id, Answer.UNANSWERED) is Answer.UNANSWERED]
    if open_items:
        problems.append(Message.of(
            "problem.items-open", count=len(open_items),
            questions=Localized.join([_question(i) for i in open_items], "; ", "；")))
    for item in asked:
        if answers.get(item.id) is Answer.NOT_APPLICABLE and not item.na_allowed:
            problems.append(Message.of("problem.na-refused", question=_question(item),
                                       rule=item.rule))
    for item_id in evaluation.photos_missing:
        item = next(i for i in policy.checklist if i.id == item_id)
        if answers.get(item.id) is Answer.YES:
            problems.append(Message.of("problem.photo-for-question", rule=item.rule,
                                       question=_question(item)))
            continue
        problems.append(Message.of("problem.photo-for-finding", rule=item.rule,
                                   found=Localized(item.found_en, item.found_zh)))
    proposal = policy.proposed_grade(answers, category)
    if grade is None:
        problems.append(Message.of("problem.no-grade", proposed=proposal.grade))
    elif grade != proposal.grade and len(grade_reason.strip()) < GRADE_REASON_MIN:
        problems.append(Message.of("problem.grade-reason", grade=grade,
                                   proposed=proposal.grade, minimum=GRADE_REASON_MIN))
    return problems


def _question(item: ChecklistItem) -> Localized:
    return Localized(item.question_en, item.question_zh)
