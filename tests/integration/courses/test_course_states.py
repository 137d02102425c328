"""The course pages' event handlers, called directly: the server refuses what a role may not do."""

from starlette.applications import Starlette
from starlette.testclient import TestClient

from academy.core.db import session_scope
from academy.courses import authoring, cohorts, taking
from academy.courses.web.api import ROUTES
from academy.courses.web.editor_state import CourseEditorState
from academy.courses.web.overview_state import CoursesOverviewState
from academy.courses.web.quiz_take_state import QuizTakeState
from academy.home.steps import next_steps
from tests.integration.conftest import count
from tests.integration.courses.builders import SINGLE, actor, build_course
from tests.integration.test_states import logged_in
from tests.sessions import token_of

REFUSED = "Du har inte behörighet att göra detta."


def _read_module_a(engine, email, built):
    with session_scope(engine) as s:
        for lesson_id in built.lessons_a:
            taking.mark_lesson_read(s, actor(engine, email), lesson_id)


def test_employee_authoring_events_are_refused_on_the_server(demo):
    built = build_course(demo)
    courses_before = count(demo, "courses")
    overview = logged_in(CoursesOverviewState, "medarbetare@demo.se")
    overview.create_course({"title": "Smygkurs"})
    assert overview.error == REFUSED
    assert count(demo, "courses") == courses_before

    editor = logged_in(CourseEditorState, "medarbetare@demo.se")
    editor.course_id, editor.version = built.course_id, 1
    editor.save_course({"title": "Kapad", "description": "", "target_group": "", "topics": ""})
    assert editor.error == REFUSED
    editor.set_published(False)
    assert editor.error == REFUSED
    editor.add_module({"title": "Extra", "description": "", "prerequisite": ""})
    assert editor.error == REFUSED
    with session_scope(demo) as s:
        detail = authoring.get_course(s, actor(demo, "utbildare@demo.se"), built.course_id)
    assert (detail.title, detail.status, len(detail.modules)) == (
        "Bemötande i praktiken",
        "published",
        2,
    )


def test_trainer_saves_and_a_bad_pass_mark_is_refused(demo):
    built = build_course(demo, publish=False)
    editor = logged_in(CourseEditorState, "utbildare@demo.se")
    editor.course_id = built.course_id
    editor._run(editor._refresh)
    editor.save_course(
        {"title": "Nytt namn", "description": "", "target_group": "", "topics": "Telefon, chatt"}
    )
    assert (editor.error, editor.title, editor.topics) == ("", "Nytt namn", "chatt, telefon")
    quizzes_before = count(demo, "course_quizzes")
    editor.new_quiz(built.module_a)
    editor.create_quiz(
        {"title": "Test", "pass_mark": "120", "attempts": "0", "feedback_mode": "end"}
    )
    assert editor.error == "Gränsen för godkänt måste vara ett heltal mellan 0 och 100 %."
    assert count(demo, "course_quizzes") == quizzes_before


def test_an_employee_cannot_answer_or_submit_another_persons_attempt(demo):
    built = build_course(demo, participants=("medarbetare@demo.se", "johan.ek@demo.se"))
    for email in ("medarbetare@demo.se", "johan.ek@demo.se"):
        _read_module_a(demo, email, built)
    with session_scope(demo) as s:
        johans = taking.start_attempt(s, actor(demo, "johan.ek@demo.se"), built.quiz_id).id

    sara = logged_in(QuizTakeState, "medarbetare@demo.se")
    sara._run(lambda s, a: sara._intro(taking.quiz_intro(s, a, built.quiz_id)))
    sara.start()
    assert sara.error == "" and sara.attempt_id != johans
    sara.attempt_id = johans
    sara.send({f"q{built.question_ids[0]}-answer": "0", "aim": f"question-{built.question_ids[0]}"})
    assert sara.error == "Försöket tillhör någon annan."
    sara.send({"confirmed": "1"})
    assert sara.error == "Försöket tillhör någon annan."
    with session_scope(demo) as s:
        view = taking.get_attempt(s, actor(demo, "johan.ek@demo.se"), johans)
    assert view.status == "open"
    assert all(q.response is None for q in view.questions)


