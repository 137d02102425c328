"""Byt lösenord (`/byt-losenord`): the person replaces their password; required first after an
admin chose it."""

from __future__ import annotations

import reflex as rx

from academy import ui
from academy.core.passwords import ADVICE
from academy.core.web.login_state import PASSWORD_FORM, PasswordState


def password_page() -> rx.Component:
    errors = PasswordState.field_errors
    return ui.page_shell(
        ui.page_title("Byt lösenord"),
        rx.cond(
            PasswordState.must_change,
            rx.el.p(
                "Du har fått ett engångslösenord av en administratör. Välj ett eget lösenord "
                "innan du fortsätter.",
                class_name="msg info",
                role="status",
            ),
        ),
        ui.form(
            ui.text_field(
                "Nuvarande lösenord",
                "current",
                type_="password",
                required=True,
                autocomplete="current-password",
                error=errors.get("current", ""),
            ),
            ui.text_field(
                "Nytt lösenord",
                "password",
                type_="password",
                required=True,
                autocomplete="new-password",
                hint="Minst 10 tecken och svårt att gissa. " + ADVICE,
                error=errors.get("password", ""),
            ),
            ui.text_field(
                "Nytt lösenord igen",
                "repeat",
                type_="password",
                required=True,
                autocomplete="new-password",
                error=errors.get("repeat", ""),
            ),
            ui.message(PasswordState, at=PASSWORD_FORM),
            ui.submit("Byt lösenord"),
            on_submit=PasswordState.change,
            key=PasswordState.form_key,
            reset_on_submit=False,
            aria_label="Byt lösenord",
            pending="Byter lösenord …",
            done=PasswordState.answered,
        ),
    )
