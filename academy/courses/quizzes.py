"""Quizzes and their questions: authoring, GIFT import (all or nothing) and GIFT export."""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.db import get_or_404
from academy.core.errors import ValidationError
from academy.core.uploads import check_text
from academy.core.validation import required_text
from academy.courses.common import AUTHORS
from academy.courses.formats.gift import GiftParseError, parse_gift, write_gift
from academy.courses.models import (
    FEEDBACK_MODES,
    GRADING_METHODS,
    QUESTION_KINDS,
    REVIEW_MODES,
    CourseModule,
    Question,
    Quiz,
)
from academy.courses.questions import (
    META_KEYS,
    QuestionInput,
    clean_question,
    from_gift,
    plain_text,
    to_gift,
)

MAX_GIFT_ERRORS_SHOWN = 20


@dataclass(frozen=True)
class QuestionRow:
    id: int
    position: int
    kind: str
    title: str
    text: str
    points: float
    general_feedback: str
    data: dict[str, Any]


@dataclass(frozen=True)
class QuizDetail:
    id: int
    module_id: int
    title: str
    pass_mark: int
    attempts_allowed: int
    feedback_mode: str
    questions: tuple[QuestionRow, ...]
    review_mode: str = "after_attempt"
    shuffle_options: bool = True
    grading_method: str = "highest"


@dataclass(frozen=True)
class GiftImportPreview:
    """What an import would add. `errors` are Swedish, with question number and line."""

    question_count: int
    counts: dict[str, int]  # per question kind (courses.models.QUESTION_KINDS), only present
    titles: tuple[str, ...]
    errors: tuple[str, ...]
    questions: tuple[QuestionInput, ...] = ()  # the questions themselves, cleaned

    @property
    def ok(self) -> bool:
        return not self.errors


def _quiz_fields(title: str, pass_mark: Any, attempts_allowed: Any, feedback_mode: str):
    title = required_text(title, "Quizets titel")
    if isinstance(pass_mark, bool) or not isinstance(pass_mark, int) or not 0 <= pass_mark <= 100:
        raise ValidationError("Gränsen för godkänt måste vara ett heltal mellan 0 och 100 %.")
    if (
        isinstance(attempts_allowed, bool)
        or not isinstance(attempts_allowed, int)
        or attempts_allowed < 0
    ):
        raise ValidationError("Antal försök måste vara 0 (obegränsat) eller fler.")
    if feedback_mode not in FEEDBACK_MODES:
        raise ValidationError("Välj om återkopplingen visas direkt eller i slutet.")
    return title, pass_mark, attempts_allowed, feedback_mode


def _review_fields(review_mode: str, grading_method: str) -> None:
    if review_mode not in REVIEW_MODES:
        raise ValidationError("Välj när deltagarna ser rätt svar och återkoppling.")
    if grading_method not in GRADING_METHODS:
        raise ValidationError("Välj vilket försök som räknas.")


def create_quiz(
    session: Session,
    actor: CurrentUser | None,
    module_id: int,
    *,
    title: str,
    pass_mark: int = 80,
    attempts_allowed: int = 0,
    feedback_mode: str = "end",
    review_mode: str = "after_attempt",
    shuffle_options: bool = True,
    grading_method: str = "highest",
) -> int:
    require_role(actor, *AUTHORS)
    get_or_404(session, CourseModule, module_id, "Modulen finns inte.")
    fields = _quiz_fields(title, pass_mark, attempts_allowed, feedback_mode)
    _review_fields(review_mode, grading_method)
    if session.scalar(select(Quiz.id).where(Quiz.module_id == module_id)) is not None:
        raise ValidationError("Modulen har redan ett quiz.")
    quiz = Quiz(
        module_id=module_id,
        review_mode=review_mode,
        shuffle_options=bool(shuffle_options),
        grading_method=grading_method,
    )
    quiz.title, quiz.pass_mark, quiz.attempts_allowed, quiz.feedback_mode = fields
    session.add(quiz)
    session.flush()
    return quiz.id


def update_quiz(
    session: Session,
    actor: CurrentUser | None,
    quiz_id: int,
    *,
    title: str,
    pass_mark: int,
    attempts_allowed: int,
    feedback_mode: str,
    review_mode: str = "after_attempt",
    shuffle_options: bool = True,
    grading_method: str = "highest",
) -> None:
    require_role(actor, *AUTHORS)
    quiz = get_or_404(session, Quiz, quiz_id, "Quizet finns inte.")
    fields = _quiz_fields(title, pass_mark, attempts_allowed, feedback_mode)
    _review_fields(review_mode, grading_method)
    quiz.title, quiz.pass_mark, quiz.attempts_allowed, quiz.feedback_mode = fields
    quiz.review_mode, quiz.shuffle_options = review_mode, bool(shuffle_options)
    quiz.grading_method = grading_method


def _next_position(session: Session, quiz_id: int) -> int:
    last = session.scalar(select(func.max(Question.position)).where(Question.quiz_id == quiz_id))
    return (last or 0) + 1


def _question_row(question: QuestionInput, quiz_id: int, position: int) -> Question:
    return Question(
        quiz_id=quiz_id,
        position=position,
        kind=question.kind,
        title=question.title,
        text=question.text,
        points=question.points,
        general_feedback=question.general_feedback,
        data=question.data,
    )


