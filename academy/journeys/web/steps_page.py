"""The editor's steps and the open step's form with its links to training."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.journeys.web.editor_state import AT_LINKS, AT_STEP
from academy.journeys.web.editor_state import JourneyEditorState as S
from academy.journeys.web.editor_state import JourneyViewState as V
from academy.journeys.web.view import EVIDENCE_LABELS, LinkView, StepRow
from journeys.model import CHANNELS

EMOTIONS = [
    ("-2", "−2 mycket negativ"),
    ("-1", "−1 negativ"),
    ("0", "0 neutral"),
    ("1", "+1 positiv"),
    ("2", "+2 mycket positiv"),
]


def field_error(at: str, name: str) -> rx.Var:
    """The field's own error when the last message belongs to the form `at`."""
    return rx.cond(S.message_at == at, S.field_errors.get(name, ""), "")


# ---- steps ------------------------------------------------------------------------------------


def _step_row(step: StepRow) -> rx.Component:
    return _memo_step_row(
        step_id=step.id,
        row_id=step.row_id,
        text=step.text,
        stage_name=step.stage_name,
        lane_name=step.lane_name,
        channel=step.channel,
        emotion=step.emotion,
        action=rx.cond(S.can_edit, "Redigera", "Visa"),
    )


# A row of its own React component, given only strings: when a save changes one step, React
# skips every other row of the table instead of rendering all of them again.
@rx.memo
def _memo_step_row(
    step_id: rx.Var[str],
    row_id: rx.Var[str],
    text: rx.Var[str],
    stage_name: rx.Var[str],
    lane_name: rx.Var[str],
    channel: rx.Var[str],
    emotion: rx.Var[str],
    action: rx.Var[str],
) -> rx.Component:
    return rx.el.tr(
        ui.cell(text, header=True, wrap=True),
        ui.cell(stage_name, wrap=True),
        ui.cell(lane_name, wrap=True),
        ui.cell(channel),
        ui.cell(emotion, num=True),
        ui.cell(
            ui.row_actions(
                rx.el.button(
                    action,
                    rx.el.span(" ", text, class_name="sr-only"),
                    type="button",
                    on_click=V.open_step(step_id),
                    class_name="button small",
                )
            )
        ),
        id=row_id,
    )


def steps_table() -> rx.Component:
    return ui.section(
        "Steg",
        ui.data_table(
            "Alla steg",
            [
                ui.col("Steg"),
                ui.col("Fas"),
                ui.col("Bana"),
                ui.col("Kanal"),
                ui.col("Känsla", num=True),
                ui.col("Åtgärd", hidden=True),
            ],
            S.steps,
            _step_row,
            empty=rx.cond(
                S.can_edit,
                "Kundresan har inga steg ännu. Lägg till faser och banor, sedan steg med "
                "Nytt steg bredvid diagrammet.",
                "Kundresan har inga steg ännu.",
            ),
        ),
    )


def _step_fields() -> list[rx.Component]:
    step = V.step
    return [
        ui.textarea("Text", "text", step.text, rows=2, error=field_error(AT_STEP, "text")),
        ui.select_field(
            "Fas",
            "stage",
            S.stages,
            value_key="id",
            label_key="name",
            default_value=step.stage,
            empty_label="Välj fas",
            error=field_error(AT_STEP, "stage"),
        ),
        ui.select_field(
            "Bana",
            "lane",
            S.lanes,
            value_key="id",
            label_key="name",
            default_value=step.lane,
            empty_label="Välj bana",
            error=field_error(AT_STEP, "lane"),
        ),
        ui.static_select(
            "Kanal",
            "channel",
            [(c, c) for c in CHANNELS],
            step.channel,
            empty="Ingen kanal",
            error=field_error(AT_STEP, "channel"),
        ),
        ui.static_select(
            "Känsla (−2 till +2)",
            "emotion",
            EMOTIONS,
            step.emotion,
            empty="Okänd",
            error=field_error(AT_STEP, "emotion"),
        ),
        ui.textarea(
            "Smärtpunkter",
            "pain_points",
            step.pain_points,
            hint="En per rad.",
            error=field_error(AT_STEP, "pain_points"),
        ),
        ui.textarea(
            "Möjligheter",
            "opportunities",
            step.opportunities,
            hint="En per rad.",
            error=field_error(AT_STEP, "opportunities"),
        ),
        ui.text_field(
            "Volym per vecka",
            "volume_per_week",
            default_value=step.volume_per_week,
            error=field_error(AT_STEP, "volume_per_week"),
        ),
        ui.text_field(
            "Handläggningstid (minuter)",
            "handling_minutes",
            default_value=step.handling_minutes,
            error=field_error(AT_STEP, "handling_minutes"),
        ),
        ui.text_field(
            "Lösta i första kontakten (%)",
            "first_contact_resolution",
            default_value=step.first_contact_resolution,
            hint="0–100",
            error=field_error(AT_STEP, "first_contact_resolution"),
        ),
        ui.static_select(
            "Underlag",
            "evidence",
            list(EVIDENCE_LABELS.items()),
            step.evidence,
            error=field_error(AT_STEP, "evidence"),
        ),
        ui.checkbox("Sviktande efterfrågan", "failure_demand", default_checked=step.failure_demand),
        ui.checkbox("Startsteg", "is_start", default_checked=step.is_start),
        ui.checkbox("Slutsteg", "is_end", default_checked=step.is_end),
    ]


