"""The scenario editor: status and export, the check, the map, the node and choice tables."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.practice.web.scenario_editor_forms import (
    choice_form,
    dimensions,
    node_form,
    setting_form,
)
from academy.practice.web.scenario_editor_state import ScenarioEditorState as Editor
from academy.practice.web.view import ChoiceRow, NodeRow
from academy.practice.web.widgets import problem_lists


def _status_actions() -> rx.Component:
    scenario_id = Editor.scenario_id.to_string()
    return rx.el.div(
        rx.el.div(
            rx.cond(
                Editor.status == "published",
                ui.confirm_button(
                    "Gör till utkast",
                    Editor.set_status("draft"),
                    dialog_id="unpublish",
                    question="Gör scenariot till ett utkast?",
                    explanation="Medarbetarna kan inte spela det förrän du publicerar det igen.",
                    kind="secondary",
                ),
                ui.button("Publicera", Editor.set_status("published"), kind="primary"),
            ),
            rx.link("Provspela", href="/traning/scenarier/" + scenario_id + "/spela"),
            ui.download_link(
                "Exportera som Twee", "/api/traning/scenarier/" + scenario_id + "/twee"
            ),
            class_name="actions",
        ),
        ui.message(Editor, at="status"),
    )


def _edit_delete(
    what: str, item_id, on_edit, on_delete, *, dialog_id, question, explanation: str
) -> rx.Component:
    """ "Redigera" and "Ta bort" (which asks first) for one node or choice row."""
    return ui.row_actions(
        rx.el.button(
            "Redigera",
            rx.el.span(f" {what} ", item_id, class_name="sr-only"),
            on_click=on_edit,
            class_name="button small",
        ),
        ui.confirm_button(
            "Ta bort",
            on_delete,
            dialog_id=dialog_id,
            question=question,
            explanation=explanation,
            small=True,
            aria_label=f"Ta bort {what} " + item_id,
        ),
    )


def _node_row(node: NodeRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(node.id, header=True),
        ui.cell(node.kind),
        ui.cell(node.text, wrap=True),
        ui.cell(node.choices, num=True),
        ui.cell(
            _edit_delete(
                "nod",
                node.id,
                Editor.open_node(node.id),
                Editor.delete_node(node.id),
                dialog_id="del-" + node.row_id,
                question="Ta bort noden " + node.id + "?",
                explanation="Valen från och till noden tas också bort.",
            )
        ),
        id=node.row_id,
    )


def _choice_row(choice: ChoiceRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(choice.source),
        ui.cell(choice.text, wrap=True),
        ui.cell(choice.target),
        ui.cell(choice.feedback, wrap=True),
        ui.cell(choice.scores, wrap=True),
        ui.cell(
            _edit_delete(
                "val",
                choice.id,
                Editor.open_choice(choice.id),
                Editor.delete_choice(choice.id),
                dialog_id=choice.dialog_id,
                question="Ta bort valet ”" + choice.text + "”?",
                explanation="Återkopplingen och poängen för valet försvinner också.",
            )
        ),
    )


def _map() -> rx.Component:
    return ui.section(
        "Scenariokarta",
        rx.el.p(
            "Klicka på en nod för att redigera den, eller använd knapparna i tabellen Noder.",
            class_name="muted",
        ),
        ui.text_message(Editor.map_error),
        rx.el.div(
            rx.html(Editor.svg),
            class_name="diagram fit",
            tab_index=0,
            id="scenario-map",
            role="img",
            aria_label=(
                "Karta över scenariots noder och val; samma innehåll finns i tabellerna "
                "Noder och Val."
            ),
        ),
    )


def _problems() -> rx.Component:
    return ui.section(
        "Kontroll",
        problem_lists(Editor.problems, Editor.advice, "scenario"),
        rx.cond(
            Editor.problems.length() == 0,
            rx.el.p(
                rx.cond(
                    Editor.advice.length() == 0,
                    "Inga problem: scenariot går att spela.",
                    "Inga fel: scenariot går att spela och publicera.",
                ),
                id="scenario-ok",
            ),
        ),
    )


def _tables() -> rx.Component:
    return rx.el.div(
        ui.section(
            "Noder",
            ui.data_table(
                "Noder",
                [
                    ui.col("Id"),
                    ui.col("Typ"),
                    ui.col("Text"),
                    ui.col("Val", num=True),
                    ui.col("Åtgärder", hidden=True),
                ],
                Editor.nodes,
                _node_row,
            ),
            ui.message(Editor, at="nodes"),
        ),
        ui.section(
            "Val",
            ui.data_table(
                "Val",
                [
                    ui.col("Från"),
                    ui.col("Svar"),
                    ui.col("Till"),
                    ui.col("Återkoppling"),
                    ui.col("Poäng"),
                    ui.col("Åtgärder", hidden=True),
                ],
                Editor.choices,
                _choice_row,
                empty="Inga val ännu: lägg till det första i formuläret Nytt val.",
            ),
            ui.message(Editor, at="choices"),
        ),
        class_name="main-col",
    )


def editor_page() -> rx.Component:
    return ui.page_shell(
        rx.link("← Alla scenarier", href="/traning"),
        ui.message(Editor, at="page"),
        rx.cond(
            Editor.scenario_id > 0,
            rx.fragment(
                ui.page_title(
                    Editor.title,
                    "Status: " + Editor.status_label + " · version " + Editor.version.to_string(),
                ),
                _status_actions(),
                _problems(),
                _map(),
                rx.el.div(
                    _tables(),
                    rx.el.div(
                        node_form(),
                        choice_form(),
                        setting_form(),
                        dimensions(),
                        class_name="side-col",
                    ),
                    class_name="editor-grid",
                ),
            ),
        ),
        area="practice",
    )
