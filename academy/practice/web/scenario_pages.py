"""Pages: the scenario list with new and Twee import, and the scenario editor with its map."""

from __future__ import annotations

import reflex as rx

from academy.practice.web.scenario_state import (
    CHANNEL_OPTIONS,
    SCORE_OPTIONS,
    STATUS_OPTIONS,
    ScenarioEditorState,
    ScenarioListState,
)
from academy.practice.web.widgets import sub_nav
from academy.ui.forms import (
    checkbox,
    empty_state,
    labelled_upload,
    message,
    select_field,
    static_select,
    text_field,
    textarea,
)
from academy.ui.forms import data_table as table
from academy.ui.layout import page_shell

L = ScenarioListState
S = ScenarioEditorState
UPLOAD_ID = "twee-upload"
IMAGE_UPLOAD_ID = "node-image-upload"
CHANNEL_PAIRS = [(o["value"], o["label"]) for o in CHANNEL_OPTIONS]


def _scenario_row(row: dict) -> rx.Component:
    return rx.el.tr(
        rx.el.td(row["title"]),
        rx.el.td(row["channel"]),
        rx.el.td(row["unit"]),
        rx.el.td(row["nodes"]),
        rx.el.td(row["status"]),
        rx.el.td(
            rx.el.div(
                rx.link(
                    "Spela",
                    rx.el.span(" ", row["title"], class_name="sr-only"),
                    href="/traning/scenarier/" + row["id"].to(str) + "/spela",
                ),
                rx.cond(
                    L.can_author,
                    rx.link(
                        "Redigera",
                        rx.el.span(" ", row["title"], class_name="sr-only"),
                        href="/traning/scenarier/" + row["id"].to(str),
                    ),
                ),
                class_name="actions",
            )
        ),
    )


def _filters() -> rx.Component:
    return rx.el.form(
        select_field(
            "Enhet", "unit", L.unit_options, empty_label="Alla enheter", field_id="filter-unit"
        ),
        select_field(
            "Status", "status", STATUS_OPTIONS, empty_label="Alla", field_id="filter-status"
        ),
        rx.el.button("Filtrera", type="submit", class_name="button secondary"),
        on_submit=L.filter,
        reset_on_submit=False,
        class_name="form inline",
        aria_label="Filtrera scenarier",
    )


def _new_form() -> rx.Component:
    return rx.el.section(
        rx.heading("Nytt scenario", as_="h2", size="5"),
        rx.el.form(
            text_field("Titel", "title", required=True, field_id="new-title"),
            static_select("Kanal", "channel", CHANNEL_PAIRS, "telefon", field_id="new-channel"),
            textarea("Invånarens situation", "situation", field_id="new-situation"),
            textarea(
                "Det invånaren säger först",
                "first_text",
                field_id="new-first-text",
                hint="Blir scenariots startnod. Fler noder och val lägger du till i redigeraren.",
            ),
            rx.el.button("Skapa scenariot", type="submit", class_name="button primary"),
            on_submit=L.create,
            reset_on_submit=False,
            class_name="form",
            aria_label="Nytt scenario",
        ),
        class_name="card",
    )


