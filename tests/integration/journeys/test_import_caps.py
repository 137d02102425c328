"""Caps on what a person sends (issue: 200 learners at once): the login and role are checked
before an import's text or file is read or parsed, and sizes are capped with Swedish messages."""

import json

import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from academy.core.db import session_scope
from academy.core.errors import ValidationError
from academy.core.settings import UPLOADS
from academy.core.web.base import NOT_LOGGED_IN
from academy.core.web.upload_limit import UploadLimit
from academy.journeys import store
from academy.journeys.web import forms
from academy.journeys.web.list_state import JourneyListState
from journeys.formats import json_format
from journeys.model import MAX_STEPS, Flow, Journey, Lane, Stage, Step
from tests.integration.conftest import count, run_event
from tests.integration.courses.test_lesson_editing import Upload
from tests.integration.journeys.test_list_state import logged_in
from tests.integration.practice.helpers import person

REFUSED = "Du har inte behörighet att göra detta."


def mermaid(steps: int) -> str:
    tasks = "".join(f"    Steg {n}: 3: Medborgare\n" for n in range(steps))
    return f"journey\n  title Stor\n  section Fas\n{tasks}"


def big_journey(size: int) -> Journey:
    steps = [Step(f"s{n}", "f", "kund", f"Steg {n}") for n in range(size)]
    flows = [Flow(f"s{n}", f"s{n + 1}") for n in range(size - 1)]
    return Journey(
        "Stor",
        stages=[Stage("f", "Fas")],
        lanes=[Lane("kund", "Kund", "customer")],
        steps=steps,
        flows=flows,
    )


@pytest.fixture
def no_parsing(monkeypatch):
    """Fails the test if anything parses import text."""

    def parse(text):
        raise AssertionError("the import text was parsed")

    monkeypatch.setattr(forms, "import_text", parse)


@pytest.mark.parametrize("email", [None, "medarbetare@demo.se"])
def test_anonymous_or_wrong_role_import_is_refused_before_parsing(demo, no_parsing, email):
    state = logged_in(JourneyListState, email) if email else JourneyListState()
    expected = REFUSED if email else NOT_LOGGED_IN
    state.set_import_text(mermaid(30_000))  # the freeze in the issue: about 1 s of parsing
    before = count(demo, "journeys")
    run_event(state.preview_import())
    assert (state.error, state.message_at, state.has_preview) == (expected, "import", False)
    assert run_event(state.confirm_import()) is None and state.error == expected
    huge = Upload(b"x" * (UPLOADS.text_file * 3), "stor.mmd")
    run_event(state.upload([huge]))
    assert state.error == expected and huge.read_sizes == []  # the file was never read
    assert count(demo, "journeys") == before


def test_an_uploaded_file_over_the_cap_is_read_only_to_the_cap(demo):
    state = logged_in(JourneyListState, "strateg@demo.se")
    huge = Upload(b"x" * (UPLOADS.text_file * 3), "stor.mmd")
    run_event(state.upload([huge]))
    assert huge.read_sizes == [UPLOADS.text_file + 1]
    assert state.error == ("Filen är för stor: högst 2 MB går att ta emot. Inget har sparats.")
    assert state.message_at == "import" and not state.has_preview


def test_pasted_text_over_the_cap_is_refused(demo):
    state = logged_in(JourneyListState, "strateg@demo.se")
    state.set_import_text("journey\n" + "x" * UPLOADS.text_file)
    run_event(state.preview_import())
    assert state.error.startswith("Texten är för stor: högst 2 MB")


def test_an_import_over_1500_steps_is_refused_as_mermaid_and_as_json(demo):
    state = logged_in(JourneyListState, "strateg@demo.se")
    before = count(demo, "journeys")
    state.set_import_text(mermaid(MAX_STEPS + 1))
    run_event(state.preview_import())
    assert "Kundresan har fler än 1500 steg; högst 1500 steg går att importera" in state.error
    assert state.error.startswith(f"Fel på rad {MAX_STEPS + 4}, kolumn 5")  # the 1,501st step
    # JSON used to skip the diagram's limit: now it is refused the same way.
    state.set_import_text(json_format.dumps(big_journey(MAX_STEPS + 1)))
    assert run_event(state.confirm_import()) is None
    assert "Kundresan har 1501 steg; högst 1500 steg" in state.error
    assert count(demo, "journeys") == before
    state.set_import_text(mermaid(MAX_STEPS))
    run_event(state.preview_import())
    assert state.error == "" and state.preview.steps == MAX_STEPS


def test_a_save_over_1500_steps_is_refused(demo):
    with session_scope(demo) as session:
        strategist = person(session, "strateg@demo.se")
        journey_id = store.create_journey(session, strategist, big_journey(MAX_STEPS))
    with session_scope(demo) as session, pytest.raises(ValidationError, match="1501 steg"):
        store.edit_journey(
            session,
            person(session, "strateg@demo.se"),
            journey_id,
            lambda j: j.steps.append(Step("extra", "f", "kund", "Ett steg för mycket")),
            expected_version=1,
            summary="Steg tillagt",
        )
    with session_scope(demo) as session:
        assert len(store.get_journey(session, strategist, journey_id).journey.steps) == MAX_STEPS


def test_a_twee_file_with_too_many_passages_is_refused(demo):
    from academy.practice import scenarios

    passages = "".join(f":: Nod {n}\nText {n}\n\n" for n in range(1001))
    with pytest.raises(ValidationError, match="Filen har 1002 passager; högst 1000"):
        scenarios.parse_twee_text(":: Start\nBörja\n\n" + passages)


def test_a_gift_file_with_too_many_questions_is_refused(demo):
    from academy.courses import quizzes

    gift = "\n\n".join(f"Fråga {n}? {{T}}" for n in range(501))
    preview = quizzes.preview_gift_import(gift)
    assert preview.question_count == 0
    assert preview.errors == (
        "Fråga 501 (rad 1001): filen har fler än 500 frågor; högst 500 går att importera åt "
        "gången. Dela upp filen.",
    )


def test_upload_requests_over_the_cap_are_refused_before_their_body_is_read():
    received: list[int] = []

    async def endpoint(request):
        received.append(len(await request.body()))
        return PlainTextResponse("ok")

    app = Starlette(routes=[Route("/_upload", endpoint, methods=["POST"])])
    client = TestClient(UploadLimit(app, limit=1000))
    assert client.post("/_upload", content=b"x" * 1000).text == "ok"
    refused = client.post("/_upload", content=b"x" * 1001)
    assert refused.status_code == 413 and "för stor" in refused.text
    assert client.post("/_upload", content=iter([b"x"])).status_code == 411  # no length
    assert received == [1000]
    assert json.dumps(UPLOADS.request)  # one number, from settings
