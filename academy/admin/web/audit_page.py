"""The audit log page: the latest security events, newest first."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.admin.web.audit_state import AuditState
from academy.admin.web.shell import admin_page
from academy.admin.web.view import EventView


def _event_row(event: EventView) -> rx.Component:
    return rx.el.tr(
        ui.cell(event.at),
        ui.cell(event.label),
        ui.cell(event.subject, wrap=True),
        ui.cell(event.actor, wrap=True),
        ui.cell(event.detail, wrap=True),
    )


def audit_page() -> rx.Component:
    return admin_page(
        "Händelselogg",
        "De senaste 200 säkerhetshändelserna (tider i UTC).",
        ui.message(AuditState, at="audit"),
        ui.data_table(
            "Händelser",
            [
                ui.col("Tid"),
                ui.col("Händelse"),
                ui.col("Gäller"),
                ui.col("Utförd av"),
                ui.col("Detaljer"),
            ],
            AuditState.events,
            _event_row,
            empty="Inga händelser är loggade ännu.",
        ),
    )
