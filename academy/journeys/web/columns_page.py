"""The editor's stages (faser) and lanes (banor): rename, reorder, delete, add."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.journeys.web.editor_state import JourneyEditorState as S
from academy.journeys.web.steps_page import field_error
from academy.journeys.web.view import LANE_ROLE_SV, ColumnRow

NOUNS = {"stage": ("fas", "fasen", "Faser"), "lane": ("bana", "banan", "Banor")}


def _delete_dialog(what: str, item: ColumnRow, items) -> rx.Component:
    """Delete a stage or lane, asking first; its steps move to another one or go with it.

    Built like ui.confirm_button's dialog (assets/kit.js opens and closes it), with the
    choice of where the steps go inside it."""
    noun, the_noun, _ = NOUNS[what]
    dialog_id = f"delete-{what}-" + item.id.to(str)
    title_id = dialog_id + "-title"
    return rx.fragment(
        rx.el.button(
            "Ta bort",
            type="button",
            class_name="button danger small",
            aria_haspopup="dialog",
            aria_label="Ta bort " + item.name,
            custom_attrs={"data-confirm-open": dialog_id},
        ),
        rx.el.dialog(
            rx.el.h2(
                f"Ta bort {the_noun} ”", item.name, "”?", id=title_id, class_name="dialog-title"
            ),
            ui.form(
                rx.el.input(type="hidden", name="what", value=what),
                rx.el.input(type="hidden", name="id", value=item.id),
                rx.cond(
                    item.steps > 0,
                    rx.fragment(
                        rx.el.p(
                            "Det finns ",
                            item.steps_text,
                            f" i {the_noun}. Flytta dem till en annan {noun}, "
                            "eller ta bort dem med deras flöden.",
                            class_name="dialog-text",
                        ),
                        rx.el.div(
                            rx.el.label("Flytta stegen till", html_for=dialog_id + "-move"),
                            rx.el.select(
                                rx.el.option("Ta bort stegen också", value=""),
                                rx.foreach(
                                    items,
                                    lambda other: rx.cond(
                                        other.id != item.id,
                                        rx.el.option(other.name, value=other.id),
                                    ),
                                ),
                                id=dialog_id + "-move",
                                name="move_to",
                            ),
                            class_name="field",
                        ),
                    ),
                    rx.el.p(
                        f"Inga steg ligger i {the_noun}. Tidigare versioner finns kvar.",
                        class_name="dialog-text",
                    ),
                ),
                ui.dialog_actions(
                    rx.el.button(
                        "Ta bort",
                        type="submit",
                        class_name="button danger-solid",
                        custom_attrs={"data-confirm-close": ""},
                    )
                ),
                on_submit=S.delete_column,
                reset_on_submit=False,
                aria_label=f"Ta bort {noun}",
            ),
            id=dialog_id,
            class_name="confirm-dialog",
            aria_labelledby=title_id,
        ),
    )


def _column_row(item: ColumnRow, what: str, items) -> rx.Component:
    field_id = f"name-{what}-" + item.id.to(str)
    return rx.el.li(
        ui.form(
            rx.el.input(type="hidden", name="what", value=what),
            rx.el.input(type="hidden", name="id", value=item.id),
            rx.el.label("Namn", html_for=field_id, class_name="sr-only"),
            rx.el.input(name="name", id=field_id, default_value=item.name),
            rx.el.button("Byt namn", type="submit", class_name="button small"),
            on_submit=S.rename_column,
            reset_on_submit=False,
            key=f"columns-{S.form_key}-{S.columns_key}",
            class_name="inline",
            aria_label="Byt namn på " + item.name,
        ),
        rx.el.span(
            rx.cond(item.role != "", item.role + " · ", ""), item.steps_text, class_name="muted"
        ),
        ui.row_actions(
            ui.move_controls(
                item.name,
                S.move_column(what, item.id, -1),
                S.move_column(what, item.id, 1),
                first=item.first,
                last=item.last,
            ),
            _delete_dialog(what, item, items),
        ),
        id=item.anchor,
        class_name="column-row",
    )


def columns(what: str) -> rx.Component:
    noun, _, title = NOUNS[what]
    items = S.stages if what == "stage" else S.lanes
    role = (
        [
            ui.static_select(
                "Typ av bana",
                "role",
                list(LANE_ROLE_SV.items()),
                "backstage",
                error=field_error(what, "role"),
            )
        ]
        if what == "lane"
        else []
    )
    return ui.section(
        title,
        rx.cond(
            items.length() > 0,
            rx.el.ol(
                rx.foreach(items, lambda item: _column_row(item, what, items)), class_name="columns"
            ),
            rx.el.p(f"Inga {title.lower()} ännu.", class_name="muted"),
        ),
        ui.message(S, at=what),
        ui.form(
            rx.el.input(type="hidden", name="what", value=what),
            ui.text_field(
                f"Ny {noun}", "name", field_id=f"f-{what}-name", error=field_error(what, "name")
            ),
            *role,
            ui.submit("Lägg till", kind="secondary"),
            on_submit=S.add_column,
            reset_on_submit=False,
            key=f"columns-{S.form_key}-{S.columns_key}",
            class_name="form inline",
            aria_label=f"Ny {noun}",
        ),
    )
