"""The test databases themselves: each test starts from exactly the saved state it asks for."""

import sqlalchemy as sa

from academy.core.db import session_scope
from academy.core.models import Unit
from academy.schema import metadata
from tests.integration.conftest import count


def _contents(engine) -> dict[str, list[str]]:
    with engine.connect() as conn:
        return {
            table.name: sorted(repr(tuple(row)) for row in conn.execute(table.select()))
            for table in metadata.sorted_tables
        }


def _new_unit_id(engine) -> int:
    with session_scope(engine) as session:
        unit = Unit(name="Tillfällig enhet", kind="enhet")
        session.add(unit)
        session.flush()
        return unit.id


def test_the_demo_data_comes_back_whole_with_the_same_next_ids(demo, saved_states):
    seeded = _contents(demo)
    next_id = _new_unit_id(demo)
    with demo.begin() as conn:
        conn.execute(sa.text("DELETE FROM audit_events"))
        conn.execute(sa.text("UPDATE users SET name = 'Ändrad'"))
    saved_states.restore("demo")
    assert _contents(demo) == seeded
    assert _new_unit_id(demo) == next_id


def test_a_test_without_demo_data_starts_from_empty_tables(engine):
    # The rows the migrations write: the stamps of the courses' content and of quiz questions
    # (academy.core.kept).
    assert count(engine, "content_stamps") == 2
    assert all(
        count(engine, table.name) == 0
        for table in metadata.sorted_tables
        if table.name != "content_stamps"
    )
