"""The journey editor's panel "Observerade kontakter": the figures of the categories linked to
the journey's steps (Kontaktanalys), and the diagram with them on the steps."""

from __future__ import annotations

import math
from dataclasses import dataclass

import reflex as rx

from academy import ui
from journeys import blueprint
from journeys.blueprint import Renderer
from journeys.contacts.observed import (
    ObservedStep,
    apply_observed,
    observed_contacts_per_errand,
    observed_failure_share,
)
from journeys.model import Journey
from journeys.report import summarize


@dataclass(frozen=True)
class ObservedRow:
    step: str
    categories: str
    per_week: str
    fcr: str
    failure: str
    repeats: str


def observed_rows(journey: Journey, observed: dict[str, ObservedStep]) -> list[ObservedRow]:
    texts = {step.id: step.text for step in journey.steps}
    return [
        ObservedRow(
            step=texts.get(step_id, step_id),
            categories=", ".join(seen.categories),
            per_week=f"{seen.per_week:.0f}",
            fcr=f"{seen.first_contact_resolution * 100:.0f} %",
            failure=f"{seen.failure_demand_share * 100:.0f} %",
            repeats=f"{seen.repeat_share * 100:.0f} %",
        )
        for step_id, seen in observed.items()
        if step_id in texts
    ]


def observed_figures(journey: Journey, observed: dict[str, ObservedStep]) -> list[list[str]]:
    """The key figures with observed values where steps have them."""
    applied = apply_observed(journey, observed)
    summary = summarize(applied)
    rows = []
    fcr = summary.get("first_contact_resolution") if isinstance(summary, dict) else None
    share = observed_failure_share(journey, observed)
    if share is not None:
        rows.append(["Sviktande efterfrågan (observerad där det finns)", f"{share * 100:.0f} %"])
    per_errand = observed_contacts_per_errand(observed)
    if per_errand is not None and math.isfinite(per_errand):
        rows.append(["Kontakter per ärende (observerat)", f"{per_errand:.2f}".replace(".", ",")])
    if fcr is not None:
        rows.append(["Lösta i första kontakten (viktat)", f"{fcr * 100:.0f} %"])
    return rows


def observed_renderer(journey: Journey, observed: dict[str, ObservedStep]) -> Renderer:
    """The diagram with the observed figures on its steps (blueprint.observed_renderer); the
    plain diagram, without copying the journey, when no step has any."""
    if not observed:
        return blueprint.journey_renderer(journey)
    return blueprint.observed_renderer(apply_observed(journey, observed), observed)


def observed_panel(state) -> rx.Component:
    """`state` has observed_rows, observed_period and observed_figures."""
    return rx.cond(
        state.observed_rows.length() > 0,
        ui.section(
            "Observerade kontakter",
            rx.el.p(
                "Kontaktanalys för perioden ",
                state.observed_period,
                ". Stegen i tabellen har evidensnivån observerad; diagrammet visar kontakter "
                "per vecka och andelen lösta i första kontakten på stegen (färg: ju lägre "
                "andel, desto varmare).",
            ),
            ui.data_table(
                "Observerade kontakter per steg",
                [
                    ui.col("Steg"),
                    ui.col("Kategorier"),
                    ui.col("Kontakter per vecka", num=True),
                    ui.col("Lösta i första kontakten", num=True),
                    ui.col("Sviktande efterfrågan", num=True),
                    ui.col("Återkommande kontakt", num=True),
                ],
                state.observed_rows,
                lambda r: rx.el.tr(
                    ui.cell(r.step, header=True, wrap=True),
                    ui.cell(r.categories, wrap=True),
                    ui.cell(r.per_week, num=True),
                    ui.cell(r.fcr, num=True),
                    ui.cell(r.failure, num=True),
                    ui.cell(r.repeats, num=True),
                ),
            ),
            ui.data_table(
                "Nyckeltal med observerade siffror",
                [ui.col("Nyckeltal"), ui.col("Värde", num=True)],
                state.observed_figures,
                lambda r: rx.el.tr(ui.cell(r[0], header=True), ui.cell(r[1], num=True)),
            ),
            rx.el.p(rx.link("Kontaktanalys", href="/kundresor/kontakter")),
            id="observerat",
        ),
    )
