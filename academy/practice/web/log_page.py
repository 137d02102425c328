"""The practice log page: the form (with the personal-data warning up front) and the entries."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.practice.web.activity_view import EntryView, FeedbackItem
from academy.practice.web.log_state import PracticeLogState as Log
from academy.practice.web.view import CHANNEL_PAIRS
from academy.practice.web.widgets import sub_nav

PERSONAL_DATA_NOTICE = (
    "Skriv inga personuppgifter om invånare: inga namn, personnummer, adresser, e-postadresser "
    "eller telefonnummer. Beskriv ärendet och vad du provade i allmänna ordalag. En post med "
    "personnummer, e-postadress eller telefonnummer sparas inte."
)


def _entry_fields(entry: EntryView | None = None) -> list[rx.Component]:
    """The entry's fields: empty for a new entry, filled in (with own ids) for an edit."""
    errors = Log.field_errors
    prefix = "edit-" if entry is not None else "f-"

    def value(name: str, default: rx.Var | str = ""):
        return getattr(entry, name) if entry is not None else default

    return [
        ui.text_field(
            "Datum",
            "date",
            type_="date",
            required=True,
            default_value=value("date", Log.today),
            field_id=prefix + "date",
            error=errors.get("date", ""),
        ),
        ui.static_select(
            "Kanal", "channel", CHANNEL_PAIRS, value("channel", "telefon"), field_id=prefix + "ch"
        ),
        ui.text_field(
            "Typ av ärende",
            "errand_kind",
            required=True,
            default_value=value("errand_kind"),
            field_id=prefix + "errand_kind",
        ),
        ui.textarea("Det här provade jag", "tried", value("tried"), field_id=prefix + "tried"),
        ui.textarea("Så gick det", "outcome", value("outcome"), field_id=prefix + "outcome"),
        ui.textarea(
            "Det här gick bra", "went_well", value("went_well_text"), field_id=prefix + "well"
        ),
        ui.textarea(
            "Det här gör jag annorlunda nästa gång",
            "do_differently",
            value("do_differently_text"),
            field_id=prefix + "differently",
        ),
    ]


def _form() -> rx.Component:
    return ui.section(
        "Ny loggpost",
        rx.el.p(PERSONAL_DATA_NOTICE, class_name="notice", id="personal-data-notice"),
        ui.form(
            *_entry_fields(),
            ui.submit("Spara i loggen"),
            ui.message(Log, at="log-form"),
            on_submit=Log.add,
            key=f"entry-{Log.form_key}-{Log.entry_key}",
            aria_label="Ny loggpost",
            aria_describedby="personal-data-notice",
        ),
    )


def _edit_form(entry: EntryView) -> rx.Component:
    entry_id = entry.id.to(str)
    return ui.form(
        rx.el.input(type="hidden", name="entry_id", value=entry_id),
        rx.el.p(PERSONAL_DATA_NOTICE, class_name="notice"),
        *_entry_fields(entry),
        ui.row_actions(
            ui.submit("Spara ändringen"),
            ui.button("Avbryt", Log.cancel_edit),
        ),
        ui.message(Log, at="edit-" + entry_id),
        on_submit=Log.save_edit,
        aria_label="Ändra loggposten",
    )


def _feedback_item(item: FeedbackItem) -> rx.Component:
    return rx.el.li(rx.el.strong(item.author, " (", item.when, "): "), item.text)


def _entry_body(entry: EntryView) -> rx.Component:
    facts = [
        ("Kanal", entry.channel),
        ("Det här provade jag", entry.tried),
        ("Så gick det", entry.outcome),
        ("Det här gick bra", entry.went_well),
        ("Det här gör jag annorlunda", entry.do_differently),
    ]
    return rx.fragment(
        rx.el.dl(*[part for term, value in facts for part in (rx.el.dt(term), rx.el.dd(value))]),
        rx.el.h4("Återkoppling"),
        rx.cond(
            entry.feedback.length() > 0,
            rx.el.ul(rx.foreach(entry.feedback, _feedback_item)),
            rx.el.p("Väntar på återkoppling", class_name="muted"),
        ),
    )


