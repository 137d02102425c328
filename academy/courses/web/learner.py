"""Taking a course: the outline with module statuses, a lesson, and the certificate link."""

from __future__ import annotations

import dataclasses

import reflex as rx

from academy.courses import cohorts, taking
from academy.courses.status import COMPLETED, FAILED
from academy.courses.web.common import CourseBaseState, meeting_label, route_id, status_label
from academy.courses.web.overview import resume_href
from academy.ui.forms import message
from academy.ui.layout import page_shell


@dataclasses.dataclass
class OutlineLesson:
    id: int
    title: str
    read_label: str


@dataclasses.dataclass
class OutlineModule:
    id: int
    number: int
    title: str
    status: str
    unlocked: bool
    locked_reason: str
    lessons: list[OutlineLesson]
    quiz_id: int
    quiz_title: str
    quiz_attempts: str
    quiz_result: str
    required: bool = False  # named as required by the learner's cohort (a tailored run)


def _attempts_text(used: int, allowed: int) -> str:
    if not allowed:
        return f"{used} försök gjorda (obegränsat antal)"
    return f"{used} av {allowed} försök gjorda"


class LearnerCourseState(CourseBaseState):
    course_id: int = 0
    title: str = ""
    description: str = ""
    status: str = ""
    completed: bool = False
    modules: list[OutlineModule] = []
    resume_href: str = ""
    resume_label: str = ""
    next_meeting: str = ""

    @rx.event
    def load(self):
        course_id = route_id(self, "course_id")
        self.course_id = 0
        self._run(lambda session, actor: self._load(session, actor, course_id))

    def _load(self, session, actor, course_id: int | None) -> None:
        outline = taking.course_outline(session, actor, course_id)
        self._show(outline, cohorts.required_in_my_cohorts(session, actor, outline.id))
        upcoming = sorted(
            mine.next_meeting
            for mine in cohorts.my_courses(session, actor)
            if mine.course_id == outline.id and mine.next_meeting
        )
        self.next_meeting = meeting_label(upcoming[0]) if upcoming else ""

    def _show(self, outline: taking.LearnerCourse, required: set[int] = frozenset()) -> None:
        self.course_id, self.title = outline.id, outline.title
        self.description, self.status = outline.description, status_label(outline.status)
        self.completed = outline.status == COMPLETED
        self.modules = [
            OutlineModule(
                id=m.id,
                number=number,
                title=m.title,
                status=status_label(m.status),
                unlocked=m.unlocked,
                locked_reason=(
                    ""
                    if m.unlocked
                    else f"Låst: modulen ”{m.prerequisite_title}” måste vara klar först."
                ),
                lessons=[
                    OutlineLesson(lesson.id, lesson.title, "Läst" if lesson.read else "Inte läst")
                    for lesson in m.lessons
                ],
                quiz_id=m.quiz.id if m.quiz else 0,
                quiz_title=m.quiz.title if m.quiz else "",
                quiz_attempts=_attempts_text(m.quiz.attempts_used, m.quiz.attempts_allowed)
                if m.quiz
                else "",
                quiz_result=(
                    "Godkänt"
                    if m.quiz and m.quiz.passed
                    else ("Underkänt" if m.status == FAILED else "Inte godkänt än")
                ),
                required=m.id in required,
            )
            for number, m in enumerate(outline.modules, start=1)
        ]
        point = outline.resume
        self.resume_href = "" if point.done else resume_href(outline.id, point)
        self.resume_label = "Fortsätt där du slutade"


C = LearnerCourseState


def _lesson_item(lesson: OutlineLesson, unlocked: rx.Var) -> rx.Component:
    return rx.el.li(
        rx.cond(
            unlocked,
            rx.link(lesson.title, href=f"/utbildning/lektion/{lesson.id}"),
            rx.el.span(lesson.title),
        ),
        rx.el.span(" – ", lesson.read_label, class_name="muted"),
    )


