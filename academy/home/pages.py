"""Login page, home page and the landing pages of the areas."""

from __future__ import annotations

from dataclasses import asdict

import reflex as rx

from academy.core.db import session_scope
from academy.core.home import next_steps
from academy.core.web.login_state import LoginState
from academy.core.web.session import SessionState
from academy.ui.forms import message, text_field
from academy.ui.layout import page_shell, public_shell


class HomeState(SessionState):
    steps: list[dict[str, str]] = []

    @rx.event
    def load(self):
        user = self._actor()
        if user is None:
            self.steps = []
            return
        with session_scope() as session:
            self.steps = [asdict(step) for step in next_steps(session, user)]


def login_page() -> rx.Component:
    return public_shell(
        rx.heading("Logga in", as_="h1", size="7"),
        rx.text("Serviceakademin – utbildning och träning i bemötande.", class_name="muted"),
        message(SessionState.logged_out_notice, "info"),
        message(LoginState.error, "error"),
        rx.form(
            text_field("E-post", "email", type_="email", required=True, autocomplete="username"),
            text_field(
                "Lösenord",
                "password",
                type_="password",
                required=True,
                autocomplete="current-password",
            ),
            rx.el.button("Logga in", type="submit", class_name="button primary"),
            on_submit=LoginState.submit,
            reset_on_submit=False,
            class_name="form",
            aria_label="Logga in",
        ),
    )


def _step_card(step: dict) -> rx.Component:
    return rx.el.section(
        rx.heading(step["title"], as_="h2", size="4"),
        rx.text(step["text"]),
        rx.link(step["link_label"], href=step["href"]),
        class_name="card",
    )


def home_page() -> rx.Component:
    return page_shell(
        rx.heading("Hej ", SessionState.user_name, "!", as_="h1", size="7"),
        rx.text("Det här är nästa steg för dig.", class_name="muted"),
        rx.el.div(rx.foreach(HomeState.steps, _step_card), class_name="cards"),
    )