def _share_form(entry: EntryView) -> rx.Component:
    entry_id = entry.id.to(str)
    field_id = "share-" + entry_id
    return ui.form(
        rx.el.input(type="hidden", name="entry_id", value=entry_id),
        rx.el.div(
            rx.el.label("Be en kollega om återkoppling (e-postadress)", html_for=field_id),
            rx.el.input(id=field_id, name="email", type="email", auto_complete="off"),
            class_name="field",
        ),
        ui.submit("Dela", kind="small secondary"),
        ui.message(Log, at="share-" + entry_id),
        on_submit=Log.share,
        # Emptied once the entry is shared with a new address; a refused address stays.
        key=f"share-{entry_id}-{entry.shared_with}-{Log.form_key}",
        class_name="form inline",
    )


def _my_entry(entry: EntryView) -> rx.Component:
    entry_id = entry.id.to(str)
    return rx.el.article(
        rx.el.h3(entry.date, " – ", entry.errand_kind),
        rx.cond(
            Log.editing == entry.id,
            _edit_form(entry),
            rx.fragment(
                _entry_body(entry),
                ui.row_actions(
                    ui.button(
                        "Ändra",
                        Log.start_edit(entry.id),
                        kind="small secondary",
                        aria_label="Ändra loggposten " + entry.date + " " + entry.errand_kind,
                    ),
                    ui.confirm_button(
                        "Ta bort",
                        Log.delete(entry.id),
                        dialog_id="del-entry-" + entry_id,
                        question="Ta bort loggposten?",
                        explanation="Posten och återkopplingen på den tas bort för gott.",
                        small=True,
                        aria_label="Ta bort loggposten " + entry.date + " " + entry.errand_kind,
                    ),
                ),
                ui.message(Log, at="entry-" + entry_id),
                _share_form(entry),
                rx.cond(
                    entry.shared_with != "",
                    rx.el.p("Delad med: ", entry.shared_with, class_name="muted"),
                ),
            ),
        ),
        class_name="card log-entry",
    )


def _review_entry(entry: EntryView) -> rx.Component:
    entry_id = entry.id.to(str)
    field_id = "feedback-" + entry_id
    return rx.el.article(
        rx.el.h3(entry.user, ": ", entry.date, " – ", entry.errand_kind),
        _entry_body(entry),
        ui.form(
            rx.el.input(type="hidden", name="entry_id", value=entry_id),
            rx.el.div(
                rx.el.label("Din återkoppling", html_for=field_id),
                rx.el.textarea(id=field_id, name="text", rows=3),
                class_name="field",
            ),
            ui.submit("Skicka återkoppling", kind="small primary"),
            ui.message(Log, at="feedback-" + entry_id),
            on_submit=Log.give_feedback,
            # Emptied once the feedback is saved (the entry has one more); refused, it stays.
            key=f"feedback-{entry_id}-{entry.feedback.length()}-{Log.form_key}",
        ),
        class_name="card log-entry",
    )


def log_page() -> rx.Component:
    return ui.page_shell(
        ui.page_title(
            "Träningslogg",
            "Logga verkliga kontakter där du tränade på något från kursen, och reflektera. "
            "Din utbildare, eller en kollega du väljer, kan ge dig återkoppling.",
        ),
        sub_nav(),
        ui.message(Log, at="page"),
        _form(),
        rx.el.section(
            rx.el.h2("Mina loggposter"),
            ui.message(Log, at="entries"),
            rx.cond(
                Log.entries.length() > 0,
                rx.foreach(Log.entries, _my_entry),
                ui.empty_state("Inga loggposter ännu", "Skriv din första post i formuläret ovan."),
            ),
        ),
        rx.cond(
            Log.to_review.length() > 0,
            rx.el.section(
                rx.el.h2("Att ge återkoppling på"),
                rx.foreach(Log.to_review, _review_entry),
            ),
        ),
        area="practice",
    )
