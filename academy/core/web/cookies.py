"""The login cookie `sa_session`: only the server sets it, only the server reads it.

The browser gets the cookie from an HTTP response (`HttpOnly`, `SameSite=Strict`, `Secure` over
https), so no script in the page can read it, and it never travels in the websocket's state. The
server finds it in the `Cookie` header of each request, and for events in the header of the
websocket's own connection (Reflex takes the headers from the server's socket environ, never from
the event payload).
"""

from __future__ import annotations

import os

from starlette.requests import Request
from starlette.responses import Response

SESSION_COOKIE = "sa_session"
SESSION_MAX_AGE = 12 * 3600


def token_from_header(cookie_header: str) -> str:
    """The login token in a `Cookie` request header ("" when there is none)."""
    for part in (cookie_header or "").split(";"):
        name, sep, value = part.strip().partition("=")
        if sep and name == SESSION_COOKIE:
            return value.strip().strip('"')
    return ""


def _https_origins() -> bool:
    origins = [o.strip() for o in os.environ.get("APP_ORIGINS", "").split(",") if o.strip()]
    return bool(origins) and all(o.startswith("https://") for o in origins)


def served_over_https(request: Request) -> bool:
    """True when the request came over https, or the app's public origins are https (behind a
    proxy that ends TLS, the request itself arrives over http)."""
    return request.url.scheme == "https" or _https_origins()


def set_session_cookie(response: Response, request: Request, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=SESSION_MAX_AGE,
        path="/",
        httponly=True,
        secure=served_over_https(request),
        samesite="strict",
    )


def clear_session_cookie(response: Response, request: Request) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        "",
        max_age=0,
        path="/",
        httponly=True,
        secure=served_over_https(request),
        samesite="strict",
    )


def same_origin(request: Request) -> bool:
    """A form POST from the app's own pages (or from no page: a request without `Origin`)."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    allowed = {f"{request.url.scheme}://{request.headers.get('host', '')}"}
    allowed.update(
        o.strip().rstrip("/") for o in os.environ.get("APP_ORIGINS", "").split(",") if o.strip()
    )
    return origin.rstrip("/") in allowed
