"""Editing a quiz (trainers, admins): settings, questions, GIFT import with preview, export."""

from __future__ import annotations

import reflex as rx

from academy.courses import cohorts, quizzes
from academy.courses.questions import KIND_LABELS
from academy.courses.web.common import (
    CourseBaseState,
    download,
    parse_whole,
    route_id,
    textarea_field,
)
from academy.courses.web.editor import quiz_settings_fields
from academy.courses.web.question_form import FORM_KINDS, form_from_question, question_from_form
from academy.ui.forms import message, text_field
from academy.ui.layout import page_shell


class QuizEditorState(CourseBaseState):
    quiz_id: int = 0
    course_id: int = 0
    title: str = ""
    pass_mark: str = ""
    attempts: str = ""
    feedback_mode: str = ""
    questions: list[dict] = []
    form_key: int = 0
    kind: str = "single_choice"
    # The question form: a new question (editing_id 0) or one loaded for editing.
    editing_id: int = 0
    question_form: dict[str, str] = {}
    gift_text: str = ""
    gift_preview: list[dict[str, str]] = []
    gift_errors: list[str] = []
    gift_checked: bool = False

    def _refresh(self, session, actor) -> None:
        quiz = quizzes.get_quiz(session, actor, self.quiz_id)
        self.course_id = cohorts.module_course_id(session, quiz.module_id) or 0
        self.title, self.pass_mark = quiz.title, str(quiz.pass_mark)
        self.attempts, self.feedback_mode = str(quiz.attempts_allowed), quiz.feedback_mode
        self.questions = [
            {
                "id": q.id,
                "number": number,
                "kind": KIND_LABELS[q.kind],
                "text": (q.title + ": " if q.title else "") + q.text,
                "points": f"{q.points:g}",
                "first": number == 1,
                "last": number == len(quiz.questions),
            }
            for number, q in enumerate(quiz.questions, start=1)
        ]
        self.form_key += 1

    def _clear_form(self) -> None:
        self.editing_id, self.kind = 0, "single_choice"
        self.question_form = form_from_question("single_choice", "", "", 1.0, "", {"options": []})

    def _edit(self, action, success: str) -> bool:
        def run(session, actor):
            action(session, actor)
            session.flush()
            self._refresh(session, actor)

        return self._run(run, success)

    @rx.event
    def load(self):
        self.quiz_id = route_id(self, "quiz_id") or 0
        self.gift_text, self.gift_preview, self.gift_errors, self.gift_checked = "", [], [], False
        self._clear_form()
        if not self._run(self._refresh):
            self.quiz_id = 0

    @rx.event
    def save_settings(self, form_data: dict):
        def save(session, actor):
            quizzes.update_quiz(
                session,
                actor,
                self.quiz_id,
                title=form_data.get("title", ""),
                pass_mark=parse_whole(form_data.get("pass_mark"), "Gränsen för godkänt"),
                attempts_allowed=parse_whole(form_data.get("attempts"), "Antal försök"),
                feedback_mode=form_data.get("feedback_mode", ""),
            )

        self._edit(save, "Quizets inställningar är sparade.")

    @rx.event
    def set_kind(self, kind: str):
        self.kind = kind

    @rx.event
    def add_question(self, form_data: dict):
        """Save the question form: a new question, or the one being edited."""
        editing = self.editing_id

        def save(session, actor):
            question = question_from_form(form_data)
            if editing:
                quizzes.update_question(session, actor, editing, question)
            else:
                quizzes.add_question(session, actor, self.quiz_id, question)

        if self._edit(save, "Frågan är sparad." if editing else "Frågan är tillagd."):
            self._clear_form()

    @rx.event
    def edit_question(self, question_id: int):
        def load(session, actor):
            quiz = quizzes.get_quiz(session, actor, self.quiz_id)
            row = next((q for q in quiz.questions if q.id == question_id), None)
            if row is None:
                return
            self.editing_id, self.kind = row.id, row.kind
            self.question_form = form_from_question(
                row.kind, row.title, row.text, row.points, row.general_feedback, row.data
            )
            self.form_key += 1

        self._run(load)

    @rx.event
    def cancel_edit(self):
        self.error = self.notice = ""
        self._clear_form()
        self.form_key += 1

    @rx.event
    def move_question(self, question_id: int, step: int):
        order = [q["id"] for q in self.questions]
        index = order.index(question_id) if question_id in order else -1
        target = index + step
        if index < 0 or not 0 <= target < len(order):
            return
        order[index], order[target] = order[target], order[index]
        self._edit(
            lambda session, actor: quizzes.reorder_questions(session, actor, self.quiz_id, order),
            "Frågornas ordning är sparad.",
        )

    @rx.event
    def delete_question(self, question_id: int):
        self._edit(
            lambda session, actor: quizzes.delete_question(session, actor, question_id),
            "Frågan är borttagen.",
        )

    @rx.event
    def set_gift_text(self, text: str):
        self.gift_text = text
        self.gift_preview, self.gift_errors, self.gift_checked = [], [], False

    @rx.event
    def preview_gift(self):
        def preview(session, actor):
            quizzes.get_quiz(session, actor, self.quiz_id)  # checks the role
            result = quizzes.preview_gift_import(self.gift_text)
            self.gift_preview = [
                {"kind": KIND_LABELS[kind], "count": str(n)} for kind, n in result.counts.items()
            ]
            self.gift_errors = list(result.errors)
            self.gift_checked = True

        self._run(preview)

    @rx.event
    def import_gift(self):
        added: list[int] = []

        def run(session, actor):
            added.append(quizzes.import_gift(session, actor, self.quiz_id, self.gift_text))

        if self._edit(run, "Frågorna är importerade."):
            self.notice = f"{added[0]} frågor är importerade."
            self.gift_text, self.gift_preview, self.gift_errors, self.gift_checked = (
                "",
                [],
                [],
                False,
            )


