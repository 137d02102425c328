"""Question authoring in the quiz editor: every kind, edit, reorder, refusals that save nothing."""

from academy.core.db import session_scope
from academy.courses import quizzes
from academy.courses.web.quiz_edit_state import QuizEditorState
from academy.courses.web.quiz_view import QuestionRow
from tests.integration.conftest import count
from tests.integration.courses.builders import actor, build_course
from tests.integration.test_states import logged_in

FORMS = {
    "single_choice": {"options": "Hallå?\n*Kommunen, Karin # Bra!\n50% Hej # Nästan"},
    "multiple_choice": {"options": "50% Namn\n50% Enhet # Ja\n-50% Personnummer # Nej"},
    "true_false": {"correct": "false", "feedback_true": "Nej.", "feedback_false": "Rätt."},
    "short_answer": {"answers": "Tack för att du väntade\n*Tack för väntan\n50% Tack # Kort"},
    "matching": {"pairs": "Arg -> Lyssna\nLedsen -> Bekräfta\n-> Avbryt"},
    "numerical": {"numbers": "3,5 ± 0,5 # Rätt\n50% 1..6 # Ungefär"},
    "essay": {},
}


def _editor(engine, quiz_id):
    editor = logged_in(QuizEditorState, "utbildare@demo.se")
    editor.quiz_id = quiz_id
    editor._clear_form()
    editor._run(editor._refresh)
    return editor


def _submit(editor, kind, **fields):
    form = {"kind": kind, "title": "", "text": f"Fråga om {kind}", "points": "2"}
    form["general_feedback"] = "Läs lektionen igen."
    editor.add_question({**form, **fields})


def _stored(engine, quiz_id):
    with session_scope(engine) as s:
        return quizzes.get_quiz(s, actor(engine, "utbildare@demo.se"), quiz_id).questions


def test_every_kind_is_authored_with_feedback_and_weights(demo):
    built = build_course(demo, questions=(), publish=False)
    editor = _editor(demo, built.quiz_id)
    for kind, fields in FORMS.items():
        _submit(editor, kind, **fields)
        assert (editor.error, editor.notice) == ("", "Frågan är tillagd."), kind
    stored = {q.kind: q for q in _stored(demo, built.quiz_id)}
    assert list(stored) == list(FORMS)
    assert stored["single_choice"].data["options"][1] == {
        "text": "Kommunen, Karin",
        "weight": 1.0,
        "feedback": "Bra!",
    }
    assert stored["single_choice"].data["options"][2]["weight"] == 0.5
    assert [o["weight"] for o in stored["multiple_choice"].data["options"]] == [0.5, 0.5, -0.5]
    assert stored["true_false"].data == {
        "correct": False,
        "feedback_true": "Nej.",
        "feedback_false": "Rätt.",
    }
    assert [(a["text"], a["weight"]) for a in stored["short_answer"].data["answers"]] == [
        ("Tack för att du väntade", 1.0),
        ("Tack för väntan", 1.0),
        ("Tack", 0.5),
    ]
    assert stored["matching"].data["pairs"][2] == {"prompt": "", "match": "Avbryt"}
    first, second = stored["numerical"].data["answers"]
    assert (first["value"], first["tolerance"], first["feedback"]) == (3.5, 0.5, "Rätt")
    assert (second["minimum"], second["maximum"], second["weight"]) == (1.0, 6.0, 0.5)
    assert stored["essay"].points == 2.0
    assert stored["essay"].general_feedback == "Läs lektionen igen."


def test_a_question_is_loaded_into_the_form_edited_and_saved(demo):
    built = build_course(demo, questions=(), publish=False)
    editor = _editor(demo, built.quiz_id)
    for kind in ("multiple_choice", "numerical", "matching"):
        _submit(editor, kind, **FORMS[kind])
    before = _stored(demo, built.quiz_id)
    for question in before:
        editor.edit_question(question.id)
        assert (editor.editing_id, editor.kind) == (question.id, question.kind)
        editor.add_question({**editor.question_form, "kind": editor.kind})
        assert (editor.error, editor.notice) == ("", "Frågan är sparad.")
    assert _stored(demo, built.quiz_id) == before  # the form reproduces every answer

    editor.edit_question(before[0].id)
    assert editor.question_form["options"] == "50% Namn\n50% Enhet # Ja\n-50% Personnummer # Nej"
    editor.add_question({**editor.question_form, "kind": "multiple_choice", "text": "Ny text"})
    after = _stored(demo, built.quiz_id)
    assert (after[0].text, after[0].id, len(after), editor.editing_id) == (
        "Ny text",
        before[0].id,
        3,
        0,
    )


def test_questions_are_reordered(demo):
    built = build_course(demo)
    editor = _editor(demo, built.quiz_id)
    first, second = built.question_ids
    editor.move_question(second, -1)
    assert editor.notice == "Frågornas ordning är sparad."
    assert [q.id for q in _stored(demo, built.quiz_id)] == [second, first]
    assert [row.id for row in editor.questions] == [second, first]


def test_bad_questions_are_refused_in_swedish_and_nothing_is_saved(demo):
    built = build_course(demo)
    editor = _editor(demo, built.quiz_id)
    before = count(demo, "course_questions")
    refusals = [
        ("single_choice", {"options": "Ja\nNej"}, "Frågan saknar rätt svar."),
        (
            "multiple_choice",
            {"options": "50% Ja\n30% Kanske\nNej"},
            "De positiva vikterna blir tillsammans 80 % men ska bli 100 %.",
        ),
        ("true_false", {}, "Ange om påståendet är sant eller falskt."),
        ("short_answer", {"answers": ""}, "Ange minst ett godtaget svar."),
        (
            "matching",
            {"pairs": "Arg Lyssna"},
            "Rad 1 i matchningsparen saknar -> mellan fråga och svar.",
        ),
        (
            "numerical",
            {"numbers": "ungefär tre"},
            "Rad 1 i de numeriska svaren: ”ungefär tre” är inte ett tal.",
        ),
        ("essay", {"text": " "}, "Frågetexten måste fyllas i."),
    ]
    for kind, fields, expected in refusals:
        _submit(editor, kind, **fields)
        assert editor.error == expected, kind
    assert count(demo, "course_questions") == before

    editor.edit_question(built.question_ids[0])
    editor.add_question({**editor.question_form, "kind": "single_choice", "options": "Ja\nNej"})
    assert editor.error == "Frågan saknar rätt svar."
    assert _stored(demo, built.quiz_id)[0].data["options"][0]["weight"] == 1.0


def test_an_employee_cannot_edit_or_reorder_questions(demo):
    built = build_course(demo)
    editor = logged_in(QuizEditorState, "medarbetare@demo.se")
    editor.quiz_id = built.quiz_id
    editor.questions = [
        QuestionRow(i, n, "", "", "1", n == 1, False)
        for n, i in enumerate(built.question_ids, start=1)
    ]
    editor.editing_id = built.question_ids[0]
    _submit(editor, "essay")
    assert editor.error == "Du har inte behörighet att göra detta."
    editor.move_question(built.question_ids[1], -1)
    assert editor.error == "Du har inte behörighet att göra detta."
    stored = _stored(demo, built.quiz_id)
    assert [(q.id, q.kind) for q in stored] == [
        (built.question_ids[0], "single_choice"),
        (built.question_ids[1], "true_false"),
    ]
