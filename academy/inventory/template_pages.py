"""The survey template editor page (Swedish): sections and questions, order, copy, delete."""

from __future__ import annotations

import reflex as rx

from academy.inventory.template_state import TemplateEditorState as S
from academy.ui.forms import checkbox, empty_state, message, select_field, text_field
from academy.ui.layout import page_shell


def _button(label: str, about, on_click, *, disabled=False) -> rx.Component:
    """A small action button whose accessible name says what it acts on."""
    return rx.el.button(
        label,
        rx.el.span(" ", about, class_name="sr-only"),
        type="button",
        class_name="button secondary small",
        on_click=on_click,
        disabled=disabled,
    )


def _question_item(q: dict) -> rx.Component:
    return rx.el.li(
        rx.el.p(
            rx.el.strong(q["text"]),
            " · ",
            q["kind"],
            rx.cond(q["required"], " · obligatorisk", ""),
        ),
        rx.cond(q["details"] != "", rx.el.p(q["details"], class_name="muted")),
        rx.cond(q["topics"] != "", rx.el.p("Ämnen: ", q["topics"], class_name="muted")),
        rx.cond(
            S.in_use == 0,
            rx.el.div(
                _button("Flytta upp", q["text"], S.move_question(q["id"], -1), disabled=q["first"]),
                _button("Flytta ned", q["text"], S.move_question(q["id"], 1), disabled=q["last"]),
                _button("Ändra", q["text"], S.edit_question(q["id"])),
                _button("Ta bort", q["text"], S.delete_question(q["id"])),
                class_name="actions",
            ),
        ),
        class_name="template-question",
    )


def _section(s: dict) -> rx.Component:
    questions = s["questions"].to(list[dict])
    return rx.el.section(
        rx.heading(s["title"], as_="h3", size="4"),
        rx.cond(s["intro"] != "", rx.text(s["intro"], class_name="muted")),
        rx.cond(
            S.in_use == 0,
            rx.el.div(
                _button("Flytta upp", s["title"], S.move_section(s["id"], -1), disabled=s["first"]),
                _button("Flytta ned", s["title"], S.move_section(s["id"], 1), disabled=s["last"]),
                _button("Ändra avsnittet", s["title"], S.edit_section(s["id"])),
                _button("Ta bort avsnittet", s["title"], S.delete_section(s["id"])),
                class_name="actions",
            ),
        ),
        rx.cond(
            questions.length() > 0,
            rx.el.ol(
                rx.foreach(questions, _question_item), aria_label="Frågor i " + s["title"].to(str)
            ),
            rx.text("Inga frågor i avsnittet än.", class_name="muted"),
        ),
        class_name="card template-section",
    )


def _settings() -> rx.Component:
    d = S.draft
    return rx.match(
        S.kind,
        (
            "likert",
            rx.el.fieldset(
                rx.el.legend("Etiketter för skalan 1–5"),
                *[
                    text_field(f"Etikett {i}", f"label-{i}", default_value=d[f"label-{i}"])
                    for i in range(1, 6)
                ],
            ),
        ),
        ("text", rx.fragment()),
        (
            "number",
            rx.el.fieldset(
                rx.el.legend("Tillåtna tal"),
                text_field("Lägsta tal", "min", default_value=d["min"]),
                text_field("Högsta tal", "max", default_value=d["max"]),
                text_field("Enhet (till exempel samtal)", "unit", default_value=d["unit"]),
            ),
        ),
        rx.el.div(
            rx.el.label("Alternativ", html_for="f-options"),
            rx.el.textarea(
                id="f-options",
                name="options",
                rows=5,
                default_value=d["options"],
                aria_describedby="f-options-hint",
            ),
            rx.el.p(
                "Ett alternativ per rad. Ämnen för ett alternativ skrivs efter ett lodstreck: "
                "Arga invånare | konflikthantering",
                id="f-options-hint",
                class_name="hint",
            ),
            class_name="field",
        ),
    )


