"""Download routes for courses: certificate PDF, progress and results CSV/XLSX, quiz GIFT.

Files stay out of the Reflex state: the browser fetches them here. The login cookie is resolved
on every request, and the service called checks the user's access.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from academy.core import auth
from academy.core.db import session_scope
from academy.core.errors import AccessDenied, NotFound, ValidationError
from academy.courses import certificate, exports, images, quizzes

SESSION_COOKIE = "sa_session"
CSV = "text/csv; charset=utf-8"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COHORT_EXPORTS = {
    ("framsteg", "csv"): (exports.progress_csv, CSV),
    ("framsteg", "xlsx"): (exports.progress_xlsx, XLSX),
    ("resultat", "csv"): (exports.results_csv, CSV),
    ("resultat", "xlsx"): (exports.results_xlsx, XLSX),
}


def _serve(request: Request, produce: Callable, media_type: str, filename: str) -> Response:
    try:
        with session_scope() as session:
            actor = auth.resolve_session(session, request.cookies.get(SESSION_COOKIE, ""))
            if actor is None:
                return PlainTextResponse("Logga in för att ladda ner.", status_code=401)
            body = produce(session, actor)
    except AccessDenied as exc:
        return PlainTextResponse(exc.message, status_code=403)
    except NotFound as exc:
        return PlainTextResponse(exc.message, status_code=404)
    except ValidationError as exc:
        return PlainTextResponse(exc.message, status_code=409)
    return Response(
        body,
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-store",
        },
    )


def download_certificate(request: Request) -> Response:
    course_id = request.path_params["course_id"]
    return _serve(
        request,
        lambda session, actor: certificate.course_certificate(session, actor, course_id),
        "application/pdf",
        f"kursintyg-{course_id}.pdf",
    )


def download_cohort_table(request: Request) -> Response:
    cohort_id, what, fmt = (request.path_params[key] for key in ("cohort_id", "what", "fmt"))
    if (what, fmt) not in COHORT_EXPORTS:
        return PlainTextResponse("Okänd export.", status_code=404)
    produce, media_type = COHORT_EXPORTS[(what, fmt)]
    return _serve(
        request,
        lambda session, actor: produce(session, actor, cohort_id),
        media_type,
        f"{what}-kursomgang-{cohort_id}.{fmt}",
    )


def download_gift(request: Request) -> Response:
    quiz_id = request.path_params["quiz_id"]
    return _serve(
        request,
        lambda session, actor: quizzes.export_gift(session, actor, quiz_id).encode("utf-8"),
        "text/plain; charset=utf-8",
        f"quiz-{quiz_id}.gift.txt",
    )


def lesson_image(request: Request) -> Response:
    """A lesson image, for anyone logged in (lessons are shown to every learner)."""
    with session_scope() as session:
        actor = auth.resolve_session(session, request.cookies.get(SESSION_COOKIE, ""))
    if actor is None:
        return PlainTextResponse("Logga in för att se bilden.", status_code=401)
    try:
        body, media_type = images.read_image(request.path_params["name"])
    except NotFound as exc:
        return PlainTextResponse(exc.message, status_code=404)
    return Response(
        body,
        media_type=media_type,
        headers={
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'",
            "Cache-Control": "private, max-age=3600",
        },
    )


ROUTES = [
    Route("/api/utbildning/bilder/{name}", lesson_image),
    Route("/api/utbildning/kurser/{course_id:int}/intyg", download_certificate),
    Route("/api/utbildning/omgangar/{cohort_id:int}/{what}.{fmt}", download_cohort_table),
    Route("/api/utbildning/quiz/{quiz_id:int}/gift", download_gift),
]
