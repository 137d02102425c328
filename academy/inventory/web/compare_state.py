"""/inventering/[campaign_id]/jamfor: change per question and topic against another campaign."""

from __future__ import annotations

import reflex as rx

from academy.core.web.base import BaseState
from academy.inventory import campaigns, profile
from academy.inventory.web import forms, profile_view, view
from academy.ui.bars import Bar


class CompareState(BaseState):
    campaign_id: int = 0
    title: str = ""
    others: list[view.Option] = []
    question_rows: list[profile_view.ChangeRow] = []
    topic_rows: list[profile_view.ChangeRow] = []
    topic_bars: list[Bar] = []
    heading: str = ""

    @rx.event
    def load(self):
        self.campaign_id = self._param("campaign_id") or 0
        self.question_rows, self.topic_rows, self.topic_bars, self.heading = [], [], [], ""

        def fill(session, actor):
            summary = campaigns.get_campaign(session, actor, self.campaign_id)
            self.title = summary.title
            self.others = view.campaign_options(
                campaigns.list_campaigns(session, actor, unit_id=summary.unit_id),
                but=self.campaign_id,
            )

        self._run(fill)

    @rx.event
    def compare(self, form: dict):
        self.question_rows, self.topic_rows, self.topic_bars, self.heading = [], [], [], ""

        def run(session, actor):
            other = forms.chosen_id(form, "other", "Välj en enkätomgång att jämföra med.")
            result = profile.compare_campaigns(session, actor, other, self.campaign_id)
            self.heading = f"{result.before.title} jämfört med {result.after.title}"
            self.question_rows = profile_view.change_rows(result.questions)
            self.topic_rows = profile_view.change_rows(result.topics)
            self.topic_bars = profile_view.change_bars(result.topics)

        self._run(run, at="compare")
