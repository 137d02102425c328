"""Alembic environment: one metadata for the whole app, URL from the app's settings."""

from alembic import context

from academy.core.db import get_engine
from academy.schema import metadata

config = context.config


def run_migrations() -> None:
    url = config.attributes.get("database_url")
    engine = get_engine(url) if url else get_engine()
    if context.is_offline_mode():
        context.configure(url=str(engine.url), target_metadata=metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations()
