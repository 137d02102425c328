"""Per-cohort follow-up downloads: role-play ratings and practice-log activity as CSV and XLSX."""

import io

from openpyxl import load_workbook
from sqlalchemy import select
from starlette.applications import Starlette
from starlette.testclient import TestClient

from academy.core.db import session_scope
from academy.courses.demo.seed import COHORT_NAME
from academy.courses.models import Cohort
from academy.practice.web.api import ROUTES
from academy.practice.web.followup_state import FollowUpState
from tests.integration.test_states import logged_in
from tests.sessions import token_of


def _cohort_id(engine) -> int:
    with session_scope(engine) as session:
        return session.scalar(select(Cohort.id).where(Cohort.name == COHORT_NAME))


def _client_as(email: str | None) -> TestClient:
    client = TestClient(Starlette(routes=ROUTES))
    if email:
        client.cookies.set("sa_session", token_of(logged_in(FollowUpState, email)))
    return client


def test_ratings_export_needs_the_cohorts_trainer(demo):
    url = f"/api/traning/uppfoljning/{_cohort_id(demo)}/bedomningar.csv"
    assert _client_as(None).get(url).status_code == 401
    refused = _client_as("medarbetare@demo.se").get(url)
    assert refused.status_code == 403
    assert refused.text == "Du har inte behörighet att göra detta."
    response = _client_as("utbildare@demo.se").get(url)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Deltagare;Rollspel;Observatör;Påstående;Bedömning;Kommentar"
    assert len(lines) == 5  # the demo observation rates four statements
    first = lines[1].split(";")
    assert first[:3] == ["Sara Nilsson", "Invånaren som vill prata med en chef", "Johan Ek"]
    assert first[4:] == ["4", "Du lät lugn och trygg."]


def test_log_activity_export_as_xlsx_counts_entries_and_feedback(demo):
    cohort_id = _cohort_id(demo)
    client = _client_as("utbildare@demo.se")
    response = client.get(f"/api/traning/uppfoljning/{cohort_id}/loggaktivitet.xlsx")
    assert response.status_code == 200
    assert response.headers["content-disposition"].startswith(
        f'attachment; filename="traningslogg-aktivitet-{cohort_id}.xlsx"'
    )
    assert response.headers["cache-control"] == "no-store"
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Träningslogg"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Deltagare", "Loggposter", "Med återkoppling", "Senaste")
    sara = next(row for row in rows if row[0] == "Sara Nilsson")
    assert sara == ("Sara Nilsson", 3, 1, "2026-03-23")
    unknown = client.get(f"/api/traning/uppfoljning/{cohort_id}/personer.csv")
    assert unknown.status_code == 404
    missing = client.get("/api/traning/uppfoljning/999999/loggaktivitet.csv")
    assert missing.status_code == 404 and missing.text == "Kursomgången finns inte."
