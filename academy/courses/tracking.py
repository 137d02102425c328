"""Loading progress in bulk: a fixed number of queries however many people are asked about.

`course_shape` reads a course's modules, lessons and quizzes with their titles (3 queries);
`load_progress` reads lesson reads and attempt tallies for a set of people given as a subquery
(2 queries), so the progress matrix costs the same for 10 or 1,000 participants.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session

from academy.core.db import read
from academy.core.kept import UNREAD, Kept, stamp_column
from academy.courses.models import (
    Cohort,
    CohortRequiredModule,
    CourseModule,
    Enrolment,
    Lesson,
    LessonRead,
    Quiz,
    QuizAttempt,
)
from academy.courses.status import (
    AttemptTally,
    Completion,
    ModuleShape,
    course_completion,
    module_status,
)


@dataclass(frozen=True)
class CourseShape:
    course_id: int
    modules: tuple[ModuleShape, ...]
    module_titles: Mapping[int, str]
    lesson_ids: tuple[int, ...]
    quiz_ids: tuple[int, ...]
    quiz_modules: Mapping[int, int]  # quiz id -> module id
    pass_marks: Mapping[int, int]  # quiz id -> pass mark
    last_counts: frozenset[int] = frozenset()  # quizzes where the latest attempt counts
    lesson_titles: Mapping[int, str] = field(default_factory=dict)  # lesson id -> title
    quiz_titles: Mapping[int, str] = field(default_factory=dict)  # quiz id -> title


def course_shape(session: Session, course_id: int, stamp: int | None = UNREAD) -> CourseShape:
    """The course's shape; `stamp` when an earlier statement read it (`SHAPE_STAMP`)."""
    return course_shapes(session, [course_id], stamp)[course_id]


# The statements of a learner's every page load, built once (building a statement costs about
# as much as running it); the values are bound at each run. They name table columns, not the
# mapped classes' attributes: SQLAlchemy then skips its ORM compile step, about 40 % of each
# statement's cost here.
_module, _lesson, _quiz = CourseModule.__table__.c, Lesson.__table__.c, Quiz.__table__.c
_read, _attempt = LessonRead.__table__.c, QuizAttempt.__table__.c
_cohort, _enrolment = Cohort.__table__.c, Enrolment.__table__.c
_cohort_required = CohortRequiredModule.__table__.c
_COURSES = bindparam("courses", expanding=True)
_MODULES = (
    select(_module.course_id, _module.id, _module.title, _module.prerequisite_id)
    .where(_module.course_id.in_(_COURSES))
    .order_by(_module.position, _module.id)
)
_LESSONS = (
    select(_lesson.id, _lesson.module_id, _lesson.title)
    .join(CourseModule.__table__, _module.id == _lesson.module_id)
    .where(_module.course_id.in_(_COURSES))
    .order_by(_lesson.position, _lesson.id)
)
_QUIZZES = (
    select(
        _quiz.id,
        _quiz.module_id,
        _quiz.attempts_allowed,
        _quiz.pass_mark,
        _quiz.grading_method,
        _quiz.title,
    )
    .join(CourseModule.__table__, _module.id == _quiz.module_id)
    .where(_module.course_id.in_(_COURSES))
)
# One person's reads and attempts: all of them, the courses' own picked out in Python. A list
# of the courses' lesson or quiz ids as a parameter would make SQLAlchemy render the statement
# anew at every run, which cost as much as the rest of the page's statements together.
_MY = bindparam("user")
_READS = select(_read.lesson_id).where(_read.user_id == _MY)
_TALLIES = (
    select(_attempt.quiz_id, _attempt.status, _attempt.passed, func.count())
    .where(_attempt.user_id == _MY)
    .group_by(_attempt.quiz_id, _attempt.status, _attempt.passed)
)
_MY_LAST_NUMBER = (
    select(_attempt.quiz_id, func.max(_attempt.number).label("number"))
    .where(_attempt.user_id == _MY, _attempt.status == "submitted")
    .group_by(_attempt.quiz_id)
    .subquery()
)
_MY_LAST_PASSED = select(_attempt.quiz_id, _attempt.passed).join(
    _MY_LAST_NUMBER,
    (_MY_LAST_NUMBER.c.quiz_id == _attempt.quiz_id)
    & (_MY_LAST_NUMBER.c.number == _attempt.number)
    & (_attempt.user_id == _MY),
)
_REQUIRED = (
    select(_cohort.course_id, _cohort_required.module_id)
    .join(Enrolment.__table__, _enrolment.cohort_id == _cohort.id)
    .outerjoin(CohortRequiredModule.__table__, _cohort_required.cohort_id == _cohort.id)
    .where(_enrolment.user_id == bindparam("user"), _cohort.course_id.in_(_COURSES))
)


