import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from academy.core.migrate import downgrade, upgrade
from academy.schema import metadata


def test_migrations_match_the_models(engine):
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    assert differences == []


def test_migrations_go_down_and_up_again(engine, database_url):
    downgrade(database_url, "base")
    assert set(sa.inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(database_url)
    assert {"users", "units", "user_roles", "login_sessions", "audit_events"} <= set(
        sa.inspect(engine).get_table_names()
    )
