"""Following up (trainers, admins): the progress matrix, item analysis and essay grading."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.db import get_or_404
from academy.core.errors import AccessDenied, NotFound, ValidationError
from academy.core.models import Unit, User, utcnow
from academy.courses.cohorts import follows_learner, require_cohort
from academy.courses.common import AUTHORS
from academy.courses.models import (
    AttemptAnswer,
    CohortRequiredModule,
    Course,
    CourseModule,
    Enrolment,
    Question,
    Quiz,
    QuizAttempt,
)
from academy.courses.questions import plain_text
from academy.courses.quizzes import quiz_questions
from academy.courses.scoring import FULL_CREDIT, matching_prompts, parse_number
from academy.courses.status import STATUSES
from academy.courses.taking import rescore_attempt
from academy.courses.tracking import (
    completion,
    course_shape,
    load_progress,
    module_statuses,
)


@dataclass(frozen=True)
class MatrixRow:
    user_id: int
    name: str
    email: str
    unit: str
    statuses: tuple[str, ...]  # one per module, in the course's order
    course_status: str
    modules_completed: int  # of the required modules


@dataclass(frozen=True)
class ProgressMatrix:
    """Participants × modules. `counts` are participants per course status, `module_counts`
    cells per status for each module; both count everyone matching the name filter, before the
    status filter, so a filter's choices can show how many they would give."""

    cohort_id: int
    course_id: int
    course_title: str
    modules: tuple[tuple[int, str], ...]  # (module id, title)
    rows: tuple[MatrixRow, ...]
    counts: dict[str, int]
    module_counts: dict[int, dict[str, int]]
    deadline: date | None = None
    # The modules a tailored cohort requires (empty: the whole course); the course status and
    # modules_completed count only these.
    required: frozenset[int] = frozenset()


def progress_matrix(
    session: Session,
    actor: CurrentUser | None,
    cohort_id: int,
    *,
    status: str | None = None,
    module_id: int | None = None,
    name: str = "",
) -> ProgressMatrix:
    """Status of every participant in every module, in a fixed number of SQL statements.

    `status` filters on the course status, or on one module's status when `module_id` is
    given; `name` keeps participants whose name or e-mail contains it (case-insensitive).
    Only the cohort's own trainers and admins may see it.
    """
    cohort = require_cohort(session, actor, cohort_id)
    if status is not None and status not in STATUSES:
        raise ValidationError("Okänd status att filtrera på.")
    # The course's title and the modules the cohort requires, in one statement.
    course_id, course_title, named = cohort.course_id, "", set()
    for title, required_id in session.execute(
        select(Course.title, CohortRequiredModule.module_id)
        .outerjoin(CohortRequiredModule, CohortRequiredModule.cohort_id == cohort_id)
        .where(Course.id == course_id)
    ):
        course_title = title
        if required_id is not None:
            named.add(required_id)
    shape = course_shape(session, course_id)
    if module_id is not None and module_id not in shape.module_titles:
        raise ValidationError("Modulen hör inte till kursen.")
    participant_ids = select(Enrolment.user_id).where(Enrolment.cohort_id == cohort_id)
    people = session.execute(
        select(User.id, User.name, User.email, Unit.name)
        .outerjoin(Unit, Unit.id == User.unit_id)
        .where(User.id.in_(participant_ids))
        .order_by(func.lower(User.name), User.id)
    ).all()
    progress = load_progress(session, shape, participant_ids)
    required = frozenset(named & set(shape.module_titles))

    needle = name.strip().casefold()
    rows = []
    for user_id, user_name, email, unit in people:
        if needle and needle not in user_name.casefold() and needle not in email.casefold():
            continue
        statuses = module_statuses(shape, progress.get(user_id))
        done = completion(shape, statuses, required)
        rows.append(
            MatrixRow(
                user_id=user_id,
                name=user_name,
                email=email,
                unit=unit or "",
                statuses=tuple(statuses[m.id] for m in shape.modules),
                course_status=done.status,
                modules_completed=done.done,
            )
        )
    counts = {s: sum(1 for row in rows if row.course_status == s) for s in STATUSES}
    module_counts = {
        m.id: {s: sum(1 for row in rows if row.statuses[i] == s) for s in STATUSES}
        for i, m in enumerate(shape.modules)
    }
    if status is not None:
        if module_id is None:
            rows = [row for row in rows if row.course_status == status]
        else:
            index = [m.id for m in shape.modules].index(module_id)
            rows = [row for row in rows if row.statuses[index] == status]
    return ProgressMatrix(
        cohort_id=cohort_id,
        course_id=course_id,
        course_title=course_title,
        modules=tuple((m.id, shape.module_titles[m.id]) for m in shape.modules),
        rows=tuple(rows),
        counts=counts,
        module_counts=module_counts,
        deadline=cohort.deadline,
        required=required if len(required) < len(shape.modules) else frozenset(),
    )


