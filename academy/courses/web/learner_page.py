"""A learner's pages: the course outline with the certificate, and a lesson."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.courses.web.learner_state import LearnerCourseState as Course
from academy.courses.web.learner_state import LessonState as Lesson
from academy.courses.web.view import OutlineLesson, OutlineModule


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
        rx.el.h2("Modul ", module.number, ": ", module.title),
        rx.cond(
            module.requirement != "",
            rx.el.p(
                rx.cond(
                    module.required,
                    rx.el.strong(module.requirement),
                    rx.el.span(module.requirement, class_name="muted"),
                ),
                class_name="required-module",
            ),
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
        id="modul-" + module.id.to(str),
    )


def course_page() -> rx.Component:
    return ui.page_shell(
        rx.link("← Utbildning", href="/utbildning"),
        ui.message(Course),
        rx.cond(
            Course.course_id > 0,
            rx.fragment(
                ui.page_title(Course.title, Course.description),
                rx.el.p(
                    rx.el.strong("Din status: "),
                    Course.status,
                    " · ",
                    Course.progress,
                    id="course-progress",
                ),
                rx.cond(
                    Course.next_meeting != "",
                    rx.el.p(rx.el.strong("Nästa träff: "), Course.next_meeting, id="next-meeting"),
                ),
                rx.cond(
                    Course.completed,
                    rx.el.div(
                        rx.el.p("Kursen är klar. Bra jobbat!", class_name="done"),
                        ui.download_link(
                            "Hämta kursintyg (PDF)",
                            f"/api/utbildning/kurser/{Course.course_id}/intyg",
                            kind="button primary link-button",
                        ),
                        class_name="card",
                    ),
                    rx.link(
                        Course.resume_label,
                        href=Course.resume_href,
                        class_name="button primary link-button",
                    ),
                ),
                rx.el.ol(rx.foreach(Course.modules, _module), class_name="plain-list modules"),
            ),
        ),
        area="courses",
    )


def lesson_page() -> rx.Component:
    return ui.page_shell(
        rx.cond(
            Lesson.course_id > 0,
            rx.link("← Till kursen", href=f"/utbildning/kurs/{Lesson.course_id}"),
        ),
        ui.message(Lesson),
        rx.cond(
            Lesson.lesson_id > 0,
            rx.el.article(
                ui.page_title(Lesson.title),
                ui.prose(Lesson.html),
                rx.cond(
                    Lesson.video_url != "",
                    rx.el.p(
                        rx.el.a(
                            "Titta på videon (öppnas på en annan webbplats)",
                            href=Lesson.video_url,
                            rel="noopener noreferrer",
                            target="_blank",
                        )
                    ),
                ),
                rx.el.div(
                    rx.cond(
                        Lesson.read,
                        rx.el.p("Du har läst lektionen.", class_name="done"),
                        ui.button("Markera som läst", Lesson.mark_read, kind="primary"),
                    ),
                    rx.cond(
                        Lesson.read,
                        rx.link(
                            "Fortsätt",
                            href=Lesson.next_href,
                            class_name="button secondary link-button",
                        ),
                    ),
                    ui.message(Lesson, at="lesson-read"),
                    class_name="actions lesson-actions",
                ),
            ),
        ),
        area="courses",
    )
