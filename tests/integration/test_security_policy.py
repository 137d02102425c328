"""Passwords, one-time passwords, sessions after a password change, and the login limits."""

import asyncio
import dataclasses
import threading
from datetime import timedelta

import pytest
from sqlalchemy import select
from starlette.applications import Starlette
from starlette.testclient import TestClient

from academy.admin.web.users_state import UsersState
from academy.core import accounts, auth, security
from academy.core.db import session_scope
from academy.core.errors import ValidationError
from academy.core.models import User, utcnow
from academy.core.web import session_api
from academy.core.web.base import CHANGE_PASSWORD_FIRST
from academy.core.web.login_state import LoginState, PasswordState
from academy.core.web.session import SessionState
from academy.demo import DEMO_PASSWORD
from academy.privacy.web import api as privacy_api
from tests.sessions import redeem, with_cookie

STRONG = "gurka-tromb0n-vals"


def admin(session):
    return auth.to_current_user(session.scalar(select(User).where(User.email == "admin@demo.se")))


def log_in(email, password=DEMO_PASSWORD, client=""):
    state = LoginState()
    if client:
        state.router = dataclasses.replace(
            state.router, session=dataclasses.replace(state.router.session, client_ip=client)
        )
    event = asyncio.run(state.submit({"email": email, "password": password}))
    return state, event


def test_admin_changing_a_password_ends_the_persons_logins(demo):
    sara, _ = log_in("medarbetare@demo.se")
    token = redeem(sara.handoff)
    assert token
    with session_scope(demo) as session:
        user = session.scalar(select(User).where(User.email == "medarbetare@demo.se"))
        accounts.update_user(
            session,
            admin(session),
            user.id,
            name=user.name,
            email=user.email,
            roles=list(user.roles),
            unit_id=user.unit_id,
            password=STRONG,
        )
    with session_scope(demo) as session:
        assert auth.resolve_session(session, token) is None


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("aaaaaaaaaa", "Upprepningar"),
        ("1234567890", "vanligaste lösenorden"),
        ("serviceakademin", "ord som hör till Serviceakademin"),
        ("nils.nystrom1", "ditt namn"),
        ("kort", "minst 10 tecken"),
    ],
)
def test_guessable_passwords_are_refused_with_the_reason(demo, password, reason):
    with session_scope(demo) as session, pytest.raises(ValidationError) as refused:
        accounts.create_user(
            session,
            admin(session),
            name="Nils Nyström",
            email="nils@demo.se",
            password=password,
            roles=["employee"],
        )
    assert reason in refused.value.message and refused.value.field == "password"


def test_an_admins_password_is_one_time_and_must_be_changed_first(demo):
    with session_scope(demo) as session:
        accounts.create_user(
            session,
            admin(session),
            name="Nils Nyström",
            email="nils@demo.se",
            password=STRONG,
            roles=["employee"],
        )
    nils, _ = log_in("nils@demo.se", STRONG)
    # The route that sets the login cookie sends the person to Byt lösenord first.
    answer = TestClient(Starlette(routes=session_api.ROUTES)).post(
        "/api/inloggning", data={"code": nils.handoff}, follow_redirects=False
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/byt-losenord"
    token = answer.cookies["sa_session"]

    # Every other page sends the person to Byt lösenord, and every other event is refused.
    other = with_cookie(SessionState(), token)
    assert "/byt-losenord" in str(other._check_login())
    users = with_cookie(UsersState(), token)
    users.load()
    assert users.error == CHANGE_PASSWORD_FIRST
    downloads = TestClient(Starlette(routes=privacy_api.API))
    downloads.cookies.set("sa_session", token)
    assert downloads.get("/api/registerutdrag/json").status_code == 403

    page = with_cookie(PasswordState(), token)
    page.load()
    assert page.must_change
    asyncio.run(page.change({"current": STRONG, "password": "aaaaaaaaaa", "repeat": "aaaaaaaaaa"}))
    assert "för lätt att gissa" in page.field_errors["password"]
    new = "blåbär-kanot-92-fönster"
    event = asyncio.run(page.change({"current": STRONG, "password": new, "repeat": new}))
    assert page.error == "" and "/" in str(event)
    with session_scope(demo) as session:
        user = auth.resolve_session(session, token)
        assert user is not None and not user.must_change_password
    assert log_in("nils@demo.se", new)[0].handoff


def test_the_demo_accounts_keep_their_demo_password(demo):
    with session_scope(demo) as session:
        assert not any(session.scalars(select(User.must_change_password)))
    assert log_in("admin@demo.se")[0].handoff


def test_failures_from_one_address_do_not_lock_the_account_elsewhere(demo):
    for _ in range(5):
        state, _ = log_in("admin@demo.se", "gissning-123", client="203.0.113.9")
        assert state.error == auth.WRONG_CREDENTIALS
    guesser, _ = log_in("admin@demo.se", client="203.0.113.9")
    assert "tillfälligt spärrat" in guesser.error and not guesser.handoff
    owner, _ = log_in("admin@demo.se", client="10.1.2.3")
    assert owner.error == "" and owner.handoff


def test_one_address_guessing_at_many_accounts_is_stopped(demo):
    now = utcnow()
    with session_scope(demo) as session:
        for i in range(20):
            with pytest.raises(auth.LoginRefused):
                auth.authenticate(
                    session, f"x{i}@demo.se", "gissning", client="203.0.113.9", now=now
                )
    refused, _ = log_in("utbildare@demo.se", client="203.0.113.9")
    assert "från din nätverksadress" in refused.error and not refused.handoff
    colleague, _ = log_in("utbildare@demo.se", client="10.1.2.3")
    assert colleague.handoff
    # The limit lasts for the lock time after the last failure, then the address may try again.
    with session_scope(demo) as session:
        later = now + timedelta(minutes=16)
        user = auth.authenticate(
            session, "utbildare@demo.se", DEMO_PASSWORD, client="203.0.113.9", now=later
        )
        assert user.email == "utbildare@demo.se"


def test_successful_logins_from_one_address_are_never_limited(demo):
    for _ in range(25):
        assert log_in("medarbetare@demo.se", client="10.1.2.3")[0].handoff


def test_the_password_check_runs_off_the_event_loop(demo, monkeypatch):
    threads = []
    real = security.verify_password

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(auth, "verify_password", spy)
    state, _ = log_in("medarbetare@demo.se")
    assert state.handoff and threads and threads[0] is not threading.main_thread()
