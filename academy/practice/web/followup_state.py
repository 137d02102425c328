"""State of the follow-up page: one cohort, one scenario; the trainer's view of the practice."""

from __future__ import annotations

import reflex as rx

from academy.core.errors import AccessDenied
from academy.core.web.base import BaseState
from academy.practice import followup, scenarios
from academy.practice.common import followed_cohorts
from academy.practice.roleplays import cohort_observations
from academy.practice.web import activity_view, forms, view
from academy.practice.web.activity_view import (
    ActivityRow,
    PathRow,
    PopularRow,
    RatingRow,
    ResultRow,
)
from academy.ui.bars import Bar

FOR_TRAINERS = "Uppföljningen är till för utbildare."
MY_ATTEMPTS = "/traning/mina-forsok"  # where a learner follows their own practice


class FollowUpState(BaseState):
    cohort_options: list[dict[str, str]] = []
    scenario_options: list[dict[str, str]] = []
    cohort_id: str = ""
    scenario_id: str = ""
    shown: bool = False
    heading: str = ""
    results: list[ResultRow] = []
    result_bars: list[Bar] = []
    popular: list[PopularRow] = []
    paths: list[PathRow] = []
    ratings: list[RatingRow] = []
    activity: list[ActivityRow] = []

    @rx.event
    def load(self):
        """Trainers choose a cohort; a learner is taken to their own attempts instead."""
        self.shown = False
        learner: list[bool] = []

        def load(session, actor):
            if not scenarios.can_author(actor):
                learner.append(True)
                raise AccessDenied(FOR_TRAINERS)
            self.cohort_options = view.options(followed_cohorts(session, actor))
            self.scenario_options = view.options(
                (row.id, row.title) for row in scenarios.list_scenarios(session, actor)
            )

        if self._run(load, at="page"):
            return None
        self.cohort_options, self.scenario_options = [], []
        if learner:
            self._clear_messages()
            return rx.redirect(MY_ATTEMPTS)
        return None

    @rx.event
    def show(self, form_data: dict):
        self.shown = False

        def show(session, actor):
            cohort_id, scenario_id = forms.followup_choice(form_data)
            result = followup.scenario_followup(session, actor, cohort_id, scenario_id)
            observations = cohort_observations(session, actor, cohort_id)
            activity = followup.log_activity(session, actor, cohort_id)
            self.cohort_id, self.scenario_id = str(cohort_id), str(scenario_id)
            self.heading = f"{result.scenario_title} – {result.cohort_name}"
            self.results = activity_view.result_rows(result.dimensions)
            self.result_bars = activity_view.result_bars(result.dimensions)
            self.popular = activity_view.popular_rows(result.popular)
            self.paths = activity_view.path_rows(result.paths)
            self.ratings = [r for o in observations for r in activity_view.rating_rows(o)]
            self.activity = activity_view.activity_rows(activity)
            self.shown = True

        self._run(show, at="followup")
