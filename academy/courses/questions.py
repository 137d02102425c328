"""Quiz questions as plain values: validation of the answer data, and mapping to/from GIFT.

``Question.data`` (JSON) per kind; weights are fractions of the question's points (1.0 = full
credit, negative = penalty), mirroring courses.formats.gift:

==================  ===========================================================================
single_choice       {"options": [{"text", "weight", "feedback"}, ...]}  one option has weight 1
multiple_choice     same shape; the positive weights add up to 1 (100 %)
true_false          {"correct": bool, "feedback_true": str, "feedback_false": str}
                    (the feedback shown when the learner answers true / false)
short_answer        {"answers": [{"text", "weight", "feedback"}, ...]}  one with weight 1
matching            {"pairs": [{"prompt", "match"}, ...]}  an empty prompt is an extra choice
numerical           {"answers": [{"value", "tolerance", "minimum", "maximum", "weight",
                    "feedback"}, ...]}  value ± tolerance, or minimum..maximum, or neither
                    (= any other number)
essay, description  {}
==================  ===========================================================================

Every kind may also carry "text_format" (GIFT's [markdown] etc.), "category" and "text_after"
(the text after the blank of a GIFT missing-word question), kept so an export reproduces them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import nh3

from academy.core.errors import ValidationError
from academy.courses.formats.gift import (
    GiftAnswer,
    GiftQuestion,
    MatchingPair,
    NumericalAnswer,
)
from academy.courses.lessons import clean_html, render_markdown
from academy.courses.models import QUESTION_KINDS
from academy.courses.scoring import parse_number

KIND_LABELS = {
    "single_choice": "Flerval (ett svar)",
    "multiple_choice": "Flerval (flera svar)",
    "true_false": "Sant/falskt",
    "short_answer": "Kortsvar",
    "matching": "Matchning",
    "numerical": "Numerisk",
    "essay": "Essä",
    "description": "Beskrivning",
}
SCORED_KINDS = frozenset(QUESTION_KINDS) - {"description"}
META_KEYS = ("text_format", "category", "text_after")


@dataclass(frozen=True)
class QuestionInput:
    kind: str
    text: str
    title: str = ""
    points: float = 1.0
    general_feedback: str = ""
    data: dict[str, Any] = field(default_factory=dict)


def clean_question(question: QuestionInput) -> QuestionInput:
    """The question with trimmed texts and normalised data, or ValidationError (Swedish)."""
    if question.kind not in QUESTION_KINDS:
        raise ValidationError(f"Okänd frågetyp: {question.kind}.")
    text = question.text or ""
    if not text.strip():
        raise ValidationError("Frågetexten måste fyllas i.")
    if not question.data.get("text_after"):  # a missing-word text keeps its space at the blank
        text = text.strip()
    title = (question.title or "").strip()
    if len(title) > 200:
        raise ValidationError("Frågans titel får vara högst 200 tecken.")
    points = 0.0 if question.kind == "description" else _points(question.points)
    data = _CLEANERS[question.kind](question.data or {})
    for key in META_KEYS:
        if question.data.get(key):
            data[key] = str(question.data[key])
    return QuestionInput(
        kind=question.kind,
        text=text,
        title=title,
        points=points,
        general_feedback=(question.general_feedback or "").strip(),
        data=data,
    )


def _points(raw: Any) -> float:
    value = parse_number(raw)
    if value is None or value <= 0:
        raise ValidationError("Poängen måste vara ett tal större än 0.")
    return value


def _weight(raw: Any) -> float:
    value = parse_number(raw)
    if value is None or not -1.0 <= value <= 1.0:
        raise ValidationError("En vikt måste ligga mellan -100 % och 100 %.")
    return value


def _weighted_items(items: Any, text_required: str) -> list[dict[str, Any]]:
    cleaned = []
    for item in items or []:
        text = str(item.get("text", "")).strip()
        if not text:
            raise ValidationError(text_required)
        cleaned.append(
            {
                "text": text,
                "weight": _weight(item.get("weight", 0.0)),
                "feedback": str(item.get("feedback", "")).strip(),
            }
        )
    return cleaned


def _has_full_credit(items: list[dict[str, Any]]) -> bool:
    return any(item["weight"] >= 0.999 for item in items)


def _choice(data: dict[str, Any], multiple: bool) -> dict[str, Any]:
    options = _weighted_items(data.get("options"), "Ett svarsalternativ saknar text.")
    if len(options) < 2:
        raise ValidationError("Frågan behöver minst två svarsalternativ.")
    if not any(option["weight"] > 0 for option in options):
        raise ValidationError("Frågan saknar rätt svar.")
    if multiple:
        total = sum(option["weight"] for option in options if option["weight"] > 0)
        if abs(total - 1.0) > 0.01:
            raise ValidationError(
                f"De positiva vikterna blir tillsammans {round(total * 100, 1):g} % "
                "men ska bli 100 %."
            )
    elif not _has_full_credit(options):
        raise ValidationError("Frågan saknar ett rätt svar med full poäng (100 %).")
    return {"options": options}


def _single_choice(data: dict[str, Any]) -> dict[str, Any]:
    return _choice(data, multiple=False)


def _multiple_choice(data: dict[str, Any]) -> dict[str, Any]:
    return _choice(data, multiple=True)


def _true_false(data: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(data.get("correct"), bool):
        raise ValidationError("Ange om påståendet är sant eller falskt.")
    return {
        "correct": data["correct"],
        "feedback_true": str(data.get("feedback_true", "")).strip(),
        "feedback_false": str(data.get("feedback_false", "")).strip(),
    }


def _short_answer(data: dict[str, Any]) -> dict[str, Any]:
    answers = _weighted_items(data.get("answers"), "Ett godtaget svar saknar text.")
    if not answers:
        raise ValidationError("Frågan behöver minst ett godtaget svar.")
    if not _has_full_credit(answers):
        raise ValidationError("Frågan saknar ett rätt svar med full poäng (100 %).")
    return {"answers": answers}


def _matching(data: dict[str, Any]) -> dict[str, Any]:
    pairs = []
    for pair in data.get("pairs") or []:
        prompt, match = str(pair.get("prompt", "")).strip(), str(pair.get("match", "")).strip()
        if not match:
            raise ValidationError("Ett matchningspar saknar svar.")
        pairs.append({"prompt": prompt, "match": match})
    if sum(1 for pair in pairs if pair["prompt"]) < 2:
        raise ValidationError("Matchningsfrågan behöver minst två par.")
    return {"pairs": pairs}


def _optional_number(raw: Any, label: str) -> float | None:
    if raw is None or raw == "":
        return None
    value = parse_number(raw)
    if value is None:
        raise ValidationError(f"{label} ”{raw}” är inte ett tal.")
    return value


def _numerical(data: dict[str, Any]) -> dict[str, Any]:
    answers = []
    for item in data.get("answers") or []:
        value = _optional_number(item.get("value"), "Värdet")
        tolerance = _optional_number(item.get("tolerance"), "Felmarginalen")
        minimum = _optional_number(item.get("minimum"), "Minsta värdet")
        maximum = _optional_number(item.get("maximum"), "Största värdet")
        if tolerance is not None and tolerance < 0:
            raise ValidationError("Felmarginalen får inte vara negativ.")
        if (minimum is None) != (maximum is None):
            raise ValidationError("Ett intervall behöver både ett minsta och ett största värde.")
        if minimum is not None and minimum > maximum:
            raise ValidationError("Intervallet börjar på ett större tal än det slutar på.")
        if minimum is not None and value is not None:
            raise ValidationError("Ange antingen ett värde med felmarginal eller ett intervall.")
        answers.append(
            {
                "value": value,
                "tolerance": (tolerance or 0.0) if value is not None else None,
                "minimum": minimum,
                "maximum": maximum,
                "weight": _weight(item.get("weight", 1.0)),
                "feedback": str(item.get("feedback", "")).strip(),
            }
        )
    if not answers:
        raise ValidationError("Den numeriska frågan saknar svar.")
    if not any(
        answer["weight"] >= 0.999 and (answer["value"] is not None or answer["minimum"] is not None)
        for answer in answers
    ):
        raise ValidationError("Den numeriska frågan saknar ett rätt svar med full poäng (100 %).")
    return {"answers": answers}


def _no_answers(_data: dict[str, Any]) -> dict[str, Any]:
    return {}


_CLEANERS = {
    "single_choice": _single_choice,
    "multiple_choice": _multiple_choice,
    "true_false": _true_false,
    "short_answer": _short_answer,
    "matching": _matching,
    "numerical": _numerical,
    "essay": _no_answers,
    "description": _no_answers,
}


# ---- GIFT ------------------------------------------------------------------------------------


def from_gift(question: GiftQuestion) -> QuestionInput:
    data: dict[str, Any] = {}
    kind: str = question.kind
    if kind == "multiple_choice":
        kind = "multiple_choice" if question.multiple else "single_choice"
        data["options"] = [_answer_dict(answer) for answer in question.answers]
    elif kind == "true_false":
        true_option, false_option = question.answers
        data.update(
            correct=bool(question.true_false_answer),
            feedback_true=true_option.feedback,
            feedback_false=false_option.feedback,
        )
    elif kind == "short_answer":
        data["answers"] = [_answer_dict(answer) for answer in question.answers]
    elif kind == "matching":
        data["pairs"] = [{"prompt": p.prompt, "match": p.match} for p in question.matching_pairs]
    elif kind == "numerical":
        data["answers"] = [
            {
                "value": a.value,
                "tolerance": a.tolerance,
                "minimum": a.minimum,
                "maximum": a.maximum,
                "weight": a.weight,
                "feedback": a.feedback,
            }
            for a in question.numerical_answers
        ]
    if question.text_format != "moodle":
        data["text_format"] = question.text_format
    if question.category:
        data["category"] = question.category
    if question.text_after:
        data["text_after"] = question.text_after
    return QuestionInput(
        kind=kind,
        text=question.text,
        title=question.title,
        points=0.0 if kind == "description" else 1.0,
        general_feedback=question.general_feedback,
        data=data,
    )


def formatted_text(text: str, data: dict) -> str:
    """The question's text as sanitised HTML when its author wrote Markdown or HTML (GIFT's
    [markdown], [html]); empty for plain text, and for a missing-word question, whose text is
    shown in two parts around the blank."""
    if data.get("text_after"):
        return ""
    return _formatted(text, data.get("text_format", "moodle"))


def plain_text(text: str, data: dict) -> str:
    """The question's text as a person reads it, without its Markdown or HTML markup: for the
    lists and tables that show questions on one line (the editor, item analysis, grading)."""
    text_format = data.get("text_format", "moodle")
    if text_format not in ("markdown", "html"):
        return text
    return _plain(text, text_format)


# Where a block of rendered text ends: words on either side must not run together.
_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|pre|td|th|tr)>|<br\s*/?>", re.IGNORECASE)


@lru_cache(maxsize=2048)
def _plain(text: str, text_format: str) -> str:
    shown = _BLOCK_END.sub(" ", _formatted(text, text_format))
    return " ".join(html.unescape(nh3.clean(shown, tags=set())).split())


@lru_cache(maxsize=2048)
def _formatted(text: str, text_format: str) -> str:
    """Kept per text: a quiz's page shows every question again after each answer, and
    rendering and sanitising a question's Markdown cost a fifth of saving an answer."""
    if text_format == "markdown":
        return render_markdown(text)
    if text_format == "html":
        return clean_html(text)
    return ""


