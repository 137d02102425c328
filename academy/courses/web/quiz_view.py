"""Quizzes as the typed rows the quiz pages show: questions to answer, and the editor's list."""

from __future__ import annotations

from dataclasses import dataclass

from academy.courses import quizzes, taking
from academy.courses.questions import KIND_LABELS, plain_text, right_answer
from academy.courses.web.forms import answer_name

GAP = "_____"

# ---- taking a quiz -------------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    name: str  # the input's name in the question's form
    value: str
    label: str


@dataclass(frozen=True)
class Prompt:
    name: str
    prompt: str


@dataclass(frozen=True)
class QuizQuestion:
    """A question as the attempt shows it, the same however it is answered: an answer sends
    the person's `QuizAnswer`s again, not the questions."""

    id: int
    number: int
    kind: str
    kind_label: str
    title: str
    text: str
    text_after: str
    # Sanitised HTML of a formatted text (Markdown or HTML); shown instead of `text` when set.
    text_html: str
    points: str
    choices: tuple[Choice, ...]
    prompts: tuple[Prompt, ...]
    match_options: tuple[str, ...]
    gap: bool  # a missing-word question: `text` GAP `text_after` is one sentence


@dataclass(frozen=True)
class QuizAnswer:
    """The person's answer to the question at the same position, and its verdict."""

    checked: tuple[bool, ...]  # one per choice, in the question's order of choices
    chosen: tuple[str, ...]  # one per prompt of a matching question
    text_answer: str
    answered: bool
    locked: bool
    verdict: str
    # right / wrong / partial / pending / graded: the verdict's colour (CSS class verdict-<kind>)
    verdict_kind: str
    feedback: tuple[str, ...]
    general_feedback: str
    grader_feedback: str
    right_answer: str


def points_text(points: float) -> str:
    return f"{points:g} poäng" if points != 1 else "1 poäng"


def verdict(feedback: taking.AnswerFeedback | None) -> tuple[str, str]:
    """The verdict's words and kind. An essay is graded by a trainer, never "Fel svar"."""
    if feedback is None:
        return "", ""
    if feedback.pending:
        return "Väntar på bedömning av utbildaren.", "pending"
    share = round((feedback.fraction or 0) * 100)
    if feedback.essay:
        return f"Bedömd av utbildaren: {share:g} % av poängen.", "graded"
    if feedback.correct:
        return "Rätt svar.", "right"
    if feedback.fraction and feedback.fraction > 0:
        return f"Delvis rätt: {share:g} % av poängen.", "partial"
    return "Fel svar.", "wrong"


def _options(q: taking.AttemptQuestion) -> tuple[tuple[Choice, bool], ...]:
    """The question's options in the order shown, each with whether the response chose it."""
    response, name = q.response, answer_name(q.id, "answer")
    if q.kind == "true_false":
        return (
            (Choice(name, "true", "Sant"), response is True),
            (Choice(name, "false", "Falskt"), response is False),
        )
    order = q.order or tuple(range(len(q.choices)))
    if q.kind == "single_choice":
        return tuple((Choice(name, str(i), q.choices[i]), response == i) for i in order)
    if q.kind == "multiple_choice":
        chosen = set(response or [])
        return tuple(
            (Choice(answer_name(q.id, f"c-{i}"), "on", q.choices[i]), i in chosen) for i in order
        )
    return ()


def quiz_question(q: taking.AttemptQuestion, number: int) -> QuizQuestion:
    return QuizQuestion(
        id=q.id,
        number=number,
        kind=q.kind,
        kind_label=KIND_LABELS[q.kind],
        title=q.title,
        text=q.text.rstrip() if q.text_after else q.text,
        text_after=q.text_after.lstrip(),
        text_html=q.text_html,
        points=points_text(q.points),
        choices=tuple(choice for choice, _ in _options(q)),
        prompts=tuple(
            Prompt(answer_name(q.id, f"m-{i}"), prompt) for i, prompt in enumerate(q.prompts)
        ),
        match_options=tuple(q.choices) if q.kind == "matching" else (),
        gap=bool(q.text_after),
    )


