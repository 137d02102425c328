"""Opening another item re-creates its edit forms (their key changes) with that item's values.

The forms are uncontrolled: a form that keeps its key keeps the previous item's values in the
page, and saving it would write them into the item now open. Every page that opens an item by
its address (load) or by a click (open/edit handlers) must therefore change `form_key`."""

import asyncio
import inspect

import pytest
from sqlalchemy import text

from academy.admin.web.users_state import UsersState
from academy.core.db import session_scope
from academy.courses.web.editor_state import CourseEditorState
from academy.courses.web.quiz_edit_state import QuizEditorState
from academy.inventory import template_editing as editing
from academy.inventory.web.template_state import TemplateEditorState
from academy.journeys.web.editor_state import JourneyEditorState
from academy.practice.web.scenario_editor_state import ScenarioEditorState
from tests.integration.courses.builders import actor, build_course, user_id
from tests.integration.test_states import logged_in

TRAINER, ADMIN, STRATEGIST = "utbildare@demo.se", "admin@demo.se", "strateg@demo.se"


def _two(engine, table: str) -> tuple[int, int]:
    with engine.connect() as conn:
        ids = [row[0] for row in conn.execute(text(f"SELECT id FROM {table} ORDER BY id"))]
    assert len(ids) >= 2, table
    return ids[0], ids[1]


def _load(page) -> None:
    """Run the page's load, awaiting it where it is async (e.g. the journey editor's)."""
    result = page.load()
    if inspect.iscoroutine(result):
        asyncio.run(result)


def _opens_both(monkeypatch, state_class, email, first, second, shown):
    """Load `first`, then `second` in the same state (as a click on a link does)."""
    page = logged_in(state_class, email)
    opened = {"id": first}
    monkeypatch.setattr(state_class, "_param", lambda self, name: opened["id"])
    _load(page)
    assert page.error == ""
    key, before = page.form_key, shown(page)
    opened["id"] = second
    _load(page)
    assert page.error == ""
    assert page.form_key != key
    assert shown(page) != before
    return page


def test_the_course_editor_renews_its_forms_for_another_course(demo, monkeypatch):
    first = build_course(demo, title="Första kursen", participants=())
    second = build_course(demo, title="Andra kursen", participants=())
    page = _opens_both(
        monkeypatch,
        CourseEditorState,
        TRAINER,
        first.course_id,
        second.course_id,
        lambda p: (p.title, [m.id for m in p.modules]),
    )
    assert page.title == "Andra kursen"


def test_the_quiz_editor_renews_its_forms_for_another_quiz(demo, monkeypatch):
    first = build_course(demo, title="Första kursen", participants=())
    second = build_course(demo, title="Andra kursen", participants=(), pass_mark=80)
    page = _opens_both(
        monkeypatch,
        QuizEditorState,
        TRAINER,
        first.quiz_id,
        second.quiz_id,
        lambda p: (p.pass_mark, [q.id for q in p.questions]),
    )
    assert page.pass_mark == "80"


def test_the_template_editor_renews_its_forms_for_another_template(demo, monkeypatch):
    with demo.connect() as conn:
        first = conn.execute(text("SELECT min(id) FROM survey_templates")).scalar_one()
    with session_scope(demo) as session:
        second = editing.copy_template(session, actor(demo, ADMIN), first, title="Kopian")
    _opens_both(monkeypatch, TemplateEditorState, ADMIN, first, second, lambda p: p.title)


def test_the_scenario_editor_renews_its_forms_for_another_scenario(demo, monkeypatch):
    first, second = _two(demo, "practice_scenarios")
    _opens_both(monkeypatch, ScenarioEditorState, TRAINER, first, second, lambda p: p.title)


def test_the_journey_editor_renews_its_forms_for_another_journey(demo, monkeypatch):
    first, second = _two(demo, "journeys")
    _opens_both(
        monkeypatch, JourneyEditorState, STRATEGIST, first, second, lambda p: (p.title, p.kind)
    )


def test_editing_another_lesson_question_user_or_node_renews_the_form(demo, monkeypatch):
    built = build_course(demo, participants=())
    monkeypatch.setattr(CourseEditorState, "_param", lambda self, name: built.course_id)
    course = logged_in(CourseEditorState, TRAINER)
    course.load()
    course.edit_lesson(built.module_a, built.lessons_a[0])
    key, title = course.lesson_key, course.lesson_title
    course.edit_lesson(built.module_a, built.lessons_a[1])
    assert course.lesson_key != key and course.lesson_title != title

    monkeypatch.setattr(QuizEditorState, "_param", lambda self, name: built.quiz_id)
    quiz = logged_in(QuizEditorState, TRAINER)
    quiz.load()
    quiz.edit_question(built.question_ids[0])
    key, shown = quiz.question_key, dict(quiz.question_form)
    quiz.edit_question(built.question_ids[1])
    assert quiz.question_key != key and quiz.question_form != shown

    users = logged_in(UsersState, ADMIN)
    users.load()
    users.start_edit(user_id(demo, "johan.ek@demo.se"))
    key = users.form_key
    users.start_edit(user_id(demo, STRATEGIST))
    assert users.form_key != key and users.editing.email == STRATEGIST

    scenario_id, _ = _two(demo, "practice_scenarios")
    monkeypatch.setattr(ScenarioEditorState, "_param", lambda self, name: scenario_id)
    editor = logged_in(ScenarioEditorState, TRAINER)
    editor.load()
    first, second = editor.nodes[0].id, editor.nodes[1].id
    editor.open_node(first)
    key, node_text = editor.node_key, editor.node.text
    editor.open_node(second)
    assert editor.node_key != key and editor.node.text != node_text


@pytest.mark.parametrize("state_class", [CourseEditorState, QuizEditorState])
def test_a_refused_load_leaves_no_editable_form(demo, monkeypatch, state_class):
    """An item that cannot be opened shows no form at all (id 0), so nothing stale is saved."""
    monkeypatch.setattr(state_class, "_param", lambda self, name: 999_999)
    page = logged_in(state_class, TRAINER)
    page.load()
    assert page.error != ""
    assert (page.course_id if state_class is CourseEditorState else page.quiz_id) == 0
