"""/kundresor/kontakter: Kontaktanalys – the imports, and import of a contacts file."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.journeys.web import contacts_view as view
from academy.journeys.web.contacts_state import AT_IMPORT, AT_LIST, UPLOAD_ID, ContactsState

S = ContactsState
ACCEPT = {
    "text/csv": [".csv"],
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
}


def _import_row(row: view.ImportRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(rx.link(row.file_name, href=row.href), header=True, wrap=True),
        ui.cell(row.unit, wrap=True),
        ui.cell(row.period),
        ui.cell(row.rows, num=True),
        ui.cell(row.imported, wrap=True),
        ui.cell(
            ui.delete_button(
                S.can_import,
                S.delete(row.id),
                dialog_id="del-import-" + row.id.to(str),
                question="Ta bort importen ”" + row.file_name + "”?",
                explanation="Alla kontakter i importen tas bort.",
                aria_label="Ta bort " + row.file_name,
            )
        ),
    )


def _header_row(row: view.HeaderRow) -> rx.Component:
    field_id = "map-" + row.index.to(str)
    return rx.el.tr(
        ui.cell(rx.el.label(row.header, html_for=field_id), header=True, wrap=True),
        ui.cell(
            rx.el.select(
                *[rx.el.option(label, value=value) for value, label in view.column_options()],
                id=field_id,
                name=field_id,
                default_value=row.column,
            )
        ),
    )


def _issue_row(row: view.IssueRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(row.row, num=True), ui.cell(row.column), ui.cell(row.message, wrap=True)
    )


def _import() -> rx.Component:
    preview = ui.form(
        rx.el.p("Fil: ", rx.el.strong(S.file_name)),
        ui.data_table(
            "Kolumnerna i filen och vad de ska läsas som",
            [ui.col("Rubrik i filen"), ui.col("Läses som")],
            S.headers,
            _header_row,
        ),
        ui.select_field(
            "Enhet",
            "unit",
            S.unit_options,
            empty_label="Välj enhet",
            error=rx.cond(S.message_at == AT_IMPORT, S.field_errors.get("unit", ""), ""),
        ),
        ui.submit("Importera kontakter", disabled=S.importing),
        on_submit=S.run_import,
        key=S.form_key,
        aria_label="Importera kontakter",
    )
    return rx.el.section(
        rx.el.h2("Importera kontakter"),
        rx.el.p(
            "En rad per kontakt, CSV (UTF-8 eller Windows-1252, ; eller ,) eller XLSX, högst "
            "64 MB. Kolumner: tidpunkt, kanal, språk, knappval, kategori, löst_direkt, "
            "överlämnad_till, efterfrågan, orsak, kontakt. Varje rad kontrolleras innan något "
            "sparas. Kontakt (telefonnummer, e-post) sparas aldrig: den ersätts direkt av en "
            "nyckel som inte går att vända tillbaka. Kolumner med handläggare läses aldrig."
        ),
        ui.labelled_upload(
            "Välj fil med kontakter",
            rx.el.button("Välj fil med kontakter", type="button", class_name="button secondary"),
            state=S,
            at=AT_IMPORT,
            id=UPLOAD_ID,
            accept=ACCEPT,
            max_files=1,
            multiple=False,
            on_drop=S.upload(rx.upload_files(upload_id=UPLOAD_ID)),
            border="none",
            padding="0",
        ),
        rx.cond(S.has_preview, preview),
        rx.cond(
            S.importing,
            rx.el.div(
                rx.el.label("Importen pågår", html_for="contacts-progress"),
                rx.el.progress(id="contacts-progress", value=S.progress, max=100),
                rx.el.p(S.progress_text, role="status"),
            ),
        ),
        ui.message(S, at=AT_IMPORT),
        rx.cond(
            S.issues.length() > 0,
            ui.data_table(
                "Fel i filen",
                [ui.col("Rad", num=True), ui.col("Kolumn"), ui.col("Fel")],
                S.issues,
                _issue_row,
            ),
        ),
        class_name="card",
        aria_label="Importera kontakter",
    )


def contacts_page() -> rx.Component:
    return ui.page_shell(
        ui.page_title(
            "Kontaktanalys",
            "Servicecentrets verkliga kontakter: lösta i första kontakten, sviktande "
            "efterfrågan och återkommande kontakt, kopplade till kundresornas steg.",
        ),
        ui.message(S, at=AT_LIST),
        ui.data_table(
            "Importerade kontakter",
            [
                ui.col("Fil"),
                ui.col("Enhet"),
                ui.col("Period"),
                ui.col("Kontakter", num=True),
                ui.col("Importerad"),
                ui.col("Åtgärder", hidden=True),
            ],
            S.imports,
            _import_row,
            empty="Inga kontakter är importerade ännu (eller inga för din enhet).",
        ),
        rx.cond(S.can_import, _import()),
        area="journeys",
    )
