"""Logging states in for tests the way the browser does: the token only in the cookie header.

`LoginState.submit` opens a login behind a one-time code; `redeem` turns it into the token the
HTTP route would put in the HttpOnly cookie, and `with_cookie` gives a state the `Cookie` header
that Reflex takes from the websocket connection."""

from __future__ import annotations

import dataclasses

from reflex.istate.data import HeaderData

from academy.core import auth
from academy.core.db import session_scope
from academy.core.web.cookies import SESSION_COOKIE


def redeem(code: str) -> str:
    """The login token behind a one-time code from `LoginState.handoff` ("" if refused)."""
    with session_scope() as session:
        redeemed = auth.redeem_handoff(session, code)
    return redeemed.token if redeemed else ""


def with_cookie(state, token: str, cookie_header: str | None = None):
    """`state` as seen over a websocket whose connection sent the login cookie `token`."""
    header = cookie_header if cookie_header is not None else f"{SESSION_COOKIE}={token}"
    headers = HeaderData.from_router_data({"headers": {"cookie": header}})
    state.router = dataclasses.replace(state.router, headers=headers)
    return state


def token_of(state) -> str:
    """The login token a state resolves its user from (the cookie of its connection)."""
    return state._token()