# ---- item analysis ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemStats:
    question_id: int
    position: int
    title: str
    kind: str
    answered: int  # scored answers in submitted attempts (unanswered count; ungraded do not)
    correct: int  # answers with full credit
    share_correct: float | None  # correct / answered, None when nothing is answered
    most_chosen_wrong: str | None  # the wrong answer given most often
    most_chosen_wrong_count: int


def response_text(kind: str, data: dict[str, Any], response: Any) -> str:
    """A learner's response as readable text (for analysis and exports)."""
    if response is None:
        return ""
    if kind == "single_choice":
        options = data.get("options", [])
        return options[response]["text"] if 0 <= response < len(options) else ""
    if kind == "multiple_choice":
        options = data.get("options", [])
        return "; ".join(options[i]["text"] for i in response if 0 <= i < len(options))
    if kind == "true_false":
        return "Sant" if response else "Falskt"
    if kind == "numerical":
        value = parse_number(response)
        return str(response) if value is None else f"{value:g}"
    if kind == "matching":
        prompts = matching_prompts(data)
        return "; ".join(
            f"{pair['prompt']} → {chosen or '–'}"
            for pair, chosen in zip(prompts, response, strict=False)
        )
    return " ".join(str(response).split())


def _wrong_choices(question: Question, response: Any, fraction: float) -> list[str]:
    """What counts as a wrong answer given: each wrong option chosen, else the whole response."""
    if response is None:
        return []
    if question.kind == "multiple_choice":
        options = question.data.get("options", [])
        return [options[i]["text"] for i in response if options[i]["weight"] <= 0]
    if fraction >= FULL_CREDIT:
        return []
    text = response_text(question.kind, question.data, response)
    if question.kind == "short_answer":
        text = text.casefold()
    return [text] if text else []


def item_analysis(session: Session, actor: CurrentUser | None, quiz_id: int) -> list[ItemStats]:
    """Per question: share answered correctly in submitted attempts, most chosen wrong answer."""
    require_role(actor, *AUTHORS)
    get_or_404(session, Quiz, quiz_id, "Quizet finns inte.")
    return item_analyses(session, actor, [quiz_id])[quiz_id]


def item_analyses(
    session: Session, actor: CurrentUser | None, quiz_ids: list[int]
) -> dict[int, list[ItemStats]]:
    """`item_analysis` of several quizzes (a course's) in two statements, whatever their number."""
    require_role(actor, *AUTHORS)
    questions: dict[int, list[Question]] = {quiz_id: [] for quiz_id in quiz_ids}
    if not quiz_ids:
        return {}
    for question in session.scalars(
        select(Question)
        .where(Question.quiz_id.in_(quiz_ids), Question.kind != "description")
        .order_by(Question.quiz_id, Question.position, Question.id)
    ):
        questions[question.quiz_id].append(question)
    answers = session.execute(
        select(AttemptAnswer.question_id, AttemptAnswer.response, AttemptAnswer.fraction)
        .join(QuizAttempt, QuizAttempt.id == AttemptAnswer.attempt_id)
        .where(QuizAttempt.quiz_id.in_(quiz_ids), QuizAttempt.status == "submitted")
    ).all()
    by_question: dict[int, list[tuple[Any, float | None]]] = {}
    for question_id, response, fraction in answers:
        by_question.setdefault(question_id, []).append((response, fraction))
    return {
        quiz_id: [_item_stats(q, by_question.get(q.id, [])) for q in listed]
        for quiz_id, listed in questions.items()
    }


