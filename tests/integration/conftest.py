"""Integration tests run once against SQLite and once against PostgreSQL.

Each kind of database is created and migrated once per run, and seeded with the demo data
once, when a test first asks for it. Before every test its content is put back to the state
the test asks for: empty tables (`engine`) or exactly the seeded demo data (`demo`). Both
databases live for the whole run, so tests may run in any order.
"""

from __future__ import annotations

import asyncio
import inspect
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack

import pytest
import sqlalchemy as sa

from academy.core import security
from academy.core import settings as settings_module
from academy.core.db import get_engine, session_scope
from tests.databases import SavedStates, throwaway_database

LIGHT_HASHER = security.Argon2id(time_cost=1, memory_kib=8)
LIGHT_DUMMY_HASH = LIGHT_HASHER.hash("not-a-real-password")


@pytest.fixture(autouse=True)
def light_password_hashing(monkeypatch):
    """Argon2 at its lowest cost, so a login takes a millisecond instead of a large part of a
    second: these tests are about what a login does, not about the hash's strength. The
    demo data is seeded with it too; unit and browser tests keep the real parameters."""
    monkeypatch.setattr(security, "_hasher", LIGHT_HASHER)
    monkeypatch.setattr(security, "_DUMMY_HASH", LIGHT_DUMMY_HASH)


@pytest.fixture(scope="session")
def run_data_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("data")


@pytest.fixture(autouse=True)
def own_data_dir(run_data_dir, monkeypatch):
    """The app's files (lesson images, the contacts secret) in a folder of the test run's own:
    `academy gallra` removes lesson images no lesson of the test database shows, and the
    project's data/ folder holds those of the developer's own database."""
    monkeypatch.setenv("DATA_DIR", str(run_data_dir))


@pytest.fixture(scope="session")
def test_databases(tmp_path_factory):
    """Opens the run's database of a kind on first use; drops them all at the end."""
    opened: dict[str, SavedStates] = {}
    with ExitStack() as stack:

        def open_database(kind: str) -> SavedStates:
            if kind not in opened:
                folder = tmp_path_factory.mktemp(kind)
                url = stack.enter_context(throwaway_database(kind, folder))
                opened[kind] = SavedStates(url, folder)
                opened[kind].save("empty")
            return opened[kind]

        yield open_database


@pytest.fixture(params=["sqlite", "postgresql"])
def saved_states(request, test_databases) -> SavedStates:
    return test_databases(request.param)


@pytest.fixture
def database_url(saved_states) -> str:
    return saved_states.url


@pytest.fixture
def engine(saved_states, request, monkeypatch):
    """The test's database, also made the app's default so states and the CLI use it."""
    monkeypatch.setenv("DATABASE_URL", saved_states.url)
    settings_module.get_settings.cache_clear()
    wants_demo = "demo" in request.fixturenames and "demo" in saved_states
    saved_states.restore("demo" if wants_demo else "empty")
    yield get_engine(saved_states.url)
    settings_module.get_settings.cache_clear()


@pytest.fixture
def demo(engine, saved_states, monkeypatch):
    """The database with exactly the demo data: seeded once per run, then put back."""
    if "demo" not in saved_states:
        from academy.demo import seed_demo

        # One week of demo contacts (6,500) instead of the app's eight keeps the seed quick.
        monkeypatch.setenv("DEMO_CONTACT_WEEKS", "1")
        with session_scope(engine) as session:
            seed_demo(session)
        saved_states.save("demo")
    return engine


def run_event(result):
    """Run an event handler's result to the end: an async handler's coroutine, or every update
    of an async generator's, in a thread of its own (the browser tests of the same pytest run
    keep an event loop open in this one)."""
    if inspect.isasyncgen(result):
        result = _exhaust(result)
    if not asyncio.iscoroutine(result):
        return result
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, result).result()


async def _exhaust(updates) -> None:
    async for _ in updates:
        pass


def count(engine, table: str) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
