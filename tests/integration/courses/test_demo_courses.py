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
    # every question of the demo GIFT file, and the essay of the e-mail course
    assert before["course_questions"] == 13
    assert before["course_enrolments"] == 7
    with session_scope(demo) as session:
        assert seed_courses(session) == 0
    assert {table: count(demo, table) for table in TABLES} == before


def test_demo_cohort_shows_progress(demo):
    trainer = actor(demo, "utbildare@demo.se")
    with session_scope(demo) as session:
        cohort_id = session.scalar(select(Cohort.id).where(Cohort.name.like("Bemötande%")))
        matrix = progress.progress_matrix(session, trainer, cohort_id)
    by_name = {row.name: row.statuses for row in matrix.rows}
    assert by_name["Sara Nilsson"] == ("completed", "in_progress", "not_started")
    assert by_name["Leila Hassan"] == ("in_progress", "not_started", "not_started")
    assert by_name["Johan Ek"] == ("in_progress", "not_started", "not_started")
    assert by_name["Maria Svensson"] == ("not_started",) * 3
    with session_scope(demo) as session:
        mine = cohorts.my_courses(session, actor(demo, "medarbetare@demo.se"))
    assert [(c.course_title, c.modules_completed, c.module_count) for c in mine] == [
        ("Bemötande i telefon", 1, 3),
        ("Klarspråk i mejl", 0, 1),  # a tailored run: one of its two modules is required
    ]


def test_demo_shows_an_overdue_participant_and_a_graded_essay_with_a_comment(demo):
    from datetime import date

    from academy.courses import taking
    from academy.courses.demo.seed import EMAIL_COHORT_NAME, ESSAY_COMMENT
    from academy.courses.web.cohort_view import matrix_lines

    trainer = actor(demo, "utbildare@demo.se")
    with session_scope(demo) as session:
        cohort_id = session.scalar(select(Cohort.id).where(Cohort.name == EMAIL_COHORT_NAME))
        matrix = progress.progress_matrix(session, trainer, cohort_id)
    lines = {line.name: line for line in matrix_lines(matrix, date.today())}
    assert lines["Johan Ek"].deadline_text == "Försenad"
    sara = actor(demo, "medarbetare@demo.se")
    with session_scope(demo) as session:
        mine = next(c for c in cohorts.my_courses(session, sara) if c.cohort_id == cohort_id)
        quiz_id = taking.course_outline(session, sara, mine.course_id).modules[0].quiz.id
        attempt = taking.quiz_intro(session, sara, quiz_id).attempts[0]
        view = taking.get_attempt(session, sara, attempt.id)
    assert (view.score_percent, view.passed) == (75.0, True)
    assert view.questions[0].feedback.grader_feedback == ESSAY_COMMENT