def test_quiz_page_shows_attempts_left_and_immediate_feedback(demo):
    built = build_course(demo, questions=(SINGLE,), feedback_mode="immediate", attempts_allowed=2)
    sara = logged_in(QuizTakeState, "medarbetare@demo.se")
    sara._run(lambda s, a: sara._intro(taking.quiz_intro(s, a, built.quiz_id)))
    assert sara.error == "Modulen ”Grunder” måste vara klar innan du kan börja här."
    _read_module_a(demo, "medarbetare@demo.se", built)
    sara._run(lambda s, a: sara._intro(taking.quiz_intro(s, a, built.quiz_id)))
    assert sara.attempts_text == "Du har gjort 0 av 2 försök. Försök kvar: 2."
    sara.start()
    question_id = built.question_ids[0]
    sara.send({f"q{question_id}-answer": "1", "aim": f"question-{question_id}"})
    assert (sara.message_at, sara.notice) == (f"question-{question_id}", "Dina svar är sparade.")
    answer = sara.answers[0]
    assert (answer.verdict, answer.verdict_kind, answer.feedback, answer.locked) == (
        "Fel svar.",
        "wrong",
        ("För kort.",),
        True,
    )
    sara.send({"aim": "quiz"})
    assert sara.result == "Resultat: 0 %. Inte godkänt (gränsen är 60 %)."
    assert sara.attempts_text == "Du har gjort 1 av 2 försök. Försök kvar: 1."


def test_downloads_check_the_login_and_the_role(demo):
    built = build_course(demo)
    client = TestClient(Starlette(routes=ROUTES))
    url = f"/api/utbildning/omgangar/{built.cohort_id}/framsteg.csv"
    assert client.get(url).status_code == 401
    employee = logged_in(CoursesOverviewState, "medarbetare@demo.se")
    client.cookies.set("sa_session", token_of(employee))
    assert client.get(url).status_code == 403
    certificate = client.get(f"/api/utbildning/kurser/{built.course_id}/intyg")
    assert certificate.status_code == 422
    assert (
        certificate.text == "Intyget kan hämtas först när alla moduler som krävs i kursen är klara."
    )
    trainer = logged_in(CoursesOverviewState, "utbildare@demo.se")
    client.cookies.set("sa_session", token_of(trainer))
    response = client.get(url)
    assert response.status_code == 200
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines == [
        "Namn;E-post;Enhet;Grunder;Fördjupning;Kursen",
        "Sara Nilsson;medarbetare@demo.se;Servicecenter;Ej påbörjad;Ej påbörjad;Ej påbörjad",
    ]


def test_home_shows_the_next_course_and_the_cohorts_a_trainer_leads(demo):
    trainer = actor(demo, "utbildare@demo.se")
    with session_scope(demo) as s:
        led = cohorts.list_cohorts(s, trainer, led_by=trainer.id)
        admin_led = cohorts.list_cohorts(s, trainer, led_by=actor(demo, "admin@demo.se").id)
        people = cohorts.active_people(s, trainer, trainers_only=True)
        steps = {step.title: step for step in next_steps(s, trainer)}
        sara_steps = {
            step.title: step for step in next_steps(s, actor(demo, "medarbetare@demo.se"))
        }
    assert [c.name for c in led] == [
        "Klarspråk i mejl – Servicecenter",
        "Bemötande i telefon – Servicecenter våren 2026",
    ]
    assert admin_led == []
    assert [p.name for p in people] == ["Anna Lindqvist", "Karin Berg"]
    assert steps["Kursomgångar"].text == (
        "Du leder 2 kursomgångar: Klarspråk i mejl – Servicecenter (2 deltagare), "
        "Bemötande i telefon – Servicecenter våren 2026 (5 deltagare)."
    )
    assert steps["Kursomgångar"].href == f"/utbildning/omgangar/{led[0].id}"
    assert sara_steps["Mina kurser"].link_label == "Fortsätt med Bemötande i telefon"
    assert sara_steps["Mina kurser"].text.startswith("Näst på tur: Bemötande i telefon, ")
