"""Pages take a fixed number of SQL statements whatever the number of courses, cohorts, quizzes,
journeys or participants (the home page, the journey list, the progress matrix page and the
needs profile). Each test loads the page's state twice, before and after adding many more."""

import asyncio
from datetime import date

from sqlalchemy import event, select

from academy.core import auth
from academy.core.db import get_engine, session_scope
from academy.core.demo import DEMO_PASSWORD
from academy.core.web.login_state import LoginState
from academy.courses import authoring, cohorts, quizzes, taking
from academy.courses.web.cohort_state import CohortState
from academy.courses.web.quiz_take_state import QuizTakeState
from academy.home.web.home_state import HomeState
from academy.inventory import tailoring
from academy.inventory.demo.seed import CLOSED_TITLE
from academy.inventory.models import SurveyCampaign
from academy.inventory.web.profile_state import ProfileState
from academy.journeys import store
from academy.journeys.web.list_state import JourneyListState
from journeys.model import Journey
from tests.integration.courses.builders import (
    SINGLE,
    TRUE_FALSE,
    actor,
    build_course,
    user_id,
)
from tests.integration.test_states import logged_in


def statements(call) -> int:
    """SQL statements `call()` sends to the app's database."""
    return events(get_engine(), "before_cursor_execute", call)


def events(target, name: str, call) -> int:
    """How many times SQLAlchemy's event `name` fires on `target` during `call()`."""
    fired: list[int] = []

    def record(*_args):
        fired.append(1)

    event.listen(target, name, record)
    try:
        call()
    finally:
        event.remove(target, name, record)
    return len(fired)


def _loaded(state) -> int:
    count = statements(state.load)
    assert state.error == "", state.error
    return count


def test_the_home_page_costs_the_same_for_one_or_many_courses(demo):
    learner = logged_in(HomeState, "medarbetare@demo.se")
    trainer = logged_in(HomeState, "utbildare@demo.se")
    build_course(demo, title="Kurs 0")
    learner_one, trainer_one = _loaded(learner), _loaded(trainer)
    for n in range(1, 6):
        build_course(demo, title=f"Kurs {n}")  # a cohort each, Sara enrolled, led by the trainer
    learner_many, trainer_many = _loaded(learner), _loaded(trainer)
    assert len(learner.steps) and len(trainer.steps)
    assert (learner_one, trainer_one) == (learner_many, trainer_many)
    print(f"home: learner {learner_one}, trainer {trainer_one} statements")


def test_the_journey_list_costs_the_same_for_few_or_many_journeys(demo):
    page = logged_in(JourneyListState, "strateg@demo.se")
    few = _loaded(page)
    shown = len(page.rows)
    with session_scope() as session:
        strategist = actor(demo, "strateg@demo.se")
        for n in range(20):
            store.create_journey(session, strategist, Journey(title=f"Resa {n}", kind="current"))
    many = _loaded(page)
    assert len(page.rows) == shown + 20
    assert few == many
    print(f"journey list: {few} statements")


def _add_quiz_module(engine, built, n):
    trainer = actor(engine, "utbildare@demo.se")
    with session_scope() as s:
        module_id = authoring.add_module(s, trainer, built.course_id, title=f"Extra {n}")
        authoring.add_lesson(s, trainer, module_id, title=f"Läs {n}")
        quiz_id = quizzes.create_quiz(
            s, trainer, module_id, title=f"Test {n}", pass_mark=60, attempts_allowed=2
        )
        quizzes.add_question(s, trainer, quiz_id, SINGLE)


def test_the_progress_matrix_page_costs_the_same_for_one_or_many_quizzes(demo):
    built = build_course(demo, title="Uppföljning")
    page = logged_in(CohortState, "utbildare@demo.se")
    page.cohort_id = built.cohort_id

    def load():
        page._run(page._refresh)

    one = statements(load)
    assert page.error == "" and len(page.quizzes) == 1
    for n in range(3):
        _add_quiz_module(demo, built, n)
    trainer = actor(demo, "utbildare@demo.se")
    people = [user_id(demo, f"{name}@demo.se") for name in ("johan.ek", "leila.hassan")]
    with session_scope() as s:
        cohorts.enrol_users(s, trainer, built.cohort_id, people)
    many = statements(load)
    assert page.error == "" and len(page.quizzes) == 4 and len(page.rows) == 3
    assert one == many
    print(f"progress matrix page: {one} statements")


def test_the_needs_profile_costs_the_same_for_one_or_many_courses_and_cohorts(demo):
    with session_scope() as s:
        campaign_id = s.scalar(
            select(SurveyCampaign.id).where(SurveyCampaign.title == CLOSED_TITLE)
        )
    page = logged_in(ProfileState, "utbildare@demo.se")
    page.campaign_id = campaign_id

    def load():
        page._run(page._fill)

    one = statements(load)
    assert page.error == "" and page.shown and page.chosen_course
    course_id = int(page.chosen_course)
    module_ids = [int(choice.id) for choice in page.module_choices][:1]
    trainer = actor(demo, "utbildare@demo.se")
    for n in range(4):
        build_course(demo, title=f"Publicerad {n}", participants=())
        with session_scope() as s:
            tailoring.create_tailored_cohort(
                s,
                trainer,
                campaign_id,
                course_id=course_id,
                name=f"Omgång {n}",
                starts_on=date(2026, 9, 1),
                ends_on=date(2026, 12, 1),
                required_module_ids=module_ids,
            )
    many = statements(load)
    assert page.error == "" and len(page.made_cohorts) >= 4
    assert one == many
    print(f"needs profile: {one} statements")


def test_a_quiz_answer_costs_the_same_with_one_or_many_answers_on_the_page(demo):
    built = build_course(demo, questions=(SINGLE, TRUE_FALSE, SINGLE, TRUE_FALSE))
    with session_scope() as s:
        for lesson_id in built.lessons_a:
            taking.mark_lesson_read(s, actor(demo, "medarbetare@demo.se"), lesson_id)
    page = logged_in(QuizTakeState, "medarbetare@demo.se")
    page.quiz_id = built.quiz_id
    page.start()
    form = {}
    counts = []
    for question_id, answer in zip(built.question_ids, ["0", "true", "1", "false"], strict=True):
        # The page sends every answer on it with each click; one of them is new.
        form[f"q{question_id}-answer"] = answer
        counts.append(statements(lambda f=dict(form): page.send({**f, "aim": "question-x"})))
        assert page.error == "", page.error
    assert [a.answered for a in page.answers] == [True] * 4
    assert len(set(counts)) == 1, counts
    print(f"quiz answer: {counts[0]} statements")


def test_the_login_hand_over_takes_two_statements(demo):
    """Every login ends with its one-time code redeemed in a request of its own."""
    login = LoginState()
    asyncio.run(login.submit({"email": "medarbetare@demo.se", "password": DEMO_PASSWORD}))
    assert login.handoff
    redeemed = []

    def redeem():
        with session_scope() as session:
            redeemed.append(auth.redeem_handoff(session, login.handoff))

    assert statements(redeem) == 2
    assert redeemed[0] is not None and not redeemed[0].must_change_password
    assert statements(redeem) == 1 and redeemed[1] is None  # a code works once
