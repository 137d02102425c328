"""The login cookie: set and cleared only by the server, HttpOnly, never in the state.

The login form opens a login behind a one-time code; `POST /api/inloggning` redeems it and sets
`sa_session` (HttpOnly, SameSite=Strict, Secure over https). Events resolve the login from the
`Cookie` header of the websocket connection, which Reflex takes from the server's socket environ.
"""

import asyncio
import dataclasses
import json
from datetime import timedelta
from types import SimpleNamespace

import pytest
from reflex.app import EventNamespace
from reflex.istate.data import HeaderData, ReflexURL
from reflex.utils import format
from sqlalchemy import select
from starlette.applications import Starlette
from starlette.testclient import TestClient

from academy.core import auth
from academy.core.db import session_scope
from academy.core.models import LoginSession, User, utcnow
from academy.core.web import session_api
from academy.core.web.login_state import HANDOFF_FAILED, LoginState, PasswordState
from academy.core.web.session import LOGGED_OUT, SESSION_ENDED, PageOpener, SessionState
from academy.demo import DEMO_PASSWORD
from tests.sessions import redeem, token_of, with_cookie

STRONG = "gurka-tromb0n-vals"


def submitted(email="medarbetare@demo.se", password=DEMO_PASSWORD) -> LoginState:
    login = LoginState()
    asyncio.run(login.submit({"email": email, "password": password}))
    return login


def client(base_url="http://testserver") -> TestClient:
    return TestClient(Starlette(routes=session_api.ROUTES), base_url=base_url)


def cookie_header(answer) -> str:
    return next(v for k, v in answer.headers.multi_items() if k.lower() == "set-cookie")


