"""Taking a course: lessons, quiz attempts and where to resume. All checks run on the server.

A learner may only open published courses they are enrolled in, only modules whose
prerequisite is completed, and only their own attempts; the attempt limit is enforced when an
attempt starts (a unique attempt number per person and quiz stops a double start). Learners
never receive answer keys: questions come with their choices' texts only, and feedback follows
the quiz's mode ("immediate": after each answer, which then cannot be changed; "end": after
submitting).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.db import get_or_404, read
from academy.core.errors import AccessDenied, NotFound, ValidationError
from academy.core.kept import UNREAD
from academy.core.models import Role
from academy.courses import attempt_rows
from academy.courses.attempt_rows import AnswerRow, AttemptRow, Placed, QuizRow, Titled
from academy.courses.cohorts import follows_learner
from academy.courses.common import AUTHORS
from academy.courses.models import (
    Cohort,
    Course,
    CourseModule,
    Enrolment,
    Lesson,
    LessonRead,
    Quiz,
    QuizAttempt,
)
from academy.courses.questions import SCORED_KINDS, formatted_text, right_answer
from academy.courses.scoring import (
    matching_choices,
    matching_prompts,
    passes,
    quiz_score,
    score_response,
)
from academy.courses.status import COMPLETED, ResumePoint, is_unlocked
from academy.courses.status import resume_point as find_resume_point
from academy.courses.tracking import (
    SHAPE_STAMP,
    CourseShape,
    completion,
    course_shape,
    learner_required,
    module_statuses,
    person_progress,
    required_in,
)

LEARNERS = (Role.EMPLOYEE, Role.TRAINER, Role.ADMIN)
MAX_TEXT_ANSWER = 20_000


@dataclass(frozen=True)
class LearnerLesson:
    id: int
    title: str
    read: bool


@dataclass(frozen=True)
class LearnerQuiz:
    id: int
    title: str
    pass_mark: int
    attempts_allowed: int  # 0 = unlimited
    attempts_used: int
    passed: bool


@dataclass(frozen=True)
class LearnerModule:
    id: int
    title: str
    status: str
    unlocked: bool
    prerequisite_title: str
    lessons: tuple[LearnerLesson, ...]
    quiz: LearnerQuiz | None


@dataclass(frozen=True)
class LearnerCourse:
    id: int
    title: str
    description: str
    status: str
    modules: tuple[LearnerModule, ...]
    resume: ResumePoint
    # The modules the learner's cohorts require (empty: the whole course) and how many of
    # those are done, by the one completion rule.
    required: frozenset[int] = frozenset()
    modules_completed: int = 0
    module_count: int = 0


@dataclass(frozen=True)
class LessonView:
    id: int
    module_id: int
    title: str
    html: str  # sanitised
    video_url: str
    read: bool
    course_id: int = 0
    # Where the learner goes on from here: the course's resume point as of this opening.
    resume: ResumePoint | None = None


@dataclass(frozen=True)
class AnswerFeedback:
    fraction: float | None  # None: awaiting grading
    correct: bool
    pending: bool
    feedback: tuple[str, ...]  # per chosen answer
    general_feedback: str
    grader_feedback: str = ""
    essay: bool = False


@dataclass(frozen=True)
class AttemptQuestion:
    id: int
    kind: str
    title: str
    text: str
    text_after: str
    points: float
    choices: tuple[str, ...]  # options (choice kinds) or match texts (matching)
    prompts: tuple[str, ...]  # matching only
    response: Any
    feedback: AnswerFeedback | None  # None until the quiz's feedback mode reveals it
    # The display order of `choices` (indexes into it): shuffled per attempt, stable on reload.
    order: tuple[int, ...] = ()
    right_answer: str = ""  # only when the quiz's review setting shows it
    # The text as sanitised HTML when the author wrote it in Markdown or HTML (GIFT's
    # [markdown], [html]); empty for plain text, which is shown as it is.
    text_html: str = ""


@dataclass(frozen=True)
class AttemptView:
    id: int
    quiz_id: int
    quiz_title: str
    user_id: int
    number: int
    status: str  # open / submitted
    feedback_mode: str
    pass_mark: int
    score_percent: float | None  # None while open or awaiting essay grading
    passed: bool | None
    questions: tuple[AttemptQuestion, ...]
    review_mode: str = "after_attempt"

    @property
    def pending_grading(self) -> bool:
        return self.status == "submitted" and self.passed is None


@dataclass(frozen=True)
class AttemptSummary:
    id: int
    number: int
    status: str
    score_percent: float | None
    passed: bool | None
    submitted_at: datetime | None


@dataclass(frozen=True)
class QuizIntro:
    """What a learner sees before and between attempts at a quiz."""

    id: int
    title: str
    course_id: int
    course_title: str
    module_title: str
    pass_mark: int
    attempts_allowed: int  # 0 = unlimited
    feedback_mode: str
    attempts: tuple[AttemptSummary, ...]
    review_mode: str = "after_attempt"
    grading_method: str = "highest"

    @property
    def pending(self) -> bool:
        """An attempt handed in with an essay the trainer has not graded yet."""
        return any(a.status == "submitted" and a.passed is None for a in self.attempts)

    @property
    def attempts_left(self) -> int | None:
        """None when unlimited."""
        if not self.attempts_allowed:
            return None
        return max(self.attempts_allowed - len(self.attempts), 0)

    @property
    def passed(self) -> bool:
        """Passed by the attempt that counts: the best one, or the latest handed in."""
        if self.grading_method == "last":
            handed_in = [a for a in self.attempts if a.status == "submitted"]
            return bool(handed_in and handed_in[-1].passed)
        return any(attempt.passed for attempt in self.attempts)

    @property
    def open_attempt_id(self) -> int | None:
        return next((a.id for a in self.attempts if a.status == "open"), None)


# ---- access ----------------------------------------------------------------------------------


# Where a lesson, quiz or attempt sits, and whether the learner may open its course, in one
# statement each: the learner's every page load and quiz answer starts with one of them. The
# course and the lesson, only read, come as table columns (`read`); the quiz and the attempt as
# mapped objects, which a quiz answer changes.
_course, _lesson, _module = Course.__table__.c, Lesson.__table__.c, CourseModule.__table__.c
_cohort, _enrolment = Cohort.__table__.c, Enrolment.__table__.c
_ENROLLED_HERE = (
    select(_enrolment.id)
    .join(Cohort.__table__, _cohort.id == _enrolment.cohort_id)
    .where(_enrolment.user_id == bindparam("user"), _cohort.course_id == _course.id)
    .exists()
    .label("enrolled")
)
_COURSE_OPEN = select(
    _course.id, _course.title, _course.description, _course.status, _ENROLLED_HERE, SHAPE_STAMP
).where(_course.id == bindparam("id"))
_LESSON_OPEN = (
    select(
        _lesson.id,
        _lesson.title,
        _lesson.content_html,
        _lesson.video_url,
        _lesson.module_id,
        _module.course_id,
        _course.status,
        _ENROLLED_HERE,
        SHAPE_STAMP,
    )
    .join(CourseModule.__table__, _module.id == _lesson.module_id)
    .join(Course.__table__, _course.id == _module.course_id)
    .where(_lesson.id == bindparam("id"))
)


def _may_open(course_status: str, enrolled: bool) -> None:
    if course_status != "published":
        raise AccessDenied("Kursen är inte publicerad.")
    if not enrolled:
        raise AccessDenied("Du är inte inskriven på kursen.")


def _placed(
    session: Session,
    actor: CurrentUser | None,
    statement,
    key: int,
    missing: str,
    run=Session.execute,
):
    """The row of one of the statements above for `key`, after the role check; NotFound with
    `missing` when there is none. `run` is `read` for the statements of table columns."""
    require_role(actor, *LEARNERS)
    row = run(session, statement, {"id": key, "user": actor.id}).first()
    if row is None:
        raise NotFound(missing)
    return row


def _open_course(session: Session, actor: CurrentUser | None, course_id: int):
    """The course's id, title, description and status, once the actor may open it."""
    row = _placed(session, actor, _COURSE_OPEN, course_id, "Kursen finns inte.", read)
    _may_open(row.status, row.enrolled)
    return row