def _module(module: OutlineModule) -> rx.Component:
    return rx.el.li(
        rx.heading("Modul ", module.number, ": ", module.title, as_="h2", size="5"),
        rx.cond(
            module.required,
            rx.el.p(rx.el.strong("Obligatorisk i din kursomgång"), class_name="required-module"),
        ),
        rx.el.p(rx.el.strong("Status: "), module.status, class_name="module-status"),
        rx.cond(module.unlocked, rx.fragment(), rx.el.p(module.locked_reason, class_name="locked")),
        rx.cond(
            module.lessons.length() > 0,
            rx.el.ul(
                rx.foreach(module.lessons, lambda lesson: _lesson_item(lesson, module.unlocked)),
                aria_label="Lektioner",
            ),
        ),
        rx.cond(
            module.quiz_id > 0,
            rx.el.p(
                "Quiz: ",
                rx.cond(
                    module.unlocked,
                    rx.link(module.quiz_title, href=f"/utbildning/quiz/{module.quiz_id}"),
                    rx.el.span(module.quiz_title),
                ),
                " – ",
                module.quiz_result,
                ", ",
                module.quiz_attempts,
            ),
        ),
        class_name="card module",
    )


def course_page() -> rx.Component:
    return page_shell(
        rx.link("← Utbildning", href="/utbildning"),
        message(C.error, "error"),
        rx.cond(
            C.course_id > 0,
            rx.fragment(
                rx.heading(C.title, as_="h1", size="7"),
                rx.text(C.description),
                rx.el.p(rx.el.strong("Din status: "), C.status),
                rx.cond(
                    C.next_meeting != "",
                    rx.el.p(rx.el.strong("Nästa träff: "), C.next_meeting, id="next-meeting"),
                ),
                rx.cond(
                    C.completed,
                    rx.el.div(
                        rx.el.p("Kursen är klar. Bra jobbat!", class_name="done"),
                        rx.el.a(
                            "Hämta kursintyg (PDF)",
                            href=f"/api/utbildning/kurser/{C.course_id}/intyg",
                            download=True,
                            reload_document=True,
                            class_name="button primary link-button",
                        ),
                        class_name="card",
                    ),
                    rx.link(
                        C.resume_label, href=C.resume_href, class_name="button primary link-button"
                    ),
                ),
                rx.el.ol(rx.foreach(C.modules, _module), class_name="plain-list modules"),
            ),
        ),
        area="courses",
    )


# ---- lesson ----------------------------------------------------------------------------------


class LessonState(CourseBaseState):
    lesson_id: int = 0
    course_id: int = 0
    title: str = ""
    html: str = ""  # sanitised by academy.courses.lessons when the lesson was saved
    video_url: str = ""
    read: bool = False
    next_href: str = ""

    def _show(self, session, actor, lesson_id: int) -> None:
        lesson = taking.open_lesson(session, actor, lesson_id)
        self.course_id = cohorts.module_course_id(session, lesson.module_id) or 0
        self.lesson_id, self.title, self.html = lesson.id, lesson.title, lesson.html
        self.video_url, self.read = lesson.video_url, lesson.read
        point = taking.resume_point(session, actor, self.course_id)
        self.next_href = resume_href(self.course_id, point)

    @rx.event
    def load(self):
        lesson_id = route_id(self, "lesson_id")
        self.lesson_id = 0
        self._run(lambda session, actor: self._show(session, actor, lesson_id))

    @rx.event
    def mark_read(self):
        lesson_id = self.lesson_id

        def mark(session, actor):
            taking.mark_lesson_read(session, actor, lesson_id)
            self._show(session, actor, lesson_id)

        self._run(mark, "Lektionen är markerad som läst.")


L = LessonState


def lesson_page() -> rx.Component:
    return page_shell(
        rx.cond(L.course_id > 0, rx.link("← Till kursen", href=f"/utbildning/kurs/{L.course_id}")),
        message(L.error, "error"),
        rx.cond(
            L.lesson_id > 0,
            rx.el.article(
                rx.heading(L.title, as_="h1", size="7"),
                rx.html(L.html, class_name="lesson-content"),
                rx.cond(
                    L.video_url != "",
                    rx.el.p(
                        rx.el.a(
                            "Titta på videon (öppnas på en annan webbplats)",
                            href=L.video_url,
                            rel="noopener noreferrer",
                            target="_blank",
                        )
                    ),
                ),
                rx.el.div(
                    message(L.notice, "info"),
                    rx.cond(
                        L.read,
                        rx.el.p("Du har läst lektionen.", class_name="done"),
                        rx.el.button(
                            "Markera som läst", on_click=L.mark_read, class_name="button primary"
                        ),
                    ),
                    rx.cond(
                        L.read,
                        rx.link(
                            "Fortsätt", href=L.next_href, class_name="button secondary link-button"
                        ),
                    ),
                    class_name="actions lesson-actions",
                ),
            ),
        ),
        area="courses",
    )
