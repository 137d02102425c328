"""Which Träning pages the navigation offers: only those the person's roles can use.

Display only: every page's loader and service checks the role again on the server."""

from __future__ import annotations

import reflex as rx

from academy.core.web.session import SessionState
from academy.practice.common import AUTHORS


class PracticeNavState(SessionState):
    can_follow_up: bool = False

    @rx.event
    def load(self):
        user = self._actor()
        self.can_follow_up = user is not None and user.has_any(*AUTHORS)
