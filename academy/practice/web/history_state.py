"""State of "Mina försök": the learner's own scenario attempts, newest first."""

from __future__ import annotations

import reflex as rx

from academy.core.web.base import BaseState
from academy.practice import attempts
from academy.practice.web import activity_view
from academy.practice.web.activity_view import HistoryRow


class HistoryState(BaseState):
    rows: list[HistoryRow] = []

    @rx.event
    def load(self):
        def load(session, actor):
            self.rows = activity_view.history_rows(attempts.my_history(session, actor))

        if not self._run(load, at="page"):
            self.rows = []
