import asyncio

import pytest
from sqlalchemy import select

from academy.core.db import session_scope
from academy.core.errors import AccessDenied, ValidationError
from academy.journeys import store
from academy.journeys.futures import ALREADY_FUTURE, create_future, future_title
from academy.journeys.models import JourneyRecord
from tests.integration.journeys.test_store import _felanmalan_id, actor
from tests.sessions import redeem, token_of, with_cookie


def test_a_current_journey_is_copied_into_a_linked_future_journey(demo):
    strategist = actor(demo, "strateg@demo.se")
    current_id = _felanmalan_id(demo)
    with session_scope(demo) as session:
        future_id = create_future(session, strategist, current_id)
    with session_scope(demo) as session:
        current = session.get(JourneyRecord, current_id)
        future = session.get(JourneyRecord, future_id)
        assert future.kind == "future" and future.current_journey_id == current_id
        assert (future.unit_id, future.owner_id, future.shared) == (
            current.unit_id,
            current.owner_id,
            current.shared,
        )
        stored = store.get_journey(session, strategist, future_id)
        source = store.get_journey(session, strategist, current_id)
    assert stored.journey.title == future_title(source.journey.title)
    assert stored.journey.title.endswith(" – önskat läge")
    assert [s.id for s in stored.journey.steps] == [s.id for s in source.journey.steps]
    assert stored.journey.flows == source.journey.flows
    with session_scope(demo) as session:
        (version,) = store.history(session, strategist, future_id)
    assert "önskat läge" in version.summary and source.journey.title in version.summary


def test_only_editors_copy_and_only_from_a_current_journey(demo):
    current_id = _felanmalan_id(demo)
    with session_scope(demo) as session, pytest.raises(AccessDenied):
        create_future(session, actor(demo, "medarbetare@demo.se"), current_id)
    strategist = actor(demo, "strateg@demo.se")
    with session_scope(demo) as session:
        future_id = create_future(session, strategist, current_id)
    with session_scope(demo) as session, pytest.raises(ValidationError, match="redan"):
        create_future(session, strategist, future_id)
    assert "önskat läge" in ALREADY_FUTURE
    with session_scope(demo) as session:
        assert session.scalar(select(JourneyRecord).where(JourneyRecord.id > future_id)) is None


def test_a_long_title_stays_within_the_limit():
    assert len(future_title("x" * 200)) == 200


def _future_state(email):
    from academy.core.web.login_state import LoginState
    from academy.demo import DEMO_PASSWORD
    from academy.journeys.web.future_state import JourneyFutureState

    login = LoginState()
    asyncio.run(login.submit({"email": email, "password": DEMO_PASSWORD}))
    state = JourneyFutureState()
    with_cookie(state, redeem(login.handoff))
    return state


def test_the_editor_button_opens_the_new_future_journey(demo):
    current_id = _felanmalan_id(demo)
    state = _future_state("strateg@demo.se")
    event = state.create(current_id)
    assert state.error == ""
    with session_scope(demo) as session:
        newest = session.scalar(select(JourneyRecord).order_by(JourneyRecord.id.desc()))
    assert newest.current_journey_id == current_id
    assert f"/kundresor/{newest.id}" in str(event)


def test_the_editor_button_is_refused_for_an_employee_beside_the_button(demo):
    state = _future_state("medarbetare@demo.se")
    assert state.create(_felanmalan_id(demo)) is None
    assert state.message_at == "future" and "behörighet" in state.error


def test_the_editor_opens_a_wide_blueprint_at_a_readable_zoom(demo):
    from tests.integration.journeys.test_editor_state import editor_for, view

    state = view(editor_for(demo, "strateg@demo.se", _felanmalan_id(demo)))
    assert (state.zoom, state.fit) == (75, False)  # natural size, scrolling; not fitted
    state.zoom_by(25)
    assert (state.zoom, state.fit) == (100, False)
    state.zoom_fit()
    assert state.fit is True


def test_the_comparison_marks_and_names_what_changed_in_the_copy(demo):
    from academy.journeys.web.compare_state import JourneyCompareState

    strategist = actor(demo, "strateg@demo.se")
    with session_scope(demo) as session:
        future_id = create_future(session, strategist, _felanmalan_id(demo))
    with session_scope(demo) as session:
        stored = store.get_journey(session, strategist, future_id)
        journey = stored.journey
        gone = next(s for s in journey.steps if s.failure_demand)
        journey.steps = [s for s in journey.steps if s.id != gone.id]
        journey.flows = [f for f in journey.flows if gone.id not in (f.source, f.target)]
        store.save_journey(
            session, strategist, future_id, journey, expected_version=1, summary="Steg bort"
        )
    state = _future_state("strateg@demo.se")
    compare_state = JourneyCompareState()
    with_cookie(compare_state, token_of(state))
    compare_state.journey_id = future_id
    assert compare_state._run(compare_state._compare, at="page"), compare_state.error
    assert compare_state.removed == f"”{gone.text}”" and compare_state.added == "inga"
    assert "Finns inte i önskat läge" in compare_state.current_svg
    assert "Finns inte i önskat läge" not in compare_state.future_svg
    rows = {row.label: row for row in compare_state.rows}
    assert rows["Steg"].moved_by == f"Ändrat av: {gone.text} (borttaget)"
    assert gone.id not in rows["Sviktande efterfrågan"].moved_by
