"""Course authoring (trainers, admins): course fields, publishing, modules, lessons, new quizzes.

Messages land beside their action: `course`, `publish`, `new-module`, `modules` (a deleted
module), `module-<id>` (save, move), `lessons-<id>` (lesson list), `lesson-form`, `quiz-form` and
`quiz-<id>`.
"""

from __future__ import annotations

import reflex as rx

from academy.core.web.base import BaseState
from academy.courses import authoring, images, quizzes
from academy.courses.lessons import render_markdown
from academy.courses.web import forms, view


class CourseEditorState(BaseState):
    course_id: int = 0
    version: int = 0
    title: str = ""
    description: str = ""
    target_group: str = ""
    topics: str = ""
    status: str = ""
    published: bool = False
    modules: list[view.EditorModule] = []
    module_options: list[view.Option] = []
    # The lesson form shows inside one module: new (lesson_id 0) or editing a lesson.
    lesson_module_id: int = 0
    lesson_id: int = 0
    # The version of the lesson the form was opened with: a save after someone else's is refused.
    lesson_version: int = 0
    lesson_title: str = ""
    lesson_markdown: str = ""
    lesson_video: str = ""
    lesson_preview: str = ""  # sanitised HTML from render_markdown
    image_alt: str = ""
    quiz_module_id: int = 0
    # Each form is renewed only when what it shows changed, so typing in one form survives a
    # save in another: the course form with the course's version, a module's form with the
    # module's, the new-module form with the number of modules, the lesson form with
    # `lesson_key` (a lesson opened or saved); `form_key` renews them all (another course).
    lesson_key: int = 0

    def _refresh(self, session, actor) -> None:
        detail = authoring.get_course(session, actor, self.course_id)
        self.version, self.title, self.description = (
            detail.version,
            detail.title,
            detail.description,
        )
        self.target_group, self.topics = detail.target_group, ", ".join(detail.topics)
        self.status = view.COURSE_STATUS_LABELS[detail.status]
        self.published = detail.status == "published"
        self.modules = view.editor_modules(detail)
        self.module_options = [view.Option(str(m.id), m.title) for m in detail.modules]

    def _edit(self, action, success: str, at: str) -> bool:
        """Run a change, then show the course as it now is."""

        def run(session, actor):
            action(session, actor)
            session.flush()
            self._refresh(session, actor)

        return self._run(run, success, at=at)

    def _module(self, module_id: int) -> view.EditorModule | None:
        return next((m for m in self.modules if m.id == module_id), None)

    @rx.event
    def load(self):
        self.course_id = self._param("course_id") or 0
        self.lesson_module_id = self.lesson_id = self.quiz_module_id = 0
        self.form_key += 1
        if not self._run(self._refresh):
            self.course_id = 0

    @rx.event
    def save_course(self, form_data: dict):
        def save(session, actor):
            fields = forms.values(forms.course_fields(form_data))
            authoring.update_course(session, actor, self.course_id, version=self.version, **fields)

        self._edit(save, "Kursen är sparad.", "course")

    @rx.event
    def set_published(self, publish: bool):
        status = "published" if publish else "draft"
        self._edit(
            lambda session, actor: authoring.set_course_status(
                session, actor, self.course_id, status
            ),
            "Kursen är publicerad." if publish else "Kursen är ett utkast igen.",
            "publish",
        )

    # ---- modules

    @rx.event
    def add_module(self, form_data: dict):
        def add(session, actor):
            fields = forms.values(forms.module_fields(form_data))
            authoring.add_module(session, actor, self.course_id, **fields)

        self._edit(add, "Modulen är tillagd.", "new-module")

    @rx.event
    def save_module(self, form_data: dict):
        module_id = forms.optional_id(form_data.get("module_id")) or 0
        version = forms.optional_id(form_data.get("version"))

        def save(session, actor):
            fields = forms.values(forms.module_fields(form_data))
            authoring.update_module(session, actor, module_id, version=version, **fields)

        self._edit(save, "Modulen är sparad.", f"module-{module_id}")

    @rx.event
    def move_module(self, module_id: int, step: int):
        order = view.swapped([m.id for m in self.modules], module_id, step)
        if order is None:
            return
        self._edit(
            lambda session, actor: authoring.reorder_modules(session, actor, self.course_id, order),
            "Modulernas ordning är sparad.",
            f"module-{module_id}",
        )

    @rx.event
    def delete_module(self, module_id: int):
        self._edit(
            lambda session, actor: authoring.delete_module(session, actor, module_id),
            "Modulen är borttagen.",
            "modules",
        )

    # ---- lessons

    @rx.event
    def new_lesson(self, module_id: int):
        self._clear_messages()
        self.lesson_module_id, self.lesson_id = module_id, 0
        self.lesson_title = self.lesson_markdown = self.lesson_video = self.lesson_preview = ""
        self.lesson_key += 1

    @rx.event
    def edit_lesson(self, module_id: int, lesson_id: int):
        module = self._module(module_id)
        if module is None or lesson_id not in [le.id for le in module.lessons]:
            return

        def load(session, actor):
            detail = authoring.get_course(session, actor, self.course_id)
            row = next(le for m in detail.modules for le in m.lessons if le.id == lesson_id)
            self.lesson_module_id, self.lesson_id = module_id, lesson_id
            self.lesson_version = row.version
            self.lesson_title, self.lesson_markdown = row.title, row.content_markdown
            self.lesson_video, self.lesson_preview = row.video_url, row.content_html
            self.lesson_key += 1

        self._run(load, at=f"lessons-{module_id}")

    @rx.event
    def cancel_lesson(self):
        self._clear_messages()
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
        # The role is checked before the file is read; at most one byte past the cap is read.
        if not self._run(lambda session, actor: images.require_author(actor), at="lesson-form"):
            return None
        data = await files[0].read(images.MAX_IMAGE_BYTES + 1) if files else b""
        stored: list[str] = []
        done = self._run(
            lambda session, actor: stored.append(images.store_image(actor, data)),
            "Bilden är uppladdad och infogad i innehållet.",
            at="lesson-form",
        )
        if not done:
            return None
        alt = forms.image_alt(self.image_alt)
        self.lesson_markdown = (
            f"{self.lesson_markdown.rstrip()}\n\n![{alt}]({stored[0]})\n".lstrip()
        )
        self.image_alt = ""
        # The form is uncontrolled: set the textarea itself so typed fields stay as they are.
        return rx.set_value("lesson-content", self.lesson_markdown)

    @rx.event
    def move_lesson(self, module_id: int, lesson_id: int, step: int):
        module = self._module(module_id)
        order = view.swapped([le.id for le in module.lessons] if module else [], lesson_id, step)
        if order is None:
            return
        self._edit(
            lambda session, actor: authoring.reorder_lessons(session, actor, module_id, order),
            "Lektionernas ordning är sparad.",
            f"lessons-{module_id}",
        )

    @rx.event
    def preview_lesson(self):
        self.lesson_preview = render_markdown(self.lesson_markdown)

    @rx.event
    def save_lesson(self, form_data: dict):
        lesson_id, module_id, version = self.lesson_id, self.lesson_module_id, self.lesson_version

        def save(session, actor):
            fields = forms.values(forms.lesson_fields(form_data))
            if lesson_id:
                authoring.update_lesson(session, actor, lesson_id, version=version, **fields)
            else:
                authoring.add_lesson(session, actor, module_id, **fields)

        if self._edit(save, "Lektionen är sparad.", "lesson-form"):
            # The form closes; the confirmation shows under the module's lessons.
            self.lesson_module_id = self.lesson_id = 0
            self.lesson_key += 1
            self.message_at = f"lessons-{module_id}"

    @rx.event
    def delete_lesson(self, module_id: int, lesson_id: int):
        self._edit(
            lambda session, actor: authoring.delete_lesson(session, actor, lesson_id),
            "Lektionen är borttagen.",
            f"lessons-{module_id}",
        )

    # ---- quizzes

    @rx.event
    def new_quiz(self, module_id: int):
        self._clear_messages()
        self.quiz_module_id = module_id  # the form is new: it mounts for this module

    @rx.event
    def create_quiz(self, form_data: dict):
        module_id = self.quiz_module_id

        def create(session, actor):
            settings = forms.values(forms.quiz_settings(form_data))
            quizzes.create_quiz(session, actor, module_id, **settings)

        if self._edit(create, "Quizet är skapat. Lägg till frågor via Redigera quiz.", "quiz-form"):
            self.quiz_module_id = 0
            self.message_at = f"quiz-{module_id}"
