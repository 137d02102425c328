"""A learner's reads go straight through the database driver (`academy.core.prepared`), with
the rows SQLAlchemy would have given, on SQLite and on PostgreSQL; what cannot go that way
goes through SQLAlchemy as before."""

from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy import select

from academy.core import auth, prepared
from academy.core.db import read, session_scope
from academy.core.models import LoginSession, User
from academy.core.security import token_digest
from academy.courses import attempt_rows, cohorts, taking
from academy.home.steps import next_steps
from academy.inventory import campaigns
from academy.practice import scenarios
from academy.practice.models import PracticeScenario
from tests.integration.courses.builders import SINGLE, TRUE_FALSE, actor, build_course

LEARNER = "medarbetare@demo.se"


@pytest.fixture
def compared(monkeypatch):
    """Every read the driver answered, each beside SQLAlchemy's answer to the same statement
    in the same transaction, and the statements left to SQLAlchemy."""
    runs: list[tuple] = []
    left: list = []
    real = prepared.read

    def read_and_compare(connection, statement, params):
        rows = real(connection, statement, params)
        if rows is None:
            left.append(statement)
        else:
            result = connection.execute(statement, params)
            runs.append((statement, rows.all(), tuple(result.keys()), result.all()))
        return rows

    monkeypatch.setattr(prepared, "read", read_and_compare)
    return runs, left


def _learner_s_work(engine) -> None:
    """A learner's pages, through the services the pages call."""
    built = build_course(engine, questions=(SINGLE, TRUE_FALSE))
    learner = actor(engine, LEARNER)
    with session_scope() as session:
        user_id = session.scalar(select(User.id).where(User.email == LEARNER))
        session.add(LoginSession(token_hash=token_digest("token"), user_id=user_id))
    with session_scope() as session:
        assert auth.resolve_session(session, "token").email == LEARNER
        assert next_steps(session, learner)
        assert cohorts.my_courses(session, learner)
        cohorts.next_meeting(session, learner, built.course_id, now=datetime.now())
        campaigns.my_surveys(session, learner)
        taking.course_outline(session, learner, built.course_id)
        for lesson_id in built.lessons_a:
            taking.open_lesson(session, learner, lesson_id)
            taking.mark_lesson_read(session, learner, lesson_id)
        taking.quiz_intro(session, learner, built.quiz_id)
        attempt = taking.start_attempt(session, learner, built.quiz_id)
        question = built.question_ids[0]
        taking.save_answers_and_view(session, learner, attempt.id, {question: 0})
        taking.get_attempt(session, learner, attempt.id)
        scenario_id = session.scalar(
            select(PracticeScenario.id).where(PracticeScenario.status == "published")
        )
        scenarios.get_scenario(session, learner, scenario_id)


def test_a_learner_s_reads_go_through_the_driver_with_sqlalchemy_s_rows(demo, compared):
    runs, left = compared
    _learner_s_work(demo)
    read_by_driver = {statement for statement, *_ in runs}
    assert auth._RESOLVE in read_by_driver and attempt_rows._PLACED_ATTEMPT in read_by_driver
    assert len(read_by_driver) >= 10, len(read_by_driver)
    for statement, rows, names, expected in runs:
        assert [tuple(row) for row in rows] == [tuple(row) for row in expected], statement
        assert all(row._fields == names for row in rows), statement
    # Values are converted as SQLAlchemy converts them (SQLite keeps dates as text).
    last_seen = next(rows[0].last_seen_at for s, rows, *_ in runs if s is auth._RESOLVE)
    assert isinstance(last_seen, datetime)
    # A list expanded into `IN (...)` is compiled per call: SQLAlchemy runs it.
    assert attempt_rows._QUESTIONS in left
    assert not read_by_driver & set(left)


def test_the_engine_s_listeners_see_every_read_and_clean_its_text(demo):
    seen: list[str] = []

    def record(_conn, _cursor, statement, parameters, *_rest):
        seen.append(statement)

    sa.event.listen(demo, "before_cursor_execute", record)
    try:
        with session_scope() as session:
            # A lone surrogate cannot be encoded for SQLite: `db` cleans every parameter.
            assert read(session, auth._HANDOFF, {"digest": "\ud800"}).first() is None
    finally:
        sa.event.remove(demo, "before_cursor_execute", record)
    assert len(seen) == 1 and "token_hash" in seen[0]


def test_a_driver_error_is_raised_by_sqlalchemy_as_before(demo):
    missing = sa.table("no_such_table", sa.column("id"))
    statement = select(missing.c.id).where(missing.c.id == sa.bindparam("id"))
    with pytest.raises(sa.exc.DBAPIError), session_scope() as s:
        read(s, statement, {"id": 1})


def test_the_rows_answer_like_sqlalchemy_s_result(demo):
    one = select(User.email).where(User.email == sa.bindparam("email"))
    any_ = select(User.email).where(User.active.is_(True)).order_by(User.id)
    with session_scope() as session:
        assert read(session, one, {"email": LEARNER}).scalar_one() == LEARNER
        with pytest.raises(sa.exc.NoResultFound):
            read(session, one, {"email": "ingen@demo.se"}).scalar_one()
        with pytest.raises(sa.exc.MultipleResultsFound):
            read(session, any_).scalar_one()
        assert read(session, one, {"email": "ingen@demo.se"}).scalar() is None
        assert read(session, any_).first().email == read(session, any_).scalar()
        assert [row.email for row in read(session, any_)] == [
            email for (email,) in session.execute(any_)
        ]


def test_a_datetime_parameter_is_bound_as_sqlalchemy_binds_it(demo):
    recent = select(LoginSession.id).where(LoginSession.created_at > sa.bindparam("since"))
    learner = actor(demo, LEARNER)
    with session_scope() as session:
        session.add(LoginSession(token_hash=token_digest("t2"), user_id=learner.id))
    with session_scope() as session:
        before = read(session, recent, {"since": datetime.now() - timedelta(days=1)}).all()
        after = read(session, recent, {"since": datetime.now() + timedelta(days=1)}).all()
    assert len(before) == 1 and after == []
