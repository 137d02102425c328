"""The base state of every page: one way to run a service call and report its outcome.

`_run` opens one database session, resolves the login inside it, calls the service and turns
every refusal into a Swedish message placed beside the action that caused it (`at`). Nothing a
person typed is lost: forms are uncontrolled, and a refused save leaves them as they were.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import reflex as rx
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser
from academy.core.errors import ServiceError, ValidationError
from academy.core.settings import UPLOADS
from academy.core.uploads import decode_text
from academy.core.web.session import SessionState, event_session
from journeys.errors import JourneyFormatError, RenderError, TooLarge

log = logging.getLogger(__name__)

NOT_LOGGED_IN = "Du är inte inloggad längre. Ladda om sidan och logga in igen; inget har sparats."
CONFLICT = (
    "Det gick inte att spara: uppgiften krockar med något som redan finns (till exempel ett namn "
    "eller en e-postadress som redan används). Inget har sparats."
)
BUSY = "Databasen är upptagen just nu. Vänta en stund och försök igen; inget har sparats."
UNEXPECTED = (
    "Något gick fel på servern och inget har sparats. Försök igen; om felet kvarstår, "
    "kontakta en administratör."
)
FIELD_ERRORS = "Rätta det som är markerat nedan."
CHANGE_PASSWORD_FIRST = "Byt först ditt lösenord på sidan Byt lösenord; inget har sparats."

Action = Callable[[Session, CurrentUser], Any]


def message_for(exc: BaseException) -> str:
    """The Swedish message a person sees for an exception raised by a service call."""
    if isinstance(exc, ServiceError):
        return exc.message
    if isinstance(exc, RenderError | JourneyFormatError | TooLarge):
        return str(exc)
    if isinstance(exc, IntegrityError):
        return CONFLICT
    if isinstance(exc, OperationalError):
        return BUSY
    return UNEXPECTED


def route_param(state: rx.State, name: str) -> str:
    """The page's route or query parameter `name` ("" when absent). Read from the state's own
    router field, where Reflex's dynamic route vars read it too: `state.router.page` assembles
    the whole router and logs a deprecation (a walk up the stack) on every call, 24 µs here
    against 6 µs."""
    return str(state.rx_router_page.params.get(name, "") or "")


def route_int(state: rx.State, name: str) -> int | None:
    """The route parameter `name` as a positive integer, or None when it is not one."""
    raw = route_param(state, name)
    return int(raw) if raw.isdigit() and int(raw) > 0 else None


class BaseState(SessionState):
    """Every page's state: a message beside the action that caused it, and `_run`."""

    error: str = ""
    notice: str = ""
    # Which action area the message belongs to; `ui.message(State, at)` shows it there.
    message_at: str = ""
    # Field name -> its own error, shown beside the field (`ui` fields take `error=`).
    field_errors: dict[str, str] = {}
    # The key of the page's uncontrolled forms. Bump it in the same event that changes what
    # they show: after a successful save (clears them), and whenever `load` or an open/edit
    # handler shows another item. A form whose key stays keeps the previous item's values in
    # the page (React does not refill a mounted input), and Spara would write them into the
    # item now open. tests/integration/test_switching_entities.py holds the editors to it.
    # A page with several forms keys each by what it shows as well (docs/ARCHITECTURE.md), so
    # a save in one does not throw away what is typed in another.
    form_key: int = 0

    def _clear_messages(self, at: str = "") -> None:
        self._set_changed(error="", notice="", field_errors={}, message_at=at)

    @rx.event
    def refuse_files(self, names: list, at: str, rule: str):
        """Files the browser refused before sending them (a type or a size the upload does not
        take), named beside the upload with what it takes. It reads and changes no data: only
        this tab's message."""
        names = sorted({str(name)[:80] for name in names if isinstance(name, str)} - {""})
        listed = ", ".join(names)[:200] or "Filen"
        self._fail(f"{listed} kan inte användas. {str(rule)[:200]}", at=str(at)[:40])

    def _fail(self, message: str, at: str = "", field: str | None = None) -> bool:
        self._clear_messages(at)
        self.error = message
        if field:
            self.field_errors = {field: message}
        return False

    def _run(
        self,
        action: Action,
        success: str = "",
        *,
        at: str = "",
        login: bool = True,
        one_time_password_ok: bool = False,
    ) -> bool:
        """Run `action(session, actor)` in one transaction; report the outcome at `at`.

        Returns True when the action succeeded. With `login` (the default) a tab without a valid
        login is refused before the action runs, so no payload is read for a stranger; so is a
        person still holding an admin's one-time password (but on the page that replaces it)."""
        self._clear_messages(at)
        try:
            with event_session() as session:
                actor = self._login_in(session)
                if actor is None and login:
                    self.error = NOT_LOGGED_IN
                    return False
                if actor is not None and actor.must_change_password and not one_time_password_ok:
                    self.error = CHANGE_PASSWORD_FIRST
                    return False
                action(session, actor)
        except Exception as exc:  # every refusal becomes a message; nothing escapes as a toast
            if not isinstance(exc, ServiceError | RenderError | JourneyFormatError | TooLarge):
                log.exception("Unexpected error in %s", type(self).__name__)
            self.error = message_for(exc)
            field = getattr(exc, "field", None)
            if field:
                self.field_errors = {field: self.error}
            return False
        self._set_changed(notice=success)
        return True

    async def _run_in_thread(self, action: Action, success: str = "", **options) -> bool:
        """`_run` in a worker thread, for work that may take long (parsing or saving a large
        import): the event loop keeps serving every other tab meanwhile. The login is still
        resolved before the action reads anything."""
        return await asyncio.to_thread(self._run, action, success, **options)

    async def _uploaded_text(self, files: list, at: str) -> str | None:
        """The first uploaded file as import text, read at most one byte past the cap (enough
        to refuse a larger file); None, with the refusal shown at `at`, when it is too large or
        not UTF-8. Call it after the role check: nothing is read before."""
        data = await files[0].read(UPLOADS.text_file + 1)
        try:
            return decode_text(data)
        except ValidationError as exc:
            self._fail(exc.message, at=at)
            return None

    def _param(self, name: str) -> int | None:
        return route_int(self, name)
