"""The open step for people who may not edit: its facts as text and its training, no form."""

from __future__ import annotations

import reflex as rx

from academy.journeys.web.editor_state import JourneyViewState as V
from academy.journeys.web.steps_page import link_row
from academy.journeys.web.view import EVIDENCE_LABELS


def _fact(term: str, value: rx.Var) -> rx.Component:
    return rx.fragment(rx.el.dt(term), rx.el.dd(rx.cond(value != "", value, "–")))


def _details() -> rx.Component:
    step = V.step
    return rx.el.dl(
        _fact("Fas", step.stage_name),
        _fact("Bana", step.lane_name),
        _fact("Deltar också", step.participants),
        _fact("Kanal", step.channel),
        _fact("Känsla (−2 till +2)", step.emotion),
        rx.el.dt("Smärtpunkter"),
        rx.el.dd(
            rx.cond(
                step.pain_list.length() > 0,
                rx.el.ul(rx.foreach(step.pain_list, lambda pain: rx.el.li(pain))),
                "–",
            )
        ),
        _fact("Möjligheter", step.opportunities),
        _fact("Volym per vecka", step.volume_per_week),
        _fact("Handläggningstid (minuter)", step.handling_minutes),
        _fact("Lösta i första kontakten (%)", step.first_contact_resolution),
        _fact(
            "Underlag",
            rx.match(step.evidence, *EVIDENCE_LABELS.items(), EVIDENCE_LABELS["assumed"]),
        ),
        _fact("Sviktande efterfrågan", rx.cond(step.failure_demand, "Ja", "Nej")),
        class_name="step-facts",
    )


def step_details() -> rx.Component:
    """What the step form shows, read only: the facts, then the training it links to."""
    return rx.el.section(
        rx.cond(
            V.step_id != "",
            rx.fragment(
                rx.el.h2("Steg: " + V.step.text),
                _details(),
                rx.el.h3("Kopplad utbildning"),
                rx.cond(
                    V.step_links.length() > 0,
                    rx.el.ul(rx.foreach(V.step_links, link_row), class_name="links"),
                    rx.el.p("Steget är inte kopplat till någon utbildning.", class_name="muted"),
                ),
            ),
            rx.fragment(
                rx.el.h2("Steg"),
                rx.el.p(
                    "Välj ett steg i diagrammet eller i tabellen Alla steg för att se det.",
                    class_name="muted",
                ),
            ),
        ),
        class_name="card",
        id="step-details",
    )
