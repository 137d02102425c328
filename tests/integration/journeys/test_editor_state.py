"""The editor's event handlers, called directly: the server refuses edits by non-editors, and
every message shows beside the action that caused it."""

import asyncio

from academy.core.db import session_scope
from academy.core.web.login_state import LoginState
from academy.demo import DEMO_PASSWORD
from academy.journeys import store
from academy.journeys.web import forms
from academy.journeys.web.editor_state import JourneyEditorState, JourneyViewState
from tests.integration.conftest import run_event
from tests.integration.journeys.test_store import _felanmalan_id, actor
from tests.sessions import redeem, with_cookie

REFUSED = "Du har inte behörighet att göra detta."


def view(state):
    """The editor's view substate (zoom, tab, open step)."""
    return state.substates[JourneyViewState.get_name()]


def editor_for(engine, email, journey_id):
    login = LoginState()
    asyncio.run(login.submit({"email": email, "password": DEMO_PASSWORD}))
    state = JourneyEditorState()
    with_cookie(state, redeem(login.handoff))
    state.journey_id = journey_id
    assert state._run(state._reload, at="page"), state.error
    return state


def stored(engine, journey_id):
    with session_scope(engine) as session:
        return store.get_journey(session, actor(engine, "strateg@demo.se"), journey_id)


STEP = {"text": "Nytt steg", "stage": "", "lane": ""}


def test_employee_edit_events_are_refused_on_the_server(demo):
    journey_id = _felanmalan_id(demo)
    state = editor_for(demo, "medarbetare@demo.se", journey_id)
    assert state.can_edit is False and state.link_choices == []
    first = state.stages[0].id
    run_event(state.save_step({**STEP, "stage": first, "lane": state.lanes[0].id}))
    assert (state.error, state.message_at) == (REFUSED, "step")
    run_event(state.add_column({"what": "stage", "name": "Smygfas"}))
    assert (state.error, state.message_at) == (REFUSED, "stage")
    run_event(state.delete_flow(state.flows[0].source, state.flows[0].target))
    assert (state.error, state.message_at) == (REFUSED, "flows")
    run_event(state.restore(1))
    assert (state.error, state.message_at) == (REFUSED, "history")
    assert stored(demo, journey_id).version == 1


def test_a_bad_number_is_reported_at_its_field_and_a_save_at_the_step_form(demo):
    journey_id = _felanmalan_id(demo)
    state = editor_for(demo, "strateg@demo.se", journey_id)
    view(state).new_step()
    form = {**STEP, "stage": state.stages[0].id, "lane": state.lanes[0].id}
    run_event(state.save_step({**form, "volume_per_week": "många"}))
    assert state.error == "Volym per vecka måste vara ett tal."
    assert state.message_at == "step"
    assert state.field_errors == {"volume_per_week": "Volym per vecka måste vara ett tal."}
    assert state.version == 1
    run_event(
        state.save_step({**form, "volume_per_week": "12,5", "first_contact_resolution": "80"})
    )
    assert (state.error, state.notice, state.message_at) == ("", "Sparat som version 2.", "step")
    # the form is ready for the next step, in the same stage and lane
    assert (
        state.version == 2 and view(state).step_id == "" and view(state).just_added == "Nytt steg"
    )
    assert (view(state).step.stage, view(state).step.lane, view(state).step.text) == (
        form["stage"],
        form["lane"],
        "",
    )
    added = next(s for s in state.steps if s.text == "Nytt steg")
    saved = stored(demo, journey_id).journey.step(added.id)
    assert (saved.volume_per_week, saved.first_contact_resolution) == (12.5, 0.8)

    view(state).open_step(added.id)
    assert view(state).just_added == ""
    run_event(state.delete_step())
    assert (state.notice, state.message_at, view(state).step_id) == (
        "Sparat som version 3.",
        "step",
        "",
    )
    assert all(s.text != "Nytt steg" for s in state.steps)


def _step_form(row) -> dict:
    """What the step form sends for `row` as the page shows it (checkboxes send "on")."""
    sent = {name: getattr(row, name) for name in forms.STEP_FORM_FIELDS}
    return sent | {name: "on" for name in forms.STEP_FORM_CHECKBOXES if getattr(row, name)}


def test_a_saved_step_keeps_its_form_unless_the_save_normalised_what_it_sent(demo):
    journey_id = _felanmalan_id(demo)
    state = editor_for(demo, "strateg@demo.se", journey_id)
    shown = view(state)
    step = next(s for s in state.steps if s.pain_points)
    shown.open_step(step.id)
    key = shown.step_form_key
    # The form already shows what is saved: it stays in the page (its key), with the new text.
    form = _step_form(step) | {"text": "Ny text", "pain_points": "Ett\r\nTvå"}
    run_event(state.save_step(form))
    assert (state.error, state.notice) == ("", "Sparat som version 2.")
    assert (shown.step_form_key, shown.step.text, shown.step.pain_points) == (
        key,
        "Ny text",
        "Ett\nTvå",
    )
    # The save rewrote what was sent (spaces, a number): the form is made again to show it.
    run_event(state.save_step(form | {"text": "  Ny text igen ", "volume_per_week": "12,50"}))
    assert state.notice == "Sparat som version 3."
    assert shown.step_form_key == key + 1
    assert (shown.step.text, shown.step.volume_per_week) == ("Ny text igen", "12.5")
    # Saved again as it is now shown: nothing changes, the form stays.
    run_event(state.save_step(_step_form(shown.step)))
    assert (state.notice, shown.step_form_key) == ("Sparat som version 4.", key + 1)


