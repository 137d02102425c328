"""The home page: a greeting and one card per next step."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.core.home import NextStep
from academy.core.web.session import SessionState
from academy.home.web.home_state import HomeState


def _step_card(step: NextStep) -> rx.Component:
    return rx.el.section(
        rx.el.h2(step.title),
        rx.el.p(step.text),
        rx.link(step.link_label, href=step.href),
        class_name="card",
    )


def home_page() -> rx.Component:
    return ui.page_shell(
        ui.page_title(
            rx.Var.create("Hej ").to(str) + SessionState.user_name + "!",
            "Det här är nästa steg för dig.",
        ),
        ui.message(HomeState, at="home"),
        rx.el.div(rx.foreach(HomeState.steps, _step_card), class_name="cards"),
    )