def _open_lesson(session: Session, actor: CurrentUser | None, lesson_id: int):
    """The lesson's id, title, content_html, video_url, module_id and course_id, once the actor
    may open its course (not yet: whether its module is unlocked)."""
    row = _placed(session, actor, _LESSON_OPEN, lesson_id, "Lektionen finns inte.", read)
    _may_open(row.status, row.enrolled)
    return row


def _progress(session: Session, actor: CurrentUser, course_id: int, stamp: int | None = UNREAD):
    """The course's shape (`stamp`: its stamp, when the page's first statement read it), the
    actor's progress in it and each module's status."""
    shape = course_shape(session, course_id, stamp)
    person = person_progress(session, {course_id: shape}, actor.id)[course_id]
    return shape, person, module_statuses(shape, person)


def _require_unlocked(
    session: Session,
    actor: CurrentUser,
    shape: CourseShape,
    statuses: dict[int, str],
    module_id: int,
) -> None:
    module = next(m for m in shape.modules if m.id == module_id)
    if is_unlocked(module, statuses):
        return
    # In a tailored run an optional prerequisite does not lock a module.
    required = required_in(
        shape, learner_required(session, actor.id, [shape.course_id])[shape.course_id]
    )
    if not is_unlocked(module, statuses, required):
        title = shape.module_titles.get(module.prerequisite_id, "")
        raise AccessDenied(f"Modulen ”{title}” måste vara klar innan du kan börja här.")


