import pytest

from academy.core.db import session_scope
from academy.core.errors import AccessDenied, ValidationError
from academy.courses import taking
from tests.integration.courses.builders import ESSAY, SINGLE, actor, build_course


def _read(engine, who, lesson_id):
    with session_scope(engine) as s:
        taking.mark_lesson_read(s, who, lesson_id)


def _attempt(engine, who, built, answers, submit=True):
    with session_scope(engine) as s:
        attempt = taking.start_attempt(s, who, built.quiz_id)
        for question_id, response in answers.items():
            taking.answer_question(s, who, attempt.id, question_id, response)
        if submit:
            return taking.submit_attempt(s, who, attempt.id)
        return attempt


def test_a_learner_takes_the_course_end_to_end(demo):
    built = build_course(demo)
    sara = actor(demo, "medarbetare@demo.se")
    with session_scope(demo) as s:
        start = taking.resume_point(s, sara, built.course_id)
    assert (start.module_id, start.lesson_id, start.done) == (
        built.module_a,
        built.lessons_a[0],
        False,
    )

    _read(demo, sara, built.lessons_a[0])
    _read(demo, sara, built.lessons_a[0])  # reading again changes nothing
    with session_scope(demo) as s:
        assert taking.resume_point(s, sara, built.course_id).lesson_id == built.lessons_a[1]
    _read(demo, sara, built.lessons_a[1])
    _read(demo, sara, built.lesson_b)
    with session_scope(demo) as s:
        point = taking.resume_point(s, sara, built.course_id)
        outline = taking.course_outline(s, sara, built.course_id)
    assert (point.module_id, point.lesson_id, point.quiz_id) == (
        built.module_b,
        None,
        built.quiz_id,
    )
    assert [m.status for m in outline.modules] == ["completed", "in_progress"]

    single, true_false = built.question_ids
    failed = _attempt(demo, sara, built, {single: 1})
    assert (failed.score_percent, failed.passed, failed.number) == (0.0, False, 1)
    # Feedback at the end: shown after submitting, for the chosen answer only.
    assert failed.questions[0].feedback.feedback == ("För kort.",)
    assert failed.questions[1].feedback.fraction == 0.0

    passed = _attempt(demo, sara, built, {single: 0, true_false: True})
    assert (passed.score_percent, passed.passed, passed.number) == (100.0, True, 2)
    with session_scope(demo) as s:
        outline = taking.course_outline(s, sara, built.course_id)
        point = taking.resume_point(s, sara, built.course_id)
    assert outline.status == "completed"
    assert [m.status for m in outline.modules] == ["completed", "completed"]
    assert point.done and point.module_id is None


def test_prerequisite_cannot_be_skipped(demo):
    built = build_course(demo)
    sara = actor(demo, "medarbetare@demo.se")
    with pytest.raises(AccessDenied) as refused, session_scope(demo) as s:
        taking.start_attempt(s, sara, built.quiz_id)
    assert refused.value.message == "Modulen ”Grunder” måste vara klar innan du kan börja här."
    with pytest.raises(AccessDenied), session_scope(demo) as s:
        taking.mark_lesson_read(s, sara, built.lesson_b)


def test_attempts_cannot_exceed_the_limit_and_exhaustion_fails_the_module(demo):
    built = build_course(demo, attempts_allowed=2)
    sara = actor(demo, "medarbetare@demo.se")
    for lesson in built.lessons_a:
        _read(demo, sara, lesson)
    single, _ = built.question_ids
    _attempt(demo, sara, built, {single: 1})
    _attempt(demo, sara, built, {single: 1})
    with pytest.raises(ValidationError) as refused, session_scope(demo) as s:
        taking.start_attempt(s, sara, built.quiz_id)
    assert refused.value.message.startswith("Du har använt alla 2 försök")
    with session_scope(demo) as s:
        outline = taking.course_outline(s, sara, built.course_id)
    assert [m.status for m in outline.modules] == ["completed", "failed"]
    assert outline.status == "failed"


