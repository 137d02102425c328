"""The home page's state: the next steps the areas suggest for the person's roles."""

from __future__ import annotations

import reflex as rx

from academy.core.home import NextStep
from academy.core.web.base import BaseState
from academy.home.steps import next_steps


class HomeState(BaseState):
    steps: list[NextStep] = []

    @rx.event
    def load(self):
        def load(session, actor):
            self.steps = next_steps(session, actor)

        if not self._run(load, at="home"):
            self.steps = []
