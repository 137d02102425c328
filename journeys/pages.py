"""Pages of Kundresor: the list (with new and import), the editor, and the comparison."""

from __future__ import annotations

import reflex as rx

from academy.ui.forms import (
    checkbox,
    data_table,
    labelled_upload,
    message,
    select_field,
    static_select,
    text_field,
    textarea,
)
from academy.ui.layout import page_shell
from journeys.model import CHANNELS
from journeys.state import JourneyCompareState, JourneyEditorState, JourneyListState
from journeys.view import EVIDENCE_LABELS, FLOW_KIND_LABELS, LANE_ROLE_SV

KIND_OPTIONS = [("current", "Nuläge"), ("future", "Önskat läge")]
UPLOAD_ID = "journey-upload"


# ---- list -------------------------------------------------------------------------------------


def _journey_row(row: dict) -> rx.Component:
    return rx.el.tr(
        rx.el.td(rx.link(row["title"], href=f"/kundresor/{row['id']}")),
        rx.el.td(row["kind_label"]),
        rx.el.td(row["unit"]),
        rx.el.td(row["owner"]),
        rx.el.td(row["updated_at"]),
    )


def _filters() -> rx.Component:
    return rx.form(
        text_field("Sök på titel", "search", default_value=JourneyListState.search),
        select_field(
            "Enhet",
            "unit",
            JourneyListState.unit_options,
            empty_label="Alla enheter",
            default_value=JourneyListState.unit_filter,
        ),
        static_select(
            "Typ", "kind", KIND_OPTIONS, empty="Nuläge och önskat läge", field_id="filter-kind"
        ),
        rx.el.button("Sök", type="submit", class_name="button secondary"),
        on_submit=JourneyListState.filter,
        reset_on_submit=False,
        class_name="form inline",
        aria_label="Filtrera kundresor",
    )


def _new_journey() -> rx.Component:
    return rx.el.section(
        rx.heading("Ny kundresa", as_="h2", size="5"),
        rx.form(
            text_field(
                "Titel", "title", hint="Krävs för en tom kundresa; ett exempel har en egen."
            ),
            static_select("Typ", "kind", KIND_OPTIONS, default="current"),
            select_field(
                "Utgå från",
                "template",
                JourneyListState.template_options,
                empty_label="Tom kundresa",
            ),
            rx.el.button("Skapa", type="submit", class_name="button primary"),
            on_submit=JourneyListState.create,
            class_name="form",
            aria_label="Ny kundresa",
        ),
        class_name="card",
    )


def _import() -> rx.Component:
    preview = JourneyListState.preview
    return rx.el.section(
        rx.heading("Importera", as_="h2", size="5"),
        rx.text("Klistra in en Mermaid-kundresa (journey) eller JSON, eller välj en fil."),
        rx.el.div(
            rx.el.label("Text att importera", html_for="f-import"),
            rx.el.textarea(
                id="f-import",
                value=JourneyListState.import_text,
                on_change=JourneyListState.set_import_text,
                rows=8,
                class_name="code",
            ),
            class_name="field",
        ),
        labelled_upload(
            "Välj fil att importera",
            rx.el.button(
                "Välj fil (.mmd eller .json)", type="button", class_name="button secondary"
            ),
            id=UPLOAD_ID,
            accept={"text/plain": [".mmd", ".mermaid", ".txt"], "application/json": [".json"]},
            max_files=1,
            multiple=False,
            on_drop=JourneyListState.upload(rx.upload_files(upload_id=UPLOAD_ID)),
            border="none",
            padding="0",
        ),
        rx.el.div(
            rx.el.button(
                "Förhandsgranska",
                on_click=JourneyListState.preview_import,
                class_name="button secondary",
            ),
            class_name="actions",
        ),
        message(JourneyListState.import_error, "error"),
        rx.cond(
            preview.contains("title"),
            rx.el.div(
                rx.heading("Förhandsgranskning", as_="h3", size="4"),
                rx.el.dl(
                    rx.el.dt("Titel"),
                    rx.el.dd(preview["title"]),
                    rx.el.dt("Faser"),
                    rx.el.dd(preview["stages"]),
                    rx.el.dt("Steg"),
                    rx.el.dd(preview["steps"]),
                    rx.el.dt("Flöden"),
                    rx.el.dd(preview["flows"]),
                ),
                rx.el.button(
                    "Skapa kundresan",
                    on_click=JourneyListState.confirm_import,
                    class_name="button primary",
                ),
                class_name="card",
                id="import-preview",
            ),
        ),
        class_name="card",
    )


