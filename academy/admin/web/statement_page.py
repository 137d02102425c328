"""Tillgänglighetsredogörelse, edited by admins (`/admin/tillganglighet`)."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.admin.web.shell import admin_page
from academy.privacy.statement import COMPLIANCE_LABELS
from academy.privacy.web.privacy_state import STATEMENT_FORM, StatementState


def statement_admin_page() -> rx.Component:
    s = StatementState.statement
    errors = StatementState.field_errors
    return admin_page(
        "Tillgänglighetsredogörelse",
        "Det som visas på sidan Tillgänglighet, som alla når från sidfoten utan att logga in.",
        rx.el.p(rx.link("Visa den publicerade sidan", href="/tillganglighet")),
        rx.el.section(
            ui.form(
                ui.text_field(
                    "Myndighetens namn",
                    "organisation",
                    required=True,
                    default_value=s.organisation,
                    error=errors.get("organisation", ""),
                ),
                ui.text_field(
                    "Tjänstens namn",
                    "service",
                    required=True,
                    default_value=s.service,
                    error=errors.get("service", ""),
                ),
                ui.static_select(
                    "Förenlighet med lagen",
                    "compliance",
                    [(key, label.capitalize()) for key, label in COMPLIANCE_LABELS.items()],
                    s.compliance,
                    error=errors.get("compliance", ""),
                ),
                ui.textarea(
                    "Kända brister och varför de finns",
                    "gaps",
                    s.gaps_text,
                    rows=6,
                    hint="Tom rad mellan stycken.",
                    error=errors.get("gaps", ""),
                ),
                ui.textarea(
                    "Hur tjänsten granskats",
                    "assessment",
                    s.assessment_text,
                    rows=4,
                    error=errors.get("assessment", ""),
                ),
                ui.text_field(
                    "Senast bedömd (ÅÅÅÅ-MM-DD)",
                    "assessed_on",
                    default_value=rx.cond(s.assessed_on == "inte angivet", "", s.assessed_on),
                    error=errors.get("assessed_on", ""),
                ),
                ui.textarea(
                    "Hur man lämnar synpunkter",
                    "feedback",
                    s.feedback_text,
                    rows=4,
                    error=errors.get("feedback", ""),
                ),
                ui.message(StatementState, at=STATEMENT_FORM),
                ui.submit("Spara"),
                on_submit=StatementState.save,
                key=StatementState.form_key,
                reset_on_submit=False,
                aria_label="Tillgänglighetsredogörelse",
            ),
            class_name="card",
        ),
    )
