"""The Utbildning pages and downloads, registered by academy/academy.py."""

from __future__ import annotations

from academy.core.web.routing import Page
from academy.courses.web.api import ROUTES as API
from academy.courses.web.cohort_page import cohort_page
from academy.courses.web.cohort_state import CohortState
from academy.courses.web.editor_page import editor_page
from academy.courses.web.editor_state import CourseEditorState
from academy.courses.web.learner_page import course_page, lesson_page
from academy.courses.web.learner_state import LearnerCourseState, LessonState
from academy.courses.web.overview_page import overview_page
from academy.courses.web.overview_state import CoursesOverviewState
from academy.courses.web.quiz_edit_page import quiz_editor_page
from academy.courses.web.quiz_edit_state import QuizEditorState
from academy.courses.web.quiz_take_page import quiz_page
from academy.courses.web.quiz_take_state import QuizTakeState

AREA = " – Utbildning"
PAGES = [
    Page("/utbildning", overview_page, "Utbildning", CoursesOverviewState.load),
    Page("/utbildning/kurs/[course_id]", course_page, "Kurs" + AREA, LearnerCourseState.load),
    Page("/utbildning/lektion/[lesson_id]", lesson_page, "Lektion" + AREA, LessonState.load),
    Page("/utbildning/quiz/[quiz_id]", quiz_page, "Quiz" + AREA, QuizTakeState.load),
    Page(
        "/utbildning/kurser/[course_id]",
        editor_page,
        "Redigera kurs" + AREA,
        CourseEditorState.load,
    ),
    Page("/utbildning/omgangar/[cohort_id]", cohort_page, "Kursomgång" + AREA, CohortState.load),
    Page(
        "/utbildning/quiz/[quiz_id]/fragor",
        quiz_editor_page,
        "Redigera quiz" + AREA,
        QuizEditorState.load,
    ),
]
__all__ = ["API", "PAGES"]