# Shapes change only when a course's modules, lessons or quizzes are edited: kept per course
# under the stamp the database renews at every such write (academy.core.kept).
_KEPT_SHAPES: Kept[int, CourseShape] = Kept("courses")


# A column for the first statement of a learner's page: the shapes' stamp read with it.
SHAPE_STAMP = stamp_column("courses", "shape_stamp")


def course_shapes(
    session: Session, course_ids, stamp: int | None = UNREAD
) -> dict[int, CourseShape]:
    """The shapes of several courses: 1 statement when they are kept (none when the page's
    first statement read the stamp, `SHAPE_STAMP`), 4 when not, however many courses."""
    return _KEPT_SHAPES.get_many(
        session, course_ids, lambda missing: _read_shapes(session, missing), stamp
    )


def _read_shapes(session: Session, course_ids: list[int]) -> dict[int, CourseShape]:
    """The shapes of several courses in 3 queries, however many courses."""
    modules: dict[int, list] = {course_id: [] for course_id in course_ids}
    bound = {"courses": course_ids}
    for row in read(session, _MODULES, bound):
        modules[row.course_id].append(row)
    lessons: dict[int, list] = {}
    for row in read(session, _LESSONS, bound):
        lessons.setdefault(row.module_id, []).append(row)
    quizzes = {row.module_id: row for row in read(session, _QUIZZES, bound)}
    return {
        course_id: _shape(course_id, modules[course_id], lessons, quizzes)
        for course_id in course_ids
    }


def _shape(course_id: int, modules, all_lessons, all_quizzes) -> CourseShape:
    """The shape from the rows of the three statements (their columns by name)."""
    lessons = [lesson for m in modules for lesson in all_lessons.get(m.id, ())]
    quizzes = [all_quizzes[m.id] for m in modules if m.id in all_quizzes]
    shapes = tuple(
        ModuleShape(
            id=m.id,
            lesson_ids=tuple(lesson.id for lesson in all_lessons.get(m.id, ())),
            quiz_id=all_quizzes[m.id].id if m.id in all_quizzes else None,
            attempts_allowed=all_quizzes[m.id].attempts_allowed if m.id in all_quizzes else 0,
            prerequisite_id=m.prerequisite_id,
        )
        for m in modules
    )
    return CourseShape(
        course_id=course_id,
        modules=shapes,
        module_titles=MappingProxyType({m.id: m.title for m in modules}),
        lesson_ids=tuple(lesson.id for lesson in lessons),
        quiz_ids=tuple(q.id for q in quizzes),
        quiz_modules=MappingProxyType({q.id: q.module_id for q in quizzes}),
        pass_marks=MappingProxyType({q.id: q.pass_mark for q in quizzes}),
        last_counts=frozenset(q.id for q in quizzes if q.grading_method == "last"),
        lesson_titles=MappingProxyType({lesson.id: lesson.title for lesson in lessons}),
        quiz_titles=MappingProxyType({q.id: q.title for q in quizzes}),
    )


