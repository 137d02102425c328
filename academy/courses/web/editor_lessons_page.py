"""The course editor's lessons: the list in a module, and the lesson form with image upload."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.courses import images
from academy.courses.web.editor_state import CourseEditorState as State
from academy.courses.web.view import EditorLesson, EditorModule


def _image_upload() -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend("Infoga bild"),
        rx.el.p(
            "PNG, JPEG, GIF eller WebP, högst 5 MB. Bilden läggs sist i innehållet.",
            id="lesson-image-hint",
            class_name="hint",
        ),
        rx.el.div(
            rx.el.label("Bildtext (beskriver bilden)", html_for="lesson-image-alt"),
            rx.el.input(
                id="lesson-image-alt",
                value=State.image_alt,
                on_change=State.set_image_alt,
                aria_describedby="lesson-image-hint",
            ),
            class_name="field",
        ),
        ui.labelled_upload(
            "Välj bild",
            rx.el.span(
                "Välj bild",
                rx.foreach(rx.selected_files("lesson-image"), lambda f: rx.el.span(" – ", f)),
                class_name="button secondary",
            ),
            id="lesson-image",
            state=State,
            at="lesson-form",
            accept=ui.IMAGE_TYPES,
            max_files=1,
            max_size=images.MAX_IMAGE_BYTES,
            multiple=False,
            no_drag=True,
            class_name="upload",
        ),
        ui.button(
            "Ladda upp bilden",
            State.upload_image(rx.upload_files(upload_id="lesson-image")),
        ),
        class_name="image-upload",
    )


def lesson_form() -> rx.Component:
    errors = State.field_errors
    return ui.form(
        rx.el.h4(rx.cond(State.lesson_id > 0, "Redigera lektion", "Ny lektion")),
        ui.text_field(
            "Lektionens titel",
            "title",
            default_value=State.lesson_title,
            field_id="lesson-title",
        ),
        ui.textarea(
            "Innehåll (Markdown)",
            "content",
            State.lesson_markdown,
            rows=10,
            field_id="lesson-content",
            hint="Rubriker med #, listor med -, länkar som [text](https://…). HTML visas som text.",
            on_blur=State.set_lesson_markdown,
        ),
        ui.text_field(
            "Videolänk (valfri)",
            "video_url",
            default_value=State.lesson_video,
            field_id="lesson-video",
            hint="En fullständig adress som börjar med https://.",
            error=errors.get("video_url", ""),
        ),
        _image_upload(),
        rx.el.div(
            ui.submit("Spara lektionen"),
            ui.button("Förhandsgranska", State.preview_lesson),
            ui.button("Avbryt", State.cancel_lesson),
            class_name="actions",
        ),
        ui.message(State, at="lesson-form"),
        rx.cond(
            State.lesson_preview != "",
            rx.el.section(
                rx.el.h5("Förhandsgranskning"),
                ui.prose(State.lesson_preview),
                class_name="preview",
                aria_label="Förhandsgranskning",
            ),
        ),
        on_submit=State.save_lesson,
        key=f"lesson-{State.form_key}-{State.lesson_key}",
        class_name="form lesson-form",
        aria_label="Lektion",
    )


def _lesson_row(module: EditorModule, lesson: EditorLesson) -> rx.Component:
    name = f"lektionen {lesson.title}"
    return rx.el.li(
        rx.el.details(
            rx.el.summary(lesson.title),
            ui.prose(lesson.html),
            rx.cond(lesson.video_url != "", rx.el.p("Video: ", lesson.video_url)),
        ),
        rx.el.div(
            ui.button(
                "Redigera",
                State.edit_lesson(module.id, lesson.id),
                kind="small",
                aria_label=f"Redigera {name}",
            ),
            ui.move_controls(
                name,
                State.move_lesson(module.id, lesson.id, -1),
                State.move_lesson(module.id, lesson.id, 1),
                first=lesson.first,
                last=lesson.last,
            ),
            ui.confirm_button(
                "Ta bort",
                State.delete_lesson(module.id, lesson.id),
                dialog_id=f"del-lesson-{lesson.id}",
                question=f"Ta bort lektionen ”{lesson.title}”?",
                explanation="Lektionens innehåll och bilder tas bort, och deltagarnas markering "
                "att de läst den försvinner. Det går inte att ångra.",
                small=True,
                aria_label=f"Ta bort {name}",
            ),
            class_name="actions",
        ),
    )


def module_lessons(module: EditorModule) -> rx.Component:
    return rx.fragment(
        rx.el.h4("Lektioner"),
        rx.cond(
            module.lessons.length() > 0,
            rx.el.ul(
                rx.foreach(module.lessons, lambda le: _lesson_row(module, le)),
                class_name="lessons",
                aria_label=f"Lektioner i modulen {module.title}",
            ),
            rx.el.p(
                "Inga lektioner ännu – lägg till den första med Ny lektion.", class_name="muted"
            ),
        ),
        ui.message(State, at=f"lessons-{module.id}"),
        rx.cond(
            State.lesson_module_id == module.id,
            lesson_form(),
            ui.button(
                rx.fragment(
                    "Ny lektion", rx.el.span(" i modulen ", module.title, class_name="sr-only")
                ),
                State.new_lesson(module.id),
            ),
        ),
    )
