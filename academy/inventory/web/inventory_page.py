"""/inventering: surveys to answer; for trainers also campaigns, a new campaign, templates."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.inventory.web.inventory_state import InventoryState
from academy.inventory.web.view import CampaignRow, MySurveyRow, Person, TemplateRow

State = InventoryState


def _my_survey_row(s: MySurveyRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(s.title, header=True, wrap=True),
        ui.cell(s.closes_on),
        ui.cell(s.phase),
        ui.cell(s.status),
        ui.cell(
            rx.cond(
                s.can_answer,
                rx.link(
                    "Svara",
                    rx.el.span(" på ", s.title, class_name="sr-only"),
                    href="/inventering/" + s.id.to(str) + "/svara",
                ),
                "–",
            )
        ),
    )


def _campaign_row(c: CampaignRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(rx.link(c.title, href="/inventering/" + c.id.to(str)), header=True, wrap=True),
        ui.cell(c.unit, wrap=True),
        ui.cell(c.period),
        ui.cell(c.phase),
        ui.cell(c.rate, num=True),
    )


def _template_row(t: TemplateRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(
            rx.link(t.title, href="/inventering/mallar/" + t.id.to(str)), header=True, wrap=True
        ),
        ui.cell(t.description, wrap=True),
        ui.cell(t.questions, num=True),
        ui.cell(t.used, num=True),
    )


def _person(p: Person) -> rx.Component:
    return ui.inline_check(p.name, "person-" + p.id.to(str))


def _start_form() -> rx.Component:
    errors = State.field_errors
    return ui.section(
        "Starta en enkät",
        ui.form(
            ui.text_field(
                "Namn på enkätomgången", "title", required=True, error=errors.get("title", "")
            ),
            ui.select_field(
                "Mall",
                "template_id",
                State.template_options,
                error=errors.get("template_id", ""),
            ),
            ui.select_field(
                "Enhet",
                "unit_id",
                State.unit_options,
                empty_label="Välj enhet",
                on_change=State.choose_unit,
                error=errors.get("unit_id", ""),
            ),
            ui.text_field(
                "Första svarsdag",
                "opens_on",
                type_="date",
                required=True,
                error=errors.get("opens_on", ""),
            ),
            ui.text_field(
                "Sista svarsdag",
                "closes_on",
                type_="date",
                required=True,
                error=errors.get("closes_on", ""),
            ),
            rx.cond(
                State.people.length() > 0,
                rx.el.fieldset(
                    rx.el.legend("Mottagare (välj ingen för att skicka till alla medarbetare)"),
                    rx.foreach(State.people, _person),
                ),
            ),
            rx.el.div(ui.submit("Skicka enkäten"), class_name="actions"),
            ui.message(State, at="start"),
            on_submit=State.start_campaign,
            key=State.form_key,
            aria_label="Starta en enkät",
        ),
    )


def _templates() -> rx.Component:
    return ui.section(
        "Enkätmallar",
        ui.data_table(
            "Enkätmallar",
            [
                ui.col("Mall"),
                ui.col("Beskrivning"),
                ui.col("Frågor", num=True),
                ui.col("Använd i enkätomgångar", num=True),
            ],
            State.template_rows,
            _template_row,
            empty="Inga enkätmallar ännu – skapa en nedan.",
        ),
        rx.el.h3("Ny enkätmall"),
        ui.form(
            ui.text_field("Mallens titel", "template_title", required=True),
            ui.select_field("Utgå från", "source", State.source_options),
            ui.text_field("Beskrivning (för en tom mall)", "description"),
            rx.el.div(ui.submit("Skapa mall"), class_name="actions"),
            ui.message(State, at="new-template"),
            on_submit=State.new_template,
            aria_label="Ny enkätmall",
        ),
    )


def inventory_page() -> rx.Component:
    return ui.page_shell(
        ui.page_title(
            "Inventering",
            "Steg 1: förstå enhetens arbetssituation och behov, och bygg utbildningen utifrån "
            "behovsprofilen.",
        ),
        ui.message(State),
        ui.section(
            "Enkäter att besvara",
            ui.data_table(
                "Enkäter som skickats till dig",
                [
                    ui.col("Enkät"),
                    ui.col("Sista svarsdag"),
                    ui.col("Läge"),
                    ui.col("Ditt svar"),
                    ui.col("Åtgärd"),
                ],
                State.my_surveys,
                _my_survey_row,
                empty="Inga enkäter har skickats till dig.",
            ),
        ),
        rx.cond(
            State.is_analyst,
            rx.fragment(
                ui.section(
                    "Enkätomgångar",
                    ui.data_table(
                        "Enkätomgångar och svarsfrekvens",
                        [
                            ui.col("Enkätomgång"),
                            ui.col("Enhet"),
                            ui.col("Svarsperiod"),
                            ui.col("Läge"),
                            ui.col("Svar", num=True),
                        ],
                        State.campaign_rows,
                        _campaign_row,
                        empty="Inga enkätomgångar ännu – starta en enkät nedan.",
                    ),
                ),
                _start_form(),
                _templates(),
            ),
        ),
        area="inventory",
    )