def _item_stats(q: Question, answers: list[tuple[Any, float | None]]) -> ItemStats:
    graded = [(r, f) for r, f in answers if f is not None]
    correct = sum(1 for _, f in graded if f >= FULL_CREDIT)
    wrong = Counter(text for r, f in graded for text in _wrong_choices(q, r, f))
    top = min(wrong.items(), key=lambda item: (-item[1], item[0])) if wrong else None
    return ItemStats(
        question_id=q.id,
        position=q.position,
        title=q.title or plain_text(q.text, q.data)[:60],
        kind=q.kind,
        answered=len(graded),
        correct=correct,
        share_correct=round(correct / len(graded), 4) if graded else None,
        most_chosen_wrong=top[0] if top else None,
        most_chosen_wrong_count=top[1] if top else 0,
    )


# ---- essay grading ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PendingEssay:
    answer_id: int
    attempt_id: int
    user_id: int
    user_name: str
    question_title: str
    question_text: str
    response: str
    submitted_at: datetime | None
    attempt_number: int = 1


@dataclass(frozen=True)
class GradedAttempt:
    attempt_id: int
    score_percent: float | None  # None while other essays in the attempt await grading
    passed: bool | None


def pending_essays(
    session: Session, actor: CurrentUser | None, quiz_id: int, cohort_id: int
) -> list[PendingEssay]:
    """Essays awaiting grading by the cohort's participants (for its trainers and admins)."""
    return pending_essays_by_quiz(session, actor, [quiz_id], cohort_id)[quiz_id]


def pending_essays_by_quiz(
    session: Session, actor: CurrentUser | None, quiz_ids: list[int], cohort_id: int
) -> dict[int, list[PendingEssay]]:
    """`pending_essays` of several quizzes (a course's) in one statement after the access check."""
    require_cohort(session, actor, cohort_id)
    found: dict[int, list[PendingEssay]] = {quiz_id: [] for quiz_id in quiz_ids}
    if not quiz_ids:
        return found
    rows = session.execute(
        select(AttemptAnswer, QuizAttempt, User.name, Question.title, Question.text, Question.data)
        .join(QuizAttempt, QuizAttempt.id == AttemptAnswer.attempt_id)
        .join(Question, Question.id == AttemptAnswer.question_id)
        .join(User, User.id == QuizAttempt.user_id)
        .where(
            QuizAttempt.quiz_id.in_(quiz_ids),
            QuizAttempt.status == "submitted",
            Question.kind == "essay",
            AttemptAnswer.fraction.is_(None),
            QuizAttempt.user_id.in_(
                select(Enrolment.user_id).where(Enrolment.cohort_id == cohort_id)
            ),
        )
        .order_by(QuizAttempt.submitted_at, AttemptAnswer.id)
    ).all()
    for a, t, name, title, text, data in rows:
        found[t.quiz_id].append(
            PendingEssay(
                a.id,
                t.id,
                t.user_id,
                name,
                title,
                plain_text(text, data),
                str(a.response or ""),
                t.submitted_at,
                t.number,
            )
        )
    return found