def _step_actions() -> rx.Component:
    return rx.cond(
        S.can_edit,
        rx.el.div(
            ui.submit("Spara"),
            rx.cond(
                V.step_id != "",
                ui.confirm_button(
                    "Ta bort steget",
                    S.delete_step,
                    dialog_id="delete-step",
                    question="Ta bort steget ”" + V.step.text + "”?",
                    explanation="Flödena till och från steget tas också bort. "
                    "Tidigare versioner finns kvar under Versioner.",
                ),
            ),
            class_name="actions",
        ),
    )


def step_form() -> rx.Component:
    return rx.el.section(
        rx.el.h2(rx.cond(V.step_id != "", "Steg: " + V.step.text, "Nytt steg")),
        rx.cond(
            V.step.participants != "",
            rx.el.p("Deltar också: ", V.step.participants, id="step-participants"),
        ),
        rx.cond(
            (V.step_id == "") & (V.just_added != ""),
            rx.el.p(
                "Steget ”" + V.just_added + "” är tillagt. Fyll i nästa steg.",
                class_name="muted",
                id="step-added",
            ),
        ),
        ui.form(
            *_step_fields(),
            _step_actions(),
            ui.message(S, at=AT_STEP),
            on_submit=S.save_step,
            reset_on_submit=False,
            key=V.step_form_key,
            aria_label="Steg",
            id="step-form",
        ),
        _training_links(),
        class_name="card",
    )


# ---- links to training ------------------------------------------------------------------------


def link_row(link: LinkView) -> rx.Component:
    return rx.el.li(
        rx.cond(link.href != "", rx.el.a(link.target, href=link.href), link.target),
        rx.cond(link.pain_point != "", rx.el.span(" (smärtpunkt: ", link.pain_point, ")")),
        rx.cond(
            S.can_edit,
            ui.confirm_button(
                "Ta bort",
                S.unlink_training(link.id),
                dialog_id="unlink-" + link.id.to(str),
                question="Ta bort kopplingen till ”" + link.target + "”?",
                explanation="Utbildningen finns kvar; bara kopplingen till steget tas bort.",
                small=True,
                aria_label="Ta bort kopplingen till " + link.target,
            ),
        ),
    )


def _link_form() -> rx.Component:
    return ui.form(
        ui.select_field(
            "Modul eller övning",
            "target",
            S.link_choices,
            empty_label="Välj modul eller övning",
            field_id="f-link-target",
            error=field_error(AT_LINKS, "target"),
        ),
        rx.el.div(
            rx.el.label("Gäller", html_for="f-link-pain"),
            rx.el.select(
                rx.el.option("Hela steget", value=""),
                rx.foreach(V.step.pain_list, lambda pain: rx.el.option(pain, value=pain)),
                id="f-link-pain",
                name="pain_point",
            ),
            class_name="field",
        ),
        ui.submit("Koppla", kind="secondary"),
        on_submit=S.link_training,
        reset_on_submit=False,
        aria_label="Koppla till utbildning",
    )


def _training_links() -> rx.Component:
    return rx.cond(
        V.step_id != "",
        rx.el.section(
            rx.el.h3("Kopplad utbildning"),
            rx.cond(
                V.step_links.length() > 0,
                rx.el.ul(rx.foreach(V.step_links, link_row)),
                rx.el.p("Steget är inte kopplat till någon utbildning.", class_name="muted"),
            ),
            rx.cond(S.can_edit & (S.link_choices.length() > 0), _link_form()),
            ui.message(S, at=AT_LINKS),
            class_name="links",
        ),
    )
