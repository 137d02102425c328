"""/inventering/[campaign_id]: the behovsprofil, breakdowns, closing, the tailored cohort."""

from __future__ import annotations

import reflex as rx

from academy.core.web.base import BaseState
from academy.courses.authoring import list_courses
from academy.inventory import campaigns, profile
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
    suggested_course: str = ""
    suggested_name: str = ""
    focus_modules: list[str] = []
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
        courses = [r for r in result.recommendations if r.kind == "course"]
        self.suggested_course = str(courses[0].ref_id) if courses else ""
        self.focus_modules = [
            r.title for r in result.recommendations if courses and r.course_id == courses[0].ref_id
        ]
        self.course_options = [
            view.Option(str(c.id), c.title)
            for c in list_courses(session, actor)
            if c.status == "published"
        ]
        self.suggested_name = f"{courses[0].title} – {result.campaign.unit_name}" if courses else ""
        self.form_key += 1

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
    def create_cohort(self, form: dict):
        def create(session, actor):
            parsed = forms.cohort(form)
            self.cohort_id = profile.create_tailored_cohort(
                session,
                actor,
                self.campaign_id,
                course_id=parsed.course_id,
                name=parsed.name,
                starts_on=parsed.starts_on,
                ends_on=parsed.ends_on,
            )

        self._run(
            create, "Kursomgången är skapad och enhetens medarbetare är inskrivna.", at="cohort"
        )
