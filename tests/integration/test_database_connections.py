"""PostgreSQL connections in the pool: tested only after lying idle, replaced when dead.

A ping on every checkout (`pool_pre_ping`) cost a round trip to the server per event; these
tests pin down what replaces it (academy/core/db.py): a connection idle for a while is pinged,
and a dead one in steady use is replaced by the event's login check, which is retried once."""

import asyncio

import pytest
import sqlalchemy as sa
from starlette.applications import Starlette
from starlette.testclient import TestClient

from academy.core import db
from academy.core.db import first_in_transaction, get_engine, session_scope
from academy.core.models import LoginSession
from academy.core.security import token_digest
from academy.core.web import routing, session_api
from academy.core.web.session import PageOpener
from academy.home.web.home_state import HomeState
from tests.databases import PG_ADMIN_URL
from tests.integration.test_privacy_web import client as privacy_client
from tests.integration.test_session_cookie import submitted
from tests.integration.test_states import logged_in

APP_NAME = "academy_pool_test"


@pytest.fixture
def pool(test_databases):
    """An engine of its own (its URL differs), so ending its connections touches no other."""
    engine = get_engine(f"{test_databases('postgresql').url}?application_name={APP_NAME}")
    yield engine
    engine.dispose()


@pytest.fixture
def pings(pool, monkeypatch):
    calls = []
    real = pool.dialect.do_ping

    def do_ping(dbapi_connection):
        calls.append(1)
        return real(dbapi_connection)

    monkeypatch.setattr(pool.dialect, "do_ping", do_ping)
    return calls


def backend(engine) -> int:
    with session_scope(engine) as session:
        return session.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()


def end_connections(where: str, **params) -> None:
    """What a restart of the server does to the pool's connections: end them (waiting until
    they are gone)."""
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        ended = conn.execute(
            sa.text(
                "SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity "
                f"WHERE {where} AND pid <> pg_backend_pid()"
            ),
            params,
        ).scalar_one()
    admin.dispose()
    assert ended >= 1


def end_pool_connections() -> None:
    end_connections("application_name = :name", name=APP_NAME)


def test_a_connection_in_steady_use_is_not_pinged(pool, pings):
    first = backend(pool)
    assert [backend(pool) for _ in range(5)] == [first] * 5
    assert pings == []


def test_an_idle_connection_the_server_dropped_is_replaced_unnoticed(pool, pings, monkeypatch):
    first = backend(pool)
    end_pool_connections()
    monkeypatch.setattr(db, "IDLE_BEFORE_PING", 0.0)
    assert backend(pool) != first
    assert pings  # the dead connection was found by the ping, not by the work


def test_a_restart_under_a_busy_pool_fails_one_event_then_recovers(pool, pings):
    first = backend(pool)
    end_pool_connections()
    with pytest.raises(sa.exc.OperationalError) as failed:
        backend(pool)
    assert failed.value.connection_invalidated
    assert backend(pool) != first
    assert pings == []


def test_a_transactions_first_statements_are_retried_on_a_new_connection(pool, pings):
    first = backend(pool)
    end_pool_connections()
    with session_scope(pool) as session:
        pid = first_in_transaction(
            session, lambda s: s.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()
        )
    assert pid != first
    assert pings == []


@pytest.mark.parametrize("saved_states", ["postgresql"], indirect=True)
def test_after_a_restart_pages_events_and_downloads_work_without_an_error(demo):
    opener, home = (
        logged_in(PageOpener, "medarbetare@demo.se"),
        logged_in(HomeState, "medarbetare@demo.se"),
    )
    downloads = privacy_client("medarbetare@demo.se")
    page = routing.PageLoad((HomeState.load,), public=False)
    assert asyncio.run(opener._run_loaders(page, [home])) is None and home.steps

    database = get_engine().url.database
    end_connections("datname = :name", name=database)
    home.steps = []
    assert asyncio.run(opener._run_loaders(page, [home])) is None
    assert opener.user_name and home.error == "" and home.steps

    end_connections("datname = :name", name=database)
    home.steps = []
    home.load()  # an event of its own, through BaseState._run
    assert home.error == "" and home.steps

    end_connections("datname = :name", name=database)
    assert downloads.get("/api/registerutdrag/json").status_code == 200
    get_engine().dispose()  # no connection of this test's restarts is left for the next test


@pytest.mark.parametrize("saved_states", ["postgresql"], indirect=True)
def test_after_a_restart_logging_in_and_out_work_without_an_error(demo):
    """The login form's event, its hand-over and "Logga ut" begin their transactions with no
    login check to retry: each retries its own first statements."""
    routes = TestClient(Starlette(routes=session_api.ROUTES), base_url="http://testserver")
    database = get_engine().url.database
    assert submitted().handoff  # the pool now holds a connection
    end_connections("datname = :name", name=database)
    login = submitted()
    assert login.error == "" and login.handoff

    end_connections("datname = :name", name=database)
    answer = routes.post("/api/inloggning", data={"code": login.handoff}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/"

    end_connections("datname = :name", name=database)
    out = routes.post("/api/utloggning", follow_redirects=False)
    assert out.status_code == 303 and "utloggad" in out.headers["location"]
    with session_scope() as session:
        ended = session.scalar(
            sa.select(LoginSession.ended_at).where(
                LoginSession.token_hash == token_digest(answer.cookies["sa_session"])
            )
        )
    assert ended is not None
    get_engine().dispose()
