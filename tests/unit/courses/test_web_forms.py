"""The course forms' parsing and the view rows: pure functions, no database, no Reflex."""

from dataclasses import replace
from datetime import date, datetime

import pytest

from academy.core.errors import ValidationError
from academy.courses.cohorts import Meeting
from academy.courses.web import cohort_view, forms, view


def _refused(call, *args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        call(*args, **kwargs)
    return info.value


def test_days_are_iso_dates_and_name_their_field():
    assert forms.parse_day(" 2026-03-02 ", "startdatum") == date(2026, 3, 2)
    assert forms.parse_day("", "sista dag", required=False) is None
    missing = _refused(forms.parse_day, "", "startdatum", field="starts_on")
    assert (missing.message, missing.field) == ("Ange startdatum.", "starts_on")
    bad = _refused(forms.parse_day, "2 mars", "slutdatum", field="ends_on")
    assert (bad.message, bad.field) == ("Slutdatum måste vara ett datum (ÅÅÅÅ-MM-DD).", "ends_on")


def test_meeting_lines_are_read_and_a_bad_line_is_named():
    text = "2026-03-02 09:00 Stadshuset, rum Ljusgården\n\n2026-03-09 13:30"
    assert forms.parse_meetings(text) == [
        Meeting(datetime(2026, 3, 2, 9, 0), "Stadshuset, rum Ljusgården"),
        Meeting(datetime(2026, 3, 9, 13, 30), ""),
    ]
    bad = _refused(forms.parse_meetings, "2026-03-02 09:00 Här\nnästa tisdag")
    assert bad.message == "Träff på rad 2 måste börja med datum och klockslag (ÅÅÅÅ-MM-DD TT:MM)."
    assert bad.field == "meetings"


def test_whole_numbers_and_quiz_settings():
    assert forms.parse_whole(" -3 ", "Antal") == -3
    settings = forms.quiz_settings(
        {"title": "Koll", "pass_mark": "80", "attempts": "0", "feedback_mode": "end"}
    )
    assert settings == forms.QuizSettings("Koll", 80, 0, "end", "after_attempt", False, "highest")
    chosen = forms.quiz_settings(
        {
            "title": "Koll",
            "pass_mark": "80",
            "attempts": "3",
            "feedback_mode": "end",
            "review_mode": "when_done",
            "shuffle_options": "on",
            "grading_method": "last",
        }
    )
    assert (chosen.review_mode, chosen.shuffle_options, chosen.grading_method) == (
        "when_done",
        True,
        "last",
    )
    bad = _refused(forms.quiz_settings, {"pass_mark": "80", "attempts": "2,5"})
    assert (bad.message, bad.field) == ("Antal försök måste vara ett heltal.", "attempts")


def test_checkboxes_select_ids_and_cohort_fields_are_typed():
    form = {
        "name": "Hösten",
        "starts_on": "2026-09-01",
        "ends_on": "2026-12-31",
        "deadline": "",
        "t-7": "on",
        "t-3": "on",
        "t-9": "",
        "t-x": "on",
        "meetings": "2026-09-10 09:00 Teams",
    }
    fields = forms.cohort_fields(form, "t-")
    assert fields.trainer_ids == [3, 7]
    assert (fields.starts_on, fields.ends_on, fields.deadline) == (
        date(2026, 9, 1),
        date(2026, 12, 31),
        None,
    )
    assert fields.meetings == [Meeting(datetime(2026, 9, 10, 9, 0), "Teams")]
    assert forms.optional_id("12") == 12 and forms.optional_id("") is None


def test_essay_grades_lessons_and_images():
    assert forms.grade({"answer_id": "4", "percent": "75,5", "feedback": "Bra"}) == forms.Grade(
        4, 0.755, "Bra"
    )
    bad = _refused(forms.grade, {"answer_id": "4", "percent": "mycket"})
    assert (bad.message, bad.field) == ("Ange poängen i procent, 0–100.", "percent")
    lesson = forms.lesson_fields({"title": "T", "content": "*x*", "video_url": "https://v"})
    assert lesson == forms.LessonFields("T", "*x*", "https://v")
    assert forms.image_alt(" Skärm [bild]\n av ") == "Skärm bild av"
    assert forms.image_alt("[]") == "Bild"


def test_quiz_responses_take_the_shape_the_service_expects():
    assert forms.quiz_response("multiple_choice", {"c-2": "on", "c-0": "on"}, 0) == [0, 2]
    assert forms.quiz_response("single_choice", {"answer": "1"}, 0) == 1
    assert forms.quiz_response("true_false", {"answer": "false"}, 0) is False
    assert forms.quiz_response("matching", {"m-0": "Lyssna", "m-1": ""}, 2) == ["Lyssna", None]
    assert forms.quiz_response("short_answer", {"answer": " Tack "}, 0) == "Tack"
    assert forms.quiz_response("essay", {}, 0) is None
    assert forms.quiz_response("multiple_choice", {}, 0) is None
    assert forms.quiz_response("matching", {"m-0": "", "m-1": ""}, 2) is None


def test_every_answer_in_the_one_quiz_form_is_read():
    form = {
        "q7-answer": "1",
        "q8-c-0": "on",
        "q8-c-3": "on",
        "q9-answer": "  Jag lyssnar först. ",
        "q10-answer": "",
        "q11-m-1": "Lyssna",
        "confirmed": "1",
    }
    questions = [
        (7, "single_choice", 0),
        (8, "multiple_choice", 0),
        (9, "essay", 0),
        (10, "short_answer", 0),
        (11, "matching", 2),
    ]
    assert forms.quiz_responses(form, questions) == {
        7: 1,
        8: [0, 3],
        9: "Jag lyssnar först.",
        11: [None, "Lyssna"],
    }


def test_view_moves_and_labels():
    assert view.swapped([1, 2, 3], 3, -1) == [1, 3, 2]
    assert view.swapped([1, 2, 3], 1, -1) is None
    assert view.swapped([1, 2, 3], 9, 1) is None
    assert view.attempts_text(1, 0) == "1 försök gjorda (obegränsat antal)"
    assert (
        view.meeting_label(Meeting(datetime(2026, 3, 2, 9, 0), "Teams")) == "2026-03-02 09:00 Teams"
    )
    assert view.swedish_day(None) == ""


def test_item_analysis_rows_say_what_is_unknown():
    from academy.courses.progress import ItemStats

    rows = cohort_view.item_lines(
        [
            ItemStats(1, 1, "Hälsning", "single_choice", 4, 3, 0.75, "Hallå?", 1),
            ItemStats(2, 2, "Avslut", "essay", 0, 0, None, None, 0),
        ]
    )
    assert rows == (
        cohort_view.ItemLine(1, "Hälsning", 4, "75 %", "Hallå? (1)"),
        cohort_view.ItemLine(2, "Avslut", 0, "–", "–"),
    )


def test_a_quiz_question_row_shows_the_choices_and_the_feedback():
    from academy.courses.taking import AnswerFeedback, AttemptQuestion
    from academy.courses.web import quiz_view

    feedback = AnswerFeedback(0.5, False, False, ("Nästan", ""), "Läs igen")
    question = AttemptQuestion(
        7, "multiple_choice", "", "Vad frågar du?", "", 2.0, ("Namn", "Ärende"), (), [1], feedback
    )
    row = quiz_view.quiz_question(question, 3)
    answer = quiz_view.quiz_answer(question, locked=False)
    assert [(c.name, c.label) for c in row.choices] == [("q7-c-0", "Namn"), ("q7-c-1", "Ärende")]
    assert answer.checked == (False, True)
    assert (row.number, row.points, answer.locked, answer.answered) == (3, "2 poäng", True, True)
    assert (answer.verdict, answer.verdict_kind, answer.feedback) == (
        "Delvis rätt: 50 % av poängen.",
        "partial",
        ("Nästan",),
    )
    assert quiz_view.attempts_text(1, 3, 2) == "Du har gjort 1 av 3 försök. Försök kvar: 2."
    assert quiz_view.attempts_text(4, 0, None) == (
        "Du har gjort 4 försök. Antalet försök är obegränsat."
    )


def test_each_verdict_has_its_own_words_and_kind_and_an_essay_is_never_wrong():
    from academy.courses.taking import AnswerFeedback
    from academy.courses.web.quiz_view import verdict

    assert verdict(AnswerFeedback(1.0, True, False, (), "")) == ("Rätt svar.", "right")
    assert verdict(AnswerFeedback(0.0, False, False, (), "")) == ("Fel svar.", "wrong")
    assert verdict(AnswerFeedback(0.25, False, False, (), "")) == (
        "Delvis rätt: 25 % av poängen.",
        "partial",
    )
    assert verdict(AnswerFeedback(None, False, True, (), "", essay=True)) == (
        "Väntar på bedömning av utbildaren.",
        "pending",
    )
    assert verdict(AnswerFeedback(0.0, False, False, (), "", essay=True)) == (
        "Bedömd av utbildaren: 0 % av poängen.",
        "graded",
    )


def test_shuffled_options_keep_their_values_and_a_missing_word_question_has_a_gap():
    from academy.courses.taking import AttemptQuestion, choice_order
    from academy.courses.web import quiz_view

    order = choice_order(41, 7, 5, shuffle=True)
    assert order == choice_order(41, 7, 5, shuffle=True)  # a reload keeps the order
    assert sorted(order) == [0, 1, 2, 3, 4]
    assert {choice_order(n, 7, 5, shuffle=True) for n in range(1, 20)} != {order}
    assert choice_order(41, 7, 5, shuffle=False) == (0, 1, 2, 3, 4)

    question = AttemptQuestion(
        7,
        "single_choice",
        "",
        "Ring tillbaka",
        "dagar efter samtalet.",
        1.0,
        ("två", "tre", "sju"),
        (),
        None,
        None,
        order=(2, 0, 1),
    )
    row = quiz_view.quiz_question(question, 1)
    assert [(c.value, c.label) for c in row.choices] == [("2", "sju"), ("0", "två"), ("1", "tre")]
    chosen = quiz_view.quiz_answer(replace(question, response=0), locked=False)
    assert chosen.checked == (False, True, False)  # "två", shown second
    assert row.gap and row.text == "Ring tillbaka" and row.text_after == "dagar efter samtalet."


def test_unanswered_questions_are_named_before_handing_in():
    from academy.courses.web.quiz_view import unanswered_text

    assert unanswered_text([]) == ""
    assert unanswered_text([2]) == "Fråga 2 är obesvarad. Lämna in ändå? Den räknas då som fel."
    assert unanswered_text([1, 3, 4]) == (
        "Fråga 1, 3 och 4 är obesvarade. Lämna in ändå? De räknas då som fel."
    )


def test_right_answers_are_written_for_the_learner():
    from academy.courses.questions import right_answer

    options = {"options": [{"text": "Hallå", "weight": 0}, {"text": "Välkommen", "weight": 1}]}
    assert right_answer("single_choice", options) == "Välkommen"
    assert right_answer("true_false", {"correct": False}) == "Falskt"
    assert right_answer(
        "numerical", {"answers": [{"value": 3.5, "tolerance": 0.5, "weight": 1}]}
    ) == ("3,5 ± 0,5")
    pairs = {"pairs": [{"prompt": "Arg", "match": "Lyssna"}, {"prompt": "", "match": "Extra"}]}
    assert right_answer("matching", pairs) == "Arg → Lyssna"
    assert right_answer("essay", {}) == ""


def test_the_gift_preview_shows_the_questions_themselves():
    from academy.courses import quizzes
    from academy.courses.web import quiz_view

    preview = quizzes.preview_gift_import(
        "::Återkoppling:: Ring tillbaka inom {=två ~tre ~sju} arbetsdagar.\n\n"
        "::Avslut:: Hur avslutar du samtalet? {}\n\n"
        "Tystnad i luren är bra. {T}\n"
    )
    rows = quiz_view.gift_question_rows(preview)
    assert [(r.number, r.kind, r.text, r.choices, r.right) for r in rows] == [
        (
            1,
            "Flerval (ett svar)",
            "Återkoppling: Ring tillbaka inom _____ arbetsdagar.",
            "två · tre · sju",
            "två",
        ),
        (2, "Essä", "Avslut: Hur avslutar du samtalet?", "", "Bedöms av utbildaren"),
        (3, "Sant/falskt", "Tystnad i luren är bra.", "", "Sant"),
    ]