def _import() -> rx.Component:
    preview = L.preview
    return rx.el.section(
        rx.heading("Importera från Twine (Twee 3)", as_="h2", size="5"),
        rx.text(
            "Klistra in en Twee-fil eller välj en fil. Återkoppling och poäng skrivs enligt "
            "vår Twee-konvention. Vid fel skapas ingenting."
        ),
        rx.el.div(
            rx.el.label("Twee-text", html_for="f-twee"),
            rx.el.textarea(
                id="f-twee",
                value=L.import_text,
                on_change=L.set_import_text,
                rows=8,
                class_name="code",
            ),
            class_name="field",
        ),
        labelled_upload(
            "Twee-fil",
            rx.el.button("Välj fil (.twee)", type="button", class_name="button secondary"),
            id=UPLOAD_ID,
            accept={"text/plain": [".twee", ".tw", ".txt"]},
            max_files=1,
            multiple=False,
            on_drop=L.upload(rx.upload_files(upload_id=UPLOAD_ID)),
            border="none",
            padding="0",
        ),
        rx.el.div(
            rx.el.button(
                "Förhandsgranska", on_click=L.preview_import, class_name="button secondary"
            ),
            class_name="actions",
        ),
        message(L.import_error, "error"),
        rx.cond(
            preview.contains("title"),
            rx.el.div(
                rx.heading("Förhandsgranskning", as_="h3", size="4"),
                rx.el.dl(
                    rx.el.dt("Titel"),
                    rx.el.dd(preview["title"]),
                    rx.el.dt("Kanal"),
                    rx.el.dd(preview["channel"]),
                    rx.el.dt("Noder"),
                    rx.el.dd(preview["nodes"]),
                    rx.el.dt("Val"),
                    rx.el.dd(preview["choices"]),
                    rx.el.dt("Slut"),
                    rx.el.dd(preview["ends"]),
                    rx.el.dt("Problem att åtgärda före publicering"),
                    rx.el.dd(preview["problems"]),
                ),
                rx.el.button(
                    "Skapa scenariot från Twee",
                    on_click=L.confirm_import,
                    class_name="button primary",
                ),
                class_name="card",
                id="twee-preview",
            ),
        ),
        class_name="card",
    )


def list_page() -> rx.Component:
    return page_shell(
        rx.heading("Träning", as_="h1"),
        sub_nav(),
        rx.text(
            "Öva bemötande i förgrenade scenarier: välj ett svar i taget och få återkoppling "
            "direkt. Dina försök sparas så att du och din utbildare kan följa utvecklingen."
        ),
        message(L.error, "error"),
        rx.el.section(
            rx.heading("Scenarier", as_="h2", size="5"),
            rx.cond(L.can_author, _filters()),
            rx.cond(
                L.rows.length() > 0,
                table(
                    "Scenarier",
                    ["Titel", "Kanal", "Enhet", "Noder", "Status", "Åtgärder"],
                    L.rows,
                    _scenario_row,
                ),
                empty_state(
                    "Inga scenarier",
                    "Inga scenarier att visa här. När en utbildare publicerar ett scenario visas "
                    "det här.",
                ),
            ),
            class_name="card",
        ),
        rx.cond(L.can_author, rx.el.div(_new_form(), _import(), class_name="editor-grid")),
        area="practice",
    )


# ---- editor -------------------------------------------------------------------------------------


def _setting_form() -> rx.Component:
    return rx.el.section(
        rx.heading("Inramning", as_="h2", size="5"),
        rx.el.form(
            text_field("Titel", "title", default_value=S.title, field_id="setting-title"),
            select_field(
                "Kanal",
                "channel",
                CHANNEL_OPTIONS,
                default_value=S.channel,
                field_id="setting-channel",
            ),
            textarea(
                "Invånarens situation", "situation", S.situation, field_id="setting-situation"
            ),
            select_field(
                "Startnod", "start", S.node_options, default_value=S.start, field_id="setting-start"
            ),
            select_field(
                "Kundresesteg där scenariot utspelar sig (valfritt)",
                "journey_step",
                S.journey_options,
                default_value=S.journey_step,
                empty_label="Inget kundresesteg",
                field_id="setting-journey-step",
            ),
            rx.el.button("Spara inramningen", type="submit", class_name="button secondary"),
            on_submit=S.save_setting,
            reset_on_submit=False,
            key=S.form_key,
            class_name="form",
            aria_label="Inramning",
        ),
        class_name="card",
    )