def _answer_dict(answer: GiftAnswer) -> dict[str, Any]:
    return {"text": answer.text, "weight": answer.weight, "feedback": answer.feedback}


def to_gift(kind: str, title: str, text: str, general_feedback: str, data: dict) -> GiftQuestion:
    common = dict(
        text=text,
        title=title,
        text_format=data.get("text_format", "moodle"),
        category=data.get("category", ""),
        general_feedback=general_feedback,
        text_after=data.get("text_after", ""),
    )
    if kind in ("single_choice", "multiple_choice"):
        answers = tuple(GiftAnswer(o["text"], o["weight"], o["feedback"]) for o in data["options"])
        return GiftQuestion(
            kind="multiple_choice",
            answers=answers,
            multiple=kind == "multiple_choice",
            **common,
        )
    if kind == "true_false":
        correct = data["correct"]
        answers = (
            GiftAnswer("true", 1.0 if correct else 0.0, data.get("feedback_true", "")),
            GiftAnswer("false", 0.0 if correct else 1.0, data.get("feedback_false", "")),
        )
        return GiftQuestion(kind="true_false", answers=answers, **common)
    if kind == "short_answer":
        answers = tuple(GiftAnswer(a["text"], a["weight"], a["feedback"]) for a in data["answers"])
        return GiftQuestion(kind="short_answer", answers=answers, **common)
    if kind == "matching":
        pairs = tuple(MatchingPair(p["prompt"], p["match"]) for p in data["pairs"])
        return GiftQuestion(kind="matching", matching_pairs=pairs, **common)
    if kind == "numerical":
        numbers = tuple(
            NumericalAnswer(
                value=a["value"],
                tolerance=a["tolerance"],
                minimum=a["minimum"],
                maximum=a["maximum"],
                weight=a["weight"],
                feedback=a["feedback"],
            )
            for a in data["answers"]
        )
        return GiftQuestion(kind="numerical", numerical_answers=numbers, **common)
    return GiftQuestion(kind=kind, **common)  # essay, description


