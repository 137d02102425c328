"""The one way an `/api` route serves a file: login from the cookie, access checked by the
service, the same status codes and headers everywhere.

Status codes (also in docs/ARCHITECTURE.md):

- 200 the file;
- 401 no valid login (`Logga in för att ladda ner.`);
- 403 the service refused the user (`AccessDenied`);
- 404 no such thing, or an unknown format (`NotFound`);
- 409 someone changed it meanwhile (`StaleEdit`);
- 422 the request cannot be served as it stands (`ValidationError`, a diagram too large to
  render, results below the anonymity threshold …).

Every response says `Cache-Control: no-store` (exports hold personal data and figures that
the anonymity threshold protects) and `X-Content-Type-Options: nosniff`. File names are made
safe: ASCII in `filename`, the full name in `filename*`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote

from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from academy.core import auth
from academy.core.access import CurrentUser
from academy.core.db import session_scope
from academy.core.errors import AccessDenied, NotFound, ServiceError, StaleEdit
from academy.core.web.cookies import SESSION_COOKIE
from journeys.errors import RenderError

CSV = "text/csv; charset=utf-8"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"
BASE_HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}


@dataclass(frozen=True)
class Download:
    body: bytes
    media_type: str
    filename: str
    # Shown in the page (an image) rather than saved as a file.
    inline: bool = False
    headers: dict[str, str] = field(default_factory=dict)


Producer = Callable[[Request, Session, CurrentUser], Download]


def safe_filename(name: str, fallback: str = "fil") -> str:
    """A file name without path parts, quotes or control characters (å ä ö kept)."""
    name = unicodedata.normalize("NFC", name).replace("/", "-").replace("\\", "-")
    name = re.sub(r'[\x00-\x1f\x7f"<>:|?*]+', "", name).strip(" .-")
    return name[:120] or fallback


def _ascii(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9._-]+", "-", plain).strip("-") or "fil"


def slug(title: str, fallback: str = "fil") -> str:
    """A lower-case ASCII slug of a title, for file names (`Kö & väntan` → `ko-vantan`)."""
    return (_ascii(title.lower()).replace(".", "-").strip("-") or fallback)[:60]


def content_disposition(filename: str, inline: bool = False) -> str:
    name = safe_filename(filename)
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{_ascii(name)}\"; filename*=UTF-8''{quote(name)}"


def _refusal(message: str, status: int) -> Response:
    return PlainTextResponse(message, status_code=status, headers=BASE_HEADERS)


def serve(request: Request, produce: Producer) -> Response:
    """Resolve the login from the cookie, call `produce`, and answer in the one way."""
    try:
        with session_scope() as session:
            token = request.cookies.get(SESSION_COOKIE, "")
            actor = auth.resolve_login(session, token)
            if actor is None:
                return _refusal("Logga in för att ladda ner.", 401)
            if actor.must_change_password:
                return _refusal("Byt först ditt lösenord.", 403)
            result = produce(request, session, actor)
    except AccessDenied as exc:
        return _refusal(exc.message, 403)
    except NotFound as exc:
        return _refusal(exc.message, 404)
    except StaleEdit as exc:
        return _refusal(exc.message, 409)
    except ServiceError as exc:
        return _refusal(exc.message, 422)
    except RenderError as exc:
        return _refusal(str(exc), 422)
    headers = {
        **BASE_HEADERS,
        "Content-Disposition": content_disposition(result.filename, result.inline),
        **result.headers,
    }
    return Response(result.body, media_type=result.media_type, headers=headers)


def download_route(path: str, produce: Producer) -> Route:
    """A GET route whose endpoint runs in Starlette's thread pool (never on the event loop)."""

    def endpoint(request: Request) -> Response:
        return serve(request, produce)

    return Route(path, endpoint, methods=["GET"])


def choose(options: dict[str, object], key: str, what: str = "exportformat"):
    """The option for `key`, or NotFound with a Swedish message."""
    if key not in options:
        raise NotFound(f"Okänt {what}: {key}.")
    return options[key]
