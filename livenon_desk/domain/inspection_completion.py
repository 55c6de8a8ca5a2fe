"""What an inspection still lacks before it can be finished (saved as a draft, it may lack all)."""

from __future__ import annotations

from collections.abc import Mapping

from livenon_desk.domain.eligibility import Evaluation
from livenon_desk.domain.enums import Answer, Disposition, ReasonCategory
from livenon_desk.domain.policy import Policy

Problem = tuple[str, str]  # English, Chinese


def completion_problems(
    policy: Policy,
    answers: Mapping[str, Answer],
    disposition: Disposition | None,
    evaluation: Evaluation,
    category: ReasonCategory | None = None,
) -> list[Problem]:
    """Every reason the inspection cannot be finished yet, in the order the form asks.
    N/A is an answer only where the policy allows it for the item."""
    problems: list[Problem] = []
    asked = policy.checklist_for(category)
    open_items = [i for i in asked
                  if answers.get(i.id, Answer.UNANSWERED) is Answer.UNANSWERED]
    if open_items:
        problems.append((
            f"Answer every checklist item ({len(open_items)} open: "
            + "; ".join(i.question_en for i in open_items) + ").",
            f"请回答所有检验项（还有 {len(open_items)} 项：" + "；".join(
                i.question_zh for i in open_items) + "）。",
        ))
    for item in asked:
        if answers.get(item.id) is Answer.NOT_APPLICABLE and not item.na_allowed:
            problems.append((
                f"N/A is not an answer for \"{item.question_en}\" ({item.rule}): answer yes "
                "or no.",
                f"“{item.question_zh}”（{item.rule}）不能回答“不适用”：请回答是或否。",
            ))
    for item_id in evaluation.photos_missing:
        item = next(i for i in policy.checklist if i.id == item_id)
        if answers.get(item.id) is Answer.YES:
            problems.append((
                f"{item.rule}: {item.question_en}: attach at least one photo as evidence.",
                f"{item.rule}：{item.question_zh}：请至少附一张照片作为证据。",
            ))
            continue
        problems.append((
            f"{item.rule} ({item.found_en}): attach at least one photo as evidence.",
            f"{item.rule}（{item.found_zh}）：请至少附一张照片作为证据。",
        ))
    if disposition is None:
        problems.append((
            "Choose what happens to the goods (disposition).",
            "请选择货物处置方式。",
        ))
    return problems
