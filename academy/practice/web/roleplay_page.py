"""The role-play page: cards, the observer checklist for a cohort session, ratings received."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.practice.roleplays import RATING_LABELS
from academy.practice.web.activity_view import CardView, ObservationView, RatingRow, Statement
from academy.practice.web.roleplay_state import RoleplayState as Roleplay
from academy.practice.web.widgets import sub_nav


def _card(card: CardView) -> rx.Component:
    facts = [
        ("Situation", card.situation),
        ("Invånarens roll", card.citizen_role),
        ("Medarbetarens roll", card.employee_role),
        ("Det här tränar ni", card.practise),
    ]
    return rx.el.article(
        rx.el.h3(card.title),
        rx.el.dl(*[part for term, value in facts for part in (rx.el.dt(term), rx.el.dd(value))]),
        rx.el.p(rx.el.strong("Observatörens checklista:")),
        rx.el.ul(rx.foreach(card.statements, lambda s: rx.el.li(s))),
        class_name="card",
    )


def _card_form() -> rx.Component:
    return ui.section(
        "Nytt rollspelskort",
        ui.form(
            ui.text_field("Rubrik", "title", required=True, field_id="card-title"),
            ui.textarea("Situation", "situation", field_id="card-situation"),
            ui.textarea("Invånarens roll", "citizen_role", field_id="card-citizen"),
            ui.textarea("Medarbetarens roll", "employee_role", field_id="card-employee"),
            ui.textarea("Det här tränar ni", "practise", field_id="card-practise"),
            ui.textarea(
                "Påståenden i observatörens checklista",
                "statements",
                field_id="card-statements",
                hint="Ett påstående per rad, t.ex. ”Bekräftade invånarens känsla”.",
                rows=5,
            ),
            ui.submit("Spara kortet"),
            ui.message(Roleplay, at="card-form"),
            on_submit=Roleplay.create_card,
            key=f"card-{Roleplay.form_key}-{Roleplay.card_key}",
            aria_label="Nytt rollspelskort",
        ),
    )


def _statement(item: Statement) -> rx.Component:
    index = item.index.to(str)
    error = Roleplay.field_errors.get(item.field_name, "")
    return rx.el.fieldset(
        rx.el.legend(item.text),
        rx.el.div(
            *[
                rx.el.label(
                    rx.el.input(type="radio", name=item.field_name, value=str(value)),
                    " ",
                    label,
                    class_name="radio",
                )
                for value, label in RATING_LABELS.items()
            ],
            class_name="radio-row",
        ),
        rx.cond(error != "", rx.el.p(error, class_name="field-error")),
        rx.el.div(
            rx.el.label("Kommentar", html_for="comment-" + index),
            rx.el.textarea(id="comment-" + index, name="comment-" + index, rows=2),
            class_name="field",
        ),
        class_name="statement",
    )


def _picker(label: str, field_id: str, options, value, on_change) -> rx.Component:
    return rx.el.div(
        rx.el.label(label, html_for=field_id),
        rx.el.select(
            rx.el.option("Välj …", value=""),
            rx.foreach(options, lambda o: rx.el.option(o["label"], value=o["value"])),
            id=field_id,
            value=value,
            on_change=on_change,
        ),
        class_name="field",
    )


def _observe_form() -> rx.Component:
    ready = (Roleplay.people_options.length() > 0) & (Roleplay.statements.length() > 0)
    return ui.section(
        "Observera ett rollspel",
        rx.el.p("Fyll i checklistan för en deltagare i din kursomgång. Skala 1–4."),
        _picker(
            "Kursomgång",
            "observe-cohort",
            Roleplay.cohort_options,
            Roleplay.cohort_id,
            Roleplay.choose_cohort,
        ),
        _picker(
            "Rollspelskort",
            "observe-card",
            Roleplay.card_options,
            Roleplay.card_id,
            Roleplay.choose_card,
        ),
        rx.cond(
            ready,
            ui.form(
                ui.select_field(
                    "Deltagare",
                    "participant",
                    Roleplay.people_options,
                    field_id="observe-who",
                    error=Roleplay.field_errors.get("participant", ""),
                ),
                rx.foreach(Roleplay.statements, _statement),
                ui.submit("Spara observationen"),
                ui.message(Roleplay, at="observe"),
                on_submit=Roleplay.record,
                # Another cohort or card is another checklist: no ratings carried over.
                key=f"observe-{Roleplay.form_key}-{Roleplay.observe_key}-"
                f"{Roleplay.cohort_id}-{Roleplay.card_id}",
                aria_label="Observatörens checklista",
            ),
            ui.message(Roleplay, at="observe"),
        ),
    )


def _rating_row(row: RatingRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(row.statement, header=True, wrap=True),
        ui.cell(row.rating),
        ui.cell(row.comment, wrap=True),
    )


def _received(item: ObservationView) -> rx.Component:
    return rx.el.article(
        rx.el.h3(item.heading),
        rx.el.p("Observatör: ", item.observer, " · ", item.cohort, class_name="muted"),
        ui.data_table(
            "Bedömningar",
            [ui.col("Påstående"), ui.col("Bedömning"), ui.col("Kommentar")],
            item.ratings,
            _rating_row,
        ),
        class_name="card",
    )


def roleplay_page() -> rx.Component:
    return ui.page_shell(
        ui.page_title(
            "Rollspel",
            "Öva i par: en spelar invånaren, en medarbetaren, och en observatör fyller i "
            "checklistan. Deltagaren ser bedömningen här efteråt.",
        ),
        sub_nav(),
        ui.message(Roleplay, at="page"),
        rx.el.section(
            rx.el.h2("Bedömningar av mig"),
            rx.cond(
                Roleplay.received.length() > 0,
                rx.foreach(Roleplay.received, _received),
                ui.empty_state("Inga bedömningar ännu", "När någon observerat dig visas det här."),
            ),
        ),
        _observe_form(),
        rx.el.section(
            rx.el.h2("Rollspelskort"),
            rx.cond(
                Roleplay.cards.length() > 0,
                rx.foreach(Roleplay.cards, _card),
                ui.empty_state("Inga rollspelskort ännu", "Utbildaren lägger upp kort här."),
            ),
        ),
        rx.cond(Roleplay.can_author, _card_form()),
        area="practice",
    )
