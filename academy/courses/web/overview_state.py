"""/utbildning: the learner's own courses, and for trainers the courses and cohorts."""

from __future__ import annotations

from datetime import date

import reflex as rx

from academy.core.errors import ValidationError
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
    # The course chosen in the new-cohort form and its modules: ticking some makes it tailored.
    new_course_id: str = ""
    new_modules: list[view.Option] = []

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
        ids = [option.value for option in self.course_options]
        self._show_modules(session, actor, self.new_course_id if self.new_course_id in ids else "")

    def _show_modules(self, session, actor, course_id: str) -> None:
        """The modules of `course_id` ("" = the first course, which the form shows first)."""
        if not course_id and self.course_options:
            course_id = self.course_options[0].value
        self.new_course_id = course_id
        self.new_modules = (
            [
                view.Option(str(mid), title)
                for mid, title in cohorts.course_modules(session, actor, int(course_id))
            ]
            if course_id.isdigit()
            else []
        )

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
    def delete_course(self, course_id: int):
        deleted: list[str] = []

        def delete(session, actor):
            deleted.append(authoring.delete_course(session, actor, course_id))
            self._refresh(session, actor)

        if self._run(delete, at="courses"):
            self.notice = f"Kursen ”{deleted[0]}” är borttagen."

    @rx.event
    def choose_course(self, course_id: str):
        self._run(
            lambda session, actor: self._show_modules(session, actor, str(course_id)),
            at="new-cohort",
        )

    @rx.event
    def create_cohort(self, form_data: dict):
        created: list[int] = []
        # Only a form that showed this course's module boxes (a hidden field says so) makes a
        # tailored cohort: the ticked modules are the required ones, all of them the whole course.
        shown = (
            {int(m.value) for m in self.new_modules}
            if form_data.get("modules_shown") == self.new_course_id == form_data.get("course_id")
            else set()
        )
        required = set(forms.checked_ids(form_data, "m-")) & shown

        def create(session, actor):
            fields = forms.values(forms.cohort_fields(form_data, "trainer-"))
            course_id = forms.optional_id(form_data.get("course_id"))
            if shown and not required:
                raise ValidationError(
                    "Välj minst en modul som deltagarna ska göra (alla moduler = hela kursen).",
                    field="modules",
                )
            modules = () if required == shown else sorted(required)
            created.append(
                cohorts.create_cohort(
                    session, actor, course_id=course_id, required_module_ids=modules, **fields
                )
            )

        if self._run(create, at="new-cohort"):
            return rx.redirect(f"/utbildning/omgangar/{created[0]}")
        return None
