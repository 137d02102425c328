"""State of the practice log: my entries (with feedback), sharing, and entries to review."""

from __future__ import annotations

from datetime import date

import reflex as rx

from academy.core.web.base import BaseState
from academy.practice import practice_log
from academy.practice.web import activity_view, forms
from academy.practice.web.activity_view import EntryView


class PracticeLogState(BaseState):
    entries: list[EntryView] = []
    to_review: list[EntryView] = []
    today: str = ""

    def _reload(self, session, actor) -> None:
        self.entries = [
            activity_view.entry_view(e) for e in practice_log.my_entries(session, actor)
        ]
        self.to_review = [
            activity_view.entry_view(e) for e in practice_log.entries_to_review(session, actor)
        ]

    @rx.event
    def load(self):
        self.today = date.today().isoformat()
        if not self._run(self._reload, at="page"):
            self.entries, self.to_review = [], []

    @rx.event
    def add(self, form_data: dict):
        def add(session, actor):
            entry = forms.log_entry(form_data)
            practice_log.add_entry(
                session,
                actor,
                happened_on=entry.happened_on,
                channel=entry.channel,
                errand_kind=entry.errand_kind,
                tried=entry.tried,
                outcome=entry.outcome,
                went_well=entry.went_well,
                do_differently=entry.do_differently,
            )
            self._reload(session, actor)

        if self._run(add, "Loggposten är sparad.", at="log-form"):
            self.form_key += 1

    @rx.event
    def share(self, form_data: dict):
        at = "share-" + str(form_data.get("entry_id", ""))

        def share(session, actor):
            entry_id = forms.entry_id(form_data)
            practice_log.share_entry(session, actor, entry_id, form_data.get("email", ""))
            self._reload(session, actor)

        self._run(share, "Loggposten är delad; kollegan kan nu ge återkoppling.", at=at)

    @rx.event
    def give_feedback(self, form_data: dict):
        at = "feedback-" + str(form_data.get("entry_id", ""))

        def give(session, actor):
            entry_id = forms.entry_id(form_data)
            practice_log.add_feedback(session, actor, entry_id, form_data.get("text", ""))
            self._reload(session, actor)

        if self._run(give, "Återkopplingen är sparad.", at=at):
            self.form_key += 1
