"""/kundresor/[journey_id]/jamfor: nuläge and önskat läge side by side."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.journeys.web.compare_state import JourneyCompareState as S
from academy.journeys.web.view import CompareRow


def _row(row: CompareRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(row.label, header=True, wrap=True),
        ui.cell(row.before, num=True),
        ui.cell(row.after, num=True),
    )


def _diagram(heading: str, title: rx.Var, svg: rx.Var) -> rx.Component:
    return ui.section(
        heading + title,
        rx.el.div(rx.html(svg), class_name="diagram fit"),
        style={"min_width": "0"},
    )


def compare_page() -> rx.Component:
    return ui.page_shell(
        rx.link("← Till kundresan", href="/kundresor/" + S.journey_id.to_string()),
        ui.page_title("Nuläge och önskat läge"),
        ui.message(S, at="page"),
        rx.cond(
            S.rows.length() > 0,
            rx.fragment(
                ui.data_table(
                    "Jämförelse",
                    [ui.col("Mått"), ui.col("Nuläge", num=True), ui.col("Önskat läge", num=True)],
                    S.rows,
                    _row,
                ),
                rx.el.p("Nya steg: ", S.added),
                rx.el.p("Borttagna steg: ", S.removed),
                _diagram("Nuläge: ", S.current_title, S.current_svg),
                _diagram("Önskat läge: ", S.future_title, S.future_svg),
            ),
        ),
        area="journeys",
    )
