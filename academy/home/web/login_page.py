"""The login page (`/logga-in`); its state is core's LoginState."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.core.web.login_state import FORM, LoginState
from academy.core.web.session import SessionState


def handoff_form() -> rx.Component:
    """Posts the one-time code of a login just opened to the route that sets the cookie.

    kit.js submits it as soon as it appears (`data-autosubmit`); without scripts the button
    does the same."""
    return rx.cond(
        LoginState.handoff != "",
        ui.post_form(
            rx.el.input(type="hidden", name="code", value=LoginState.handoff),
            rx.el.p("Du loggas in …"),
            rx.el.button("Fortsätt", type="submit", class_name="button"),
            action="/api/inloggning",
            id="login-handoff",
            custom_attrs={"data-autosubmit": "once"},
        ),
    )


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
            pending="Loggar in …",
            done=LoginState.answered,
        ),
        handoff_form(),
    )
