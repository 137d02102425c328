"""/kundresor/[journey_id]/jamfor: a future journey (önskat läge) against its current one."""

from __future__ import annotations

import reflex as rx

from academy.core.errors import ValidationError
from academy.core.web.base import BaseState
from academy.journeys import store
from academy.journeys.web import view
from journeys.report import compare

NOT_LINKED = "Kundresan är inte kopplad till något nuläge att jämföra med."
# Both diagrams are drawn at this one scale, so a step's size means the same in both.
COMPARE_ZOOM = 0.75


class JourneyCompareState(BaseState):
    journey_id: int = 0
    current_id: int = 0
    current_title: str = ""
    future_title: str = ""
    current_svg: str = ""
    future_svg: str = ""
    rows: list[view.CompareRow] = []
    added: str = ""
    removed: str = ""
    changed: str = ""

    def _compare(self, session, actor) -> None:
        future = store.get_journey(session, actor, self.journey_id)
        if future.current_journey_id is None:
            raise ValidationError(NOT_LINKED)
        current = store.get_journey(session, actor, future.current_journey_id)
        self.current_id = current.id
        self.current_title, self.future_title = current.journey.title, future.journey.title
        result = compare(current.journey, future.journey)
        marks = view.comparison_marks(result)
        # The current diagram shows what goes away, the future one what is new; both the changes.
        self.current_svg = view.svg_markup(
            current.journey, {k: v for k, v in marks.items() if v != "added"}
        )
        self.future_svg = view.svg_markup(
            future.journey, {k: v for k, v in marks.items() if v != "removed"}
        )
        self.rows = view.comparison_rows(result, current.journey, future.journey)
        texts = view.step_texts(current.journey, future.journey)
        self.added = view.step_names(result["steps_added"], texts)
        self.removed = view.step_names(result["steps_removed"], texts)
        self.changed = view.step_names(result["steps_changed"], texts)

    @rx.event
    def load(self):
        self.rows = []
        self.journey_id = self._param("journey_id") or 0
        if not self._run(self._compare, at="page"):
            self.rows = []
