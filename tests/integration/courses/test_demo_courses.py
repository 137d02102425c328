from sqlalchemy import select

from academy.core.db import session_scope
from academy.courses import cohorts, progress
from academy.courses.demo import seed_courses
from academy.courses.models import Cohort
from tests.integration.conftest import count
from tests.integration.courses.builders import actor

TABLES = (
    "courses",
    "course_modules",
    "course_lessons",
    "course_quizzes",
    "course_questions",
    "course_cohorts",
    "course_enrolments",
    "course_lesson_reads",
    "course_quiz_attempts",
    "course_attempt_answers",
)


def test_demo_courses_are_seeded_once(demo):
    before = {table: count(demo, table) for table in TABLES}
    assert before["courses"] == 2
    assert before["course_modules"] == 5
    assert before["course_questions"] == 12  # every question of the demo GIFT file
    assert before["course_enrolments"] == 5
    with session_scope(demo) as session:
        assert seed_courses(session) == 0
    assert {table: count(demo, table) for table in TABLES} == before


def test_demo_cohort_shows_progress(demo):
    trainer = actor(demo, "utbildare@demo.se")
    with session_scope(demo) as session:
        cohort_id = session.scalar(select(Cohort.id))
        matrix = progress.progress_matrix(session, trainer, cohort_id)
    by_name = {row.name: row.statuses for row in matrix.rows}
    assert by_name["Sara Nilsson"] == ("completed", "in_progress", "not_started")
    assert by_name["Leila Hassan"] == ("in_progress", "not_started", "not_started")
    assert by_name["Johan Ek"] == ("in_progress", "not_started", "not_started")
    assert by_name["Maria Svensson"] == ("not_started",) * 3
    with session_scope(demo) as session:
        mine = cohorts.my_courses(session, actor(demo, "medarbetare@demo.se"))
    assert [(c.course_title, c.modules_completed, c.module_count) for c in mine] == [
        ("Bemötande i telefon", 1, 3)
    ]
