"""The web kit's server side on a real database: `_run`, the download helper, versioning."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select
from starlette.applications import Starlette
from starlette.testclient import TestClient

from academy.core.db import session_scope
from academy.core.errors import AccessDenied, NotFound, StaleEdit, ValidationError
from academy.core.models import User
from academy.core.versioning import save_versioned
from academy.core.web import base
from academy.core.web.base import BaseState
from academy.core.web.download import CSV, Download, download_route
from academy.core.web.login_state import LoginState
from academy.courses.models import Course
from academy.demo import DEMO_PASSWORD
from tests.sessions import redeem, with_cookie


class KitProbeState(BaseState):
    """A page state used only here, to call `_run` the way every page does."""

    seen_actor: str = ""


def login_token(email: str) -> str:
    login = LoginState()
    asyncio.run(login.submit({"email": email, "password": DEMO_PASSWORD}))
    token = redeem(login.handoff)
    assert token
    return token


def probe(email: str | None = None) -> KitProbeState:
    state = KitProbeState()
    with_cookie(state, login_token(email) if email else "")
    return state


def test_run_reports_success_at_the_action_and_resolves_the_login_in_its_session(demo):
    state = probe("utbildare@demo.se")

    def action(session, actor):
        state.seen_actor = session.get(User, actor.id).email

    assert state._run(action, "Sparat.", at="lesson-form")
    assert (state.notice, state.error, state.message_at) == ("Sparat.", "", "lesson-form")
    assert state.seen_actor == "utbildare@demo.se"


def test_run_refuses_a_tab_without_login_before_the_action(demo):
    state, ran = probe(), []
    assert not state._run(lambda session, actor: ran.append(actor), at="x")
    assert ran == [] and state.error == base.NOT_LOGGED_IN and state.message_at == "x"


def test_files_the_browser_refused_are_named_beside_their_upload():
    """The upload sends only the names of files it refused (kit `labelled_upload`)."""
    state = probe()
    state.refuse_files(["rapport.docx", "rapport.docx", 7, "x" * 500], "import", "Välj en .mmd.")
    assert state.message_at == "import" and state.notice == ""
    assert state.error.startswith("rapport.docx, " + "x" * 80 + " kan inte användas.")
    assert state.error.endswith("Välj en .mmd.") and "x" * 81 not in state.error
    state.refuse_files([], "import", "Välj en .mmd.")
    assert state.error == "Filen kan inte användas. Välj en .mmd."


def test_a_field_error_lands_beside_its_field_and_nothing_is_saved(demo):
    state = probe("utbildare@demo.se")
    before = _course_count()

    def action(session, actor):
        session.add(Course(title="Halvsparad", created_by=actor.id))
        session.flush()
        raise ValidationError("Ange en titel.", field="title")

    assert not state._run(action, "Sparat.", at="course-form")
    assert state.field_errors == {"title": "Ange en titel."}
    assert state.error == "Ange en titel." and state.notice == ""
    assert _course_count() == before


def test_unexpected_errors_and_conflicts_become_swedish_messages(demo):
    state = probe("utbildare@demo.se")

    def crash(session, actor):
        raise KeyError("internal detail")

    assert not state._run(crash)
    assert state.error == base.UNEXPECTED and "internal detail" not in state.error

    def duplicate_email(session, actor):
        first = session.scalars(select(User)).first()
        session.add(User(name="Kopia", email=first.email, password_hash="x"))
        session.flush()

    assert not state._run(duplicate_email)
    assert state.error == base.CONFLICT


def test_a_new_event_clears_the_previous_message(demo):
    state = probe("utbildare@demo.se")
    state._run(lambda s, a: (_ for _ in ()).throw(ValidationError("Fel.")), at="a")
    assert state.error == "Fel."
    state._run(lambda s, a: None, "Klart.", at="b")
    assert (state.error, state.notice, state.message_at) == ("", "Klart.", "b")


def _course_count() -> int:
    with session_scope() as session:
        return len(session.scalars(select(Course)).all())


@pytest.fixture
def client(demo):
    def ok(request, session, actor):
        return Download(b"a;b\r\n", CSV, "resultat Växjö.csv")

    def refuse(request, session, actor):
        raise {
            "403": AccessDenied(),
            "404": NotFound("Finns inte."),
            "409": StaleEdit("Ändrad."),
            "422": ValidationError("För få svar."),
        }[request.path_params["code"]]

    app = Starlette(
        routes=[download_route("/api/ok", ok), download_route("/api/fel/{code}", refuse)]
    )
    return TestClient(app)


def test_downloads_need_a_login_and_are_never_cached(client):
    anonymous = client.get("/api/ok")
    assert anonymous.status_code == 401 and anonymous.text == "Logga in för att ladda ner."
    assert anonymous.headers["cache-control"] == "no-store"
    client.cookies.set("sa_session", login_token("utbildare@demo.se"))
    response = client.get("/api/ok")
    assert response.status_code == 200 and response.content == b"a;b\r\n"
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-disposition"].startswith(
        'attachment; filename="resultat-Vaxjo.csv"'
    )


@pytest.mark.parametrize("code", ["403", "404", "409", "422"])
def test_refusals_have_one_status_code_each(client, code):
    client.cookies.set("sa_session", login_token("utbildare@demo.se"))
    response = client.get(f"/api/fel/{code}")
    assert response.status_code == int(code)
    assert response.headers["cache-control"] == "no-store"


def test_save_versioned_refuses_a_stale_save(demo):
    with session_scope() as session:
        course = session.scalars(select(Course)).first()
        course_id, version = course.id, course.version
    with session_scope() as session:
        assert save_versioned(session, Course, course_id, version, title="Ny titel") == version + 1
    with pytest.raises(StaleEdit) as refused, session_scope() as session:
        save_versioned(session, Course, course_id, version, what="Kursen", title="Gammal")
    assert refused.value.message.startswith("Kursen har ändrats av någon annan")
    with session_scope() as session:
        assert session.get(Course, course_id).title == "Ny titel"
