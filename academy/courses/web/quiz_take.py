"""Taking a quiz: one form per question, feedback at once or after handing in."""

from __future__ import annotations

import dataclasses
from typing import Any

import reflex as rx

from academy.core.errors import ValidationError
from academy.courses import taking
from academy.courses.questions import KIND_LABELS
from academy.courses.web.common import CourseBaseState, route_id
from academy.ui.forms import message
from academy.ui.layout import page_shell


@dataclasses.dataclass
class Choice:
    name: str  # the input's name in the question's form
    value: str
    label: str
    checked: bool


@dataclasses.dataclass
class Prompt:
    name: str
    prompt: str
    chosen: str


@dataclasses.dataclass
class QuizQuestion:
    id: int
    number: int
    kind: str
    kind_label: str
    title: str
    text: str
    text_after: str
    points: str
    choices: list[Choice]
    prompts: list[Prompt]
    match_options: list[str]
    text_answer: str
    answered: bool
    locked: bool
    verdict: str
    feedback: list[str]
    general_feedback: str
    grader_feedback: str


def _points(points: float) -> str:
    return f"{points:g} poäng" if points != 1 else "1 poäng"


def _verdict(feedback: taking.AnswerFeedback | None) -> str:
    if feedback is None:
        return ""
    if feedback.pending:
        return "Väntar på bedömning av utbildaren."
    if feedback.correct:
        return "Rätt svar."
    if feedback.fraction:
        return f"Delvis rätt: {round(feedback.fraction * 100):g} % av poängen."
    return "Fel svar."


def _question(q: taking.AttemptQuestion, number: int, locked: bool) -> QuizQuestion:
    response = q.response
    if q.kind == "true_false":
        choices = [
            Choice("answer", "true", "Sant", response is True),
            Choice("answer", "false", "Falskt", response is False),
        ]
    elif q.kind == "single_choice":
        choices = [
            Choice("answer", str(i), text, response == i) for i, text in enumerate(q.choices)
        ]
    elif q.kind == "multiple_choice":
        chosen = set(response or [])
        choices = [Choice(f"c-{i}", "on", text, i in chosen) for i, text in enumerate(q.choices)]
    else:
        choices = []
    matched = list(response or []) if q.kind == "matching" else []
    prompts = [
        Prompt(f"m-{i}", prompt, (matched[i] if i < len(matched) else None) or "")
        for i, prompt in enumerate(q.prompts)
    ]
    text_answer = (
        str(response) if q.kind in ("short_answer", "essay", "numerical") and response else ""
    )
    feedback = q.feedback
    return QuizQuestion(
        id=q.id,
        number=number,
        kind=q.kind,
        kind_label=KIND_LABELS[q.kind],
        title=q.title,
        text=q.text,
        text_after=q.text_after,
        points=_points(q.points),
        choices=choices,
        prompts=prompts,
        match_options=list(q.choices) if q.kind == "matching" else [],
        text_answer=text_answer,
        answered=response is not None,
        locked=locked or (feedback is not None),
        verdict=_verdict(feedback),
        feedback=[text for text in (feedback.feedback if feedback else ()) if text],
        general_feedback=feedback.general_feedback if feedback else "",
        grader_feedback=feedback.grader_feedback if feedback else "",
    )


def parse_response(kind: str, form_data: dict[str, Any], prompt_count: int) -> Any:
    """The form's fields as the response shape the service expects (see courses.scoring)."""
    answer = str(form_data.get("answer", "") or "").strip()
    if kind == "multiple_choice":
        chosen = sorted(
            int(key[2:]) for key, value in form_data.items() if key.startswith("c-") and value
        )
        if not chosen:
            raise ValidationError("Välj minst ett svarsalternativ.")
        return chosen
    if kind == "matching":
        return [str(form_data.get(f"m-{i}", "") or "") or None for i in range(prompt_count)]
    if not answer:
        raise ValidationError(
            "Välj ett svarsalternativ."
            if kind in ("single_choice", "true_false")
            else "Skriv ett svar först."
        )
    if kind == "single_choice":
        return int(answer) if answer.isdigit() else answer
    if kind == "true_false":
        return answer == "true"
    return answer