def _question_form() -> rx.Component:
    d = S.draft
    return rx.el.section(
        rx.heading(rx.cond(S.editing_question > 0, "Ändra fråga", "Ny fråga"), as_="h2", size="5"),
        rx.form(
            select_field(
                "Avsnitt",
                "section_id",
                S.section_options,
                default_value=d["section_id"],
                empty_label="Välj avsnitt",
            ),
            rx.el.div(
                rx.el.label("Frågetyp", html_for="f-kind"),
                rx.el.select(
                    rx.foreach(
                        S.kind_options, lambda o: rx.el.option(o["label"], value=o["value"])
                    ),
                    id="f-kind",
                    name="kind",
                    value=S.kind,
                    on_change=S.set_kind,
                ),
                class_name="field",
            ),
            text_field("Frågans text", "text", required=True, default_value=d["text"]),
            checkbox("Obligatorisk", "required", default_checked=S.draft_required),
            text_field(
                "Ämnen (kommaseparerade, samma som på kurser)",
                "topics",
                default_value=d["topics"],
            ),
            select_field(
                "Mått i behovsprofilen", "measure", S.measure_options, default_value=d["measure"]
            ),
            _settings(),
            rx.el.div(
                rx.el.button("Spara frågan", type="submit", class_name="button primary"),
                rx.cond(
                    S.editing_question > 0,
                    rx.el.button(
                        "Avbryt", type="button", class_name="button secondary", on_click=S.cancel
                    ),
                ),
                class_name="actions",
            ),
            on_submit=S.save_question,
            reset_on_submit=False,
            key=S.form_key,
            class_name="form",
            aria_label="Fråga",
        ),
    )


def _section_form() -> rx.Component:
    return rx.el.section(
        rx.heading(
            rx.cond(S.editing_section > 0, "Ändra avsnitt", "Nytt avsnitt"), as_="h2", size="5"
        ),
        rx.form(
            text_field(
                "Avsnittets titel", "section_title", required=True, default_value=S.section_title
            ),
            text_field("Inledning", "section_intro", default_value=S.section_intro),
            rx.el.div(
                rx.el.button("Spara avsnittet", type="submit", class_name="button primary"),
                rx.cond(
                    S.editing_section > 0,
                    rx.el.button(
                        "Avbryt", type="button", class_name="button secondary", on_click=S.cancel
                    ),
                ),
                class_name="actions",
            ),
            on_submit=S.save_section,
            reset_on_submit=False,
            key=S.form_key,
            class_name="form",
            aria_label="Avsnitt",
        ),
    )


def _copy_form() -> rx.Component:
    return rx.el.section(
        rx.heading("Kopiera mallen", as_="h2", size="5"),
        rx.form(
            text_field(
                "Kopians titel",
                "title",
                required=True,
                default_value=S.title + " (kopia)",
                field_id="f-copy-title",
            ),
            rx.el.button("Kopiera", type="submit", class_name="button primary"),
            on_submit=S.copy,
            reset_on_submit=False,
            key=S.form_key,
            class_name="form inline",
            aria_label="Kopiera mallen",
        ),
    )


def template_editor_page() -> rx.Component:
    return page_shell(
        rx.heading(
            rx.cond(S.title != "", "Enkätmall: " + S.title, "Enkätmall"), as_="h1", size="7"
        ),
        message(S.error, "error"),
        message(S.notice, "info"),
        rx.cond(
            S.title != "",
            rx.fragment(
                rx.cond(S.description != "", rx.text(S.description)),
                rx.cond(
                    S.in_use > 0,
                    rx.el.p(
                        "Mallen används av ",
                        S.in_use,
                        " enkätomgång(ar) och kan inte ändras, eftersom svar som redan finns "
                        "då kunde få en annan betydelse. Kopiera den för att göra en ny version.",
                        class_name="notice",
                        id="template-in-use",
                    ),
                ),
                _copy_form(),
                rx.el.section(
                    rx.heading("Avsnitt och frågor", as_="h2", size="5"),
                    rx.cond(
                        S.sections.length() > 0,
                        rx.foreach(S.sections, _section),
                        empty_state("Inga avsnitt", "Börja med att lägga till ett avsnitt."),
                    ),
                ),
                rx.cond(
                    S.in_use == 0,
                    rx.fragment(
                        _section_form(),
                        _question_form(),
                        rx.el.section(
                            rx.heading("Ta bort mallen", as_="h2", size="5"),
                            rx.el.button(
                                "Ta bort mallen",
                                type="button",
                                class_name="button danger",
                                on_click=S.delete_template,
                            ),
                        ),
                    ),
                ),
            ),
        ),
        rx.link("Tillbaka till Inventering", href="/inventering"),
        area="inventory",
    )
