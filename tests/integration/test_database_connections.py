"""PostgreSQL connections in the pool: tested only after lying idle, replaced when dead.

A ping on every checkout (`pool_pre_ping`) cost a round trip to the server per event; these
tests pin down what replaces it (academy/core/db.py)."""

import pytest
import sqlalchemy as sa

from academy.core import db
from academy.core.db import get_engine, session_scope
from tests.databases import PG_ADMIN_URL

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


def end_pool_connections() -> None:
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        ended = conn.execute(
            sa.text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE application_name = :name"
            ),
            {"name": APP_NAME},
        ).scalar_one()
    admin.dispose()
    assert ended >= 1


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
