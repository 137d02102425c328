"""The follow-up page for trainers: results per dimension (chart and table), choices, paths."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.practice.web.activity_view import (
    ActivityRow,
    PathRow,
    PopularRow,
    RatingRow,
    ResultRow,
)
from academy.practice.web.followup_state import FollowUpState as FollowUp
from academy.practice.web.widgets import sub_nav

NO_ATTEMPTS = "Ingen i kursomgången har spelat scenariot ännu."


def _exports(label: str, csv: rx.Var, xlsx: rx.Var) -> rx.Component:
    """CSV and XLSX links; `label` names them for screen readers ("CSV (bedömningar)")."""
    suffix = [rx.el.span(f" ({label})", class_name="sr-only")] if label else []
    return rx.el.nav(
        rx.el.span(f"Exportera {label or 'resultat'}:", class_name="muted"),
        ui.download_link(rx.fragment("CSV", *suffix), csv),
        ui.download_link(rx.fragment("XLSX", *suffix), xlsx),
        aria_label=f"Exportera {label or 'resultat'}",
        class_name="actions exports",
    )


def _cohort_exports(name: str, label: str) -> rx.Component:
    base = "/api/traning/uppfoljning/" + FollowUp.cohort_id + "/" + name
    return _exports(label, base + ".csv", base + ".xlsx")


def _result_row(row: ResultRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(row.dimension, header=True),
        ui.cell(row.average, num=True),
        ui.cell(row.attempts, num=True),
    )


def _popular_row(row: PopularRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(row.node),
        ui.cell(row.situation, wrap=True),
        ui.cell(row.choice, wrap=True),
        ui.cell(row.share, num=True),
    )


def _path_row(row: PathRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(row.name, header=True),
        ui.cell(row.when),
        ui.cell(row.path, wrap=True),
        ui.cell(row.totals, wrap=True),
        ui.cell(row.end),
    )


def _rating_row(row: RatingRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(row.participant, header=True),
        ui.cell(row.card, wrap=True),
        ui.cell(row.observer),
        ui.cell(row.statement, wrap=True),
        ui.cell(row.rating),
        ui.cell(row.comment, wrap=True),
    )


def _activity_row(row: ActivityRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(row.name, header=True),
        ui.cell(row.entry_count, num=True),
        ui.cell(row.with_feedback, num=True),
        ui.cell(row.latest),
    )


def _results() -> rx.Component:
    base = "/api/traning/uppfoljning/" + FollowUp.cohort_id + "/" + FollowUp.scenario_id
    return rx.fragment(
        rx.el.h2(FollowUp.heading),
        _exports("", base + "/csv", base + "/xlsx"),
        ui.section(
            "Resultat per dimension",
            ui.bar_chart(
                "Genomsnittlig poäng per försök och dimension (varje val ger −2 till +2).",
                FollowUp.result_bars,
                diverging=True,
            ),
            ui.data_table(
                "Resultat per dimension",
                [
                    ui.col("Dimension"),
                    ui.col("Medelpoäng per försök", num=True),
                    ui.col("Försök", num=True),
                ],
                FollowUp.results,
                _result_row,
                empty="Scenariot har inga poängdimensioner.",
            ),
        ),
        ui.section(
            "Vanligaste valet per nod",
            ui.data_table(
                "Vanligaste valet per nod",
                [ui.col("Nod"), ui.col("Situation"), ui.col("Vanligaste svar"), ui.col("Antal")],
                FollowUp.popular,
                _popular_row,
                empty=NO_ATTEMPTS + " Tabellen visar vilket svar som valdes oftast i varje "
                "situation när någon har spelat.",
            ),
        ),
        ui.section(
            "Varje deltagares väg",
            ui.data_table(
                "Deltagarnas försök",
                [
                    ui.col("Namn"),
                    ui.col("Tidpunkt"),
                    ui.col("Valen i ordning"),
                    ui.col("Poäng"),
                    ui.col("Nådde slutet"),
                ],
                FollowUp.paths,
                _path_row,
                empty=NO_ATTEMPTS,
            ),
        ),
        ui.section(
            "Rollspel: observatörernas bedömningar",
            _cohort_exports("bedomningar", "bedömningar"),
            ui.data_table(
                "Observatörernas bedömningar",
                [
                    ui.col("Deltagare"),
                    ui.col("Rollspel"),
                    ui.col("Observatör"),
                    ui.col("Påstående"),
                    ui.col("Bedömning"),
                    ui.col("Kommentar"),
                ],
                FollowUp.ratings,
                _rating_row,
                empty="Ingen i kursomgången har observerats i ett rollspel ännu.",
            ),
        ),
        ui.section(
            "Träningslogg: aktivitet",
            _cohort_exports("loggaktivitet", "loggaktivitet"),
            ui.data_table(
                "Loggposter per deltagare",
                [
                    ui.col("Namn"),
                    ui.col("Loggposter", num=True),
                    ui.col("Med återkoppling", num=True),
                    ui.col("Senaste"),
                ],
                FollowUp.activity,
                _activity_row,
                empty="Kursomgången har inga deltagare.",
            ),
        ),
    )


def followup_page() -> rx.Component:
    errors = FollowUp.field_errors
    return ui.page_shell(
        ui.page_title("Uppföljning av träning"),
        sub_nav(),
        ui.message(FollowUp, at="page"),
        ui.form(
            ui.select_field(
                "Kursomgång",
                "cohort",
                FollowUp.cohort_options,
                field_id="followup-cohort",
                error=errors.get("cohort", ""),
            ),
            ui.select_field(
                "Scenario",
                "scenario",
                FollowUp.scenario_options,
                field_id="followup-scenario",
                error=errors.get("scenario", ""),
            ),
            ui.submit("Visa"),
            ui.message(FollowUp, at="followup"),
            on_submit=FollowUp.show,
            class_name="form inline",
            aria_label="Välj kursomgång och scenario",
        ),
        rx.cond(FollowUp.shown, _results()),
        area="practice",
    )