def _module_of(session: Session, module_id: int) -> CourseModule:
    return get_or_404(session, CourseModule, module_id, "Modulen finns inte.")


# ---- course and lessons ----------------------------------------------------------------------


def course_outline(session: Session, actor: CurrentUser | None, course_id: int) -> LearnerCourse:
    course = _open_course(session, actor, course_id)
    shape, person, statuses = _progress(session, actor, course_id, course.shape_stamp)
    required = learner_required(session, actor.id, [course_id])[course_id]
    tailored = required_in(shape, required)
    done = completion(shape, statuses, required)
    modules = []
    for module in shape.modules:
        quiz = module.quiz_id
        tally = person.tallies.get(quiz) if quiz else None
        modules.append(
            LearnerModule(
                id=module.id,
                title=shape.module_titles[module.id],
                status=statuses[module.id],
                unlocked=is_unlocked(module, statuses, tailored),
                prerequisite_title=shape.module_titles.get(module.prerequisite_id, ""),
                lessons=tuple(
                    LearnerLesson(lid, shape.lesson_titles[lid], lid in person.read)
                    for lid in module.lesson_ids
                ),
                quiz=None
                if quiz is None
                else LearnerQuiz(
                    quiz,
                    shape.quiz_titles[quiz],
                    shape.pass_marks[quiz],
                    module.attempts_allowed,
                    tally.started if tally else 0,
                    bool(tally and tally.passed),
                ),
            )
        )
    return LearnerCourse(
        id=course.id,
        title=course.title,
        description=course.description,
        status=done.status,
        modules=tuple(modules),
        resume=find_resume_point(shape.modules, person.read, statuses, required),
        required=tailored,
        modules_completed=done.done,
        module_count=done.required,
    )


def resume_point(session: Session, actor: CurrentUser | None, course_id: int) -> ResumePoint:
    """The first lesson not read (or quiz not passed) in the first open, unfinished module."""
    course = _open_course(session, actor, course_id)
    shape, person, statuses = _progress(session, actor, course_id, course.shape_stamp)
    required = learner_required(session, actor.id, [course_id])[course_id]
    return find_resume_point(shape.modules, person.read, statuses, required)


