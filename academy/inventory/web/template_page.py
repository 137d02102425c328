"""/inventering/mallar/[template_id]: sections and questions of a survey template, their
order, copy and delete. A template in use is read-only (copy it to change it)."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.inventory.web.fields import action_form, checked_field, checked_select
from academy.inventory.web.template_state import SECTIONS, TemplateEditorState
from academy.inventory.web.view import TemplateQuestionRow, TemplateSectionRow

State = TemplateEditorState
EDITABLE = State.in_use == 0


def _actions(item, name: rx.Var, move, edit, delete, *, what: str, explanation: str):
    """Move, change and (after asking) remove one section or question, named by `name`."""
    return rx.cond(
        EDITABLE,
        ui.row_actions(
            ui.move_controls(
                name, move(item.id, -1), move(item.id, 1), first=item.first, last=item.last
            ),
            rx.el.button(
                "Ändra" if what == "frågan" else "Ändra avsnittet",
                rx.el.span(" ", name, class_name="sr-only"),
                type="button",
                class_name="button secondary small",
                on_click=edit(item.id),
            ),
            ui.confirm_button(
                "Ta bort" if what == "frågan" else "Ta bort avsnittet",
                delete(item.id),
                dialog_id=("del-q-" if what == "frågan" else "del-section-") + item.id.to(str),
                question=f"Ta bort {what} ”" + name + "”?",
                explanation=explanation,
                small=True,
                aria_label=("Ta bort " if what == "frågan" else "Ta bort avsnittet ") + name,
            ),
        ),
    )


def _question_item(q: TemplateQuestionRow) -> rx.Component:
    return rx.el.li(
        rx.el.p(rx.el.strong(q.text), " · ", q.kind, rx.cond(q.required, " · obligatorisk", "")),
        rx.cond(q.details != "", rx.el.p(q.details, class_name="muted")),
        rx.cond(q.topics != "", rx.el.p("Ämnen: ", q.topics, class_name="muted")),
        _actions(
            q,
            q.text,
            State.move_question,
            State.edit_question,
            State.delete_question,
            what="frågan",
            explanation="Frågan tas bort ur mallen. Det går inte att ångra.",
        ),
        class_name="template-question",
    )


def _section(s: TemplateSectionRow) -> rx.Component:
    return rx.el.section(
        rx.el.h3(s.title),
        rx.cond(s.intro != "", rx.el.p(s.intro, class_name="muted")),
        _actions(
            s,
            s.title,
            State.move_section,
            State.edit_section,
            State.delete_section,
            what="avsnittet",
            explanation="Avsnittet och alla dess frågor tas bort ur mallen. Det går inte att "
            "ångra.",
        ),
        ui.message(State, at="section-" + s.id.to(str)),
        rx.cond(
            s.questions.length() > 0,
            rx.el.ol(rx.foreach(s.questions, _question_item), aria_label="Frågor i " + s.title),
            rx.el.p("Inga frågor i avsnittet än.", class_name="muted"),
        ),
        class_name="card template-section",
    )


def _settings() -> rx.Component:
    d = State.draft
    return rx.match(
        State.kind,
        (
            "likert",
            rx.el.fieldset(
                rx.el.legend("Etiketter för skalan 1–5"),
                *[
                    ui.text_field(f"Etikett {i}", f"label-{i}", default_value=d[f"label-{i}"])
                    for i in range(1, 6)
                ],
            ),
        ),
        ("text", rx.fragment()),
        (
            "number",
            rx.el.fieldset(
                rx.el.legend("Tillåtna tal"),
                checked_field(State, "Lägsta tal", "min", default_value=d["min"]),
                checked_field(State, "Högsta tal", "max", default_value=d["max"]),
                ui.text_field("Enhet (till exempel samtal)", "unit", default_value=d["unit"]),
            ),
        ),
        ui.textarea(
            "Alternativ",
            "options",
            d["options"],
            rows=5,
            hint="Ett alternativ per rad. Ämnen för ett alternativ skrivs efter ett lodstreck: "
            "Arga invånare | konflikthantering",
        ),
    )


def _cancel(editing: rx.Var, cancel) -> rx.Component:
    return rx.cond(editing, ui.button("Avbryt", cancel))


def _question_form() -> rx.Component:
    d = State.draft
    return ui.section(
        rx.cond(State.editing_question > 0, "Ändra fråga", "Ny fråga"),
        action_form(
            State,
            "Fråga",
            checked_select(
                State,
                "Avsnitt",
                "section_id",
                State.section_options,
                default_value=d["section_id"],
                empty_label="Välj avsnitt",
            ),
            ui.select_field(
                "Frågetyp",
                "kind",
                State.kind_options,
                default_value=State.kind,
                on_change=State.set_kind,
            ),
            ui.text_field("Frågans text", "text", required=True, default_value=d["text"]),
            ui.checkbox("Obligatorisk", "required", default_checked=State.draft_required),
            ui.text_field(
                "Ämnen (kommaseparerade, samma som på kurser)", "topics", default_value=d["topics"]
            ),
            ui.select_field(
                "Mått i behovsprofilen",
                "measure",
                State.measure_options,
                default_value=d["measure"],
            ),
            _settings(),
            actions=[
                ui.submit("Spara frågan"),
                _cancel(State.editing_question > 0, State.cancel_question),
            ],
            at="question-form",
            on_submit=State.save_question,
            key=f"question-{State.form_key}-{State.question_key}",
        ),
    )


def _section_form() -> rx.Component:
    return ui.section(
        rx.cond(State.editing_section > 0, "Ändra avsnitt", "Nytt avsnitt"),
        action_form(
            State,
            "Avsnitt",
            ui.text_field(
                "Avsnittets titel",
                "section_title",
                required=True,
                default_value=State.section_title,
            ),
            ui.text_field("Inledning", "section_intro", default_value=State.section_intro),
            actions=[
                ui.submit("Spara avsnittet"),
                _cancel(State.editing_section > 0, State.cancel_section),
            ],
            at="section-form",
            on_submit=State.save_section,
            key=f"section-{State.form_key}-{State.section_key}",
        ),
    )


def _copy_form() -> rx.Component:
    return ui.section(
        "Kopiera mallen",
        action_form(
            State,
            "Kopiera mallen",
            ui.text_field(
                "Kopians titel",
                "title",
                required=True,
                default_value=State.title + " (kopia)",
                field_id="f-copy-title",
            ),
            actions=[ui.submit("Kopiera")],
            at="copy",
            on_submit=State.copy,
            class_name="form inline",
        ),
    )


def _delete() -> rx.Component:
    return ui.section(
        "Ta bort mallen",
        ui.confirm_button(
            "Ta bort mallen",
            State.delete_template,
            dialog_id="del-template",
            question="Ta bort mallen ”" + State.title + "”?",
            explanation="Mallen med alla avsnitt och frågor tas bort. Det går inte att ångra.",
        ),
        ui.message(State, at="delete"),
    )


def template_editor_page() -> rx.Component:
    return ui.page_shell(
        ui.page_title(rx.cond(State.title != "", "Enkätmall: " + State.title, "Enkätmall")),
        ui.message(State),
        rx.cond(
            State.title != "",
            rx.fragment(
                rx.cond(State.description != "", rx.el.p(State.description)),
                rx.cond(
                    State.in_use > 0,
                    rx.el.p(
                        "Mallen används av ",
                        State.in_use,
                        " enkätomgång(ar) och kan inte ändras, eftersom svar som redan finns "
                        "då kunde få en annan betydelse. Kopiera den för att göra en ny version.",
                        class_name="notice",
                        id="template-in-use",
                    ),
                ),
                _copy_form(),
                ui.section(
                    "Avsnitt och frågor",
                    ui.message(State, at=SECTIONS),
                    rx.cond(
                        State.sections.length() > 0,
                        rx.foreach(State.sections, _section),
                        ui.empty_state("Inga avsnitt", "Börja med att lägga till ett avsnitt."),
                    ),
                ),
                rx.cond(EDITABLE, rx.fragment(_section_form(), _question_form(), _delete())),
            ),
        ),
        rx.link("Tillbaka till Inventering", href="/inventering"),
        area="inventory",
    )
