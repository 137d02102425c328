"""The login form (`/logga-in`)."""

from __future__ import annotations

import reflex as rx

from academy.core import auth
from academy.core.web.base import BaseState

FORM = "login"


class LoginState(BaseState):
    @rx.event
    def open_login(self):
        """on_load of the login page: a user who is still logged in goes straight home."""
        user = self._actor()
        self._show_user(user)
        if user is not None:
            return rx.redirect("/")

    @rx.event
    def submit(self, form_data: dict):
        found = []

        def log_in(session, _nobody):
            try:
                user = auth.authenticate(
                    session, form_data.get("email", ""), form_data.get("password", "")
                )
            except auth.LoginRefused:
                session.commit()  # a refusal's audit rows stay: they drive the lock-out
                raise
            self.token = auth.start_session(session, user.id)
            found.append(user)

        if not self._run(log_in, at=FORM, login=False):
            return
        self.logged_out_notice = ""
        self._show_user(found[0])
        return rx.redirect("/")
