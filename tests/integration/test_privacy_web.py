"""Mina uppgifter's downloads, the admin's erasure and the statement through the web layer."""

import json

from sqlalchemy import select
from starlette.applications import Starlette
from starlette.testclient import TestClient

from academy.admin.web.users_state import UsersState
from academy.core.db import session_scope
from academy.core.models import User
from academy.privacy.web.api import API
from academy.privacy.web.privacy_state import StatementState
from tests.integration.test_web_kit import login_token
from tests.sessions import with_cookie


def client(email: str | None) -> TestClient:
    test_client = TestClient(Starlette(routes=API))
    if email:
        test_client.cookies.set("sa_session", login_token(email))
    return test_client


def user_id(engine, email: str) -> int:
    with session_scope(engine) as session:
        return session.scalar(select(User.id).where(User.email == email))


def test_the_extract_downloads_for_the_person_and_for_admins_only(demo):
    sara = client("medarbetare@demo.se")
    response = sara.get("/api/registerutdrag/json")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    assert json.loads(response.text)["konto"]["e-post"] == "medarbetare@demo.se"
    pdf = sara.get("/api/registerutdrag/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert "registerutdrag-sara-nilsson.pdf" in pdf.headers["content-disposition"]
    assert sara.get("/api/registerutdrag/docx").status_code == 404
    assert client(None).get("/api/registerutdrag/json").status_code == 401

    sara_id = user_id(demo, "medarbetare@demo.se")
    path = f"/api/admin/anvandare/{sara_id}/registerutdrag/json"
    assert client("johan.ek@demo.se").get(path).status_code == 403
    assert client("admin@demo.se").get(path).status_code == 200


def test_the_admin_removes_a_persons_identity_from_the_users_page(demo):
    admin = UsersState()
    with_cookie(admin, login_token("admin@demo.se"))
    admin.load()
    johan = user_id(demo, "johan.ek@demo.se")
    admin.erase(johan)
    assert admin.error == "" and admin.message_at == f"user-{johan}"
    assert admin.notice.startswith("Personuppgifterna för Johan Ek är borttagna")
    row = next(u for u in admin.users if u.id == johan)
    assert row.erased and row.status == "Borttagen" and row.name == "Borttagen användare"

    employee = UsersState()
    with_cookie(employee, login_token("medarbetare@demo.se"))
    employee.erase(user_id(demo, "eva.holm@demo.se"))
    assert employee.error == "Du har inte behörighet att göra detta."


def test_the_statement_is_public_and_only_admins_save_it(demo):
    stranger = StatementState()
    stranger.load_public()
    assert stranger.error == "" and stranger.statement.service == "Serviceakademin"
    form = {
        "organisation": "Exempelby kommun",
        "service": "Serviceakademin",
        "compliance": "delvis",
        "gaps": "PDF-filer är inte taggade.\n\nDiagrammen saknar textalternativ.",
        "assessment": "Självskattning med axe-core.",
        "assessed_on": "2026-11-30",
        "feedback": "Ring kontaktcenter.",
    }
    stranger.save(form)
    assert stranger.error.startswith("Du är inte inloggad")

    admin = StatementState()
    with_cookie(admin, login_token("admin@demo.se"))
    admin.save({**form, "assessed_on": "30/11"})
    assert "ÅÅÅÅ-MM-DD" in admin.field_errors["assessed_on"]
    admin.save(form)
    assert admin.notice == "Tillgänglighetsredogörelsen är sparad."
    stranger.load_public()
    assert stranger.statement.organisation == "Exempelby kommun"
    assert stranger.statement.gaps == (
        "PDF-filer är inte taggade.",
        "Diagrammen saknar textalternativ.",
    )