def list_page() -> rx.Component:
    return page_shell(
        rx.heading("Kundresor", as_="h1", size="7"),
        rx.text(
            "Kundresor och tjänsteblueprints: hur invånaren möter kommunen, steg för steg.",
            class_name="muted",
        ),
        message(JourneyListState.error, "error"),
        _filters(),
        rx.cond(
            JourneyListState.rows.length() > 0,
            data_table(
                "Kundresor du kan se",
                ["Titel", "Typ", "Enhet", "Ägare", "Senast ändrad"],
                JourneyListState.rows,
                _journey_row,
            ),
            rx.el.div(
                rx.el.p("Inga kundresor matchar. Ändra sökningen, eller skapa en ny kundresa."),
                class_name="empty-state",
            ),
        ),
        rx.cond(
            JourneyListState.can_edit, rx.el.div(_new_journey(), _import(), class_name="cards")
        ),
        area="journeys",
    )


# ---- editor -----------------------------------------------------------------------------------

S = JourneyEditorState


def _metadata_form() -> rx.Component:
    return rx.el.details(
        rx.el.summary("Uppgifter om kundresan"),
        rx.form(
            text_field("Titel", "title", required=True, default_value=S.title),
            static_select("Typ", "kind", KIND_OPTIONS, default=S.kind, field_id="f-meta-kind"),
            text_field("Persona", "persona", default_value=S.persona),
            text_field("Mål", "goal", default_value=S.goal),
            select_field(
                "Enhet",
                "unit_id",
                S.unit_options,
                default_value=S.unit_id,
                empty_label="Ingen enhet",
            ),
            checkbox("Delad med alla enheter", "shared", default_checked=S.shared),
            select_field(
                "Nuläge att jämföra med",
                "current_journey_id",
                S.current_options,
                default_value=S.current_journey_id,
                empty_label="Inget",
            ),
            rx.el.button("Spara uppgifter", type="submit", class_name="button primary"),
            on_submit=S.save_metadata,
            reset_on_submit=False,
            key=S.form_key,
            class_name="form",
            aria_label="Uppgifter om kundresan",
        ),
        class_name="card",
    )


def _diagram() -> rx.Component:
    return rx.el.section(
        rx.heading("Diagram", as_="h2", size="5"),
        rx.el.div(
            rx.el.button("Zooma in", on_click=S.zoom_by(25), class_name="button small"),
            rx.el.button("Zooma ut", on_click=S.zoom_by(-25), class_name="button small"),
            rx.el.button("Anpassa", on_click=S.zoom_fit, class_name="button small"),
            rx.el.span(
                rx.cond(S.fit, "anpassad", S.zoom.to_string() + " %"),
                class_name="muted",
                aria_live="polite",
            ),
            class_name="actions",
        ),
        message(S.diagram_error, "error"),
        rx.el.div(
            rx.el.div(rx.html(S.svg), style={"zoom": S.zoom / 100}),
            class_name=rx.cond(S.fit, "diagram fit", "diagram"),
            tab_index=0,
            id="diagram",
            role="img",
            aria_label="Diagram över kundresan; samma innehåll finns som text och i tabellen Steg.",
        ),
        rx.el.details(
            rx.el.summary("Kundresan som text"),
            rx.el.pre(S.text_description, class_name="description"),
        ),
        class_name="card",
    )


def _step_row(step: dict) -> rx.Component:
    return rx.el.tr(
        rx.el.td(step["text"]),
        rx.el.td(step["stage_name"]),
        rx.el.td(step["lane_name"]),
        rx.el.td(step["channel"]),
        rx.el.td(step["emotion"]),
        rx.el.td(
            rx.el.button(
                rx.cond(S.can_edit, "Redigera", "Visa"),
                rx.el.span(" ", step["text"], class_name="sr-only"),
                on_click=S.open_step(step["id"]),
                class_name="button small",
            )
        ),
        id=step["row_id"],
    )


