"""The quiz page: rules and attempts, one form around every question, handing in, the result."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.courses.web.quiz_take_state import QuizTakeState as State
from academy.courses.web.quiz_view import (
    GAP,
    AttemptRow,
    Choice,
    Prompt,
    QuizAnswer,
    QuizQuestion,
)


def _choice_input(choice: Choice, checked: rx.Var, kind: rx.Var, locked: rx.Var) -> rx.Component:
    return rx.el.label(
        rx.el.input(
            type=rx.cond(kind == "multiple_choice", "checkbox", "radio"),
            name=choice.name,
            value=choice.value,
            default_checked=checked,
            disabled=locked,
        ),
        choice.label,
        class_name="check",
    )


def _prompt_select(prompt: Prompt, chosen: rx.Var, options: rx.Var, locked: rx.Var):
    return rx.el.label(
        rx.el.span(prompt.prompt),
        rx.el.select(
            rx.el.option("Välj …", value=""),
            rx.foreach(options, lambda option: rx.el.option(option, value=option)),
            name=prompt.name,
            default_value=chosen,
            disabled=locked,
        ),
        class_name="field",
    )


def _text_answer(q: QuizQuestion, a: QuizAnswer, label: str, **props) -> rx.Component:
    return rx.el.label(
        label,
        rx.el.input(
            name=f"q{q.id}-answer", default_value=a.text_answer, disabled=a.locked, **props
        ),
        class_name="field",
    )


def _answer_fields(q: QuizQuestion, a: QuizAnswer) -> rx.Component:
    return rx.match(
        q.kind,
        (
            "matching",
            rx.foreach(
                q.prompts,
                lambda p, i: _prompt_select(p, a.chosen[i], q.match_options, a.locked),
            ),
        ),
        (
            "essay",
            rx.el.label(
                "Ditt svar",
                rx.el.textarea(
                    name=f"q{q.id}-answer",
                    default_value=a.text_answer,
                    rows=6,
                    disabled=a.locked,
                ),
                class_name="field",
            ),
        ),
        ("short_answer", _text_answer(q, a, "Ditt svar")),
        ("numerical", _text_answer(q, a, "Ditt svar (ett tal)", input_mode="decimal")),
        rx.foreach(q.choices, lambda c, i: _choice_input(c, a.checked[i], q.kind, a.locked)),
    )


def _feedback(q: QuizQuestion, a: QuizAnswer) -> rx.Component:
    """The verdict in its own colour and words (never only a colour), feedback, right answer."""
    return rx.el.div(
        rx.cond(
            a.verdict != "",
            rx.el.div(
                rx.el.p(
                    rx.el.span("Bedömning av fråga ", q.number, ": ", class_name="sr-only"),
                    rx.el.strong(a.verdict),
                ),
                rx.foreach(a.feedback, lambda text: rx.el.p(text)),
                rx.cond(a.general_feedback != "", rx.el.p(a.general_feedback)),
                rx.cond(a.right_answer != "", rx.el.p("Rätt svar: ", a.right_answer)),
                rx.cond(
                    a.grader_feedback != "",
                    rx.el.p("Utbildarens kommentar: ", a.grader_feedback),
                ),
                class_name="verdict verdict-" + a.verdict_kind,
            ),
        ),
        aria_live="polite",
    )


def _question_text(q: QuizQuestion) -> rx.Component:
    """The question; a missing-word question as one sentence with a gap."""
    return rx.cond(
        q.gap,
        rx.el.p(
            q.text,
            " ",
            rx.el.span(GAP, aria_hidden="true", class_name="quiz-gap"),
            rx.el.span(" (lucka)", class_name="sr-only"),
            " ",
            q.text_after,
            class_name="question-text",
        ),
        _plain_or_formatted(q),
    )


def _plain_or_formatted(q: QuizQuestion) -> rx.Component:
    """The text as its author wrote it: Markdown or HTML rendered (and sanitised on the
    server), plain text as it is."""
    return rx.cond(
        q.text_html != "",
        rx.el.div(ui.prose(q.text_html), class_name="question-text"),
        rx.el.p(q.text, class_name="question-text"),
    )


def _question_block(q: QuizQuestion, a: QuizAnswer) -> rx.Component:
    legend = rx.el.legend(
        "Fråga ", q.number, rx.cond(q.title != "", rx.el.span(": ", q.title)), " (", q.points, ")"
    )
    return rx.el.li(
        rx.cond(
            q.kind == "description",
            _plain_or_formatted(q),
            rx.el.fieldset(
                legend,
                _question_text(q),
                _answer_fields(q, a),
                rx.cond(
                    a.locked,
                    rx.fragment(),
                    rx.el.button(
                        rx.cond(State.immediate, "Svara", "Spara svar"),
                        rx.el.span(" på fråga ", q.number, class_name="sr-only"),
                        type="submit",
                        custom_attrs={"data-aim": f"question-{q.id}"},
                        class_name="button secondary",
                    ),
                ),
                ui.message(State, at=f"question-{q.id}"),
                rx.cond(~a.locked & a.answered, rx.el.p("Sparat svar.", class_name="muted")),
                _feedback(q, a),
                class_name="question",
                aria_label=f"Fråga {q.number}",
            ),
        ),
        class_name="card",
    )


def _history() -> rx.Component:
    def attempt(row: AttemptRow) -> rx.Component:
        return rx.el.li(
            "Försök ",
            row.number,
            ": ",
            row.result,
            " ",
            rx.cond(
                row.id != State.attempt_id,
                rx.el.button(
                    "Visa försök ",
                    row.number,
                    type="button",
                    on_click=State.show_attempt(row.id),
                    class_name="button secondary small",
                ),
            ),
        )

    return rx.cond(
        State.history.length() > 0,
        rx.el.ul(rx.foreach(State.history, attempt), aria_label="Dina försök"),
    )


def _back() -> rx.Component:
    return rx.link("Tillbaka till kursen", href=f"/utbildning/kurs/{State.course_id}")


def _hand_in() -> rx.Component:
    return rx.el.div(
        rx.cond(
            State.confirm_text != "",
            rx.el.div(
                rx.el.p(State.confirm_text, role="alert", id="quiz-confirm"),
                rx.el.input(type="hidden", name="confirmed", value="1"),
                rx.el.div(
                    rx.el.button(
                        "Lämna in ändå",
                        type="submit",
                        custom_attrs={"data-aim": "quiz"},
                        class_name="button primary",
                    ),
                    ui.button("Fortsätt svara", State.keep_answering),
                    class_name="row-actions",
                ),
                class_name="quiz-confirm",
            ),
            rx.el.button(
                "Lämna in quizet",
                type="submit",
                custom_attrs={"data-aim": "quiz"},
                class_name="button primary",
            ),
        ),
        ui.message(State, at="quiz"),
        class_name="actions",
    )


def _attempt() -> rx.Component:
    questions = rx.el.ol(
        # Reflex names a foreach's index in JavaScript after the lambda's argument: the
        # position here must not share its name with the index of the choices within.
        rx.foreach(
            State.questions, lambda q, position: _question_block(q, State.answers[position])
        ),
        class_name="plain-list",
    )
    return rx.cond(
        State.submitted,
        rx.fragment(
            rx.el.h2("Försök ", State.attempt_number),
            rx.el.div(
                rx.el.p(rx.el.strong(State.result), id="quiz-result"),
                class_name="verdict verdict-" + State.result_kind,
            ),
            questions,
            rx.el.div(
                ui.message(State, at="quiz"),
                rx.cond(
                    State.can_start,
                    ui.button("Gör ett nytt försök", State.new_attempt),
                ),
                _back(),
                class_name="card actions",
            ),
        ),
        ui.form(
            # Set by kit.js from the clicked button's data-aim (see QuizTakeState).
            rx.el.input(type="hidden", name="aim", default_value="quiz"),
            questions,
            _hand_in(),
            on_submit=State.send,
            key=State.form_key,
            aria_label="Quizets frågor",
        ),
    )


def quiz_page() -> rx.Component:
    return ui.page_shell(
        rx.cond(
            State.course_id > 0,
            rx.link("← Till kursen", href=f"/utbildning/kurs/{State.course_id}"),
        ),
        ui.message(State),
        rx.cond(
            State.quiz_id > 0,
            rx.fragment(
                ui.page_title(State.title),
                rx.el.p(State.course_title, " · ", State.module_title, class_name="muted"),
                rx.el.p(State.rules),
                rx.el.p(State.attempts_text, id="attempts-left"),
                rx.cond(
                    State.pending_text != "",
                    rx.el.p(State.pending_text, class_name="verdict verdict-pending"),
                ),
                _history(),
                rx.cond(
                    State.attempt_id > 0,
                    _attempt(),
                    rx.el.div(
                        rx.cond(
                            State.can_start,
                            ui.button("Starta quizet", State.start, kind="primary"),
                            _back(),
                        ),
                        ui.message(State, at="quiz"),
                        class_name="actions",
                    ),
                ),
            ),
        ),
        area="courses",
    )
