"""A course's shape (its modules, lessons and quizzes) is kept in memory under the stamp the
database renews at every write to those tables: kept while nothing changes, never served
after any kind of write, a rolled-back one included."""

import pytest
import sqlalchemy as sa

from academy.core.db import get_engine, session_scope
from academy.courses import authoring, cohorts, taking, tracking
from tests.integration.courses.builders import actor, build_course
from tests.integration.test_statement_counts import statements


def _shape(course_id: int) -> tracking.CourseShape:
    with session_scope() as session:
        return tracking.course_shape(session, course_id)


def _stamp(engine, name: str = "courses") -> int:
    with engine.connect() as conn:
        return conn.execute(
            sa.text("SELECT stamp FROM content_stamps WHERE name = :name"), {"name": name}
        ).scalar_one()


def test_mina_kurser_reads_a_kept_shape_in_one_statement(demo):
    build_course(demo)
    learner = actor(demo, "medarbetare@demo.se")

    shown = []

    def mina_kurser():
        with session_scope() as session:
            shown.append(cohorts.my_courses(session, learner))

    first_count, again_count = statements(mina_kurser), statements(mina_kurser)
    assert shown[0] == shown[1] and shown[0]
    # The three statements of the shapes (modules, lessons, quizzes) are not sent again.
    assert again_count == first_count - 3


def _add_lesson(engine, built):
    with session_scope(engine) as session:
        authoring.add_lesson(
            session,
            actor(engine, "utbildare@demo.se"),
            built.module_b,
            title="Ny lektion",
            content_markdown="Text",
        )


def _rename_lesson_in_bulk(engine, built):
    with engine.begin() as conn:
        conn.execute(
            sa.text("UPDATE course_lessons SET title = 'Nytt namn' WHERE id = :id"),
            {"id": built.lesson_b},
        )


def _drop_quiz(engine, built):
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM course_quizzes WHERE id = :id"), {"id": built.quiz_id})


def _drop_module_and_its_lessons_by_cascade(engine, built):
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM course_modules WHERE id = :id"), {"id": built.module_b})


@pytest.mark.parametrize(
    "write",
    [_add_lesson, _rename_lesson_in_bulk, _drop_quiz, _drop_module_and_its_lessons_by_cascade],
)
def test_every_kind_of_write_renews_the_stamp_and_the_shape(demo, write):
    built = build_course(demo)
    before, stamp = _shape(built.course_id), _stamp(demo)
    assert _shape(built.course_id) == before  # kept

    write(demo, built)

    assert _stamp(demo) != stamp
    after = _shape(built.course_id)
    with session_scope() as session:
        assert after == tracking._read_shapes(session, [built.course_id])[built.course_id]
    assert after != before


def test_a_deleted_module_leaves_the_shape_of_the_other_course_alone(demo):
    one, other = build_course(demo, title="Kurs 1"), build_course(demo, title="Kurs 2")
    kept_other = _shape(other.course_id)
    _drop_module_and_its_lessons_by_cascade(demo, one)
    assert len(_shape(one.course_id).modules) == 1
    assert _shape(other.course_id) == kept_other


def test_a_rolled_back_edit_is_never_served(demo):
    built = build_course(demo)
    before = _shape(built.course_id)
    trainer = actor(demo, "utbildare@demo.se")
    with pytest.raises(RuntimeError), session_scope() as session:
        authoring.add_lesson(
            session, trainer, built.module_b, title="Ångrad", content_markdown="Text"
        )
        # Inside the transaction the new lesson is part of the shape ...
        assert "Ångrad" in tracking.course_shape(session, built.course_id).lesson_titles.values()
        raise RuntimeError("the save fails after all")
    # ... and after the rollback it is not, though that shape was computed and kept.
    assert _shape(built.course_id) == before


def test_a_kept_shape_cannot_be_changed_by_its_reader(demo):
    built = build_course(demo)
    shape = _shape(built.course_id)
    with pytest.raises(TypeError):
        shape.lesson_titles[built.lesson_b] = "Ändrad"  # type: ignore[index]
    assert _shape(built.course_id) == shape


def _sent(call) -> list[str]:
    """The SQL text of every statement `call()` sends."""
    sent: list[str] = []

    def record(_conn, _cursor, statement, *_args):
        sent.append(" ".join(statement.split()))

    sa.event.listen(get_engine(), "before_cursor_execute", record)
    try:
        call()
    finally:
        sa.event.remove(get_engine(), "before_cursor_execute", record)
    return sent


def test_a_learner_s_page_reads_the_stamp_with_its_first_statement_and_sees_edits(demo):
    built = build_course(demo)
    learner = actor(demo, "medarbetare@demo.se")
    with session_scope() as session:
        for lesson_id in built.lessons_a:
            taking.mark_lesson_read(session, learner, lesson_id)
    pages = {
        "Mina kurser": lambda s: cohorts.my_courses(s, learner),
        "kursen": lambda s: taking.course_outline(s, learner, built.course_id),
        "lektionen": lambda s: taking.open_lesson(s, learner, built.lesson_b),
        "quizet": lambda s: taking.quiz_intro(s, learner, built.quiz_id),
    }

    def outline_lessons():
        with session_scope() as session:
            outline = taking.course_outline(session, learner, built.course_id)
        return [lesson.title for module in outline.modules for lesson in module.lessons]

    for name, page in pages.items():

        def opened(page=page):
            with session_scope() as session:
                page(session)

        opened()  # the shape is kept
        sent = _sent(opened)
        assert "content_stamps" in sent[0], name
        assert not any(s.startswith("SELECT content_stamps.stamp FROM") for s in sent), name
    assert "Ny lektion" not in outline_lessons()
    _add_lesson(demo, built)
    assert "Ny lektion" in outline_lessons()  # the stamp read with the page renewed the shape
