"""The practice log page: the form (with the personal-data warning up front) and the entries."""

from __future__ import annotations

import reflex as rx

from academy.practice.scenario import CHANNELS
from academy.practice.web.log_state import PracticeLogState as G
from academy.practice.web.widgets import sub_nav
from academy.ui.forms import empty_state, message, static_select, text_field, textarea
from academy.ui.layout import page_shell

PERSONAL_DATA_NOTICE = (
    "Skriv inga personuppgifter om invånare: inga namn, personnummer, adresser, e-postadresser "
    "eller telefonnummer. Beskriv ärendet och vad du provade i allmänna ordalag. En post med "
    "personnummer, e-postadress eller telefonnummer sparas inte."
)


def _form() -> rx.Component:
    return rx.el.section(
        rx.heading("Ny loggpost", as_="h2", size="5"),
        rx.el.p(PERSONAL_DATA_NOTICE, class_name="notice", id="personal-data-notice"),
        rx.el.form(
            text_field("Datum", "date", type_="date", required=True, default_value=G.today),
            static_select("Kanal", "channel", [(c, c.capitalize()) for c in CHANNELS], "telefon"),
            text_field("Typ av ärende", "errand_kind", required=True),
            textarea("Det här provade jag", "tried"),
            textarea("Så gick det", "outcome"),
            textarea("Det här gick bra", "went_well"),
            textarea("Det här gör jag annorlunda nästa gång", "do_differently"),
            rx.el.button("Spara i loggen", type="submit", class_name="button primary"),
            on_submit=G.add,
            reset_on_submit=False,
            key=G.form_key,
            class_name="form",
            aria_label="Ny loggpost",
            aria_describedby="personal-data-notice",
        ),
        class_name="card",
    )


def _feedback_item(item: dict) -> rx.Component:
    return rx.el.li(rx.el.strong(item["author"], " (", item["when"], "): "), item["text"])


def _entry_body(entry: dict) -> rx.Component:
    return rx.fragment(
        rx.el.dl(
            rx.el.dt("Kanal"),
            rx.el.dd(entry["channel"]),
            rx.el.dt("Det här provade jag"),
            rx.el.dd(entry["tried"]),
            rx.el.dt("Så gick det"),
            rx.el.dd(entry["outcome"]),
            rx.el.dt("Det här gick bra"),
            rx.el.dd(entry["went_well"]),
            rx.el.dt("Det här gör jag annorlunda"),
            rx.el.dd(entry["do_differently"]),
        ),
        rx.heading("Återkoppling", as_="h4", size="3"),
        rx.cond(
            entry["feedback"].to(list).length() > 0,
            rx.el.ul(rx.foreach(entry["feedback"].to(list[dict]), _feedback_item)),
            rx.el.p(entry["awaiting"], class_name="muted"),
        ),
    )


def _my_entry(entry: dict) -> rx.Component:
    field_id = "share-" + entry["id"].to(str)
    return rx.el.article(
        rx.heading(entry["date"], " – ", entry["errand_kind"], as_="h3", size="4"),
        _entry_body(entry),
        rx.el.form(
            rx.el.input(type="hidden", name="entry_id", value=entry["id"]),
            rx.el.div(
                rx.el.label("Be en kollega om återkoppling (e-postadress)", html_for=field_id),
                rx.el.input(id=field_id, name="email", type="email", auto_complete="off"),
                class_name="field",
            ),
            rx.el.button("Dela", type="submit", class_name="button small secondary"),
            on_submit=G.share,
            reset_on_submit=True,
            class_name="form inline",
        ),
        rx.cond(
            entry["shared_with"] != "",
            rx.el.p("Delad med: ", entry["shared_with"], class_name="muted"),
        ),
        class_name="card log-entry",
    )


def _review_entry(entry: dict) -> rx.Component:
    field_id = "feedback-" + entry["id"].to(str)
    return rx.el.article(
        rx.heading(
            entry["user"], ": ", entry["date"], " – ", entry["errand_kind"], as_="h3", size="4"
        ),
        _entry_body(entry),
        rx.el.form(
            rx.el.input(type="hidden", name="entry_id", value=entry["id"]),
            rx.el.div(
                rx.el.label("Din återkoppling", html_for=field_id),
                rx.el.textarea(id=field_id, name="text", rows=3),
                class_name="field",
            ),
            rx.el.button("Skicka återkoppling", type="submit", class_name="button small primary"),
            on_submit=G.give_feedback,
            reset_on_submit=True,
            class_name="form",
        ),
        class_name="card log-entry",
    )


def log_page() -> rx.Component:
    return page_shell(
        rx.heading("Träningslogg", as_="h1"),
        sub_nav(),
        rx.text(
            "Logga verkliga kontakter där du tränade på något från kursen, och reflektera. "
            "Din utbildare, eller en kollega du väljer, kan ge dig återkoppling."
        ),
        message(G.error, "error"),
        message(G.notice, "info"),
        rx.el.div(
            rx.el.div(
                rx.el.section(
                    rx.heading("Mina loggposter", as_="h2", size="5"),
                    rx.cond(
                        G.entries.length() > 0,
                        rx.foreach(G.entries, _my_entry),
                        empty_state("Inga loggposter ännu", "Skriv din första post i formuläret."),
                    ),
                ),
                rx.cond(
                    G.to_review.length() > 0,
                    rx.el.section(
                        rx.heading("Att ge återkoppling på", as_="h2", size="5"),
                        rx.foreach(G.to_review, _review_entry),
                    ),
                ),
                class_name="main-col",
            ),
            rx.el.div(_form(), class_name="side-col"),
            class_name="editor-grid",
        ),
        area="practice",
    )
