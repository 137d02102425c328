"""The scenario editor's side forms: node (with its image), choice, setting, score dimensions."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.practice.web.scenario_editor_state import ScenarioEditorState as Editor
from academy.practice.web.view import CHANNEL_OPTIONS, SCORE_PAIRS, DimensionRow, ScoreField

IMAGE_UPLOAD_ID = "node-image-upload"


def _error(name: str):
    return Editor.field_errors.get(name, "")


def setting_form() -> rx.Component:
    return ui.section(
        "Inramning",
        ui.form(
            ui.text_field("Titel", "title", default_value=Editor.title, field_id="setting-title"),
            ui.select_field(
                "Kanal",
                "channel",
                CHANNEL_OPTIONS,
                default_value=Editor.channel,
                field_id="setting-channel",
            ),
            ui.textarea(
                "Invånarens situation", "situation", Editor.situation, field_id="setting-situation"
            ),
            ui.select_field(
                "Startnod",
                "start",
                Editor.node_options,
                default_value=Editor.start,
                field_id="setting-start",
            ),
            ui.select_field(
                "Kundresesteg där scenariot utspelar sig (valfritt)",
                "journey_step",
                Editor.journey_options,
                default_value=Editor.journey_step,
                empty_label="Inget kundresesteg",
                field_id="setting-journey-step",
                error=_error("journey_step"),
            ),
            ui.submit("Spara inramningen", kind="secondary"),
            ui.message(Editor, at="setting"),
            on_submit=Editor.save_setting,
            key=f"setting-{Editor.form_key}-{Editor.setting_key}",
            aria_label="Inramning",
        ),
    )


def _dimension_row(row: DimensionRow) -> rx.Component:
    return rx.el.li(
        ui.form(
            rx.el.input(type="hidden", name="old", default_value=row.name),
            rx.el.div(
                rx.el.label("Namn på ", row.name, html_for=row.field_id),
                rx.el.input(id=row.field_id, name="new", default_value=row.name, required=True),
                class_name="field",
            ),
            rx.el.span("Används av ", row.used, " val", class_name="muted"),
            ui.row_actions(
                rx.el.button(
                    "Byt namn",
                    rx.el.span(" på ", row.name, class_name="sr-only"),
                    type="submit",
                    class_name="button small secondary",
                ),
                ui.confirm_button(
                    "Ta bort",
                    Editor.remove_dimension(row.name),
                    dialog_id="del-" + row.field_id,
                    question="Ta bort dimensionen ”" + row.name + "”?",
                    explanation="Valen ger inte längre poäng på den. En dimension som något val "
                    "ger poäng på kan inte tas bort.",
                    small=True,
                    aria_label="Ta bort dimensionen " + row.name,
                ),
            ),
            on_submit=Editor.rename_dimension,
            class_name="form inline",
        ),
    )


def dimensions() -> rx.Component:
    return ui.section(
        "Poängdimensioner",
        rx.el.p(
            "Valen ger poäng på de här dimensionerna. En dimension som något val ger poäng på "
            "kan inte tas bort.",
            class_name="muted",
        ),
        rx.el.ul(rx.foreach(Editor.dimension_rows, _dimension_row), class_name="dimension-list"),
        ui.form(
            ui.text_field("Ny dimension", "name", required=True, field_id="dimension-new"),
            ui.submit("Lägg till dimensionen", kind="secondary"),
            on_submit=Editor.add_dimension,
            class_name="form inline",
            aria_label="Ny poängdimension",
        ),
        ui.message(Editor, at="dimensions"),
        key=f"dimensions-{Editor.form_key}-{Editor.dimension_key}",
        id="dimensions",
    )


def _node_image() -> rx.Component:
    has_image = Editor.node.image_url != ""
    return rx.el.div(
        rx.el.h3("Bild"),
        rx.cond(
            has_image,
            rx.el.img(
                src=Editor.node.image_url, alt=Editor.node.image_alt, class_name="node-image"
            ),
            rx.el.p("Noden har ingen bild.", class_name="muted"),
        ),
        rx.el.div(
            rx.el.label("Bildens alternativtext", html_for="node-image-alt"),
            rx.el.textarea(
                id="node-image-alt",
                value=Editor.image_alt,
                on_change=Editor.set_image_alt,
                rows=2,
                aria_describedby="node-image-alt-hint node-image-alt-error",
                aria_invalid=rx.cond(_error("image_alt") != "", "true", "false"),
            ),
            rx.el.p(
                "Beskriv vad bilden visar för den som inte ser den.",
                id="node-image-alt-hint",
                class_name="hint",
            ),
            rx.el.p(_error("image_alt"), id="node-image-alt-error", class_name="field-error"),
            class_name="field",
        ),
        ui.labelled_upload(
            "Bildfil",
            rx.el.button("Välj bildfil", type="button", class_name="button secondary"),
            id=IMAGE_UPLOAD_ID,
            state=Editor,
            at="node-image",
            accept=ui.IMAGE_TYPES,
            max_files=1,
            multiple=False,
            border="none",
            padding="0",
        ),
        rx.el.p(
            rx.foreach(rx.selected_files(IMAGE_UPLOAD_ID), lambda name: rx.el.span(name)),
            class_name="muted",
            id="node-image-selected",
        ),
        rx.el.div(
            ui.button(
                "Ladda upp bilden",
                Editor.upload_image(rx.upload_files(upload_id=IMAGE_UPLOAD_ID)),
                kind="primary",
            ),
            rx.cond(
                has_image,
                rx.fragment(
                    ui.button("Spara alternativtexten", Editor.save_image_alt),
                    ui.confirm_button(
                        "Ta bort bilden",
                        Editor.remove_image,
                        dialog_id="del-node-image",
                        question="Ta bort bilden från noden " + Editor.node_id + "?",
                        explanation="Bilden visas inte längre när scenariot spelas.",
                    ),
                ),
            ),
            class_name="actions",
        ),
        ui.message(Editor, at="node-image"),
        rx.el.p("PNG, JPEG, GIF eller WebP, högst 2 MB.", class_name="hint"),
        id="node-image",
    )


def node_form() -> rx.Component:
    return rx.el.section(
        rx.el.h2(rx.cond(Editor.node_id != "", "Redigera nod " + Editor.node_id, "Ny nod")),
        ui.form(
            ui.textarea(
                "Vad invånaren säger eller gör",
                "text",
                Editor.node.text,
                field_id="node-text",
                rows=4,
            ),
            ui.checkbox(
                "Slutnod (samtalet slutar här)",
                "is_end",
                default_checked=Editor.node.is_end,
                field_id="node-end",
            ),
            ui.textarea(
                "Avslutande text (visas när scenariot slutar här)",
                "closing",
                Editor.node.closing,
                field_id="node-closing",
            ),
            rx.el.div(
                ui.submit("Spara noden"),
                ui.button("Ny nod", Editor.new_node),
                class_name="actions",
            ),
            ui.message(Editor, at="node"),
            on_submit=Editor.save_node,
            key=f"node-{Editor.form_key}-{Editor.node_key}",
            aria_label="Nod",
        ),
        rx.cond(Editor.node_id != "", _node_image()),
        id="node-form",
        class_name="card",
    )


def _score_select(item: ScoreField) -> rx.Component:
    return rx.el.div(
        rx.el.label(item.dimension, html_for=item.field_id),
        rx.el.select(
            *[rx.el.option(label, value=value) for value, label in SCORE_PAIRS],
            id=item.field_id,
            name=item.field_id,
            default_value=item.value,
        ),
        class_name="field score-field",
    )


def choice_form() -> rx.Component:
    return rx.el.section(
        rx.el.h2(rx.cond(Editor.choice_id != "", "Redigera val " + Editor.choice_id, "Nytt val")),
        ui.form(
            ui.select_field(
                "Från nod",
                "source",
                Editor.node_options,
                default_value=Editor.choice.source,
                field_id="choice-source",
            ),
            ui.textarea("Medarbetarens svar", "text", Editor.choice.text, field_id="choice-text"),
            ui.select_field(
                "Leder till nod",
                "target",
                Editor.node_options,
                default_value=Editor.choice.target,
                field_id="choice-target",
            ),
            ui.textarea(
                "Återkoppling efter valet",
                "feedback",
                Editor.choice.feedback,
                field_id="choice-feedback",
            ),
            rx.el.fieldset(
                rx.el.legend("Poäng per dimension (−2 till +2)"),
                rx.foreach(Editor.choice_scores, _score_select),
                class_name="score-grid",
            ),
            rx.el.div(
                ui.submit("Spara valet"),
                ui.button("Nytt val", Editor.new_choice),
                class_name="actions",
            ),
            ui.message(Editor, at="choice"),
            on_submit=Editor.save_choice,
            key=f"choice-{Editor.form_key}-{Editor.choice_key}",
            aria_label="Val",
        ),
        id="choice-form",
        class_name="card",
    )
