"""A cohort's page (trainers, admins): meetings and its settings, results, participants."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.courses.web.cohort_results_page import matrix, quiz_results
from academy.courses.web.cohort_state import CohortState as State
from academy.courses.web.cohort_view import LearnerAttemptRow, ModuleLine, ParticipantRow
from academy.courses.web.forms import MEETINGS_HINT


def _participant_row(row: ParticipantRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(row.name, header=True),
        ui.cell(row.email, wrap=True),
        ui.cell(row.unit, wrap=True),
        ui.cell(
            ui.row_actions(
                rx.el.button(
                    "Visa försök",
                    type="button",
                    on_click=State.show_learner(row.id),
                    class_name="button secondary small",
                    aria_label=f"Visa försöken av {row.name}",
                ),
                ui.confirm_button(
                    "Ta bort",
                    State.remove_participant(row.id),
                    dialog_id=f"remove-participant-{row.id}",
                    question=f"Ta bort {row.name} från kursomgången?",
                    explanation="Personen försvinner från deltagarlistan och framstegen. Det "
                    "hen gjort i kursen finns kvar och syns igen om hen skrivs in på nytt.",
                    small=True,
                    aria_label=f"Ta bort {row.name} från kursomgången",
                ),
            )
        ),
    )


def _learner_attempt(attempt: LearnerAttemptRow) -> rx.Component:
    return rx.el.li(
        rx.el.h4(attempt.title, ": ", attempt.result),
        rx.el.ol(
            rx.foreach(
                attempt.answers,
                lambda a: rx.el.li(
                    rx.el.strong(a.question),
                    rx.el.p("Svar: ", a.response),
                    rx.el.p("Bedömning: ", a.verdict),
                    rx.cond(a.comment != "", rx.el.p("Kommentar: ", a.comment)),
                ),
            )
        ),
        class_name="card",
    )


def _learner() -> rx.Component:
    return rx.cond(
        State.learner_id > 0,
        rx.el.section(
            rx.el.h3("Försök av ", State.learner_name),
            rx.cond(
                State.learner_attempts.length() > 0,
                rx.el.ul(
                    rx.foreach(State.learner_attempts, _learner_attempt), class_name="plain-list"
                ),
                rx.el.p("Inga försök ännu.", class_name="muted"),
            ),
            ui.button("Stäng", State.close_learner),
            aria_label="Deltagarens försök",
            id="learner-attempts",
        ),
    )


def _enrolment() -> rx.Component:
    return ui.section(
        "Deltagare",
        ui.data_table(
            "Deltagare i kursomgången",
            [ui.col("Namn"), ui.col("E-post"), ui.col("Enhet"), ui.col("Åtgärder", hidden=True)],
            State.participants,
            _participant_row,
            empty="Inga deltagare ännu – skriv in personer eller en hel enhet nedan.",
        ),
        ui.message(State, at="participants"),
        ui.message(State, at="learner"),
        _learner(),
        rx.el.h3("Skriv in deltagare"),
        ui.form(
            ui.text_field(
                "Sök på namn eller e-post",
                "query",
                default_value=State.people_query,
                field_id="people-query",
            ),
            ui.submit("Sök", kind="secondary"),
            on_submit=State.search_people,
            class_name="form inline",
            aria_label="Sök personer att skriva in",
        ),
        ui.form(
            rx.el.fieldset(
                rx.el.legend("Välj personer"),
                rx.foreach(State.people, lambda p: ui.inline_check(p.name, p.field)),
                rx.cond(
                    State.people.length() == 0,
                    rx.el.p(
                        rx.cond(
                            State.people_query != "",
                            "Ingen som inte redan är inskriven matchar sökningen.",
                            "Alla aktiva användare är redan inskrivna.",
                        ),
                        class_name="muted",
                    ),
                ),
            ),
            ui.submit("Skriv in valda"),
            on_submit=State.enrol_people,
            key=f"enrol-{State.form_key}-{State.enrol_key}-{State.people_query}",
            aria_label="Skriv in valda personer",
        ),
        ui.form(
            ui.select_field(
                "Enhet",
                "unit_id",
                State.unit_options,
                empty_label="Välj enhet",
                error=State.field_errors.get("unit_id", ""),
            ),
            ui.submit("Skriv in hela enheten", kind="secondary"),
            on_submit=State.enrol_unit,
            class_name="form inline",
            aria_label="Skriv in en hel enhet",
        ),
        ui.message(State, at="enrol"),
    )


DATE_FIELDS = (
    ("Startdatum", "starts_on", "start", ""),
    ("Slutdatum", "ends_on", "end", ""),
    ("Sista dag att bli klar (valfritt)", "deadline", "deadline", "För obligatoriska kurser."),
)


def cohort_fields(
    errors, trainers, *, prefix: str, values=None, meetings_label: str = "Träffar"
) -> list[rx.Component]:
    """A cohort's name, dates, trainers and meetings: the new-cohort and edit forms.

    `values` holds the saved values (the edit form); a new cohort starts empty."""

    def saved(name: str):
        return values[name] if values is not None else ""

    return [
        ui.text_field(
            "Namn på kursomgången",
            "name",
            default_value=saved("name"),
            field_id=f"{prefix}-name",
        ),
        *[
            ui.text_field(
                label,
                name,
                type_="date",
                default_value=saved(name),
                field_id=f"{prefix}-{suffix}",
                hint=hint,
                error=errors.get(name, ""),
            )
            for label, name, suffix, hint in DATE_FIELDS
        ],
        rx.el.fieldset(
            rx.el.legend("Utbildare"),
            rx.foreach(
                trainers, lambda t: ui.inline_check(t.name, t.field, default_checked=t.checked)
            ),
        ),
        ui.textarea(
            meetings_label,
            "meetings",
            saved("meetings"),
            rows=4,
            field_id=f"{prefix}-meetings",
            hint=MEETINGS_HINT,
            error=errors.get("meetings", ""),
        ),
    ]


def _module_item(module: ModuleLine) -> rx.Component:
    return rx.el.li(
        module.title,
        rx.cond(
            module.requirement != "",
            rx.el.span(
                " – ",
                module.requirement,
                class_name=rx.cond(module.required, "required-module", "muted"),
            ),
        ),
    )


def _modules() -> rx.Component:
    return rx.fragment(
        rx.el.h3("Moduler"),
        rx.el.p(State.requirement, id="cohort-requirement"),
        rx.cond(
            State.tailored,
            rx.el.ol(
                rx.foreach(State.module_lines, _module_item),
                aria_label="Kursens moduler",
                class_name="cohort-modules",
            ),
        ),
    )


def _module_checks() -> rx.Component:
    error = State.field_errors.get("modules", "")
    return rx.cond(
        State.module_lines.length() > 0,
        rx.el.fieldset(
            rx.el.legend("Moduler som deltagarna ska göra"),
            rx.el.input(type="hidden", name="modules_shown", value="1"),
            rx.el.p(
                "Alla ikryssade = hela kursen. Kryssa ur moduler som ska vara valfria i den här "
                "kursomgången; deltagarna är klara när de ikryssade är klara.",
                id="edit-cohort-modules-hint",
                class_name="hint",
            ),
            rx.foreach(
                State.module_lines,
                lambda m: ui.inline_check(m.title, m.field, default_checked=m.required),
            ),
            rx.cond(
                error != "",
                rx.el.p(error, id="edit-cohort-modules-error", class_name="field-error"),
            ),
            aria_describedby="edit-cohort-modules-hint edit-cohort-modules-error",
        ),
    )


def _edit_form() -> rx.Component:
    return rx.el.details(
        rx.el.summary("Ändra kursomgången"),
        ui.form(
            *cohort_fields(
                State.field_errors,
                State.trainer_choices,
                prefix="edit-cohort",
                values=State.cohort_form,
            ),
            _module_checks(),
            ui.submit("Spara kursomgången"),
            ui.message(State, at="cohort-form"),
            on_submit=State.save_cohort,
            key=f"cohort-{State.form_key}-{State.cohort_version}",
            aria_label="Ändra kursomgången",
        ),
    )


def _about() -> rx.Component:
    """What the participants must do, when they meet, and the form that changes both."""
    return ui.section(
        "Om kursomgången",
        _modules(),
        rx.el.h3("Träffar"),
        rx.cond(
            State.meetings.length() > 0,
            rx.el.ul(rx.foreach(State.meetings, lambda m: rx.el.li(m)), aria_label="Träffar"),
            rx.el.p("Inga träffar är inlagda.", class_name="muted"),
        ),
        _edit_form(),
        aria_label="Om kursomgången",
    )


def cohort_page() -> rx.Component:
    return ui.page_shell(
        rx.link("← Utbildning", href="/utbildning"),
        ui.message(State),
        rx.cond(
            State.cohort_id > 0,
            rx.fragment(
                ui.page_title(State.name),
                rx.el.p(
                    "Kurs: ",
                    rx.link(State.course_title, href=f"/utbildning/kurser/{State.course_id}"),
                    " · ",
                    State.dates,
                    " · Utbildare: ",
                    State.trainers,
                ),
                _about(),
                matrix(),
                _enrolment(),
                quiz_results(),
            ),
        ),
        area="courses",
    )
