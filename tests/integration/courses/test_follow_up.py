import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import event

from academy.core.db import session_scope
from academy.core.errors import AccessDenied, ValidationError
from academy.core.models import User
from academy.courses import cohorts, exports, progress, taking
from academy.courses.certificate import course_certificate
from academy.courses.models import LessonRead, QuizAttempt
from tests.integration.courses.builders import ESSAY, SINGLE, actor, build_course

FOUR = ("medarbetare@demo.se", "johan.ek@demo.se", "leila.hassan@demo.se", "ahmed.yusuf@demo.se")


def _take(engine, email, built, answers, read=True):
    who = actor(engine, email)
    with session_scope(engine) as s:
        if read:
            for lesson in (*built.lessons_a, built.lesson_b):
                taking.mark_lesson_read(s, who, lesson)
        if answers is None:
            return None
        attempt = taking.start_attempt(s, who, built.quiz_id)
        for question_id, response in answers.items():
            taking.answer_question(s, who, attempt.id, question_id, response)
        return taking.submit_attempt(s, who, attempt.id)


@pytest.fixture
def followed(demo):
    """Sara passes; Johan fails once; Leila read module A only; Ahmed has done nothing."""
    built = build_course(demo, participants=FOUR)
    single, true_false = built.question_ids
    _take(demo, "medarbetare@demo.se", built, {single: 0, true_false: True})
    _take(demo, "johan.ek@demo.se", built, {single: 1, true_false: True})
    leila = actor(demo, "leila.hassan@demo.se")
    with session_scope(demo) as s:
        for lesson in built.lessons_a:
            taking.mark_lesson_read(s, leila, lesson)
    return demo, built


def test_progress_matrix_with_filters_and_counts(followed):
    engine, built = followed
    trainer = actor(engine, "utbildare@demo.se")
    with session_scope(engine) as s:
        matrix = progress.progress_matrix(s, trainer, built.cohort_id)
        only_done = progress.progress_matrix(s, trainer, built.cohort_id, status="completed")
        by_name = progress.progress_matrix(s, trainer, built.cohort_id, name="LEI")
        module_b_started = progress.progress_matrix(
            s, trainer, built.cohort_id, status="in_progress", module_id=built.module_b
        )
    assert [(r.name, r.statuses, r.course_status) for r in matrix.rows] == [
        ("Ahmed Yusuf", ("not_started", "not_started"), "not_started"),
        ("Johan Ek", ("completed", "in_progress"), "in_progress"),
        ("Leila Hassan", ("completed", "not_started"), "in_progress"),
        ("Sara Nilsson", ("completed", "completed"), "completed"),
    ]
    assert matrix.counts == {"not_started": 1, "in_progress": 2, "completed": 1, "failed": 0}
    assert matrix.module_counts[built.module_a]["completed"] == 3
    assert [r.name for r in only_done.rows] == ["Sara Nilsson"]
    assert [r.name for r in by_name.rows] == ["Leila Hassan"]
    assert [r.name for r in module_b_started.rows] == ["Johan Ek"]
    with pytest.raises(AccessDenied), session_scope(engine) as s:
        progress.progress_matrix(s, actor(engine, "medarbetare@demo.se"), built.cohort_id)


def _statements_for_matrix(engine, cohort_id, trainer) -> int:
    statements = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        with session_scope(engine) as s:
            matrix = progress.progress_matrix(s, trainer, cohort_id)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return len(statements), len(matrix.rows)


def _add_participants(engine, built, number, prefix):
    """Many participants, half with a lesson read and an attempt, added directly for speed."""
    with session_scope(engine) as s:
        users = [
            User(name=f"{prefix} {i:03}", email=f"{prefix}{i}@test.se", password_hash="x")
            for i in range(number)
        ]
        s.add_all(users)
        s.flush()
        for i, user in enumerate(users):
            if i % 2:
                s.add(LessonRead(user_id=user.id, lesson_id=built.lessons_a[0]))
                s.add(
                    QuizAttempt(
                        quiz_id=built.quiz_id,
                        user_id=user.id,
                        number=1,
                        status="submitted",
                        score_percent=50.0,
                        passed=False,
                    )
                )
        ids = [user.id for user in users]
    with session_scope(engine) as s:
        cohorts.enrol_users(s, actor(engine, "utbildare@demo.se"), built.cohort_id, ids)


def test_progress_matrix_costs_the_same_for_10_and_200_participants(demo):
    trainer = actor(demo, "utbildare@demo.se")
    small = build_course(demo, participants=(), title="Liten")
    large = build_course(demo, participants=(), title="Stor")
    _add_participants(demo, small, 10, "liten")
    _add_participants(demo, large, 200, "stor")
    small_count, small_rows = _statements_for_matrix(demo, small.cohort_id, trainer)
    large_count, large_rows = _statements_for_matrix(demo, large.cohort_id, trainer)
    assert (small_rows, large_rows) == (10, 200)
    assert small_count == large_count
    # Two of them check that the actor leads the cohort; four read the course's shape (one
    # when it is kept, see test_kept_shapes).
    assert small_count <= 10
    print(f"progress matrix: {small_count} statements for 10, {large_count} for 200")


