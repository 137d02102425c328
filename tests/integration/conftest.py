"""Integration tests run once against SQLite and once against PostgreSQL."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from academy.core import settings as settings_module
from academy.core.db import get_engine
from academy.schema import metadata
from tests.databases import throwaway_database


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request, tmp_path_factory):
    with throwaway_database(request.param, tmp_path_factory.mktemp("db")) as url:
        yield url


@pytest.fixture
def engine(database_url, monkeypatch):
    """The test's database, also made the app's default so states and the CLI use it."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    settings_module.get_settings.cache_clear()
    engine = get_engine(database_url)
    yield engine
    _empty_all_tables(engine)
    settings_module.get_settings.cache_clear()


def _empty_all_tables(engine) -> None:
    names = [table.name for table in metadata.sorted_tables]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(sa.text(f"TRUNCATE {', '.join(names)} RESTART IDENTITY CASCADE"))
            return
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        for name in names:
            conn.execute(sa.text(f"DELETE FROM {name}"))
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")


@pytest.fixture
def demo(engine, monkeypatch):
    from academy.core.db import session_scope
    from academy.demo import seed_demo

    # One week of demo contacts (6,500) instead of the app's eight keeps every test fast.
    monkeypatch.setenv("DEMO_CONTACT_WEEKS", "1")
    with session_scope(engine) as session:
        seed_demo(session)
    return engine


def count(engine, table: str) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
