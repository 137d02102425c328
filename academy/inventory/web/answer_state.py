"""/inventering/[campaign_id]/svara: the person's own answers to one survey."""

from __future__ import annotations

import reflex as rx

from academy.core.web.base import BaseState
from academy.inventory import answering
from academy.inventory.campaigns import RESPONSE_LABELS
from academy.inventory.web import forms, view

# The message area beside "Spara utkast" / "Skicka in".
AT = "answers"


class AnswerState(BaseState):
    campaign_id: int = 0
    title: str = ""
    closes_on: str = ""
    status_text: str = ""
    can_answer: bool = False
    questions: list[view.QuestionField] = []
    intent: str = "draft"

    def _fill(self, session, actor) -> None:
        form = answering.get_form(session, actor, self.campaign_id)
        self.title, self.closes_on = form.title, form.closes_on.isoformat()
        self.status_text = RESPONSE_LABELS[form.status]
        self.can_answer = form.phase == "open" and form.status != "submitted"
        self.questions = view.question_fields(form.template, form.answers)
        self.form_key += 1

    @rx.event
    def load(self):
        self.campaign_id = self._param("campaign_id") or 0
        self.questions, self.title = [], ""
        self._run(self._fill)

    @rx.event
    def set_intent(self, intent: str):
        self.intent = "submit" if intent == "submit" else "draft"

    @rx.event
    def save(self, form: dict):
        submit = self.intent == "submit"
        self.intent = "draft"
        raw = forms.answers(form, self.questions)

        def save(session, actor):
            answering.save_answers(session, actor, self.campaign_id, raw, submit=submit)
            self._fill(session, actor)

        message = "Tack! Dina svar är inskickade." if submit else "Utkastet är sparat."
        self._run(save, message, at=AT)
