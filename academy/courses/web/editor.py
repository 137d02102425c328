"""Course authoring (trainers, admins): course fields, publishing, modules, lessons, quizzes."""

from __future__ import annotations

import dataclasses

import reflex as rx

from academy.core.errors import ServiceError
from academy.courses import authoring, images, quizzes
from academy.courses.lessons import render_markdown
from academy.courses.web.common import (
    COURSE_STATUS_LABELS,
    CourseBaseState,
    parse_whole,
    route_id,
    textarea_field,
)
from academy.ui.forms import message, static_select, text_field
from academy.ui.layout import page_shell

FEEDBACK_CHOICES = [("immediate", "Direkt efter varje svar"), ("end", "När quizet lämnas in")]


@dataclasses.dataclass
class EditorLesson:
    id: int
    title: str
    html: str  # sanitised by academy.courses.lessons
    video_url: str


@dataclasses.dataclass
class EditorModule:
    id: int
    number: int
    title: str
    description: str
    prerequisite: str  # module id as text, "" for none
    prerequisite_title: str
    lessons: list[EditorLesson]
    quiz_id: int
    quiz_text: str
    first: bool
    last: bool


class CourseEditorState(CourseBaseState):
    course_id: int = 0
    version: int = 0
    title: str = ""
    description: str = ""
    target_group: str = ""
    topics: str = ""
    status: str = ""
    published: bool = False
    modules: list[EditorModule] = []
    module_options: list[dict[str, str]] = []
    form_key: int = 0
    # The lesson form shows inside one module: new (lesson_id 0) or editing a lesson.
    lesson_module_id: int = 0
    lesson_id: int = 0
    lesson_title: str = ""
    lesson_markdown: str = ""
    lesson_video: str = ""
    lesson_preview: str = ""  # sanitised HTML from render_markdown
    image_alt: str = ""
    quiz_module_id: int = 0

    def _refresh(self, session, actor) -> None:
        detail = authoring.get_course(session, actor, self.course_id)
        self.version, self.title, self.description = (
            detail.version,
            detail.title,
            detail.description,
        )
        self.target_group, self.topics = detail.target_group, ", ".join(detail.topics)
        self.status = COURSE_STATUS_LABELS[detail.status]
        self.published = detail.status == "published"
        titles = {m.id: m.title for m in detail.modules}
        count = len(detail.modules)
        self.modules = [
            EditorModule(
                id=m.id,
                number=number,
                title=m.title,
                description=m.description,
                prerequisite=str(m.prerequisite_id or ""),
                prerequisite_title=titles.get(m.prerequisite_id, ""),
                lessons=[
                    EditorLesson(le.id, le.title, le.content_html, le.video_url) for le in m.lessons
                ],
                quiz_id=m.quiz.id if m.quiz else 0,
                quiz_text=(
                    f"{m.quiz.title} · {m.quiz.question_count} frågor · godkänt från "
                    f"{m.quiz.pass_mark} %"
                    if m.quiz
                    else ""
                ),
                first=number == 1,
                last=number == count,
            )
            for number, m in enumerate(detail.modules, start=1)
        ]
        self.module_options = [{"value": str(m.id), "label": m.title} for m in detail.modules]
        self.form_key += 1

    def _edit(self, action, success: str) -> bool:
        def run(session, actor):
            action(session, actor)
            session.flush()
            self._refresh(session, actor)

        return self._run(run, success)

    @rx.event
    def load(self):
        self.course_id = route_id(self, "course_id") or 0
        self.lesson_module_id = self.lesson_id = self.quiz_module_id = 0
        if not self._run(self._refresh):
            self.course_id = 0

    @rx.event
    def save_course(self, form_data: dict):
        def save(session, actor):
            authoring.update_course(
                session,
                actor,
                self.course_id,
                version=self.version,
                title=form_data.get("title", ""),
                description=form_data.get("description", ""),
                target_group=form_data.get("target_group", ""),
                topics=str(form_data.get("topics", "")).split(","),
            )

        self._edit(save, "Kursen är sparad.")

    @rx.event
    def set_published(self, publish: bool):
        def change(session, actor):
            authoring.set_course_status(
                session, actor, self.course_id, "published" if publish else "draft"
            )

        self._edit(change, "Kursen är publicerad." if publish else "Kursen är ett utkast igen.")

    @rx.event
    def add_module(self, form_data: dict):
        def add(session, actor):
            prerequisite = str(form_data.get("prerequisite", ""))
            authoring.add_module(
                session,
                actor,
                self.course_id,
                title=form_data.get("title", ""),
                description=form_data.get("description", ""),
                prerequisite_id=int(prerequisite) if prerequisite.isdigit() else None,
            )

        self._edit(add, "Modulen är tillagd.")

    @rx.event
    def save_module(self, form_data: dict):
        module_id = int(form_data.get("module_id", 0) or 0)

        def save(session, actor):
            prerequisite = str(form_data.get("prerequisite", ""))
            authoring.update_module(
                session,
                actor,
                module_id,
                title=form_data.get("title", ""),
                description=form_data.get("description", ""),
                prerequisite_id=int(prerequisite) if prerequisite.isdigit() else None,
            )

        self._edit(save, "Modulen är sparad.")

    @rx.event
    def move_module(self, module_id: int, step: int):
        order = [m.id for m in self.modules]
        index = order.index(module_id) if module_id in order else -1
        target = index + step
        if index < 0 or not 0 <= target < len(order):
            return
        order[index], order[target] = order[target], order[index]
        self._edit(
            lambda session, actor: authoring.reorder_modules(session, actor, self.course_id, order),
            "Modulernas ordning är sparad.",
        )

    @rx.event
    def delete_module(self, module_id: int):
        self._edit(
            lambda session, actor: authoring.delete_module(session, actor, module_id),
            "Modulen är borttagen.",
        )

    # ---- lessons

    @rx.event
    def new_lesson(self, module_id: int):
        self.error = self.notice = ""
        self.lesson_module_id, self.lesson_id = module_id, 0
        self.lesson_title = self.lesson_markdown = self.lesson_video = self.lesson_preview = ""
        self.form_key += 1

    @rx.event
    def edit_lesson(self, module_id: int, lesson_id: int):
        module = next((m for m in self.modules if m.id == module_id), None)
        lesson = next((le for le in (module.lessons if module else []) if le.id == lesson_id), None)
        if lesson is None:
            return

        def load(session, actor):
            detail = authoring.get_course(session, actor, self.course_id)
            row = next(le for m in detail.modules for le in m.lessons if le.id == lesson_id)
            self.lesson_module_id, self.lesson_id = module_id, lesson_id
            self.lesson_title, self.lesson_markdown = row.title, row.content_markdown
            self.lesson_video, self.lesson_preview = row.video_url, row.content_html
            self.form_key += 1

        self._run(load)

    @rx.event
    def cancel_lesson(self):
        self.lesson_module_id = self.lesson_id = 0

    @rx.event
    def set_lesson_markdown(self, text: str):
        self.lesson_markdown = text

    @rx.event
    def set_image_alt(self, text: str):
        self.image_alt = text

    @rx.event
    async def upload_image(self, files: list[rx.UploadFile]):
        """Store one uploaded image and add it to the lesson's Markdown."""
        self.error = self.notice = ""
        data = await files[0].read() if files else b""
        alt = " ".join(self.image_alt.replace("[", "").replace("]", "").split()) or "Bild"
        try:
            url = images.store_image(self._actor(), data)
        except ServiceError as exc:
            self.error = exc.message
            return None
        self.lesson_markdown = f"{self.lesson_markdown.rstrip()}\n\n![{alt}]({url})\n".lstrip()
        self.image_alt = ""
        self.notice = "Bilden är uppladdad och infogad i innehållet."
        # The form is uncontrolled: set the textarea itself so typed fields stay as they are.
        return rx.set_value("lesson-content", self.lesson_markdown)

    @rx.event
    def move_lesson(self, module_id: int, lesson_id: int, step: int):
        module = next((m for m in self.modules if m.id == module_id), None)
        order = [le.id for le in module.lessons] if module else []
        index = order.index(lesson_id) if lesson_id in order else -1
        target = index + step
        if index < 0 or not 0 <= target < len(order):
            return
        order[index], order[target] = order[target], order[index]
        self._edit(
            lambda session, actor: authoring.reorder_lessons(session, actor, module_id, order),
            "Lektionernas ordning är sparad.",
        )

    @rx.event
    def preview_lesson(self):
        self.lesson_preview = render_markdown(self.lesson_markdown)

    @rx.event
    def save_lesson(self, form_data: dict):
        fields = dict(
            title=form_data.get("title", ""),
            content_markdown=form_data.get("content", ""),
            video_url=form_data.get("video_url", ""),
        )

        def save(session, actor):
            if self.lesson_id:
                authoring.update_lesson(session, actor, self.lesson_id, **fields)
            else:
                authoring.add_lesson(session, actor, self.lesson_module_id, **fields)

        if self._edit(save, "Lektionen är sparad."):
            self.lesson_module_id = self.lesson_id = 0

    @rx.event
    def delete_lesson(self, lesson_id: int):
        self._edit(
            lambda session, actor: authoring.delete_lesson(session, actor, lesson_id),
            "Lektionen är borttagen.",
        )

    # ---- quizzes

    @rx.event
    def new_quiz(self, module_id: int):
        self.error = self.notice = ""
        self.quiz_module_id = module_id
        self.form_key += 1

    @rx.event
    def create_quiz(self, form_data: dict):
        module_id = self.quiz_module_id

        def create(session, actor):
            quizzes.create_quiz(
                session,
                actor,
                module_id,
                title=form_data.get("title", ""),
                pass_mark=parse_whole(form_data.get("pass_mark"), "Gränsen för godkänt"),
                attempts_allowed=parse_whole(form_data.get("attempts"), "Antal försök"),
                feedback_mode=form_data.get("feedback_mode", ""),
            )

        if self._edit(create, "Quizet är skapat. Lägg till frågor via Redigera quiz."):
            self.quiz_module_id = 0


