"""The web layer's event handlers, called directly: role checks happen on the server."""

import asyncio

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from academy.admin.web.audit_state import AuditState
from academy.admin.web.units_state import UnitsState
from academy.admin.web.users_state import UsersState
from academy.core.web import session_api
from academy.core.web.base import NOT_LOGGED_IN
from academy.core.web.login_state import LoginState
from academy.core.web.session import SessionState
from academy.demo import DEMO_PASSWORD
from tests.integration.conftest import count
from tests.sessions import redeem, token_of, with_cookie


def logged_in(state_class, email):
    """A new `state_class` whose websocket connection carries the login cookie of `email`."""
    login = LoginState()
    asyncio.run(login.submit({"email": email, "password": DEMO_PASSWORD}))
    assert login.error == "" and login.handoff
    return with_cookie(state_class(), redeem(login.handoff))


def test_wrong_password_shows_swedish_message_and_no_login(demo):
    events_before = count(demo, "audit_events")
    login = LoginState()
    asyncio.run(login.submit({"email": "admin@demo.se", "password": "gissning"}))
    assert login.error == "Fel e-postadress eller lösenord."
    assert login.message_at == "login" and login.handoff == ""
    assert count(demo, "audit_events") == events_before + 1  # the refusal is kept in the log


def test_login_shows_exactly_the_areas_of_the_roles(demo):
    expected = {
        "admin@demo.se": ["inventory", "courses", "practice", "journeys", "admin"],
        "utbildare@demo.se": ["inventory", "courses", "practice", "journeys"],
        "medarbetare@demo.se": ["inventory", "courses", "practice", "journeys"],
        "strateg@demo.se": ["journeys"],
    }
    for email, areas in expected.items():
        state = logged_in(SessionState, email)
        state._check_login()
        assert state.allowed_areas == areas


REFUSED = "Du har inte behörighet att göra detta."


@pytest.mark.parametrize("email", ["medarbetare@demo.se", "utbildare@demo.se", "strateg@demo.se"])
def test_admin_events_are_refused_for_other_roles(demo, email):
    state = logged_in(UsersState, email)
    users_before = count(demo, "users")
    state.load()
    assert state.users == [] and state.error == REFUSED
    state.save_user(
        {
            "name": "Inkräktare",
            "email": "x@demo.se",
            "password": "gurka-tromb0n-vals",
            "role_admin": "on",
        }
    )
    assert state.error == REFUSED
    state.set_active(1, False)
    assert state.error == REFUSED
    units = logged_in(UnitsState, email)
    units.save_unit({"name": "Skuggenhet", "kind": "enhet"})
    assert units.error == REFUSED and units.units == []
    events = logged_in(AuditState, email)
    events.load()
    assert events.events == [] and events.error == REFUSED
    assert count(demo, "users") == users_before


def test_admin_creates_a_user_through_the_form_handler(demo):
    state = logged_in(UsersState, "admin@demo.se")
    state.load()
    state.save_user(
        {
            "name": "Nils Nyström",
            "email": "nils@demo.se",
            "password": "gurka-tromb0n-vals",
            "role_trainer": "on",
            "unit_id": "",
        }
    )
    assert state.error == "" and state.message_at == "user-form"
    assert state.notice == "Användaren nils@demo.se är sparad."
    nils = next(user for user in state.users if user.email == "nils@demo.se")
    assert (nils.roles, nils.status) == ("Utbildare", "Aktiv")
    state.save_user(
        {
            "name": "Dubblett",
            "email": "nils@demo.se",
            "password": "gurka-tromb0n-vals",
            "role_employee": "on",
        }
    )
    assert state.error == "Det finns redan en användare med e-postadressen nils@demo.se."
    assert state.field_errors == {"email": state.error}


def test_a_missing_role_is_reported_at_the_roles(demo):
    state = logged_in(UsersState, "admin@demo.se")
    state.load()
    state.save_user(
        {"name": "Utan Roll", "email": "utan@demo.se", "password": "gurka-tromb0n-vals"}
    )
    assert state.message_at == "user-form"
    assert state.field_errors == {"roles": "Välj minst en roll."}


def test_deactivating_a_user_reports_at_its_row_and_ends_its_login(demo):
    sara = logged_in(SessionState, "medarbetare@demo.se")
    state = logged_in(UsersState, "admin@demo.se")
    state.load()
    target = next(user for user in state.users if user.email == "medarbetare@demo.se")
    state.set_active(target.id, False)
    assert state.message_at == f"user-{target.id}"
    assert state.notice == "Sara Nilsson är inaktiverad." and state.error == ""
    assert next(u for u in state.users if u.id == target.id).status == "Inaktiverad"
    sara._check_login()
    assert sara.user_name == ""
    state.set_active(target.id, True)
    assert state.notice == "Sara Nilsson är aktiverad."


def test_an_admin_cannot_deactivate_themselves_and_hears_it_at_the_row(demo):
    state = logged_in(UsersState, "admin@demo.se")
    state.load()
    me = next(user for user in state.users if user.email == "admin@demo.se")
    state.set_active(me.id, False)
    assert state.message_at == f"user-{me.id}"
    assert state.error == "Du kan inte inaktivera ditt eget konto."
    assert next(u for u in state.users if u.id == me.id).active


def test_unit_form_reports_a_clash_at_the_name_field(demo):
    state = logged_in(UnitsState, "admin@demo.se")
    state.load()
    state.save_unit({"name": "Servicecenter", "kind": "enhet", "parent_id": ""})
    assert state.notice == "Enheten Servicecenter är sparad."
    state.save_unit({"name": "servicecenter", "kind": "enhet", "parent_id": ""})
    assert state.message_at == "unit-form"
    assert state.field_errors == {
        "name": "Det finns redan en enhet som heter ”servicecenter” på samma nivå."
    }


def test_audit_log_names_roles_in_swedish(demo):
    users = logged_in(UsersState, "admin@demo.se")
    users.save_user(
        {
            "name": "Rolf Roll",
            "email": "rolf@demo.se",
            "password": "gurka-tromb0n-vals",
            "role_strategist": "on",
            "role_trainer": "on",
        }
    )
    state = logged_in(AuditState, "admin@demo.se")
    state.load()
    created = next(e for e in state.events if e.subject == "rolf@demo.se")
    assert created.label == "Användare skapad"
    assert created.detail == "roller: Utvecklingsstrateg, Utbildare"


def test_logged_out_token_no_longer_opens_anything(demo):
    state = logged_in(UsersState, "admin@demo.se")
    token = token_of(state)
    client = TestClient(Starlette(routes=session_api.ROUTES))
    client.cookies.set("sa_session", token)
    answer = client.post("/api/utloggning", follow_redirects=False)
    assert answer.headers["location"] == "/logga-in?utloggad=1"
    again = with_cookie(UsersState(), token)
    again.load()
    assert again.users == [] and again.error == NOT_LOGGED_IN
