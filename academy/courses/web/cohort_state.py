"""A cohort (trainers, admins): meetings, enrolment, the progress matrix, quiz results, essays.

Messages land at `cohort-form`, `filter`, `enrol`, `participants`, `grade-<answer id>` (a refused
grade) and `essays-<quiz id>` (a saved one: the essay leaves the list).
"""

from __future__ import annotations

from datetime import date

import reflex as rx

from academy.core.accounts import list_units
from academy.core.errors import ValidationError
from academy.core.models import Role
from academy.core.web.base import BaseState
from academy.courses import authoring, cohorts, progress
from academy.courses.web import cohort_view, forms, view


class CohortState(BaseState):
    cohort_id: int = 0
    # The version the cohort form was opened with: a save after someone else's is refused.
    cohort_version: int = 0
    # The forms are renewed only when what they show changed, so typing in one survives a
    # change made with another: the cohort's form with the cohort's version, the enrolment
    # form after an enrolment or a new search (its ticks would land on other people);
    # `form_key` renews both (another cohort).
    enrol_key: int = 0
    name: str = ""
    course_title: str = ""
    course_id: int = 0
    dates: str = ""
    trainers: str = ""
    participants: list[cohort_view.ParticipantRow] = []
    people: list[view.PersonChoice] = []
    unit_options: list[view.Option] = []
    modules: list[str] = []  # the matrix's module columns
    # The course's modules and which ones this cohort requires (a tailored run).
    module_lines: list[cohort_view.ModuleLine] = []
    requirement: str = ""
    tailored: bool = False
    rows: list[cohort_view.MatrixLine] = []
    counts: list[str] = []
    status_filter: str = ""
    name_filter: str = ""
    # Narrows the people to enrol to those whose name or e-mail contains it.
    people_query: str = ""
    # One participant's attempts, opened from the participants table.
    learner_id: int = 0
    learner_name: str = ""
    learner_attempts: list[cohort_view.LearnerAttemptRow] = []
    quizzes: list[cohort_view.QuizFollowUp] = []
    # The "Ändra kursomgången" form's values.
    meetings: list[str] = []
    cohort_form: dict[str, str] = {}
    trainer_choices: list[view.PersonChoice] = []

    def _refresh(self, session, actor) -> None:
        detail = cohorts.get_cohort(session, actor, self.cohort_id)
        self.cohort_version = detail.version
        self.name, self.course_title, self.course_id = (
            detail.name,
            detail.course_title,
            detail.course_id,
        )
        day = view.swedish_day
        deadline = f" · sista dag {day(detail.deadline)}" if detail.deadline else ""
        self.dates = f"{day(detail.starts_on)} – {day(detail.ends_on)}{deadline}"
        self.trainers = ", ".join(t.name for t in detail.trainers)
        self.meetings = [view.meeting_label(m) for m in detail.meetings]
        self.cohort_form = {
            "name": detail.name,
            "starts_on": day(detail.starts_on),
            "ends_on": day(detail.ends_on),
            "deadline": day(detail.deadline),
            "meetings": "\n".join(self.meetings),
        }
        leading = {t.user_id for t in detail.trainers}
        trainers = cohorts.active_people(session, actor, trainers_only=True)
        self.trainer_choices = view.person_choices(trainers, "t-", leading)
        self.module_lines = cohort_view.module_lines(detail)
        self.requirement = cohort_view.requirement_summary(detail)
        self.tailored = detail.tailored
        self.participants = cohort_view.participant_rows(detail)
        enrolled = {p.user_id for p in detail.participants}
        others = [p for p in cohorts.active_people(session, actor) if p.user_id not in enrolled]
        self.people = view.person_choices(
            view.matching_people(others, self.people_query), "u-", with_unit=True
        )
        self.unit_options = [view.Option(str(u.id), u.path) for u in list_units(session)]
        matrix = progress.progress_matrix(
            session, actor, self.cohort_id, status=self.status_filter or None, name=self.name_filter
        )
        self.modules = cohort_view.matrix_headers(matrix)
        self.rows = cohort_view.matrix_lines(matrix, date.today())
        self.counts = cohort_view.status_counts(matrix)
        course = authoring.get_course(session, actor, detail.course_id)
        with_quiz = [m for m in course.modules if m.quiz]
        quiz_ids = [m.quiz.id for m in with_quiz]
        # Every quiz of the course in a fixed number of statements, however many there are.
        analyses = progress.item_analyses(session, actor, quiz_ids)
        essays = progress.pending_essays_by_quiz(session, actor, quiz_ids, self.cohort_id)
        self.quizzes = [
            cohort_view.QuizFollowUp(
                quiz_id=m.quiz.id,
                title=f"{m.title} – {m.quiz.title}",
                questions=cohort_view.item_lines(analyses[m.quiz.id]),
                essays=cohort_view.essay_rows(essays[m.quiz.id]),
            )
            for m in with_quiz
        ]

    def _change(self, action, success: str, at: str) -> bool:
        def run(session, actor):
            action(session, actor)
            session.flush()
            self._refresh(session, actor)

        return self._run(run, success, at=at)

    @rx.event
    def load(self):
        self.cohort_id = self._param("cohort_id") or 0
        self.status_filter = self.name_filter = self.people_query = ""
        self.learner_id, self.learner_name, self.learner_attempts = 0, "", []
        if not self._run(self._refresh):
            self.cohort_id = 0
        # The edit form's fields are uncontrolled: re-create them with this cohort's values, or
        # after opening another cohort they would still show (and save) that one's.
        self.form_key += 1

    @rx.event
    def filter(self, form_data: dict):
        self.status_filter = forms.text(form_data, "status")
        self.name_filter = forms.text(form_data, "name")
        self._run(self._refresh, at="filter")

    @rx.event
    def show_learner(self, user_id: int):
        cohort_id = self.cohort_id

        def load(session, actor):
            name, attempts = progress.learner_attempts(session, actor, cohort_id, user_id)
            self.learner_id, self.learner_name = user_id, name
            self.learner_attempts = cohort_view.learner_attempt_rows(attempts)

        self._run(load, at="learner")

    @rx.event
    def close_learner(self):
        self.learner_id, self.learner_name, self.learner_attempts = 0, "", []

    @rx.event
    def search_people(self, form_data: dict):
        self.people_query = forms.text(form_data, "query").strip()
        self._run(self._refresh, at="enrol")

    @rx.event
    def enrol_people(self, form_data: dict):
        chosen = forms.checked_ids(form_data, "u-")
        added: list[int] = []

        def enrol(session, actor):
            added.append(cohorts.enrol_users(session, actor, self.cohort_id, chosen))

        if self._change(enrol, "", "enrol"):
            self.notice = f"{added[0]} deltagare är inskrivna."
            self.enrol_key += 1  # the choices are cleared

    @rx.event
    def enrol_unit(self, form_data: dict):
        unit_id = forms.optional_id(form_data.get("unit_id"))
        added: list[int] = []

        def enrol(session, actor):
            if unit_id is None:
                raise ValidationError("Välj en enhet.", field="unit_id")
            added.append(cohorts.enrol_unit(session, actor, self.cohort_id, unit_id))

        if self._change(enrol, "", "enrol"):
            self.notice = f"{added[0]} deltagare är inskrivna."
            self.enrol_key += 1

    @rx.event
    def remove_participant(self, user_id: int):
        self._change(
            lambda session, actor: cohorts.remove_participant(
                session, actor, self.cohort_id, user_id
            ),
            "Deltagaren är borttagen från kursomgången.",
            "participants",
        )

    @rx.event
    def save_cohort(self, form_data: dict):
        handed_over = {"yes": False}
        # Only a form that showed the module checkboxes (it says so in a hidden field) changes
        # the required modules: unticked boxes are simply absent from the form data.
        modules = {m.id for m in self.module_lines} if form_data.get("modules_shown") else set()
        required = forms.checked_ids(form_data, "m-")

        def save(session, actor):
            fields = forms.values(forms.cohort_fields(form_data, "t-"))
            cohorts.update_cohort(
                session,
                actor,
                self.cohort_id,
                version=self.cohort_version,
                # The form lists the course's modules (a course without any has none to
                # name); all of them ticked is the whole course, modules added since included.
                required_module_ids=required if modules else None,
                whole_course=bool(modules) and set(required) == modules,
                **fields,
            )
            session.flush()
            if cohorts.leads_cohort(session, actor.id, self.cohort_id) or actor.has_any(Role.ADMIN):
                self._refresh(session, actor)  # a new version: the form shows the saved values
            else:  # handed over to other trainers: the page is theirs now
                handed_over["yes"] = True

        if self._run(save, "Kursomgången är sparad.", at="cohort-form") and handed_over["yes"]:
            self.cohort_id = 0
            self.message_at = ""
            self.notice = "Kursomgången är sparad. Du leder den inte längre."

    @rx.event
    def grade(self, form_data: dict):
        answer_id = forms.optional_id(form_data.get("answer_id")) or 0
        quiz_id = next(
            (q.quiz_id for q in self.quizzes if any(e.answer_id == answer_id for e in q.essays)), 0
        )

        def grade(session, actor):
            given = forms.grade(form_data)
            progress.grade_essay(
                session, actor, given.answer_id, fraction=given.fraction, feedback=given.feedback
            )

        if self._change(grade, "Svaret är bedömt.", f"grade-{answer_id}"):
            self.message_at = f"essays-{quiz_id}"
