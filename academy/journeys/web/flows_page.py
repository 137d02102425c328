"""The editor's flows between steps: the table (delete asks first) and the form to add one."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.journeys.web.editor_state import AT_FLOWS
from academy.journeys.web.editor_state import JourneyEditorState as S
from academy.journeys.web.steps_page import field_error
from academy.journeys.web.view import FLOW_KIND_LABELS, FlowRow


def _flow_row(flow: FlowRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(flow.source_text, wrap=True),
        ui.cell(flow.target_text, wrap=True),
        ui.cell(flow.kind),
        ui.cell(flow.share, num=True),
        ui.cell(
            rx.cond(
                S.can_edit,
                ui.row_actions(
                    ui.confirm_button(
                        "Ta bort",
                        S.delete_flow(flow.source, flow.target),
                        dialog_id="delete-flow-" + flow.key,
                        question="Ta bort flödet från ”"
                        + flow.source_text
                        + "” till ”"
                        + flow.target_text
                        + "”?",
                        explanation="Stegen finns kvar; bara flödet mellan dem tas bort.",
                        small=True,
                        aria_label="Ta bort flödet från " + flow.source_text,
                    ),
                ),
            )
        ),
    )


def _flow_form() -> rx.Component:
    return ui.form(
        ui.select_field(
            "Från",
            "source",
            S.steps,
            value_key="id",
            label_key="text",
            empty_label="Välj steg",
            error=field_error(AT_FLOWS, "source"),
        ),
        ui.select_field(
            "Till",
            "target",
            S.steps,
            value_key="id",
            label_key="text",
            empty_label="Välj steg",
            error=field_error(AT_FLOWS, "target"),
        ),
        ui.static_select(
            "Typ",
            "kind",
            list(FLOW_KIND_LABELS.items()),
            "next",
            field_id="f-flow-kind",
            error=field_error(AT_FLOWS, "kind"),
        ),
        ui.text_field(
            "Andel (0–1)",
            "share",
            hint="Lämna tomt om alla ärenden går hit.",
            error=field_error(AT_FLOWS, "share"),
        ),
        ui.submit("Lägg till flöde", kind="secondary"),
        on_submit=S.add_flow,
        reset_on_submit=False,
        key=f"flows-{S.form_key}-{S.flows_key}",
        aria_label="Nytt flöde",
    )


def flows() -> rx.Component:
    return ui.section(
        "Flöden",
        ui.data_table(
            "Flöden mellan steg",
            [
                ui.col("Från"),
                ui.col("Till"),
                ui.col("Typ"),
                ui.col("Andel", num=True),
                ui.col("Åtgärd", hidden=True),
            ],
            S.flows,
            _flow_row,
            empty="Inga flöden ännu: de visar hur ärendet går från steg till steg.",
        ),
        ui.message(S, at=AT_FLOWS),
        rx.cond(S.can_edit, _flow_form()),
        id="flode",
    )
