"""The results part of the needs profile: ranked needs, first-contact gaps, recommendations and
the answers per question, folded by survey section so that the page stays short."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.inventory.web.profile_state import ProfileState
from academy.inventory.web.profile_view import (
    DistributionRow,
    GapRow,
    NeedRow,
    RecommendationRow,
    ResultSection,
    ResultView,
)

State = ProfileState


def _reasons(n: NeedRow) -> rx.Component:
    """The first reason; the others folded under "Alla N skäl"."""
    return rx.fragment(
        rx.el.span(n.first_reason),
        rx.cond(
            n.reason_count != "",
            rx.el.details(
                rx.el.summary(n.reason_count, rx.el.span(": ", n.topic, class_name="sr-only")),
                rx.el.ul(rx.foreach(n.reasons, lambda r: rx.el.li(r))),
                class_name="reasons",
            ),
        ),
    )


def _need_row(n: NeedRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(n.rank, num=True),
        ui.cell(n.topic, header=True),
        ui.cell(n.score, num=True),
        ui.cell(_reasons(n), wrap=True),
    )


def needs() -> rx.Component:
    return ui.section(
        "Behov, rangordnade",
        rx.el.div(
            ui.bar_chart("Behovspoäng per ämne (högre betyder större behov)", State.need_bars),
            ui.data_table(
                "Ämnen med störst behov först",
                [ui.col("Plats", num=True), ui.col("Ämne"), ui.col("Poäng", num=True), "Skäl"],
                State.needs,
                _need_row,
                empty="Svaren pekar inte ut något behov.",
            ),
            class_name="result-pair",
        ),
    )


def _gap_row(g: GapRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(g.errand, header=True, wrap=True),
        ui.cell(g.could, num=True),
        ui.cell(g.percent, num=True),
    )


def gaps() -> rx.Component:
    return ui.section(
        "Ärenden som kunde lösas i första kontakten",
        ui.data_table(
            "Andel som svarat att ärendet kunde lösas direkt men inte görs det i dag",
            [ui.col("Ärende"), ui.col("Svar", num=True), ui.col("Andel", num=True)],
            State.gaps,
            _gap_row,
            empty="Enkäten har ingen fråga om lösta ärenden i första kontakten.",
        ),
    )


def _recommendation_row(r: RecommendationRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(r.kind), ui.cell(r.title, header=True, wrap=True), ui.cell(r.matched, wrap=True)
    )


def recommendations() -> rx.Component:
    return ui.section(
        "Rekommendationer",
        ui.data_table(
            "Kurser och moduler som matchar de största behoven",
            [ui.col("Typ"), ui.col("Titel"), ui.col("Matchande ämnen")],
            State.recommendations,
            _recommendation_row,
            empty="Ingen publicerad kurs har ämnen som matchar behoven.",
        ),
    )


def _distribution_row(d: DistributionRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(d.label, header=True, wrap=True),
        ui.cell(d.count, num=True),
        ui.cell(d.percent, num=True),
    )


def _result(q: ResultView) -> rx.Component:
    return rx.el.article(
        rx.el.h4(q.text),
        rx.el.p(
            q.answered,
            " svar",
            rx.cond(q.mean != "–", rx.fragment(" · medel ", q.mean), ""),
            class_name="muted",
        ),
        rx.cond(
            q.rows.length() > 0,
            rx.el.div(
                ui.bar_chart("Andel per svar: " + q.text, q.bars),
                ui.data_table(
                    "Fördelning: " + q.text,
                    [ui.col("Svar"), ui.col("Antal", num=True), ui.col("Andel (%)", num=True)],
                    q.rows,
                    _distribution_row,
                ),
                class_name="result-pair",
            ),
        ),
        rx.cond(
            q.texts.length() > 0,
            rx.el.details(
                rx.el.summary(q.texts.length(), " fritextsvar"),
                rx.el.ul(
                    rx.foreach(q.texts, lambda t: rx.el.li(t)),
                    class_name="free-texts",
                    aria_label="Fritextsvar: " + q.text,
                ),
            ),
        ),
        class_name="result",
    )


def _result_section(s: ResultSection) -> rx.Component:
    return rx.el.details(
        rx.el.summary(
            # Inline, so that the heading stays on the line of the disclosure triangle.
            rx.el.h3(s.title, class_name="summary-heading", style={"display": "inline"}),
            rx.el.span(" · ", s.summary, class_name="muted"),
        ),
        rx.foreach(s.results, _result),
        class_name="result-section",
    )


def answers() -> rx.Component:
    return ui.section(
        "Svar per fråga",
        rx.el.p(
            "Öppna ett avsnitt för att se fördelningen av svaren på varje fråga.",
            class_name="muted",
        ),
        rx.foreach(State.sections, _result_section),
        id="answers",
    )
