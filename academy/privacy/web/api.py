"""Registerutdrag downloads: one's own, and (for admins) anyone's; JSON or PDF."""

from __future__ import annotations

import json

from academy.core.web.download import PDF, Download, choose, download_route, slug
from academy.privacy.extract import register_extract
from academy.privacy.extract_pdf import extract_pdf

JSON = "application/json; charset=utf-8"

FORMATS = {
    "json": (JSON, lambda extract: json.dumps(extract, ensure_ascii=False, indent=2).encode()),
    "pdf": (PDF, extract_pdf),
}


def _download(session, actor, user_id: int, fmt: str) -> Download:
    media_type, write = choose(FORMATS, fmt)
    extract = register_extract(session, actor, user_id)
    name = slug(extract["konto"]["namn"], "person")
    return Download(write(extract), media_type, f"registerutdrag-{name}.{fmt}")


def own_extract(request, session, actor) -> Download:
    return _download(session, actor, actor.id, request.path_params["fmt"])


def user_extract(request, session, actor) -> Download:
    return _download(session, actor, request.path_params["user_id"], request.path_params["fmt"])


API = [
    download_route("/api/registerutdrag/{fmt}", own_extract),
    download_route("/api/admin/anvandare/{user_id:int}/registerutdrag/{fmt}", user_extract),
]
