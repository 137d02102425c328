"""Demo courses, a cohort and some progress, built through the course services.

Idempotent: a course or cohort that already exists (by title/name) is left alone, and progress
is only added together with a new cohort. Needs the demo accounts from academy.demo.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from academy.core import auth
from academy.core.access import CurrentUser
from academy.core.models import User
from academy.courses import authoring, cohorts, progress, quizzes, taking
from academy.courses.demo.content import EMAIL_COURSE, PHONE_COURSE
from academy.courses.models import Cohort, Course
from academy.courses.questions import QuestionInput

PHONE_TITLE = "Bemötande i telefon"
EMAIL_TITLE = "Klarspråk i mejl"
COHORT_NAME = "Bemötande i telefon – Servicecenter våren 2026"
# A tailored cohort (one of two modules required) whose deadline has passed (someone is
# overdue), and an essay graded with a comment.
EMAIL_COHORT_NAME = "Klarspråk i mejl – Servicecenter"
ESSAY_QUIZ_TITLE = "Skrivuppgift: ett svar till en invånare"
ESSAY_TEXT = (
    "En invånare frågar varför hennes bygglovsansökan inte är klar. Skriv de tre första "
    "meningarna i ditt svar."
)
ESSAY_ANSWER = (
    "Tack för att du hör av dig. Din ansökan handläggs nu och vi saknar inga papper från dig. "
    "Du får besked senast den 15 juni."
)
ESSAY_COMMENT = "Bra och tydligt! Lägg gärna till vem hon kan kontakta om hon har fler frågor."
PARTICIPANTS = (
    "medarbetare@demo.se",
    "johan.ek@demo.se",
    "leila.hassan@demo.se",
    "maria.svensson@demo.se",
    "ahmed.yusuf@demo.se",
)


def _person(session: Session, email: str) -> CurrentUser | None:
    user = session.scalar(select(User).where(User.email == email))
    return auth.to_current_user(user) if user else None


def gift_sections() -> list[str]:
    """The demo GIFT file split at its $CATEGORY lines (the header comment is dropped)."""
    text = (Path(__file__).parent / "bemotande_i_telefon.gift").read_text(encoding="utf-8")
    parts = re.split(r"(?m)^(?=\$CATEGORY:)", text)
    return [part for part in parts if part.startswith("$CATEGORY:")]


def _build_modules(session: Session, trainer: CurrentUser, course_id: int, spec) -> list[int]:
    module_ids: list[int] = []
    for title, description, lessons in spec:
        module_id = authoring.add_module(
            session,
            trainer,
            course_id,
            title=title,
            description=description,
            prerequisite_id=module_ids[-1] if module_ids else None,
        )
        for lesson_title, markdown in lessons:
            authoring.add_lesson(
                session, trainer, module_id, title=lesson_title, content_markdown=markdown
            )
        module_ids.append(module_id)
    return module_ids


def _phone_course(session: Session, trainer: CurrentUser) -> int:
    course_id = authoring.create_course(
        session,
        trainer,
        title=PHONE_TITLE,
        description=(
            "Grundkurs för dig som svarar i telefon åt kommunen: hur du inleder samtalet, "
            "lyssnar aktivt, talar klarspråk, hanterar svåra samtal och lämnar över ärenden."
        ),
        target_group="Kommunvägledare och andra som svarar i kommunens telefon",
        topics=["telefon", "bemötande", "aktivt lyssnande", "klarspråk", "svåra samtal"],
    )
    module_ids = _build_modules(session, trainer, course_id, PHONE_COURSE)
    sections = gift_sections()
    # Quiz per module from the GIFT file's categories; the last module takes the rest.
    quiz_texts = [sections[0], sections[1], "\n".join(sections[2:])]
    for number, (module_id, text) in enumerate(zip(module_ids, quiz_texts, strict=True), 1):
        quiz_id = quizzes.create_quiz(
            session,
            trainer,
            module_id,
            title=f"Kunskapstest {number}",
            pass_mark=70,
            attempts_allowed=3,
            feedback_mode="immediate" if number == 1 else "end",
        )
        quizzes.import_gift(session, trainer, quiz_id, text)
    authoring.set_course_status(session, trainer, course_id, "published")
    return course_id


def _email_course(session: Session, trainer: CurrentUser) -> int:
    course_id = authoring.create_course(
        session,
        trainer,
        title=EMAIL_TITLE,
        description="Skriv mejl som medborgare förstår första gången de läser dem.",
        target_group="Alla som svarar på mejl från medborgare",
        topics=["e-post", "klarspråk", "skriftlig kommunikation"],
    )
    _build_modules(session, trainer, course_id, EMAIL_COURSE)
    authoring.set_course_status(session, trainer, course_id, "published")
    return course_id


def _demo_progress(session: Session, course_id: int) -> None:
    """Sara finished module 1 and failed a try in module 2; others have begun."""
    outline_of = {}
    for email in ("medarbetare@demo.se", "johan.ek@demo.se", "leila.hassan@demo.se"):
        learner = _person(session, email)
        outline_of[email] = (learner, taking.course_outline(session, learner, course_id))
    sara, outline = outline_of["medarbetare@demo.se"]
    first, second = outline.modules[0], outline.modules[1]
    for lesson in first.lessons:
        taking.mark_lesson_read(session, sara, lesson.id)
    _answer_all(session, sara, first.quiz.id, correct=True)
    taking.mark_lesson_read(session, sara, second.lessons[0].id)
    _answer_all(session, sara, second.quiz.id, correct=False)

    johan, _ = outline_of["johan.ek@demo.se"]
    taking.mark_lesson_read(session, johan, first.lessons[0].id)

    leila, _ = outline_of["leila.hassan@demo.se"]
    for lesson in first.lessons:
        taking.mark_lesson_read(session, leila, lesson.id)
    _answer_all(session, leila, first.quiz.id, correct=False)


def _answer_all(session: Session, learner: CurrentUser, quiz_id: int, *, correct: bool) -> None:
    """Answer every question right, or every question wrong, and hand in."""
    attempt = taking.start_attempt(session, learner, quiz_id)
    questions = {q.id: q for q in quizzes.quiz_questions(session, quiz_id)}
    for shown in attempt.questions:
        question = questions[shown.id]
        response = _demo_response(question.kind, question.data, correct)
        if response is not None:
            taking.answer_question(session, learner, attempt.id, shown.id, response)
    taking.submit_attempt(session, learner, attempt.id)


def _demo_response(kind: str, data: dict, correct: bool):
    if kind == "single_choice":
        weights = [option["weight"] for option in data["options"]]
        return weights.index(max(weights) if correct else min(weights))
    if kind == "multiple_choice":
        return [i for i, o in enumerate(data["options"]) if (o["weight"] > 0) == correct]
    if kind == "true_false":
        return data["correct"] == correct
    if kind == "short_answer":
        return data["answers"][0]["text"] if correct else "erhålla"
    return None


def _email_cohort(session: Session, trainer: CurrentUser) -> None:
    """Deadline ten days ago: Johan has not started (overdue); Sara's essay is graded."""
    course_id = session.scalar(select(Course.id).where(Course.title == EMAIL_TITLE))
    first_module = authoring.get_course(session, trainer, course_id).modules[0]
    quiz_id = first_module.quiz.id if first_module.quiz else None
    if quiz_id is None:
        quiz_id = quizzes.create_quiz(
            session,
            trainer,
            first_module.id,
            title=ESSAY_QUIZ_TITLE,
            pass_mark=50,
            attempts_allowed=2,
            feedback_mode="end",
        )
        quizzes.add_question(
            session, trainer, quiz_id, QuestionInput(kind="essay", title="Svar", text=ESSAY_TEXT)
        )
    today = date.today()
    cohort_id = cohorts.create_cohort(
        session,
        trainer,
        course_id=course_id,
        name=EMAIL_COHORT_NAME,
        starts_on=today - timedelta(days=60),
        ends_on=today + timedelta(days=30),
        deadline=today - timedelta(days=10),
        place="Teams",
        # Tailored to the unit: only the first module is required, "Struktur och ton" is optional.
        required_module_ids=[first_module.id],
    )
    people = [session.scalar(select(User.id).where(User.email == e)) for e in PARTICIPANTS[:2]]
    cohorts.enrol_users(session, trainer, cohort_id, [p for p in people if p is not None])
    sara = _person(session, "medarbetare@demo.se")
    attempt = taking.start_attempt(session, sara, quiz_id)
    taking.save_answers(session, sara, attempt.id, {attempt.questions[0].id: ESSAY_ANSWER})
    taking.submit_attempt(session, sara, attempt.id)
    essay = progress.pending_essays(session, trainer, quiz_id, cohort_id)[0]
    progress.grade_essay(session, trainer, essay.answer_id, fraction=0.75, feedback=ESSAY_COMMENT)


