"""The login page (`/logga-in`); its state is core's LoginState."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.core.web.login_state import FORM, LoginState
from academy.core.web.session import SessionState


def login_page() -> rx.Component:
    return ui.public_shell(
        ui.page_title("Logga in", "Serviceakademin – utbildning och träning i bemötande."),
        ui.text_message(SessionState.logged_out_notice, "info"),
        ui.form(
            ui.text_field("E-post", "email", type_="email", required=True, autocomplete="username"),
            ui.text_field(
                "Lösenord",
                "password",
                type_="password",
                required=True,
                autocomplete="current-password",
            ),
            ui.message(LoginState, at=FORM),
            ui.submit("Logga in"),
            on_submit=LoginState.submit,
            reset_on_submit=False,
            aria_label="Logga in",
        ),
    )
