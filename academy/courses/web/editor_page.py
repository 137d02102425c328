"""The course editor page: the course's fields, publishing, and each module with its lessons
and quiz."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.courses.web.editor_lessons_page import module_lessons
from academy.courses.web.editor_state import CourseEditorState as State
from academy.courses.web.view import (
    FEEDBACK_CHOICES,
    GRADING_CHOICES,
    REVIEW_CHOICES,
    EditorModule,
)


def quiz_settings_fields(
    errors,
    title="",
    pass_mark="80",
    attempts="0",
    feedback_mode="immediate",
    prefix="quiz",
    review_mode="after_attempt",
    shuffle_options=True,
    grading_method="highest",
) -> list[rx.Component]:
    """The quiz's settings, for the new-quiz form here and the quiz editor's settings."""
    return [
        ui.text_field(
            "Quizets titel",
            "title",
            default_value=title,
            field_id=f"{prefix}-title",
        ),
        ui.text_field(
            "Gräns för godkänt (%)",
            "pass_mark",
            type_="number",
            default_value=pass_mark,
            field_id=f"{prefix}-pass",
            error=errors.get("pass_mark", ""),
        ),
        ui.text_field(
            "Antal försök",
            "attempts",
            type_="number",
            default_value=attempts,
            field_id=f"{prefix}-attempts",
            hint="0 betyder obegränsat.",
            error=errors.get("attempts", ""),
        ),
        ui.static_select(
            "Återkoppling",
            "feedback_mode",
            FEEDBACK_CHOICES,
            default=feedback_mode,
            field_id=f"{prefix}-feedback",
        ),
        ui.static_select(
            "Rätt svar och återkoppling visas",
            "review_mode",
            REVIEW_CHOICES,
            default=review_mode,
            field_id=f"{prefix}-review",
        ),
        ui.static_select(
            "Vilket försök räknas",
            "grading_method",
            GRADING_CHOICES,
            default=grading_method,
            field_id=f"{prefix}-grading",
        ),
        ui.checkbox(
            "Blanda svarsalternativen i varje försök",
            "shuffle_options",
            default_checked=shuffle_options,
            field_id=f"{prefix}-shuffle",
        ),
    ]


def _course_form() -> rx.Component:
    return ui.section(
        "Om kursen",
        ui.form(
            ui.text_field(
                "Titel",
                "title",
                default_value=State.title,
                field_id="course-title",
            ),
            ui.textarea("Beskrivning", "description", State.description, rows=4),
            ui.text_field("Målgrupp", "target_group", default_value=State.target_group),
            ui.text_field(
                "Ämnen",
                "topics",
                default_value=State.topics,
                hint="Skilj ämnena åt med komma, till exempel: telefon, klarspråk.",
            ),
            ui.submit("Spara kursen"),
            ui.message(State, at="course"),
            on_submit=State.save_course,
            key=f"course-{State.form_key}-{State.version}",
            aria_label="Om kursen",
        ),
    )


def _publishing() -> rx.Component:
    return rx.el.div(
        rx.el.p(rx.el.strong("Status: "), State.status, id="course-status"),
        rx.cond(
            State.published,
            ui.confirm_button(
                "Avpublicera",
                State.set_published(False),
                dialog_id="unpublish-course",
                question="Avpublicera kursen?",
                explanation="Kursen blir ett utkast igen. Deltagare i pågående kursomgångar "
                "kan inte fortsätta förrän den är publicerad på nytt.",
            ),
            ui.button("Publicera", State.set_published(True), kind="primary"),
        ),
        ui.message(State, at="publish"),
        class_name="actions publishing",
    )


def _quiz_form() -> rx.Component:
    return ui.form(
        rx.el.h4("Nytt quiz"),
        *quiz_settings_fields(State.field_errors),
        ui.submit("Skapa quiz"),
        ui.message(State, at="quiz-form"),
        on_submit=State.create_quiz,
        key=f"quiz-{State.form_key}-{State.quiz_module_id}",
        aria_label="Nytt quiz",
    )


def _module_quiz(module: EditorModule) -> rx.Component:
    return rx.fragment(
        rx.el.h4("Quiz"),
        rx.cond(
            module.quiz_id > 0,
            rx.el.p(
                module.quiz_text,
                " · ",
                rx.link(
                    "Redigera quiz och frågor", href=f"/utbildning/quiz/{module.quiz_id}/fragor"
                ),
            ),
            rx.cond(
                State.quiz_module_id == module.id,
                _quiz_form(),
                ui.button(
                    rx.fragment(
                        "Nytt quiz", rx.el.span(" i modulen ", module.title, class_name="sr-only")
                    ),
                    State.new_quiz(module.id),
                ),
            ),
        ),
        ui.message(State, at=f"quiz-{module.id}"),
    )


def _module_form(module: EditorModule) -> rx.Component:
    prefix = f"m{module.id}"
    return rx.el.details(
        rx.el.summary("Ändra modulen"),
        ui.form(
            rx.el.input(type="hidden", name="module_id", value=module.id),
            rx.el.input(type="hidden", name="version", value=module.version),
            ui.text_field(
                "Modulens titel",
                "title",
                default_value=module.title,
                field_id=f"{prefix}-title",
            ),
            ui.textarea(
                "Beskrivning",
                "description",
                module.description,
                rows=2,
                field_id=f"{prefix}-description",
            ),
            ui.select_field(
                "Måste vara klar först",
                "prerequisite",
                State.module_options,
                default_value=module.prerequisite,
                empty_label="Ingen",
                field_id=f"{prefix}-prerequisite",
            ),
            ui.submit("Spara modulen", kind="secondary"),
            on_submit=State.save_module,
            key=f"{prefix}-{State.form_key}-{module.version}",
            aria_label=f"Ändra modul {module.number}",
        ),
    )


def _module_card(module: EditorModule) -> rx.Component:
    name = f"modulen {module.title}"
    return rx.el.li(
        rx.el.h3("Modul ", module.number, ": ", module.title),
        rx.cond(
            module.prerequisite_title != "",
            rx.el.p("Kräver att modulen ”", module.prerequisite_title, "” är klar."),
        ),
        _module_form(module),
        rx.el.div(
            ui.move_controls(
                name,
                State.move_module(module.id, -1),
                State.move_module(module.id, 1),
                first=module.first,
                last=module.last,
            ),
            ui.confirm_button(
                "Ta bort modulen",
                State.delete_module(module.id),
                dialog_id=f"del-module-{module.id}",
                question=f"Ta bort modulen ”{module.title}”?",
                explanation="Modulens lektioner med bilder och quiz med alla frågor och "
                "deltagarnas svar tas bort. Det går inte att ångra.",
                small=True,
                aria_label=f"Ta bort {name}",
            ),
            class_name="actions",
        ),
        ui.message(State, at=f"module-{module.id}"),
        module_lessons(module),
        _module_quiz(module),
        class_name="card module",
    )


def _new_module() -> rx.Component:
    return rx.el.section(
        rx.el.h3("Ny modul"),
        ui.form(
            ui.text_field(
                "Modulens titel",
                "title",
                field_id="new-module-title",
            ),
            ui.textarea("Beskrivning", "description", rows=2, field_id="new-module-description"),
            ui.select_field(
                "Måste vara klar först",
                "prerequisite",
                State.module_options,
                empty_label="Ingen",
                field_id="new-module-prerequisite",
            ),
            ui.submit("Lägg till modul"),
            ui.message(State, at="new-module"),
            on_submit=State.add_module,
            key=f"new-module-{State.form_key}-{State.modules.length()}",
            aria_label="Ny modul",
        ),
        class_name="card",
    )


def editor_page() -> rx.Component:
    return ui.page_shell(
        rx.link("← Utbildning", href="/utbildning"),
        ui.message(State),
        rx.cond(
            State.course_id > 0,
            rx.fragment(
                ui.page_title(State.title),
                _publishing(),
                _course_form(),
                rx.el.section(
                    rx.el.h2("Moduler"),
                    ui.message(State, at="modules"),
                    rx.cond(
                        State.modules.length() > 0,
                        rx.el.ol(rx.foreach(State.modules, _module_card), class_name="plain-list"),
                        ui.empty_state(
                            "Kursen har inga moduler ännu.",
                            "Lägg till den första nedan; en kurs behöver minst en modul för att "
                            "kunna publiceras.",
                        ),
                    ),
                    _new_module(),
                ),
            ),
        ),
        area="courses",
    )
