"""The question form's text fields <-> QuestionInput, for every kind (no Reflex, no database).

Answers are written one per line, so a trainer can author any kind in plain text fields:

- choice and short answer: ``*Text`` marks a right answer, ``50% Text`` (or ``-25% Text``) gives
  an explicit weight, and ``# …`` after the text is the feedback for that answer;
- matching: ``prompt -> match``; ``-> match`` alone is an extra wrong choice;
- numerical: ``3,5 ± 0,5`` (or ``3,5:0,5``) for a value with tolerance, ``1..5`` for a range,
  optionally with a weight and feedback as above.

The service (academy.courses.questions.clean_question) validates the result with Swedish
messages; this module only reads the lines, and refuses lines it cannot read.
"""

from __future__ import annotations

import re
from typing import Any

from academy.core.errors import ValidationError
from academy.courses.questions import QuestionInput
from academy.courses.scoring import parse_number

FORM_KINDS = (
    "single_choice",
    "multiple_choice",
    "true_false",
    "short_answer",
    "matching",
    "numerical",
    "essay",
    "description",
)
# The form's text field per kind that holds the answer lines.
LINE_FIELDS = {
    "single_choice": "options",
    "multiple_choice": "options",
    "short_answer": "answers",
    "matching": "pairs",
    "numerical": "numbers",
}
_WEIGHT = re.compile(r"^(-?\d+(?:[.,]\d+)?)\s*%\s*")
_RANGE = re.compile(r"^(-?[\d.,]+?)\s*\.\.\s*(-?[\d.,]+)$")


def _split(line: str) -> tuple[bool, float | None, str, str]:
    """A line as (marked with *, explicit weight or None, text, feedback)."""
    marked = line.startswith("*")
    rest = line[1:].strip() if marked else line
    weight = None
    match = _WEIGHT.match(rest)
    if match:
        weight = parse_number(match.group(1)) / 100
        rest = rest[match.end() :]
    text, _, feedback = rest.partition("#")
    return marked, weight, text.strip(), feedback.strip()


def _lines(raw: Any) -> list[str]:
    return [line.strip() for line in str(raw or "").splitlines() if line.strip()]


def _choices(raw: Any, multiple: bool) -> list[dict[str, Any]]:
    items = [_split(line) for line in _lines(raw)]
    stars = sum(1 for marked, weight, _, _ in items if marked and weight is None)
    right = 1.0 / stars if stars else 0.0
    wrong = -right if multiple and stars else 0.0
    return [
        {
            "text": text,
            "weight": weight if weight is not None else (right if marked else wrong),
            "feedback": feedback,
        }
        for marked, weight, text, feedback in items
    ]


def _short_answers(raw: Any) -> list[dict[str, Any]]:
    answers = []
    for line in _lines(raw):
        _, weight, text, feedback = _split(line)
        answers.append(
            {"text": text, "weight": 1.0 if weight is None else weight, "feedback": feedback}
        )
    if not answers:
        raise ValidationError("Ange minst ett godtaget svar.")
    return answers


def _pairs(raw: Any) -> list[dict[str, str]]:
    pairs = []
    for number, line in enumerate(_lines(raw), start=1):
        prompt, arrow, match = line.partition("->")
        if not arrow:
            raise ValidationError(
                f"Rad {number} i matchningsparen saknar -> mellan fråga och svar."
            )
        pairs.append({"prompt": prompt.strip(), "match": match.strip()})
    return pairs


def _number(raw: str, number: int) -> float:
    value = parse_number(raw)
    if value is None:
        raise ValidationError(f"Rad {number} i de numeriska svaren: ”{raw}” är inte ett tal.")
    return value


