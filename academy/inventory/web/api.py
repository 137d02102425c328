"""Download of a campaign's needs profile as CSV or XLSX, through the one download helper.

The service checks the role and refuses below the anonymity threshold or while the campaign
is still open (422, see academy/core/web/download.py); every answer says no-store."""

from __future__ import annotations

from starlette.requests import Request

from academy.core.spreadsheets import to_csv, to_xlsx
from academy.core.web.download import CSV, XLSX, Download, choose, download_route, slug
from academy.inventory import campaigns, profile

FORMATS = {
    "csv": (CSV, to_csv),
    "xlsx": (XLSX, lambda table: to_xlsx(table, "Behovsprofil")),
}


def export_profile(request: Request, session, actor) -> Download:
    campaign_id = request.path_params["campaign_id"]
    table = profile.export_table(session, actor, campaign_id)  # role and threshold first
    fmt = request.path_params["fmt"]
    media_type, write = choose(FORMATS, fmt)
    title = campaigns.get_campaign(session, actor, campaign_id).title
    return Download(write(table), media_type, f"behovsprofil-{slug(title)}.{fmt}")


ROUTES = [download_route("/api/inventering/{campaign_id:int}/export/{fmt}", export_profile)]
