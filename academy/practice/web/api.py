"""Träning's downloads: a scenario as Twee, follow-up exports (CSV, XLSX), node images inline.

Every route goes through `academy.core.web.download`: login from the cookie, the services check
role and cohort, and refusals answer with the same status codes as every other area.
"""

from __future__ import annotations

from sqlalchemy.orm import Session
from starlette.requests import Request

from academy.core.access import CurrentUser
from academy.core.errors import NotFound
from academy.core.web.download import CSV, XLSX, Download, choose, download_route, slug
from academy.practice import followup, images, scenarios

FORMATS = {"csv": CSV, "xlsx": XLSX}
# An image is shown in the page and never run as a document of its own.
IMAGE_HEADERS = {"Content-Security-Policy": "default-src 'none'; sandbox"}


def twee(request: Request, session: Session, actor: CurrentUser) -> Download:
    scenario_id = request.path_params["scenario_id"]
    text = scenarios.twee_export(session, actor, scenario_id)
    title = scenarios.get_scenario(session, actor, scenario_id).scenario.title
    return Download(
        text.encode("utf-8"), "text/plain; charset=utf-8", slug(title, "scenario") + ".twee"
    )


def results(request: Request, session: Session, actor: CurrentUser) -> Download:
    cohort_id, scenario_id = request.path_params["cohort_id"], request.path_params["scenario_id"]
    fmt = request.path_params["fmt"]
    media_type = choose(FORMATS, fmt)
    write = followup.results_csv if fmt == "csv" else followup.results_xlsx
    body = write(session, actor, cohort_id, scenario_id)
    return Download(body, media_type, f"scenarioresultat-{cohort_id}-{scenario_id}.{fmt}")


def cohort(request: Request, session: Session, actor: CurrentUser) -> Download:
    cohort_id = request.path_params["cohort_id"]
    name, fmt = request.path_params["name"], request.path_params["fmt"]
    media_type = choose(FORMATS, fmt)
    choose(followup.COHORT_EXPORTS, name, "export")
    body, file_name = followup.cohort_export(session, actor, cohort_id, name, fmt)
    return Download(body, media_type, file_name)


def node_image(request: Request, session: Session, actor: CurrentUser) -> Download:
    """A node's image, for those who may open its scenario."""
    scenario_id, name = request.path_params["scenario_id"], request.path_params["name"]
    scenario = scenarios.get_scenario(session, actor, scenario_id).scenario
    if all(node.image != name for node in scenario.nodes):
        raise NotFound("Bilden finns inte.")
    body, media_type = images.read_image(name)
    return Download(body, media_type, name, inline=True, headers=IMAGE_HEADERS)


ROUTES = [
    download_route("/api/traning/scenarier/{scenario_id:int}/twee", twee),
    download_route("/api/traning/uppfoljning/{cohort_id:int}/{scenario_id:int}/{fmt}", results),
    download_route("/api/traning/uppfoljning/{cohort_id:int}/{name:str}.{fmt:str}", cohort),
    download_route("/api/traning/scenarier/{scenario_id:int}/bilder/{name:str}", node_image),
]
