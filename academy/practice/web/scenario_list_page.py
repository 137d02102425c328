"""The scenario list: what there is to play, and for trainers a new scenario and the Twee import."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.practice.web.scenario_list_state import ScenarioListState
from academy.practice.web.view import CHANNEL_PAIRS, STATUS_OPTIONS, ListRow
from academy.practice.web.widgets import problem_lists, sub_nav

UPLOAD_ID = "twee-upload"


def _scenario_row(row: ListRow) -> rx.Component:
    href = "/traning/scenarier/" + row.id.to(str)
    return rx.el.tr(
        ui.cell(row.title, header=True, wrap=True),
        ui.cell(row.channel),
        ui.cell(row.unit, wrap=True),
        ui.cell(row.nodes, num=True),
        ui.cell(row.status),
        ui.cell(
            ui.row_actions(
                rx.link(
                    "Spela", rx.el.span(" ", row.title, class_name="sr-only"), href=href + "/spela"
                ),
                rx.cond(
                    ScenarioListState.can_author,
                    rx.link(
                        "Redigera", rx.el.span(" ", row.title, class_name="sr-only"), href=href
                    ),
                ),
            )
        ),
    )


def _filters() -> rx.Component:
    return ui.form(
        ui.select_field(
            "Enhet",
            "unit",
            ScenarioListState.unit_options,
            empty_label="Alla enheter",
            field_id="filter-unit",
        ),
        ui.select_field(
            "Status", "status", STATUS_OPTIONS, empty_label="Alla", field_id="filter-status"
        ),
        ui.submit("Filtrera", kind="secondary"),
        ui.message(ScenarioListState, at="filter"),
        on_submit=ScenarioListState.filter,
        class_name="form inline",
        aria_label="Filtrera scenarier",
    )


def _new_form() -> rx.Component:
    errors = ScenarioListState.field_errors
    return ui.section(
        "Nytt scenario",
        ui.form(
            ui.text_field(
                "Titel", "title", required=True, field_id="new-title", error=errors.get("title", "")
            ),
            ui.static_select("Kanal", "channel", CHANNEL_PAIRS, "telefon", field_id="new-channel"),
            ui.textarea("Invånarens situation", "situation", field_id="new-situation"),
            ui.textarea(
                "Det invånaren säger först",
                "first_text",
                field_id="new-first-text",
                hint="Blir scenariots startnod. Fler noder och val lägger du till i redigeraren.",
                error=errors.get("first_text", ""),
            ),
            ui.submit("Skapa scenariot"),
            ui.message(ScenarioListState, at="new-scenario"),
            on_submit=ScenarioListState.create,
            aria_label="Nytt scenario",
        ),
    )


def _preview() -> rx.Component:
    preview = ScenarioListState.preview
    facts = [
        ("Titel", preview.title),
        ("Kanal", preview.channel),
        ("Noder", preview.nodes),
        ("Val", preview.choices),
        ("Slut", preview.ends),
        ("Fel som hindrar publicering", preview.errors),
        ("Råd", preview.warnings),
    ]
    return rx.cond(
        ScenarioListState.has_preview,
        rx.el.div(
            rx.el.h3("Förhandsgranskning"),
            rx.el.dl(
                *[part for term, value in facts for part in (rx.el.dt(term), rx.el.dd(value))]
            ),
            problem_lists(
                ScenarioListState.preview_errors, ScenarioListState.preview_warnings, "twee", "h4"
            ),
            ui.button(
                "Skapa scenariot från Twee", ScenarioListState.confirm_import, kind="primary"
            ),
            class_name="card",
            id="twee-preview",
        ),
    )


def _import() -> rx.Component:
    return ui.import_panel(
        ScenarioListState,
        heading="Importera från Twine (Twee 3)",
        intro=(
            "Klistra in en Twee-fil eller välj en fil. Återkoppling och poäng skrivs enligt "
            "vår Twee-konvention. Vid fel skapas ingenting. Högst 1 000 passager och 2 MB."
        ),
        text=ScenarioListState.import_text,
        on_text_change=ScenarioListState.set_import_text,
        on_upload=ScenarioListState.upload,
        on_preview=ScenarioListState.preview_import,
        preview=_preview(),
        upload_id=UPLOAD_ID,
        accept={"text/plain": [".twee", ".tw", ".txt"]},
        file_button="Välj fil (.twee)",
        text_label="Twee-text",
        at="import",
        field_id="f-twee",
    )


def list_page() -> rx.Component:
    return ui.page_shell(
        ui.page_title(
            "Träning",
            "Öva bemötande i förgrenade scenarier: välj ett svar i taget och få återkoppling "
            "direkt. Dina försök sparas så att du och din utbildare kan följa utvecklingen.",
        ),
        sub_nav(),
        ui.message(ScenarioListState, at="page"),
        ui.section(
            "Scenarier",
            rx.cond(ScenarioListState.can_author, _filters()),
            ui.data_table(
                "Scenarier",
                [
                    ui.col("Titel"),
                    ui.col("Kanal"),
                    ui.col("Enhet"),
                    ui.col("Noder", num=True),
                    ui.col("Status"),
                    ui.col("Åtgärder", hidden=True),
                ],
                ScenarioListState.rows,
                _scenario_row,
                empty=rx.cond(
                    ScenarioListState.can_author,
                    "Inga scenarier matchar filtret. Välj ”Alla” eller skapa ett nytt nedan.",
                    "Inga scenarier att spela ännu. När en utbildare publicerar ett scenario "
                    "visas det här.",
                ),
            ),
        ),
        rx.cond(
            ScenarioListState.can_author,
            rx.el.div(_new_form(), _import(), class_name="editor-grid"),
        ),
        area="practice",
    )