Z = QuizEditorState


def _settings() -> rx.Component:
    return rx.el.section(
        rx.heading("Inställningar", as_="h2", size="5"),
        rx.form(
            *quiz_settings_fields(
                Z.title, Z.pass_mark, Z.attempts, Z.feedback_mode, prefix="settings"
            ),
            rx.el.button("Spara inställningar", type="submit", class_name="button primary"),
            on_submit=Z.save_settings,
            reset_on_submit=False,
            key=Z.form_key,
            class_name="form",
            aria_label="Inställningar",
        ),
        class_name="card",
    )


def _question_row(row: dict) -> rx.Component:
    return rx.el.tr(
        rx.el.td(row["number"]),
        rx.el.td(row["kind"]),
        rx.el.td(row["text"]),
        rx.el.td(row["points"]),
        rx.el.td(
            rx.el.div(
                rx.el.button(
                    "Redigera",
                    rx.el.span(" fråga ", row["number"], class_name="sr-only"),
                    on_click=Z.edit_question(row["id"]),
                    class_name="button small",
                ),
                rx.el.button(
                    "Flytta upp",
                    rx.el.span(" fråga ", row["number"], class_name="sr-only"),
                    on_click=Z.move_question(row["id"], -1),
                    disabled=row["first"].to(bool),
                    class_name="button small",
                ),
                rx.el.button(
                    "Flytta ned",
                    rx.el.span(" fråga ", row["number"], class_name="sr-only"),
                    on_click=Z.move_question(row["id"], 1),
                    disabled=row["last"].to(bool),
                    class_name="button small",
                ),
                rx.el.button(
                    "Ta bort",
                    rx.el.span(" fråga ", row["number"], class_name="sr-only"),
                    on_click=Z.delete_question(row["id"]),
                    class_name="button small",
                ),
                class_name="actions",
            )
        ),
    )


def _questions() -> rx.Component:
    return rx.el.section(
        rx.heading("Frågor", as_="h2", size="5"),
        rx.cond(
            Z.questions.length() > 0,
            rx.el.div(
                rx.el.table(
                    rx.el.caption("Frågor i quizet"),
                    rx.el.thead(
                        rx.el.tr(
                            *[
                                rx.el.th(h, scope="col")
                                for h in ("Nr", "Typ", "Fråga", "Poäng", "Åtgärd")
                            ]
                        )
                    ),
                    rx.el.tbody(rx.foreach(Z.questions, _question_row)),
                    class_name="table",
                ),
                class_name="table-wrap",
                tab_index=0,
            ),
            rx.el.p("Quizet har inga frågor ännu.", class_name="muted"),
        ),
    )


def _lines_field(label: str, name: str, hint: str) -> rx.Component:
    return textarea_field(
        label, name, default_value=Z.question_form[name], field_id=f"q-{name}", hint=hint
    )


WEIGHT_HINT = "Vikt med procent först på raden, till exempel 50% Text. Återkoppling efter #."


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
                        default_checked=Z.question_form["correct"] == value,
                    ),
                    label,
                    class_name="check",
                )
                for value, label in (("true", "Sant"), ("false", "Falskt"))
            ],
        ),
        textarea_field(
            "Återkoppling till den som svarar sant",
            "feedback_true",
            default_value=Z.question_form["feedback_true"],
            rows=2,
            field_id="q-feedback-true",
        ),
        textarea_field(
            "Återkoppling till den som svarar falskt",
            "feedback_false",
            default_value=Z.question_form["feedback_false"],
            rows=2,
            field_id="q-feedback-false",
        ),
    )


