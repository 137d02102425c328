"""/utbildning: the learner's own courses, and for trainers the courses and cohorts."""

from __future__ import annotations

from datetime import date

import reflex as rx

from academy.core.web.base import BaseState
from academy.courses import authoring, cohorts
from academy.courses.common import AUTHORS
from academy.courses.web import forms, view


class CoursesOverviewState(BaseState):
    my_courses: list[view.MyCourseRow] = []
    is_author: bool = False
    courses: list[view.CourseRow] = []
    cohorts: list[view.CohortRow] = []
    course_options: list[view.Option] = []
    trainers: list[view.PersonChoice] = []

    def _refresh(self, session, actor) -> None:
        self.is_author = actor.has_any(*AUTHORS)
        today = date.today()
        self.my_courses = [
            view.my_course_row(mine, today) for mine in cohorts.my_courses(session, actor)
        ]
        if not self.is_author:
            return
        summaries = authoring.list_courses(session, actor)
        self.courses = view.course_rows(summaries)
        self.course_options = [view.Option(str(c.id), c.title) for c in summaries]
        self.cohorts = view.cohort_rows(cohorts.list_cohorts(session, actor))
        trainers = cohorts.active_people(session, actor, trainers_only=True)
        self.trainers = view.person_choices(trainers, "trainer-", {actor.id})

    @rx.event
    def load(self):
        self._run(self._refresh)

    @rx.event
    def create_course(self, form_data: dict):
        created: list[int] = []

        def create(session, actor):
            title = forms.text(form_data, "title")
            created.append(authoring.create_course(session, actor, title=title))

        if self._run(create, at="new-course"):
            return rx.redirect(f"/utbildning/kurser/{created[0]}")
        return None

    @rx.event
    def create_cohort(self, form_data: dict):
        created: list[int] = []

        def create(session, actor):
            fields = forms.values(forms.cohort_fields(form_data, "trainer-"))
            course_id = forms.optional_id(form_data.get("course_id"))
            created.append(cohorts.create_cohort(session, actor, course_id=course_id, **fields))

        if self._run(create, at="new-cohort"):
            return rx.redirect(f"/utbildning/omgangar/{created[0]}")
        return None