def person_progress(
    session: Session, shapes: dict[int, CourseShape], user_id: int
) -> dict[int, PersonProgress]:
    """One person's progress in several courses (course id -> progress) in 2 queries (3 when
    a quiz counts the latest attempt)."""
    lesson_course = {lid: c for c, shape in shapes.items() for lid in shape.lesson_ids}
    quiz_course = {qid: c for c, shape in shapes.items() for qid in shape.quiz_ids}
    progress = {course_id: PersonProgress() for course_id in shapes}
    mine = {"user": user_id}
    if lesson_course:
        for (lesson_id,) in read(session, _READS, mine):
            if lesson_id in lesson_course:
                progress[lesson_course[lesson_id]].read.add(lesson_id)
    if quiz_course:
        counts: dict[int, dict[str, int]] = {}
        for quiz_id, status, passed, number in read(session, _TALLIES, mine):
            if quiz_id in quiz_course:
                tally = counts.setdefault(quiz_id, dict.fromkeys(_TALLY_KEYS, 0))
                _count(tally, status, passed, number)
        counted_last = _last_quizzes(shapes.values())
        last = dict(read(session, _MY_LAST_PASSED, mine).all()) if counted_last else {}
        for quiz_id, tally in counts.items():
            course_id = quiz_course[quiz_id]
            counts_last = quiz_id in shapes[course_id].last_counts
            progress[course_id].tallies[quiz_id] = _tally(
                tally, bool(last.get(quiz_id, False)) if counts_last else None
            )
    return progress


def _last_quizzes(shapes) -> list[int]:
    return sorted(q for shape in shapes for q in shape.last_counts)


def _latest_passed(session: Session, user_ids, quiz_ids: list[int]) -> dict[tuple[int, int], bool]:
    """(user, quiz) -> whether the latest handed-in attempt passed, for quizzes graded "last"."""
    if not quiz_ids:
        return {}
    latest = (
        select(
            QuizAttempt.user_id,
            QuizAttempt.quiz_id,
            func.max(QuizAttempt.number).label("number"),
        )
        .where(
            QuizAttempt.user_id.in_(user_ids),
            QuizAttempt.quiz_id.in_(quiz_ids),
            QuizAttempt.status == "submitted",
        )
        .group_by(QuizAttempt.user_id, QuizAttempt.quiz_id)
        .subquery()
    )
    rows = session.execute(
        select(QuizAttempt.user_id, QuizAttempt.quiz_id, QuizAttempt.passed).join(
            latest,
            (latest.c.user_id == QuizAttempt.user_id)
            & (latest.c.quiz_id == QuizAttempt.quiz_id)
            & (latest.c.number == QuizAttempt.number),
        )
    )
    return {(user_id, quiz_id): bool(passed) for user_id, quiz_id, passed in rows}


def _count(tally: dict[str, int], status: str, passed: bool | None, number: int) -> None:
    tally["started"] += number
    if status == "open":
        tally["open"] += number
    elif passed is None:
        tally["pending"] += number
    elif passed:
        tally["passed"] += number


def _tally(tally: dict[str, int], last_passed: bool | None = None) -> AttemptTally:
    """The counts as a tally; with `last_passed` (grading "last") only the latest attempt
    decides whether the quiz is passed."""
    return AttemptTally(
        started=tally["started"],
        passed=tally["passed"] > 0 if last_passed is None else last_passed,
        pending=tally["pending"],
        open=tally["open"],
    )


_TALLY_KEYS = ("started", "open", "pending", "passed")


@dataclass
class PersonProgress:
    read: set[int] = field(default_factory=set)
    tallies: dict[int, AttemptTally] = field(default_factory=dict)  # quiz id -> tally