def open_lesson(session: Session, actor: CurrentUser | None, lesson_id: int) -> LessonView:
    lesson = _open_lesson(session, actor, lesson_id)
    shape, person, statuses = _progress(session, actor, lesson.course_id, lesson.shape_stamp)
    _require_unlocked(session, actor, shape, statuses, lesson.module_id)
    required = learner_required(session, actor.id, [shape.course_id])[shape.course_id]
    return LessonView(
        lesson.id,
        lesson.module_id,
        lesson.title,
        lesson.content_html,
        lesson.video_url,
        lesson.id in person.read,
        lesson.course_id,
        find_resume_point(shape.modules, person.read, statuses, required),
    )


def mark_lesson_read(session: Session, actor: CurrentUser | None, lesson_id: int) -> None:
    """Record that the actor has read the lesson (again is fine)."""
    lesson = _open_lesson(session, actor, lesson_id)
    shape, person, statuses = _progress(session, actor, lesson.course_id, lesson.shape_stamp)
    _require_unlocked(session, actor, shape, statuses, lesson.module_id)
    if lesson_id not in person.read:
        session.add(LessonRead(user_id=actor.id, lesson_id=lesson_id))
        session.flush()


# ---- attempts --------------------------------------------------------------------------------


def _quiz_access(session: Session, actor: CurrentUser | None, quiz_id: int) -> Placed:
    """The quiz, its module and course (as rows), once the actor may take it (enrolled,
    unlocked)."""
    require_role(actor, *LEARNERS)
    placed = attempt_rows.placed_quiz(session, quiz_id, actor.id)
    if placed is None:
        raise NotFound("Quizet finns inte.")
    _may_open(placed.course_status, placed.enrolled)
    shape, _person, statuses = _progress(session, actor, placed.course.id, placed.shape_stamp)
    _require_unlocked(session, actor, shape, statuses, placed.module.id)
    return placed


def start_attempt(session: Session, actor: CurrentUser | None, quiz_id: int) -> AttemptView:
    """Start an attempt, or return the one already open (so a reload resumes it)."""
    placed = _quiz_access(session, actor, quiz_id)
    attempts = attempt_rows.my_attempts(session, quiz_id, actor.id)
    return _start(session, actor, placed.quiz, attempts)


def open_quiz(
    session: Session, actor: CurrentUser | None, quiz_id: int, *, start: bool = False
) -> tuple[QuizIntro, AttemptView | None]:
    """The quiz page after one access check: the intro and the attempt to show — the open one
    (started first when `start`), else the latest handed in, else None. The person's attempts
    are read once, for all three."""
    placed = _quiz_access(session, actor, quiz_id)
    attempts = attempt_rows.my_attempts(session, quiz_id, actor.id)
    attempt = _start(session, actor, placed.quiz, attempts) if start else None
    if attempt is None and attempts:
        shown = next((a for a in attempts if a.status == "open"), attempts[-1])
        attempt = _view(session, shown, placed.quiz, attempts=attempts)
    return _intro(placed.quiz, placed.module, placed.course, attempts), attempt


def _start(
    session: Session, actor: CurrentUser, quiz: QuizRow, attempts: list[AttemptRow]
) -> AttemptView:
    """The open attempt, else a new one, which is added to `attempts` (the person's own)."""
    open_attempt = next((a for a in attempts if a.status == "open"), None)
    if open_attempt is not None:
        return _view(session, open_attempt, quiz, attempts=attempts)
    used = len(attempts)
    if any(a.status == "submitted" and a.passed is None for a in attempts):
        raise ValidationError(
            "Ditt förra försök väntar på bedömning av utbildaren. "
            "Du kan göra ett nytt försök när det är bedömt."
        )
    if quiz.attempts_allowed and used >= quiz.attempts_allowed:
        raise ValidationError(
            f"Du har använt alla {quiz.attempts_allowed} försök på quizet. "
            "Kontakta din utbildare om du behöver fler."
        )
    attempt = attempt_rows.new_attempt(session, quiz.id, actor.id, used + 1)
    attempts.append(attempt)
    # A new attempt has no answers.
    return _view(session, attempt, quiz, answers={}, attempts=attempts)