E = CourseEditorState


def quiz_settings_fields(
    title="", pass_mark="80", attempts="0", feedback_mode="immediate", prefix="quiz"
) -> list[rx.Component]:
    return [
        text_field("Quizets titel", "title", default_value=title, field_id=f"{prefix}-title"),
        text_field(
            "Gräns för godkänt (%)",
            "pass_mark",
            type_="number",
            default_value=pass_mark,
            field_id=f"{prefix}-pass",
        ),
        text_field(
            "Antal försök",
            "attempts",
            type_="number",
            default_value=attempts,
            field_id=f"{prefix}-attempts",
            hint="0 betyder obegränsat.",
        ),
        static_select(
            "Återkoppling",
            "feedback_mode",
            FEEDBACK_CHOICES,
            default=feedback_mode,
            field_id=f"{prefix}-feedback",
        ),
    ]


def _course_form() -> rx.Component:
    return rx.el.section(
        rx.heading("Om kursen", as_="h2", size="5"),
        rx.form(
            text_field("Titel", "title", default_value=E.title, field_id="course-title"),
            textarea_field("Beskrivning", "description", default_value=E.description),
            text_field("Målgrupp", "target_group", default_value=E.target_group),
            text_field(
                "Ämnen",
                "topics",
                default_value=E.topics,
                hint="Skilj ämnena åt med komma, till exempel: telefon, klarspråk.",
            ),
            rx.el.button("Spara kursen", type="submit", class_name="button primary"),
            on_submit=E.save_course,
            reset_on_submit=False,
            key=E.form_key,
            class_name="form",
            aria_label="Om kursen",
        ),
        class_name="card",
    )


