"""/inventering: surveys to answer; for trainers and admins also campaigns and templates."""

from __future__ import annotations

import reflex as rx

from academy.core.accounts import list_units
from academy.core.web.base import BaseState
from academy.inventory import campaigns, template_editing, templates
from academy.inventory.common import ANALYSTS, anonymity_threshold
from academy.inventory.web import forms, view


class InventoryState(BaseState):
    my_surveys: list[view.MySurveyRow] = []
    is_analyst: bool = False
    campaign_rows: list[view.CampaignRow] = []
    template_rows: list[view.TemplateRow] = []
    template_options: list[view.Option] = []
    source_options: list[view.Option] = []
    unit_options: list[view.Option] = []
    people: list[view.Person] = []
    chosen_unit: str = ""
    threshold: int = 5
    # The last send was refused for too few recipients: "Skicka ändå" is offered.
    few_recipients: bool = False

    def _refresh(self, session, actor) -> None:
        self.my_surveys = [view.my_survey_row(s) for s in campaigns.my_surveys(session, actor)]
        self.is_analyst = actor is not None and actor.has_any(*ANALYSTS)
        if not self.is_analyst:
            return
        self.threshold = anonymity_threshold()
        self.campaign_rows = [
            view.campaign_row(c) for c in campaigns.list_campaigns(session, actor)
        ]
        summaries = templates.list_templates(session, actor)
        self.template_rows = [
            view.TemplateRow(
                t.id,
                t.title,
                t.description,
                t.question_count,
                template_editing.campaigns_using(session, t.id),
            )
            for t in summaries
        ]
        self.template_options = [view.Option(str(t.id), t.title) for t in summaries]
        self.source_options = [view.Option("", "Tom mall")] + [
            view.Option(str(t.id), f"Kopia av {t.title}") for t in summaries
        ]
        self.unit_options = [view.Option(str(u.id), u.path) for u in list_units(session)]

    @rx.event
    def load(self):
        self.people, self.chosen_unit, self.few_recipients = [], "", False
        self._run(self._refresh)

    @rx.event
    def choose_unit(self, value: str):
        self.chosen_unit = value
        self.people, self.few_recipients = [], False
        if not value.isdigit():
            return

        def fetch(session, actor):
            self.people = [
                view.Person(uid, name)
                for uid, name in campaigns.list_unit_employees(session, actor, int(value))
            ]

        self._run(fetch, at="start")

    @rx.event
    def start_campaign(self, form: dict):
        def start(session, actor):
            parsed = forms.campaign(form, [p.id for p in self.people])
            try:
                campaigns.create_campaign(
                    session,
                    actor,
                    template_id=parsed.template_id,
                    unit_id=parsed.unit_id,
                    title=parsed.title,
                    opens_on=parsed.opens_on,
                    closes_on=parsed.closes_on,
                    user_ids=parsed.user_ids,
                    few_recipients_ok=parsed.few_recipients_ok,
                )
            except campaigns.FewRecipients:
                self.few_recipients = True  # the warning, and "Skicka ändå" beside it
                raise
            self._refresh(session, actor)

        if self._run(start, "Enkäten är skickad.", at="start"):
            self.people, self.chosen_unit, self.few_recipients = [], "", False
            self.form_key += 1

    @rx.event
    def new_template(self, form: dict):
        """A blank template or a copy of one, then on to the editor."""
        new_id = 0

        def create(session, actor):
            nonlocal new_id
            parsed = forms.new_template(form)
            if parsed.source_id is not None:
                new_id = template_editing.copy_template(
                    session, actor, parsed.source_id, title=parsed.title
                )
            else:
                new_id = template_editing.create_blank(
                    session, actor, title=parsed.title, description=parsed.description
                )

        if self._run(create, at="new-template"):
            return rx.redirect(f"/inventering/mallar/{new_id}")
