"""Download routes for journeys (SVG, PNG, PDF, JSON, Mermaid, DOT).

Large diagrams stay out of the Reflex state: the browser fetches them here. The login cookie is
checked on every request, and the journey must be visible to that user.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from academy.core import auth
from academy.core.db import session_scope
from academy.core.errors import AccessDenied, NotFound
from journeys import store
from journeys.errors import RenderError
from journeys.formats import json_format, mermaid
from journeys.formats.dot import to_dot
from journeys.render import render_journey
from journeys.view import download_name

SESSION_COOKIE = "sa_session"
EXPORTS = {
    "svg": ("image/svg+xml", lambda j: render_journey(j, "svg")),
    "png": ("image/png", lambda j: render_journey(j, "png")),
    "pdf": ("application/pdf", lambda j: render_journey(j, "pdf")),
    "json": ("application/json", lambda j: json_format.dumps(j).encode()),
    "mmd": ("text/plain; charset=utf-8", lambda j: mermaid.to_mermaid(j).encode()),
    "dot": ("text/vnd.graphviz; charset=utf-8", lambda j: to_dot(j).encode()),
}


def export_journey(request: Request) -> Response:
    fmt = request.path_params["fmt"]
    if fmt not in EXPORTS:
        return PlainTextResponse("Okänt exportformat.", status_code=404)
    try:
        with session_scope() as session:
            actor = auth.resolve_session(session, request.cookies.get(SESSION_COOKIE, ""))
            if actor is None:
                return PlainTextResponse("Logga in för att ladda ner.", status_code=401)
            stored = store.get_journey(session, actor, request.path_params["journey_id"])
        media_type, produce = EXPORTS[fmt]
        body = produce(stored.journey)
    except AccessDenied as exc:
        return PlainTextResponse(exc.message, status_code=403)
    except NotFound as exc:
        return PlainTextResponse(exc.message, status_code=404)
    except RenderError as exc:
        return PlainTextResponse(str(exc), status_code=422)
    name = download_name(stored.journey.title, stored.version, fmt)
    return Response(
        body,
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            # An SVG opened on its own must not run anything, whatever it contains.
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
            "X-Content-Type-Options": "nosniff",
        },
    )


ROUTES = [Route("/api/kundresor/{journey_id:int}/export/{fmt}", export_journey)]
