"""/kundresor/[journey_id]/jamfor: a future journey (önskat läge) beside its current one."""

from __future__ import annotations

import reflex as rx

from academy.core.errors import ValidationError
from academy.core.web.base import BaseState
from academy.journeys import store
from academy.journeys.web import view
from journeys.report import compare

NOT_LINKED = "Kundresan är inte kopplad till något nuläge att jämföra med."


class JourneyCompareState(BaseState):
    journey_id: int = 0
    current_title: str = ""
    future_title: str = ""
    current_svg: str = ""
    future_svg: str = ""
    rows: list[view.CompareRow] = []
    added: str = ""
    removed: str = ""

    def _compare(self, session, actor) -> None:
        future = store.get_journey(session, actor, self.journey_id)
        if future.current_journey_id is None:
            raise ValidationError(NOT_LINKED)
        current = store.get_journey(session, actor, future.current_journey_id)
        self.current_title, self.future_title = current.journey.title, future.journey.title
        self.current_svg = view.svg_markup(current.journey)
        self.future_svg = view.svg_markup(future.journey)
        result = compare(current.journey, future.journey)
        self.rows = view.comparison_rows(result)
        self.added = view.step_names(result["steps_added"])
        self.removed = view.step_names(result["steps_removed"])

    @rx.event
    def load(self):
        self.rows = []
        self.journey_id = self._param("journey_id") or 0
        if not self._run(self._compare, at="page"):
            self.rows = []
