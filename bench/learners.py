"""Learners for the load benchmark: N employees enrolled in the demo cohort, and the events a
learner's tab sends (resolved from the app's state classes, so renamed states are found)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from academy.core.accounts import create_user, unit_id_by_name
from academy.core.auth import to_current_user
from academy.core.db import get_engine, session_scope
from academy.core.models import Role, User
from academy.core.security import hash_password
from academy.courses import cohorts
from academy.courses.demo.seed import COHORT_NAME
from academy.courses.models import Cohort, CourseModule, Lesson, Quiz
from academy.demo import seed_demo
from academy.practice.models import PracticeScenario

PASSWORD = "lasttest-2026-ok"


@dataclass(frozen=True)
class Learners:
    emails: list[str]
    password: str
    course_id: int
    lesson_id: int
    quiz_id: int
    scenario_id: int


def add_learners(database_url: str, count: int) -> Learners:
    """Seed the demo data, then `count` employees enrolled in the demo cohort."""
    engine = get_engine(database_url)
    with session_scope(engine) as session:
        seed_demo(session)
        trainer = to_current_user(
            session.scalar(select(User).where(User.email == "utbildare@demo.se"))
        )
        unit_id = unit_id_by_name(session, "Servicecenter")
        shared = hash_password(PASSWORD)
        ids = [
            create_user(
                session,
                None,
                name=f"Lärande {i}",
                email=f"larande{i}@last.se",
                password=PASSWORD,
                roles=[Role.EMPLOYEE],
                unit_id=unit_id,
                password_hash=shared,
            )
            for i in range(count)
        ]
        cohort = session.scalar(select(Cohort).where(Cohort.name == COHORT_NAME))
        cohorts.enrol_users(session, trainer, cohort.id, ids)
        first_module = session.scalar(
            select(CourseModule)
            .where(CourseModule.course_id == cohort.course_id)
            .order_by(CourseModule.position)
        )
        lesson_id = session.scalar(
            select(Lesson.id).where(Lesson.module_id == first_module.id).order_by(Lesson.position)
        )
        quiz_id = session.scalar(
            select(Quiz.id)
            .join(CourseModule, Quiz.module_id == CourseModule.id)
            .where(CourseModule.course_id == cohort.course_id)
            .order_by(CourseModule.position)
        )
        scenario_id = session.scalar(
            select(PracticeScenario.id).where(PracticeScenario.status == "published")
        )
        return Learners(
            [f"larande{i}@last.se" for i in range(count)],
            PASSWORD,
            cohort.course_id,
            lesson_id,
            quiz_id,
            scenario_id,
        )


@dataclass(frozen=True)
class LearnerEvents:
    """Full event names of the states a learner's tab uses, and the quiz and scenario steps."""

    session_state: str
    base_state: str
    login_state: str
    login: str
    quiz_state: str
    player_state: str

    def quiz_steps(self, tab, learners: Learners):
        """Start an attempt, save each answer with its question's button, hand in.

        Yields (kind of event, name, payload). The quiz is one form, sent with every answer on
        screen and the clicked button's aim (`question-<id>`, or `quiz` to hand in), as the
        browser does."""
        yield "quizstart", f"{self.quiz_state}.start", {}
        form: dict[str, str] = {}
        for question in tab.var(self.quiz_state, "questions", []):
            if question["kind"] == "description":  # text only, nothing to answer
                continue
            form.update(quiz_answer(question))
            aim = f"question-{question['id']}"
            yield "quizsvar", f"{self.quiz_state}.send", {"form_data": {**form, "aim": aim}}
        handing_in = {**form, "aim": "quiz", "confirmed": "1"}
        yield "inlämning", f"{self.quiz_state}.send", {"form_data": handing_in}

    def check(self, tab, state: str) -> None:
        """Fail the tab when the page shows an error (the work did not get done)."""
        if error := tab.var(self.base_state, "error", ""):
            raise RuntimeError(f"{state.rsplit('.', 1)[-1]}: {error}")

    def scenario_choice(self, tab):
        options = tab.var(self.player_state, "answers", [])
        if not options:
            shown = sorted(tab.delta.get(self.player_state, {}))
            raise RuntimeError(f"scenariot visar inga val ({shown})")
        return f"{self.player_state}.choose", {"choice_id": options[0]["id"]}


def quiz_answer(question: dict) -> dict[str, str]:
    """A plausible answer as the question's fields send it (names carry the question's id)."""
    kind, choices = question["kind"], question.get("choices") or []
    prompts = question.get("prompts") or []
    if prompts:  # matching: every prompt gets the first option
        options = question.get("match_options") or ["?"]
        return {p["name"]: options[0] for p in prompts}
    if choices and choices[0]["value"] == "on":  # checkboxes: tick the first
        return {choices[0]["name"]: "on"}
    if choices:  # radio buttons (one choice, true/false)
        return {choices[0]["name"]: choices[0]["value"]}
    # short answer, numerical, essay: one text field
    answer = "42" if kind == "numerical" else "Jag lyssnar, sammanfattar och bekräftar."
    return {f"q{question['id']}-answer": answer}


def learner_events() -> LearnerEvents:
    from academy.core.web.base import BaseState
    from academy.core.web.login_state import LoginState
    from academy.core.web.session import SessionState
    from academy.courses.web.quiz_take_state import QuizTakeState
    from academy.practice.web.player_state import PlayerState

    login_state = LoginState.get_full_name()
    return LearnerEvents(
        session_state=SessionState.get_full_name(),
        base_state=BaseState.get_full_name(),
        login_state=login_state,
        login=f"{login_state}.submit",
        quiz_state=QuizTakeState.get_full_name(),
        player_state=PlayerState.get_full_name(),
    )
