"""The units page: förvaltningar and enheter in a table, and the form for one."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.admin.web.shell import admin_page, edit_card
from academy.admin.web.units_state import FORM, UnitsState
from academy.admin.web.view import UNIT_KIND_LABELS, UnitView


def _unit_row(unit: UnitView) -> rx.Component:
    return rx.el.tr(
        ui.cell(unit.path, header=True, wrap=True),
        ui.cell(unit.kind),
        ui.cell(
            ui.row_actions(
                rx.el.button(
                    "Redigera",
                    rx.el.span(" ", unit.name, class_name="sr-only"),
                    type="button",
                    on_click=UnitsState.start_edit(unit.id),
                    class_name="button small",
                )
            )
        ),
    )


def _unit_form() -> rx.Component:
    errors = UnitsState.field_errors
    return edit_card(
        UnitsState,
        ui.text_field(
            "Namn",
            "name",
            required=True,
            default_value=UnitsState.editing.name,
            error=errors.get("name", ""),
        ),
        ui.static_select(
            "Typ",
            "kind",
            list(UNIT_KIND_LABELS.items()),
            UnitsState.editing.kind,
            error=errors.get("kind", ""),
        ),
        ui.select_field(
            "Ingår i",
            "parent_id",
            UnitsState.unit_options,
            default_value=UnitsState.editing.parent_id,
            empty_label="Ingen (högsta nivån)",
            error=errors.get("parent_id", ""),
        ),
        at=FORM,
        editing=UnitsState.editing.id != 0,
        headings=("Ny enhet", "Redigera enhet"),
        on_submit=UnitsState.save_unit,
        on_cancel=UnitsState.new_unit,
        name="Enhet",
    )


def units_page() -> rx.Component:
    return admin_page(
        "Enheter",
        "Förvaltningar och enheterna i dem. Medarbetare hör till en enhet.",
        ui.data_table(
            "Förvaltningar och enheter",
            [ui.col("Enhet"), ui.col("Typ"), ui.col("Åtgärder", hidden=True)],
            UnitsState.units,
            _unit_row,
            empty="Det finns inga enheter ännu – lägg till den första nedan.",
        ),
        _unit_form(),
    )
