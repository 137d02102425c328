"""The scenario player: one situation at a time, feedback after each choice, a summary at the end.

The path lives in the state as choice ids only; every event replays it on the server against the
stored scenario (so the browser cannot invent scores) and the finished attempt is saved.
"""

from __future__ import annotations

import reflex as rx

from academy.core.db import session_scope
from academy.core.errors import ServiceError
from academy.core.web.session import SessionState
from academy.practice import attempts, scenarios
from academy.practice.play import PlayError, PlayResult, available_choices, play
from academy.practice.scenario import Scenario
from academy.practice.web.scenario_state import image_url

FOCUS_SITUATION = "document.getElementById('situation')?.focus()"


class PlayerState(SessionState):
    scenario_id: int = 0
    title: str = ""
    channel: str = ""
    situation: str = ""
    path_ids: list[str] = []
    journey_label: str = ""
    node_text: str = ""
    image_url: str = ""
    image_alt: str = ""
    options: list[dict[str, str]] = []
    feedback: str = ""
    last_answer: str = ""
    finished: bool = False
    closing: str = ""
    summary: list[dict[str, str]] = []
    steps: list[dict[str, str]] = []
    step_number: int = 1
    error: str = ""
    saved: str = ""

    def _route_id(self) -> int:
        raw = self.router.page.params.get("scenario_id", "")
        return int(raw) if str(raw).isdigit() else 0

    def _scenario(self, session) -> Scenario:
        return scenarios.get_scenario(session, self._actor(), self.scenario_id).scenario

    def _show(self, scenario: Scenario, result: PlayResult) -> None:
        here = scenario.node(result.current_node)
        self.title = scenario.title
        self.channel = scenario.setting.channel
        self.situation = scenario.setting.situation
        self.journey_label = scenario.setting.journey_label or scenario.setting.journey_step or ""
        self.node_text = here.text if here else ""
        self.image_url = image_url(self.scenario_id, here.image if here else None)
        self.image_alt = here.image_alt if here else ""
        self.options = [
            {"id": c.id, "text": c.text} for c in available_choices(scenario, result.current_node)
        ]
        self.step_number = len(result.choices) + 1
        self.finished = result.reached_end
        self.closing = result.end_node.closing if result.end_node else ""
        self.last_answer = result.choices[-1].text if result.choices else ""
        self.feedback = result.feedback[-1] if result.feedback else ""
        self.steps = [
            {
                "number": str(i),
                "situation": scenario.node(node_id).text if scenario.node(node_id) else "",
                "answer": choice.text,
                "feedback": choice.feedback,
                "scores": ", ".join(f"{d} {s:+d}" for d, s in choice.scores.items() if s) or "±0",
            }
            for i, (node_id, choice) in enumerate(
                zip(result.path[:-1], result.choices, strict=True), start=1
            )
        ]
        self.summary = [
            {
                "dimension": d,
                "total": f"{result.totals[d]:+d}",
                "range": f"{result.worst_possible[d]:+d} till {result.best_possible[d]:+d}",
                "percent": f"{round(result.normalised[d] * 100)} %",
                "width": f"{round(result.normalised[d] * 100)}%",
            }
            for d in scenario.dimensions
        ]

    @rx.event
    def load(self):
        self.scenario_id = self._route_id()
        self.path_ids, self.error, self.saved = [], "", ""
        try:
            with session_scope() as session:
                scenario = self._scenario(session)
                self._show(scenario, play(scenario, []))
        except (ServiceError, PlayError) as exc:
            self.scenario_id = 0
            self.error = getattr(exc, "message", str(exc))

    @rx.event
    def choose(self, choice_id: str):
        self.error = ""
        path = [*self.path_ids, choice_id]
        try:
            with session_scope() as session:
                scenario = self._scenario(session)
                result = play(scenario, path)
                if result.reached_end:
                    attempts.save_attempt(session, self._actor(), self.scenario_id, path)
        except PlayError as exc:
            self.error = str(exc)
            return None
        except ServiceError as exc:
            self.error = exc.message
            return None
        self.path_ids = path
        self._show(scenario, result)
        self.saved = "Ditt försök är sparat." if result.reached_end else ""
        return rx.call_script(FOCUS_SITUATION)

    @rx.event
    def replay(self):
        self.load()
        return rx.call_script(FOCUS_SITUATION)
