"""The player page: keyboard and screen-reader friendly (focus moves to each new situation)."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.practice.web.player_state import PlayerState as Player
from academy.practice.web.view import Answer, StepRow, SummaryRow


def _answer(answer: Answer) -> rx.Component:
    return rx.el.li(
        rx.el.button(answer.text, on_click=Player.choose(answer.id), class_name="button choice")
    )


def _feedback() -> rx.Component:
    # Always rendered, so screen readers announce each new feedback text.
    return rx.el.div(
        rx.cond(
            Player.feedback != "",
            rx.el.div(
                rx.el.p(rx.el.strong("Du svarade: "), Player.last_answer),
                rx.el.p(rx.el.strong("Återkoppling: "), Player.feedback),
                class_name="feedback",
            ),
        ),
        aria_live="polite",
        id="feedback",
    )


def _summary_row(row: SummaryRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(row.dimension, header=True),
        ui.cell(row.total, num=True),
        ui.cell(row.possible),
        ui.cell(row.percent, num=True),
    )


def _step_row(row: StepRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(row.number, num=True),
        ui.cell(row.situation, wrap=True),
        ui.cell(row.answer, wrap=True),
        ui.cell(row.feedback, wrap=True),
        ui.cell(row.scores, wrap=True),
    )


def _end() -> rx.Component:
    return rx.el.section(
        rx.el.h2("Sammanfattning"),
        rx.el.p(Player.closing, class_name="closing"),
        ui.message(Player, at="summary"),
        ui.bar_chart("Andel av bästa möjliga svar per dimension", Player.summary_bars),
        ui.data_table(
            "Poäng per dimension",
            [
                ui.col("Dimension"),
                ui.col("Dina poäng", num=True),
                ui.col("Möjligt på din väg"),
                ui.col("Andel av bästa", num=True),
            ],
            Player.summary,
            _summary_row,
            empty="Scenariot har inga poängdimensioner.",
        ),
        rx.el.h3("Din väg"),
        ui.data_table(
            "Din väg genom scenariot",
            [
                ui.col("Steg", num=True),
                ui.col("Situation"),
                ui.col("Ditt svar"),
                ui.col("Återkoppling"),
                ui.col("Poäng"),
            ],
            Player.steps,
            _step_row,
        ),
        ui.button("Spela igen", Player.replay, kind="primary"),
        class_name="card",
        id="summary",
    )


def _progress() -> rx.Component:
    """How far along the conversation is; the number of answers left depends on the path."""
    return rx.el.div(
        rx.el.label(Player.progress.text, html_for="play-progress", id="play-progress-text"),
        rx.el.progress(
            Player.progress.value.to_string(),
            id="play-progress",
            value=Player.progress.value,
            max=Player.progress.maximum,
        ),
        class_name="play-progress",
    )


def _situation() -> rx.Component:
    return rx.el.section(
        _progress(),
        rx.el.h2(rx.cond(Player.finished, "Slutet", "Situation " + Player.step_number.to_string())),
        rx.cond(
            Player.image_url != "",
            rx.el.img(src=Player.image_url, alt=Player.image_alt, class_name="node-image"),
        ),
        rx.el.blockquote(Player.node_text, id="situation", tab_index=-1),
        rx.cond(
            Player.finished,
            rx.fragment(),
            rx.el.div(
                rx.el.h3("Hur svarar du?"),
                rx.el.ul(rx.foreach(Player.answers, _answer), class_name="choices"),
                ui.message(Player, at="play"),
            ),
        ),
        class_name="card",
    )


def player_page() -> rx.Component:
    return ui.page_shell(
        rx.link("← Alla scenarier", href="/traning"),
        ui.message(Player, at="page"),
        rx.cond(
            Player.scenario_id > 0,
            rx.fragment(
                ui.page_title(Player.title),
                rx.el.p(
                    rx.el.strong("Kanal: "),
                    Player.channel,
                    " · ",
                    Player.situation,
                    rx.cond(
                        Player.journey_label != "",
                        rx.fragment(" · ", rx.el.strong("Kundresesteg: "), Player.journey_label),
                    ),
                    class_name="muted",
                    id="setting",
                ),
                _feedback(),
                _situation(),
                rx.cond(Player.finished, _end()),
            ),
        ),
        area="practice",
    )
