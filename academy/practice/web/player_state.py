"""The scenario player: one situation at a time, feedback after each choice, a summary at the end.

The path lives in the state as choice ids only; every event replays it on the server against the
stored scenario (so the browser cannot invent scores) and the finished attempt is saved.
"""

from __future__ import annotations

import reflex as rx

from academy.core.web.base import BaseState
from academy.practice import attempts
from academy.practice.play import PlayResult, available_choices
from academy.practice.scenario import Scenario
from academy.practice.web import view
from academy.practice.web.view import Answer, Progress, StepRow, SummaryRow
from academy.ui.bars import Bar

SAVED = "Ditt försök är sparat."


class PlayerState(BaseState):
    scenario_id: int = 0
    title: str = ""
    channel: str = ""
    situation: str = ""
    path_ids: list[str] = []
    journey_label: str = ""
    node_text: str = ""
    image_url: str = ""
    image_alt: str = ""
    answers: list[Answer] = []
    feedback: str = ""
    last_answer: str = ""
    finished: bool = False
    closing: str = ""
    summary: list[SummaryRow] = []
    summary_bars: list[Bar] = []
    steps: list[StepRow] = []
    step_number: int = 1
    progress: Progress = Progress()

    def _show(self, scenario: Scenario, result: PlayResult) -> None:
        """Show the scenario where `result` left it. A choice changes the step, not the
        scenario's title and situation: only what changed is sent to the browser again."""
        here = scenario.node(result.current_node)
        setting = scenario.setting
        self._set_changed(
            title=scenario.title,
            channel=setting.channel,
            situation=setting.situation,
            journey_label=setting.journey_label or setting.journey_step or "",
            node_text=here.text if here else "",
            image_url=view.image_url(self.scenario_id, here.image if here else None),
            image_alt=here.image_alt if here else "",
            answers=[
                Answer(c.id, c.text) for c in available_choices(scenario, result.current_node)
            ],
            step_number=len(result.choices) + 1,
            progress=view.progress(scenario, result),
            finished=result.reached_end,
            closing=result.end_node.closing if result.end_node else "",
            last_answer=result.choices[-1].text if result.choices else "",
            feedback=result.feedback[-1] if result.feedback else "",
            steps=view.step_rows(scenario, result),
            summary=view.summary_rows(scenario, result),
            summary_bars=view.summary_bars(scenario, result),
        )

    def _play(self, path: list[str], at: str) -> bool:
        def step(session, actor):
            scenario, result = attempts.play_path(session, actor, self.scenario_id, path)
            self.path_ids = path
            self._show(scenario, result)

        if not self._run(step, at=at):
            return False
        if self.finished:
            self._clear_messages("summary")
            self.notice = SAVED
        return True

    @rx.event
    def load(self):
        self.scenario_id = self._param("scenario_id") or 0
        if not self._play([], "page"):
            self.scenario_id = 0

    @rx.event
    def choose(self, choice_id: str):
        if self._play([*self.path_ids, choice_id], "play"):
            return rx.set_focus("situation")
        return None

    @rx.event
    def replay(self):
        self._play([], "summary")
        return rx.set_focus("situation")
