"""The login form."""

from __future__ import annotations

import reflex as rx

from academy.core import auth
from academy.core.db import session_scope
from academy.core.errors import ValidationError
from academy.core.web.session import SessionState


class LoginState(SessionState):
    error: str = ""

    @rx.event
    def open_login(self):
        """on_load of the login page: a user who is still logged in goes straight home."""
        user = self._actor()
        self._show_user(user)
        if user is not None:
            return rx.redirect("/")

    @rx.event
    def submit(self, form_data: dict):
        self.error = ""
        try:
            with session_scope() as session:
                try:
                    user = auth.authenticate(
                        session, form_data.get("email", ""), form_data.get("password", "")
                    )
                except auth.LoginRefused as refused:
                    # Keep the audit rows of a refusal: commit them, then report.
                    session.commit()
                    raise refused
                self.token = auth.start_session(session, user.id)
        except ValidationError as exc:
            self.error = exc.message
            return
        self.logged_out_notice = ""
        self._show_user(user)
        return rx.redirect("/")
