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

import reflex as rx
from reflex.state import State

from academy.core.security import token_digest
from academy.core.web import snapshot
from academy.core.web.reflex_events import replace_event_handler
from academy.core.web.session import SessionState


async def forget_other_logins(root: State) -> None:
    """Empty every app state of the tab when its connection carries another login than the
    one the state was filled under (a state filled with no login has nothing to forget)."""
    session = await root.get_state(SessionState)
    token = session._token()
    login = token_digest(token) if token else ""
    if session._filled_under == login:
        return
    if session._filled_under:
        session.reset()  # SessionState and every page's state below it
    session._filled_under = login


def install(app: rx.App) -> None:
    """Run `forget_other_logins` before Reflex's hydrate of every new connection, and take its
    snapshot leaving out what a new tab's browser already holds (academy.core.web.snapshot)."""

    def make(reflex_fn):
        async def hydrate_and_load(self: State, vars=None, hashes=None):
            await forget_other_logins(self)
            with snapshot.first_hydrate(hashes):
                return await reflex_fn(self, vars=vars, hashes=hashes)

        return hydrate_and_load

    replace_event_handler(State, "hydrate_and_load", make)
    snapshot.install(SessionState)