def _steps_table() -> rx.Component:
    return rx.el.section(
        rx.heading("Steg", as_="h2", size="5"),
        data_table(
            "Alla steg",
            ["Steg", "Fas", "Bana", "Kanal", "Känsla", "Åtgärd"],
            S.steps,
            _step_row,
        ),
        rx.cond(
            S.can_edit,
            rx.el.button("Nytt steg", on_click=S.new_step, class_name="button secondary"),
        ),
        class_name="card",
    )


def _step_form() -> rx.Component:
    step = S.step
    return rx.el.section(
        rx.heading(
            rx.cond(S.step_id != "", "Steg: " + step["text"].to(str), "Nytt steg"),
            as_="h2",
            size="5",
        ),
        rx.form(
            textarea("Text", "text", default=step["text"].to(str), rows=2),
            select_field(
                "Fas",
                "stage",
                S.stages,
                value_key="id",
                label_key="name",
                default_value=step["stage"].to(str),
            ),
            select_field(
                "Bana",
                "lane",
                S.lanes,
                value_key="id",
                label_key="name",
                default_value=step["lane"].to(str),
            ),
            static_select(
                "Kanal",
                "channel",
                [(c, c) for c in CHANNELS],
                default=step["channel"].to(str),
                empty="Ingen kanal",
            ),
            static_select(
                "Känsla (−2 till +2)",
                "emotion",
                [
                    ("-2", "−2 mycket negativ"),
                    ("-1", "−1 negativ"),
                    ("0", "0 neutral"),
                    ("1", "+1 positiv"),
                    ("2", "+2 mycket positiv"),
                ],
                default=step["emotion"].to(str),
                empty="Okänd",
            ),
            textarea(
                "Smärtpunkter",
                "pain_points",
                default=step["pain_points"].to(str),
                hint="En per rad.",
            ),
            textarea(
                "Möjligheter",
                "opportunities",
                default=step["opportunities"].to(str),
                hint="En per rad.",
            ),
            text_field(
                "Volym per vecka", "volume_per_week", default_value=step["volume_per_week"].to(str)
            ),
            text_field(
                "Handläggningstid (minuter)",
                "handling_minutes",
                default_value=step["handling_minutes"].to(str),
            ),
            text_field(
                "Lösta i första kontakten (%)",
                "first_contact_resolution",
                default_value=step["first_contact_resolution"].to(str),
                hint="0–100",
            ),
            static_select(
                "Underlag",
                "evidence",
                list(EVIDENCE_LABELS.items()),
                default=rx.cond(
                    step["evidence"].to(str) != "", step["evidence"].to(str), "assumed"
                ),
            ),
            checkbox(
                "Sviktande efterfrågan",
                "failure_demand",
                default_checked=step["failure_demand"].to(bool),
            ),
            checkbox("Startsteg", "is_start", default_checked=step["is_start"].to(bool)),
            checkbox("Slutsteg", "is_end", default_checked=step["is_end"].to(bool)),
            rx.cond(
                S.can_edit,
                rx.el.div(
                    rx.el.button("Spara", type="submit", class_name="button primary"),
                    rx.cond(
                        S.step_id != "",
                        rx.el.button(
                            "Ta bort steget",
                            type="button",
                            on_click=S.delete_step,
                            class_name="button secondary",
                        ),
                    ),
                    class_name="actions",
                ),
            ),
            on_submit=S.save_step,
            reset_on_submit=False,
            key=S.form_key,
            class_name="form",
            aria_label="Steg",
            id="step-form",
        ),
        _training_links(),
        class_name="card",
    )


def _link_row(link: dict) -> rx.Component:
    return rx.el.li(
        link["target"],
        rx.cond(link["pain_point"] != "", rx.el.span(" (smärtpunkt: ", link["pain_point"], ")")),
        rx.cond(
            S.can_edit,
            rx.el.button(
                "Ta bort",
                rx.el.span(" kopplingen till ", link["target"], class_name="sr-only"),
                on_click=S.unlink_training(link["id"]),
                class_name="button small",
            ),
        ),
    )


