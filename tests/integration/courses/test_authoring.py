from datetime import date

import pytest
from sqlalchemy import select, update

from academy.core.db import session_scope
from academy.core.errors import AccessDenied, ValidationError
from academy.core.models import Unit, User
from academy.courses import authoring, cohorts, quizzes
from academy.courses.demo import demo_path
from academy.courses.questions import QuestionInput
from tests.integration.conftest import count
from tests.integration.courses.builders import actor, build_course, user_id

GOOD_GIFT = """::Hälsning::Hur inleder du? {=Med namn#Bra ~Hallå#Kort}

::Tystnad::Förklara tystnad. {T}
"""
BROKEN_GIFT = GOOD_GIFT + "\n::Trasig::Vilket svar? {~ett ~två}\n"


def test_course_fields_are_validated_and_topics_normalised(demo):
    trainer = actor(demo, "utbildare@demo.se")
    with pytest.raises(ValidationError) as refused, session_scope(demo) as s:
        authoring.create_course(s, trainer, title="   ")
    assert refused.value.message == "Kursens titel måste fyllas i."
    assert count(demo, "courses") == 2  # the demo courses only
    with session_scope(demo) as s:
        course_id = authoring.create_course(
            s, trainer, title=" Svåra samtal ", topics=["Telefon", " svåra  SAMTAL", "#telefon"]
        )
    with session_scope(demo) as s:
        detail = authoring.get_course(s, trainer, course_id)
        matches = authoring.courses_for_topics(s, ["TELEFON", "klarspråk"])
    assert (detail.title, detail.topics, detail.status) == (
        "Svåra samtal",
        ("svåra samtal", "telefon"),
        "draft",
    )
    # Only published courses match, the one sharing most topics first.
    assert [(m.title, m.matched) for m in matches] == [
        ("Bemötande i telefon", ("klarspråk", "telefon")),
        ("Klarspråk i mejl", ("klarspråk",)),
    ]
    with pytest.raises(AccessDenied), session_scope(demo) as s:
        authoring.create_course(s, actor(demo, "medarbetare@demo.se"), title="Egen kurs")


def test_a_stale_version_is_refused(demo):
    trainer = actor(demo, "utbildare@demo.se")
    with session_scope(demo) as s:
        course_id = authoring.create_course(s, trainer, title="Chatt")
    with session_scope(demo) as s:
        assert authoring.update_course(s, trainer, course_id, version=1, title="Chatt 1") == 2
    with pytest.raises(ValidationError) as refused, session_scope(demo) as s:
        authoring.update_course(s, trainer, course_id, version=1, title="Chatt 2")
    assert refused.value.message.startswith("Kursen har ändrats av någon annan")
    with session_scope(demo) as s:
        assert authoring.get_course(s, trainer, course_id).title == "Chatt 1"


def test_prerequisites_must_stay_in_the_course_and_never_loop(demo):
    built = build_course(demo)
    other = build_course(demo, title="Annan kurs")
    trainer = actor(demo, "utbildare@demo.se")
    with pytest.raises(ValidationError) as refused, session_scope(demo) as s:
        authoring.update_module(
            s, trainer, built.module_a, title="Grunder", prerequisite_id=built.module_b
        )
    assert refused.value.message == (
        "Förkunskapskravet skulle skapa en slinga där modulerna väntar på varandra."
    )
    with pytest.raises(ValidationError) as refused, session_scope(demo) as s:
        authoring.add_module(s, trainer, built.course_id, title="X", prerequisite_id=other.module_a)
    assert refused.value.message == "Modulen som ska vara klar först måste höra till samma kurs."


def test_publishing_needs_content(demo):
    trainer = actor(demo, "utbildare@demo.se")
    with session_scope(demo) as s:
        course_id = authoring.create_course(s, trainer, title="Tom kurs")
    with pytest.raises(ValidationError) as refused, session_scope(demo) as s:
        authoring.set_course_status(s, trainer, course_id, "published")
    assert refused.value.message == "Kursen behöver minst en modul innan den kan publiceras."
    with session_scope(demo) as s:
        authoring.add_module(s, trainer, course_id, title="Tom modul")
    with pytest.raises(ValidationError) as refused, session_scope(demo) as s:
        authoring.set_course_status(s, trainer, course_id, "published")
    assert "”Tom modul” behöver en lektion eller ett quiz" in refused.value.message


