"""The journey list's and comparison's event handlers, called directly."""

import asyncio

from academy.core.web.login_state import LoginState
from academy.demo import DEMO_PASSWORD
from academy.journeys.web.compare_state import NOT_LINKED, JourneyCompareState
from academy.journeys.web.list_state import JourneyListState
from tests.integration.conftest import count, run_event
from tests.integration.journeys.test_store import _felanmalan_id
from tests.sessions import redeem, with_cookie

MERMAID = "journey\n  title Bygglov\n  section Ansökan\n    Fyller i: 3: Medborgare\n"


def logged_in(state_class, email):
    login = LoginState()
    asyncio.run(login.submit({"email": email, "password": DEMO_PASSWORD}))
    state = state_class()
    with_cookie(state, redeem(login.handoff))
    return state


def test_list_filters_and_shows_typed_rows(demo):
    state = logged_in(JourneyListState, "strateg@demo.se")
    state.filter({"search": "gatubelysning", "unit": "", "kind": ""})
    assert [(r.title, r.kind) for r in state.rows] == [("Felanmälan gatubelysning", "Nuläge")]
    assert state.rows[0].href == f"/kundresor/{state.rows[0].id}" and state.can_edit


def test_create_without_title_is_refused_at_the_title_field(demo):
    state = logged_in(JourneyListState, "strateg@demo.se")
    before = count(demo, "journeys")
    assert state.create({"title": " ", "kind": "current", "template": ""}) is None
    assert state.message_at == "create" and state.field_errors == {"title": state.error}
    assert count(demo, "journeys") == before
    assert state.create({"title": "Bygglov", "kind": "current", "template": ""}) is not None
    assert count(demo, "journeys") == before + 1


def test_import_errors_and_preview_stay_in_the_import_panel(demo):
    state = logged_in(JourneyListState, "strateg@demo.se")
    state.set_import_text(MERMAID.replace(": 3:", ": x:"))
    run_event(state.preview_import())
    assert state.message_at == "import" and state.error.startswith("Fel på rad 4")
    assert state.has_preview is False
    state.set_import_text(MERMAID)
    assert state.error == ""
    run_event(state.preview_import())
    assert state.has_preview and (state.preview.title, state.preview.steps) == ("Bygglov", 1)
    before = count(demo, "journeys")
    assert run_event(state.confirm_import()) is not None
    assert count(demo, "journeys") == before + 1


def test_employees_cannot_preview_or_create(demo):
    state = logged_in(JourneyListState, "medarbetare@demo.se")
    state.set_import_text(MERMAID)
    run_event(state.preview_import())
    assert (state.error, state.message_at, state.has_preview) == (
        "Du har inte behörighet att göra detta.",
        "import",
        False,
    )
    before = count(demo, "journeys")
    state.create({"title": "Smyg", "kind": "current"})
    assert state.message_at == "create" and count(demo, "journeys") == before


def test_compare_explains_a_journey_without_a_current_one(demo):
    state = logged_in(JourneyCompareState, "strateg@demo.se")
    state.journey_id = _felanmalan_id(demo)
    assert state._run(state._compare, at="page") is False
    assert (state.error, state.message_at, state.rows) == (NOT_LINKED, "page", [])
