"""The player page: keyboard and screen-reader friendly (focus moves to each new situation)."""

from __future__ import annotations

import reflex as rx

from academy.practice.web.player_state import PlayerState as P
from academy.ui.forms import data_table as table
from academy.ui.forms import message
from academy.ui.layout import page_shell


def _option(option: dict) -> rx.Component:
    return rx.el.li(
        rx.el.button(option["text"], on_click=P.choose(option["id"]), class_name="button choice")
    )


def _feedback() -> rx.Component:
    # Always rendered, so screen readers announce each new feedback text.
    return rx.el.div(
        rx.cond(
            P.feedback != "",
            rx.el.div(
                rx.el.p(rx.el.strong("Du svarade: "), P.last_answer),
                rx.el.p(rx.el.strong("Återkoppling: "), P.feedback),
                class_name="feedback",
            ),
        ),
        aria_live="polite",
        id="feedback",
    )


def _summary_row(row: dict) -> rx.Component:
    return rx.el.tr(
        rx.el.th(row["dimension"], scope="row"),
        rx.el.td(row["total"]),
        rx.el.td(row["range"]),
        rx.el.td(
            rx.el.div(
                rx.el.div(class_name="bar-fill", style={"width": row["width"]}),
                class_name="bar",
                aria_hidden="true",
            ),
            row["percent"],
        ),
    )


def _step_row(row: dict) -> rx.Component:
    return rx.el.tr(
        rx.el.td(row["number"]),
        rx.el.td(row["situation"]),
        rx.el.td(row["answer"]),
        rx.el.td(row["feedback"]),
        rx.el.td(row["scores"]),
    )


def _end() -> rx.Component:
    return rx.el.section(
        rx.heading("Sammanfattning", as_="h2", size="5"),
        rx.el.p(P.closing, class_name="closing"),
        message(P.saved, "info"),
        table(
            "Poäng per dimension",
            ["Dimension", "Dina poäng", "Möjligt på din väg", "Andel av bästa"],
            P.summary,
            _summary_row,
        ),
        rx.heading("Din väg", as_="h3", size="4"),
        table(
            "Din väg genom scenariot",
            ["Steg", "Situation", "Ditt svar", "Återkoppling", "Poäng"],
            P.steps,
            _step_row,
        ),
        rx.el.button("Spela igen", on_click=P.replay, class_name="button primary"),
        class_name="card",
        id="summary",
    )


def player_page() -> rx.Component:
    return page_shell(
        rx.link("← Alla scenarier", href="/traning"),
        message(P.error, "error"),
        rx.cond(
            P.scenario_id > 0,
            rx.fragment(
                rx.heading(P.title, as_="h1"),
                rx.el.p(
                    rx.el.strong("Kanal: "),
                    P.channel,
                    " · ",
                    P.situation,
                    rx.cond(
                        P.journey_label != "",
                        rx.fragment(" · ", rx.el.strong("Kundresesteg: "), P.journey_label),
                    ),
                    class_name="muted",
                    id="setting",
                ),
                _feedback(),
                rx.el.section(
                    rx.heading(
                        rx.cond(P.finished, "Slutet", "Situation " + P.step_number.to_string()),
                        as_="h2",
                        size="5",
                    ),
                    rx.cond(
                        P.image_url != "",
                        rx.el.img(src=P.image_url, alt=P.image_alt, class_name="node-image"),
                    ),
                    rx.el.blockquote(P.node_text, id="situation", tab_index=-1),
                    rx.cond(
                        P.finished,
                        rx.fragment(),
                        rx.el.div(
                            rx.heading("Hur svarar du?", as_="h3", size="4"),
                            rx.el.ul(rx.foreach(P.options, _option), class_name="choices"),
                        ),
                    ),
                    class_name="card",
                ),
                rx.cond(P.finished, _end()),
            ),
        ),
        area="practice",
    )
