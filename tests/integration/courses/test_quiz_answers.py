"""Taking a quiz: every answer on screen counts, verdicts, review, pending essays, shuffling."""

from sqlalchemy import select

from academy.core.db import session_scope
from academy.courses import attempt_rows, progress, quizzes, taking
from academy.courses.models import AttemptAnswer
from academy.courses.questions import QuestionInput
from academy.courses.web.quiz_take_state import QuizTakeState
from tests.integration.courses.builders import ESSAY, SINGLE, TRUE_FALSE, actor, build_course
from tests.integration.test_states import logged_in


def _ready(demo, built, email="medarbetare@demo.se"):
    with session_scope(demo) as s:
        for lesson_id in built.lessons_a:
            taking.mark_lesson_read(s, actor(demo, email), lesson_id)
    state = logged_in(QuizTakeState, email)
    state.quiz_id = built.quiz_id
    state._run(lambda s, a: state._intro(taking.quiz_intro(s, a, built.quiz_id)))
    state.start()
    assert state.error == ""
    return state


def _hand_in(state, form):
    state.send({**form, "aim": "quiz"})


def test_answers_never_confirmed_one_by_one_count_when_handing_in(demo):
    built = build_course(demo, questions=(SINGLE, ESSAY), pass_mark=75)
    single, essay = built.question_ids
    sara = _ready(demo, built)
    # The learner picks the right option and writes an essay, then hands in at once.
    _hand_in(sara, {f"q{single}-answer": "0", f"q{essay}-answer": "Jag sammanfattar."})
    assert (sara.error, sara.notice, sara.submitted) == ("", "Quizet är inlämnat.", True)
    verdicts = [(a.verdict, a.verdict_kind) for a in sara.answers]
    assert verdicts == [
        ("Rätt svar.", "right"),
        ("Väntar på bedömning av utbildaren.", "pending"),
    ]
    with session_scope(demo) as s:
        view = taking.get_attempt(s, actor(demo, "medarbetare@demo.se"), sara.attempt_id)
    assert [q.response for q in view.questions] == [0, "Jag sammanfattar."]


def test_an_answer_sends_the_answers_again_not_the_questions(demo):
    built = build_course(demo, questions=(SINGLE, TRUE_FALSE, ESSAY))
    single, true_false, _essay = built.question_ids
    sara = _ready(demo, built)
    questions = list(sara.questions)
    sara._clean()
    sara.send({f"q{single}-answer": "0", "aim": f"question-{single}"})
    assert sara.error == "" and sara.answers[0].answered and not sara.answers[1].answered
    assert "answers" in sara.dirty_vars and "questions" not in sara.dirty_vars
    assert sara.questions == questions
    sara.send({f"q{true_false}-answer": "true", "aim": "quiz", "confirmed": "1"})
    assert sara.submitted and [a.locked for a in sara.answers] == [True] * 3
    assert "questions" not in sara.dirty_vars


def test_unanswered_questions_are_named_and_handing_in_asks_again(demo):
    built = build_course(demo, questions=(SINGLE, TRUE_FALSE, ESSAY))
    single, _true_false, _essay = built.question_ids
    sara = _ready(demo, built)
    _hand_in(sara, {f"q{single}-answer": "0"})
    assert sara.submitted is False
    assert sara.confirm_text == (
        "Fråga 2 och 3 är obesvarade. Lämna in ändå? De räknas då som fel."
    )
    assert sara.answers[0].answered  # saved while asking
    sara.keep_answering()
    assert sara.confirm_text == ""
    _hand_in(sara, {"confirmed": "1"})
    assert (sara.submitted, sara.notice) == (True, "Quizet är inlämnat.")


def test_the_button_s_aim_decides_where_the_message_goes_and_whether_to_hand_in(demo):
    built = build_course(demo, questions=(SINGLE, TRUE_FALSE))
    single, true_false = built.question_ids
    sara = _ready(demo, built)
    sara.send({f"q{single}-answer": "0", "aim": f"question-{single}"})
    assert (sara.notice, sara.message_at, sara.submitted) == (
        "Dina svar är sparade.",
        f"question-{single}",
        False,
    )
    # An aim naming no question on the page (a stale or made-up one) saves and never hands in.
    sara.send({f"q{true_false}-answer": "true", "aim": "question-999999", "confirmed": "1"})
    assert (sara.notice, sara.message_at, sara.submitted) == (
        "Dina svar är sparade.",
        "quiz",
        False,
    )
    assert all(a.answered for a in sara.answers)
    # No aim at all is the form's implicit submission: the hand-in button's.
    sara.send({"confirmed": "1"})
    assert (sara.notice, sara.submitted) == ("Quizet är inlämnat.", True)


