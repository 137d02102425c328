"""/inventering/[campaign_id]: the behovsprofil, breakdowns, closing, the tailored cohort."""

from __future__ import annotations

import reflex as rx

from academy.core.web.base import BaseState
from academy.courses.authoring import list_courses
from academy.inventory import campaigns, profile, tailoring
from academy.inventory.web import forms, profile_view, view
from academy.ui.bars import Bar


class ProfileState(BaseState):
    campaign_id: int = 0
    has_campaign: bool = False
    campaign: profile_view.CampaignHead = profile_view.CampaignHead("", "", "", "", "")
    shown: bool = False
    threshold: int = 5
    respondents: int = 0
    sections: list[profile_view.ResultSection] = []
    needs: list[profile_view.NeedRow] = []
    need_bars: list[Bar] = []
    gaps: list[profile_view.GapRow] = []
    recommendations: list[profile_view.RecommendationRow] = []
    course_options: list[view.Option] = []
    chosen_course: str = ""
    suggested_name: str = ""  # "<course> – <unit>" for the chosen course
    typed_name: str = ""  # what the name field held when it was left
    name_key: int = 0  # bumped to show a new suggested name in the field
    module_choices: list[profile_view.ModuleChoiceRow] = []
    made_cohorts: list[profile_view.MadeCohortRow] = []
    cohort_id: int = 0
    can_close: bool = False
    still_open: bool = False
    breakdown: str = ""  # "question_id:value", or "" for all answers
    breakdown_options: list[view.Option] = []
    suppressed: list[str] = []
    group_label: str = ""

    def _fill(self, session, actor) -> None:
        chosen = forms.breakdown(self.breakdown)
        result = profile.needs_profile(session, actor, self.campaign_id, breakdown=chosen)
        self.has_campaign = True
        self.campaign = profile_view.campaign_head(result.campaign)
        self.shown, self.threshold = result.shown, result.threshold
        self.respondents, self.group_label = result.respondents, result.group_label
        self.still_open = result.still_open
        self.can_close = result.campaign.phase != "closed"
        splits = profile.breakdowns(session, actor, self.campaign_id, include_suppressed=True)
        self.breakdown_options = [
            view.Option(f"{b.question_id}:{value}", f"{b.text}: {label}")
            for b in splits
            if b.allowed
            for value, label in b.options
        ]
        self.suppressed = [b.text for b in splits if not b.allowed]
        self.sections = profile_view.result_sections(result.questions)
        self.needs = profile_view.need_rows(result.needs)
        self.need_bars = profile_view.need_bars(result.needs)
        self.gaps = profile_view.gap_rows(result.gaps)
        self.recommendations = profile_view.recommendation_rows(result.recommendations)
        self.form_key += 1
        self.made_cohorts = profile_view.made_cohort_rows(
            tailoring.tailored_cohorts(session, actor, self.campaign_id)
        )
        self.course_options = [
            view.Option(str(c.id), c.title)
            for c in list_courses(session, actor)
            if c.status == "published"
        ]
        courses = [r for r in result.recommendations if r.kind == "course"]
        self.chosen_course = str(courses[0].ref_id) if courses else ""
        self.module_choices, self.typed_name, self.suggested_name = [], "", ""
        if courses:  # the plan is always made from the whole campaign's needs
            self._use_plan(
                tailoring.cohort_plan(session, actor, self.campaign_id, courses[0].ref_id)
            )

    def _use_plan(self, plan: tailoring.CohortPlan) -> None:
        """The chosen course's modules; its suggested name replaces the name in the field
        unless the trainer has written one of their own."""
        self.module_choices = profile_view.module_choice_rows(plan.modules)
        if self.typed_name in ("", self.suggested_name):
            self.typed_name = plan.name
            self.name_key += 1
        self.suggested_name = plan.name

    @rx.event
    def load(self):
        self.campaign_id = self._param("campaign_id") or 0
        self.has_campaign, self.sections, self.needs, self.shown = False, [], [], False
        self.cohort_id, self.breakdown = 0, ""
        self._run(self._fill)

    @rx.event
    def apply_breakdown(self, form: dict):
        """Show one group's profile; the service refuses a split with a group too small."""
        self.breakdown = str(form.get("breakdown", ""))
        if not self._run(self._fill, at="breakdown"):
            self.breakdown = ""
            message = self.error
            self._run(self._fill)
            self._fail(message, at="breakdown", field="breakdown")

    @rx.event
    def close_campaign(self):
        def close(session, actor):
            campaigns.close_campaign(session, actor, self.campaign_id)
            self._fill(session, actor)

        self.breakdown = ""
        self._run(close, "Enkätomgången är stängd. Inga fler svar tas emot.", at="close")

    @rx.event
    def choose_course(self, value: str):
        self.chosen_course, self.module_choices = value, []
        if not value.isdigit():
            return

        def plan(session, actor):
            self._use_plan(tailoring.cohort_plan(session, actor, self.campaign_id, int(value)))

        self._run(plan, at="cohort")

    @rx.event
    def name_typed(self, value: str):
        self.typed_name = value.strip()

    @rx.event
    def create_cohort(self, form: dict):
        """The tailored cohort, then on to its page."""
        self.cohort_id = 0

        def create(session, actor):
            parsed = forms.cohort(form, [m.id for m in self.module_choices])
            self.cohort_id = tailoring.create_tailored_cohort(
                session,
                actor,
                self.campaign_id,
                course_id=parsed.course_id,
                name=parsed.name,
                starts_on=parsed.starts_on,
                ends_on=parsed.ends_on,
                required_module_ids=parsed.required_module_ids,
            )

        message = "Kursomgången är skapad och enhetens medarbetare är inskrivna."
        if self._run(create, message, at="cohort"):
            return rx.redirect(f"/utbildning/omgangar/{self.cohort_id}")
