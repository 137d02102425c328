"""A quiz attempt as plain rows: what every answer and hand-in of a learner reads and writes.

A learner's quiz page sends every answer on it with each click, so this is the busiest write in
the academy. It reads the attempt with its quiz and course (and whether the person is enrolled,
and the questions' stamp) in one statement of table columns, the questions kept in memory under
that stamp (academy.core.kept), the answers in one statement, and writes only the answers that
changed, with Core statements: no mapped objects are built or flushed (through SQLAlchemy's ORM
the same work cost 2.5 times the CPU, docs/performance.md). The rows carry
the attribute names of the mapped classes (`attempt.status`, `quiz.pass_mark`, `question.data`,
`answer.fraction`), so `taking._view` and the scoring read either.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from academy.core.db import read
from academy.core.kept import UNREAD, Kept, frozen, stamp_column
from academy.core.models import utcnow
from academy.courses.models import (
    AttemptAnswer,
    Cohort,
    Course,
    CourseModule,
    Enrolment,
    Question,
    Quiz,
    QuizAttempt,
)
from academy.courses.tracking import SHAPE_STAMP

_attempts, _quizzes = QuizAttempt.__table__, Quiz.__table__
_modules, _courses = CourseModule.__table__, Course.__table__
_questions, _answers = Question.__table__, AttemptAnswer.__table__
_cohorts, _enrolments = Cohort.__table__.c, Enrolment.__table__.c


@dataclass
class AttemptRow:
    """An attempt as read; `status` and the score change when it is handed in."""

    id: int
    user_id: int
    number: int
    status: str
    score_percent: float | None
    passed: bool | None
    submitted_at: datetime | None = None


@dataclass(frozen=True)
class QuizRow:
    id: int
    title: str
    pass_mark: int
    attempts_allowed: int
    feedback_mode: str
    review_mode: str
    shuffle_options: bool
    grading_method: str


@dataclass(frozen=True)
class Titled:
    """A module or a course as a quiz's intro names it."""

    id: int
    title: str


@dataclass(frozen=True)
class QuestionRow:
    """A question as a learner's attempt reads it: kept, so read-only (`data` frozen)."""

    id: int
    kind: str
    title: str
    text: str
    points: float
    general_feedback: str
    data: Mapping[str, Any]


@dataclass
class AnswerRow:
    """A saved answer (`stored`), or one to be inserted. `changed`: a new response to write
    with the time it was given; `rescored`: only a new score (the question's key was edited),
    the time it was given stays."""

    question_id: int
    response: Any
    fraction: float | None
    grader_feedback: str = ""
    stored: bool = True
    changed: bool = False
    rescored: bool = False


@dataclass(frozen=True)
class Placed:
    """A quiz with its module and course, whether the person is enrolled on the course, and
    (read by an attempt's id) the attempt."""

    quiz: QuizRow
    module: Titled
    course: Titled
    course_status: str
    enrolled: bool
    attempt: AttemptRow | None = None
    # The course shapes' stamp (academy.core.kept), read with a quiz's place; the questions'
    # stamp, read with an attempt's.
    shape_stamp: int | None = None
    questions_stamp: int | None = None