def test_a_pending_essay_blocks_a_new_attempt_and_the_grade_and_comment_reach_the_learner(demo):
    built = build_course(demo, questions=(SINGLE, ESSAY), attempts_allowed=3)
    single, essay = built.question_ids
    sara = _ready(demo, built)
    _hand_in(sara, {f"q{single}-answer": "0", f"q{essay}-answer": "Jag sammanfattar."})
    assert sara.can_start is False
    assert sara.pending_text.startswith("Ett inlämnat försök väntar på bedömning")
    assert sara.result_kind == "pending"
    sara.start()
    assert sara.error == (
        "Ditt förra försök väntar på bedömning av utbildaren. "
        "Du kan göra ett nytt försök när det är bedömt."
    )
    trainer = actor(demo, "utbildare@demo.se")
    with session_scope(demo) as s:
        answer_id = progress.pending_essays(s, trainer, built.quiz_id, built.cohort_id)[0].answer_id
        progress.grade_essay(
            s, trainer, answer_id, fraction=0.0, feedback="Nämn nästa steg för invånaren."
        )

    again = logged_in(QuizTakeState, "medarbetare@demo.se")
    again._run(lambda s, a: again._intro(taking.quiz_intro(s, a, built.quiz_id)))
    again.show_attempt(again.history[-1].id)
    graded = again.answers[1]
    assert (graded.verdict, graded.verdict_kind) == (
        "Bedömd av utbildaren: 0 % av poängen.",
        "graded",
    )
    assert graded.grader_feedback == "Nämn nästa steg för invånaren."
    assert again.can_start and again.pending_text == ""


def test_right_answers_follow_the_quiz_review_setting(demo):
    built = build_course(demo, questions=(SINGLE,), attempts_allowed=2)
    (single,) = built.question_ids
    trainer = actor(demo, "utbildare@demo.se")

    def settings(review_mode):
        with session_scope(demo) as s:
            quizzes.update_quiz(
                s,
                trainer,
                built.quiz_id,
                title="Kunskapstest",
                pass_mark=60,
                attempts_allowed=2,
                feedback_mode="end",
                review_mode=review_mode,
            )

    settings("when_done")
    sara = _ready(demo, built)
    _hand_in(sara, {f"q{single}-answer": "1"})
    assert sara.answers[0].verdict == "Fel svar."
    assert sara.answers[0].right_answer == ""  # one attempt left: not yet
    sara.new_attempt()
    sara.start()
    _hand_in(sara, {f"q{single}-answer": "1"})
    assert sara.answers[0].right_answer == "Med kommunens namn och ditt namn"

    settings("never")
    sara.show_attempt(sara.history[0].id)
    assert (sara.answers[0].right_answer, sara.answers[0].feedback) == ("", ())
    settings("after_attempt")
    sara.show_attempt(sara.history[0].id)
    assert sara.answers[0].right_answer == "Med kommunens namn och ditt namn"


def test_options_are_shuffled_per_attempt_unless_turned_off(demo):
    many = QuestionInput(
        kind="single_choice",
        text="Vilken siffra?",
        data={
            "options": [
                {"text": str(n), "weight": 1.0 if n == 0 else 0.0, "feedback": ""} for n in range(8)
            ]
        },
    )
    built = build_course(demo, questions=(many,), attempts_allowed=0)
    sara = _ready(demo, built)
    first = [c.label for c in sara.questions[0].choices]
    sara._run(lambda s, a: sara._show(taking.start_attempt(s, a, built.quiz_id)))
    assert [c.label for c in sara.questions[0].choices] == first  # a reload keeps the order
    assert sorted(first) == [str(n) for n in range(8)]
    seen = {tuple(first)}
    for _ in range(3):
        _hand_in(sara, {f"q{built.question_ids[0]}-answer": "1"})
        sara.new_attempt()
        sara.start()
        seen.add(tuple(c.label for c in sara.questions[0].choices))
    assert len(seen) > 1
    with session_scope(demo) as s:
        quizzes.update_quiz(
            s,
            actor(demo, "utbildare@demo.se"),
            built.quiz_id,
            title="Kunskapstest",
            pass_mark=60,
            attempts_allowed=0,
            feedback_mode="end",
            shuffle_options=False,
        )
    sara._run(lambda s, a: sara._show(taking.start_attempt(s, a, built.quiz_id)))
    assert [c.label for c in sara.questions[0].choices] == [str(n) for n in range(8)]