def _training_links() -> rx.Component:
    pains = S.step["pain_points"].to(str).split("\n")
    return rx.cond(
        S.step_id != "",
        rx.el.section(
            rx.heading("Kopplad utbildning", as_="h3", size="4"),
            rx.cond(
                S.step_links.length() > 0,
                rx.el.ul(rx.foreach(S.step_links, _link_row)),
                rx.el.p("Steget är inte kopplat till någon utbildning.", class_name="muted"),
            ),
            rx.cond(
                S.can_edit & (S.link_choices.length() > 0),
                rx.form(
                    select_field(
                        "Modul eller övning",
                        "target",
                        S.link_choices,
                        empty_label="Välj modul eller övning",
                        field_id="f-link-target",
                    ),
                    rx.el.div(
                        rx.el.label("Gäller", html_for="f-link-pain"),
                        rx.el.select(
                            rx.el.option("Hela steget", value=""),
                            rx.foreach(
                                pains,
                                lambda pain: rx.cond(pain != "", rx.el.option(pain, value=pain)),
                            ),
                            id="f-link-pain",
                            name="pain_point",
                        ),
                        class_name="field",
                    ),
                    rx.el.button("Koppla", type="submit", class_name="button secondary"),
                    on_submit=S.link_training,
                    reset_on_submit=False,
                    class_name="form",
                    aria_label="Koppla till utbildning",
                ),
            ),
            class_name="links",
        ),
    )


def _column_row(item: dict, what: str) -> rx.Component:
    return rx.el.li(
        rx.form(
            rx.el.input(type="hidden", name="what", value=what),
            rx.el.input(type="hidden", name="id", value=item["id"]),
            rx.el.label("Namn", html_for="name-" + item["id"].to(str), class_name="sr-only"),
            rx.el.input(name="name", id="name-" + item["id"].to(str), default_value=item["name"]),
            rx.el.button("Byt namn", type="submit", class_name="button small"),
            on_submit=S.rename_column,
            reset_on_submit=False,
            class_name="inline",
        ),
        rx.el.span(item["role"], " ", item["steps"], " steg", class_name="muted"),
        rx.el.button(
            "Upp",
            rx.el.span(" ", item["name"], class_name="sr-only"),
            on_click=S.move_column(what, item["id"], -1),
            class_name="button small",
        ),
        rx.el.button(
            "Ner",
            rx.el.span(" ", item["name"], class_name="sr-only"),
            on_click=S.move_column(what, item["id"], 1),
            class_name="button small",
        ),
        rx.el.button(
            "Ta bort",
            rx.el.span(" ", item["name"], class_name="sr-only"),
            on_click=S.ask_delete_column(what, item["id"]),
            class_name="button small",
        ),
        id=f"{what}-" + item["id"].to(str),
        class_name="column-row",
    )


def _delete_column_dialog(what: str, items) -> rx.Component:
    return rx.cond(
        (S.pending_delete["what"] == what),
        rx.form(
            rx.el.p(
                "Steg i den här ",
                "fasen" if what == "stage" else "banan",
                ": flytta dem eller ta bort dem.",
            ),
            select_field(
                "Flytta stegen till",
                "move_to",
                items,
                value_key="id",
                label_key="name",
                empty_label="Ta bort stegen också",
            ),
            rx.el.div(
                rx.el.button("Ta bort", type="submit", class_name="button primary"),
                rx.el.button(
                    "Avbryt",
                    type="button",
                    on_click=S.cancel_delete_column,
                    class_name="button secondary",
                ),
                class_name="actions",
            ),
            on_submit=S.delete_column,
            class_name="form card",
            aria_label="Ta bort " + ("fas" if what == "stage" else "bana"),
        ),
    )


def _columns(what: str, title: str, items) -> rx.Component:
    return rx.el.section(
        rx.heading(title, as_="h2", size="5"),
        rx.el.ol(rx.foreach(items, lambda item: _column_row(item, what)), class_name="columns"),
        _delete_column_dialog(what, items),
        rx.form(
            rx.el.input(type="hidden", name="what", value=what),
            text_field(
                f"Ny {'fas' if what == 'stage' else 'bana'}", "name", field_id=f"f-{what}-name"
            ),
            *(
                [static_select("Visar", "role", list(LANE_ROLE_SV.items()), default="backstage")]
                if what == "lane"
                else []
            ),
            rx.el.button("Lägg till", type="submit", class_name="button secondary"),
            on_submit=S.add_column,
            reset_on_submit=True,
            class_name="form inline",
            aria_label=f"Ny {'fas' if what == 'stage' else 'bana'}",
        ),
        class_name="card",
    )