def test_a_stale_save_names_who_saved_and_stays_at_the_form(demo):
    journey_id = _felanmalan_id(demo)
    first = editor_for(demo, "strateg@demo.se", journey_id)
    second = editor_for(demo, "admin@demo.se", journey_id)
    step = first.steps[0]
    form = {"text": "Ändrad", "stage": step.stage, "lane": step.lane}
    view(first).open_step(step.id)
    run_event(first.save_step(form))
    assert first.notice == "Sparat som version 2."
    view(second).open_step(step.id)
    run_event(second.save_step({**form, "text": "Krock"}))
    assert "har ändrats av Erik Johansson" in second.error and second.message_at == "step"
    assert second.version == 1 and stored(demo, journey_id).journey.step(step.id).text == "Ändrad"


def test_lanes_use_the_glossary_words_and_column_messages_stay_at_their_list(demo):
    state = editor_for(demo, "strateg@demo.se", _felanmalan_id(demo))
    run_event(state.add_column({"what": "lane", "name": "Kommunvägledare", "role": "frontstage"}))
    assert (state.notice, state.message_at) == ("Sparat som version 2.", "lane")
    assert state.lanes[-1].role == "Främre led (synlig)"
    run_event(state.add_column({"what": "lane", "name": "kommunvägledare", "role": "support"}))
    assert state.message_at == "lane" and "redan en bana" in state.error
    assert state.field_errors == {"name": state.error}
    run_event(state.rename_column({"what": "stage", "id": state.stages[0].id, "name": " "}))
    assert (state.error, state.message_at, state.field_errors) == (
        "Namn måste fyllas i.",
        "stage",
        {},
    )
    run_event(state.move_column("stage", state.stages[1].id, -1))
    assert state.message_at == "stage" and state.notice.startswith("Sparat")


def test_deleting_a_stage_moves_its_steps_where_the_dialog_said(demo):
    state = editor_for(demo, "strateg@demo.se", _felanmalan_id(demo))
    doomed, keeper = state.stages[0], state.stages[1]
    assert doomed.steps > 0
    steps_before = len(state.steps)
    run_event(state.delete_column({"what": "stage", "id": doomed.id, "move_to": keeper.id}))
    assert (state.message_at, state.error) == ("stage", "")
    assert doomed.id not in [s.id for s in state.stages] and len(state.steps) == steps_before
    assert next(s for s in state.stages if s.id == keeper.id).steps == keeper.steps + doomed.steps


def test_flows_report_at_the_flows_and_a_share_error_at_its_field(demo):
    state = editor_for(demo, "strateg@demo.se", _felanmalan_id(demo))
    a, b = state.steps[0].id, state.steps[-1].id
    run_event(state.add_flow({"source": a, "target": b, "share": "3"}))
    assert state.message_at == "flows" and state.field_errors == {
        "share": "Andel måste vara mellan 0 och 1."
    }
    count = len(state.flows)
    run_event(state.delete_flow(state.flows[0].source, state.flows[0].target))
    assert (state.notice, state.message_at, len(state.flows)) == (
        "Sparat som version 2.",
        "flows",
        count - 1,
    )


def test_restore_and_links_report_beside_their_buttons(demo):
    state = editor_for(demo, "strateg@demo.se", _felanmalan_id(demo))
    run_event(state.delete_flow(state.flows[0].source, state.flows[0].target))
    run_event(state.restore(1))
    assert (state.notice, state.message_at) == ("Version 1 är återställd som version 3.", "history")
    assert [v.version for v in state.history_rows] == [3, 2, 1]
    assert state.history_rows[0].restore_changes == ""  # the current version
    assert state.history_rows[-1].restore_changes  # says what restoring version 1 changes

    view(state).open_step(state.steps[0].id)
    run_event(state.link_training({"target": "kurs:1"}))
    assert state.message_at == "links" and state.field_errors.get("target")
    run_event(state.link_training({"target": state.link_choices[0].value}))
    assert (state.notice, state.message_at) == ("Kopplingen till utbildning är sparad.", "links")
    assert len(view(state).step_links) == 1
    run_event(state.unlink_training(view(state).step_links[0].id))
    assert (state.notice, view(state).step_links) == ("Kopplingen är borttagen.", [])


def test_an_added_flow_is_summarised_by_its_steps_texts(demo):
    state = editor_for(demo, "strateg@demo.se", _felanmalan_id(demo))
    first, last = state.steps[0], state.steps[-1]
    run_event(
        state.add_flow({"source": last.id, "target": first.id, "kind": "rework", "share": ""})
    )
    assert state.error == "", state.error
    assert state.history_rows[0].summary == f"Flöde tillagt: {last.text} → {first.text}"