def _numbers(raw: Any) -> list[dict[str, Any]]:
    answers = []
    for number, line in enumerate(_lines(raw), start=1):
        _, weight, text, feedback = _split(line.lstrip("*").strip())
        answer: dict[str, Any] = {"value": None, "tolerance": None, "minimum": None}
        answer.update(maximum=None, weight=1.0 if weight is None else weight, feedback=feedback)
        interval = _RANGE.match(text)
        if interval:
            answer["minimum"] = _number(interval.group(1), number)
            answer["maximum"] = _number(interval.group(2), number)
        else:
            value, _, tolerance = text.replace("±", ":").partition(":")
            answer["value"] = _number(value.strip(), number)
            answer["tolerance"] = _number(tolerance.strip(), number) if tolerance else 0.0
        answers.append(answer)
    return answers


def question_from_form(form: dict) -> QuestionInput:
    """The question form as a QuestionInput; the service validates the rest."""
    kind = str(form.get("kind", ""))
    data: dict[str, Any] = {}
    if kind in ("single_choice", "multiple_choice"):
        data["options"] = _choices(form.get("options"), kind == "multiple_choice")
    elif kind == "true_false":
        data = {
            "correct": {"true": True, "false": False}.get(str(form.get("correct", ""))),
            "feedback_true": str(form.get("feedback_true", "")),
            "feedback_false": str(form.get("feedback_false", "")),
        }
    elif kind == "short_answer":
        data["answers"] = _short_answers(form.get("answers"))
    elif kind == "matching":
        data["pairs"] = _pairs(form.get("pairs"))
    elif kind == "numerical":
        data["answers"] = _numbers(form.get("numbers"))
    elif kind not in ("essay", "description"):
        raise ValidationError("Välj en frågetyp.")
    return QuestionInput(
        kind=kind,
        title=str(form.get("title", "")),
        text=str(form.get("text", "")),
        points=str(form.get("points", "1") or "1"),
        general_feedback=str(form.get("general_feedback", "")),
        data=data,
    )


# ---- stored question -> form ------------------------------------------------------------------


def _num(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _percent(weight: float) -> str:
    return f"{_num(round(weight * 100, 4))}% "


def _with_feedback(text: str, feedback: str) -> str:
    return f"{text} # {feedback}" if feedback else text


def _choice_line(item: dict, kind: str) -> str:
    weight = item["weight"]
    if kind == "single_choice" and weight >= 0.999:
        prefix = "*"
    elif weight == 0 and kind == "single_choice" or weight >= 0.999 and kind == "short_answer":
        prefix = ""  # the defaults need no weight
    else:
        prefix = _percent(weight)
    return _with_feedback(prefix + item["text"], item.get("feedback", ""))


def _number_line(answer: dict) -> str:
    if answer.get("minimum") is not None:
        text = f"{_num(answer['minimum'])}..{_num(answer['maximum'])}"
    else:
        text = f"{_num(answer['value'])} ± {_num(answer.get('tolerance') or 0.0)}"
    prefix = "" if answer["weight"] >= 0.999 else _percent(answer["weight"])
    return _with_feedback(prefix + text, answer.get("feedback", ""))


def form_from_question(
    kind: str, title: str, text: str, points: float, general_feedback: str, data: dict
) -> dict[str, str]:
    """A stored question as the form's field values (the inverse of question_from_form)."""
    form = {
        "kind": kind,
        "title": title,
        "text": text,
        "points": _num(points),
        "general_feedback": general_feedback,
        "options": "",
        "answers": "",
        "pairs": "",
        "numbers": "",
        "correct": "",
        "feedback_true": "",
        "feedback_false": "",
    }
    if kind in ("single_choice", "multiple_choice"):
        form["options"] = "\n".join(_choice_line(o, kind) for o in data["options"])
    elif kind == "short_answer":
        form["answers"] = "\n".join(_choice_line(a, kind) for a in data["answers"])
    elif kind == "matching":
        form["pairs"] = "\n".join(f"{p['prompt']} -> {p['match']}".strip() for p in data["pairs"])
    elif kind == "numerical":
        form["numbers"] = "\n".join(_number_line(a) for a in data["answers"])
    elif kind == "true_false":
        form["correct"] = "true" if data["correct"] else "false"
        form["feedback_true"] = data.get("feedback_true", "")
        form["feedback_false"] = data.get("feedback_false", "")
    return form
