"""The audit log page: the latest security events, for administrators only."""

from __future__ import annotations

import reflex as rx

from academy.admin.web import view
from academy.core import audit
from academy.core.web.base import BaseState


class AuditState(BaseState):
    events: list[view.EventView] = []

    @rx.event
    def load(self):
        def load(session, actor):
            self.events = [view.event_view(row) for row in audit.list_events(session, actor)]

        if not self._run(load, at="audit"):
            self.events = []
