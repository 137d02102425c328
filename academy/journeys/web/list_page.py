"""/kundresor: the journeys a person may see, a new journey and import."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.journeys.web.forms import KIND_OPTIONS
from academy.journeys.web.list_state import AT_CREATE, AT_IMPORT, AT_LIST, JourneyListState
from academy.journeys.web.view import JourneyRow

S = JourneyListState
UPLOAD_ID = "journey-upload"


def _error(at: str, name: str) -> rx.Var:
    """The field's own error when the last message belongs to the form `at`."""
    return rx.cond(S.message_at == at, S.field_errors.get(name, ""), "")


def _journey_row(row: JourneyRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(rx.link(row.title, href=row.href), header=True, wrap=True),
        ui.cell(row.kind),
        ui.cell(row.unit, wrap=True),
        ui.cell(row.owner),
        ui.cell(row.updated_at),
        ui.cell(
            ui.delete_button(
                S.can_edit,
                S.delete(row.id),
                dialog_id="del-journey-" + row.id.to(str),
                question="Ta bort kundresan ”" + row.title + "”?",
                explanation="Alla sparade versioner tas bort, liksom kopplingarna till "
                "utbildningar och kontaktkategorier. Det går inte att ångra.",
                aria_label="Ta bort " + row.title,
            )
        ),
    )


def _filters() -> rx.Component:
    return ui.form(
        ui.text_field("Sök på titel", "search", default_value=S.search),
        ui.select_field(
            "Enhet", "unit", S.unit_options, empty_label="Alla enheter", default_value=S.unit_filter
        ),
        ui.static_select(
            "Typ",
            "kind",
            KIND_OPTIONS,
            S.kind_filter,
            empty="Nuläge och önskat läge",
            field_id="filter-kind",
        ),
        ui.submit("Sök", kind="secondary"),
        on_submit=S.filter,
        reset_on_submit=False,
        class_name="form inline",
        aria_label="Filtrera kundresor",
    )


def _journeys() -> rx.Component:
    return rx.fragment(
        _filters(),
        ui.message(S, at=AT_LIST),
        ui.data_table(
            "Kundresor du kan se",
            [
                ui.col("Titel"),
                ui.col("Typ"),
                ui.col("Enhet"),
                ui.col("Ägare"),
                ui.col("Senast ändrad"),
                ui.col("Åtgärder", hidden=True),
            ],
            S.rows,
            _journey_row,
            empty="Inga kundresor matchar sökningen. Ändra sökningen, eller skapa en ny kundresa.",
        ),
    )


def _new_journey() -> rx.Component:
    return ui.section(
        "Ny kundresa",
        ui.form(
            ui.text_field(
                "Titel",
                "title",
                hint="Krävs för en tom kundresa; ett exempel har en egen.",
                error=_error(AT_CREATE, "title"),
            ),
            ui.static_select(
                "Typ", "kind", KIND_OPTIONS, "current", error=_error(AT_CREATE, "kind")
            ),
            ui.select_field(
                "Utgå från",
                "template",
                S.template_options,
                empty_label="Tom kundresa",
                error=_error(AT_CREATE, "template"),
            ),
            ui.submit("Skapa"),
            ui.message(S, at=AT_CREATE),
            on_submit=S.create,
            reset_on_submit=False,
            aria_label="Ny kundresa",
        ),
    )


def _lane_choice(item) -> rx.Component:
    return rx.el.div(
        rx.el.label("Bana för " + item.actor, html_for=item.field_id),
        rx.el.select(
            rx.foreach(S.preview.lanes, lambda lane: rx.el.option(lane.label, value=lane.value)),
            id=item.field_id,
            value=item.lane,
            on_change=lambda lane: S.choose_lane(item.actor, lane),
        ),
        class_name="field",
    )


def _lane_choices() -> rx.Component:
    """One select per actor that names a lane: put its steps in another actor's lane."""
    return rx.el.fieldset(
        rx.el.legend("Banor"),
        rx.el.p(
            "Varje aktör som står först i en uppgift får en egen bana. Välj en annan bana "
            "om aktörens steg hör hemma där; banor utan steg skapas inte.",
            class_name="hint",
        ),
        rx.foreach(S.preview.lane_actors, _lane_choice),
        id="import-lanes",
        class_name="form",
    )


def _preview() -> rx.Component:
    preview = S.preview
    return rx.cond(
        S.has_preview,
        rx.el.div(
            rx.el.h3("Förhandsgranskning"),
            rx.el.dl(
                rx.el.dt("Titel"),
                rx.el.dd(preview.title),
                rx.el.dt("Faser"),
                rx.el.dd(preview.stages),
                rx.el.dt("Steg"),
                rx.el.dd(preview.steps),
                rx.el.dt("Flöden"),
                rx.el.dd(preview.flows),
                rx.el.dt("Aktörer"),
                rx.el.dd(
                    rx.cond(
                        preview.actors.length() > 0,
                        rx.el.ul(rx.foreach(preview.actors, lambda line: rx.el.li(line))),
                        "Inga aktörer",
                    ),
                    id="import-actors",
                ),
            ),
            rx.cond(preview.lanes.length() > 0, _lane_choices()),
            ui.button("Skapa kundresan", S.confirm_import, kind="primary"),
            class_name="card",
            id="import-preview",
        ),
    )


def _import() -> rx.Component:
    return ui.import_panel(
        S,
        heading="Importera",
        intro=(
            "Klistra in en Mermaid-kundresa (journey) eller JSON, eller välj en fil. "
            "Högst 1 500 steg och 2 MB."
        ),
        text=S.import_text,
        on_text_change=S.set_import_text,
        on_upload=S.upload,
        on_preview=S.preview_import,
        preview=_preview(),
        upload_id=UPLOAD_ID,
        accept={"text/plain": [".mmd", ".mermaid", ".txt"], "application/json": [".json"]},
        file_button="Välj fil (.mmd eller .json)",
        at=AT_IMPORT,
    )


def list_page() -> rx.Component:
    return ui.page_shell(
        ui.page_title(
            "Kundresor",
            "Kundresor och tjänsteblueprints: hur invånaren möter kommunen, steg för steg.",
        ),
        rx.cond(
            S.can_see_contacts,
            rx.el.p(
                rx.link("Kontaktanalys", href="/kundresor/kontakter"),
                ": servicecentrets verkliga kontakter på kundresekartan.",
            ),
        ),
        _journeys(),
        rx.cond(S.can_edit, rx.el.div(_new_journey(), _import(), class_name="cards")),
        area="journeys",
    )
