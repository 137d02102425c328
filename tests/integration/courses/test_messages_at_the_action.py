"""Messages land beside the action that caused them (`message_at`), and a field's own error
beside the field (`field_errors`); nothing is saved when a form is refused."""

from academy.core.db import session_scope
from academy.courses import cohorts
from academy.courses.web.cohort_state import CohortState
from academy.courses.web.editor_state import CourseEditorState
from academy.courses.web.overview_state import CoursesOverviewState
from academy.courses.web.quiz_take_state import QuizTakeState
from tests.integration.conftest import count
from tests.integration.courses.builders import SINGLE, actor, build_course
from tests.integration.test_states import logged_in

HTTP_VIDEO = "Videolänken måste vara en fullständig adress som börjar med https://."


def _editor(course_id):
    editor = logged_in(CourseEditorState, "utbildare@demo.se")
    editor.course_id = course_id
    editor._run(editor._refresh)
    return editor


def test_a_lesson_with_an_http_video_link_is_refused_beside_the_lesson_form(demo):
    built = build_course(demo)
    editor = _editor(built.course_id)
    lessons_before = count(demo, "course_lessons")
    editor.new_lesson(built.module_a)
    editor.save_lesson({"title": "Video", "content": "Se filmen.", "video_url": "http://x.se/v"})
    assert (editor.error, editor.message_at) == (HTTP_VIDEO, "lesson-form")
    assert editor.field_errors == {"video_url": HTTP_VIDEO}
    assert editor.lesson_module_id == built.module_a  # the form stays open with what was typed
    assert count(demo, "course_lessons") == lessons_before

    editor.save_lesson({"title": "Video", "content": "Se filmen.", "video_url": "https://x.se/v"})
    assert (editor.error, editor.notice) == ("", "Lektionen är sparad.")
    assert (editor.message_at, editor.field_errors) == (f"lessons-{built.module_a}", {})
    assert editor.lesson_module_id == 0
    assert count(demo, "course_lessons") == lessons_before + 1


def test_a_bad_pass_mark_is_a_field_error_in_the_new_quiz_form(demo):
    built = build_course(demo, publish=False)
    editor = _editor(built.course_id)
    editor.new_quiz(built.module_a)
    editor.create_quiz({"title": "Koll", "pass_mark": "åttio", "attempts": "0"})
    expected = "Gränsen för godkänt måste vara ett heltal."
    assert (editor.error, editor.message_at) == (expected, "quiz-form")
    assert editor.field_errors == {"pass_mark": expected}
    assert editor.quiz_module_id == built.module_a


def test_module_and_lesson_moves_report_at_their_module(demo):
    built = build_course(demo)
    editor = _editor(built.course_id)
    editor.move_module(built.module_b, -1)
    assert (editor.message_at, editor.notice) == (
        f"module-{built.module_b}",
        "Modulernas ordning är sparad.",
    )
    assert [m.id for m in editor.modules] == [built.module_b, built.module_a]
    editor.move_lesson(built.module_a, built.lessons_a[1], -1)
    assert (editor.message_at, editor.notice) == (
        f"lessons-{built.module_a}",
        "Lektionernas ordning är sparad.",
    )
    editor.delete_lesson(built.module_a, built.lessons_a[0])
    assert (editor.message_at, editor.notice) == (
        f"lessons-{built.module_a}",
        "Lektionen är borttagen.",
    )
    assert [le.id for le in editor.modules[1].lessons] == [built.lessons_a[1]]


def test_a_bad_start_date_is_a_field_error_and_no_cohort_is_created(demo):
    built = build_course(demo, participants=())
    overview = logged_in(CoursesOverviewState, "utbildare@demo.se")
    overview._run(overview._refresh)
    before = count(demo, "course_cohorts")
    overview.create_cohort(
        {"course_id": str(built.course_id), "name": "Hösten", "starts_on": "1 sep", "ends_on": ""}
    )
    expected = "Startdatum måste vara ett datum (ÅÅÅÅ-MM-DD)."
    assert (overview.error, overview.message_at) == (expected, "new-cohort")
    assert overview.field_errors == {"starts_on": expected}
    assert count(demo, "course_cohorts") == before