class QuizTakeState(CourseBaseState):
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
    questions: list[QuizQuestion] = []
    history: list[dict[str, str]] = []

    def _intro(self, session, actor, quiz_id: int) -> None:
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
        used = len(intro.attempts)
        self.attempts_text = (
            f"Du har gjort {used} försök. Antalet försök är obegränsat."
            if left is None
            else f"Du har gjort {used} av {intro.attempts_allowed} försök. Försök kvar: {left}."
        )
        self.can_start = not intro.passed and (
            left is None or left > 0 or bool(intro.open_attempt_id)
        )
        self.history = [
            {
                "number": str(a.number),
                "result": "Pågår"
                if a.status == "open"
                else (
                    "Väntar på bedömning"
                    if a.passed is None
                    else f"{a.score_percent:.0f} % – {'godkänt' if a.passed else 'inte godkänt'}"
                ),
            }
            for a in intro.attempts
        ]
        if intro.open_attempt_id and not self.attempt_id:
            self._show(taking.start_attempt(session, actor, quiz_id))

    def _show(self, view: taking.AttemptView) -> None:
        self.attempt_id = view.id
        self.submitted = view.status == "submitted"
        self.questions = [
            _question(q, number, self.submitted) for number, q in enumerate(view.questions, start=1)
        ]
        if not self.submitted:
            self.result = ""
        elif view.passed is None:
            self.result = "Inlämnat. En essäfråga väntar på bedömning av utbildaren."
        else:
            self.result = f"Resultat: {view.score_percent:.0f} %. " + (
                "Godkänt!" if view.passed else f"Inte godkänt (gränsen är {view.pass_mark} %)."
            )

    @rx.event
    def load(self):
        quiz_id = route_id(self, "quiz_id")
        self.quiz_id = self.attempt_id = 0
        self.questions, self.submitted, self.result = [], False, ""
        self._run(lambda session, actor: self._intro(session, actor, quiz_id))

    @rx.event
    def start(self):
        quiz_id = self.quiz_id

        def start(session, actor):
            self._show(taking.start_attempt(session, actor, quiz_id))
            self._intro(session, actor, quiz_id)

        self._run(start)

    @rx.event
    def answer(self, form_data: dict):
        raw_id = str(form_data.get("question_id", ""))
        question = next((q for q in self.questions if str(q.id) == raw_id), None)
        attempt_id = self.attempt_id

        def save(session, actor):
            if question is None:
                raise ValidationError("Frågan finns inte i quizet.")
            response = parse_response(question.kind, form_data, len(question.prompts))
            taking.answer_question(session, actor, attempt_id, question.id, response)
            self._show(taking.get_attempt(session, actor, attempt_id))

        number = question.number if question else 0
        self._run(save, f"Svaret på fråga {number} är sparat.")

    @rx.event
    def submit(self):
        attempt_id, quiz_id = self.attempt_id, self.quiz_id

        def submit(session, actor):
            self._show(taking.submit_attempt(session, actor, attempt_id))
            self._intro(session, actor, quiz_id)

        self._run(submit, "Quizet är inlämnat.")

    @rx.event
    def new_attempt(self):
        self.attempt_id, self.questions, self.submitted, self.result = 0, [], False, ""
        return QuizTakeState.start


Q = QuizTakeState


def _choice_input(choice: Choice, kind: rx.Var, locked: rx.Var) -> rx.Component:
    return rx.el.label(
        rx.el.input(
            type=rx.cond(kind == "multiple_choice", "checkbox", "radio"),
            name=choice.name,
            value=choice.value,
            default_checked=choice.checked,
            disabled=locked,
        ),
        choice.label,
        class_name="check",
    )


def _prompt_select(prompt: Prompt, options: rx.Var, locked: rx.Var) -> rx.Component:
    return rx.el.label(
        rx.el.span(prompt.prompt),
        rx.el.select(
            rx.el.option("Välj …", value=""),
            rx.foreach(options, lambda option: rx.el.option(option, value=option)),
            name=prompt.name,
            default_value=prompt.chosen,
            disabled=locked,
        ),
        class_name="field",
    )


def _answer_fields(q: QuizQuestion) -> rx.Component:
    return rx.match(
        q.kind,
        ("matching", rx.foreach(q.prompts, lambda p: _prompt_select(p, q.match_options, q.locked))),
        (
            "essay",
            rx.el.label(
                "Ditt svar",
                rx.el.textarea(
                    name="answer", default_value=q.text_answer, rows=6, disabled=q.locked
                ),
                class_name="field",
            ),
        ),
        (
            "short_answer",
            rx.el.label(
                "Ditt svar",
                rx.el.input(name="answer", default_value=q.text_answer, disabled=q.locked),
                class_name="field",
            ),
        ),
        (
            "numerical",
            rx.el.label(
                "Ditt svar (ett tal)",
                rx.el.input(
                    name="answer",
                    default_value=q.text_answer,
                    input_mode="decimal",
                    disabled=q.locked,
                ),
                class_name="field",
            ),
        ),
        rx.foreach(q.choices, lambda c: _choice_input(c, q.kind, q.locked)),
    )