def test_lessons_are_sanitised_and_video_links_must_be_https(demo):
    built = build_course(demo)
    trainer = actor(demo, "utbildare@demo.se")
    with session_scope(demo) as s:
        lesson_id = authoring.add_lesson(
            s,
            trainer,
            built.module_a,
            title="Farlig",
            content_markdown="<script>alert(1)</script> [x](javascript:alert(1))",
            video_url="https://video.example.se/film",
        )
        html = authoring.get_course(s, trainer, built.course_id).modules[0].lessons[-1]
    assert html.id == lesson_id
    assert "<script>" not in html.content_html and "&lt;script&gt;" in html.content_html
    assert 'href="javascript' not in html.content_html
    with pytest.raises(ValidationError) as refused, session_scope(demo) as s:
        authoring.add_lesson(s, trainer, built.module_a, title="Film", video_url="http://x.se/v")
    assert refused.value.message.startswith("Videolänken måste vara en fullständig adress")


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (
            QuestionInput("single_choice", "Vilket?", data={"options": [
                {"text": "a", "weight": 0}, {"text": "b", "weight": 0}]}),
            "Frågan saknar rätt svar.",
        ),
        (
            QuestionInput("multiple_choice", "Vilka?", data={"options": [
                {"text": "a", "weight": 0.5}, {"text": "b", "weight": 0.3},
                {"text": "c", "weight": -1}]}),
            "De positiva vikterna blir tillsammans 80 % men ska bli 100 %.",
        ),
        (QuestionInput("short_answer", " ", data={"answers": [{"text": "få", "weight": 1}]}),
         "Frågetexten måste fyllas i."),
        (QuestionInput("true_false", "Sant?", data={}), "Ange om påståendet är sant eller falskt."),
        (QuestionInput("numerical", "Hur många?", data={"answers": [
            {"minimum": 5, "maximum": 4, "weight": 1}]}),
         "Intervallet börjar på ett större tal än det slutar på."),
        (QuestionInput("essay", "Beskriv.", points=0), "Poängen måste vara ett tal större än 0."),
    ],
)  # fmt: skip
def test_bad_questions_are_refused_and_nothing_is_saved(demo, question, message):
    built = build_course(demo)
    before = count(demo, "course_questions")
    with pytest.raises(ValidationError) as refused, session_scope(demo) as s:
        quizzes.add_question(s, actor(demo, "utbildare@demo.se"), built.quiz_id, question)
    assert refused.value.message == message
    assert count(demo, "course_questions") == before


def test_quiz_settings_are_validated(demo):
    built = build_course(demo)
    trainer = actor(demo, "utbildare@demo.se")
    with pytest.raises(ValidationError) as refused, session_scope(demo) as s:
        quizzes.update_quiz(
            s, trainer, built.quiz_id, title="Test", pass_mark=101, attempts_allowed=0,
            feedback_mode="end",
        )  # fmt: skip
    assert refused.value.message == "Gränsen för godkänt måste vara ett heltal mellan 0 och 100 %."
    with pytest.raises(ValidationError) as refused, session_scope(demo) as s:
        quizzes.create_quiz(s, trainer, built.module_b, title="Ett till")
    assert refused.value.message == "Modulen har redan ett quiz."


def test_gift_import_is_all_or_nothing(demo):
    built = build_course(demo, questions=(), publish=False)
    trainer = actor(demo, "utbildare@demo.se")
    preview = quizzes.preview_gift_import(BROKEN_GIFT)
    assert not preview.ok
    assert preview.errors == ("Fråga 3 (rad 5): flervalsfrågan saknar rätt svar.",)
    with pytest.raises(ValidationError) as refused, session_scope(demo) as s:
        quizzes.import_gift(s, trainer, built.quiz_id, BROKEN_GIFT)
    assert "Fråga 3 (rad 5)" in refused.value.message
    assert refused.value.message.startswith("Inga frågor importerades.")
    with session_scope(demo) as s:
        assert quizzes.get_quiz(s, trainer, built.quiz_id).questions == ()

    preview = quizzes.preview_gift_import(GOOD_GIFT)
    assert (preview.ok, preview.counts, preview.titles) == (
        True,
        {"single_choice": 1, "true_false": 1},
        ("Hälsning", "Tystnad"),
    )
    with session_scope(demo) as s:
        assert quizzes.import_gift(s, trainer, built.quiz_id, GOOD_GIFT) == 2
        detail = quizzes.get_quiz(s, trainer, built.quiz_id)
    assert [(q.position, q.kind, q.title) for q in detail.questions] == [
        (1, "single_choice", "Hälsning"),
        (2, "true_false", "Tystnad"),
    ]
    assert detail.questions[0].data["options"][0] == {
        "text": "Med namn",
        "weight": 1.0,
        "feedback": "Bra",
    }


def test_the_demo_quiz_survives_export_and_import(demo):
    built = build_course(demo, questions=(), publish=False)
    copy = build_course(demo, questions=(), title="Kopia", publish=False)
    trainer = actor(demo, "utbildare@demo.se")
    with session_scope(demo) as s:
        assert quizzes.import_gift(s, trainer, built.quiz_id, demo_path().read_text("utf-8")) == 12
        exported = quizzes.export_gift(s, trainer, built.quiz_id)
        quizzes.import_gift(s, trainer, copy.quiz_id, exported)
        original = quizzes.get_quiz(s, trainer, built.quiz_id).questions
        again = quizzes.get_quiz(s, trainer, copy.quiz_id).questions
    assert [(q.kind, q.title, q.text, q.data) for q in again] == [
        (q.kind, q.title, q.text, q.data) for q in original
    ]
    assert {q.kind for q in original} == {
        "description", "single_choice", "multiple_choice", "true_false", "short_answer",
        "matching", "numerical", "essay",
    }  # fmt: skip


