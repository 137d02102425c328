"""/kundresor/[journey_id]: the journey editor (diagram, steps, flows, analysis, versions)."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.journeys.web.columns_page import columns
from academy.journeys.web.contacts_observed import observed_panel
from academy.journeys.web.editor_state import AT_HISTORY, AT_META, AT_PAGE
from academy.journeys.web.editor_state import JourneyEditorState as S
from academy.journeys.web.editor_state import JourneyViewState as V
from academy.journeys.web.flows_page import flows
from academy.journeys.web.forms import KIND_OPTIONS
from academy.journeys.web.future_state import AT_FUTURE, JourneyFutureState
from academy.journeys.web.step_details_page import step_details
from academy.journeys.web.steps_page import field_error, step_form, steps_table
from academy.journeys.web.view import HistoryRow

EXPORTS = [
    ("SVG", "svg"),
    ("PNG", "png"),
    ("PDF A4", "pdf"),
    ("PDF A3", "pdf-a3"),
    ("JSON", "json"),
    ("Mermaid", "mmd"),
    ("DOT", "dot"),
]
# Grid columns may shrink below their content's width, so a wide table or diagram scrolls
# inside its own box instead of widening the page on a phone.
SHRINK = {"min_width": "0"}


def _metadata_form() -> rx.Component:
    return ui.section(
        "Uppgifter om kundresan",
        ui.form(
            ui.text_field(
                "Titel",
                "title",
                required=True,
                default_value=S.title,
                field_id="f-meta-title",
                error=field_error(AT_META, "title"),
            ),
            ui.static_select("Typ", "kind", KIND_OPTIONS, S.kind, field_id="f-meta-kind"),
            ui.text_field(
                "Persona", "persona", default_value=S.persona, error=field_error(AT_META, "persona")
            ),
            ui.text_field("Mål", "goal", default_value=S.goal, error=field_error(AT_META, "goal")),
            ui.select_field(
                "Enhet",
                "unit_id",
                S.unit_options,
                default_value=S.unit_id,
                empty_label="Ingen enhet",
            ),
            ui.checkbox("Delad med alla enheter", "shared", default_checked=S.shared),
            ui.select_field(
                "Nuläge att jämföra med",
                "current_journey_id",
                S.current_options,
                default_value=S.current_journey_id,
                empty_label="Inget",
                error=field_error(AT_META, "current_journey_id"),
            ),
            ui.submit("Spara uppgifter"),
            ui.message(S, at=AT_META),
            on_submit=S.save_metadata,
            reset_on_submit=False,
            key=f"meta-{S.form_key}-{S.meta_key}",
            aria_label="Uppgifter om kundresan",
        ),
    )


def _zoom_button(label: str, event, zoom: str) -> rx.Component:
    return ui.button(label, event, kind="small", custom_attrs={"data-zoom-button": zoom})


def _diagram() -> rx.Component:
    """The diagram in a box of fixed height that fills most of the first screen: it scrolls
    and pans inside the box (assets/journey-diagram.js) and zooms with the buttons."""
    return rx.el.section(
        rx.el.div(
            rx.el.h2("Diagram", id="diagram-title"),
            _zoom_button("Zooma in", V.zoom_by(25), "in"),
            _zoom_button("Zooma ut", V.zoom_by(-25), "out"),
            _zoom_button("Anpassa", V.zoom_fit, "fit"),
            rx.el.span(
                rx.cond(V.fit, "anpassad", V.zoom.to_string() + " %"),
                class_name="muted",
                aria_live="polite",
            ),
            rx.el.span(
                "Dra för att flytta; tangentbord: pilar, + − och 0.",
                class_name="muted hint",
                id="diagram-hint",
            ),
            class_name="diagram-bar",
        ),
        ui.text_message(V.diagram_error),
        rx.cond(V.drawing, rx.el.p("Ritar diagrammet …", role="status", class_name="muted")),
        rx.el.div(
            # journey-diagram.js fetches the SVG (data-src) into this box and applies the zoom
            # to the SVG's own size (data-zoom): a CSS zoom would restyle every element.
            rx.el.div(id="diagram-svg", custom_attrs={"data-src": V.svg_url}),
            class_name=rx.cond(V.fit, "diagram fit", "diagram"),
            tab_index=0,
            id="diagram",
            role="img",
            aria_label="Diagram över kundresan; samma innehåll finns som text under diagrammet "
            "och i fliken Steg.",
            aria_describedby="diagram-hint",
            aria_busy=V.drawing,
            # the open step's row id ("row-step-…"): journey-diagram.js marks its node
            custom_attrs={
                "data-pan": "",
                "data-selected": V.step.row_id,
                "data-zoom": rx.cond(V.fit, "fit", V.zoom.to_string()),
            },
        ),
        rx.el.details(
            rx.el.summary("Kundresan som text"),
            rx.el.pre(
                S.text_description,
                class_name="description",
                style={"white_space": "pre-wrap", "overflow_wrap": "anywhere"},
            ),
        ),
        class_name="workspace-diagram",
        aria_labelledby="diagram-title",
    )


def _columns_first() -> rx.Component:
    """The step panel of a journey that lacks stages or lanes: where to add them first."""
    missing = rx.cond(
        S.stages.length() == 0,
        rx.cond(S.lanes.length() == 0, "faser och banor", "en fas"),
        "en bana",
    )
    return rx.el.section(
        rx.el.h2("Nytt steg"),
        rx.el.p(
            "Ett steg ligger i en fas och en bana. Lägg först till ",
            missing,
            " under fliken Faser och banor.",
            id="step-needs-columns",
        ),
        ui.button("Till Faser och banor", V.show_columns, kind="primary"),
        class_name="card",
    )


def _step_panel() -> rx.Component:
    """Beside the diagram: the open step's form (or, read only, its facts)."""
    return rx.el.div(
        rx.cond(
            S.can_edit,
            rx.fragment(
                rx.el.div(ui.button("Nytt steg", V.new_step), class_name="actions"),
                rx.cond(
                    (V.step_id == "") & ((S.stages.length() == 0) | (S.lanes.length() == 0)),
                    _columns_first(),
                    step_form(),
                ),
            ),
            step_details(),
        ),
        id="step-panel",
        class_name="workspace-side",
        role="region",
        aria_label="Valt steg",
        tab_index=0,
    )


