"""/inventering/[campaign_id]: the behovsprofil of one campaign (trainers and admins)."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.inventory.web import profile_results
from academy.inventory.web.fields import action_form, checked_field, checked_select, date_field
from academy.inventory.web.profile_state import ProfileState
from academy.inventory.web.profile_view import MadeCohortRow, ModuleChoiceRow

State = ProfileState


def _head() -> rx.Component:
    c = State.campaign
    base = "/api/inventering/" + State.campaign_id.to(str)
    return rx.fragment(
        rx.el.p(c.title, " · ", c.unit, " · ", c.period, " · ", c.phase),
        rx.el.p("Svarsfrekvens: ", c.rate, id="response-rate"),
        rx.el.nav(
            ui.download_link("Exportera CSV", base + "/export/csv"),
            ui.download_link("Exportera XLSX", base + "/export/xlsx"),
            rx.link(
                "Jämför med en annan enkätomgång",
                href="/inventering/" + State.campaign_id.to(str) + "/jamfor",
            ),
            class_name="actions",
            aria_label="Export och jämförelse",
        ),
    )


def _close() -> rx.Component:
    return rx.fragment(
        rx.cond(
            State.can_close,
            ui.section(
                "Stäng enkätomgången",
                rx.el.p(
                    "Stäng enkätomgången när tillräckligt många har svarat. Då tas inga fler "
                    "svar emot och resultaten visas."
                ),
                rx.el.div(
                    ui.confirm_button(
                        "Stäng enkätomgången nu",
                        State.close_campaign,
                        dialog_id="close-campaign",
                        question="Stänga enkätomgången ”" + State.campaign.title + "”?",
                        explanation=(
                            "Inga fler svar tas emot, inte heller från den som har ett utkast "
                            "sparat. Det går inte att öppna enkätomgången igen."
                        ),
                        confirm_label="Stäng enkätomgången",
                    ),
                    class_name="actions",
                ),
            ),
        ),
        ui.message(State, at="close"),
    )


def _breakdown() -> rx.Component:
    return ui.section(
        "Dela upp svaren",
        rx.cond(
            State.breakdown_options.length() > 0,
            action_form(
                State,
                "Dela upp svaren",
                checked_select(
                    State,
                    "Visa bara de som svarat",
                    "breakdown",
                    State.breakdown_options,
                    default_value=State.breakdown,
                    empty_label="Alla svar (ingen uppdelning)",
                ),
                actions=[ui.submit("Visa")],
                at="breakdown",
                on_submit=State.apply_breakdown,
                class_name="form inline",
            ),
        ),
        rx.cond(
            State.suppressed.length() > 0,
            rx.el.div(
                rx.el.p(
                    "Svaren kan inte delas upp efter de här frågorna, eftersom någon grupp har "
                    "färre än ",
                    State.threshold,
                    " svar. Då skulle enskildas svar kunna räknas fram genom att jämföra "
                    "grupperna med helheten.",
                ),
                rx.el.ul(rx.foreach(State.suppressed, lambda text: rx.el.li(text))),
                class_name="muted",
                id="breakdown-suppressed",
            ),
        ),
    )


def _module_choice(m: ModuleChoiceRow) -> rx.Component:
    return ui.inline_check(m.label, "module-" + m.id.to(str), default_checked=m.suggested)


def _made_cohort_row(c: MadeCohortRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(
            rx.link(c.name, href="/utbildning/omgangar/" + c.id.to(str)), header=True, wrap=True
        ),
        ui.cell(c.course, wrap=True),
        ui.cell(c.starts_on),
    )


def _modules() -> rx.Component:
    error = State.field_errors.get("modules", "")
    return rx.el.fieldset(
        rx.el.legend("Obligatoriska moduler i kursomgången"),
        rx.el.p(
            "Förvalda är modulerna som svarar mot behovsprofilens största behov.",
            id="modules-hint",
            class_name="hint",
        ),
        rx.foreach(State.module_choices, _module_choice),
        rx.el.p(error, id="modules-error", class_name="field-error"),
        aria_describedby="modules-hint modules-error",
        # A new course shows its own modules with their own suggestions.
        key=State.chosen_course,
    )


def _cohort() -> rx.Component:
    return ui.section(
        "Skapa skräddarsydd kursomgång",
        rx.el.p(
            "Kursen som bäst matchar behoven är förvald. Du väljer vilka av kursens moduler som "
            "är obligatoriska i den här kursomgången. Enhetens medarbetare skrivs in som "
            "deltagare och du leder kursomgången."
        ),
        action_form(
            State,
            "Skapa skräddarsydd kursomgång",
            checked_select(
                State,
                "Kurs",
                "course_id",
                State.course_options,
                default_value=State.chosen_course,
                empty_label="Välj kurs",
                on_change=State.choose_course,
            ),
            rx.cond(State.module_choices.length() > 0, _modules()),
            checked_field(
                State,
                "Kursomgångens namn",
                "name",
                required=True,
                default_value=State.suggested_name,
                key=State.name_key,
                on_blur=State.name_typed,
            ),
            date_field(State, "Startdatum", "starts_on"),
            date_field(State, "Slutdatum", "ends_on"),
            actions=[ui.submit("Skapa kursomgång")],
            at="cohort",
            on_submit=State.create_cohort,
        ),
        rx.cond(
            State.made_cohorts.length() > 0,
            ui.data_table(
                "Kursomgångar skapade från den här behovsprofilen",
                [ui.col("Kursomgång"), ui.col("Kurs"), ui.col("Startdatum")],
                State.made_cohorts,
                _made_cohort_row,
            ),
        ),
    )


def _results() -> rx.Component:
    return rx.fragment(
        rx.cond(
            State.group_label != "",
            rx.el.p(
                "Visar bara svaren från gruppen ”",
                State.group_label,
                "” (",
                State.respondents,
                " svar).",
                class_name="notice",
                id="group-shown",
            ),
        ),
        profile_results.needs(),
        profile_results.gaps(),
        profile_results.recommendations(),
        _cohort(),
        profile_results.answers(),
    )


def _not_shown() -> rx.Component:
    return rx.fragment(
        rx.cond(
            State.still_open,
            rx.el.div(
                rx.el.p(rx.el.strong("Resultaten visas när enkätomgången är stängd")),
                rx.el.p(
                    "Så länge svar kan komma in visas inga resultat: den som följer hur "
                    "siffrorna ändras efter varje nytt svar skulle annars kunna räkna ut vad en "
                    "enskild person har svarat. Resultaten visas efter sista svarsdagen, eller "
                    "när du stänger enkätomgången."
                ),
                class_name="empty-state",
                id="results-hidden",
            ),
        ),
        rx.cond(
            State.has_campaign & ~State.still_open,
            rx.el.div(
                rx.el.p(rx.el.strong("För få svar")),
                rx.el.p(
                    "Resultat visas först när minst ",
                    State.threshold,
                    " personer har svarat, så att ingen kan pekas ut. Nu har ",
                    State.respondents,
                    " svarat.",
                ),
                class_name="empty-state",
            ),
        ),
    )


def profile_page() -> rx.Component:
    return ui.page_shell(
        ui.page_title("Behovsprofil"),
        ui.message(State),
        rx.cond(
            State.has_campaign,
            rx.fragment(
                _head(),
                _close(),
                rx.cond(
                    State.breakdown_options.length() + State.suppressed.length() > 0,
                    _breakdown(),
                ),
                rx.cond(State.shown, _results(), _not_shown()),
            ),
        ),
        area="inventory",
    )
