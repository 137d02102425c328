"""The Utbildning pages and downloads, registered by academy/academy.py."""

from __future__ import annotations

from academy.core.web.routing import Page
from academy.courses.web import editor, followup, learner, overview, quiz_edit, quiz_take
from academy.courses.web.api import ROUTES as API

AREA = " – Utbildning"
PAGES = [
    Page("/utbildning", overview.overview_page, "Utbildning", overview.CoursesOverviewState.load),
    Page(
        "/utbildning/kurs/[course_id]",
        learner.course_page,
        "Kurs" + AREA,
        learner.LearnerCourseState.load,
    ),
    Page(
        "/utbildning/lektion/[lesson_id]",
        learner.lesson_page,
        "Lektion" + AREA,
        learner.LessonState.load,
    ),
    Page(
        "/utbildning/quiz/[quiz_id]",
        quiz_take.quiz_page,
        "Quiz" + AREA,
        quiz_take.QuizTakeState.load,
    ),
    Page(
        "/utbildning/kurser/[course_id]", editor.editor_page, "Redigera kurs" + AREA, editor.E.load
    ),
    Page(
        "/utbildning/omgangar/[cohort_id]",
        followup.cohort_page,
        "Kursomgång" + AREA,
        followup.F.load,
    ),
    Page(
        "/utbildning/quiz/[quiz_id]/fragor",
        quiz_edit.quiz_editor_page,
        "Redigera quiz" + AREA,
        quiz_edit.Z.load,
    ),
]
__all__ = ["API", "PAGES"]
