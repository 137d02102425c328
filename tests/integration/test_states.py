"""The web layer's event handlers, called directly: role checks happen on the server."""

import pytest

from academy.admin.state import AdminState
from academy.core.web.login_state import LoginState
from academy.core.web.session import SessionState
from academy.demo import DEMO_PASSWORD
from tests.integration.conftest import count


def logged_in(state_class, email):
    login = LoginState()
    login.submit({"email": email, "password": DEMO_PASSWORD})
    assert login.error == "" and login.token
    state = state_class()
    state.token = login.token
    return state


def test_wrong_password_shows_swedish_message_and_no_login(demo):
    login = LoginState()
    login.submit({"email": "admin@demo.se", "password": "gissning"})
    assert login.error == "Fel e-postadress eller lösenord."
    assert login.token == ""


def test_login_shows_exactly_the_areas_of_the_roles(demo):
    expected = {
        "admin@demo.se": ["inventory", "courses", "practice", "journeys", "admin"],
        "utbildare@demo.se": ["inventory", "courses", "practice", "journeys"],
        "medarbetare@demo.se": ["inventory", "courses", "practice", "journeys"],
        "strateg@demo.se": ["journeys"],
    }
    for email, areas in expected.items():
        state = logged_in(SessionState, email)
        state.require_login()
        assert state.allowed_areas == areas


@pytest.mark.parametrize("email", ["medarbetare@demo.se", "utbildare@demo.se", "strateg@demo.se"])
def test_admin_events_are_refused_for_other_roles(demo, email):
    state = logged_in(AdminState, email)
    users_before = count(demo, "users")
    state.load_users()
    assert state.users == [] and state.error == "Du har inte behörighet att göra detta."
    state.save_user(
        {
            "name": "Inkräktare",
            "email": "x@demo.se",
            "password": "langt-losenord",
            "role_admin": "on",
        }
    )
    assert state.error == "Du har inte behörighet att göra detta."
    state.load_events()
    assert state.events == []
    assert count(demo, "users") == users_before


def test_admin_creates_a_user_through_the_form_handler(demo):
    state = logged_in(AdminState, "admin@demo.se")
    state.load_users()
    state.save_user(
        {
            "name": "Nils Nyström",
            "email": "nils@demo.se",
            "password": "langt-losenord",
            "role_trainer": "on",
            "unit_id": "",
        }
    )
    assert state.error == ""
    assert "nils@demo.se" in [user["email"] for user in state.users]
    state.save_user(
        {
            "name": "Dubblett",
            "email": "nils@demo.se",
            "password": "langt-losenord",
            "role_employee": "on",
        }
    )
    assert state.error == "Det finns redan en användare med e-postadressen nils@demo.se."


def test_logged_out_token_no_longer_opens_anything(demo):
    state = logged_in(AdminState, "admin@demo.se")
    token = state.token
    state.logout()
    again = AdminState()
    again.token = token
    again.load_users()
    assert again.users == [] and again.error == "Du är inte inloggad."
