"""The role-play page: cards, the observer checklist for a cohort session, ratings received."""

from __future__ import annotations

import reflex as rx

from academy.practice.roleplays import RATING_LABELS
from academy.practice.web.roleplay_state import RoleplayState as R
from academy.practice.web.widgets import sub_nav
from academy.ui.forms import data_table as table
from academy.ui.forms import empty_state, message, select_field, text_field, textarea
from academy.ui.layout import page_shell


def _card(card: dict) -> rx.Component:
    return rx.el.article(
        rx.heading(card["title"], as_="h3", size="4"),
        rx.el.dl(
            rx.el.dt("Situation"),
            rx.el.dd(card["situation"]),
            rx.el.dt("Invånarens roll"),
            rx.el.dd(card["citizen_role"]),
            rx.el.dt("Medarbetarens roll"),
            rx.el.dd(card["employee_role"]),
            rx.el.dt("Det här tränar ni"),
            rx.el.dd(card["practise"]),
        ),
        rx.el.p(rx.el.strong("Observatörens checklista:")),
        rx.el.ul(rx.foreach(card["statements"].to(list[str]), lambda s: rx.el.li(s))),
        class_name="card",
    )


def _card_form() -> rx.Component:
    return rx.el.section(
        rx.heading("Nytt rollspelskort", as_="h2", size="5"),
        rx.el.form(
            text_field("Rubrik", "title", required=True, field_id="card-title"),
            textarea("Situation", "situation", field_id="card-situation"),
            textarea("Invånarens roll", "citizen_role", field_id="card-citizen"),
            textarea("Medarbetarens roll", "employee_role", field_id="card-employee"),
            textarea("Det här tränar ni", "practise", field_id="card-practise"),
            textarea(
                "Påståenden i observatörens checklista",
                "statements",
                field_id="card-statements",
                hint="Ett påstående per rad, t.ex. ”Bekräftade invånarens känsla”.",
                rows=5,
            ),
            rx.el.button("Spara kortet", type="submit", class_name="button primary"),
            on_submit=R.create_card,
            reset_on_submit=False,
            key=R.form_key,
            class_name="form",
            aria_label="Nytt rollspelskort",
        ),
        class_name="card",
    )


def _statement(item: dict) -> rx.Component:
    index = item["index"].to(str)
    return rx.el.fieldset(
        rx.el.legend(item["text"]),
        rx.el.div(
            *[
                rx.el.label(
                    rx.el.input(type="radio", name="rating-" + index, value=str(value)),
                    " ",
                    label,
                    class_name="radio",
                )
                for value, label in RATING_LABELS.items()
            ],
            class_name="radio-row",
        ),
        rx.el.div(
            rx.el.label("Kommentar", html_for="comment-" + index),
            rx.el.textarea(id="comment-" + index, name="comment-" + index, rows=2),
            class_name="field",
        ),
        class_name="statement",
    )


def _observe_form() -> rx.Component:
    return rx.el.section(
        rx.heading("Observera ett rollspel", as_="h2", size="5"),
        rx.text("Fyll i checklistan för en deltagare i din kursomgång. Skala 1–4."),
        rx.el.div(
            rx.el.label("Kursomgång", html_for="observe-cohort"),
            rx.el.select(
                rx.el.option("Välj …", value=""),
                rx.foreach(R.cohort_options, lambda o: rx.el.option(o["label"], value=o["value"])),
                id="observe-cohort",
                value=R.cohort_id,
                on_change=R.choose_cohort,
            ),
            class_name="field",
        ),
        rx.el.div(
            rx.el.label("Rollspelskort", html_for="observe-card"),
            rx.el.select(
                rx.el.option("Välj …", value=""),
                rx.foreach(R.card_options, lambda o: rx.el.option(o["label"], value=o["value"])),
                id="observe-card",
                value=R.card_id,
                on_change=R.choose_card,
            ),
            class_name="field",
        ),
        rx.cond(
            (R.people_options.length() > 0) & (R.statements.length() > 0),
            rx.el.form(
                select_field("Deltagare", "participant", R.people_options, field_id="observe-who"),
                rx.foreach(R.statements, _statement),
                rx.el.button("Spara observationen", type="submit", class_name="button primary"),
                on_submit=R.record,
                reset_on_submit=False,
                key=R.form_key,
                class_name="form",
                aria_label="Observatörens checklista",
            ),
        ),
        class_name="card",
    )


def _rating_row(row: dict) -> rx.Component:
    return rx.el.tr(rx.el.td(row["statement"]), rx.el.td(row["rating"]), rx.el.td(row["comment"]))


def _received(item: dict) -> rx.Component:
    return rx.el.article(
        rx.heading(item["heading"], as_="h3", size="4"),
        rx.el.p("Observatör: ", item["observer"], " · ", item["cohort"], class_name="muted"),
        table(
            "Bedömningar",
            ["Påstående", "Bedömning", "Kommentar"],
            item["ratings"].to(list[dict]),
            _rating_row,
        ),
        class_name="card",
    )


def roleplay_page() -> rx.Component:
    return page_shell(
        rx.heading("Rollspel", as_="h1"),
        sub_nav(),
        rx.text(
            "Öva i par: en spelar invånaren, en medarbetaren, och en observatör fyller i "
            "checklistan. Deltagaren ser bedömningen här efteråt."
        ),
        message(R.error, "error"),
        message(R.notice, "info"),
        rx.el.section(
            rx.heading("Bedömningar av mig", as_="h2", size="5"),
            rx.cond(
                R.received.length() > 0,
                rx.foreach(R.received, _received),
                empty_state("Inga bedömningar ännu", "När någon observerat dig visas det här."),
            ),
        ),
        _observe_form(),
        rx.el.section(
            rx.heading("Rollspelskort", as_="h2", size="5"),
            rx.cond(
                R.cards.length() > 0,
                rx.foreach(R.cards, _card),
                empty_state("Inga rollspelskort ännu", "Utbildaren lägger upp kort här."),
            ),
        ),
        rx.cond(R.can_author, _card_form()),
        area="practice",
    )