def quiz_intro(session: Session, actor: CurrentUser | None, quiz_id: int) -> QuizIntro:
    """The quiz's settings and the actor's own attempts; refused if the module is locked."""
    placed = _quiz_access(session, actor, quiz_id)
    attempts = attempt_rows.my_attempts(session, quiz_id, actor.id)
    return _intro(placed.quiz, placed.module, placed.course, attempts)


def _intro(quiz: QuizRow, module: Titled, course: Titled, attempts: list[AttemptRow]) -> QuizIntro:
    return QuizIntro(
        id=quiz.id,
        title=quiz.title,
        course_id=course.id,
        course_title=course.title,
        module_title=module.title,
        pass_mark=quiz.pass_mark,
        attempts_allowed=quiz.attempts_allowed,
        feedback_mode=quiz.feedback_mode,
        attempts=tuple(
            AttemptSummary(a.id, a.number, a.status, a.score_percent, a.passed, a.submitted_at)
            for a in attempts
        ),
        review_mode=quiz.review_mode,
        grading_method=quiz.grading_method,
    )


def _own_open_attempt(session: Session, actor: CurrentUser | None, attempt_id: int):
    """The actor's own open attempt with its quiz, module and course, as rows
    (`attempt_rows`), in one statement."""
    require_role(actor, *LEARNERS)
    placed = attempt_rows.placed_attempt(session, attempt_id, actor.id)
    if placed is None:
        raise NotFound("Försöket finns inte.")
    if placed.attempt.user_id != actor.id:
        raise AccessDenied("Försöket tillhör någon annan.")
    if placed.attempt.status != "open":
        raise ValidationError("Försöket är redan inlämnat.")
    _may_open(placed.course_status, placed.enrolled)
    return placed


def _clean_response(kind: str, response: Any) -> Any:
    wrong = ValidationError("Svaret har fel form för frågetypen.")
    if kind == "single_choice":
        if isinstance(response, bool) or not isinstance(response, int):
            raise wrong
    elif kind == "multiple_choice":
        if not isinstance(response, list | tuple) or not all(
            isinstance(i, int) and not isinstance(i, bool) for i in response
        ):
            raise wrong
        response = sorted(set(response))
    elif kind == "true_false":
        if not isinstance(response, bool):
            raise wrong
    elif kind in ("short_answer", "essay"):
        if not isinstance(response, str):
            raise wrong
        if len(response) > MAX_TEXT_ANSWER:
            raise ValidationError(f"Svaret får vara högst {MAX_TEXT_ANSWER} tecken.")
    elif kind == "matching":
        if not isinstance(response, list | tuple) or not all(
            item is None or isinstance(item, str) for item in response
        ):
            raise wrong
        response = list(response)
    elif kind == "numerical":
        if isinstance(response, bool) or not isinstance(response, int | float | str):
            raise wrong
        if isinstance(response, str) and len(response) > 50:
            raise wrong
    else:
        raise ValidationError("Frågan ska inte besvaras.")
    return response


def answer_question(
    session: Session, actor: CurrentUser | None, attempt_id: int, question_id: int, response: Any
) -> AnswerFeedback | None:
    """Save an answer. Returns its feedback at once when the quiz's mode is "immediate", where
    an answer once given cannot be changed."""
    placed = _own_open_attempt(session, actor, attempt_id)
    question = next(
        (
            q
            for q in attempt_rows.question_rows(session, placed.quiz.id, placed.questions_stamp)
            if q.id == question_id
        ),
        None,
    )
    if question is None:
        raise NotFound("Frågan finns inte i quizet.")
    immediate = placed.quiz.feedback_mode == "immediate"
    answers = attempt_rows.answer_rows(session, attempt_id)
    if question_id in answers and immediate:
        raise ValidationError("Du har redan svarat på frågan och sett återkopplingen.")
    answer = _give(answers, question, _clean_response(question.kind, response))
    attempt_rows.write_answers(session, attempt_id, answers)
    if immediate:
        return _feedback(question, answer, placed.quiz.review_mode != "never")
    return None