_ENROLLED = (
    select(_enrolments.id)
    .join(Cohort.__table__, _cohorts.id == _enrolments.cohort_id)
    .where(_enrolments.user_id == bindparam("user"), _cohorts.course_id == _courses.c.id)
    .exists()
    .label("enrolled")
)
# A quiz's questions change only when an author edits them: kept per quiz under the stamp the
# database renews at every write to them (migration 0016, academy.core.kept).
_KEPT_QUESTIONS: Kept[int, tuple[QuestionRow, ...]] = Kept("questions", limit=1024)
QUESTIONS_STAMP = stamp_column("questions", "questions_stamp")
_a, _q, _m, _c = _attempts.c, _quizzes.c, _modules.c, _courses.c
_ATTEMPT_COLUMNS = (_a.id, _a.user_id, _a.number, _a.status, _a.score_percent, _a.passed)
_PLACE = (
    select(
        _q.id.label("quiz_id"),
        _q.title.label("quiz_title"),
        _q.pass_mark,
        _q.attempts_allowed,
        _q.feedback_mode,
        _q.review_mode,
        _q.shuffle_options,
        _q.grading_method,
        _m.id.label("module_id"),
        _m.title.label("module_title"),
        _c.id.label("course_id"),
        _c.title.label("course_title"),
        _c.status.label("course_status"),
        _ENROLLED,
    )
    .join(_modules, _m.id == _q.module_id)
    .join(_courses, _c.id == _m.course_id)
)
_PLACED_QUIZ = _PLACE.add_columns(SHAPE_STAMP).where(_q.id == bindparam("id"))
_PLACED_ATTEMPT = (
    _PLACE.add_columns(*_ATTEMPT_COLUMNS, QUESTIONS_STAMP)
    .join(_attempts, _a.quiz_id == _q.id)
    .where(_a.id == bindparam("id"))
)
_MY_ATTEMPTS = (
    select(*_ATTEMPT_COLUMNS, _a.submitted_at)
    .where(_a.quiz_id == bindparam("quiz"), _a.user_id == bindparam("user"))
    .order_by(_a.number)
)
_NEW_ATTEMPT = insert(_attempts)
_QUESTIONS = (
    select(
        _questions.c.quiz_id,
        _questions.c.id,
        _questions.c.kind,
        _questions.c.title,
        _questions.c.text,
        _questions.c.points,
        _questions.c.general_feedback,
        _questions.c.data,
    )
    .where(_questions.c.quiz_id.in_(bindparam("quizzes", expanding=True)))
    .order_by(_questions.c.position, _questions.c.id)
)
_ANSWERS = select(
    _answers.c.question_id, _answers.c.response, _answers.c.fraction, _answers.c.grader_feedback
).where(_answers.c.attempt_id == bindparam("attempt"))
_INSERT_ANSWER = insert(_answers)
_THIS_ANSWER = (_answers.c.attempt_id == bindparam("attempt")) & (
    _answers.c.question_id == bindparam("question")
)
_UPDATE_ANSWER = (
    update(_answers)
    .where(_THIS_ANSWER)
    .values(
        response=bindparam("response", type_=_answers.c.response.type),
        fraction=bindparam("fraction", type_=_answers.c.fraction.type),
        answered_at=bindparam("answered_at", type_=_answers.c.answered_at.type),
    )
)
_RESCORE_ANSWER = (
    update(_answers)
    .where(_THIS_ANSWER)
    .values(fraction=bindparam("fraction", type_=_answers.c.fraction.type))
)
_HAND_IN = (
    update(_attempts)
    .where(_a.id == bindparam("attempt"), _a.status == "open")
    .values(
        status="submitted",
        submitted_at=bindparam("submitted_at", type_=_a.submitted_at.type),
        score_percent=bindparam("score_percent", type_=_a.score_percent.type),
        passed=bindparam("passed", type_=_a.passed.type),
    )
)


def placed_quiz(session: Session, quiz_id: int, user_id: int) -> Placed | None:
    """The quiz, its module and course, and whether `user_id` is enrolled on the course, in
    one statement; None when there is no such quiz."""
    row = read(session, _PLACED_QUIZ, {"id": quiz_id, "user": user_id}).first()
    return None if row is None else _placed(row, shape_stamp=row.shape_stamp)


def placed_attempt(session: Session, attempt_id: int, user_id: int) -> Placed | None:
    """`placed_quiz` of the attempt's quiz, with the attempt, in one statement."""
    row = read(session, _PLACED_ATTEMPT, {"id": attempt_id, "user": user_id}).first()
    if row is None:
        return None
    attempt = AttemptRow(row.id, row.user_id, row.number, row.status, row.score_percent, row.passed)
    return _placed(row, attempt, questions_stamp=row.questions_stamp)


def _placed(
    row: Row,
    attempt: AttemptRow | None = None,
    shape_stamp: int | None = None,
    questions_stamp: int | None = None,
) -> Placed:
    return Placed(
        QuizRow(
            row.quiz_id,
            row.quiz_title,
            row.pass_mark,
            row.attempts_allowed,
            row.feedback_mode,
            row.review_mode,
            row.shuffle_options,
            row.grading_method,
        ),
        Titled(row.module_id, row.module_title),
        Titled(row.course_id, row.course_title),
        row.course_status,
        bool(row.enrolled),
        attempt,
        shape_stamp,
        questions_stamp,
    )