def _flow_row(flow: dict) -> rx.Component:
    return rx.el.tr(
        rx.el.td(flow["source_text"]),
        rx.el.td(flow["target_text"]),
        rx.el.td(flow["kind"]),
        rx.el.td(flow["share"]),
        rx.el.td(
            rx.cond(
                S.can_edit,
                rx.el.button(
                    "Ta bort",
                    rx.el.span(" flödet", class_name="sr-only"),
                    on_click=S.delete_flow(flow["source"], flow["target"]),
                    class_name="button small",
                ),
            )
        ),
    )


def _flows() -> rx.Component:
    return rx.el.section(
        rx.heading("Flöden", as_="h2", size="5", id="flode"),
        data_table(
            "Flöden mellan steg",
            ["Från", "Till", "Typ", "Andel", "Åtgärd"],
            S.flows,
            _flow_row,
        ),
        rx.cond(
            S.can_edit,
            rx.form(
                select_field(
                    "Från",
                    "source",
                    S.steps,
                    value_key="id",
                    label_key="text",
                    empty_label="Välj steg",
                ),
                select_field(
                    "Till",
                    "target",
                    S.steps,
                    value_key="id",
                    label_key="text",
                    empty_label="Välj steg",
                ),
                static_select(
                    "Typ",
                    "kind",
                    list(FLOW_KIND_LABELS.items()),
                    default="next",
                    field_id="f-flow-kind",
                ),
                text_field("Andel (0–1)", "share", hint="Lämna tomt om alla ärenden går hit."),
                rx.el.button("Lägg till flöde", type="submit", class_name="button secondary"),
                on_submit=S.add_flow,
                reset_on_submit=False,
                key=S.form_key,
                class_name="form",
                aria_label="Nytt flöde",
            ),
        ),
        class_name="card",
    )


def _analysis() -> rx.Component:
    return rx.el.section(
        rx.heading("Analys", as_="h2", size="5"),
        rx.cond(
            S.problems.length() > 0,
            rx.el.div(
                rx.heading("Att åtgärda", as_="h3", size="4"),
                rx.el.ul(
                    rx.foreach(
                        S.problems, lambda p: rx.el.li(rx.el.a(p["message"], href=p["anchor"]))
                    )
                ),
            ),
            rx.el.p("Inga valideringsproblem."),
        ),
        rx.el.dl(
            rx.foreach(
                S.figures, lambda f: rx.fragment(rx.el.dt(f["label"]), rx.el.dd(f["value"]))
            ),
            class_name="figures",
        ),
        rx.heading("Känslokurva längs huvudvägen", as_="h3", size="4"),
        rx.recharts.line_chart(
            rx.recharts.line(
                data_key="känsla", stroke="#23318c", stroke_width=2, is_animation_active=False
            ),
            rx.recharts.x_axis(data_key="steg", hide=True),
            rx.recharts.y_axis(domain=[-2, 2], ticks=[-2, -1, 0, 1, 2]),
            rx.recharts.reference_line(y=0, stroke="#767d88"),
            rx.recharts.graphing_tooltip(),
            data=S.curve,
            width="100%",
            height=220,
        ),
        rx.el.ol(
            rx.foreach(S.curve, lambda p: rx.el.li(p["steg"], ": ", p["känsla"])),
            class_name="curve-list",
            aria_label="Känslokurvan som lista",
        ),
        class_name="card",
    )


def _history() -> rx.Component:
    return rx.el.details(
        rx.el.summary("Versioner"),
        rx.el.table(
            rx.el.caption("Sparade versioner"),
            rx.el.thead(
                rx.el.tr(
                    *[rx.el.th(h, scope="col") for h in ("Version", "Vem", "När", "Vad", "Åtgärd")]
                )
            ),
            rx.el.tbody(
                rx.foreach(
                    S.history_rows,
                    lambda v: rx.el.tr(
                        rx.el.td(v["version"]),
                        rx.el.td(v["author"]),
                        rx.el.td(v["created_at"]),
                        rx.el.td(v["summary"]),
                        rx.el.td(
                            rx.cond(
                                S.can_edit & (v["version"].to(int) != S.version),
                                rx.el.button(
                                    "Återställ",
                                    rx.el.span(" version ", v["version"], class_name="sr-only"),
                                    on_click=S.restore(v["version"].to(int)),
                                    class_name="button small",
                                ),
                            )
                        ),
                    ),
                )
            ),
            class_name="table",
        ),
        class_name="card",
    )


