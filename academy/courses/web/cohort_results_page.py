"""A cohort's results: the progress matrix with its downloads, item analysis, essays to grade."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.courses.status import STATUS_LABELS, STATUSES
from academy.courses.web.cohort_state import CohortState as State
from academy.courses.web.cohort_view import EssayRow, ItemLine, MatrixLine, QuizFollowUp

STATUS_CHOICES = [(s, STATUS_LABELS[s]) for s in STATUSES]


def _matrix_row(row: MatrixLine) -> rx.Component:
    return rx.el.tr(
        ui.cell(row.name, header=True),
        rx.foreach(row.cells, lambda status: ui.cell(status, data_status=status)),
        ui.cell(
            rx.fragment(
                rx.el.strong(row.course_status),
                rx.cond(
                    row.deadline_text != "",
                    rx.el.span(
                        " – ", row.deadline_text, class_name="deadline-" + row.deadline_kind
                    ),
                ),
            ),
        ),
    )


def _downloads() -> rx.Component:
    base = f"/api/utbildning/omgangar/{State.cohort_id}"
    return rx.el.nav(
        rx.el.span("Ladda ner:", class_name="muted"),
        ui.download_link("Framsteg (CSV)", f"{base}/framsteg.csv"),
        ui.download_link("Framsteg (XLSX)", f"{base}/framsteg.xlsx"),
        ui.download_link("Resultat (CSV)", f"{base}/resultat.csv"),
        ui.download_link("Resultat (XLSX)", f"{base}/resultat.xlsx"),
        aria_label="Ladda ner",
        class_name="actions exports",
    )


def matrix() -> rx.Component:
    return ui.section(
        "Framsteg",
        ui.form(
            ui.static_select(
                "Status för kursen",
                "status",
                STATUS_CHOICES,
                empty="Alla",
                field_id="filter-status",
            ),
            ui.text_field("Namn eller e-post", "name", field_id="filter-name"),
            ui.submit("Filtrera", kind="secondary"),
            ui.message(State, at="filter"),
            on_submit=State.filter,
            class_name="form inline",
            aria_label="Filtrera framsteg",
        ),
        rx.el.ul(
            rx.foreach(State.counts, lambda c: rx.el.li(c)),
            class_name="counts",
            aria_label="Antal per status",
        ),
        ui.data_table(
            "Deltagare och moduler",
            [ui.col("Deltagare"), State.modules, ui.col("Kursen")],
            State.rows,
            _matrix_row,
            empty="Inga deltagare att visa: skriv in deltagare nedan, eller ändra filtret.",
            class_name="matrix",
        ),
        _downloads(),
    )


def _item_row(item: ItemLine) -> rx.Component:
    return rx.el.tr(
        ui.cell(item.number, num=True),
        ui.cell(item.title, wrap=True),
        ui.cell(item.answered, num=True),
        ui.cell(item.share_correct, num=True),
        ui.cell(item.most_chosen_wrong, wrap=True),
    )


def _essay(essay: EssayRow) -> rx.Component:
    field = f"grade-{essay.answer_id}"
    return rx.el.li(
        ui.form(
            rx.el.p(rx.el.strong(essay.who), " (", essay.attempt, ") – ", essay.question),
            rx.el.blockquote(essay.response, class_name="essay"),
            rx.el.input(type="hidden", name="answer_id", value=essay.answer_id),
            ui.text_field(
                "Poäng i procent (0–100)",
                "percent",
                field_id=f"{field}-percent",
                input_mode="numeric",
            ),
            ui.textarea("Återkoppling", "feedback", rows=3, field_id=f"{field}-feedback"),
            ui.submit("Spara bedömning", kind="secondary"),
            ui.message(State, at=field),
            on_submit=State.grade,
            aria_label=f"Bedöm svaret från {essay.who}",
        ),
        class_name="card",
    )


def _quiz_follow_up(quiz: QuizFollowUp) -> rx.Component:
    return rx.el.section(
        rx.el.h3(quiz.title),
        ui.data_table(
            f"Frågeanalys: {quiz.title}",
            [
                ui.col("Nr", num=True),
                ui.col("Fråga"),
                ui.col("Svar", num=True),
                ui.col("Andel rätt", num=True),
                ui.col("Vanligaste fel svar"),
            ],
            quiz.questions,
            _item_row,
            empty="Quizet har inga frågor ännu.",
        ),
        rx.el.h4("Essäsvar att bedöma"),
        ui.message(State, at=f"essays-{quiz.quiz_id}"),
        rx.cond(
            quiz.essays.length() > 0,
            rx.el.ul(rx.foreach(quiz.essays, _essay), class_name="plain-list"),
            rx.el.p("Inga svar väntar på bedömning.", class_name="muted"),
        ),
    )


def quiz_results() -> rx.Component:
    return ui.section(
        "Quizresultat",
        rx.cond(
            State.quizzes.length() > 0,
            rx.foreach(State.quizzes, _quiz_follow_up),
            rx.el.p("Kursen har inga quiz.", class_name="muted"),
        ),
    )
