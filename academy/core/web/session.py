"""The login held by each browser tab, and the role checks every other state builds on.

Every state that reads or changes data subclasses `SessionState` and asks `self._actor()` for the
user on each event: the server resolves the login token anew, so roles are never trusted from the
browser and an idle or revoked login stops working at once.

The login token lives only in the HttpOnly cookie `sa_session` (academy.core.web.cookies): the
server reads it from the `Cookie` header of the websocket connection, which Reflex takes from the
server-side socket environ (an event's payload cannot replace it), and it is never a state var,
so it never travels in a state delta. Logging in and out are HTTP routes (`session_api`) because
only an HTTP response can set or clear an HttpOnly cookie; each is followed by a full page load,
so the next websocket connection carries the new cookie.
"""

from __future__ import annotations

import reflex as rx

from academy.core import auth
from academy.core.access import AREA_ROLES, ROLE_LABELS, CurrentUser
from academy.core.db import session_scope
from academy.core.web.cookies import token_from_header

LOGIN_ROUTE = "/logga-in"
PASSWORD_ROUTE = "/byt-losenord"


LOGGED_OUT = "Du är utloggad."
SESSION_ENDED = "Du har loggats ut. Logga in igen för att fortsätta."


class SessionState(rx.State):
    user_name: str = ""
    user_email: str = ""
    role_labels: str = ""
    allowed_areas: list[str] = []
    auth_checked: bool = False
    logged_out_notice: str = ""

    def _token(self) -> str:
        """The login token from the cookie of this tab's websocket connection."""
        return token_from_header(self.router.headers.cookie)

    def _actor(self) -> CurrentUser | None:
        with session_scope() as session:
            return auth.resolve_session(session, self._token())

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
        user = self._actor()
        self._show_user(user)
        if user is None:
            self.logged_out_notice = SESSION_ENDED if self._token() else ""
            return rx.redirect(LOGIN_ROUTE)
        if user.must_change_password and self.router.url.path.rstrip("/") != PASSWORD_ROUTE:
            # A one-time password from an admin: the person picks their own before anything else.
            return rx.redirect(PASSWORD_ROUTE)