def test_a_save_sends_its_tables_first_and_the_diagram_of_the_saved_journey_after(demo):
    from academy.journeys.web import diagrams

    journey_id = _felanmalan_id(demo)
    state = editor_for(demo, "strateg@demo.se", journey_id)
    before = view(state).svg_url
    step = state.steps[0]
    view(state).open_step(step.id)
    form = {"text": "Ringer om trasig lykta", "stage": step.stage, "lane": step.lane}

    async def updates() -> list[tuple[str, str, str]]:
        seen = []
        async for _ in state.save_step(form):
            seen.append((state.notice, state.steps[0].text, view(state).svg_url))
        seen.append((state.notice, state.steps[0].text, view(state).svg_url))
        return seen

    first, last = asyncio.run(updates())
    # The first update holds the saved step and its message; the diagram is still the old one.
    assert first == ("Sparat som version 2.", "Ringer om trasig lykta", before)
    # The event ends with the diagram of the journey as saved.
    assert last[:2] == first[:2] and last[2] != before
    assert "Ringer om trasig lykta" in diagrams.kept_at(last[2])
    assert "Ringer om trasig lykta" not in diagrams.kept_at(before)


def test_a_refused_save_sends_no_diagram(demo):
    journey_id = _felanmalan_id(demo)
    state = editor_for(demo, "strateg@demo.se", journey_id)
    before = view(state).svg_url
    view(state).open_step(state.steps[0].id)

    async def updates() -> int:
        return len([_ async for _ in state.save_step({"text": "", "stage": "", "lane": ""})])

    assert asyncio.run(updates()) == 0
    assert state.error and view(state).svg_url == before and state.version == 1


def test_a_diagram_that_cannot_be_kept_is_reported_and_the_save_stands(demo, caplog):
    from academy.core.settings import data_dir
    from academy.core.web.base import UNEXPECTED

    journey_id = _felanmalan_id(demo)
    state = editor_for(demo, "strateg@demo.se", journey_id)
    step = state.steps[0]
    view(state).open_step(step.id)
    # The journey's diagram folder cannot be made: a file stands where it would be.
    folder = data_dir() / "journey-diagrams" / str(journey_id)
    for old in folder.glob("*"):
        old.unlink()
    folder.rmdir()
    folder.write_text("")
    try:
        run_event(state.save_step({"text": "Ändrad", "stage": step.stage, "lane": step.lane}))
    finally:
        folder.unlink()
    assert (state.notice, view(state).diagram_error) == ("Sparat som version 2.", UNEXPECTED)
    assert stored(demo, journey_id).journey.step(step.id).text == "Ändrad"
    assert "Unexpected error drawing journey" in caplog.text


def _opened(demo, journey_id, monkeypatch, *, hold: bool):
    """The editor as its page opens journey `journey_id` (`load`), a journey shown before in
    the tab, and graphviz held back while `hold`."""
    import threading

    from academy.journeys.web import editor_state

    state = editor_for(demo, "strateg@demo.se", _felanmalan_id(demo))
    monkeypatch.setattr(JourneyEditorState, "_param", lambda self, name: journey_id)
    released = threading.Event()
    if not hold:
        released.set()
    real = editor_state._draw

    def held_draw(*args):
        assert released.wait(30)
        return real(*args)

    monkeypatch.setattr(editor_state, "_draw", held_draw)
    return state, released


def test_opening_shows_the_tables_before_graphviz_is_done_and_the_diagram_after(demo, monkeypatch):
    from academy.journeys.web import diagrams

    journey_id = _felanmalan_id(demo)
    state, released = _opened(demo, journey_id, monkeypatch, hold=True)
    drawn_before = view(state).svg_url  # the same journey, drawn while the event waited
    assert diagrams.kept_at(drawn_before)
    then = run_event(state.load())
    # The page is there while graphviz still draws: no diagram of another journey meanwhile.
    assert state.steps and state.error == ""
    assert view(state).svg_url == "" and view(state).drawing is True
    assert then is JourneyEditorState.show_opened
    released.set()
    run_event(state.show_opened())
    assert view(state).drawing is False and view(state).diagram_error == ""
    assert view(state).svg_url == drawn_before


def test_a_diagram_this_worker_no_longer_holds_is_drawn_again(demo, monkeypatch):
    from academy.journeys.web import diagrams, editor_state

    journey_id = _felanmalan_id(demo)
    state, _ = _opened(demo, journey_id, monkeypatch, hold=False)
    drawn_before = view(state).svg_url
    assert run_event(state.load()) is JourneyEditorState.show_opened
    editor_state._OPENED.clear()  # as in a worker started anew
    run_event(state.show_opened())
    assert view(state).drawing is False and view(state).svg_url == drawn_before
    assert diagrams.kept_at(drawn_before) and state.error == ""


def test_a_journey_that_cannot_be_opened_starts_no_drawing(demo, monkeypatch):
    state, _ = _opened(demo, 999_999, monkeypatch, hold=False)
    assert run_event(state.load()) is None
    assert state.error and state.journey_id == 0 and view(state).drawing is False