def _give(answers: dict[int, AnswerRow], question, response: Any) -> AnswerRow:
    """`response` (already cleaned) given to `question`, scored, in `answers` for
    `attempt_rows.write_answers`: a new answer is inserted and a changed one updated, with the
    time it was given; one sent again as it was keeps its time and gets only a new score, when
    the question's key was edited."""
    fraction = score_response(question.kind, question.data, response).fraction
    answer = answers.get(question.id)
    if answer is None:
        answer = answers[question.id] = AnswerRow(question.id, response, fraction, stored=False)
    elif answer.response != response:
        answer.response, answer.fraction, answer.changed = response, fraction, True
    elif answer.fraction != fraction:
        answer.fraction, answer.rescored = fraction, True
    return answer


def save_answers(
    session: Session, actor: CurrentUser | None, attempt_id: int, responses: dict[int, Any]
) -> int:
    """Save every answer given on the page at once (question id -> response); returns how many.

    With immediate feedback an answer already given stays as it was (its feedback was shown)."""
    return _save(session, actor, attempt_id, responses).saved


def save_answers_and_view(
    session: Session, actor: CurrentUser | None, attempt_id: int, responses: dict[int, Any]
) -> AttemptView:
    """`save_answers`, then the attempt as its owner sees it, from the rows already read."""
    done = _save(session, actor, attempt_id, responses)
    return _view(session, done.attempt, done.quiz, done.questions, done.answers)


@dataclass
class _Saved:
    """What saving the page's answers read and wrote, for the view or the hand-in after it."""

    saved: int
    attempt: attempt_rows.AttemptRow
    quiz: attempt_rows.QuizRow
    module: attempt_rows.Titled
    course: attempt_rows.Titled
    questions: list
    answers: dict[int, AnswerRow]


def _save(
    session: Session, actor: CurrentUser | None, attempt_id: int, responses: dict[int, Any]
) -> _Saved:
    """Save the answers that changed: the page sends every answer on it with each click, and an
    answer sent again as it was keeps the time it was given (only a new score is written, when
    the question's key was edited). With immediate feedback an answer once given stays."""
    placed = _own_open_attempt(session, actor, attempt_id)
    listed = attempt_rows.question_rows(session, placed.quiz.id, placed.questions_stamp)
    questions = {q.id: (number, q) for number, q in enumerate(listed, 1)}
    answers = attempt_rows.answer_rows(session, attempt_id)
    immediate = placed.quiz.feedback_mode == "immediate"
    saved = 0
    for question_id, raw in responses.items():
        if question_id not in questions:
            raise NotFound("Frågan finns inte i quizet.")
        number, question = questions[question_id]
        answer = answers.get(question_id)
        if answer is not None and immediate:
            continue
        try:
            response = _clean_response(question.kind, raw)
        except ValidationError as exc:
            raise ValidationError(f"Fråga {number}: {exc.message}") from None
        answer = _give(answers, question, response)
        saved += answer.changed or not answer.stored
    attempt_rows.write_answers(session, attempt_id, answers)
    return _Saved(saved, placed.attempt, placed.quiz, placed.module, placed.course, listed, answers)


def _feedback(question, answer: AnswerRow, texts: bool = True) -> AnswerFeedback:
    """The verdict, and the author's feedback texts when `texts` (the quiz's review setting)."""
    score = score_response(question.kind, question.data, answer.response)
    pending = question.kind == "essay" and answer.fraction is None
    return AnswerFeedback(
        fraction=answer.fraction,
        correct=answer.fraction is not None and answer.fraction >= 0.999,
        pending=pending,
        feedback=score.feedback if answer.response is not None and texts else (),
        general_feedback=question.general_feedback if texts else "",
        grader_feedback=answer.grader_feedback,
        essay=question.kind == "essay",
    )