def test_item_analysis_shows_share_correct_and_most_chosen_wrong_answer(followed):
    engine, built = followed
    _take(engine, "ahmed.yusuf@demo.se", built, {built.question_ids[0]: 1})
    with session_scope(engine) as s:
        stats = progress.item_analysis(s, actor(engine, "utbildare@demo.se"), built.quiz_id)
    single, true_false = stats
    assert (single.answered, single.correct, single.share_correct) == (3, 1, 0.3333)
    assert (single.most_chosen_wrong, single.most_chosen_wrong_count) == ("Hallå?", 2)
    # Ahmed left the true/false question blank: it counts as answered, not correct.
    assert (true_false.answered, true_false.correct, true_false.most_chosen_wrong) == (3, 2, None)


def test_grading_an_essay_scores_the_attempt_and_can_complete_the_module(demo):
    built = build_course(demo, questions=(SINGLE, ESSAY), pass_mark=75)
    single, essay = built.question_ids
    result = _take(demo, "medarbetare@demo.se", built, {single: 0, essay: "Jag sammanfattar."})
    assert result.passed is None
    trainer = actor(demo, "utbildare@demo.se")
    with session_scope(demo) as s:
        pending = progress.pending_essays(s, trainer, built.quiz_id, built.cohort_id)
    assert [(p.user_name, p.response) for p in pending] == [("Sara Nilsson", "Jag sammanfattar.")]
    with pytest.raises(ValidationError) as refused, session_scope(demo) as s:
        progress.grade_essay(s, trainer, pending[0].answer_id, fraction=1.5)
    assert refused.value.message == "Bedömningen måste vara en andel mellan 0 och 1 (0–100 %)."
    with session_scope(demo) as s:
        graded = progress.grade_essay(s, trainer, pending[0].answer_id, fraction=0.5)
    assert (graded.score_percent, graded.passed) == (75.0, True)
    sara = actor(demo, "medarbetare@demo.se")
    with session_scope(demo) as s:
        outline = taking.course_outline(s, sara, built.course_id)
        view = taking.get_attempt(s, sara, result.id)
        assert progress.pending_essays(s, trainer, built.quiz_id, built.cohort_id) == []
    assert outline.status == "completed"
    assert view.questions[1].feedback.fraction == 0.5


def test_progress_and_results_export_as_csv_and_xlsx(followed):
    engine, built = followed
    trainer = actor(engine, "utbildare@demo.se")
    with session_scope(engine) as s:
        progress_csv = exports.progress_csv(s, trainer, built.cohort_id)
        results_csv = exports.results_csv(s, trainer, built.cohort_id)
        progress_xlsx = exports.progress_xlsx(s, trainer, built.cohort_id)
        results_xlsx = exports.results_xlsx(s, trainer, built.cohort_id)
    assert progress_csv.startswith(b"\xef\xbb\xbf")
    lines = progress_csv.decode("utf-8-sig").splitlines()
    assert lines[0] == "Namn;E-post;Enhet;Grunder;Fördjupning;Kursen"
    assert lines[4] == "Sara Nilsson;medarbetare@demo.se;Servicecenter;Klar;Klar;Klar"
    results = results_csv.decode("utf-8-sig").splitlines()
    assert results[0] == "Namn;E-post;Modul;Quiz;Försök;Resultat (%);Godkänd;Inlämnat"
    assert results[1].startswith("Johan Ek;johan.ek@demo.se;Fördjupning;Kunskapstest;1;50,0;Nej;")
    assert results[2].startswith(
        "Sara Nilsson;medarbetare@demo.se;Fördjupning;Kunskapstest;1;100,0;Ja;"
    )

    sheet = load_workbook(io.BytesIO(progress_xlsx)).active
    assert sheet.title == "Framsteg"
    assert [c.value for c in sheet[1]] == [
        "Namn",
        "E-post",
        "Enhet",
        "Grunder",
        "Fördjupning",
        "Kursen",
    ]
    assert [c.value for c in sheet[3]][0::3] == ["Johan Ek", "Klar"]
    sheet = load_workbook(io.BytesIO(results_xlsx)).active
    assert [c.value for c in sheet[3]][:7] == [
        "Sara Nilsson",
        "medarbetare@demo.se",
        "Fördjupning",
        "Kunskapstest",
        1,
        100.0,
        "Ja",
    ]
    with pytest.raises(AccessDenied), session_scope(engine) as s:
        exports.progress_csv(s, actor(engine, "medarbetare@demo.se"), built.cohort_id)


def test_certificate_only_when_the_course_is_completed(followed):
    engine, built = followed
    with session_scope(engine) as s:
        pdf = course_certificate(s, actor(engine, "medarbetare@demo.se"), built.course_id)
    assert pdf.startswith(b"%PDF")
    with pytest.raises(ValidationError) as refused, session_scope(engine) as s:
        course_certificate(s, actor(engine, "johan.ek@demo.se"), built.course_id)
    assert (
        refused.value.message
        == "Intyget kan hämtas först när alla moduler som krävs i kursen är klara."
    )
    sara_id = actor(engine, "medarbetare@demo.se").id
    with pytest.raises(AccessDenied), session_scope(engine) as s:
        course_certificate(s, actor(engine, "johan.ek@demo.se"), built.course_id, user_id=sara_id)
    with session_scope(engine) as s:
        trainer = actor(engine, "utbildare@demo.se")
        assert course_certificate(s, trainer, built.course_id, user_id=sara_id)[:4] == b"%PDF"