def _dimension_row(row: dict) -> rx.Component:
    return rx.el.li(
        rx.el.form(
            rx.el.input(type="hidden", name="old", default_value=row["name"]),
            rx.el.div(
                rx.el.label("Namn på ", row["name"], html_for=row["field_id"]),
                rx.el.input(
                    id=row["field_id"], name="new", default_value=row["name"], required=True
                ),
                class_name="field",
            ),
            rx.el.span("Används av ", row["used"], " val", class_name="muted"),
            rx.el.button(
                "Byt namn",
                rx.el.span(" på ", row["name"], class_name="sr-only"),
                type="submit",
                class_name="button small secondary",
            ),
            rx.el.button(
                "Ta bort",
                rx.el.span(" dimensionen ", row["name"], class_name="sr-only"),
                type="button",
                on_click=S.remove_dimension(row["name"]),
                class_name="button small secondary",
            ),
            on_submit=S.rename_dimension,
            reset_on_submit=False,
            class_name="form inline",
        ),
    )


def _dimensions() -> rx.Component:
    return rx.el.section(
        rx.heading("Poängdimensioner", as_="h2", size="5"),
        rx.text(
            "Valen ger poäng på de här dimensionerna. En dimension som något val ger poäng på "
            "kan inte tas bort.",
            class_name="muted",
        ),
        rx.el.ul(rx.foreach(S.dimension_rows, _dimension_row), class_name="dimension-list"),
        rx.el.form(
            text_field("Ny dimension", "name", required=True, field_id="dimension-new"),
            rx.el.button("Lägg till dimensionen", type="submit", class_name="button secondary"),
            on_submit=S.add_dimension,
            reset_on_submit=True,
            class_name="form inline",
            aria_label="Ny poängdimension",
        ),
        key=S.form_key,
        id="dimensions",
        class_name="card",
    )


def _node_image() -> rx.Component:
    return rx.el.div(
        rx.heading("Bild", as_="h3", size="4"),
        rx.cond(
            S.node["image_url"] != "",
            rx.el.img(src=S.node["image_url"], alt=S.node["image_alt"], class_name="node-image"),
            rx.el.p("Noden har ingen bild.", class_name="muted"),
        ),
        rx.el.div(
            rx.el.label("Bildens alternativtext", html_for="node-image-alt"),
            rx.el.textarea(
                id="node-image-alt",
                value=S.image_alt,
                on_change=S.set_image_alt,
                rows=2,
                aria_describedby="node-image-alt-hint",
            ),
            rx.el.p(
                "Beskriv vad bilden visar för den som inte ser den.",
                id="node-image-alt-hint",
                class_name="hint",
            ),
            class_name="field",
        ),
        labelled_upload(
            "Bildfil",
            rx.el.button("Välj bildfil", type="button", class_name="button secondary"),
            id=IMAGE_UPLOAD_ID,
            accept={
                "image/png": [".png"],
                "image/jpeg": [".jpg", ".jpeg"],
                "image/gif": [".gif"],
                "image/webp": [".webp"],
            },
            max_files=1,
            multiple=False,
            border="none",
            padding="0",
        ),
        rx.el.p(
            rx.foreach(rx.selected_files(IMAGE_UPLOAD_ID), lambda name: rx.el.span(name)),
            class_name="muted",
            id="node-image-selected",
        ),
        rx.el.div(
            rx.el.button(
                "Ladda upp bilden",
                type="button",
                on_click=S.upload_image(rx.upload_files(upload_id=IMAGE_UPLOAD_ID)),
                class_name="button primary",
            ),
            rx.cond(
                S.node["image_url"] != "",
                rx.fragment(
                    rx.el.button(
                        "Spara alternativtexten",
                        type="button",
                        on_click=S.save_image_alt,
                        class_name="button secondary",
                    ),
                    rx.el.button(
                        "Ta bort bilden",
                        type="button",
                        on_click=S.remove_image,
                        class_name="button secondary",
                    ),
                ),
            ),
            class_name="actions",
        ),
        rx.el.p("PNG, JPEG, GIF eller WebP, högst 2 MB.", class_name="hint"),
        id="node-image",
    )


