"""/inventering: surveys to answer; for trainers also campaigns, a new campaign, templates."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.inventory.web.fields import action_form, checked_field, checked_select, date_field
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
    return ui.section(
        "Starta en enkät",
        action_form(
            State,
            "Starta en enkät",
            checked_field(State, "Namn på enkätomgången", "title", required=True),
            checked_select(State, "Mall", "template_id", State.template_options),
            checked_select(
                State,
                "Enhet",
                "unit_id",
                State.unit_options,
                empty_label="Välj enhet",
                on_change=State.choose_unit,
            ),
            date_field(State, "Första svarsdag", "opens_on"),
            date_field(State, "Sista svarsdag", "closes_on"),
            rx.cond(
                State.people.length() > 0,
                rx.el.fieldset(
                    rx.el.legend("Mottagare (välj ingen för att skicka till alla medarbetare)"),
                    rx.el.p(
                        "Resultat visas bara när minst ",
                        State.threshold,
                        " har svarat. Med färre mottagare visas enkätomgångens resultat aldrig.",
                        class_name="hint",
                        id="recipients-hint",
                    ),
                    rx.foreach(State.people, _person),
                    aria_describedby="recipients-hint",
                ),
            ),
            rx.cond(
                State.few_recipients,
                ui.checkbox(
                    "Skicka ändå, fast resultaten aldrig kommer att visas",
                    "few_recipients_ok",
                ),
            ),
            actions=[ui.submit("Skicka enkäten")],
            at="start",
            on_submit=State.start_campaign,
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
        action_form(
            State,
            "Ny enkätmall",
            ui.text_field("Mallens titel", "template_title", required=True),
            ui.select_field("Utgå från", "source", State.source_options),
            ui.text_field("Beskrivning (för en tom mall)", "description"),
            actions=[ui.submit("Skapa mall")],
            at="new-template",
            on_submit=State.new_template,
            keyed=False,
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