def seed_courses(session: Session) -> int:
    """Create the demo courses and cohort that are missing; returns how many courses were made."""
    trainer = _person(session, "utbildare@demo.se")
    if trainer is None:
        return 0
    created = 0
    existing = set(session.scalars(select(Course.title)))
    if PHONE_TITLE not in existing:
        _phone_course(session, trainer)
        created += 1
    if EMAIL_TITLE not in existing:
        _email_course(session, trainer)
        created += 1
    if session.scalar(select(Cohort.id).where(Cohort.name == COHORT_NAME)) is None:
        course_id = session.scalar(select(Course.id).where(Course.title == PHONE_TITLE))
        cohort_id = cohorts.create_cohort(
            session,
            trainer,
            course_id=course_id,
            name=COHORT_NAME,
            starts_on=date(2026, 3, 2),
            ends_on=date(2026, 6, 12),
            deadline=date(2026, 5, 29),
            place="Stadshuset, rum Ljusgården",
            meetings=[datetime(2026, 3, 2, 9, 0), datetime(2026, 4, 13, 9, 0)],
        )
        people = [session.scalar(select(User.id).where(User.email == e)) for e in PARTICIPANTS]
        cohorts.enrol_users(session, trainer, cohort_id, [p for p in people if p is not None])
        _demo_progress(session, course_id)
    if session.scalar(select(Cohort.id).where(Cohort.name == EMAIL_COHORT_NAME)) is None:
        _email_cohort(session, trainer)
    return created
