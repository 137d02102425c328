"""A tab's state never outlives the login it was filled under.

The server keeps every page's data in the tab's state and sends a new connection all of it
(Reflex's `hydrate_and_load`). Logging in and out start a new tab state in the browser (kit.js
drops the tab's token, `ui.post_form`); this is the server's own guard for a tab that keeps its
token anyway (kit.js not loaded, the hand-over's button pressed by hand, a token copied): before
the snapshot is taken, a tab whose connection carries another login than the one its state was
filled under is emptied, so the next person at the desk is sent none of the last one's pages.

It compares the SHA-256 of the login cookie with the one the state last saw (no database
statement): a login ends with its cookie cleared, and every new login gets a new token.
`tests/e2e/test_login_and_roles.py` fails if a Reflex upgrade renames the hydrate event or
stops routing it through the registry this replaces it in.
"""

from __future__ import annotations

import functools

import reflex as rx
from reflex.state import State
from reflex_base.event import EventHandler
from reflex_base.registry import RegistrationContext

from academy.core.security import token_digest
from academy.core.web.cookies import token_from_header
from academy.core.web.session import SessionState

HYDRATE = "hydrate_and_load"


def login_of(state: rx.State) -> str:
    """The digest of the login cookie on the tab's connection ("" without one)."""
    token = token_from_header(state.router.headers.cookie)
    return token_digest(token) if token else ""


async def forget_other_logins(root: State) -> None:
    """Empty every app state of the tab when its connection carries another login than the
    one the state was filled under (a state filled with no login has nothing to forget)."""
    session = await root.get_state(SessionState)
    login = login_of(root)
    if session._filled_under == login:
        return
    if session._filled_under:
        session.reset()  # SessionState and every page's state below it
    session._filled_under = login


def install(app: rx.App) -> None:
    """Run `forget_other_logins` before Reflex's hydrate of every new connection."""
    reflex_handler = State.event_handlers[HYDRATE]

    async def hydrate_and_load(self: State, vars=None, hashes=None):
        await forget_other_logins(self)
        return await reflex_handler.fn(self, vars=vars, hashes=hashes)

    functools.update_wrapper(hydrate_and_load, reflex_handler.fn)
    handler = EventHandler(fn=hydrate_and_load, state=State)
    setattr(State, HYDRATE, handler)
    State.event_handlers[HYDRATE] = handler
    RegistrationContext.register_event_handler(handler, states=(State,))