def grade_essay(
    session: Session,
    actor: CurrentUser | None,
    answer_id: int,
    *,
    fraction: float,
    feedback: str = "",
) -> GradedAttempt:
    """Grade an essay with a fraction 0..1 of the question's points (0.5 = half the points).

    The attempt is then rescored; once no essay is pending it gets its percentage and pass,
    which may complete the module. Grading again replaces the earlier grade.
    """
    require_role(actor, *AUTHORS)
    answer = get_or_404(session, AttemptAnswer, answer_id, "Svaret finns inte.")
    question = session.get(Question, answer.question_id)
    if question.kind != "essay":
        raise ValidationError("Bara essäfrågor bedöms för hand.")
    attempt = session.get(QuizAttempt, answer.attempt_id)
    course_id = session.scalar(
        select(CourseModule.course_id)
        .join(Quiz, Quiz.module_id == CourseModule.id)
        .where(Quiz.id == attempt.quiz_id)
    )
    if not follows_learner(session, actor, course_id, attempt.user_id):
        raise AccessDenied("Du leder ingen kursomgång som personen går i.")
    if attempt.status != "submitted":
        raise ValidationError("Försöket är inte inlämnat än.")
    value = parse_number(fraction)
    if value is None or not 0.0 <= value <= 1.0:
        raise ValidationError("Bedömningen måste vara en andel mellan 0 och 1 (0–100 %).")
    answer.fraction = value
    answer.grader_feedback = (feedback or "").strip()
    answer.graded_by, answer.graded_at = actor.id, utcnow()
    session.flush()
    quiz = session.get(Quiz, attempt.quiz_id)
    answers = {
        a.question_id: a
        for a in session.scalars(
            select(AttemptAnswer).where(AttemptAnswer.attempt_id == attempt.id)
        )
    }
    rescore_attempt(attempt, quiz, quiz_questions(session, quiz.id), answers)
    session.flush()
    return GradedAttempt(attempt.id, attempt.score_percent, attempt.passed)


@dataclass(frozen=True)
class LearnerAnswer:
    question: str
    response: str
    fraction: float | None  # None: an essay awaiting grading
    essay: bool
    grader_feedback: str


@dataclass(frozen=True)
class LearnerAttempt:
    id: int
    quiz_title: str
    number: int
    status: str
    score_percent: float | None
    passed: bool | None
    submitted_at: datetime | None
    answers: tuple[LearnerAnswer, ...]


def learner_attempts(
    session: Session, actor: CurrentUser | None, cohort_id: int, user_id: int
) -> tuple[str, list[LearnerAttempt]]:
    """One participant's name and attempts at the course's quizzes, with every answer.

    For the cohort's own trainers and admins; 3 queries beside the access check."""
    cohort = require_cohort(session, actor, cohort_id)
    name = session.scalar(
        select(User.name)
        .join(Enrolment, Enrolment.user_id == User.id)
        .where(Enrolment.cohort_id == cohort_id, User.id == user_id)
    )
    if name is None:
        raise NotFound("Personen är inte inskriven på kursomgången.")
    attempts = session.execute(
        select(QuizAttempt, Quiz.title)
        .join(Quiz, Quiz.id == QuizAttempt.quiz_id)
        .join(CourseModule, CourseModule.id == Quiz.module_id)
        .where(CourseModule.course_id == cohort.course_id, QuizAttempt.user_id == user_id)
        .order_by(CourseModule.position, CourseModule.id, QuizAttempt.number)
    ).all()
    answers: dict[int, list[LearnerAnswer]] = {}
    for answer, question in session.execute(
        select(AttemptAnswer, Question)
        .join(Question, Question.id == AttemptAnswer.question_id)
        .where(AttemptAnswer.attempt_id.in_([a.id for a, _ in attempts] or [-1]))
        .order_by(Question.position, Question.id)
    ):
        answers.setdefault(answer.attempt_id, []).append(
            LearnerAnswer(
                question.title or plain_text(question.text, question.data),
                response_text(question.kind, question.data, answer.response),
                answer.fraction,
                question.kind == "essay",
                answer.grader_feedback,
            )
        )
    return name, [
        LearnerAttempt(
            a.id,
            title,
            a.number,
            a.status,
            a.score_percent,
            a.passed,
            a.submitted_at,
            tuple(answers.get(a.id, ())),
        )
        for a, title in attempts
    ]