def _node_row(node: dict) -> rx.Component:
    return rx.el.tr(
        rx.el.td(node["id"]),
        rx.el.td(node["kind"]),
        rx.el.td(node["text"]),
        rx.el.td(node["choices"]),
        rx.el.td(
            rx.el.div(
                rx.el.button(
                    "Redigera",
                    rx.el.span(" nod ", node["id"], class_name="sr-only"),
                    on_click=S.open_node(node["id"]),
                    class_name="button small",
                ),
                rx.el.button(
                    "Ta bort",
                    rx.el.span(" nod ", node["id"], class_name="sr-only"),
                    on_click=S.delete_node(node["id"]),
                    class_name="button small secondary",
                ),
                class_name="actions",
            )
        ),
        id=node["row_id"],
    )


def _node_form() -> rx.Component:
    return rx.el.section(
        rx.heading(
            rx.cond(S.node_id != "", "Redigera nod " + S.node_id, "Ny nod"), as_="h2", size="5"
        ),
        rx.el.form(
            textarea(
                "Vad invånaren säger eller gör",
                "text",
                S.node["text"],
                field_id="node-text",
                rows=4,
            ),
            checkbox(
                "Slutnod (samtalet slutar här)",
                "is_end",
                default_checked=S.node["is_end"],
                field_id="node-end",
            ),
            textarea(
                "Avslutande text (visas när scenariot slutar här)",
                "closing",
                S.node["closing"],
                field_id="node-closing",
            ),
            rx.el.div(
                rx.el.button("Spara noden", type="submit", class_name="button primary"),
                rx.el.button(
                    "Ny nod", type="button", on_click=S.new_node, class_name="button secondary"
                ),
                class_name="actions",
            ),
            on_submit=S.save_node,
            reset_on_submit=False,
            key=S.form_key,
            class_name="form",
            aria_label="Nod",
        ),
        rx.cond(S.node_id != "", _node_image()),
        id="node-form",
        class_name="card",
    )


def _choice_row(choice: dict) -> rx.Component:
    return rx.el.tr(
        rx.el.td(choice["source"]),
        rx.el.td(choice["text"]),
        rx.el.td(choice["target"]),
        rx.el.td(choice["feedback"]),
        rx.el.td(choice["scores"]),
        rx.el.td(
            rx.el.div(
                rx.el.button(
                    "Redigera",
                    rx.el.span(" val ", choice["id"], class_name="sr-only"),
                    on_click=S.open_choice(choice["id"]),
                    class_name="button small",
                ),
                rx.el.button(
                    "Ta bort",
                    rx.el.span(" val ", choice["id"], class_name="sr-only"),
                    on_click=S.delete_choice(choice["id"]),
                    class_name="button small secondary",
                ),
                class_name="actions",
            )
        ),
    )


def _score_select(item: dict) -> rx.Component:
    return rx.el.div(
        rx.el.label(item["dimension"], html_for=item["field_id"]),
        rx.el.select(
            *[rx.el.option(o["label"], value=o["value"]) for o in SCORE_OPTIONS],
            id=item["field_id"],
            name=item["field_id"],
            default_value=item["value"],
        ),
        class_name="field score-field",
    )


def _choice_form() -> rx.Component:
    return rx.el.section(
        rx.heading(
            rx.cond(S.choice_id != "", "Redigera val " + S.choice_id, "Nytt val"),
            as_="h2",
            size="5",
        ),
        rx.el.form(
            select_field(
                "Från nod",
                "source",
                S.node_options,
                default_value=S.choice["source"],
                field_id="choice-source",
            ),
            textarea("Medarbetarens svar", "text", S.choice["text"], field_id="choice-text"),
            select_field(
                "Leder till nod",
                "target",
                S.node_options,
                default_value=S.choice["target"],
                field_id="choice-target",
            ),
            textarea(
                "Återkoppling efter valet",
                "feedback",
                S.choice["feedback"],
                field_id="choice-feedback",
            ),
            rx.el.fieldset(
                rx.el.legend("Poäng per dimension (−2 till +2)"),
                rx.foreach(S.choice_scores, _score_select),
                class_name="score-grid",
            ),
            rx.el.div(
                rx.el.button("Spara valet", type="submit", class_name="button primary"),
                rx.el.button(
                    "Nytt val", type="button", on_click=S.new_choice, class_name="button secondary"
                ),
                class_name="actions",
            ),
            on_submit=S.save_choice,
            reset_on_submit=False,
            key=S.form_key,
            class_name="form",
            aria_label="Val",
        ),
        id="choice-form",
        class_name="card",
    )


