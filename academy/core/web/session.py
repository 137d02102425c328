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

import inspect
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

import reflex as rx
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from academy.core import auth
from academy.core.access import AREA_ROLES, ROLE_LABELS, CurrentUser
from academy.core.db import committed, get_engine, session_on, session_scope
from academy.core.web import routing
from academy.core.web.cookies import token_from_header

LOGIN_ROUTE = "/logga-in"
PASSWORD_ROUTE = "/byt-losenord"


LOGGED_OUT = "Du är utloggad."
SESSION_ENDED = "Du har loggats ut. Logga in igen för att fortsätta."


class _PageSession:
    """The database session a page opening's login check and loaders share, on one pooled
    connection checked out once. The login check's block leaves its transaction open and the
    first loader's block goes on in it: one transaction, so one BEGIN and one COMMIT (round
    trips to PostgreSQL) fewer. Its only write, noting that the login is in use, may be lost
    with a failed loader's block and is made again at the next event. Every other block is
    its own transaction. Released (committing what is left) before the opening awaits
    anything, so no connection is held while other tabs' events run."""

    def __init__(self) -> None:
        self.thread = threading.get_ident()
        self._connection: Connection | None = None
        self._session: Session | None = None

    def session(self) -> Session:
        if self._session is None:
            self._connection = get_engine().connect()
            self._session = session_on(self._connection)
        return self._session

    def release(self) -> None:
        if self._session is not None:
            if self._session.in_transaction():  # the login check's, when no loader followed
                self._session.commit()
            self._session.close()
            self._connection.close()
            self._session = self._connection = None


@dataclass
class _EventLogin:
    """The login as resolved once in the current event, shared by every loader it runs."""

    resolved: bool = False
    user: CurrentUser | None = None
    page: _PageSession | None = None


# Set for the length of a page opening only (see `open_page`); other events resolve anew.
_EVENT_LOGIN: ContextVar[_EventLogin | None] = ContextVar("event_login", default=None)


@contextmanager
def event_session(*, more_follows: bool = False) -> Iterator[Session]:
    """One unit of work of this event: committed when the block ends, rolled back on any error.
    In a page opening the blocks share one session (`_PageSession`), and a block that says
    `more_follows` (the login check) is committed with the next one instead; a block in a
    worker thread, or in any other event, gets a session of its own."""
    login = _EVENT_LOGIN.get()
    page = login.page if login is not None else None
    if page is None or page.thread != threading.get_ident():
        with session_scope() as session:
            yield session
        return
    if not more_follows:
        with committed(page.session()) as session:
            yield session
        return
    session = page.session()
    try:
        yield session
    except BaseException:
        session.rollback()
        raise


class SessionState(rx.State):
    user_name: str = ""
    user_email: str = ""
    role_labels: str = ""
    allowed_areas: list[str] = []
    auth_checked: bool = False
    logged_out_notice: str = ""
    # The digest of the login cookie the tab's state was filled under (academy.core.web.
    # tab_owner): a backend var, never sent to the browser.
    _filled_under: str = ""

    def _token(self) -> str:
        """The login token from the cookie of this tab's websocket connection (the connection's
        headers field: `self.router` would assemble the whole router first)."""
        return token_from_header(self.rx_router_headers.cookie)

    def _login_in(self, session: Session) -> CurrentUser | None:
        """The user behind this tab's login, resolved in `session` (once per event), as the first
        statement of its transaction."""
        login = _EVENT_LOGIN.get()
        if login is not None and login.resolved:
            return login.user
        user = auth.resolve_login(session, self._token())
        if login is not None:
            login.resolved, login.user = True, user
        return user

    def _actor(self) -> CurrentUser | None:
        login = _EVENT_LOGIN.get()
        if login is not None and login.resolved:
            return login.user
        if not self._token():  # no login cookie (a new visitor, the login page): nothing to read
            return None
        with event_session(more_follows=True) as session:
            return self._login_in(session)

    def _set_changed(self, **values) -> None:
        """Set the vars whose value differs: Reflex sends a var set again to the same value in
        the event's update, and the browser redraws everything that shows it."""
        for name, value in values.items():
            if getattr(self, name) != value:
                setattr(self, name, value)

    def _show_user(self, user: CurrentUser | None) -> None:
        """The header's person and areas (unchanged on most page openings: not sent again)."""
        self._set_changed(
            auth_checked=True,
            user_name=user.name if user else "",
            user_email=user.email if user else "",
            role_labels=", ".join(
                label for role, label in ROLE_LABELS.items() if user and role in user.roles
            ),
            allowed_areas=[
                area for area, roles in AREA_ROLES.items() if user and user.has_any(*roles)
            ],
        )

    def _check_login(self):
        """Send strangers to the login page, and a person holding an admin's one-time password
        to Byt lösenord; None when the page may open."""
        user = self._actor()
        self._show_user(user)
        if user is None:
            self.logged_out_notice = SESSION_ENDED if self._token() else ""
            return rx.redirect(LOGIN_ROUTE)
        if user.must_change_password and self.router.url.path.rstrip("/") != PASSWORD_ROUTE:
            # A one-time password from an admin: the person picks their own before anything else.
            return rx.redirect(PASSWORD_ROUTE)


class PageOpener(SessionState):
    """Runs every page's on_load. A leaf of the state tree on purpose: with the state in Redis,
    an event fetches and stores its state's whole subtree, and SessionState's is every page's."""

    @rx.event
    async def open_page(self, route: str):
        """The one on_load event of every page (see academy.core.web.opening, which runs it
        inside Reflex's navigation event): the login check (unless the page is public), then
        the page's loaders, all in this event with the login resolved once."""
        page = routing.LOADERS.get(route)
        return None if page is None else await self._open(page)

    async def _open(self, page: routing.PageLoad):
        """`route` only picks registered loaders; each still checks the person's role and
        scope itself. Background loaders run beside the page, as events of their own."""
        # The loaders' states first: fetching one may wait (on Redis), and no connection is
        # held while waiting.
        states = [
            None if loader.is_background else await self.get_state(loader.state)
            for loader in page.loaders
        ]
        return await self._run_loaders(page, states)

    async def _run_loaders(self, page: routing.PageLoad, states: list):
        """The login check and the page's loaders (each given its state, or None for a
        background loader), on one database connection (`_PageSession`)."""
        page_session = _PageSession()
        token = _EVENT_LOGIN.set(_EventLogin(page=page_session))
        try:
            if not page.public and (redirect := self._check_login()) is not None:
                return redirect
            chained = []
            for loader, state in zip(page.loaders, states, strict=True):
                if loader.is_background:
                    chained.append(loader)
                    continue
                result = loader.fn(state)
                if inspect.isawaitable(result):
                    page_session.release()
                    result = await result
                chained.extend(result if isinstance(result, list) else [result] if result else [])
        finally:
            page_session.release()
            _EVENT_LOGIN.reset(token)
        return chained or None
