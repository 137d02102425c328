"""/utbildning: "Mina kurser" for everyone enrolled; courses and cohorts for trainers."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.courses.web.cohort_page import cohort_fields
from academy.courses.web.overview_state import CoursesOverviewState as State
from academy.courses.web.view import CohortRow, CourseRow, MyCourseRow


def _my_course(row: MyCourseRow) -> rx.Component:
    return rx.el.li(
        rx.el.h3(row.title),
        rx.el.p(row.cohort, class_name="muted"),
        rx.el.p("Status: ", row.status, " · ", row.progress),
        rx.cond(
            row.deadline_text != "",
            rx.el.p(row.deadline_text, class_name="deadline-" + row.deadline_kind),
        ),
        rx.el.p("Kursomgången slutar ", row.ends_on),
        rx.cond(row.next_meeting != "", rx.el.p("Nästa träff: ", row.next_meeting)),
        rx.link(
            row.action,
            rx.el.span(" – ", row.title, class_name="sr-only"),
            href=row.href,
            class_name="button primary link-button",
        ),
        class_name="card",
    )


def _my_courses() -> rx.Component:
    return rx.el.section(
        rx.el.h2("Mina kurser"),
        rx.cond(
            State.my_courses.length() > 0,
            rx.el.ul(rx.foreach(State.my_courses, _my_course), class_name="cards plain-list"),
            ui.empty_state(
                "Du är inte inskriven på någon kurs ännu.",
                "När din utbildare skriver in dig på en kursomgång visas kursen här, med det som "
                "ska vara klart först överst.",
            ),
        ),
        aria_label="Mina kurser",
    )


def _course_row(row: CourseRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(rx.link(row.title, href=f"/utbildning/kurser/{row.id}"), header=True),
        ui.cell(row.status),
        ui.cell(row.modules, num=True),
        ui.cell(row.topics, wrap=True),
        ui.cell(
            ui.delete_button(
                row.deletable,
                State.delete_course(row.id),
                dialog_id="del-course-" + row.id.to(str),
                question="Ta bort kursen ”" + row.title + "”?",
                explanation="Kursens moduler, lektioner med bilder och quiz med alla frågor "
                "tas bort. Det går inte att ångra.",
                aria_label="Ta bort " + row.title,
            )
        ),
    )


def _cohort_row(row: CohortRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(rx.link(row.name, href=f"/utbildning/omgangar/{row.id}"), header=True),
        ui.cell(row.course, wrap=True),
        ui.cell(row.dates),
        ui.cell(row.deadline),
        ui.cell(row.participants, num=True),
    )


def _new_course() -> rx.Component:
    return ui.form(
        ui.text_field(
            "Kursens titel",
            "title",
            field_id="new-course-title",
        ),
        ui.submit("Ny kurs"),
        ui.message(State, at="new-course"),
        on_submit=State.create_course,
        class_name="form inline",
        aria_label="Ny kurs",
    )


def _module_choice() -> rx.Component:
    """The chosen course's modules, all ticked (the whole course); unticking makes the cohort a
    tailored one. Keyed by the course: another course shows its own boxes, all ticked."""
    error = State.field_errors.get("modules", "")
    return rx.cond(
        State.new_modules.length() > 1,
        rx.el.fieldset(
            rx.el.legend("Moduler som deltagarna ska göra"),
            rx.el.input(type="hidden", name="modules_shown", value=State.new_course_id),
            rx.el.p(
                "Alla ikryssade = hela kursen. Kryssa ur moduler som ska vara valfria i den här "
                "kursomgången; deltagarna är klara när de ikryssade är klara.",
                id="cohort-modules-hint",
                class_name="hint",
            ),
            rx.foreach(
                State.new_modules,
                lambda m: ui.inline_check(m.label, "m-" + m.value, default_checked=True),
            ),
            rx.cond(
                error != "", rx.el.p(error, id="cohort-modules-error", class_name="field-error")
            ),
            aria_describedby="cohort-modules-hint cohort-modules-error",
            key=State.new_course_id,
        ),
    )


def _new_cohort() -> rx.Component:
    return ui.section(
        "Ny kursomgång",
        ui.form(
            ui.select_field(
                "Kurs",
                "course_id",
                State.course_options,
                default_value=State.new_course_id,
                field_id="cohort-course",
                on_change=State.choose_course,
            ),
            _module_choice(),
            *cohort_fields(
                State.field_errors,
                State.trainers,
                prefix="cohort",
                meetings_label="Träffar (valfritt)",
            ),
            ui.submit("Skapa kursomgång"),
            ui.message(State, at="new-cohort"),
            on_submit=State.create_cohort,
            key=State.form_key,
            aria_label="Ny kursomgång",
        ),
    )


def _trainer_view() -> rx.Component:
    return rx.fragment(
        rx.el.section(
            rx.el.h2("Kurser"),
            _new_course(),
            ui.message(State, at="courses"),
            ui.data_table(
                "Kurser",
                [
                    ui.col("Kurs"),
                    ui.col("Status"),
                    ui.col("Moduler", num=True),
                    ui.col("Ämnen"),
                    ui.col("Åtgärder", hidden=True),
                ],
                State.courses,
                _course_row,
                empty="Det finns inga kurser ännu. Skapa den första med Ny kurs.",
            ),
        ),
        rx.el.section(
            rx.el.h2("Kursomgångar"),
            ui.data_table(
                "Kursomgångar",
                [
                    ui.col("Kursomgång"),
                    ui.col("Kurs"),
                    ui.col("Datum"),
                    ui.col("Sista dag"),
                    ui.col("Deltagare", num=True),
                ],
                State.cohorts,
                _cohort_row,
                empty="Det finns inga kursomgångar ännu. Skapa en nedan när det finns en kurs.",
            ),
            rx.cond(State.course_options.length() > 0, _new_cohort()),
        ),
    )


def overview_page() -> rx.Component:
    return ui.page_shell(
        ui.page_title(
            "Utbildning",
            rx.cond(
                State.is_author,
                "Kurser, moduler, lektioner och quiz – och kursomgångar att följa upp.",
                "Dina kurser, med det som ska vara klart först överst.",
            ),
        ),
        ui.message(State),
        _my_courses(),
        rx.cond(State.is_author, _trainer_view()),
        area="courses",
    )