def test_the_route_sets_an_httponly_strict_cookie_and_opens_the_start_page(demo):
    login = submitted()
    assert login.error == "" and login.handoff
    answer = client().post("/api/inloggning", data={"code": login.handoff}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    header = cookie_header(answer)
    assert header.startswith("sa_session=")
    attributes = {part.strip().lower() for part in header.split(";")[1:]}
    assert {"httponly", "samesite=strict", "path=/", "max-age=43200"} <= attributes
    assert "secure" not in attributes  # served over plain http (a local or test server)
    token = answer.cookies["sa_session"]
    assert token != login.handoff
    with session_scope(demo) as session:
        assert auth.resolve_session(session, token).email == "medarbetare@demo.se"


def test_the_cookie_is_secure_over_https_and_behind_an_https_origin(demo, monkeypatch):
    answer = client("https://testserver").post(
        "/api/inloggning", data={"code": submitted().handoff}, follow_redirects=False
    )
    assert "secure" in cookie_header(answer).lower()
    monkeypatch.setenv("APP_ORIGINS", "https://serviceakademin.kommun.se")
    answer = client().post(  # TLS ended by the proxy: the request itself is http
        "/api/inloggning",
        data={"code": submitted().handoff},
        headers={"Origin": "https://serviceakademin.kommun.se"},
        follow_redirects=False,
    )
    assert answer.status_code == 303 and "secure" in cookie_header(answer).lower()


def test_a_code_works_once_within_a_minute_and_never_as_a_cookie(demo):
    code = submitted().handoff
    # The code itself opens nothing: it is not the login's token.
    assert with_cookie(SessionState(), code)._actor() is None
    first = client().post("/api/inloggning", data={"code": code}, follow_redirects=False)
    assert "sa_session" in first.cookies
    again = client().post("/api/inloggning", data={"code": code}, follow_redirects=False)
    assert again.headers["location"] == "/logga-in?avbruten=1"
    assert "set-cookie" not in again.headers
    late = submitted().handoff
    with session_scope(demo) as session:
        assert auth.redeem_handoff(session, late, now=utcnow() + timedelta(seconds=61)) is None
    assert redeem(late) == ""  # an expired code is ended, not left for later


def test_a_post_from_another_site_neither_logs_in_nor_out(demo):
    answer = client().post(
        "/api/inloggning",
        data={"code": submitted().handoff},
        headers={"Origin": "http://localhost:9999"},
        follow_redirects=False,
    )
    assert answer.status_code == 403 and "sa_session" not in answer.cookies
    token = redeem(submitted().handoff)
    other_site = client()
    other_site.cookies.set("sa_session", token)
    refused = other_site.post(
        "/api/utloggning", headers={"Origin": "http://evil.example"}, follow_redirects=False
    )
    assert refused.status_code == 403
    assert with_cookie(SessionState(), token)._actor() is not None


def test_logout_ends_the_login_and_clears_the_cookie(demo):
    token = redeem(submitted().handoff)
    browser = client()
    browser.cookies.set("sa_session", token)
    answer = browser.post("/api/utloggning", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/logga-in?utloggad=1"
    header = cookie_header(answer).lower()
    assert header.startswith('sa_session="";') or header.startswith("sa_session=;")
    assert "max-age=0" in header and "httponly" in header
    assert with_cookie(SessionState(), token)._actor() is None
    login = LoginState()
    login.router = dataclasses.replace(
        login.router, url=ReflexURL("http://localhost:3000/logga-in?utloggad=1")
    )
    login.open_login()
    assert login.logged_out_notice == LOGGED_OUT
    login.router = dataclasses.replace(
        login.router, url=ReflexURL("http://localhost:3000/logga-in?avbruten=1")
    )
    login.open_login()
    assert login.logged_out_notice == HANDOFF_FAILED


def test_the_token_never_travels_in_the_state(demo):
    login = submitted()
    token = redeem(login.handoff)
    state = with_cookie(SessionState(), token)
    state._check_login()
    assert state.user_email == "medarbetare@demo.se"
    assert "token" not in SessionState.get_fields()
    sent = format.json_dumps(state.dict()) + format.json_dumps(state.get_delta())
    sent += format.json_dumps(login.dict()) + format.json_dumps(login.get_delta())
    assert token not in sent and "sa_session" not in sent


def test_an_ended_or_idle_login_sends_the_person_to_the_login_page(demo):
    token = redeem(submitted().handoff)
    with session_scope(demo) as session:
        login = session.scalar(select(LoginSession).order_by(LoginSession.id.desc()))
        login.last_seen_at = utcnow() - timedelta(hours=2)
    state = with_cookie(SessionState(), token)
    assert "/logga-in" in str(state._check_login())
    assert state.logged_out_notice == SESSION_ENDED and state.user_name == ""
    stranger = with_cookie(SessionState(), "", cookie_header="")
    assert "/logga-in" in str(stranger._check_login())
    assert stranger.logged_out_notice == ""


def test_changing_ones_password_keeps_this_login_and_ends_the_others(demo):
    mine = redeem(submitted().handoff)
    other = redeem(submitted().handoff)
    page = with_cookie(PasswordState(), mine)
    asyncio.run(page.change({"current": DEMO_PASSWORD, "password": STRONG, "repeat": STRONG}))
    assert page.error == "", page.error
    with session_scope(demo) as session:
        assert auth.resolve_session(session, mine) is not None
        assert auth.resolve_session(session, other) is None
        user = session.scalar(select(User).where(User.email == "medarbetare@demo.se"))
        assert auth.count_active_sessions(session, user.id) == 1


def test_the_cookie_is_read_among_others_and_only_by_its_name(demo):
    token = redeem(submitted().handoff)
    header = f"theme=dark; sa_session_old=x; sa_session={token}; other=1"
    state = with_cookie(SessionState(), "", cookie_header=header)
    assert token_of(state) == token and state._actor() is not None
    assert with_cookie(SessionState(), "", cookie_header="xsa_session=" + token)._actor() is None


def test_a_cookie_header_forged_in_an_event_payload_is_ignored():
    """Reflex builds an event's headers from the socket connection (its environ), replacing
    whatever `router_data.headers` the browser put in the event."""
    sid, client_token = "sid-1", "tab-1"
    queued = []

    async def enqueue(token, event):
        queued.append(event)

    namespace = EventNamespace.__new__(EventNamespace)
    namespace._token_manager = SimpleNamespace(sid_to_token={sid: client_token})
    namespace.app = SimpleNamespace(
        sio=None,
        router=lambda path: path,
        event_processor=SimpleNamespace(enqueue=enqueue),
    )
    environ = {
        "asgi.scope": {
            "headers": [(b"host", b"localhost:3000"), (b"cookie", b"theme=dark")],
            "client": ("127.0.0.1", 5000),
        }
    }
    namespace._static_router_data = {sid: namespace._build_static_router_data(sid, environ)}
    forged = {
        "name": PageOpener.get_full_name() + ".open_page",
        "payload": {"route": "/"},
        "router_data": {
            "pathname": "/",
            "headers": {"cookie": "sa_session=forged-token"},
        },
    }
    asyncio.run(namespace.on_event(sid, json.loads(json.dumps(forged))))
    (event,) = queued
    assert event.router_data["headers"]["cookie"] == "theme=dark"
    state = SessionState()
    state.router = dataclasses.replace(
        state.router,
        headers=HeaderData.from_router_data(event.router_data),
    )
    assert token_of(state) == ""


@pytest.mark.parametrize("email", ["admin@demo.se", "strateg@demo.se"])
def test_login_form_leaves_no_token_in_its_state(demo, email):
    login = submitted(email)
    assert login.handoff and not hasattr(login, "token")
