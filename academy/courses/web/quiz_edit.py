"""Editing a quiz (trainers, admins): settings, questions, GIFT import with preview, export."""

from __future__ import annotations

import reflex as rx

from academy.core.errors import ValidationError
from academy.courses import cohorts, quizzes
from academy.courses.questions import KIND_LABELS, QuestionInput
from academy.courses.web.common import (
    CourseBaseState,
    download,
    parse_whole,
    route_id,
    textarea_field,
)
from academy.courses.web.editor import quiz_settings_fields
from academy.ui.forms import message, text_field
from academy.ui.layout import page_shell

FORM_KINDS = ["single_choice", "multiple_choice", "true_false", "short_answer"]


def _lines(raw: str) -> list[tuple[bool, str, str]]:
    """Lines as (marked with *, text, feedback after #)."""
    items = []
    for line in (raw or "").splitlines():
        line = line.strip()
        if not line:
            continue
        marked = line.startswith("*")
        text, _, feedback = line.lstrip("*").partition("#")
        items.append((marked, text.strip(), feedback.strip()))
    return items


def question_from_form(form_data: dict) -> QuestionInput:
    """The simple question form as a QuestionInput; the service validates the rest."""
    kind = str(form_data.get("kind", ""))
    data: dict = {}
    if kind in ("single_choice", "multiple_choice"):
        lines = _lines(form_data.get("options", ""))
        correct = sum(1 for marked, _, _ in lines if marked)
        right = 1.0 / correct if correct else 0.0
        wrong = 0.0 if kind == "single_choice" or not correct else -right
        data["options"] = [
            {"text": text, "weight": right if marked else wrong, "feedback": feedback}
            for marked, text, feedback in lines
        ]
    elif kind == "true_false":
        answer = form_data.get("correct", "")
        data = {"correct": {"true": True, "false": False}.get(answer)}
    elif kind == "short_answer":
        data["answers"] = [
            {"text": text, "weight": 1.0, "feedback": feedback}
            for _, text, feedback in _lines(form_data.get("answers", ""))
        ]
        if not data["answers"]:
            raise ValidationError("Ange minst ett godtaget svar.")
    else:
        raise ValidationError("Välj en frågetyp.")
    return QuestionInput(
        kind=kind,
        title=str(form_data.get("title", "")),
        text=str(form_data.get("text", "")),
        points=str(form_data.get("points", "1") or "1"),
        general_feedback=str(form_data.get("general_feedback", "")),
        data=data,
    )


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
            }
            for number, q in enumerate(quiz.questions, start=1)
        ]
        self.form_key += 1

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
        def add(session, actor):
            quizzes.add_question(session, actor, self.quiz_id, question_from_form(form_data))

        if self._edit(add, "Frågan är tillagd."):
            self.kind = "single_choice"

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
            rx.el.button(
                "Ta bort",
                rx.el.span(" fråga ", row["number"], class_name="sr-only"),
                on_click=Z.delete_question(row["id"]),
                class_name="button small",
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


def _kind_fields() -> rx.Component:
    return rx.match(
        Z.kind,
        (
            "true_false",
            rx.el.fieldset(
                rx.el.legend("Rätt svar"),
                rx.el.label(
                    rx.el.input(type="radio", name="correct", value="true"),
                    "Sant",
                    class_name="check",
                ),
                rx.el.label(
                    rx.el.input(type="radio", name="correct", value="false"),
                    "Falskt",
                    class_name="check",
                ),
            ),
        ),
        (
            "short_answer",
            textarea_field(
                "Godtagna svar",
                "answers",
                field_id="q-answers",
                hint="Ett svar per rad. Stora och små bokstäver räknas lika. Återkoppling efter #.",
            ),
        ),
        textarea_field(
            "Svarsalternativ",
            "options",
            field_id="q-options",
            hint="Ett alternativ per rad. Markera rätt svar med * först på raden. "
            "Återkoppling efter #, till exempel: *Ja # Bra, det stämmer.",
        ),
    )


def _new_question() -> rx.Component:
    return rx.el.section(
        rx.heading("Ny fråga", as_="h2", size="5"),
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
            text_field("Titel (valfri)", "title", field_id="q-title"),
            textarea_field("Frågetext", "text", rows=3, field_id="q-text"),
            _kind_fields(),
            text_field("Poäng", "points", default_value="1", field_id="q-points"),
            textarea_field(
                "Allmän återkoppling (valfri)", "general_feedback", rows=2, field_id="q-general"
            ),
            rx.el.button("Lägg till fråga", type="submit", class_name="button primary"),
            on_submit=Z.add_question,
            reset_on_submit=False,
            key=Z.form_key,
            class_name="form",
            aria_label="Ny fråga",
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