def submit_attempt(session: Session, actor: CurrentUser | None, attempt_id: int) -> AttemptView:
    """Hand in: unanswered questions score 0; essays wait for a trainer's grading."""
    placed = _own_open_attempt(session, actor, attempt_id)
    questions = attempt_rows.question_rows(session, placed.quiz.id, placed.questions_stamp)
    answers = attempt_rows.answer_rows(session, attempt_id)
    return _submit(session, placed.attempt, placed.quiz, questions, answers)


@dataclass(frozen=True)
class HandIn:
    view: AttemptView
    missing: tuple[int, ...]  # numbers of the scored questions still unanswered
    intro: QuizIntro | None  # set when the attempt was handed in


def save_and_hand_in(
    session: Session,
    actor: CurrentUser | None,
    attempt_id: int,
    responses: dict[int, Any],
    *,
    confirmed: bool,
) -> HandIn:
    """Save every answer on the page, then hand in when nothing is unanswered or the learner
    `confirmed`; otherwise only save and name the unanswered questions. The rows are read once,
    and the intro after handing in needs no second access check (the attempt's own was made)."""
    done = _save(session, actor, attempt_id, responses)
    attempt, quiz, questions, answers = done.attempt, done.quiz, done.questions, done.answers
    missing = tuple(
        number
        for number, q in enumerate(questions, start=1)
        if q.kind in SCORED_KINDS and (q.id not in answers or answers[q.id].response is None)
    )
    if missing and not confirmed:
        return HandIn(_view(session, attempt, quiz, questions, answers), missing, None)
    view = _submit(session, attempt, quiz, questions, answers)
    attempts = attempt_rows.my_attempts(session, quiz.id, attempt.user_id)
    return HandIn(view, missing, _intro(quiz, done.module, done.course, attempts))


def _submit(
    session: Session,
    attempt: attempt_rows.AttemptRow,
    quiz: attempt_rows.QuizRow,
    questions: list,
    answers: dict[int, AnswerRow],
) -> AttemptView:
    for question in questions:
        if question.kind in SCORED_KINDS and question.id not in answers:
            # A row for every unanswered question, so item analysis counts it as not correct.
            answers[question.id] = AnswerRow(question.id, None, 0.0, stored=False)
    attempt_rows.write_answers(session, attempt.id, answers)
    rescore_attempt(attempt, quiz, questions, answers)
    if not attempt_rows.hand_in(session, attempt):
        raise ValidationError("Försöket är redan inlämnat.")
    return _view(session, attempt, quiz, questions, answers)


def rescore_attempt(attempt, quiz, questions: list, answers: dict) -> None:
    """Set the attempt's percentage and pass from its answers (None while essays are pending):
    mapped objects (a trainer's grading) or `attempt_rows` rows (a hand-in)."""
    total = quiz_score(
        [
            (
                q.points,
                answers[q.id].fraction if q.id in answers else 0.0,
                q.kind in SCORED_KINDS,
            )
            for q in questions
        ]
    )
    attempt.score_percent = total.percent
    attempt.passed = passes(total.percent, quiz.pass_mark)


def get_attempt(session: Session, actor: CurrentUser | None, attempt_id: int) -> AttemptView:
    """An attempt for its owner, or for an admin or a trainer of the person's cohort."""
    require_role(actor, *LEARNERS)
    attempt = get_or_404(session, QuizAttempt, attempt_id, "Försöket finns inte.")
    quiz = session.get(Quiz, attempt.quiz_id)
    if attempt.user_id != actor.id and not (
        actor.has_any(*AUTHORS)
        and follows_learner(
            session, actor, _module_of(session, quiz.module_id).course_id, attempt.user_id
        )
    ):
        raise AccessDenied("Försöket tillhör någon annan.")
    return _view(session, attempt, quiz)


