"""/kundresor/[journey_id]/jamfor: nuläge above önskat läge, same scale, scrolling together."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.journeys.web.compare_state import COMPARE_ZOOM
from academy.journeys.web.compare_state import JourneyCompareState as S
from academy.journeys.web.view import CompareRow


def _row(row: CompareRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(row.label, header=True, wrap=True),
        ui.cell(row.before, num=True),
        ui.cell(row.after, num=True),
        ui.cell(row.moved_by, wrap=True),
    )


def _diagram(heading: str, title: rx.Var, svg: rx.Var, diagram_id: str) -> rx.Component:
    return rx.el.figure(
        rx.el.figcaption(heading, title, class_name="compare-caption"),
        rx.el.div(rx.html(svg), style={"zoom": COMPARE_ZOOM}),
        id=diagram_id,
        class_name="compare-figure",
    )


def _changes() -> rx.Component:
    return rx.el.ul(
        rx.el.li(rx.el.strong("+ Nya steg: "), S.added),
        rx.el.li(rx.el.strong("− Borttagna steg: "), S.removed),
        rx.el.li(rx.el.strong("≠ Ändrade steg: "), S.changed),
        class_name="compare-changes",
    )


def compare_page() -> rx.Component:
    return ui.page_shell(
        rx.link("← Till kundresan", href="/kundresor/" + S.journey_id.to_string()),
        ui.page_title(
            "Nuläge och önskat läge",
            "Siffrorna för båda, vilka steg som ändrade dem, och båda diagrammen i samma skala.",
        ),
        ui.message(S, at="page"),
        rx.cond(
            S.rows.length() > 0,
            rx.fragment(
                ui.data_table(
                    "Jämförelse",
                    [
                        ui.col("Mått"),
                        ui.col("Nuläge", num=True),
                        ui.col("Önskat läge", num=True),
                        ui.col("Vad som ändrade måttet"),
                    ],
                    S.rows,
                    _row,
                ),
                ui.section("Ändrade steg", _changes()),
                ui.section(
                    "Diagram",
                    rx.el.p(
                        "Nuläget ovanför, önskat läge under; de rullas tillsammans. Markerade "
                        "steg: + nytt (grön ram), − borttaget (streckad lila ram), "
                        "≠ ändrat (blå ram).",
                        class_name="muted",
                    ),
                    rx.el.div(
                        _diagram("Nuläge: ", S.current_title, S.current_svg, "compare-current"),
                        _diagram("Önskat läge: ", S.future_title, S.future_svg, "compare-future"),
                        class_name="diagram compare-diagrams",
                        tab_index=0,
                        role="group",
                        aria_label="Nuläge och önskat läge, samma skala",
                    ),
                ),
            ),
        ),
        area="journeys",
    )
