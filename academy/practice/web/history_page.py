""" "Mina försök": every scenario attempt of the learner, with the path and the points."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.practice.web.activity_view import HistoryRow
from academy.practice.web.history_state import HistoryState
from academy.practice.web.widgets import sub_nav

EMPTY = (
    "Du har inte spelat något scenario till slutet ännu. Välj ett under Scenarier: varje "
    "försök du spelar till slutet sparas här, med dina val och poäng."
)


def _path(row: HistoryRow) -> rx.Component:
    """The answers in short, the whole path one click away (a long answer made rows tall)."""
    return rx.cond(
        row.shortened,
        rx.fragment(
            rx.el.span(row.path_short),
            rx.el.details(
                rx.el.summary("Visa alla val"),
                rx.el.ul(rx.foreach(row.steps, lambda step: rx.el.li(step)), class_name="steps"),
                class_name="path-details",
            ),
        ),
        rx.el.span(row.path),
    )


def _row(row: HistoryRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(
            rx.cond(
                row.play_url != "",
                rx.link(row.scenario, href=row.play_url),
                rx.el.span(row.scenario),
            ),
            header=True,
            wrap=True,
        ),
        ui.cell(row.when, label="Datum", style={"white_space": "nowrap"}),
        ui.cell(_path(row), wrap=True, label="Dina val i ordning"),
        ui.cell(row.result, wrap=True, label="Poäng per dimension"),
        ui.cell(row.end, label="Nådde slutet"),
    )


def history_page() -> rx.Component:
    return ui.page_shell(
        ui.page_title(
            "Mina försök",
            "Dina försök i scenarierna: vilka svar du valde och hur många poäng varje "
            "dimension gav, jämfört med det bästa som gick att få på samma väg.",
        ),
        sub_nav(),
        ui.message(HistoryState, at="page"),
        ui.data_table(
            "Mina försök, senaste först",
            [
                ui.col("Scenario"),
                ui.col("Datum"),
                ui.col("Dina val i ordning"),
                ui.col("Poäng per dimension"),
                ui.col("Nådde slutet"),
            ],
            HistoryState.rows,
            _row,
            empty=EMPTY,
            stack=True,
        ),
        area="practice",
    )