def test_an_unanswered_question_is_refused_at_that_question(demo):
    built = build_course(demo, questions=(SINGLE,))
    with session_scope(demo) as s:
        from academy.courses import taking

        for lesson_id in built.lessons_a:
            taking.mark_lesson_read(s, actor(demo, "medarbetare@demo.se"), lesson_id)
    sara = logged_in(QuizTakeState, "medarbetare@demo.se")
    sara._run(lambda s, a: sara._intro(taking.quiz_intro(s, a, built.quiz_id)))
    sara.start()
    question = built.question_ids[0]
    sara.send({"aim": f"question-{question}"})
    assert (sara.error, sara.message_at) == (
        "Välj ett svarsalternativ eller skriv ett svar först.",
        f"question-{question}",
    )
    sara.send({"aim": "quiz"})
    assert sara.message_at == "quiz"
    assert sara.confirm_text == "Fråga 1 är obesvarad. Lämna in ändå? Den räknas då som fel."
    sara.send({"confirmed": "1", "aim": "quiz"})
    assert (sara.notice, sara.message_at) == ("Quizet är inlämnat.", "quiz")


def test_the_trainer_removes_a_participant_and_an_employee_cannot(demo):
    built = build_course(demo, participants=("medarbetare@demo.se", "johan.ek@demo.se"))
    employee = logged_in(CohortState, "medarbetare@demo.se")
    employee.cohort_id = built.cohort_id
    johan = next(
        p.user_id for p in _participants(demo, built.cohort_id) if p.email == "johan.ek@demo.se"
    )
    employee.remove_participant(johan)
    assert (employee.error, employee.message_at) == (
        "Du har inte behörighet att göra detta.",
        "participants",
    )
    assert len(_participants(demo, built.cohort_id)) == 2

    page = logged_in(CohortState, "utbildare@demo.se")
    page.cohort_id = built.cohort_id
    page._run(page._refresh)
    page.remove_participant(johan)
    assert (page.notice, page.message_at) == (
        "Deltagaren är borttagen från kursomgången.",
        "participants",
    )
    assert [p.name for p in page.participants] == ["Sara Nilsson"]
    assert [p.email for p in _participants(demo, built.cohort_id)] == ["medarbetare@demo.se"]


def _participants(engine, cohort_id):
    with session_scope(engine) as s:
        return cohorts.get_cohort(s, actor(engine, "utbildare@demo.se"), cohort_id).participants


def test_a_gift_file_fills_the_import_field_and_errors_show_in_the_import_panel(demo):
    from academy.courses.web.quiz_edit_state import QuizEditorState
    from tests.integration.courses.test_lesson_editing import Upload, run_event

    built = build_course(demo)
    editor = logged_in(QuizEditorState, "utbildare@demo.se")
    editor.quiz_id = built.quiz_id
    gift = "::Lugn:: Att tala lugnt hjälper. {T}\n"
    run_event(editor.upload_gift([Upload(("\ufeff" + gift).encode("utf-8"), "fragor.gift")]))
    assert (editor.error, editor.gift_text) == ("", gift)
    run_event(editor.preview_gift())
    assert (editor.message_at, editor.gift_errors) == ("gift", [])
    assert [(c.kind, c.count) for c in editor.gift_preview] == [("Sant/falskt", 1)]

    run_event(editor.upload_gift([Upload(b"\xff\xfe\x00trasig", "fragor.gift")]))
    assert (editor.message_at, editor.error) == (
        "gift",
        "Filen kunde inte läsas som text. Spara den som UTF-8 och försök igen.",
    )
    employee = logged_in(QuizEditorState, "medarbetare@demo.se")
    employee.quiz_id = built.quiz_id
    run_event(employee.upload_gift([Upload(gift.encode("utf-8"), "fragor.gift")]))
    assert (employee.message_at, employee.error, employee.gift_text) == (
        "gift",
        "Du har inte behörighet att göra detta.",
        "",
    )