def add_question(
    session: Session, actor: CurrentUser | None, quiz_id: int, question: QuestionInput
) -> int:
    require_role(actor, *AUTHORS)
    get_or_404(session, Quiz, quiz_id, "Quizet finns inte.")
    row = _question_row(clean_question(question), quiz_id, _next_position(session, quiz_id))
    session.add(row)
    session.flush()
    return row.id


def update_question(
    session: Session, actor: CurrentUser | None, question_id: int, question: QuestionInput
) -> None:
    require_role(actor, *AUTHORS)
    row = get_or_404(session, Question, question_id, "Frågan finns inte.")
    # What the form does not show (a GIFT category, text format) stays as imported.
    kept = {key: row.data[key] for key in META_KEYS if key in (row.data or {})}
    cleaned = clean_question(dataclasses.replace(question, data={**kept, **(question.data or {})}))
    row.kind, row.title, row.text = cleaned.kind, cleaned.title, cleaned.text
    row.points, row.general_feedback, row.data = (
        cleaned.points,
        cleaned.general_feedback,
        cleaned.data,
    )


def reorder_questions(
    session: Session, actor: CurrentUser | None, quiz_id: int, question_ids: list[int]
) -> None:
    """Put the quiz's questions in the order given; every question must be named once."""
    require_role(actor, *AUTHORS)
    get_or_404(session, Quiz, quiz_id, "Quizet finns inte.")
    rows = {q.id: q for q in quiz_questions(session, quiz_id)}
    if sorted(question_ids) != sorted(rows):
        raise ValidationError("Ordningen måste innehålla quizets alla frågor, var och en en gång.")
    for position, question_id in enumerate(question_ids, start=1):
        rows[question_id].position = position


def delete_question(session: Session, actor: CurrentUser | None, question_id: int) -> None:
    require_role(actor, *AUTHORS)
    session.delete(get_or_404(session, Question, question_id, "Frågan finns inte."))
    session.flush()


_QUESTIONS = (
    select(Question)
    .where(Question.quiz_id == bindparam("quiz"))
    .order_by(Question.position, Question.id)
)


def quiz_questions(session: Session, quiz_id: int) -> list[Question]:
    return list(session.scalars(_QUESTIONS, {"quiz": quiz_id}))


def get_quiz(session: Session, actor: CurrentUser | None, quiz_id: int) -> QuizDetail:
    """The quiz with every question and its answers (for authors)."""
    require_role(actor, *AUTHORS)
    quiz = get_or_404(session, Quiz, quiz_id, "Quizet finns inte.")
    return QuizDetail(
        id=quiz.id,
        module_id=quiz.module_id,
        title=quiz.title,
        pass_mark=quiz.pass_mark,
        attempts_allowed=quiz.attempts_allowed,
        feedback_mode=quiz.feedback_mode,
        questions=tuple(
            QuestionRow(
                q.id, q.position, q.kind, q.title, q.text, q.points, q.general_feedback, q.data
            )
            for q in quiz_questions(session, quiz_id)
        ),
        review_mode=quiz.review_mode,
        shuffle_options=quiz.shuffle_options,
        grading_method=quiz.grading_method,
    )


# ---- GIFT ------------------------------------------------------------------------------------


def _parse_gift_questions(text: str) -> tuple[list[QuestionInput], list[str]]:
    """Parse and validate every question; returns the cleaned questions and all errors."""
    try:
        check_text(text or "")
    except ValidationError as error:
        return [], [error.message]
    try:
        parsed = parse_gift(text or "")
    except GiftParseError as error:
        return [], [e.message for e in error.errors]
    if not parsed:
        return [], ["Filen innehåller inga frågor."]
    questions, errors = [], []
    for number, gift_question in enumerate(parsed, start=1):
        try:
            questions.append(clean_question(from_gift(gift_question)))
        except ValidationError as error:
            errors.append(f"Fråga {number} (rad {gift_question.line}): {error.message}")
    return questions, errors


def preview_gift_import(text: str) -> GiftImportPreview:
    """What `import_gift` would add, without touching the database."""
    questions, errors = _parse_gift_questions(text)
    counts = Counter(question.kind for question in questions)
    return GiftImportPreview(
        question_count=len(questions),
        counts={kind: counts[kind] for kind in QUESTION_KINDS if counts[kind]},
        titles=tuple(q.title or plain_text(q.text, q.data)[:60] for q in questions),
        errors=tuple(errors),
        questions=tuple(questions),
    )


def import_gift(session: Session, actor: CurrentUser | None, quiz_id: int, text: str) -> int:
    """Append every question in `text` to the quiz, or none: any error refuses the whole file."""
    require_role(actor, *AUTHORS)
    get_or_404(session, Quiz, quiz_id, "Quizet finns inte.")
    questions, errors = _parse_gift_questions(text)
    if errors:
        shown = errors[:MAX_GIFT_ERRORS_SHOWN]
        more = len(errors) - len(shown)
        tail = [f"… och {more} fel till."] if more else []
        raise ValidationError(
            "Inga frågor importerades. Rätta felen och försök igen:\n" + "\n".join(shown + tail)
        )
    position = _next_position(session, quiz_id)
    session.add_all(
        _question_row(question, quiz_id, position + offset)
        for offset, question in enumerate(questions)
    )
    session.flush()
    return len(questions)


def export_gift(session: Session, actor: CurrentUser | None, quiz_id: int) -> str:
    require_role(actor, *AUTHORS)
    get_or_404(session, Quiz, quiz_id, "Quizet finns inte.")
    return write_gift(
        to_gift(q.kind, q.title, q.text, q.general_feedback, q.data)
        for q in quiz_questions(session, quiz_id)
    )
