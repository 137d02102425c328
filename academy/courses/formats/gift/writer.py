"""Writing ``GiftQuestion`` objects as Moodle GIFT text that ``parse_gift`` reads back equal."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from .model import GiftAnswer, GiftQuestion, NumericalAnswer
from .parser import _FORMAT_TAG
from .source import escape

_LOOKS_LIKE_WEIGHT = re.compile(r"\s*%\s*-?\d+(?:[.,]\d+)?\s*%")
_INDENT = "\t"


class GiftWriteError(ValueError):
    """A question holds something GIFT has no way to write."""


def write_gift(questions: Iterable[GiftQuestion]) -> str:
    """GIFT text for ``questions``, with ``$CATEGORY:`` lines where the category changes."""
    chunks: list[str] = []
    category = ""
    for question in questions:
        if question.category != category:
            if "\n" in question.category:
                raise GiftWriteError("a category cannot contain a line break")
            category = question.category
            chunks.append(f"$CATEGORY: {category}".rstrip())
        chunks.append(_question(question))
    return "".join(chunk + "\n\n" for chunk in chunks)


def _question(question: GiftQuestion) -> str:
    head = f"::{escape(question.title)}::" if question.title else ""
    text = escape(question.text)
    # An explicit tag is also needed when the text itself would be taken for a tag, or
    # when a line starting with the text would be taken for a comment.
    if (
        question.text_format != "moodle"
        or _FORMAT_TAG.match(question.text)
        or (not head and text.startswith("//"))
    ):
        head += f"[{question.text_format}]"
    if head and text:
        head += " "

    if question.kind == "description":
        return head + text
    if question.is_missing_word:
        block = _answer_block(question, inline=True)
        return f"{head}{text}{block}{escape(question.text_after)}"
    block = _answer_block(question, inline=False)
    return f"{head}{text} {block}" if text else f"{head}{block}"


def _answer_block(question: GiftQuestion, inline: bool) -> str:
    items = _answer_items(question)
    general_feedback = escape(question.general_feedback)
    if general_feedback:
        items.append(f"####{general_feedback}")
    if inline or (len(items) <= 1 and question.kind != "matching"):
        return "{" + " ".join(items) + "}"
    opening = "{"
    if items[0] == "#":
        opening, items = "{#", items[1:]
    return opening + "\n" + "".join(f"{_INDENT}{item}\n" for item in items) + "}"


def _answer_items(question: GiftQuestion) -> list[str]:
    if question.kind == "multiple_choice":
        items = [_choice(answer, question.multiple) for answer in question.answers]
        if len(items) > 1 and not any(item.startswith("~") for item in items):
            # Only a ~ marks multiple choice; without one this would read as short answer.
            items[-1] = _weighted("~", question.answers[-1], default_weight=0.0)
        return items
    if question.kind == "true_false":
        return [_true_false(question)]
    if question.kind == "short_answer":
        for answer in question.answers:
            if "->" in answer.text:
                raise GiftWriteError(f"a short answer cannot contain '->': {answer.text!r}")
        return [_weighted("=", answer, default_weight=1.0) for answer in question.answers]
    if question.kind == "matching":
        return [_matching_pair(pair.prompt, pair.match) for pair in question.matching_pairs]
    if question.kind == "numerical":
        return _numerical(question.numerical_answers)
    if question.kind == "essay":
        return []
    raise GiftWriteError(f"unknown question kind {question.kind!r}")


def _choice(answer: GiftAnswer, multiple: bool) -> str:
    if not multiple and answer.weight == 1:
        return _weighted("=", answer, default_weight=1.0)
    return _weighted("~", answer, default_weight=0.0)


def _weighted(marker: str, answer: GiftAnswer, default_weight: float) -> str:
    weight = ""
    if answer.weight != default_weight or _LOOKS_LIKE_WEIGHT.match(answer.text):
        weight = f"%{_percent(answer.weight)}%"
    return f"{marker}{weight}{escape(answer.text)}{_feedback(answer.feedback)}"


def _feedback(feedback: str) -> str:
    return f"#{escape(feedback)}" if feedback else ""


def _true_false(question: GiftQuestion) -> str:
    true_option, false_option = question.answers
    if question.true_false_answer:
        word, right, wrong = "T", true_option.feedback, false_option.feedback
    else:
        word, right, wrong = "F", false_option.feedback, true_option.feedback
    if right:
        return f"{word}#{escape(wrong)}#{escape(right)}"
    return word + _feedback(wrong)


def _matching_pair(prompt: str, match: str) -> str:
    if "->" in prompt:
        raise GiftWriteError(f"a matching prompt cannot contain '->': {prompt!r}")
    return f"={escape(prompt)} -> {escape(match)}"


def _numerical(answers: tuple[NumericalAnswer, ...]) -> list[str]:
    items: list[str] = []
    for answer in answers:
        feedback = _feedback(answer.feedback)
        if answer.is_any_other and answer.weight == 0:
            items.append(f"~{feedback}")
            continue
        if answer.is_any_other:
            number = "*"
        elif answer.is_range:
            number = f"{_number(answer.minimum)}..{_number(answer.maximum)}"
        elif answer.tolerance:
            number = f"{_number(answer.value)}:{_number(answer.tolerance)}"
        else:
            number = _number(answer.value)
        weight = "" if answer.weight == 1 else f"%{_percent(answer.weight)}%"
        items.append(f"={weight}{number}{feedback}")
    if len(items) == 1 and items[0].startswith("="):
        return ["#" + items[0][1:]]
    return ["#", *items]


def _number(value: float | None) -> str:
    if value is None or value != value or value in (float("inf"), float("-inf")):
        raise GiftWriteError(f"not a finite number: {value!r}")
    if value.is_integer():
        return str(int(value))
    return repr(value)


def _percent(weight: float) -> str:
    # repr gives the shortest decimal that reads back as the same float, so the weight
    # survives a round trip exactly.
    return format((Decimal(repr(weight)) * 100).normalize(), "f")
