"""The two HTTP routes that set and clear the HttpOnly login cookie.

- `POST /api/inloggning` (form field `code`): redeems the one-time code of a login the form just
  opened (`auth.redeem_handoff`), sets the cookie and answers 303 to the start page (or to
  Byt lösenord for a one-time password). A used, expired or unknown code goes back to the form.
- `POST /api/utloggning`: ends the login of the request's cookie, clears the cookie and answers
  303 to the login page.

Both refuse a POST from another origin (403): no other site can log a person in or out. Each is
followed by a full page load, so the next websocket connection carries the new cookie.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from academy.core import auth
from academy.core.db import first_in_transaction, session_scope
from academy.core.web.cookies import (
    SESSION_COOKIE,
    clear_session_cookie,
    same_origin,
    set_session_cookie,
)
from academy.core.web.session import LOGIN_ROUTE, PASSWORD_ROUTE

NO_STORE = {"Cache-Control": "no-store"}
OTHER_ORIGIN = "Begäran kom från en annan webbplats och har inte utförts."


def _see_other(url: str) -> Response:
    return RedirectResponse(url, status_code=303, headers=NO_STORE)


async def _form_code(request: Request) -> str:
    form = await request.form()
    code = form.get("code")
    return code if isinstance(code, str) else ""


def _redeem(code: str):
    """Each route's statements begin its transaction: after a database restart they are run
    once more on a new connection (`first_in_transaction`), so nobody is shown an error."""
    with session_scope() as session:
        return first_in_transaction(session, lambda s: auth.redeem_handoff(s, code))


async def log_in(request: Request) -> Response:
    if not same_origin(request):
        return PlainTextResponse(OTHER_ORIGIN, status_code=403, headers=NO_STORE)
    code = await _form_code(request)
    redeemed = await run_in_threadpool(_redeem, code)
    if redeemed is None:
        return _see_other(f"{LOGIN_ROUTE}?avbruten=1")
    response = _see_other(PASSWORD_ROUTE if redeemed.must_change_password else "/")
    set_session_cookie(response, request, redeemed.token)
    return response


def _end(token: str) -> None:
    with session_scope() as session:
        first_in_transaction(session, lambda s: auth.end_session(s, token))


async def log_out(request: Request) -> Response:
    if not same_origin(request):
        return PlainTextResponse(OTHER_ORIGIN, status_code=403, headers=NO_STORE)
    token = request.cookies.get(SESSION_COOKIE, "")
    if token:
        await run_in_threadpool(_end, token)
    response = _see_other(f"{LOGIN_ROUTE}?utloggad=1")
    clear_session_cookie(response, request)
    return response


ROUTES = [
    Route("/api/inloggning", log_in, methods=["POST"]),
    Route("/api/utloggning", log_out, methods=["POST"]),
]
