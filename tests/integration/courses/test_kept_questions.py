"""A quiz's questions are kept in memory under the stamp the database renews at every write to
them (migration 0016): a learner's answers read them with no statement of their own, and no
edit, bulk statement, cascade or rolled-back write is ever served stale."""

import pytest
import sqlalchemy as sa

from academy.core.db import session_scope
from academy.courses import attempt_rows, quizzes, taking
from academy.courses.questions import QuestionInput
from tests.integration.courses.builders import SINGLE, TRUE_FALSE, actor, build_course
from tests.integration.courses.test_kept_shapes import _sent, _stamp

TRAINER = "utbildare@demo.se"


def _questions(quiz_id: int) -> tuple:
    with session_scope() as session:
        return attempt_rows.question_rows(session, quiz_id)


def _ready(demo, built):
    """Sara, her lessons read, with an open attempt at the quiz."""
    sara = actor(demo, "medarbetare@demo.se")
    with session_scope() as session:
        for lesson_id in built.lessons_a:
            taking.mark_lesson_read(session, sara, lesson_id)
        return sara, taking.start_attempt(session, sara, built.quiz_id).id


def test_an_answer_reads_kept_questions_with_no_statement_of_their_own(demo):
    built = build_course(demo, questions=(SINGLE, TRUE_FALSE))
    sara, attempt_id = _ready(demo, built)
    single, true_false = built.question_ids

    def answer(responses):
        with session_scope() as session:
            return taking.save_answers_and_view(session, sara, attempt_id, responses)

    answer({single: 0})
    sent = _sent(lambda: answer({single: 0, true_false: True}))
    assert not any("FROM course_questions" in statement for statement in sent), sent
    view = answer({single: 1, true_false: True})
    assert [q.response for q in view.questions] == [1, True]


def _add_question(engine, built):
    with session_scope(engine) as session:
        quizzes.add_question(session, actor(engine, TRAINER), built.quiz_id, TRUE_FALSE)


def _edit_in_bulk(engine, built):
    with engine.begin() as conn:
        conn.execute(
            sa.text("UPDATE course_questions SET text = 'Ny text' WHERE id = :id"),
            {"id": built.question_ids[0]},
        )


def _delete_question(engine, built):
    with session_scope(engine) as session:
        quizzes.delete_question(session, actor(engine, TRAINER), built.question_ids[0])


def _drop_quiz_and_its_questions_by_cascade(engine, built):
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM course_quizzes WHERE id = :id"), {"id": built.quiz_id})


@pytest.mark.parametrize(
    "write",
    [_add_question, _edit_in_bulk, _delete_question, _drop_quiz_and_its_questions_by_cascade],
)
def test_every_kind_of_write_renews_the_stamp_and_the_questions(demo, write):
    built = build_course(demo, questions=(SINGLE, TRUE_FALSE))
    before, stamp = _questions(built.quiz_id), _stamp(demo, "questions")
    assert _questions(built.quiz_id) is before  # kept

    write(demo, built)

    assert _stamp(demo, "questions") != stamp
    after = _questions(built.quiz_id)
    with session_scope() as session:
        assert after == attempt_rows._read_questions(session, [built.quiz_id])[built.quiz_id]
    assert after != before


def test_a_rolled_back_edit_of_a_question_is_never_served(demo):
    built = build_course(demo, questions=(SINGLE, TRUE_FALSE))
    before = _questions(built.quiz_id)
    edited = QuestionInput(**{**SINGLE.__dict__, "text": "Ångrad text"})
    with pytest.raises(RuntimeError), session_scope() as session:
        quizzes.update_question(session, actor(demo, TRAINER), built.question_ids[0], edited)
        assert attempt_rows.question_rows(session, built.quiz_id)[0].text == "Ångrad text"
        raise RuntimeError("the save fails after all")
    assert _questions(built.quiz_id) == before


def test_kept_questions_cannot_be_changed_by_their_reader(demo):
    built = build_course(demo, questions=(SINGLE, TRUE_FALSE))
    first = _questions(built.quiz_id)[0]
    with pytest.raises(TypeError):
        first.data["options"][0]["weight"] = 0.0  # type: ignore[index]
    with pytest.raises(TypeError):
        first.data["extra"] = 1  # type: ignore[index]
    assert _questions(built.quiz_id)[0].data["options"][0]["weight"] == 1.0