def test_an_open_attempt_is_resumed_not_duplicated(demo):
    built = build_course(demo, attempts_allowed=1)
    sara = actor(demo, "medarbetare@demo.se")
    for lesson in built.lessons_a:
        _read(demo, sara, lesson)
    first = _attempt(demo, sara, built, {built.question_ids[0]: 0}, submit=False)
    with session_scope(demo) as s:
        again = taking.start_attempt(s, sara, built.quiz_id)
    assert again.id == first.id
    assert again.questions[0].response == 0
    assert again.questions[0].feedback is None  # feedback mode "end": nothing before submitting


def test_no_one_may_answer_or_submit_for_someone_else(demo):
    built = build_course(demo, participants=("medarbetare@demo.se", "johan.ek@demo.se"))
    sara, johan = actor(demo, "medarbetare@demo.se"), actor(demo, "johan.ek@demo.se")
    for lesson in built.lessons_a:
        _read(demo, sara, lesson)
    attempt = _attempt(demo, sara, built, {}, submit=False)
    with pytest.raises(AccessDenied) as refused, session_scope(demo) as s:
        taking.answer_question(s, johan, attempt.id, built.question_ids[0], 0)
    assert refused.value.message == "Försöket tillhör någon annan."
    with pytest.raises(AccessDenied), session_scope(demo) as s:
        taking.submit_attempt(s, johan, attempt.id)
    with pytest.raises(AccessDenied), session_scope(demo) as s:
        taking.get_attempt(s, johan, attempt.id)
    with session_scope(demo) as s:  # the trainer may look
        assert taking.get_attempt(s, actor(demo, "utbildare@demo.se"), attempt.id).id == attempt.id


def test_unpublished_or_not_enrolled_courses_stay_closed(demo):
    draft = build_course(demo, publish=False, title="Utkast")
    published = build_course(demo, title="Publicerad")
    sara, leila = actor(demo, "medarbetare@demo.se"), actor(demo, "leila.hassan@demo.se")
    with pytest.raises(AccessDenied) as refused, session_scope(demo) as s:
        taking.open_lesson(s, sara, draft.lessons_a[0])
    assert refused.value.message == "Kursen är inte publicerad."
    with pytest.raises(AccessDenied) as refused, session_scope(demo) as s:
        taking.course_outline(s, leila, published.course_id)
    assert refused.value.message == "Du är inte inskriven på kursen."
    with pytest.raises(AccessDenied), session_scope(demo) as s:
        taking.mark_lesson_read(s, leila, published.lessons_a[0])


def test_immediate_feedback_comes_with_the_answer_and_locks_it(demo):
    built = build_course(demo, feedback_mode="immediate")
    sara = actor(demo, "medarbetare@demo.se")
    for lesson in built.lessons_a:
        _read(demo, sara, lesson)
    with session_scope(demo) as s:
        attempt = taking.start_attempt(s, sara, built.quiz_id)
        feedback = taking.answer_question(s, sara, attempt.id, built.question_ids[1], False)
    assert (feedback.correct, feedback.feedback) == (False, ("Jo, det är bra.",))
    with pytest.raises(ValidationError), session_scope(demo) as s:
        taking.answer_question(s, sara, attempt.id, built.question_ids[1], True)


def test_an_essay_keeps_the_attempt_pending(demo):
    built = build_course(demo, questions=(SINGLE, ESSAY))
    sara = actor(demo, "medarbetare@demo.se")
    for lesson in (*built.lessons_a, built.lesson_b):
        _read(demo, sara, lesson)
    single, essay = built.question_ids
    result = _attempt(demo, sara, built, {single: 0, essay: "Jag sammanfattar och dokumenterar."})
    assert (result.status, result.score_percent, result.passed) == ("submitted", None, None)
    assert result.pending_grading
    assert result.questions[1].feedback.pending
    with session_scope(demo) as s:
        outline = taking.course_outline(s, sara, built.course_id)
    assert outline.modules[1].status == "in_progress"
