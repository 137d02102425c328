"""The quiz editor page: settings, the questions in order, the question form, GIFT import."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.courses.questions import KIND_LABELS
from academy.courses.web.editor_page import quiz_settings_fields
from academy.courses.web.question_form import FORM_KINDS
from academy.courses.web.quiz_edit_state import QuizEditorState as State
from academy.courses.web.quiz_view import QuestionRow

WEIGHT_HINT = "Vikt med procent först på raden, till exempel 50% Text. Återkoppling efter #."


def _settings() -> rx.Component:
    return ui.section(
        "Inställningar",
        ui.form(
            *quiz_settings_fields(
                State.field_errors,
                State.title,
                State.pass_mark,
                State.attempts,
                State.feedback_mode,
                prefix="settings",
                review_mode=State.review_mode,
                shuffle_options=State.shuffle_options,
                grading_method=State.grading_method,
            ),
            ui.submit("Spara inställningar"),
            ui.message(State, at="settings"),
            on_submit=State.save_settings,
            key=f"settings-{State.form_key}-{State.settings_key}",
            aria_label="Inställningar",
        ),
    )


def _question_row(row: QuestionRow) -> rx.Component:
    name = f"fråga {row.number}"
    return rx.el.tr(
        ui.cell(row.number, num=True),
        ui.cell(row.kind),
        ui.cell(row.text, wrap=True),
        ui.cell(row.points, num=True),
        ui.cell(
            ui.row_actions(
                ui.button(
                    "Redigera",
                    State.edit_question(row.id),
                    kind="small",
                    aria_label=f"Redigera {name}",
                ),
                ui.move_controls(
                    name,
                    State.move_question(row.id, -1),
                    State.move_question(row.id, 1),
                    first=row.first,
                    last=row.last,
                ),
                ui.confirm_button(
                    "Ta bort",
                    State.delete_question(row.id),
                    dialog_id=f"del-question-{row.id}",
                    question=f"Ta bort fråga {row.number}?",
                    explanation="Frågan och deltagarnas svar på den tas bort, och resultaten "
                    "räknas om. Det går inte att ångra.",
                    small=True,
                    aria_label=f"Ta bort {name}",
                ),
            )
        ),
    )


def _questions() -> rx.Component:
    return ui.section(
        "Frågor",
        ui.data_table(
            "Frågor i quizet",
            [
                ui.col("Nr", num=True),
                ui.col("Typ"),
                ui.col("Fråga"),
                ui.col("Poäng", num=True),
                ui.col("Åtgärder", hidden=True),
            ],
            State.questions,
            _question_row,
            empty="Quizet har inga frågor ännu. Lägg till en nedan eller importera GIFT.",
        ),
        ui.message(State, at="questions"),
    )


def _lines_field(label: str, name: str, hint: str) -> rx.Component:
    return ui.textarea(label, name, State.question_form[name], field_id=f"q-{name}", hint=hint)


def _true_false_fields() -> rx.Component:
    return rx.fragment(
        rx.el.fieldset(
            rx.el.legend("Rätt svar"),
            *[
                rx.el.label(
                    rx.el.input(
                        type="radio",
                        name="correct",
                        value=value,
                        default_checked=State.question_form["correct"] == value,
                    ),
                    label,
                    class_name="check",
                )
                for value, label in (("true", "Sant"), ("false", "Falskt"))
            ],
        ),
        ui.textarea(
            "Återkoppling till den som svarar sant",
            "feedback_true",
            State.question_form["feedback_true"],
            rows=2,
            field_id="q-feedback-true",
        ),
        ui.textarea(
            "Återkoppling till den som svarar falskt",
            "feedback_false",
            State.question_form["feedback_false"],
            rows=2,
            field_id="q-feedback-false",
        ),
    )


def _kind_fields() -> rx.Component:
    return rx.match(
        State.kind,
        ("true_false", _true_false_fields()),
        (
            "short_answer",
            _lines_field(
                "Godtagna svar",
                "answers",
                "Ett svar per rad. Stora och små bokstäver räknas lika. Utan vikt ger svaret "
                "full poäng. " + WEIGHT_HINT,
            ),
        ),
        (
            "matching",
            _lines_field(
                "Matchningspar",
                "pairs",
                "Ett par per rad: fråga -> svar. En rad med bara -> svar är ett extra felaktigt "
                "svarsalternativ.",
            ),
        ),
        (
            "numerical",
            _lines_field(
                "Numeriska svar",
                "numbers",
                "Ett svar per rad: ett värde med felmarginal (3,5 ± 0,5) eller ett intervall "
                "(1..5). " + WEIGHT_HINT,
            ),
        ),
        ("essay", rx.el.p("En utbildare bedömer essäsvaren.", class_name="hint")),
        (
            "description",
            rx.el.p("En beskrivning har inga svar och ger inga poäng.", class_name="hint"),
        ),
        _lines_field(
            "Svarsalternativ",
            "options",
            "Ett alternativ per rad. Markera rätt svar med * först på raden, eller ge en vikt "
            "(delpoäng). " + WEIGHT_HINT,
        ),
    )


def _question_form() -> rx.Component:
    editing = State.editing_id > 0
    heading = rx.cond(editing, "Redigera fråga", "Ny fråga")
    return rx.el.section(
        rx.el.h2(heading),
        ui.form(
            ui.static_select(
                "Frågetyp",
                "kind",
                [(k, KIND_LABELS[k]) for k in FORM_KINDS],
                State.kind,
                field_id="q-kind",
                on_change=State.set_kind,
            ),
            ui.text_field(
                "Titel (valfri)",
                "title",
                default_value=State.question_form["title"],
                field_id="q-title",
            ),
            ui.textarea("Frågetext", "text", State.question_form["text"], field_id="q-text"),
            _kind_fields(),
            ui.text_field(
                "Poäng", "points", default_value=State.question_form["points"], field_id="q-points"
            ),
            ui.textarea(
                "Allmän återkoppling (valfri)",
                "general_feedback",
                State.question_form["general_feedback"],
                rows=2,
                field_id="q-general",
            ),
            rx.el.div(
                ui.submit(rx.cond(editing, "Spara frågan", "Lägg till fråga")),
                rx.cond(editing, ui.button("Avbryt", State.cancel_edit)),
                class_name="actions",
            ),
            ui.message(State, at="question-form"),
            on_submit=State.add_question,
            key=f"question-{State.form_key}-{State.question_key}",
            aria_label=heading,
        ),
        class_name="card",
    )


def _gift_preview() -> rx.Component:
    return rx.el.div(
        rx.cond(
            State.gift_checked,
            rx.cond(
                State.gift_errors.length() > 0,
                rx.el.div(
                    rx.el.p(rx.el.strong("Filen har fel. Inget kan importeras:")),
                    rx.el.ul(rx.foreach(State.gift_errors, lambda e: rx.el.li(e))),
                    class_name="msg error",
                ),
                rx.el.div(
                    rx.el.p(rx.el.strong("Detta skapas:")),
                    rx.el.ul(
                        rx.foreach(State.gift_preview, lambda p: rx.el.li(p.kind, ": ", p.count)),
                        aria_label="Frågor per typ",
                    ),
                    ui.data_table(
                        "Frågor som importeras",
                        [
                            ui.col("Nr", num=True),
                            ui.col("Typ"),
                            ui.col("Fråga"),
                            ui.col("Svarsalternativ"),
                            ui.col("Rätt svar"),
                        ],
                        State.gift_questions,
                        lambda r: rx.el.tr(
                            ui.cell(r.number, num=True),
                            ui.cell(r.kind),
                            ui.cell(r.text, wrap=True, header=True),
                            ui.cell(r.choices, wrap=True),
                            ui.cell(r.right, wrap=True),
                        ),
                        empty="Texten innehåller inga frågor.",
                    ),
                    ui.button("Importera", State.import_gift, kind="primary"),
                    class_name="preview",
                ),
            ),
        ),
        aria_live="polite",
    )


def _gift() -> rx.Component:
    return ui.import_panel(
        State,
        heading="Importera GIFT",
        intro="Klistra in frågor i Moodles GIFT-format eller välj en GIFT-fil. Inget importeras "
        "om någon fråga har fel. Högst 500 frågor och 2 MB åt gången.",
        text=State.gift_text,
        on_text_change=State.set_gift_text,
        on_upload=State.upload_gift,
        on_preview=State.preview_gift,
        preview=_gift_preview(),
        upload_id="gift-file",
        accept={"text/plain": [".txt", ".gift"]},
        file_button="Välj GIFT-fil",
        text_label="GIFT-text",
        at="gift",
        field_id="gift-text",
    )


def quiz_editor_page() -> rx.Component:
    return ui.page_shell(
        rx.cond(
            State.course_id > 0,
            rx.link("← Till kursen", href=f"/utbildning/kurser/{State.course_id}"),
        ),
        ui.message(State),
        rx.cond(
            State.quiz_id > 0,
            rx.fragment(
                ui.page_title(f"Quiz: {State.title}"),
                rx.el.nav(
                    ui.download_link(
                        "Exportera som GIFT", f"/api/utbildning/quiz/{State.quiz_id}/gift"
                    ),
                    aria_label="Exportera",
                    class_name="actions exports",
                ),
                _settings(),
                _questions(),
                _question_form(),
                _gift(),
            ),
        ),
        area="courses",
    )
