"""State of the follow-up page: one cohort, one scenario; the trainer's view of the practice."""

from __future__ import annotations

import reflex as rx

from academy.core.db import session_scope
from academy.core.errors import ServiceError
from academy.core.web.session import SessionState
from academy.practice import followup, scenarios
from academy.practice.common import followed_cohorts
from academy.practice.roleplays import RATING_LABELS, cohort_observations


def _number(value: float) -> str:
    return f"{value:+.2f}".replace(".", ",")


class FollowUpState(SessionState):
    cohort_options: list[dict[str, str]] = []
    scenario_options: list[dict[str, str]] = []
    cohort_id: str = ""
    scenario_id: str = ""
    shown: bool = False
    heading: str = ""
    dimensions: list[dict[str, str]] = []
    popular: list[dict[str, str]] = []
    paths: list[dict[str, str]] = []
    ratings: list[dict[str, str]] = []
    activity: list[dict[str, str]] = []
    error: str = ""

    @rx.event
    def load(self):
        self.error, self.shown = "", False
        try:
            with session_scope() as session:
                actor = self._actor()
                if not scenarios.can_author(actor):
                    self.cohort_options, self.scenario_options = [], []
                    self.error = "Uppföljningen är till för utbildare."
                    return
                self.cohort_options = [
                    {"value": str(cid), "label": name}
                    for cid, name in followed_cohorts(session, actor)
                ]
                self.scenario_options = [
                    {"value": str(row.id), "label": row.title}
                    for row in scenarios.list_scenarios(session, actor)
                ]
        except ServiceError as exc:
            self.error = exc.message

    @rx.event
    def show(self, form_data: dict):
        self.error, self.shown = "", False
        cohort, scenario = form_data.get("cohort", ""), form_data.get("scenario", "")
        if not (cohort.isdigit() and scenario.isdigit()):
            self.error = "Välj kursomgång och scenario."
            return
        try:
            with session_scope() as session:
                actor = self._actor()
                result = followup.scenario_followup(session, actor, int(cohort), int(scenario))
                observations = cohort_observations(session, actor, int(cohort))
                activity = followup.log_activity(session, actor, int(cohort))
        except ServiceError as exc:
            self.error = exc.message
            return
        self.cohort_id, self.scenario_id = cohort, scenario
        self.heading = f"{result.scenario_title} – {result.cohort_name}"
        largest = max((abs(d.average) for d in result.dimensions), default=0) or 1
        self.dimensions = [
            {
                "dimension": d.dimension,
                "average": _number(d.average),
                "attempts": str(d.attempts),
                "width": f"{round(abs(d.average) / largest * 100)}%",
                "sign": "negative" if d.average < 0 else "positive",
            }
            for d in result.dimensions
        ]
        self.popular = [
            {
                "node": p.node_id,
                "situation": p.node_text,
                "choice": p.choice_text,
                "share": f"{p.times} av {p.of}",
            }
            for p in result.popular
        ]
        self.paths = [
            {
                "name": p.name,
                "when": p.when,
                "path": p.path,
                "totals": p.totals,
                "end": "Ja" if p.reached_end else "Nej",
            }
            for p in result.paths
        ]
        self.ratings = [
            {
                "participant": o.participant,
                "card": o.card_title,
                "observer": o.observer,
                "statement": r["statement"],
                "rating": RATING_LABELS.get(r["rating"], str(r["rating"])),
                "comment": r["comment"] or "–",
            }
            for o in observations
            for r in o.ratings
        ]
        self.activity = [
            {
                "name": a.name,
                "entries": str(a.entries),
                "with_feedback": str(a.with_feedback),
                "latest": a.latest,
            }
            for a in activity
        ]
        self.shown = True