def _exports() -> rx.Component:
    links = [
        ("SVG", "svg"),
        ("PNG", "png"),
        ("PDF", "pdf"),
        ("JSON", "json"),
        ("Mermaid", "mmd"),
        ("DOT", "dot"),
    ]
    return rx.el.nav(
        rx.el.span("Exportera:", class_name="muted"),
        *[
            rx.el.a(
                label,
                href="/api/kundresor/" + S.journey_id.to_string() + f"/export/{fmt}",
                download=True,
                # A real request, not client-side routing: the server sends a file.
                reload_document=True,
                class_name="export-link",
            )
            for label, fmt in links
        ],
        aria_label="Exportera",
        class_name="actions exports",
    )


def editor_page() -> rx.Component:
    return page_shell(
        rx.link("← Alla kundresor", href="/kundresor"),
        rx.cond(
            S.journey_id != 0,
            rx.fragment(
                rx.heading(S.title, as_="h1", size="7"),
                rx.text(
                    rx.cond(S.kind == "future", "Önskat läge", "Nuläge"),
                    " · version ",
                    S.version,
                    rx.cond(S.can_edit, "", " · endast läsning"),
                    class_name="muted",
                ),
                rx.cond(
                    S.current_journey_id != "",
                    rx.link(
                        "Jämför med nuläget",
                        href="/kundresor/" + S.journey_id.to_string() + "/jamfor",
                    ),
                ),
                _exports(),
                message(S.error, "error"),
                message(S.notice, "info"),
                _diagram(),
                rx.el.div(
                    rx.el.div(_steps_table(), _flows(), class_name="main-col"),
                    rx.el.div(_step_form(), _analysis(), class_name="side-col"),
                    class_name="editor-grid",
                ),
                rx.cond(
                    S.can_edit,
                    rx.el.div(
                        _metadata_form(),
                        _columns("stage", "Faser", S.stages),
                        _columns("lane", "Banor", S.lanes),
                        class_name="cards",
                    ),
                ),
                _history(),
            ),
            rx.fragment(rx.heading("Kundresa", as_="h1", size="7"), message(S.error, "error")),
        ),
        area="journeys",
    )


def compare_page() -> rx.Component:
    C = JourneyCompareState
    return page_shell(
        rx.link("← Till kundresan", href="/kundresor/" + C.journey_id.to_string()),
        rx.heading("Nuläge och önskat läge", as_="h1", size="7"),
        message(C.error, "error"),
        rx.cond(
            C.rows.length() > 0,
            rx.fragment(
                rx.el.table(
                    rx.el.caption("Jämförelse"),
                    rx.el.thead(
                        rx.el.tr(
                            rx.el.th("Mått", scope="col"),
                            rx.el.th("Nuläge", scope="col"),
                            rx.el.th("Önskat läge", scope="col"),
                        )
                    ),
                    rx.el.tbody(
                        rx.foreach(
                            C.rows,
                            lambda r: rx.el.tr(
                                rx.el.td(r["label"]), rx.el.td(r["before"]), rx.el.td(r["after"])
                            ),
                        )
                    ),
                    class_name="table",
                ),
                rx.el.p("Nya steg: ", C.added),
                rx.el.p("Borttagna steg: ", C.removed),
                rx.el.section(
                    rx.heading("Nuläge: ", C.current_title, as_="h2", size="5"),
                    rx.el.div(rx.html(C.current_svg), class_name="diagram"),
                    class_name="card",
                ),
                rx.el.section(
                    rx.heading("Önskat läge: ", C.future_title, as_="h2", size="5"),
                    rx.el.div(rx.html(C.future_svg), class_name="diagram"),
                    class_name="card",
                ),
            ),
        ),
        area="journeys",
    )
