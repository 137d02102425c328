"""/inventering/[campaign_id]/svara: one survey, answered by the person it was sent to.

A refused save is explained beside the buttons; when the refusal is about one question (the
service names it), the message is also shown in that question's box."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.inventory.web.answer_state import AT, AnswerState
from academy.inventory.web.view import Choice, QuestionField

State = AnswerState


def _choices(q: QuestionField, kind: str) -> rx.Component:
    def choice(o: Choice) -> rx.Component:
        return rx.el.div(
            rx.el.input(type=kind, id=o.id, name=o.name, value=o.value, default_checked=o.checked),
            rx.el.label(o.label, html_for=o.id),
            class_name="check",
        )

    return rx.foreach(q.options, choice)


def _number(q: QuestionField) -> rx.Component:
    return rx.el.div(
        rx.el.label("Antal", html_for=q.key),
        rx.el.input(
            type="number",
            id=q.key,
            name=q.key,
            min=q.min,
            max=q.max,
            default_value=q.value,
            aria_describedby=q.key + "-hint",
        ),
        rx.el.p(q.hint, id=q.key + "-hint", class_name="hint"),
        class_name="field",
    )


def _section_head(q: QuestionField) -> rx.Component:
    """The section's title and its intro, which is often the question itself ("Kan ärendet
    lösas redan i första kontakten i dag?") that the short question texts below answer."""
    return rx.fragment(
        rx.el.h2(q.section, class_name="survey-section"),
        rx.cond(
            q.section_intro != "",
            rx.el.p(q.section_intro, id=q.section_intro_id, class_name="survey-intro"),
        ),
    )


def _question(q: QuestionField) -> rx.Component:
    error = State.field_errors.get(q.key, "")
    return rx.fragment(
        rx.cond(q.first_in_section, _section_head(q)),
        rx.el.fieldset(
            rx.el.legend(q.text, rx.cond(q.required, " (obligatorisk)", "")),
            rx.match(
                q.kind,
                ("likert", _choices(q, "radio")),
                ("single_choice", _choices(q, "radio")),
                ("multiple_choice", _choices(q, "checkbox")),
                ("number", _number(q)),
                rx.el.div(
                    rx.el.label("Ditt svar", html_for=q.key),
                    rx.el.textarea(id=q.key, name=q.key, default_value=q.value, rows=3),
                    class_name="field",
                ),
            ),
            rx.el.p(error, id=q.key + "-error", class_name="field-error"),
            # A screen reader reads the section's question with each answer group too.
            aria_describedby=rx.cond(
                q.section_intro_id != "",
                q.section_intro_id + " " + q.key + "-error",
                q.key + "-error",
            ),
            id="question-" + q.id.to(str),
            class_name="survey-question",
        ),
    )


def _form() -> rx.Component:
    return ui.form(
        rx.foreach(State.questions, _question),
        rx.el.div(
            ui.submit("Spara utkast", kind="secondary", on_click=State.set_intent("draft")),
            ui.submit("Skicka in", on_click=State.set_intent("submit")),
            class_name="actions",
        ),
        ui.message(State, at=AT),
        on_submit=State.save,
        key=State.form_key,
        class_name="form survey-form",
        aria_label="Enkätsvar",
        # The server checks every answer and explains in Swedish; the browser's own
        # checks would stop a draft with an empty required question.
        no_validate=True,
    )


def answer_page() -> rx.Component:
    return ui.page_shell(
        ui.page_title(rx.cond(State.title != "", State.title, "Enkät")),
        rx.cond(
            State.title != "",
            rx.el.p(
                "Sista svarsdag ",
                State.closes_on,
                ". Ditt svar: ",
                State.status_text,
                ".",
                class_name="muted",
            ),
        ),
        rx.el.p(
            "Dina svar visas aldrig för någon med ditt namn. Resultat visas bara för grupper "
            "där tillräckligt många har svarat."
        ),
        ui.message(State),
        rx.cond(State.can_answer, _form()),
        # After the last answer the form is gone: its confirmation stays visible here.
        rx.cond(~State.can_answer, ui.message(State, at=AT)),
        rx.link("Tillbaka till Inventering", href="/inventering"),
        area="inventory",
    )
