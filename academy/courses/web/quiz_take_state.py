"""Taking a quiz: one form around every question, so every answer on screen counts.

Each submit button of the form names its purpose in the form's `aim` field (kit.js sets it
from the button's `data-aim` as the button is clicked, so a click is one event): a question's
"Svara"/"Spara svar" saves every answer on the page and reports at `question-<id>`; "Lämna in
quizet" saves them too, names the unanswered questions and asks again before handing in
(message at `quiz`).
"""

from __future__ import annotations

import reflex as rx

from academy.core.errors import ValidationError
from academy.core.web.base import BaseState
from academy.courses import taking
from academy.courses.web import forms, quiz_view

GRADING_RULES = {
    "highest": "Ditt bästa försök räknas.",
    "last": "Ditt senaste försök räknas.",
}


def _aim(form_data: dict, questions) -> tuple[str, bool]:
    """(where the message goes, hand in?) for the button that sent the form: a question's
    `question-<id>` saves and reports there; `quiz`, or no aim at all, hands in. An aim that
    names no question on the page only saves, reported at the quiz's own message."""
    aim = str(form_data.get("aim") or "quiz")
    if aim in {f"question-{q.id}" for q in questions}:
        return aim, False
    return "quiz", aim == "quiz"


class QuizTakeState(BaseState):
    quiz_id: int = 0
    course_id: int = 0
    title: str = ""
    course_title: str = ""
    module_title: str = ""
    rules: str = ""
    attempts_text: str = ""
    pending_text: str = ""
    can_start: bool = False
    attempt_id: int = 0
    attempt_number: int = 0
    submitted: bool = False
    result: str = ""
    result_kind: str = ""
    immediate: bool = False
    # The attempt's questions, and the person's answers by the same position: an answer
    # changes (and sends the browser) only the answers.
    questions: list[quiz_view.QuizQuestion] = []
    answers: list[quiz_view.QuizAnswer] = []
    history: list[quiz_view.AttemptRow] = []
    # Set when handing in found unanswered questions: the question asked before handing in.
    confirm_text: str = ""

    def _intro(self, intro: taking.QuizIntro) -> None:
        self.quiz_id, self.course_id = intro.id, intro.course_id
        self.title, self.course_title, self.module_title = (
            intro.title,
            intro.course_title,
            intro.module_title,
        )
        self.immediate = intro.feedback_mode == "immediate"
        self.rules = (
            f"Godkänt från {intro.pass_mark} %. "
            + (
                "Återkoppling visas direkt efter varje svar. "
                if self.immediate
                else "Återkoppling visas när du lämnat in. "
            )
            + GRADING_RULES.get(intro.grading_method, "")
        )
        left = intro.attempts_left
        self.attempts_text = quiz_view.attempts_text(
            len(intro.attempts), intro.attempts_allowed, left
        )
        self.pending_text = (
            "Ett inlämnat försök väntar på bedömning av utbildaren. "
            "Du kan göra ett nytt försök när det är bedömt."
            if intro.pending
            else ""
        )
        self.can_start = (
            not intro.passed
            and not intro.pending
            and (left is None or left > 0 or bool(intro.open_attempt_id))
        )
        self.history = quiz_view.attempt_rows(intro.attempts)

    def _open(self, intro: taking.QuizIntro, attempt: taking.AttemptView | None) -> None:
        self._intro(intro)
        if attempt is not None:
            self._show(attempt)

    def _show(self, attempt: taking.AttemptView) -> None:
        if attempt.id != self.attempt_id:  # another attempt: new inputs, not the old ones' values
            self.form_key += 1
        self.attempt_id, self.attempt_number = attempt.id, attempt.number
        self.submitted = attempt.status == "submitted"
        self._set_changed(
            questions=[
                quiz_view.quiz_question(q, number) for number, q in enumerate(attempt.questions, 1)
            ],
            answers=[quiz_view.quiz_answer(q, self.submitted) for q in attempt.questions],
        )
        self.result = quiz_view.result_text(attempt)
        self.result_kind = quiz_view.result_kind(attempt)

    def _reset_attempt(self) -> None:
        self.attempt_id = self.attempt_number = 0
        self.questions, self.answers = [], []
        self.submitted, self.result, self.result_kind = False, "", ""
        self.confirm_text = ""

    @rx.event
    def load(self):
        quiz_id = self._param("quiz_id")
        self.quiz_id = 0
        self._reset_attempt()

        # The open attempt, else the latest result (with a trainer's grading once it is done).
        self._run(lambda session, actor: self._open(*taking.open_quiz(session, actor, quiz_id)))

    @rx.event
    def start(self):
        quiz_id = self.quiz_id

        self._run(
            lambda session, actor: self._open(
                *taking.open_quiz(session, actor, quiz_id, start=True)
            ),
            at="quiz",
        )

    @rx.event
    def keep_answering(self):
        self.confirm_text = ""
        self._clear_messages()

    @rx.event
    def send(self, form_data: dict):
        """Save every answer in the form; hand in when the quiz button sent it."""
        target, hand_in = _aim(form_data, self.questions)
        confirmed = str(form_data.get("confirmed", "")) == "1"
        still_open = [
            (q.id, q.kind, len(q.prompts))
            for q, answer in zip(self.questions, self.answers, strict=True)
            if not answer.locked
        ]
        attempt_id = self.attempt_id
        said = {"text": "Dina svar är sparade."}

        def act(session, actor):
            responses = forms.quiz_responses(form_data, still_open)
            if not hand_in:
                if not responses:
                    raise ValidationError("Välj ett svarsalternativ eller skriv ett svar först.")
                self._show(taking.save_answers_and_view(session, actor, attempt_id, responses))
                return
            done = taking.save_and_hand_in(
                session, actor, attempt_id, responses, confirmed=confirmed
            )
            if done.intro is not None:
                self._intro(done.intro)
                self.confirm_text, said["text"] = "", "Quizet är inlämnat."
            else:
                self.confirm_text, said["text"] = quiz_view.unanswered_text(list(done.missing)), ""
            self._show(done.view)

        if self._run(act, at=target):
            self.notice = said["text"]

    @rx.event
    def show_attempt(self, attempt_id: int):
        self.confirm_text = ""
        self._run(lambda session, actor: self._show(taking.get_attempt(session, actor, attempt_id)))

    @rx.event
    def new_attempt(self):
        self._reset_attempt()
        return QuizTakeState.start
