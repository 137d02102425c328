"""The login held by each browser tab, and the role checks every other state builds on.

Every state that reads or changes data subclasses `SessionState` and asks `self._actor()` for the
user on each event: the server resolves the login token anew, so roles are never trusted from the
browser and an idle or revoked login stops working at once.
"""

from __future__ import annotations

import reflex as rx

from academy.core import auth
from academy.core.access import AREA_ROLES, ROLE_LABELS, CurrentUser
from academy.core.db import session_scope

LOGIN_ROUTE = "/logga-in"
PASSWORD_ROUTE = "/byt-losenord"


class SessionState(rx.State):
    token: str = rx.Cookie("", name="sa_session", same_site="strict", max_age=12 * 3600)
    user_name: str = ""
    user_email: str = ""
    role_labels: str = ""
    allowed_areas: list[str] = []
    auth_checked: bool = False
    logged_out_notice: str = ""

    def _actor(self) -> CurrentUser | None:
        with session_scope() as session:
            return auth.resolve_session(session, self.token)

    def _show_user(self, user: CurrentUser | None) -> None:
        self.auth_checked = True
        if user is None:
            self.user_name = self.user_email = self.role_labels = ""
            self.allowed_areas = []
            return
        self.user_name, self.user_email = user.name, user.email
        self.role_labels = ", ".join(
            label for role, label in ROLE_LABELS.items() if role in user.roles
        )
        self.allowed_areas = [area for area, roles in AREA_ROLES.items() if user.has_any(*roles)]

    @rx.event
    def require_login(self):
        """on_load of every page behind the login: send strangers to the login page."""
        had_token = bool(self.token)
        user = self._actor()
        self._show_user(user)
        if user is None:
            if had_token:
                self.token = ""
                self.logged_out_notice = "Du har loggats ut. Logga in igen för att fortsätta."
            return rx.redirect(LOGIN_ROUTE)
        if user.must_change_password and self.router.url.path.rstrip("/") != PASSWORD_ROUTE:
            # A one-time password from an admin: the person picks their own before anything else.
            return rx.redirect(PASSWORD_ROUTE)

    @rx.event
    def logout(self):
        if self.token:
            with session_scope() as session:
                auth.end_session(session, self.token)
        self.token = ""
        self._show_user(None)
        self.logged_out_notice = "Du är utloggad."
        return rx.redirect(LOGIN_ROUTE)
