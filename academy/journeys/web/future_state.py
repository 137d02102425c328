"""The editor's "Skapa önskat läge": copy the open current journey into a new future journey."""

from __future__ import annotations

import reflex as rx

from academy.core.web.base import BaseState
from academy.journeys.futures import create_future

AT_FUTURE = "future"


class JourneyFutureState(BaseState):
    @rx.event
    def create(self, journey_id: int):
        created: list[int] = []

        def act(session, actor) -> None:
            created.append(create_future(session, actor, int(journey_id)))

        if self._run(act, at=AT_FUTURE):
            return rx.redirect(f"/kundresor/{created[0]}")
        return None
