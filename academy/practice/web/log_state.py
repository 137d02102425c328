"""State of the practice log: my entries (with feedback), sharing, and entries to review."""

from __future__ import annotations

from datetime import date

import reflex as rx

from academy.core.web.base import BaseState
from academy.practice import practice_log
from academy.practice.web import activity_view, forms
from academy.practice.web.activity_view import EntryView

SHARED = (
    "Loggposten är delad med {address}. Har adressen ett konto i Serviceakademin kan den "
    "personen nu läsa posten och ge dig återkoppling."
)


class PracticeLogState(BaseState):
    entries: list[EntryView] = []
    to_review: list[EntryView] = []
    today: str = ""
    editing: int = 0  # the id of the entry whose edit form is open
    # Renews the new entry's form once it is saved (a save elsewhere leaves it as it is).
    entry_key: int = 0

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
        self.editing = 0
        if not self._run(self._reload, at="page"):
            self.entries, self.to_review = [], []

    @rx.event
    def add(self, form_data: dict):
        def add(session, actor):
            practice_log.add_entry(session, actor, **forms.log_entry(form_data).fields())
            self._reload(session, actor)

        if self._run(add, "Loggposten är sparad.", at="log-form"):
            self.entry_key += 1

    @rx.event
    def start_edit(self, entry_id: int):
        self._clear_messages()
        self.editing = entry_id

    @rx.event
    def cancel_edit(self):
        self._clear_messages()
        self.editing = 0

    @rx.event
    def save_edit(self, form_data: dict):
        key = str(form_data.get("entry_id", ""))

        def save(session, actor):
            entry_id = forms.entry_id(form_data)
            fields = forms.log_entry(form_data).fields()
            practice_log.update_entry(session, actor, entry_id, **fields)
            self._reload(session, actor)

        if self._run(save, "Loggposten är ändrad.", at="edit-" + key):
            self.message_at = "entry-" + key  # the form closes; the message stays at the entry
            self.editing = 0

    @rx.event
    def delete(self, entry_id: int):
        def delete(session, actor):
            practice_log.delete_entry(session, actor, entry_id)
            self._reload(session, actor)

        if self._run(delete, "Loggposten är borttagen.", at="entries"):
            self.editing = 0

    @rx.event
    def share(self, form_data: dict):
        at = "share-" + str(form_data.get("entry_id", ""))

        shared: list[str] = []

        def share(session, actor):
            entry_id = forms.entry_id(form_data)
            address = form_data.get("email", "")
            shared.append(practice_log.share_entry(session, actor, entry_id, address))
            self._reload(session, actor)

        if self._run(share, at=at):
            self.notice = SHARED.format(address=shared[0])

    @rx.event
    def give_feedback(self, form_data: dict):
        at = "feedback-" + str(form_data.get("entry_id", ""))

        def give(session, actor):
            entry_id = forms.entry_id(form_data)
            practice_log.add_feedback(session, actor, entry_id, form_data.get("text", ""))
            self._reload(session, actor)

        self._run(give, "Återkopplingen är sparad.", at=at)