def _publishing() -> rx.Component:
    return rx.el.div(
        rx.el.p(rx.el.strong("Status: "), E.status, id="course-status"),
        rx.cond(
            E.published,
            rx.el.button(
                "Avpublicera", on_click=E.set_published(False), class_name="button secondary"
            ),
            rx.el.button("Publicera", on_click=E.set_published(True), class_name="button primary"),
        ),
        class_name="actions publishing",
    )


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
                value=E.image_alt,
                on_change=E.set_image_alt,
                aria_describedby="lesson-image-hint",
            ),
            class_name="field",
        ),
        rx.upload.root(
            rx.el.label(
                "Välj bild",
                rx.el.span(
                    rx.foreach(rx.selected_files("lesson-image"), lambda f: rx.el.span(" – ", f)),
                ),
                class_name="button secondary",
            ),
            id="lesson-image",
            accept={
                "image/png": [".png"],
                "image/jpeg": [".jpg", ".jpeg"],
                "image/gif": [".gif"],
                "image/webp": [".webp"],
            },
            max_files=1,
            max_size=images.MAX_IMAGE_BYTES,
            multiple=False,
            no_drag=True,
            class_name="upload",
        ),
        rx.el.button(
            "Ladda upp bilden",
            type="button",
            on_click=E.upload_image(rx.upload_files(upload_id="lesson-image")),
            class_name="button secondary",
        ),
        class_name="image-upload",
    )