def _feedback(q: QuizQuestion) -> rx.Component:
    return rx.el.div(
        rx.cond(
            q.verdict != "",
            rx.el.div(
                rx.el.p(rx.el.strong(q.verdict)),
                rx.foreach(q.feedback, lambda text: rx.el.p(text)),
                rx.cond(q.general_feedback != "", rx.el.p(q.general_feedback)),
                rx.cond(
                    q.grader_feedback != "",
                    rx.el.p("Utbildarens kommentar: ", q.grader_feedback),
                ),
                class_name="feedback",
            ),
        ),
        aria_live="polite",
    )


def _question_block(q: QuizQuestion) -> rx.Component:
    legend = rx.el.legend(
        "Fråga ", q.number, rx.cond(q.title != "", rx.el.span(": ", q.title)), " (", q.points, ")"
    )
    return rx.el.li(
        rx.cond(
            q.kind == "description",
            rx.el.p(q.text, class_name="question-text"),
            rx.form(
                rx.el.fieldset(
                    legend,
                    rx.el.p(q.text, class_name="question-text"),
                    _answer_fields(q),
                    rx.cond(q.text_after != "", rx.el.p(q.text_after)),
                ),
                rx.el.input(type="hidden", name="question_id", value=q.id),
                rx.cond(
                    q.locked,
                    rx.fragment(),
                    rx.el.button(
                        rx.cond(Q.immediate, "Svara", "Spara svar"),
                        rx.el.span(" på fråga ", q.number, class_name="sr-only"),
                        type="submit",
                        class_name="button secondary",
                    ),
                ),
                rx.cond(~q.locked & q.answered, rx.el.p("Sparat svar.", class_name="muted")),
                _feedback(q),
                on_submit=Q.answer,
                reset_on_submit=False,
                class_name="form question",
                aria_label="Fråga " + q.number.to_string(),
            ),
        ),
        class_name="card",
    )


def _history() -> rx.Component:
    return rx.cond(
        Q.history.length() > 0,
        rx.el.ul(
            rx.foreach(Q.history, lambda h: rx.el.li("Försök ", h["number"], ": ", h["result"])),
            aria_label="Dina försök",
        ),
    )


def quiz_page() -> rx.Component:
    return page_shell(
        rx.cond(Q.course_id > 0, rx.link("← Till kursen", href=f"/utbildning/kurs/{Q.course_id}")),
        message(Q.error, "error"),
        rx.cond(
            Q.quiz_id > 0,
            rx.fragment(
                rx.heading(Q.title, as_="h1", size="7"),
                rx.el.p(Q.course_title, " · ", Q.module_title, class_name="muted"),
                rx.el.p(Q.rules),
                rx.el.p(Q.attempts_text, id="attempts-left"),
                _history(),
                message(Q.notice, "info"),
                rx.cond(
                    Q.attempt_id > 0,
                    rx.fragment(
                        rx.el.ol(rx.foreach(Q.questions, _question_block), class_name="plain-list"),
                        rx.cond(
                            Q.submitted,
                            rx.el.div(
                                rx.el.p(rx.el.strong(Q.result), id="quiz-result"),
                                rx.cond(
                                    Q.can_start,
                                    rx.el.button(
                                        "Gör ett nytt försök",
                                        on_click=Q.new_attempt,
                                        class_name="button secondary",
                                    ),
                                ),
                                rx.link(
                                    "Tillbaka till kursen", href=f"/utbildning/kurs/{Q.course_id}"
                                ),
                                class_name="card actions",
                            ),
                            rx.el.button(
                                "Lämna in quizet", on_click=Q.submit, class_name="button primary"
                            ),
                        ),
                    ),
                    rx.cond(
                        Q.can_start,
                        rx.el.button(
                            "Starta quizet", on_click=Q.start, class_name="button primary"
                        ),
                        rx.link("Tillbaka till kursen", href=f"/utbildning/kurs/{Q.course_id}"),
                    ),
                ),
            ),
        ),
        area="courses",
    )