def _map() -> rx.Component:
    return rx.el.section(
        rx.heading("Scenariokarta", as_="h2", size="5"),
        rx.text(
            "Klicka på en nod för att redigera den, eller använd knapparna i tabellen Noder.",
            class_name="muted",
        ),
        message(S.map_error, "error"),
        rx.el.div(
            rx.html(S.svg),
            class_name="diagram fit",
            tab_index=0,
            id="scenario-map",
            role="img",
            aria_label=(
                "Karta över scenariots noder och val; samma innehåll finns i tabellerna "
                "Noder och Val."
            ),
        ),
        class_name="card",
    )


def _problems() -> rx.Component:
    return rx.el.section(
        rx.heading("Kontroll", as_="h2", size="5"),
        rx.cond(
            S.problems.length() > 0,
            rx.el.ul(rx.foreach(S.problems, lambda p: rx.el.li(p)), id="scenario-problems"),
            rx.el.p("Inga problem: scenariot går att spela.", id="scenario-ok"),
        ),
        class_name="card",
    )


def editor_page() -> rx.Component:
    return page_shell(
        rx.link("← Alla scenarier", href="/traning"),
        rx.cond(
            S.scenario_id > 0,
            rx.fragment(
                rx.heading(S.title, as_="h1"),
                rx.el.p(
                    "Status: ",
                    rx.el.strong(S.status_label),
                    " · version ",
                    S.version.to_string(),
                    class_name="muted",
                ),
                rx.el.div(
                    rx.cond(
                        S.status == "published",
                        rx.el.button(
                            "Gör till utkast",
                            on_click=S.set_status("draft"),
                            class_name="button secondary",
                        ),
                        rx.el.button(
                            "Publicera",
                            on_click=S.set_status("published"),
                            class_name="button primary",
                        ),
                    ),
                    rx.link(
                        "Provspela",
                        href="/traning/scenarier/" + S.scenario_id.to_string() + "/spela",
                    ),
                    rx.el.a(
                        "Exportera som Twee",
                        href="/api/traning/scenarier/" + S.scenario_id.to_string() + "/twee",
                        download=True,
                        reload_document=True,
                        class_name="export-link",
                    ),
                    class_name="actions",
                ),
                message(S.error, "error"),
                message(S.notice, "info"),
                _problems(),
                _map(),
                rx.el.div(
                    rx.el.div(
                        rx.el.section(
                            rx.heading("Noder", as_="h2", size="5"),
                            table(
                                "Noder",
                                ["Id", "Typ", "Text", "Val", "Åtgärder"],
                                S.nodes,
                                _node_row,
                            ),
                            class_name="card",
                        ),
                        rx.el.section(
                            rx.heading("Val", as_="h2", size="5"),
                            table(
                                "Val",
                                ["Från", "Svar", "Till", "Återkoppling", "Poäng", "Åtgärder"],
                                S.choices,
                                _choice_row,
                            ),
                            class_name="card",
                        ),
                        class_name="main-col",
                    ),
                    rx.el.div(
                        _node_form(),
                        _choice_form(),
                        _setting_form(),
                        _dimensions(),
                        class_name="side-col",
                    ),
                    class_name="editor-grid",
                ),
            ),
            message(S.error, "error"),
        ),
        area="practice",
    )
