"""State of the practice log: my entries (with feedback), sharing, and entries to review."""

from __future__ import annotations

from datetime import date

import reflex as rx

from academy.core.db import session_scope
from academy.core.errors import ServiceError
from academy.core.web.session import SessionState
from academy.practice import practice_log
from academy.practice.practice_log import LogEntry


def _entry_dict(entry: LogEntry) -> dict:
    return {
        "id": str(entry.id),
        "user": entry.user_name,
        "date": entry.happened_on.isoformat(),
        "channel": entry.channel,
        "errand_kind": entry.errand_kind,
        "tried": entry.tried,
        "outcome": entry.outcome,
        "went_well": entry.went_well or "–",
        "do_differently": entry.do_differently or "–",
        "shared_with": ", ".join(entry.shared_with),
        "feedback": [
            {"author": f.author, "text": f.text, "when": f.created_at.strftime("%Y-%m-%d")}
            for f in entry.feedback
        ],
        "awaiting": "Väntar på återkoppling" if not entry.feedback else "",
    }


class PracticeLogState(SessionState):
    entries: list[dict] = []
    to_review: list[dict] = []
    error: str = ""
    notice: str = ""
    form_key: int = 0
    today: str = ""

    def _reload(self) -> None:
        with session_scope() as session:
            actor = self._actor()
            self.entries = [_entry_dict(e) for e in practice_log.my_entries(session, actor)]
            self.to_review = [
                _entry_dict(e) for e in practice_log.entries_to_review(session, actor)
            ]

    @rx.event
    def load(self):
        self.error = self.notice = ""
        self.today = date.today().isoformat()
        try:
            self._reload()
        except ServiceError as exc:
            self.entries, self.to_review, self.error = [], [], exc.message

    @rx.event
    def add(self, form_data: dict):
        self.error = self.notice = ""
        try:
            happened_on = date.fromisoformat(form_data.get("date", ""))
        except ValueError:
            self.error = "Ange datumet som ÅÅÅÅ-MM-DD. Inget har sparats."
            return
        try:
            with session_scope() as session:
                practice_log.add_entry(
                    session,
                    self._actor(),
                    happened_on=happened_on,
                    channel=form_data.get("channel", ""),
                    errand_kind=form_data.get("errand_kind", ""),
                    tried=form_data.get("tried", ""),
                    outcome=form_data.get("outcome", ""),
                    went_well=form_data.get("went_well", ""),
                    do_differently=form_data.get("do_differently", ""),
                )
            self._reload()
        except ServiceError as exc:
            self.error = exc.message
            return
        self.notice = "Loggposten är sparad."
        self.form_key += 1

    @rx.event
    def share(self, form_data: dict):
        self.error = self.notice = ""
        try:
            with session_scope() as session:
                practice_log.share_entry(
                    session,
                    self._actor(),
                    int(form_data.get("entry_id", "0") or 0),
                    form_data.get("email", ""),
                )
            self._reload()
        except ServiceError as exc:
            self.error = exc.message
            return
        self.notice = "Loggposten är delad; kollegan kan nu ge återkoppling."

    @rx.event
    def give_feedback(self, form_data: dict):
        self.error = self.notice = ""
        try:
            with session_scope() as session:
                practice_log.add_feedback(
                    session,
                    self._actor(),
                    int(form_data.get("entry_id", "0") or 0),
                    form_data.get("text", ""),
                )
            self._reload()
        except ServiceError as exc:
            self.error = exc.message
            return
        self.notice = "Återkopplingen är sparad."
        self.form_key += 1