def _shows_right_answers(
    session: Session,
    attempt: QuizAttempt | attempt_rows.AttemptRow,
    quiz: Quiz | attempt_rows.QuizRow,
    attempts: list[AttemptRow] | None = None,
) -> bool:
    """The quiz's review setting: never, after each attempt, or once passed or out of attempts
    (of the owner's `attempts`, read here unless given)."""
    if attempt.status != "submitted" or quiz.review_mode == "never":
        return False
    if quiz.review_mode == "after_attempt":
        return True
    if attempts is None:
        attempts = attempt_rows.my_attempts(session, quiz.id, attempt.user_id)
    out_of_attempts = bool(quiz.attempts_allowed) and len(attempts) >= quiz.attempts_allowed
    return out_of_attempts or any(a.passed for a in attempts)


@lru_cache(maxsize=8192)
def choice_order(attempt_id: int, question_id: int, count: int, shuffle: bool) -> tuple[int, ...]:
    """The options' display order: the same for an attempt on every reload, new per attempt
    (remembered: seeding a generator costs more than the rest of a question's view)."""
    order = list(range(count))
    if shuffle:
        random.Random(f"{attempt_id}-{question_id}").shuffle(order)
    return tuple(order)


def _view(
    session: Session,
    attempt: QuizAttempt | attempt_rows.AttemptRow,
    quiz: Quiz | attempt_rows.QuizRow,
    questions: list | None = None,
    answers: dict[int, AnswerRow] | None = None,
    attempts: list[AttemptRow] | None = None,
) -> AttemptView:
    """The attempt as its owner sees it; `questions`, `answers` and the owner's `attempts` at
    the quiz when already read (as `attempt_rows` rows: a question's attributes are a mapped
    question's)."""
    answers = attempt_rows.answer_rows(session, attempt.id) if answers is None else answers
    reveal = attempt.status == "submitted" or quiz.feedback_mode == "immediate"
    show_right = _shows_right_answers(session, attempt, quiz, attempts)
    texts = show_right if attempt.status == "submitted" else quiz.review_mode != "never"
    shown = []
    if questions is None:
        questions = attempt_rows.question_rows(session, quiz.id)
    for q in questions:
        answer = answers.get(q.id)
        if q.kind in ("single_choice", "multiple_choice"):
            choices = tuple(option["text"] for option in q.data["options"])
        elif q.kind == "matching":
            choices = tuple(matching_choices(q.data))
        else:
            choices = ()
        prompts = tuple(p["prompt"] for p in matching_prompts(q.data))
        show = reveal and answer is not None
        shown.append(
            AttemptQuestion(
                id=q.id,
                kind=q.kind,
                title=q.title,
                text=q.text,
                text_after=q.data.get("text_after", ""),
                points=q.points,
                choices=choices,
                prompts=prompts,
                response=answer.response if answer else None,
                feedback=_feedback(q, answer, texts) if show else None,
                order=choice_order(
                    attempt.id,
                    q.id,
                    len(choices),
                    quiz.shuffle_options and q.kind in ("single_choice", "multiple_choice"),
                ),
                right_answer=right_answer(q.kind, q.data) if show_right else "",
                text_html=formatted_text(q.text, q.data),
            )
        )
    return AttemptView(
        id=attempt.id,
        quiz_id=quiz.id,
        quiz_title=quiz.title,
        user_id=attempt.user_id,
        number=attempt.number,
        status=attempt.status,
        feedback_mode=quiz.feedback_mode,
        pass_mark=quiz.pass_mark,
        score_percent=attempt.score_percent,
        passed=attempt.passed,
        questions=tuple(shown),
        review_mode=quiz.review_mode,
    )


def course_completed(session: Session, user_id: int, course_id: int) -> bool:
    """Whether the person has completed the course: every module their cohorts require."""
    shape = course_shape(session, course_id)
    person = person_progress(session, {course_id: shape}, user_id)[course_id]
    statuses = module_statuses(shape, person)
    required = learner_required(session, user_id, [course_id])[course_id]
    return bool(shape.modules) and completion(shape, statuses, required).status == COMPLETED