def _lesson_form() -> rx.Component:
    return rx.form(
        rx.heading(rx.cond(E.lesson_id > 0, "Redigera lektion", "Ny lektion"), as_="h4", size="3"),
        text_field(
            "Lektionens titel",
            "title",
            default_value=E.lesson_title,
            field_id="lesson-title",
        ),
        textarea_field(
            "Innehåll (Markdown)",
            "content",
            default_value=E.lesson_markdown,
            rows=10,
            field_id="lesson-content",
            hint="Rubriker med #, listor med -, länkar som [text](https://…). HTML visas som text.",
            on_blur=E.set_lesson_markdown,
        ),
        text_field(
            "Videolänk (valfri)",
            "video_url",
            default_value=E.lesson_video,
            field_id="lesson-video",
            hint="En fullständig adress som börjar med https://.",
        ),
        _image_upload(),
        rx.el.div(
            rx.el.button("Spara lektionen", type="submit", class_name="button primary"),
            rx.el.button(
                "Förhandsgranska",
                type="button",
                on_click=E.preview_lesson,
                class_name="button secondary",
            ),
            rx.el.button(
                "Avbryt", type="button", on_click=E.cancel_lesson, class_name="button secondary"
            ),
            class_name="actions",
        ),
        rx.cond(
            E.lesson_preview != "",
            rx.el.section(
                rx.heading("Förhandsgranskning", as_="h5", size="2"),
                rx.html(E.lesson_preview, class_name="lesson-content"),
                class_name="preview",
                aria_label="Förhandsgranskning",
            ),
        ),
        on_submit=E.save_lesson,
        reset_on_submit=False,
        key=E.form_key,
        class_name="form lesson-form",
        aria_label="Lektion",
    )


def _quiz_form() -> rx.Component:
    return rx.form(
        rx.heading("Nytt quiz", as_="h4", size="3"),
        *quiz_settings_fields(),
        rx.el.button("Skapa quiz", type="submit", class_name="button primary"),
        on_submit=E.create_quiz,
        reset_on_submit=False,
        key=E.form_key,
        class_name="form",
        aria_label="Nytt quiz",
    )


def _lesson_row(module: EditorModule, lesson: EditorLesson) -> rx.Component:
    return rx.el.li(
        rx.el.details(
            rx.el.summary(lesson.title),
            rx.html(lesson.html, class_name="lesson-content"),
            rx.cond(lesson.video_url != "", rx.el.p("Video: ", lesson.video_url)),
        ),
        rx.el.div(
            rx.el.button(
                "Redigera",
                rx.el.span(" lektionen ", lesson.title, class_name="sr-only"),
                on_click=E.edit_lesson(module.id, lesson.id),
                class_name="button small",
            ),
            rx.el.button(
                "Flytta upp",
                rx.el.span(" lektionen ", lesson.title, class_name="sr-only"),
                on_click=E.move_lesson(module.id, lesson.id, -1),
                class_name="button small",
            ),
            rx.el.button(
                "Flytta ned",
                rx.el.span(" lektionen ", lesson.title, class_name="sr-only"),
                on_click=E.move_lesson(module.id, lesson.id, 1),
                class_name="button small",
            ),
            rx.el.button(
                "Ta bort",
                rx.el.span(" lektionen ", lesson.title, class_name="sr-only"),
                on_click=E.delete_lesson(lesson.id),
                class_name="button small",
            ),
            class_name="actions",
        ),
    )