def my_attempts(session: Session, quiz_id: int, user_id: int) -> list[AttemptRow]:
    """The person's attempts at the quiz, in the order they were started."""
    return [
        AttemptRow(*row) for row in read(session, _MY_ATTEMPTS, {"quiz": quiz_id, "user": user_id})
    ]


def new_attempt(session: Session, quiz_id: int, user_id: int, number: int) -> AttemptRow:
    """Start attempt `number` (a unique number per person and quiz: a double start fails)."""
    done = session.connection().execute(
        _NEW_ATTEMPT, {"quiz_id": quiz_id, "user_id": user_id, "number": number}
    )
    return AttemptRow(done.inserted_primary_key[0], user_id, number, "open", None, None)


def question_rows(
    session: Session, quiz_id: int, stamp: int | None = UNREAD
) -> tuple[QuestionRow, ...]:
    """The quiz's questions in order, kept (`stamp`: the questions' stamp, when an earlier
    statement of the transaction read it)."""
    return _KEPT_QUESTIONS.get_many(
        session, [quiz_id], lambda missing: _read_questions(session, missing), stamp
    )[quiz_id]


def _read_questions(session: Session, quiz_ids: list[int]) -> dict[int, tuple]:
    found: dict[int, list[QuestionRow]] = {quiz_id: [] for quiz_id in quiz_ids}
    for row in read(session, _QUESTIONS, {"quizzes": quiz_ids}):
        found[row.quiz_id].append(
            QuestionRow(
                row.id,
                row.kind,
                row.title,
                row.text,
                row.points,
                row.general_feedback,
                frozen(row.data or {}),
            )
        )
    return {quiz_id: tuple(rows) for quiz_id, rows in found.items()}


def answer_rows(session: Session, attempt_id: int) -> dict[int, AnswerRow]:
    """The attempt's saved answers by question id."""
    return {
        row.question_id: AnswerRow(row.question_id, row.response, row.fraction, row.grader_feedback)
        for row in read(session, _ANSWERS, {"attempt": attempt_id})
    }


def write_answers(session: Session, attempt_id: int, answers: dict[int, AnswerRow]) -> None:
    """Insert the new answers, update the changed and the rescored ones, now (their marks are
    then cleared)."""
    now = utcnow()
    new = [a for a in answers.values() if not a.stored]
    changed = [a for a in answers.values() if a.stored and a.changed]
    rescored = [a for a in answers.values() if a.stored and a.rescored and not a.changed]
    connection = session.connection()
    if new:
        connection.execute(
            _INSERT_ANSWER,
            [
                {
                    "attempt_id": attempt_id,
                    "question_id": a.question_id,
                    "response": a.response,
                    "fraction": a.fraction,
                    "answered_at": now,
                }
                for a in new
            ],
        )
    if changed:
        connection.execute(
            _UPDATE_ANSWER,
            [
                {
                    "attempt": attempt_id,
                    "question": a.question_id,
                    "response": a.response,
                    "fraction": a.fraction,
                    "answered_at": now,
                }
                for a in changed
            ],
        )
    if rescored:
        connection.execute(
            _RESCORE_ANSWER,
            [
                {"attempt": attempt_id, "question": a.question_id, "fraction": a.fraction}
                for a in rescored
            ],
        )
    for answer in (*new, *changed, *rescored):
        answer.stored, answer.changed, answer.rescored = True, False, False


def hand_in(session: Session, attempt: AttemptRow) -> bool:
    """Mark the attempt handed in with its score; False when it was no longer open (handed in
    meanwhile, in another tab)."""
    attempt.status, attempt.submitted_at = "submitted", utcnow()
    done = session.connection().execute(
        _HAND_IN,
        {
            "attempt": attempt.id,
            "submitted_at": attempt.submitted_at,
            "score_percent": attempt.score_percent,
            "passed": attempt.passed,
        },
    )
    return done.rowcount == 1