def test_which_attempt_counts_follows_the_quiz_setting(demo):
    def module_status(built):
        with session_scope(demo) as s:
            outline = taking.course_outline(s, actor(demo, "medarbetare@demo.se"), built.course_id)
        return outline.modules[1].status

    for method, expected in (("highest", "completed"), ("last", "in_progress")):
        built = build_course(demo, questions=(SINGLE,), attempts_allowed=0, title=method)
        with session_scope(demo) as s:
            quizzes.update_quiz(
                s,
                actor(demo, "utbildare@demo.se"),
                built.quiz_id,
                title="Kunskapstest",
                pass_mark=60,
                attempts_allowed=0,
                feedback_mode="end",
                grading_method=method,
            )
        sara = _ready(demo, built)
        with session_scope(demo) as s:
            taking.mark_lesson_read(s, actor(demo, "medarbetare@demo.se"), built.lesson_b)
        _hand_in(sara, {f"q{built.question_ids[0]}-answer": "0"})  # passed
        sara.new_attempt()
        sara.start()
        _hand_in(sara, {f"q{built.question_ids[0]}-answer": "1"})  # then failed
        assert module_status(built) == expected
        assert sara.can_start is (method == "last")


def _answer_column(demo, attempt_id, column) -> dict:
    """Question id -> `column` of each saved answer of the attempt."""
    with session_scope(demo) as s:
        rows = s.execute(
            select(AttemptAnswer.question_id, column).where(AttemptAnswer.attempt_id == attempt_id)
        )
        return dict(rows.all())


def _answered_at(demo, attempt_id) -> dict:
    return _answer_column(demo, attempt_id, AttemptAnswer.answered_at)


def test_an_answer_sent_again_unchanged_keeps_the_time_it_was_given(demo):
    built = build_course(demo, questions=(SINGLE, TRUE_FALSE))
    single, true_false = built.question_ids
    sara = _ready(demo, built)
    sara.send({f"q{single}-answer": "1", "aim": f"question-{single}"})
    first = _answered_at(demo, sara.attempt_id)
    # The page sends every answer on it: the first again as it was, then changed.
    both = {f"q{single}-answer": "1", f"q{true_false}-answer": "true"}
    sara.send({**both, "aim": f"question-{true_false}"})
    second = _answered_at(demo, sara.attempt_id)
    assert second[single] == first[single]
    sara.send({**both, f"q{single}-answer": "0", "aim": f"question-{single}"})
    third = _answered_at(demo, sara.attempt_id)
    assert third[true_false] == second[true_false]
    assert third[single] > first[single]
    _hand_in(sara, {})  # the saved answers count: the changed one with its new score
    assert (sara.error, sara.submitted) == ("", True)
    with session_scope(demo) as s:
        view = taking.get_attempt(s, actor(demo, "medarbetare@demo.se"), sara.attempt_id)
    assert (view.score_percent, [q.response for q in view.questions]) == (100, [0, True])


def _fractions(demo, attempt_id) -> dict:
    return _answer_column(demo, attempt_id, AttemptAnswer.fraction)


def test_an_answer_sent_again_after_its_key_was_edited_gets_the_new_score(demo):
    built = build_course(demo, questions=(SINGLE, TRUE_FALSE))
    single = built.question_ids[0]
    sara = _ready(demo, built)
    form = {f"q{single}-answer": "1", "aim": f"question-{single}"}  # "Hallå?": wrong
    sara.send(form)
    assert _fractions(demo, sara.attempt_id) == {single: 0.0}
    given = _answered_at(demo, sara.attempt_id)
    # The author corrects the key while Sara is on the page: both greetings are right.
    options = [{**option, "weight": 1.0} for option in SINGLE.data["options"]]
    with session_scope(demo) as s:
        quizzes.update_question(
            s,
            actor(demo, "utbildare@demo.se"),
            single,
            QuestionInput(**{**SINGLE.__dict__, "data": {"options": options}}),
        )
    sara.send(form)
    assert sara.error == ""
    assert _fractions(demo, sara.attempt_id) == {single: 1.0}
    assert _answered_at(demo, sara.attempt_id) == given  # the answer itself is as it was


def test_a_hand_in_meets_an_attempt_handed_in_meanwhile_and_writes_nothing(demo):
    """Two tabs on one attempt: the later hand-in finds it handed in by the other (the status
    is checked in the writing statement itself, not only when the attempt was read)."""
    built = build_course(demo, questions=(SINGLE, TRUE_FALSE))
    sara = _ready(demo, built)
    me = actor(demo, "medarbetare@demo.se")
    with session_scope(demo) as s:
        placed = attempt_rows.placed_attempt(s, sara.attempt_id, me.id)
    with session_scope(demo) as s:
        taking.submit_attempt(s, me, sara.attempt_id)
    with session_scope(demo) as s:
        assert attempt_rows.hand_in(s, placed.attempt) is False
    _hand_in(sara, {f"q{built.question_ids[0]}-answer": "0"})
    assert sara.error == "Försöket är redan inlämnat."
    assert _fractions(demo, sara.attempt_id) == {q: 0.0 for q in built.question_ids}
