"""Download routes for courses: certificate PDF, progress and results CSV/XLSX, quiz GIFT, and
lesson images (shown inline).

Files stay out of the Reflex state: the browser fetches them here, through the one download
helper (login from the cookie, the same status codes and headers everywhere). The service
called checks the user's access.
"""

from __future__ import annotations

from starlette.requests import Request

from academy.core.web.download import CSV, PDF, XLSX, Download, choose, download_route
from academy.courses import certificate, exports, images, quizzes

COHORT_EXPORTS = {
    "framsteg.csv": (exports.progress_csv, CSV),
    "framsteg.xlsx": (exports.progress_xlsx, XLSX),
    "resultat.csv": (exports.results_csv, CSV),
    "resultat.xlsx": (exports.results_xlsx, XLSX),
}
GIFT = "text/plain; charset=utf-8"
# Image names are content hashes: the same name always holds the same picture.
IMAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'",
    "Cache-Control": "private, max-age=3600",
}


def certificate_pdf(request: Request, session, actor) -> Download:
    course_id = request.path_params["course_id"]
    body = certificate.course_certificate(session, actor, course_id)
    return Download(body, PDF, f"kursintyg-{course_id}.pdf")


def cohort_table(request: Request, session, actor) -> Download:
    cohort_id, what, fmt = (request.path_params[key] for key in ("cohort_id", "what", "fmt"))
    produce, media_type = choose(COHORT_EXPORTS, f"{what}.{fmt}", "export")
    return Download(
        produce(session, actor, cohort_id), media_type, f"{what}-kursomgang-{cohort_id}.{fmt}"
    )


def gift(request: Request, session, actor) -> Download:
    quiz_id = request.path_params["quiz_id"]
    body = quizzes.export_gift(session, actor, quiz_id).encode("utf-8")
    return Download(body, GIFT, f"quiz-{quiz_id}.gift.txt")


def lesson_image(request: Request, session, actor) -> Download:
    """A lesson image, for anyone logged in (lessons are shown to every learner)."""
    name = request.path_params["name"]
    body, media_type = images.read_image(name)
    return Download(body, media_type, name, inline=True, headers=IMAGE_HEADERS)


ROUTES = [
    download_route("/api/utbildning/bilder/{name}", lesson_image),
    download_route("/api/utbildning/kurser/{course_id:int}/intyg", certificate_pdf),
    download_route("/api/utbildning/omgangar/{cohort_id:int}/{what}.{fmt}", cohort_table),
    download_route("/api/utbildning/quiz/{quiz_id:int}/gift", gift),
]
