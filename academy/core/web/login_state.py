"""The login form (`/logga-in`) and the page that replaces a password (`/byt-losenord`).

The form is checked by a websocket event (so a refusal shows beside the form); a login it opens
is handed to the browser through a one-time code that the page posts to `/api/inloggning`, whose
response sets the HttpOnly cookie (academy.core.web.session_api).
"""

from __future__ import annotations

import reflex as rx

from academy.core import accounts, auth
from academy.core.db import first_in_transaction
from academy.core.web.base import BaseState
from academy.core.web.low_priority import run_low_priority
from academy.core.web.session import LOGGED_OUT, PASSWORD_ROUTE

FORM = "login"
PASSWORD_FORM = "password-form"
HANDOFF_FAILED = "Inloggningen kunde inte slutföras. Logga in igen."
# `/logga-in?<key>`: the notice shown after the HTTP routes send a person back to the form.
NOTICES = {"utloggad": LOGGED_OUT, "avbruten": HANDOFF_FAILED}


class LoginState(BaseState):
    # The one-time code of a login just opened; while set, the page posts it to /api/inloggning.
    handoff: str = ""
    # Counts the form's refusals: the form waits from a submit until it changes (ui.form's
    # `done`); a login opened keeps it waiting until the page leaves for the start page.
    answered: int = 0

    @rx.event
    def open_login(self):
        """on_load of the login page: a user who is still logged in goes straight home."""
        self.handoff = ""
        query = self.router.url.query_parameters
        notice = next((text for key, text in NOTICES.items() if key in query), None)
        if notice is not None:
            self.logged_out_notice = notice
        user = self._actor()
        self._show_user(user)
        if user is not None:
            return rx.redirect(PASSWORD_ROUTE if user.must_change_password else "/")

    def _client(self) -> str:
        return self.router.session.client_ip or ""

    def _login_step(self, step):
        """Run one database step of a login; its refusal (and audit row) is kept and shown.
        A step is its transaction's first statements (no login to check before it), so it is
        run once more on a new connection when the pooled one died with a database restart."""
        done = []

        def run(session, _nobody):
            try:
                done.append(first_in_transaction(session, step))
            except auth.LoginRefused:
                session.commit()  # a refusal's audit rows stay: they drive the lock-out
                raise

        return done[0] if self._run(run, at=FORM, login=False) else None

    @rx.event
    async def submit(self, form_data: dict):
        handoff = await self._open_login(form_data)
        if handoff is None:
            self.answered += 1
            return
        self.handoff = handoff
        self.logged_out_notice = ""

    async def _open_login(self, form_data: dict) -> str | None:
        """The one-time code of the login the form opens, or None with the refusal shown."""
        email = str(form_data.get("email") or "")
        password = str(form_data.get("password") or "")
        client = self._client()
        attempt = self._login_step(
            lambda session: auth.begin_login(session, email, password, client=client)
        )
        if attempt is None:
            return None
        # Only argon2 runs in a worker thread: it holds no lock and needs no interpreter, so a
        # burst of logins uses every core the event loop leaves idle (a low-priority thread)
        # without stalling other users' events. The short database steps stay here, where they
        # never queue for the interpreter behind the loop.
        check = await run_low_priority(auth.check_password, attempt, password)
        return self._login_step(
            lambda session: auth.start_handoff(session, auth.finish_login(session, attempt, check))
        )


class PasswordState(BaseState):
    """Byt lösenord: required after an admin chose the password, open to everyone logged in."""

    must_change: bool = False
    # Counts the form's answers (ui.form's `done`): a second click while the passwords are
    # checked would try the old password again, refused after the change went through.
    answered: int = 0

    @rx.event
    def load(self):
        user = self._actor()
        self.must_change = bool(user and user.must_change_password)

    def _change(self, form_data: dict) -> bool:
        return self._run(
            lambda session, actor: accounts.change_own_password(
                session,
                actor,
                current=str(form_data.get("current") or ""),
                new=str(form_data.get("password") or ""),
                repeat=str(form_data.get("repeat") or ""),
                keep_token=self._token(),
            ),
            "Ditt lösenord är bytt.",
            at=PASSWORD_FORM,
            one_time_password_ok=True,
        )

    @rx.event
    async def change(self, form_data: dict):
        changed = await run_low_priority(self._change, form_data)
        self.answered += 1
        if not changed:
            return
        was_required, self.must_change = self.must_change, False
        self.form_key += 1
        if was_required:
            return rx.redirect("/")