def test_enrolling_a_unit_enrols_its_active_people_as_they_are_now(demo):
    built = build_course(demo, participants=())
    trainer = actor(demo, "utbildare@demo.se")
    with session_scope(demo) as s:
        s.execute(update(User).where(User.email == "ahmed.yusuf@demo.se").values(active=False))
        top = s.scalar(select(Unit.id).where(Unit.name == "Kommunledningsförvaltningen"))
    with session_scope(demo) as s:
        added = cohorts.enrol_unit(s, trainer, built.cohort_id, top)
    with session_scope(demo) as s:
        again = cohorts.enrol_unit(s, trainer, built.cohort_id, top)
        detail = cohorts.get_cohort(s, trainer, built.cohort_id)
    names = [p.name for p in detail.participants]
    # Servicecenter and Kommunsupport sit under the förvaltning; Ahmed is inactive. Karl,
    # Omar, Petra and Sofia are the survey demo's extra colleagues at Servicecenter.
    assert names == [
        "Anna Lindqvist", "Erik Johansson", "Johan Ek", "Karin Berg", "Karl Berglund",
        "Leila Hassan", "Maria Svensson", "Omar Ali", "Petra Lind", "Sara Nilsson",
        "Sofia Nyberg",
    ]  # fmt: skip
    assert (added, again) == (11, 0)
    assert [t.name for t in detail.trainers] == ["Karin Berg"]


def test_my_courses_puts_what_is_due_first(demo):
    trainer = actor(demo, "utbildare@demo.se")
    first = build_course(demo, title="Utan deadline")
    second = build_course(demo, title="Med deadline")
    sara = user_id(demo, "medarbetare@demo.se")
    with session_scope(demo) as s:
        soon = cohorts.create_cohort(
            s, trainer, course_id=second.course_id, name="Snart", starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31), deadline=date(2026, 2, 1),
        )  # fmt: skip
        cohorts.enrol_users(s, trainer, soon, [sara])
    with session_scope(demo) as s:
        mine = cohorts.my_courses(s, actor(demo, "medarbetare@demo.se"))
    assert [(c.course_title, c.cohort_name) for c in mine] == [
        ("Med deadline", "Snart"),
        ("Bemötande i telefon", "Bemötande i telefon – Servicecenter våren 2026"),
        ("Klarspråk i mejl", "Klarspråk i mejl – Servicecenter"),
        ("Utan deadline", "Våren"),
    ]  # "Med deadline" once: its cohort with the first deadline
    assert first.course_id != second.course_id
    with pytest.raises(ValidationError) as refused, session_scope(demo) as s:
        cohorts.create_cohort(
            s, trainer, course_id=first.course_id, name="Baklänges",
            starts_on=date(2026, 5, 1), ends_on=date(2026, 4, 1),
        )  # fmt: skip
    assert refused.value.message == "Slutdatum kan inte ligga före startdatum."


def test_a_course_never_run_is_deleted_whole_and_one_with_cohorts_is_kept(demo):
    from academy.courses.models import Course, CourseModule, Lesson, Question, Quiz

    trainer = actor(demo, "utbildare@demo.se")
    with session_scope(demo) as s:
        course_id = authoring.create_course(s, trainer, title="Testkurs som ska bort")
        module_id = authoring.add_module(s, trainer, course_id, title="Modul")
        authoring.add_lesson(s, trainer, module_id, title="Lektion")
        quiz_id = quizzes.create_quiz(s, trainer, module_id, title="Quiz")
        quizzes.import_gift(s, trainer, quiz_id, GOOD_GIFT)
    with pytest.raises(AccessDenied), session_scope(demo) as s:
        authoring.delete_course(s, actor(demo, "medarbetare@demo.se"), course_id)
    with session_scope(demo) as s:
        row = next(c for c in authoring.list_courses(s, trainer) if c.id == course_id)
        assert row.cohort_count == 0
        assert authoring.delete_course(s, trainer, course_id) == "Testkurs som ska bort"
    with session_scope(demo) as s:
        assert s.get(Course, course_id) is None
        assert (
            s.scalars(select(CourseModule).where(CourseModule.course_id == course_id)).all() == []
        )
        assert s.scalars(select(Lesson).where(Lesson.module_id == module_id)).all() == []
        assert s.scalars(select(Quiz).where(Quiz.id == quiz_id)).all() == []
        assert s.scalars(select(Question).where(Question.quiz_id == quiz_id)).all() == []

    built = build_course(demo)  # a course with a cohort and a participant
    with session_scope(demo) as s:
        row = next(c for c in authoring.list_courses(s, trainer) if c.id == built.course_id)
        assert row.cohort_count == 1
    refused = pytest.raises(ValidationError, match="har kursomgångar och kan inte tas bort")
    with refused, session_scope(demo) as s:
        authoring.delete_course(s, trainer, built.course_id)
    with session_scope(demo) as s:
        assert s.get(Course, built.course_id) is not None
