"""Mina kurser and /utbildning for a learner: one row per course, deadlines flagged, fixed cost."""

from datetime import date, timedelta

from sqlalchemy import event

from academy.core.db import session_scope
from academy.courses import cohorts, taking
from academy.courses.status import deadline_flag
from academy.courses.web.overview_state import CoursesOverviewState
from academy.home.steps import next_steps
from tests.integration.courses.builders import actor, build_course, user_id
from tests.integration.test_states import logged_in


def _statements(engine, call):
    statements = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        with session_scope(engine) as s:
            result = call(s)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return len(statements), result


def _second_cohort(engine, built, name, deadline=None, email="medarbetare@demo.se"):
    trainer = actor(engine, "utbildare@demo.se")
    with session_scope(engine) as s:
        cohort_id = cohorts.create_cohort(
            s,
            trainer,
            course_id=built.course_id,
            name=name,
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
            deadline=deadline,
        )
        cohorts.enrol_users(s, trainer, cohort_id, [user_id(engine, email)])


def test_a_course_in_two_cohorts_shows_once_with_the_first_deadline(demo):
    built = build_course(demo, title="Två omgångar")
    _second_cohort(demo, built, "Extra", deadline=date.today() - timedelta(days=3))
    sara = actor(demo, "medarbetare@demo.se")
    with session_scope(demo) as s:
        mine = [m for m in cohorts.my_courses(s, sara) if m.course_id == built.course_id]
    assert [m.cohort_name for m in mine] == ["Extra"]

    page = logged_in(CoursesOverviewState, "medarbetare@demo.se")
    page.load()
    rows = [r for r in page.my_courses if r.course_id == built.course_id]
    assert len(rows) == 1
    assert rows[0].action == "Börja"  # not started: never "Fortsätt"
    assert rows[0].deadline_kind == "overdue"
    assert rows[0].deadline_text.startswith("Försenad: sista dag var ")
    with session_scope(demo) as s:
        steps = {step.title: step for step in next_steps(s, sara)}
    assert "Försenad: sista dag var" in steps["Mina kurser"].text


def test_deadlines_are_flagged_overdue_soon_or_neutral():
    today = date(2026, 5, 20)
    assert deadline_flag(None, today, False) == ("", "")
    assert deadline_flag(date(2026, 5, 19), today, False) == (
        "Försenad: sista dag var 2026-05-19.",
        "overdue",
    )
    assert deadline_flag(date(2026, 5, 19), today, True) == ("Sista dag: 2026-05-19.", "")
    assert deadline_flag(date(2026, 5, 20), today, False)[1] == "soon"
    assert deadline_flag(date(2026, 5, 27), today, False) == (
        "Snart sista dag: om 7 dagar (2026-05-27).",
        "soon",
    )
    assert deadline_flag(date(2026, 5, 28), today, False) == ("Sista dag: 2026-05-28.", "")


def test_mina_kurser_and_the_outline_cost_the_same_for_one_or_many_courses(demo):
    sara = actor(demo, "medarbetare@demo.se")
    first = build_course(demo, title="Kurs A")
    one, _ = _statements(demo, lambda s: cohorts.my_courses(s, sara))
    outline_one, _ = _statements(demo, lambda s: taking.course_outline(s, sara, first.course_id))
    for n in range(4):
        built = build_course(demo, title=f"Kurs {n}")
        _second_cohort(demo, built, f"Omgång {n}")
    many, mine = _statements(demo, lambda s: cohorts.my_courses(s, sara))
    outline_many, _ = _statements(demo, lambda s: taking.course_outline(s, sara, first.course_id))
    assert len(mine) >= 5
    assert one == many
    assert outline_one == outline_many


def test_the_home_page_counts_the_other_courses_in_good_swedish(demo):
    sara = actor(demo, "medarbetare@demo.se")
    with session_scope(demo) as s:
        text = {step.title: step for step in next_steps(s, sara)}["Mina kurser"].text
    assert text.endswith("Du har 1 kurs till.")
    build_course(demo, title="En till")
    with session_scope(demo) as s:
        text = {step.title: step for step in next_steps(s, sara)}["Mina kurser"].text
    assert text.endswith("Du har 2 kurser till.")
