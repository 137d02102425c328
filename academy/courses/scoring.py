"""Scoring of quiz responses: pure functions, no database.

Rules (each question scores a fraction 0..1 of its points):

* single choice: the chosen option's weight.
* multiple choice: the sum of the chosen options' weights. Wrong options usually carry negative
  weights (a penalty); the sum is capped at 1 and floored at 0 per question, so penalties never
  take points from other questions.
* true/false: 1 when the answer is right, else 0.
* short answer: the best weight among accepted answers equal to the response after trimming,
  folding case and collapsing inner spaces ("  Att  FÅ " matches "att få").
* matching: partial credit. Each prompt matched correctly gives an equal share
  (2 of 3 right = 0.67); a prompt left unanswered counts as wrong.
* numerical: the best weight among accepted answers whose closed interval (value ± tolerance,
  or minimum..maximum) holds the number; an "any other number" answer matches everything.
  A decimal comma is accepted ("0,75").
* essay: pending (fraction None) until a trainer grades it with a fraction 0..1.
* description: not scored (fraction None, no points).

A response counts as *correct* in item analysis when it earns full credit.

Response shapes, as stored in JSON: single choice = option index (int), multiple choice =
list of option indexes, true/false = bool, short answer and essay = text, matching = list with
the chosen match text for each prompt (in prompt order; None when left blank), numerical =
number or text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

FULL_CREDIT = 0.999  # weights come from percentages such as 33.333 %; allow rounding


@dataclass(frozen=True)
class Score:
    """The outcome of one response. `fraction` None means pending (essay) or not scored."""

    fraction: float | None
    feedback: tuple[str, ...] = ()
    pending: bool = False

    @property
    def correct(self) -> bool:
        return self.fraction is not None and self.fraction >= FULL_CREDIT


def clamp(value: float) -> float:
    return max(0.0, min(1.0, value))


def normalise_text(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def parse_number(raw: Any) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        return float(raw) if math.isfinite(raw) else None
    text = str(raw or "").strip().replace(" ", "").replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def score_response(kind: str, data: dict[str, Any], response: Any) -> Score:
    """Score `response` to a question of `kind` with answer data `data`."""
    scorer = _SCORERS.get(kind)
    if scorer is None:
        raise ValueError(f"unknown question kind {kind!r}")
    return scorer(data, response)


def _single_choice(data: dict[str, Any], response: Any) -> Score:
    options = data.get("options", [])
    if not isinstance(response, int) or isinstance(response, bool):
        return Score(0.0)
    if not 0 <= response < len(options):
        return Score(0.0)
    option = options[response]
    return Score(clamp(option["weight"]), _some(option.get("feedback", "")))


def _multiple_choice(data: dict[str, Any], response: Any) -> Score:
    options = data.get("options", [])
    if not isinstance(response, list | tuple):
        return Score(0.0)
    chosen = sorted({i for i in response if isinstance(i, int) and 0 <= i < len(options)})
    total = sum(options[i]["weight"] for i in chosen)
    feedback = tuple(options[i]["feedback"] for i in chosen if options[i].get("feedback"))
    return Score(clamp(total), feedback)


def _true_false(data: dict[str, Any], response: Any) -> Score:
    if not isinstance(response, bool):
        return Score(0.0)
    feedback = data.get("feedback_true" if response else "feedback_false", "")
    return Score(1.0 if response == data["correct"] else 0.0, _some(feedback))


def _short_answer(data: dict[str, Any], response: Any) -> Score:
    given = normalise_text(response or "")
    matches = [a for a in data.get("answers", []) if normalise_text(a["text"]) == given]
    if not given or not matches:
        return Score(0.0)
    best = max(matches, key=lambda answer: answer["weight"])
    return Score(clamp(best["weight"]), _some(best.get("feedback", "")))


def matching_prompts(data: dict[str, Any]) -> list[dict[str, str]]:
    """The pairs a learner must match; pairs with an empty prompt are only extra choices."""
    return [pair for pair in data.get("pairs", []) if pair["prompt"]]


def matching_choices(data: dict[str, Any]) -> list[str]:
    """Every match text once, sorted, so the order gives nothing away."""
    return sorted({pair["match"] for pair in data.get("pairs", [])}, key=str.casefold)


def _matching(data: dict[str, Any], response: Any) -> Score:
    prompts = matching_prompts(data)
    if not prompts:
        return Score(0.0)
    given = list(response) if isinstance(response, list | tuple) else []
    given += [None] * (len(prompts) - len(given))
    right = sum(
        1
        for pair, chosen in zip(prompts, given, strict=False)
        if isinstance(chosen, str) and normalise_text(chosen) == normalise_text(pair["match"])
    )
    return Score(right / len(prompts))


def numerical_bounds(answer: dict[str, Any]) -> tuple[float, float] | None:
    if answer.get("minimum") is not None:
        return (answer["minimum"], answer["maximum"])
    if answer.get("value") is not None:
        tolerance = answer.get("tolerance") or 0.0
        return (answer["value"] - tolerance, answer["value"] + tolerance)
    return None  # any other number


def _numerical(data: dict[str, Any], response: Any) -> Score:
    value = parse_number(response)
    if value is None:
        return Score(0.0)
    matches = []
    for answer in data.get("answers", []):
        bounds = numerical_bounds(answer)
        # A small epsilon so that 0.1 + 0.2 style representation errors do not fail a bound.
        if bounds is None or bounds[0] - 1e-9 <= value <= bounds[1] + 1e-9:
            matches.append(answer)
    if not matches:
        return Score(0.0)
    best = max(matches, key=lambda answer: answer["weight"])
    return Score(clamp(best["weight"]), _some(best.get("feedback", "")))


def _essay(_data: dict[str, Any], _response: Any) -> Score:
    return Score(None, pending=True)


def _description(_data: dict[str, Any], _response: Any) -> Score:
    return Score(None)


def _some(feedback: str) -> tuple[str, ...]:
    return (feedback,) if feedback else ()


_SCORERS = {
    "single_choice": _single_choice,
    "multiple_choice": _multiple_choice,
    "true_false": _true_false,
    "short_answer": _short_answer,
    "matching": _matching,
    "numerical": _numerical,
    "essay": _essay,
    "description": _description,
}


@dataclass(frozen=True)
class QuizScore:
    percent: float | None  # None while an essay awaits grading
    points: float
    max_points: float


def quiz_score(items: list[tuple[float, float | None, bool]]) -> QuizScore:
    """Total of (points, fraction, scored) per question; description questions are not scored.

    An unanswered question has fraction 0. The percentage is None while any scored question
    is pending (fraction None).
    """
    scored = [(points, fraction) for points, fraction, is_scored in items if is_scored]
    max_points = sum(points for points, _ in scored)
    if any(fraction is None for _, fraction in scored):
        return QuizScore(None, 0.0, max_points)
    points = sum(points * fraction for points, fraction in scored)
    percent = 100.0 if max_points == 0 else round(100.0 * points / max_points, 2)
    return QuizScore(percent, points, max_points)


def passes(percent: float | None, pass_mark: int) -> bool | None:
    return None if percent is None else percent >= pass_mark
