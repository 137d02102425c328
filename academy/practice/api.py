"""Download routes for Träning: a scenario as Twee, follow-up exports (CSV, XLSX), node images.

The login cookie is checked on every request and the services check the role and the cohort.
"""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from academy.core import auth
from academy.core.db import session_scope
from academy.core.errors import AccessDenied, NotFound, ValidationError
from academy.practice import followup, images, scenarios

SESSION_COOKIE = "sa_session"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file_name(title: str, suffix: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower().translate(str.maketrans("åäö", "aao")))
    return (slug.strip("-") or "scenario")[:60] + suffix


def _respond(request: Request, produce) -> Response:
    try:
        with session_scope() as session:
            actor = auth.resolve_session(session, request.cookies.get(SESSION_COOKIE, ""))
            if actor is None:
                return PlainTextResponse("Logga in för att ladda ner.", status_code=401)
            body, media_type, name = produce(session, actor)
    except AccessDenied as exc:
        return PlainTextResponse(exc.message, status_code=403)
    except NotFound as exc:
        return PlainTextResponse(exc.message, status_code=404)
    except ValidationError as exc:
        return PlainTextResponse(exc.message, status_code=422)
    return Response(
        body,
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "X-Content-Type-Options": "nosniff",
        },
    )


def export_twee(request: Request) -> Response:
    scenario_id = request.path_params["scenario_id"]

    def produce(session, actor):
        text = scenarios.twee_export(session, actor, scenario_id)
        title = scenarios.get_scenario(session, actor, scenario_id).scenario.title
        return text.encode("utf-8"), "text/plain; charset=utf-8", _file_name(title, ".twee")

    return _respond(request, produce)


def export_results(request: Request) -> Response:
    cohort_id = request.path_params["cohort_id"]
    scenario_id = request.path_params["scenario_id"]
    fmt = request.path_params["fmt"]
    if fmt not in ("csv", "xlsx"):
        return PlainTextResponse("Okänt exportformat.", status_code=404)

    def produce(session, actor):
        if fmt == "csv":
            body = followup.results_csv(session, actor, cohort_id, scenario_id)
            media_type = "text/csv; charset=utf-8"
        else:
            body = followup.results_xlsx(session, actor, cohort_id, scenario_id)
            media_type = XLSX
        return body, media_type, f"scenarioresultat-{cohort_id}-{scenario_id}.{fmt}"

    return _respond(request, produce)


def export_cohort(request: Request) -> Response:
    cohort_id = request.path_params["cohort_id"]
    name, fmt = request.path_params["name"], request.path_params["fmt"]
    if name not in followup.COHORT_EXPORTS or fmt not in ("csv", "xlsx"):
        return PlainTextResponse("Okänd export.", status_code=404)

    def produce(session, actor):
        body, file_name = followup.cohort_export(session, actor, cohort_id, name, fmt)
        return body, "text/csv; charset=utf-8" if fmt == "csv" else XLSX, file_name

    return _respond(request, produce)


def node_image(request: Request) -> Response:
    """A node's image, for those who may open its scenario; shown inline, never run as a page."""
    scenario_id, name = request.path_params["scenario_id"], request.path_params["name"]
    try:
        with session_scope() as session:
            actor = auth.resolve_session(session, request.cookies.get(SESSION_COOKIE, ""))
            if actor is None:
                return PlainTextResponse("Logga in för att se bilden.", status_code=401)
            scenario = scenarios.get_scenario(session, actor, scenario_id).scenario
            if all(node.image != name for node in scenario.nodes):
                raise NotFound("Bilden finns inte.")
            body, media_type = images.read_image(name)
    except AccessDenied as exc:
        return PlainTextResponse(exc.message, status_code=403)
    except NotFound as exc:
        return PlainTextResponse(exc.message, status_code=404)
    return Response(
        body,
        media_type=media_type,
        headers={
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; sandbox",
            "Cache-Control": "private, max-age=3600",
        },
    )


ROUTES = [
    Route("/api/traning/scenarier/{scenario_id:int}/twee", export_twee),
    Route(
        "/api/traning/uppfoljning/{cohort_id:int}/{scenario_id:int}/{fmt}",
        export_results,
    ),
    Route("/api/traning/uppfoljning/{cohort_id:int}/{name:str}.{fmt:str}", export_cohort),
    Route("/api/traning/scenarier/{scenario_id:int}/bilder/{name:str}", node_image),
]