def _number_text(value: Any) -> str:
    return f"{float(value):g}".replace(".", ",")


def _right_number(answer: dict[str, Any]) -> str:
    if answer.get("minimum") is not None and answer.get("maximum") is not None:
        return f"{_number_text(answer['minimum'])}–{_number_text(answer['maximum'])}"
    if answer.get("value") is None:
        return ""
    tolerance = answer.get("tolerance")
    value = _number_text(answer["value"])
    return f"{value} ± {_number_text(tolerance)}" if tolerance else value


def right_answer(kind: str, data: dict[str, Any]) -> str:
    """The right answer as a learner reads it after the attempt (empty for essays)."""
    if kind in ("single_choice", "multiple_choice", "short_answer"):
        items = data.get("options") or data.get("answers") or []
        right = [item["text"] for item in items if float(item.get("weight", 0)) > 0]
        if kind == "short_answer":
            right = [item["text"] for item in items if float(item.get("weight", 0)) >= 0.999]
        return " / ".join(right) if kind == "short_answer" else "; ".join(right)
    if kind == "true_false":
        return "Sant" if data.get("correct") else "Falskt"
    if kind == "matching":
        return "; ".join(
            f"{pair['prompt']} → {pair['match']}"
            for pair in data.get("pairs", [])
            if pair["prompt"]
        )
    if kind == "numerical":
        full = [a for a in data.get("answers", []) if float(a.get("weight", 0)) >= 0.999]
        return " eller ".join(text for text in map(_right_number, full) if text)
    return ""