def _module_card(module: EditorModule) -> rx.Component:
    fid = "m" + module.id.to_string()
    return rx.el.li(
        rx.heading("Modul ", module.number, ": ", module.title, as_="h3", size="4"),
        rx.cond(
            module.prerequisite_title != "",
            rx.el.p("Kräver att modulen ”", module.prerequisite_title, "” är klar."),
        ),
        rx.el.details(
            rx.el.summary("Ändra modulen"),
            rx.form(
                rx.el.input(type="hidden", name="module_id", value=module.id),
                rx.el.label(
                    "Modulens titel",
                    rx.el.input(name="title", default_value=module.title),
                    class_name="field",
                ),
                rx.el.label(
                    "Beskrivning",
                    rx.el.textarea(name="description", default_value=module.description, rows=2),
                    class_name="field",
                ),
                rx.el.label(
                    "Måste vara klar först",
                    rx.el.select(
                        rx.el.option("Ingen", value=""),
                        rx.foreach(
                            E.module_options,
                            lambda o: rx.el.option(o["label"], value=o["value"]),
                        ),
                        name="prerequisite",
                        default_value=module.prerequisite,
                    ),
                    class_name="field",
                ),
                rx.el.button("Spara modulen", type="submit", class_name="button secondary"),
                on_submit=E.save_module,
                reset_on_submit=False,
                key=fid + "-" + E.form_key.to_string(),
                class_name="form",
                aria_label="Ändra modul " + module.number.to_string(),
            ),
        ),
        rx.el.div(
            rx.el.button(
                "Flytta upp",
                rx.el.span(" modulen ", module.title, class_name="sr-only"),
                on_click=E.move_module(module.id, -1),
                disabled=module.first,
                class_name="button small",
            ),
            rx.el.button(
                "Flytta ned",
                rx.el.span(" modulen ", module.title, class_name="sr-only"),
                on_click=E.move_module(module.id, 1),
                disabled=module.last,
                class_name="button small",
            ),
            rx.el.button(
                "Ta bort modulen",
                rx.el.span(" ", module.title, class_name="sr-only"),
                on_click=E.delete_module(module.id),
                class_name="button small",
            ),
            class_name="actions",
        ),
        rx.heading("Lektioner", as_="h4", size="3"),
        rx.cond(
            module.lessons.length() > 0,
            rx.el.ul(
                rx.foreach(module.lessons, lambda le: _lesson_row(module, le)), class_name="lessons"
            ),
            rx.el.p("Inga lektioner ännu.", class_name="muted"),
        ),
        rx.cond(
            E.lesson_module_id == module.id,
            _lesson_form(),
            rx.el.button(
                "Ny lektion",
                rx.el.span(" i modulen ", module.title, class_name="sr-only"),
                on_click=E.new_lesson(module.id),
                class_name="button secondary",
            ),
        ),
        rx.heading("Quiz", as_="h4", size="3"),
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
                E.quiz_module_id == module.id,
                _quiz_form(),
                rx.el.button(
                    "Nytt quiz",
                    rx.el.span(" i modulen ", module.title, class_name="sr-only"),
                    on_click=E.new_quiz(module.id),
                    class_name="button secondary",
                ),
            ),
        ),
        class_name="card module",
    )


def _new_module() -> rx.Component:
    return rx.el.section(
        rx.heading("Ny modul", as_="h3", size="4"),
        rx.form(
            text_field("Modulens titel", "title", field_id="new-module-title"),
            textarea_field("Beskrivning", "description", rows=2, field_id="new-module-description"),
            rx.el.div(
                rx.el.label("Måste vara klar först", html_for="new-module-prerequisite"),
                rx.el.select(
                    rx.el.option("Ingen", value=""),
                    rx.foreach(
                        E.module_options, lambda o: rx.el.option(o["label"], value=o["value"])
                    ),
                    id="new-module-prerequisite",
                    name="prerequisite",
                ),
                class_name="field",
            ),
            rx.el.button("Lägg till modul", type="submit", class_name="button primary"),
            on_submit=E.add_module,
            reset_on_submit=True,
            class_name="form",
            aria_label="Ny modul",
        ),
        class_name="card",
    )


def editor_page() -> rx.Component:
    return page_shell(
        rx.link("← Utbildning", href="/utbildning"),
        rx.cond(
            E.course_id > 0,
            rx.fragment(
                rx.heading(E.title, as_="h1", size="7"),
                _publishing(),
                message(E.error, "error"),
                message(E.notice, "info"),
                _course_form(),
                rx.el.section(
                    rx.heading("Moduler", as_="h2", size="5"),
                    rx.el.ol(rx.foreach(E.modules, _module_card), class_name="plain-list"),
                    _new_module(),
                ),
            ),
            message(E.error, "error"),
        ),
        area="courses",
    )
