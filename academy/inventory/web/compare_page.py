"""/inventering/[campaign_id]/jamfor: one campaign against an earlier (or later) one."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.inventory.web.compare_state import CompareState
from academy.inventory.web.fields import action_form, checked_select
from academy.inventory.web.profile_view import ChangeRow

State = CompareState
COLUMNS = [ui.col("Före", num=True), ui.col("Efter", num=True), ui.col("Förändring", num=True)]


def _change_row(r: ChangeRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(r.label, header=True, wrap=True),
        ui.cell(r.before, num=True),
        ui.cell(r.after, num=True),
        ui.cell(r.change, num=True),
    )


def _result() -> rx.Component:
    return ui.section(
        State.heading,
        ui.data_table(
            "Medelvärde per fråga",
            [ui.col("Fråga"), *COLUMNS],
            State.question_rows,
            _change_row,
            empty="Enkätomgångarna har inga frågor med medelvärde gemensamt.",
        ),
        rx.el.div(
            ui.bar_chart(
                "Förändring av behovspoäng per ämne (till vänster: mindre behov)",
                State.topic_bars,
                diverging=True,
            ),
            ui.data_table(
                "Behovspoäng per ämne (lägre är bättre)",
                [ui.col("Ämne"), *COLUMNS],
                State.topic_rows,
                _change_row,
                empty="Inga ämnen med behov i någon av enkätomgångarna.",
            ),
            class_name="result-pair",
        ),
    )


def compare_page() -> rx.Component:
    return ui.page_shell(
        ui.page_title("Jämför enkätomgångar", State.title),
        ui.message(State),
        action_form(
            State,
            "Välj jämförelse",
            checked_select(
                State, "Jämför med", "other", State.others, empty_label="Välj enkätomgång"
            ),
            actions=[ui.submit("Jämför")],
            at="compare",
            on_submit=State.compare,
            keyed=False,
            class_name="form inline",
        ),
        rx.cond(State.heading != "", _result()),
        rx.link("Tillbaka till behovsprofilen", href="/inventering/" + State.campaign_id.to(str)),
        area="inventory",
    )
