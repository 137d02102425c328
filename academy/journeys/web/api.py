"""Download routes for journeys (SVG, PNG, PDF on A4 or A3, JSON, Mermaid, DOT).

Large diagrams stay out of the Reflex state: the browser fetches them here, through the one
download helper (login from the cookie, the journey must be visible to that person).
"""

from __future__ import annotations

from starlette.requests import Request

from academy.core.errors import NotFound
from academy.core.spreadsheets import to_csv, to_xlsx
from academy.core.web.download import CSV, PDF, XLSX, Download, choose, download_route, slug
from academy.journeys import store
from academy.journeys.contacts import service as contacts
from academy.journeys.web import diagrams
from academy.journeys.web.view import download_name
from journeys.blueprint import render_journey
from journeys.formats import json_format, mermaid
from journeys.formats.dot import to_dot
from journeys.printing import journey_pdf

# An SVG opened on its own must not run anything, whatever it contains.
SVG_HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"}
# format -> (media type, file extension, producer); "pdf" prints on A4, "pdf-a3" on A3.
EXPORTS = {
    "svg": ("image/svg+xml", "svg", lambda j: render_journey(j, "svg")),
    "png": ("image/png", "png", lambda j: render_journey(j, "png")),
    "pdf": (PDF, "pdf", lambda j: journey_pdf(j, "a4")),
    "pdf-a3": (PDF, "pdf", lambda j: journey_pdf(j, "a3")),
    "json": ("application/json", "json", lambda j: json_format.dumps(j).encode()),
    "mmd": ("text/plain; charset=utf-8", "mmd", lambda j: mermaid.to_mermaid(j).encode()),
    "dot": ("text/vnd.graphviz; charset=utf-8", "dot", lambda j: to_dot(j).encode()),
}


def export_journey(request: Request, session, actor) -> Download:
    fmt = request.path_params["fmt"]
    media_type, extension, produce = choose(EXPORTS, fmt)
    stored = store.get_journey(session, actor, request.path_params["journey_id"])
    return Download(
        body=produce(stored.journey),
        media_type=media_type,
        filename=download_name(stored.journey.title, stored.version, extension),
        headers=SVG_HEADERS,
    )


def editor_diagram(request: Request, session, actor) -> Download:
    """The editor's diagram kept by academy.journeys.web.diagrams (its URL has its hash)."""
    journey_id = request.path_params["journey_id"]
    store.require_visible(session, actor, journey_id)
    svg = diagrams.kept(journey_id, request.path_params["key"])
    if svg is None:
        raise NotFound("Diagrammet finns inte längre. Ladda om sidan.")
    return Download(
        body=svg.encode(),
        media_type="image/svg+xml",
        filename="diagram.svg",
        inline=True,
        headers=SVG_HEADERS,
    )


CONTACT_EXPORTS = {
    "csv": (CSV, to_csv),
    "xlsx": (XLSX, lambda table: to_xlsx(table, "Kontaktanalys")),
}


def export_contacts(request: Request, session, actor) -> Download:
    """The figures of one contact import (Kontaktanalys) as CSV or XLSX."""
    fmt = request.path_params["fmt"]
    media_type, produce = choose(CONTACT_EXPORTS, fmt)
    table, name = contacts.export_table(session, actor, request.path_params["import_id"])
    return Download(body=produce(table), media_type=media_type, filename=f"{slug(name)}.{fmt}")


ROUTES = [
    download_route("/api/kundresor/{journey_id:int}/export/{fmt}", export_journey),
    download_route("/api/kundresor/{journey_id:int}/diagram/{key}.svg", editor_diagram),
    download_route("/api/kundresor/kontakter/{import_id:int}/{fmt}", export_contacts),
]