def quiz_answer(q: taking.AttemptQuestion, locked: bool) -> QuizAnswer:
    response = q.response
    matched = list(response or []) if q.kind == "matching" else []
    text_answer = (
        str(response) if q.kind in ("short_answer", "essay", "numerical") and response else ""
    )
    feedback = q.feedback
    words, kind = verdict(feedback)
    return QuizAnswer(
        checked=tuple(checked for _, checked in _options(q)),
        chosen=tuple(
            (matched[i] if i < len(matched) else None) or "" for i in range(len(q.prompts))
        ),
        text_answer=text_answer,
        answered=response is not None,
        locked=locked or (feedback is not None),
        verdict=words,
        verdict_kind=kind,
        feedback=tuple(text for text in (feedback.feedback if feedback else ()) if text),
        general_feedback=feedback.general_feedback if feedback else "",
        grader_feedback=feedback.grader_feedback if feedback else "",
        right_answer="" if kind == "right" else q.right_answer,
    )


def unanswered_text(numbers: list[int]) -> str:
    if not numbers:
        return ""
    if len(numbers) == 1:
        return f"Fråga {numbers[0]} är obesvarad. Lämna in ändå? Den räknas då som fel."
    listed = ", ".join(str(n) for n in numbers[:-1]) + f" och {numbers[-1]}"
    return f"Fråga {listed} är obesvarade. Lämna in ändå? De räknas då som fel."


@dataclass(frozen=True)
class AttemptRow:
    id: int
    number: int
    result: str


def attempt_result(attempt) -> str:
    if attempt.status == "open":
        return "Pågår"
    if attempt.passed is None:
        return "Väntar på bedömning"
    return f"{attempt.score_percent:.0f} % – {'godkänt' if attempt.passed else 'inte godkänt'}"


def attempt_rows(attempts) -> list[AttemptRow]:
    return [AttemptRow(a.id, a.number, attempt_result(a)) for a in attempts]


def attempts_text(used: int, allowed: int, left: int | None) -> str:
    if left is None:
        return f"Du har gjort {used} försök. Antalet försök är obegränsat."
    return f"Du har gjort {used} av {allowed} försök. Försök kvar: {left}."


def result_kind(view: taking.AttemptView) -> str:
    """The result's colour: right (passed), wrong (not passed) or pending."""
    if view.status != "submitted":
        return ""
    if view.passed is None:
        return "pending"
    return "right" if view.passed else "wrong"


def result_text(view: taking.AttemptView) -> str:
    if view.status != "submitted":
        return ""
    if view.passed is None:
        return (
            "Inlämnat. En essäfråga väntar på bedömning av utbildaren; "
            "resultatet visas här när den är bedömd."
        )
    return f"Resultat: {view.score_percent:.0f} %. " + (
        "Godkänt!" if view.passed else f"Inte godkänt (gränsen är {view.pass_mark} %)."
    )


# ---- editing a quiz ------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionRow:
    id: int
    number: int
    kind: str
    text: str
    points: str
    first: bool
    last: bool


def question_rows(quiz: quizzes.QuizDetail) -> list[QuestionRow]:
    count = len(quiz.questions)
    return [
        QuestionRow(
            q.id,
            number,
            KIND_LABELS[q.kind],
            (q.title + ": " if q.title else "") + plain_text(q.text, q.data),
            f"{q.points:g}",
            number == 1,
            number == count,
        )
        for number, q in enumerate(quiz.questions, start=1)
    ]


@dataclass(frozen=True)
class GiftCount:
    kind: str
    count: int


def gift_counts(preview: quizzes.GiftImportPreview) -> list[GiftCount]:
    return [GiftCount(KIND_LABELS[kind], n) for kind, n in preview.counts.items()]


@dataclass(frozen=True)
class GiftQuestionRow:
    """A question as the import would create it: its text, choices and right answer."""

    number: int
    kind: str
    text: str
    choices: str
    right: str


def gift_question_rows(preview: quizzes.GiftImportPreview) -> list[GiftQuestionRow]:
    rows = []
    for number, q in enumerate(preview.questions, start=1):
        text = (q.title + ": " if q.title else "") + plain_text(q.text, q.data)
        if q.data.get("text_after"):
            text = f"{q.text.rstrip()} {GAP} {q.data['text_after'].lstrip()}"
            text = (q.title + ": " if q.title else "") + text
        options = q.data.get("options") or []
        rows.append(
            GiftQuestionRow(
                number,
                KIND_LABELS[q.kind],
                text,
                " · ".join(option["text"] for option in options),
                right_answer(q.kind, q.data)
                or ("Bedöms av utbildaren" if q.kind == "essay" else "–"),
            )
        )
    return rows