def load_progress(
    session: Session, shape: CourseShape, user_ids: Select | list[int]
) -> dict[int, PersonProgress]:
    """Progress in the course for the people in `user_ids` (a list or a select of ids)."""
    progress: dict[int, PersonProgress] = {}
    if shape.lesson_ids:
        for user_id, lesson_id in session.execute(
            select(LessonRead.user_id, LessonRead.lesson_id).where(
                LessonRead.user_id.in_(user_ids),
                LessonRead.lesson_id.in_(
                    select(Lesson.id)
                    .join(CourseModule, CourseModule.id == Lesson.module_id)
                    .where(CourseModule.course_id == shape.course_id)
                ),
            )
        ):
            progress.setdefault(user_id, PersonProgress()).read.add(lesson_id)
    if shape.quiz_ids:
        counts: dict[tuple[int, int], dict[str, int]] = {}
        rows = session.execute(
            select(
                QuizAttempt.user_id,
                QuizAttempt.quiz_id,
                QuizAttempt.status,
                QuizAttempt.passed,
                func.count(),
            )
            .where(QuizAttempt.user_id.in_(user_ids), QuizAttempt.quiz_id.in_(shape.quiz_ids))
            .group_by(
                QuizAttempt.user_id, QuizAttempt.quiz_id, QuizAttempt.status, QuizAttempt.passed
            )
        )
        for user_id, quiz_id, status, passed, number in rows:
            tally = counts.setdefault((user_id, quiz_id), dict.fromkeys(_TALLY_KEYS, 0))
            _count(tally, status, passed, number)
        last = _latest_passed(session, user_ids, sorted(shape.last_counts))
        for (user_id, quiz_id), tally in counts.items():
            progress.setdefault(user_id, PersonProgress()).tallies[quiz_id] = _tally(
                tally, last.get((user_id, quiz_id), False if quiz_id in shape.last_counts else None)
            )
    return progress


def module_statuses(shape: CourseShape, person: PersonProgress | None) -> dict[int, str]:
    person = person or PersonProgress()
    return {
        module.id: module_status(
            module,
            person.read,
            person.tallies.get(module.quiz_id, AttemptTally()),
        )
        for module in shape.modules
    }


def completion(
    shape: CourseShape, statuses: dict[int, str], required: Collection[int] = ()
) -> Completion:
    """The course's completion by the one rule (academy.courses.status.course_completion)."""
    return course_completion({m.id: statuses[m.id] for m in shape.modules}, required)


def required_in(shape: CourseShape, required: Collection[int]) -> frozenset[int]:
    """What a cohort names that is in the course, when it is some but not all of its modules
    (a tailored run); empty for the whole course."""
    module_ids = {m.id for m in shape.modules}
    named = frozenset(set(required) & module_ids)
    return named if len(named) < len(module_ids) else frozenset()


def cohort_required(session: Session, cohort_ids) -> dict[int, frozenset[int]]:
    """cohort id -> the modules a tailored cohort names as required (empty: the whole course),
    for several cohorts in one query."""
    cohort_ids = list(dict.fromkeys(cohort_ids))
    named: dict[int, set[int]] = {cohort_id: set() for cohort_id in cohort_ids}
    if cohort_ids:
        for cohort_id, module_id in session.execute(
            select(CohortRequiredModule.cohort_id, CohortRequiredModule.module_id).where(
                CohortRequiredModule.cohort_id.in_(cohort_ids)
            )
        ):
            named[cohort_id].add(module_id)
    return {cohort_id: frozenset(modules) for cohort_id, modules in named.items()}


def learner_required(session: Session, user_id: int, course_ids) -> dict[int, frozenset[int]]:
    """course id -> the modules the person must complete, in one query.

    Over every cohort of the course the person is enrolled in: the union of what tailored
    cohorts name, and the whole course (an empty set) as soon as one of them is not tailored
    or the person is in none (a trainer looking at a course)."""
    course_ids = list(dict.fromkeys(course_ids))
    named: dict[int, set[int]] = {}
    whole: set[int] = set()
    if course_ids:
        for course_id, module_id in read(
            session, _REQUIRED, {"user": user_id, "courses": course_ids}
        ):
            if module_id is None:
                whole.add(course_id)
            else:
                named.setdefault(course_id, set()).add(module_id)
    return {
        course_id: frozenset() if course_id in whole else frozenset(named.get(course_id, ()))
        for course_id in course_ids
    }
