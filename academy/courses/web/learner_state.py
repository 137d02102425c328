"""Taking a course: the outline with module statuses, and one lesson."""

from __future__ import annotations

import reflex as rx

from academy.core.web.base import BaseState
from academy.courses import cohorts, taking
from academy.courses.web import view


class LearnerCourseState(BaseState):
    course_id: int = 0
    title: str = ""
    description: str = ""
    status: str = ""
    progress: str = ""  # "2 av 3 obligatoriska moduler klara"
    completed: bool = False
    modules: list[view.OutlineModule] = []
    resume_href: str = ""
    resume_label: str = "Fortsätt där du slutade"
    next_meeting: str = ""

    @rx.event
    def load(self):
        course_id = self._param("course_id")
        self.course_id = 0
        self._run(lambda session, actor: self._load(session, actor, course_id))

    def _load(self, session, actor, course_id: int | None) -> None:
        outline = taking.course_outline(session, actor, course_id)
        self.course_id, self.title = outline.id, outline.title
        self.description, self.status = outline.description, view.status_label(outline.status)
        self.completed = view.is_completed(outline.status)
        self.modules = view.outline_modules(outline)
        self.progress = view.modules_done_text(
            outline.modules_completed, outline.module_count, bool(outline.required)
        )
        point = outline.resume
        self.resume_href = "" if point.done else view.resume_href(outline.id, point)
        self.resume_label = (
            "Börja kursen" if outline.status == "not_started" else "Fortsätt där du slutade"
        )
        upcoming = cohorts.next_meeting(session, actor, outline.id)
        self.next_meeting = view.meeting_label(upcoming) if upcoming else ""


class LessonState(BaseState):
    lesson_id: int = 0
    course_id: int = 0
    title: str = ""
    html: str = ""  # sanitised by academy.courses.lessons when the lesson was saved
    video_url: str = ""
    read: bool = False
    next_href: str = ""

    def _show(self, session, actor, lesson_id: int | None) -> None:
        lesson = taking.open_lesson(session, actor, lesson_id)
        self.course_id = lesson.course_id
        self.lesson_id, self.title, self.html = lesson.id, lesson.title, lesson.html
        self.video_url, self.read = lesson.video_url, lesson.read
        self.next_href = view.resume_href(self.course_id, lesson.resume)

    @rx.event
    def load(self):
        lesson_id = self._param("lesson_id")
        self.lesson_id = 0
        self._run(lambda session, actor: self._show(session, actor, lesson_id))

    @rx.event
    def mark_read(self):
        lesson_id = self.lesson_id

        def mark(session, actor):
            taking.mark_lesson_read(session, actor, lesson_id)
            self._show(session, actor, lesson_id)

        self._run(mark, "Lektionen är markerad som läst.", at="lesson-read")
