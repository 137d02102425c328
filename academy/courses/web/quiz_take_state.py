"""Taking a quiz: one form per question, feedback at once or after handing in.

Messages land at `question-<id>` (an answer) and `quiz` (start, hand in).
"""

from __future__ import annotations

import reflex as rx

from academy.core.errors import ValidationError
from academy.core.web.base import BaseState
from academy.courses import taking
from academy.courses.web import forms, quiz_view


class QuizTakeState(BaseState):
    quiz_id: int = 0
    course_id: int = 0
    title: str = ""
    course_title: str = ""
    module_title: str = ""
    rules: str = ""
    attempts_text: str = ""
    can_start: bool = False
    attempt_id: int = 0
    submitted: bool = False
    result: str = ""
    immediate: bool = False
    questions: list[quiz_view.QuizQuestion] = []
    history: list[quiz_view.AttemptRow] = []

    def _intro(self, session, actor, quiz_id: int | None) -> None:
        intro = taking.quiz_intro(session, actor, quiz_id)
        self.quiz_id, self.course_id = intro.id, intro.course_id
        self.title, self.course_title, self.module_title = (
            intro.title,
            intro.course_title,
            intro.module_title,
        )
        self.immediate = intro.feedback_mode == "immediate"
        self.rules = f"Godkänt från {intro.pass_mark} %. Återkoppling " + (
            "visas direkt efter varje svar." if self.immediate else "visas när du lämnat in."
        )
        left = intro.attempts_left
        self.attempts_text = quiz_view.attempts_text(
            len(intro.attempts), intro.attempts_allowed, left
        )
        self.can_start = not intro.passed and (
            left is None or left > 0 or bool(intro.open_attempt_id)
        )
        self.history = quiz_view.attempt_rows(intro.attempts)
        if intro.open_attempt_id and not self.attempt_id:
            self._show(taking.start_attempt(session, actor, quiz_id))

    def _show(self, attempt: taking.AttemptView) -> None:
        self.attempt_id = attempt.id
        self.submitted = attempt.status == "submitted"
        self.questions = [
            quiz_view.quiz_question(q, number, self.submitted)
            for number, q in enumerate(attempt.questions, start=1)
        ]
        self.result = quiz_view.result_text(attempt)

    @rx.event
    def load(self):
        quiz_id = self._param("quiz_id")
        self.quiz_id = self.attempt_id = 0
        self.questions, self.submitted, self.result = [], False, ""
        self._run(lambda session, actor: self._intro(session, actor, quiz_id))

    @rx.event
    def start(self):
        quiz_id = self.quiz_id

        def start(session, actor):
            self._show(taking.start_attempt(session, actor, quiz_id))
            self._intro(session, actor, quiz_id)

        self._run(start, at="quiz")

    @rx.event
    def answer(self, form_data: dict):
        raw_id = str(form_data.get("question_id", ""))
        question = next((q for q in self.questions if str(q.id) == raw_id), None)
        attempt_id = self.attempt_id

        def save(session, actor):
            if question is None:
                raise ValidationError("Frågan finns inte i quizet.")
            response = forms.quiz_response(question.kind, form_data, len(question.prompts))
            taking.answer_question(session, actor, attempt_id, question.id, response)
            self._show(taking.get_attempt(session, actor, attempt_id))

        number = question.number if question else 0
        self._run(save, f"Svaret på fråga {number} är sparat.", at=f"question-{raw_id}")

    @rx.event
    def submit(self):
        attempt_id, quiz_id = self.attempt_id, self.quiz_id

        def submit(session, actor):
            self._show(taking.submit_attempt(session, actor, attempt_id))
            self._intro(session, actor, quiz_id)

        self._run(submit, "Quizet är inlämnat.", at="quiz")

    @rx.event
    def new_attempt(self):
        self.attempt_id, self.questions, self.submitted, self.result = 0, [], False, ""
        return QuizTakeState.start
