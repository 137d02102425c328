"""Small course fixtures built through the services, as a trainer would."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from academy.core import auth
from academy.core.access import CurrentUser
from academy.core.db import session_scope
from academy.core.models import User
from academy.courses import authoring, cohorts, quizzes
from academy.courses.questions import QuestionInput

SINGLE = QuestionInput(
    kind="single_choice",
    title="Hälsning",
    text="Hur inleder du samtalet?",
    data={
        "options": [
            {"text": "Med kommunens namn och ditt namn", "weight": 1.0, "feedback": "Bra!"},
            {"text": "Hallå?", "weight": 0.0, "feedback": "För kort."},
        ]
    },
)
TRUE_FALSE = QuestionInput(
    kind="true_false",
    title="Tystnad",
    text="Förklara tystnad i luren.",
    data={"correct": True, "feedback_true": "Rätt!", "feedback_false": "Jo, det är bra."},
)
ESSAY = QuestionInput(kind="essay", title="Avslut", text="Hur avslutar du samtalet?")


def actor(engine, email: str) -> CurrentUser:
    with session_scope(engine) as session:
        return auth.to_current_user(session.scalar(select(User).where(User.email == email)))


def user_id(engine, email: str) -> int:
    with session_scope(engine) as session:
        return session.scalar(select(User.id).where(User.email == email))


@dataclass(frozen=True)
class Built:
    course_id: int
    module_a: int
    module_b: int
    lessons_a: tuple[int, int]
    lesson_b: int
    quiz_id: int
    question_ids: tuple[int, ...]
    cohort_id: int


def build_course(
    engine,
    *,
    questions=(SINGLE, TRUE_FALSE),
    attempts_allowed: int = 2,
    pass_mark: int = 60,
    feedback_mode: str = "end",
    publish: bool = True,
    participants=("medarbetare@demo.se",),
    title: str = "Bemötande i praktiken",
) -> Built:
    """Module A (two lessons) -> module B (one lesson and a quiz, needs A), one cohort."""
    trainer = actor(engine, "utbildare@demo.se")
    with session_scope(engine) as s:
        course_id = authoring.create_course(
            s, trainer, title=title, topics=["Telefon", "bemötande"]
        )
        module_a = authoring.add_module(s, trainer, course_id, title="Grunder")
        module_b = authoring.add_module(
            s, trainer, course_id, title="Fördjupning", prerequisite_id=module_a
        )
        lessons_a = (
            authoring.add_lesson(s, trainer, module_a, title="Hälsa", content_markdown="**Hej**"),
            authoring.add_lesson(s, trainer, module_a, title="Lyssna", content_markdown="Lyssna."),
        )
        lesson_b = authoring.add_lesson(s, trainer, module_b, title="Avsluta")
        quiz_id = quizzes.create_quiz(
            s,
            trainer,
            module_b,
            title="Kunskapstest",
            pass_mark=pass_mark,
            attempts_allowed=attempts_allowed,
            feedback_mode=feedback_mode,
        )
        question_ids = tuple(quizzes.add_question(s, trainer, quiz_id, q) for q in questions)
        if publish:
            authoring.set_course_status(s, trainer, course_id, "published")
        cohort_id = cohorts.create_cohort(
            s,
            trainer,
            course_id=course_id,
            name="Våren",
            starts_on=date(2026, 3, 1),
            ends_on=date(2026, 5, 31),
        )
    ids = [user_id(engine, email) for email in participants]
    if ids:
        with session_scope(engine) as s:
            cohorts.enrol_users(s, trainer, cohort_id, ids)
    return Built(
        course_id, module_a, module_b, lessons_a, lesson_b, quiz_id, question_ids, cohort_id
    )
