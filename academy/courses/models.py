"""Tables for courses (Utbildning): authoring, cohorts, and each learner's progress.

Progress is kept per person and course, not per cohort: a lesson read or a quiz passed counts
in every cohort of the same course the person is in. Module and course status are derived from
lesson reads and quiz attempts when asked (academy.courses.status), never stored, so grading an
essay or adding a lesson can never leave a stale status behind.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from academy.core.models import Base, utcnow

COURSE_STATUSES = ("draft", "published")
FEEDBACK_MODES = ("immediate", "end")
# When learners see the right answers and the answers' feedback after handing in.
REVIEW_MODES = ("never", "after_attempt", "when_done")
# Which attempt counts for the module: the best one or the latest handed in.
GRADING_METHODS = ("highest", "last")
QUESTION_KINDS = (
    "single_choice",
    "multiple_choice",
    "true_false",
    "short_answer",
    "matching",
    "numerical",
    "essay",
    "description",
)
ATTEMPT_STATUSES = ("open", "submitted")


def _in(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{value}'" for value in values)


class Course(Base):
    __tablename__ = "courses"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    target_group: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(10), default="draft")
    # Optimistic locking: an edit names the version it started from.
    version: Mapped[int] = mapped_column(default=1)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (CheckConstraint(f"status IN ({_in(COURSE_STATUSES)})", name="status"),)


class CourseTopic(Base):
    """A normalised (lower-case) tag; the inventory matches a unit's needs against these."""

    __tablename__ = "course_topics"

    course_id: Mapped[int] = mapped_column(
        ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(60), primary_key=True, index=True)


class CourseModule(Base):
    __tablename__ = "course_modules"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    # Another module of the same course that must be completed first.
    prerequisite_id: Mapped[int | None] = mapped_column(
        ForeignKey("course_modules.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(default=1)


class Lesson(Base):
    __tablename__ = "course_lessons"

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(
        ForeignKey("course_modules.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(String(200))
    content_markdown: Mapped[str] = mapped_column(Text, default="")
    # Sanitised HTML rendered on save (academy.courses.lessons), so reading is cheap and safe.
    content_html: Mapped[str] = mapped_column(Text, default="")
    video_url: Mapped[str] = mapped_column(String(500), default="")
    version: Mapped[int] = mapped_column(default=1)


class Quiz(Base):
    """At most one quiz per module."""

    __tablename__ = "course_quizzes"

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(
        ForeignKey("course_modules.id", ondelete="CASCADE"), unique=True
    )
    title: Mapped[str] = mapped_column(String(200))
    pass_mark: Mapped[int] = mapped_column(default=80)  # percent of the points
    attempts_allowed: Mapped[int] = mapped_column(default=0)  # 0 = unlimited
    feedback_mode: Mapped[str] = mapped_column(String(10), default="end")
    review_mode: Mapped[str] = mapped_column(String(15), default="after_attempt")
    # Choice options in a new order per attempt (the same order on every reload of it).
    shuffle_options: Mapped[bool] = mapped_column(default=True)
    grading_method: Mapped[str] = mapped_column(String(10), default="highest")

    __table_args__ = (
        CheckConstraint("pass_mark BETWEEN 0 AND 100", name="pass_mark"),
        CheckConstraint("attempts_allowed >= 0", name="attempts_allowed"),
        CheckConstraint(f"feedback_mode IN ({_in(FEEDBACK_MODES)})", name="feedback_mode"),
        CheckConstraint(f"review_mode IN ({_in(REVIEW_MODES)})", name="review_mode"),
        CheckConstraint(f"grading_method IN ({_in(GRADING_METHODS)})", name="grading_method"),
    )


class Question(Base):
    """One quiz question; `data` holds the kind's answers (see academy.courses.questions)."""

    __tablename__ = "course_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(
        ForeignKey("course_quizzes.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text)
    points: Mapped[float] = mapped_column(Float, default=1.0)
    general_feedback: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    __table_args__ = (CheckConstraint(f"kind IN ({_in(QUESTION_KINDS)})", name="kind"),)


class Cohort(Base):
    """A kursomgång: one run of a course with trainers and participants."""

    __tablename__ = "course_cohorts"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date | None] = mapped_column(Date, default=None)  # mandatory courses
    place: Mapped[str] = mapped_column(String(300), default="")
    # Optimistic locking: a save names the version it started from.
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="dates"),)


class CohortTrainer(Base):
    __tablename__ = "course_cohort_trainers"

    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("course_cohorts.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )


class CohortRequiredModule(Base):
    """A module the participants of this cohort must complete: a run tailored to a unit's needs.
    A cohort without rows asks for the whole course, as before."""

    __tablename__ = "course_cohort_required_modules"

    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("course_cohorts.id", ondelete="CASCADE"), primary_key=True
    )
    module_id: Mapped[int] = mapped_column(
        ForeignKey("course_modules.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class CohortMeeting(Base):
    __tablename__ = "course_cohort_meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("course_cohorts.id", ondelete="CASCADE"), index=True
    )
    starts_at: Mapped[datetime]
    place: Mapped[str] = mapped_column(String(300), default="")


class Enrolment(Base):
    __tablename__ = "course_enrolments"

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("course_cohorts.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    enrolled_at: Mapped[datetime] = mapped_column(default=utcnow)
    enrolled_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    __table_args__ = (UniqueConstraint("cohort_id", "user_id", name="uq_course_enrolments"),)


class LessonRead(Base):
    __tablename__ = "course_lesson_reads"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    lesson_id: Mapped[int] = mapped_column(
        ForeignKey("course_lessons.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    read_at: Mapped[datetime] = mapped_column(default=utcnow)


class QuizAttempt(Base):
    """One try at a quiz. `passed` and `score_percent` stay NULL while essays await grading."""

    __tablename__ = "course_quiz_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("course_quizzes.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # The unique number stops two simultaneous starts from exceeding the attempt limit.
    number: Mapped[int]
    status: Mapped[str] = mapped_column(String(10), default="open")
    score_percent: Mapped[float | None] = mapped_column(Float, default=None)
    passed: Mapped[bool | None] = mapped_column(default=None)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(default=None)

    __table_args__ = (
        UniqueConstraint("quiz_id", "user_id", "number", name="uq_course_quiz_attempts"),
        CheckConstraint(f"status IN ({_in(ATTEMPT_STATUSES)})", name="status"),
    )


class AttemptAnswer(Base):
    """A learner's response to one question; `fraction` is NULL until scored (essays)."""

    __tablename__ = "course_attempt_answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(
        ForeignKey("course_quiz_attempts.id", ondelete="CASCADE")
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("course_questions.id", ondelete="CASCADE"), index=True
    )
    response: Mapped[Any] = mapped_column(JSON, nullable=True)
    fraction: Mapped[float | None] = mapped_column(Float, default=None)
    grader_feedback: Mapped[str] = mapped_column(Text, default="")
    graded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    graded_at: Mapped[datetime | None] = mapped_column(default=None)
    answered_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        UniqueConstraint("attempt_id", "question_id", name="uq_course_attempt_answers"),
    )
