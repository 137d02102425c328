"""Download of a campaign's results as CSV or XLSX; the login cookie is checked on each request
and the service refuses below the anonymity threshold."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from academy.core import auth
from academy.core.db import session_scope
from academy.core.errors import AccessDenied, NotFound, ValidationError
from academy.core.spreadsheets import to_csv, to_xlsx
from academy.inventory import profile

SESSION_COOKIE = "sa_session"
FORMATS = {
    "csv": ("text/csv; charset=utf-8", to_csv),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        lambda table: to_xlsx(table, "Behovsprofil"),
    ),
}


def export_profile(request: Request) -> Response:
    fmt = request.path_params["fmt"]
    if fmt not in FORMATS:
        return PlainTextResponse("Okänt exportformat.", status_code=404)
    campaign_id = request.path_params["campaign_id"]
    try:
        with session_scope() as session:
            actor = auth.resolve_session(session, request.cookies.get(SESSION_COOKIE, ""))
            if actor is None:
                return PlainTextResponse("Logga in för att ladda ner.", status_code=401)
            table = profile.export_table(session, actor, campaign_id)
    except AccessDenied as exc:
        return PlainTextResponse(exc.message, status_code=403)
    except NotFound as exc:
        return PlainTextResponse(exc.message, status_code=404)
    except ValidationError as exc:
        return PlainTextResponse(exc.message, status_code=409)
    media_type, produce = FORMATS[fmt]
    return Response(
        produce(table),
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="behovsprofil-{campaign_id}.{fmt}"',
            "X-Content-Type-Options": "nosniff",
        },
    )


ROUTES = [Route("/api/inventering/{campaign_id:int}/export/{fmt}", export_profile)]