def _kind_fields() -> rx.Component:
    return rx.match(
        Z.kind,
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


def _new_question() -> rx.Component:
    editing = Z.editing_id > 0
    return rx.el.section(
        rx.heading(rx.cond(editing, "Redigera fråga", "Ny fråga"), as_="h2", size="5"),
        rx.form(
            rx.el.div(
                rx.el.label("Frågetyp", html_for="q-kind"),
                rx.el.select(
                    *[rx.el.option(KIND_LABELS[k], value=k) for k in FORM_KINDS],
                    id="q-kind",
                    name="kind",
                    value=Z.kind,
                    on_change=Z.set_kind,
                ),
                class_name="field",
            ),
            text_field(
                "Titel (valfri)",
                "title",
                default_value=Z.question_form["title"],
                field_id="q-title",
            ),
            textarea_field(
                "Frågetext",
                "text",
                default_value=Z.question_form["text"],
                rows=3,
                field_id="q-text",
            ),
            _kind_fields(),
            text_field(
                "Poäng", "points", default_value=Z.question_form["points"], field_id="q-points"
            ),
            textarea_field(
                "Allmän återkoppling (valfri)",
                "general_feedback",
                default_value=Z.question_form["general_feedback"],
                rows=2,
                field_id="q-general",
            ),
            rx.el.div(
                rx.el.button(
                    rx.cond(editing, "Spara frågan", "Lägg till fråga"),
                    type="submit",
                    class_name="button primary",
                ),
                rx.cond(
                    editing,
                    rx.el.button(
                        "Avbryt",
                        type="button",
                        on_click=Z.cancel_edit,
                        class_name="button secondary",
                    ),
                ),
                class_name="actions",
            ),
            on_submit=Z.add_question,
            reset_on_submit=False,
            key=Z.form_key,
            class_name="form",
            aria_label=rx.cond(editing, "Redigera fråga", "Ny fråga"),
        ),
        class_name="card",
    )


def _gift() -> rx.Component:
    return rx.el.section(
        rx.heading("Importera GIFT", as_="h2", size="5"),
        rx.text(
            "Klistra in frågor i Moodles GIFT-format. Inget importeras om någon fråga har fel."
        ),
        rx.el.div(
            rx.el.label("GIFT-text", html_for="gift-text"),
            rx.el.textarea(
                id="gift-text",
                value=Z.gift_text,
                on_change=Z.set_gift_text,
                rows=10,
                class_name="code",
            ),
            class_name="field",
        ),
        rx.el.div(
            rx.el.button("Förhandsgranska", on_click=Z.preview_gift, class_name="button secondary"),
            rx.cond(
                Z.gift_checked & (Z.gift_errors.length() == 0),
                rx.el.button("Importera", on_click=Z.import_gift, class_name="button primary"),
            ),
            class_name="actions",
        ),
        rx.el.div(
            rx.cond(
                Z.gift_checked,
                rx.cond(
                    Z.gift_errors.length() > 0,
                    rx.el.div(
                        rx.el.p(rx.el.strong("Filen har fel. Inget kan importeras:")),
                        rx.el.ul(rx.foreach(Z.gift_errors, lambda e: rx.el.li(e))),
                        class_name="msg error",
                    ),
                    rx.el.div(
                        rx.el.p(rx.el.strong("Detta skapas:")),
                        rx.el.ul(
                            rx.foreach(
                                Z.gift_preview, lambda p: rx.el.li(p["kind"], ": ", p["count"])
                            ),
                            aria_label="Frågor per typ",
                        ),
                        class_name="preview",
                    ),
                ),
            ),
            aria_live="polite",
        ),
        class_name="card",
    )


def quiz_editor_page() -> rx.Component:
    return page_shell(
        rx.cond(
            Z.course_id > 0, rx.link("← Till kursen", href=f"/utbildning/kurser/{Z.course_id}")
        ),
        rx.cond(
            Z.quiz_id > 0,
            rx.fragment(
                rx.heading("Quiz: ", Z.title, as_="h1", size="7"),
                rx.el.nav(
                    download("Exportera som GIFT", f"/api/utbildning/quiz/{Z.quiz_id}/gift"),
                    aria_label="Exportera",
                    class_name="actions exports",
                ),
                message(Z.error, "error"),
                message(Z.notice, "info"),
                _settings(),
                _questions(),
                _new_question(),
                _gift(),
            ),
            message(Z.error, "error"),
        ),
        area="courses",
    )
