"""The follow-up page for trainers: results per dimension (chart and table), choices, paths."""

from __future__ import annotations

import reflex as rx

from academy.practice.web.followup_state import FollowUpState as F
from academy.practice.web.widgets import sub_nav
from academy.ui.forms import data_table as table
from academy.ui.forms import empty_state, message, select_field
from academy.ui.layout import page_shell


def _chart_bar(row: dict) -> rx.Component:
    return rx.el.div(
        rx.el.span(row["dimension"], class_name="chart-label"),
        rx.el.div(
            rx.el.div(class_name="bar-fill " + row["sign"].to(str), style={"width": row["width"]}),
            class_name="bar",
        ),
        rx.el.span(row["average"], class_name="chart-value"),
        class_name="chart-row",
    )


def _chart() -> rx.Component:
    # The same figures are in the table below; the chart is a visual summary only.
    return rx.el.figure(
        rx.el.div(rx.foreach(F.dimensions, _chart_bar), aria_hidden="true"),
        rx.el.figcaption(
            "Genomsnittlig poäng per försök och dimension (skala per val −2 till +2)."
        ),
        class_name="chart",
    )


def _cells(*keys: str):
    return lambda row: rx.el.tr(*[rx.el.td(row[key]) for key in keys])


def _cohort_exports(name: str, label: str) -> rx.Component:
    base = "/api/traning/uppfoljning/" + F.cohort_id + "/" + name
    return rx.el.nav(
        rx.el.span(f"Exportera {label}:", class_name="muted"),
        rx.el.a(
            "CSV",
            rx.el.span(f" ({label})", class_name="sr-only"),
            href=base + ".csv",
            download=True,
            reload_document=True,
        ),
        rx.el.a(
            "XLSX",
            rx.el.span(f" ({label})", class_name="sr-only"),
            href=base + ".xlsx",
            download=True,
            reload_document=True,
        ),
        aria_label=f"Exportera {label}",
        class_name="actions exports",
    )


def _results() -> rx.Component:
    base = "/api/traning/uppfoljning/" + F.cohort_id + "/" + F.scenario_id
    return rx.fragment(
        rx.heading(F.heading, as_="h2", size="5"),
        rx.el.nav(
            rx.el.span("Exportera resultat:", class_name="muted"),
            rx.el.a("CSV", href=base + "/csv", download=True, reload_document=True),
            rx.el.a("XLSX", href=base + "/xlsx", download=True, reload_document=True),
            aria_label="Exportera",
            class_name="actions exports",
        ),
        rx.el.section(
            rx.heading("Resultat per dimension", as_="h3", size="4"),
            _chart(),
            table(
                "Resultat per dimension",
                ["Dimension", "Medelpoäng per försök", "Försök"],
                F.dimensions,
                _cells("dimension", "average", "attempts"),
            ),
            class_name="card",
        ),
        rx.el.section(
            rx.heading("Vanligaste valet per nod", as_="h3", size="4"),
            table(
                "Vanligaste valet per nod",
                ["Nod", "Situation", "Vanligaste svar", "Antal"],
                F.popular,
                _cells("node", "situation", "choice", "share"),
            ),
            class_name="card",
        ),
        rx.el.section(
            rx.heading("Varje deltagares väg", as_="h3", size="4"),
            rx.cond(
                F.paths.length() > 0,
                table(
                    "Deltagarnas försök",
                    ["Namn", "Tidpunkt", "Valen i ordning", "Poäng", "Nådde slutet"],
                    F.paths,
                    _cells("name", "when", "path", "totals", "end"),
                ),
                empty_state("Inga försök ännu", "Ingen i kursomgången har spelat scenariot."),
            ),
            class_name="card",
        ),
        rx.el.section(
            rx.heading("Rollspel: observatörernas bedömningar", as_="h3", size="4"),
            _cohort_exports("bedomningar", "bedömningar"),
            table(
                "Observatörernas bedömningar",
                ["Deltagare", "Rollspel", "Observatör", "Påstående", "Bedömning", "Kommentar"],
                F.ratings,
                _cells("participant", "card", "observer", "statement", "rating", "comment"),
            ),
            class_name="card",
        ),
        rx.el.section(
            rx.heading("Träningslogg: aktivitet", as_="h3", size="4"),
            _cohort_exports("loggaktivitet", "loggaktivitet"),
            table(
                "Loggposter per deltagare",
                ["Namn", "Loggposter", "Med återkoppling", "Senaste"],
                F.activity,
                _cells("name", "entries", "with_feedback", "latest"),
            ),
            class_name="card",
        ),
    )


def followup_page() -> rx.Component:
    return page_shell(
        rx.heading("Uppföljning av träning", as_="h1"),
        sub_nav(),
        message(F.error, "error"),
        rx.el.form(
            select_field("Kursomgång", "cohort", F.cohort_options, field_id="followup-cohort"),
            select_field("Scenario", "scenario", F.scenario_options, field_id="followup-scenario"),
            rx.el.button("Visa", type="submit", class_name="button primary"),
            on_submit=F.show,
            reset_on_submit=False,
            class_name="form inline",
            aria_label="Välj kursomgång och scenario",
        ),
        rx.cond(F.shown, _results()),
        area="practice",
    )
