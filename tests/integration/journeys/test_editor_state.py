"""The editor's event handlers, called directly: the server refuses edits by non-editors."""

from academy.core.db import session_scope
from academy.core.web.login_state import LoginState
from academy.demo import DEMO_PASSWORD
from journeys import store
from journeys.formats import json_format
from journeys.state import JourneyEditorState
from tests.integration.journeys.test_store import _felanmalan_id, actor


def editor_for(engine, email, journey_id):
    login = LoginState()
    login.submit({"email": email, "password": DEMO_PASSWORD})
    state = JourneyEditorState()
    state.token = login.token
    with session_scope(engine) as session:
        stored = store.get_journey(session, actor(engine, email), journey_id)
        state._show(stored, session)
    return state


STEP = {"text": "Nytt steg", "stage": "", "lane": ""}


def test_employee_edit_events_are_refused_on_the_server(demo):
    journey_id = _felanmalan_id(demo)
    state = editor_for(demo, "medarbetare@demo.se", journey_id)
    assert state.can_edit is False
    first = state.stages[0]["id"]
    state.save_step({**STEP, "stage": first, "lane": state.lanes[0]["id"]})
    assert state.error == "Du har inte behörighet att göra detta."
    state.add_column({"what": "stage", "name": "Smygfas"})
    assert state.error == "Du har inte behörighet att göra detta."
    with session_scope(demo) as session:
        assert store.get_journey(session, actor(demo, "strateg@demo.se"), journey_id).version == 1


def test_strategist_saves_a_step_and_bad_numbers_are_refused(demo):
    journey_id = _felanmalan_id(demo)
    state = editor_for(demo, "strateg@demo.se", journey_id)
    state.new_step()
    form = {**STEP, "stage": state.stages[0]["id"], "lane": state.lanes[0]["id"]}
    state.save_step({**form, "volume_per_week": "många"})
    assert state.error == "Volym per vecka måste vara ett tal."
    assert state.version == 1
    state.save_step({**form, "volume_per_week": "12,5", "first_contact_resolution": "80"})
    assert state.error == "" and state.version == 2
    saved = json_format.loads(state._document).step(state.step_id)
    assert (saved.volume_per_week, saved.first_contact_resolution) == (12.5, 0.8)
