"""Data model for questions read from or written to Moodle GIFT.

The courses service maps these objects onto database quiz questions. Which fields are used
depends on ``GiftQuestion.kind``:

=================  ==================================================================
kind               content
=================  ==================================================================
multiple_choice    ``answers`` (two or more); ``multiple`` says whether the learner may
                   pick several answers (checkboxes) or exactly one (radio buttons)
true_false         ``answers`` is always ``(true option, false option)``; the correct one
                   has weight 1.0, and each option's feedback is shown when it is chosen
short_answer       ``answers``: accepted texts (compared case-insensitively when scoring)
matching           ``matching_pairs``; a pair with an empty prompt is an extra answer
numerical          ``numerical_answers``
essay              no answers; graded by hand
description        no answers and no points; just text shown in the quiz
=================  ==================================================================

Weights are fractions of the question's points: 1.0 is full credit, 0.0 none, and a
negative weight (from ``%-50%``) is a penalty. All texts are unescaped, with surrounding
whitespace removed, and may contain newlines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

QuestionKind = Literal[
    "multiple_choice",
    "true_false",
    "short_answer",
    "matching",
    "numerical",
    "essay",
    "description",
]
QUESTION_KINDS: tuple[QuestionKind, ...] = (
    "multiple_choice",
    "true_false",
    "short_answer",
    "matching",
    "numerical",
    "essay",
    "description",
)

# "moodle" is GIFT's default when no [format] tag is given: plain text where line breaks
# are kept and URLs become links.
TextFormat = Literal["moodle", "html", "plain", "markdown"]
TEXT_FORMATS: tuple[TextFormat, ...] = ("moodle", "html", "plain", "markdown")

TRUE_OPTION = "true"
FALSE_OPTION = "false"


@dataclass(frozen=True)
class GiftAnswer:
    """A choice in multiple choice or true/false, or an accepted short answer."""

    text: str
    weight: float
    feedback: str = ""


@dataclass(frozen=True)
class MatchingPair:
    """``prompt -> match``. An empty prompt adds ``match`` as an extra, wrong choice."""

    prompt: str
    match: str


@dataclass(frozen=True)
class NumericalAnswer:
    """One accepted number, in one of three forms.

    * value and tolerance (``{#5:0.5}``, exact when tolerance is 0): ``value``, ``tolerance``
    * range (``{#4.5..5.5}``): ``minimum``, ``maximum``
    * any other number (``*`` or ``~#feedback``): all four are None; usually weight 0 with
      feedback for wrong answers

    The form is kept as written so that export reproduces it exactly.
    """

    value: float | None = None
    tolerance: float | None = None
    minimum: float | None = None
    maximum: float | None = None
    weight: float = 1.0
    feedback: str = ""

    @classmethod
    def exact(
        cls, value: float, tolerance: float = 0.0, weight: float = 1.0, feedback: str = ""
    ) -> NumericalAnswer:
        return cls(value=value, tolerance=tolerance, weight=weight, feedback=feedback)

    @classmethod
    def between(
        cls, minimum: float, maximum: float, weight: float = 1.0, feedback: str = ""
    ) -> NumericalAnswer:
        return cls(minimum=minimum, maximum=maximum, weight=weight, feedback=feedback)

    @classmethod
    def any_other(cls, weight: float = 0.0, feedback: str = "") -> NumericalAnswer:
        return cls(weight=weight, feedback=feedback)

    @property
    def is_range(self) -> bool:
        return self.minimum is not None

    @property
    def is_any_other(self) -> bool:
        return self.value is None and self.minimum is None

    def bounds(self) -> tuple[float, float] | None:
        """The accepted closed interval, or None when any number is accepted."""
        if self.minimum is not None and self.maximum is not None:
            return (self.minimum, self.maximum)
        if self.value is not None:
            tolerance = self.tolerance or 0.0
            return (self.value - tolerance, self.value + tolerance)
        return None


@dataclass(frozen=True)
class GiftQuestion:
    """One question (or description) from a GIFT file.

    ``text_after`` is only used by missing-word questions, where the answer block sits in
    the middle of the sentence: the learner sees ``text``, a blank, then ``text_after``.
    In that case the whitespace next to the blank is kept as written.

    ``line`` is where the question starts in the source file (1-based, 0 when the
    question was not parsed). It is metadata and is left out of equality, so a question
    compares equal after an export and re-import.
    """

    kind: QuestionKind
    text: str
    title: str = ""
    text_format: TextFormat = "moodle"
    category: str = ""
    answers: tuple[GiftAnswer, ...] = ()
    matching_pairs: tuple[MatchingPair, ...] = ()
    numerical_answers: tuple[NumericalAnswer, ...] = ()
    general_feedback: str = ""
    text_after: str = ""
    multiple: bool = False
    line: int = field(default=0, compare=False)

    @property
    def is_missing_word(self) -> bool:
        return self.text_after != ""

    @property
    def true_false_answer(self) -> bool | None:
        """The correct answer of a true/false question, None for other kinds."""
        if self.kind != "true_false":
            return None
        return self.answers[0].weight > 0

    def display_text(self, blank: str = "_____") -> str:
        """Question text as shown to learners, with ``blank`` where a missing word goes."""
        if self.is_missing_word:
            return f"{self.text}{blank}{self.text_after}"
        return self.text