def _analysis() -> rx.Component:
    return ui.section(
        "Analys",
        rx.cond(
            S.problems.length() > 0,
            rx.el.div(
                rx.el.h3("Att åtgärda"),
                rx.el.ul(
                    rx.foreach(S.problems, lambda p: rx.el.li(rx.el.a(p.message, href=p.anchor)))
                ),
            ),
            rx.el.p("Inga valideringsproblem."),
        ),
        rx.el.dl(
            rx.foreach(
                S.figures,
                lambda f: rx.fragment(
                    rx.el.dt(f.label),
                    rx.el.dd(f.value, rx.el.span(f.explanation, class_name="figure-explanation")),
                ),
            ),
            class_name="figures",
        ),
        rx.el.h3("Känslokurva längs huvudvägen"),
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
        style=SHRINK,
    )


def _history_row(v: HistoryRow) -> rx.Component:
    return rx.el.tr(
        ui.cell(v.version, num=True),
        ui.cell(v.author),
        ui.cell(v.created_at),
        ui.cell(v.summary, wrap=True),
        ui.cell(
            rx.cond(
                S.can_edit & (v.version != S.version),
                ui.row_actions(
                    ui.confirm_button(
                        "Återställ",
                        S.restore(v.version),
                        dialog_id="restore-" + v.version.to(str),
                        question="Återställ version " + v.version.to(str) + "?",
                        explanation=v.restore_changes
                        + " Den sparas som en ny version överst; alla versioner "
                        "finns kvar, så du kan ångra genom att återställa en annan.",
                        small=True,
                        aria_label="Återställ version " + v.version.to(str),
                    ),
                ),
            )
        ),
    )


def _history() -> rx.Component:
    return rx.el.section(
        ui.data_table(
            "Sparade versioner",
            [
                ui.col("Version", num=True),
                ui.col("Vem"),
                ui.col("När"),
                ui.col("Vad"),
                ui.col("Åtgärd", hidden=True),
            ],
            S.history_rows,
            _history_row,
            empty="Inga sparade versioner.",
        ),
        ui.message(S, at=AT_HISTORY),
        class_name="card",
    )


def _exports() -> rx.Component:
    base = "/api/kundresor/" + S.journey_id.to_string() + "/export/"
    return rx.el.nav(
        rx.el.span("Exportera:", class_name="muted"),
        *[ui.download_link(label, base + fmt) for label, fmt in EXPORTS],
        aria_label="Exportera",
        class_name="actions exports",
    )


def _heading() -> rx.Component:
    return rx.fragment(
        ui.page_title(
            S.title,
            S.kind_label
            + " · version "
            + S.version.to_string()
            + rx.cond(S.can_edit, "", " · endast läsning"),
        ),
        rx.el.div(
            rx.cond(
                S.current_journey_id != "",
                rx.link(
                    "Jämför med nuläget",
                    href="/kundresor/" + S.journey_id.to_string() + "/jamfor",
                ),
            ),
            rx.cond(
                S.can_edit & (S.kind == "current"),
                ui.button(
                    "Skapa önskat läge",
                    JourneyFutureState.create(S.journey_id),
                    kind="small",
                    title="Kopierar nuläget till en ny kundresa, kopplad hit för jämförelse.",
                    aria_describedby="future-hint",
                ),
            ),
            _exports(),
            class_name="journey-toolbar",
        ),
        rx.cond(
            S.can_edit & (S.kind == "current"),
            rx.el.span(
                "Skapa önskat läge kopierar nuläget till en ny kundresa, kopplad hit för "
                "jämförelse.",
                id="future-hint",
                class_name="sr-only",
            ),
        ),
        ui.message(JourneyFutureState, at=AT_FUTURE),
    )


def _tabs() -> rx.Component:
    """Everything but the diagram and the open step, in tabs in the order of work."""
    return ui.tabs(
        "Kundresans delar",
        V.tab,
        V.select_tab,
        ui.tab(
            "columns",
            "Faser och banor",
            rx.el.div(columns("stage"), columns("lane"), class_name="cards"),
            show=S.can_edit,
        ),
        ui.tab("steps", "Steg", steps_table()),
        ui.tab("flows", "Flöden", flows()),
        ui.tab("analysis", "Analys", _analysis(), observed_panel(S)),
        ui.tab("history", "Versioner", _history()),
        ui.tab("details", "Uppgifter", _metadata_form(), show=S.can_edit),
        prefix="journey-tab",
    )


def _editor() -> rx.Component:
    return rx.fragment(
        _heading(),
        rx.el.div(_diagram(), _step_panel(), class_name="workspace"),
        _tabs(),
    )


def editor_page() -> rx.Component:
    return ui.page_shell(
        rx.link("← Alla kundresor", href="/kundresor"),
        rx.cond(
            S.journey_id != 0,
            _editor(),
            rx.fragment(ui.page_title("Kundresa"), ui.message(S, at=AT_PAGE)),
        ),
        area="journeys",
    )
